/// Every error that Dossier reports to a user: each says what went wrong and names it.
public enum DossierError: Error, Equatable, CustomStringConvertible {
    case pathNotFound(String)
    case unreadable(String, reason: String)
    case noArticles([String])
    case invalidCatalog(String)
    case missingResource(String)
    case unknownEntity(String)
    case ambiguousEntity(String, candidates: [String])
    case unknownArticle(String)
    case ambiguousArticle(String, candidates: [String])
    case invalidQuery(String)

    public var description: String {
        switch self {
        case .pathNotFound(let path): "no such file or directory: \(path)"
        case .unreadable(let path, let reason): "cannot read \(path): \(reason)"
        case .noArticles(let paths): "no articles (.txt or .md files) found in \(paths.joined(separator: ", "))"
        case .invalidCatalog(let reason): "entity catalog: \(reason)"
        case .missingResource(let name): "the bundled \(name) is missing; pass article paths instead"
        case .unknownEntity(let name): "no entity named '\(name)'"
        case .ambiguousEntity(let name, let candidates):
            "'\(name)' could be any of: \(candidates.joined(separator: ", "))"
        case .unknownArticle(let name): "no article matches '\(name)'"
        case .ambiguousArticle(let name, let candidates):
            "'\(name)' matches \(candidates.count) articles: \(candidates.prefix(5).joined(separator: ", "))\(candidates.count > 5 ? ", …" : "")"
        case .invalidQuery(let reason): "invalid query: \(reason)"
        }
    }
}
