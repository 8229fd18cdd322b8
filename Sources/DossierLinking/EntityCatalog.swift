import DossierResources
import DossierText
import Foundation

/// The entities Dossier knows by name, read from a JSON catalog.
public struct EntityCatalog: Sendable {
    public let entities: [Entity]

    private struct File: Decodable {
        let version: Int
        let entities: [Entity]
    }

    public init(entities: [Entity]) throws {
        var seen = Set<String>()
        for entity in entities {
            guard !entity.id.isEmpty, !entity.name.isEmpty else {
                throw DossierError.invalidCatalog("an entity has an empty id or name")
            }
            guard seen.insert(entity.id).inserted else {
                throw DossierError.invalidCatalog("the id '\(entity.id)' is used twice")
            }
        }
        self.entities = entities
    }

    public init(json data: Data) throws {
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: data)
        } catch {
            throw DossierError.invalidCatalog("not a valid catalog: \(error)")
        }
        guard file.version == 1 else { throw DossierError.invalidCatalog("unknown catalog version \(file.version)") }
        try self.init(entities: file.entities)
    }

    /// The catalog that ships in Resources/catalog.json.
    public static func bundled() throws -> EntityCatalog {
        let url = try BundledResources.url(of: "catalog.json")
        return try EntityCatalog(json: Data(contentsOf: url))
    }
}

extension EntityCatalog {
    /// This catalog with a user's own entries: one with an id already here takes that entry's
    /// place (to correct a description, add an alias); the others join at the end.
    public func merging(_ own: [Entity]) throws -> EntityCatalog {
        guard !own.isEmpty else { return self }
        let ownByID = Dictionary(own.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let kept = entities.map { ownByID[$0.id] ?? $0 }
        let known = Set(entities.map(\.id))
        return try EntityCatalog(entities: kept + own.filter { !known.contains($0.id) })
    }
}
