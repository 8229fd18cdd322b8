import DossierFormats
import DossierIndex
import DossierLinking

/// What every step of a load works from: where the saved index lies (`IndexAddress`), the files found,
/// their labels and the linker.
struct LoadSetup: Sendable {
    let address: IndexAddress
    let found: FoundFiles
    /// What the reader lists each file as while it is read (`ArticleIDs.fileLabels`).
    let labels: [String]
    let linker: EntityLinker
    /// The paths the user named, whose failure to read is an error rather than a skip.
    let directlyNamed: Set<String>

    var files: [ArticleFile] { found.files }
    var paths: [String] { address.paths }
    var catalog: EntityCatalog { address.catalog }
    var gazetteer: Gazetteer { address.gazetteer }
    var cache: IndexCache? { address.cache }
    var fields: DatasetFields { address.fields }
    var roots: [String] { address.roots }
    var cachedPaths: CachedPaths { address.cachedPaths }
    var fingerprint: IndexCache.Fingerprint { address.fingerprint }

    /// Finds the files under the address's paths, warns of any passed over on the way, and shows them
    /// to `preview` before any is read.
    init(_ address: IndexAddress, preview: (@Sendable (LoadPreview) -> Void)?, warn: (String) -> Void) throws {
        self.address = address
        found = try ArticleFile.find(in: address.paths)
        for skip in found.skipped { warn("skipped \(skip.path): \(skip.reason)") }
        directlyNamed = Set(address.paths)
        labels = ArticleIDs.fileLabels(for: found.files)
        preview?(.found(Corpus.preview(of: found.files, ids: labels)))
        linker = EntityLinker(entities: address.catalog.entities, gazetteer: address.gazetteer)
    }

    /// The folders listed, by the real paths the saved index files them under, when every file found was
    /// saved (`filesSaved` of them: with their articles, or as skipped for what they hold); nil otherwise.
    func listedFolders(whenSaved filesSaved: Int) -> [ListedFolder]? {
        guard found.skipped.isEmpty, filesSaved == files.count else { return nil }
        return found.folders.map { ListedFolder(path: cachedPaths.saved($0.path), stamp: $0.stamp) }
    }
}
