/// Every error that Dossier reports to a user: each says what went wrong and names it.
public enum DossierError: Error, Equatable, CustomStringConvertible {
    case pathNotFound(String)
    case unreadable(String, reason: String)
    case unwritable(String, reason: String)
    case noArticles([String])
    case invalidCatalog(String)
    case missingResource(String)
    case unknownEntity(String)
    case ambiguousEntity(String, candidates: [String])
    case unknownArticle(String)
    case ambiguousArticle(String, candidates: [String])
    case invalidQuery(String)
    case invalidFields(String)
    case invalidEnvironment(String, reason: String)
    /// A correction that cannot be made or taken back, and why.
    case invalidCorrection(String)

    public var description: String {
        switch self {
        case .pathNotFound(let path): "no such file or directory: \(Self.shortened(path))"
        case .unreadable(let path, let reason): "cannot read \(Self.shortened(path)): \(reason)"
        case .unwritable(let path, let reason): "cannot write \(Self.shortened(path)): \(reason)"
        case .noArticles(let paths): "no articles (.txt, .md, .html, .xml, .jsonl or .csv files) found in \(paths.map(Self.shortened).joined(separator: ", "))"
        case .invalidCatalog(let reason): "entity catalog: \(reason)"
        case .missingResource(let name): "the bundled \(name) is missing; pass article paths instead"
        case .unknownEntity(let name): "no entity named '\(Self.shortened(name))'"
        case .ambiguousEntity(let name, let candidates):
            "'\(Self.shortened(name))' could be any of: \(candidates.joined(separator: ", "))"
        case .unknownArticle(let name): "no article matches '\(Self.shortened(name))'"
        case .ambiguousArticle(let name, let candidates):
            "'\(Self.shortened(name))' matches \(candidates.count) articles: \(candidates.prefix(5).joined(separator: ", "))\(candidates.count > 5 ? ", …" : "")"
        case .invalidQuery(let reason): "invalid query: \(reason)"
        case .invalidFields(let reason): "--fields: \(reason)"
        case .invalidEnvironment(let name, let reason): "\(name): \(reason)"
        case .invalidCorrection(let reason): reason
        }
    }

    /// The most of what a user typed that an error line repeats: its start and end, in Characters.
    public static let echoedCharacters = 120

    /// `text` as an error line repeats it: whole when short, else its start and end around "…",
    /// so that a 100 KB argument does not fill the terminal.
    public static func shortened(_ text: String) -> String {
        guard text.count > echoedCharacters else { return text }
        let half = echoedCharacters / 2
        return text.prefix(half) + "…" + text.suffix(half)
    }
}
