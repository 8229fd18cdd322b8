import Foundation

/// What Dossier reads from a web page: the article's body, and what the page says about the
/// article (its headline, authors, date, publisher and address).
///
/// Metadata comes from the page's JSON-LD (`NewsArticle` and its kin), then its Open Graph
/// and other `meta` tags, then the page itself (`<h1>`, `<title>`, `<time>`).
public struct WebPage: Sendable, Equatable {
    public var title: String?
    public var authors: [String] = []
    /// ISO 8601 day.
    public var date: String?
    public var publisher: String?
    public var url: String?
    public var paragraphs: [String] = []
    /// Whether the parser ran out of memory before the page's end: what was read is not the page.
    package var ranOutOfMemory = false

    /// Reads a page's bytes, which may be gzipped; `encoding` overrides what the page declares
    /// (a feed's content is already UTF-8).
    public static func read(_ bytes: [UInt8], encoding: String? = nil) -> WebPage {
        let tree = HTMLParser.parse(bytes, encoding: encoding)
        var page = WebPage()
        page.ranOutOfMemory = tree.ranOutOfMemory
        page.paragraphs = BodyExtractor.paragraphs(of: tree)
        PageMetadata(tree: tree).fill(&page)
        return page
    }
}

/// The metadata a page carries, read from its tree.
struct PageMetadata {
    let tree: HTMLTree
    private var metaTags: [String: String] = [:]
    private var linkedData: [[String: Any]] = []
    private var titleElement: String?
    private var headings: [String] = []
    private var canonical: String?
    private var times: [String] = []

    init(tree: HTMLTree) {
        self.tree = tree
        for node in 1..<tree.count {
            switch tree.tag(node) {
            case .meta:
                guard let content = tree.attribute("content", of: node)?.trimmed, !content.isEmpty else { continue }
                for key in ["property", "name", "itemprop"] {
                    if let name = tree.attribute(key, of: node)?.lowercased(), metaTags[name] == nil { metaTags[name] = content }
                }
            case .link:
                if canonical == nil, tree.attribute("rel", of: node)?.lowercased().split(separator: " ").contains("canonical") == true {
                    canonical = tree.attribute("href", of: node)?.trimmed
                }
            case .script:
                let json = Array(tree.descendants(of: node).filter { tree.tag($0) == .text }.flatMap { tree.textBytes($0) })
                linkedData += PageMetadata.articleObjects(in: json)
            case .title where titleElement == nil:
                titleElement = tree.textContent(of: node)
            case .h1 where headings.count < 3:
                headings.append(tree.textContent(of: node))
            case .time where times.count < 3:
                if let stamp = tree.attribute("datetime", of: node) { times.append(stamp) }
            default:
                continue
            }
        }
    }

    func fill(_ page: inout WebPage) {
        let article = linkedData.first
        page.publisher = ((article?["publisher"]).flatMap(PageMetadata.name(of:))
            ?? metaTags["og:site_name"] ?? metaTags["application-name"]).map(CharacterReferences.decoded)
        page.title = headline(article: article, publisher: page.publisher)
        page.authors = authors(article: article)
        page.date = [article?["datePublished"] as? String, metaTags["article:published_time"], metaTags["datepublished"],
                     metaTags["date"], metaTags["pubdate"], metaTags["dc.date"], metaTags["dc.date.issued"],
                     article?["dateCreated"] as? String, article?["dateModified"] as? String, times.first]
            .lazy.compactMap { $0.flatMap(MachineDate.isoDay(from:)) }.first
        page.url = [canonical, metaTags["og:url"], article?["url"] as? String]
            .lazy.compactMap { $0 }.first { $0.hasPrefix("http://") || $0.hasPrefix("https://") }
    }

    /// The headline: what the article's data says, else Open Graph's, else the page's `<h1>` when
    /// the `<title>` holds it, else the `<title>` without the site's name.
    private func headline(article: [String: Any]?, publisher: String?) -> String? {
        if let headline = (article?["headline"] as? String)?.trimmed, !headline.isEmpty {
            return HTMLText.collapsingSpaces(Array(CharacterReferences.decoded(headline).utf8))
        }
        let title = (metaTags["og:title"] ?? metaTags["twitter:title"]).map(CharacterReferences.decoded) ?? titleElement
        if let title, let heading = headings.first(where: { !$0.isEmpty && title.contains($0) }) { return heading }
        guard let title = title.map({ HTMLText.collapsingSpaces(Array($0.utf8)) }), !title.isEmpty else {
            return headings.first { !$0.isEmpty }
        }
        return PageMetadata.withoutSiteName(title, publisher: publisher)
    }

    /// "Talks resume | The Daily Courier" → "Talks resume": the part that is not the site's name,
    /// or, when the site's name is not known, the first part, since sites append their names.
    static func withoutSiteName(_ title: String, publisher: String?) -> String {
        for separator in [" | ", " - ", " – ", " — ", " :: ", " · ", " • "] where title.contains(separator) {
            let parts = title.components(separatedBy: separator).map(\.trimmed).filter { !$0.isEmpty }
            guard parts.count > 1 else { continue }
            if let publisher {
                let rest = parts.filter { $0.caseInsensitiveCompare(publisher) != .orderedSame }
                if rest.count < parts.count { return rest.joined(separator: separator.trimmed.isEmpty ? " " : separator) }
            }
            return parts[0]
        }
        return title
    }

    private func authors(article: [String: Any]?) -> [String] {
        var names: [String] = []
        if let author = article?["author"] {
            let list = (author as? [Any]) ?? [author]
            names = list.compactMap(PageMetadata.name(of:))
        }
        if names.isEmpty, let author = metaTags["author"] ?? metaTags["article:author"] ?? metaTags["byl"] ?? metaTags["dc.creator"],
           !author.hasPrefix("http") {
            names = [author]
        }
        var seen = Set<String>()
        // "By TOM KRISHER": the byline's own "By" is the reader's to write, once.
        return names.map { name in
            let decoded = CharacterReferences.decoded(name).trimmed
            return decoded.lowercased().hasPrefix("by ") ? String(decoded.dropFirst(3)).trimmed : decoded
        }.filter { !$0.isEmpty && $0.count <= 100 && seen.insert($0).inserted }
    }

    /// A person's or organisation's name: a string, or an object's `name`.
    private static func name(of value: Any) -> String? {
        if let string = value as? String { return string.hasPrefix("http") ? nil : string.trimmed }
        if let object = value as? [String: Any] { return (object["name"] as? String)?.trimmed }
        if let list = value as? [Any] { return list.lazy.compactMap(name(of:)).first }
        return nil
    }

    static let articleTypes: Set<String> = [
        "NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle", "BackgroundNewsArticle",
        "ReviewNewsArticle", "BlogPosting", "LiveBlogPosting", "SocialMediaPosting", "Report", "ScholarlyArticle", "TechArticle",
    ]

    /// The objects of a JSON-LD script that describe an article, in the script's order; none when it is not valid JSON.
    static func articleObjects(in json: [UInt8]) -> [[String: Any]] {
        guard !json.isEmpty, let value = try? JSONSerialization.jsonObject(with: Data(json), options: [.fragmentsAllowed]) else { return [] }
        var found: [[String: Any]] = []
        // Breadth first over arrays and @graph lists, never deeper than a few levels.
        var queue: [(Any, Int)] = [(value, 0)]
        while !queue.isEmpty {
            let (item, depth) = queue.removeFirst()
            guard depth < 4 else { continue }
            if let list = item as? [Any] {
                queue += list.prefix(100).map { ($0, depth + 1) }
            } else if let object = item as? [String: Any] {
                let types = (object["@type"] as? [String]) ?? [(object["@type"] as? String) ?? ""]
                if types.contains(where: articleTypes.contains) { found.append(object) }
                if let graph = object["@graph"] { queue.append((graph, depth + 1)) }
                if let main = object["mainEntity"] { queue.append((main, depth + 1)) }
            }
        }
        return found
    }
}
