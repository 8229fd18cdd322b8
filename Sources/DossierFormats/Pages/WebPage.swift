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
        page.dropHeadlineFromBody()
        return page
    }

    /// The headline, when the page wrote it again in the body's first lines (in an `<h2>` or a
    /// styled `<div>` rather than the `<h1>` extraction leaves out), is the title, not a paragraph.
    private mutating func dropHeadlineFromBody() {
        guard let title, paragraphs.count > 1 else { return }
        let headline = WebPage.comparable(title)
        guard !headline.isEmpty, let repeated = paragraphs.prefix(2).firstIndex(where: { WebPage.comparable($0) == headline }) else { return }
        paragraphs.remove(at: repeated)
    }

    /// Letters and digits only, lower-cased: a headline as written in the title and in the page compare equal.
    static func comparable(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
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
        page.url = [canonical, metaTags["og:url"], article?["url"] as? String]
            .lazy.compactMap { $0 }.first { $0.hasPrefix("http://") || $0.hasPrefix("https://") }
        let section = metaTags["article:section"] ?? (article?["articleSection"] as? String)
            ?? (article?["articleSection"] as? [Any])?.first as? String
        page.publisher = PublisherName.best(
            of: [(article?["publisher"]).flatMap(PageMetadata.name(of:)), metaTags["og:site_name"], metaTags["application-name"]],
            address: page.url, section: section, title: metaTags["og:title"], handle: metaTags["twitter:site"])
        page.title = headline(article: article, publisher: page.publisher)
        page.authors = authors(article: article)
        page.date = [article?["datePublished"] as? String, metaTags["article:published_time"], metaTags["datepublished"],
                     metaTags["date"], metaTags["pubdate"], metaTags["dc.date"], metaTags["dc.date.issued"],
                     article?["dateCreated"] as? String, article?["dateModified"] as? String, times.first]
            .lazy.compactMap { $0.flatMap(MachineDate.isoDay(from:)) }.first
    }

    /// The headline: the page's `<h1>` where a title the page gives holds it (what a reader sees
    /// atop the article, which the linked data and Open Graph may word otherwise for search engines),
    /// else what the article's data says, else Open Graph's, else the `<title>`, without the site's name.
    private func headline(article: [String: Any]?, publisher: String?) -> String? {
        let titles = [metaTags["og:title"], metaTags["twitter:title"], titleElement].compactMap { $0 }
            .map { HTMLText.collapsingSpaces(Array(CharacterReferences.decoded($0).utf8)) }.filter { !$0.isEmpty }
        if let heading = headings.first(where: { heading in
            !heading.isEmpty && titles.contains { $0.contains(heading) && !PageMetadata.isSiteName(heading, in: $0, publisher: publisher) }
        }) {
            return heading
        }
        if let linked = (article?["headline"] as? String)?.trimmed, !linked.isEmpty {
            let headline = PageMetadata.withoutSiteName(HTMLText.collapsingSpaces(Array(CharacterReferences.decoded(linked).utf8)),
                                                       publisher: publisher, cutsOnlyThePublisher: true)
            // Cut short for search engines (at 110 characters, as they ask): a title the page gives in full is the headline.
            guard headline.count >= 90 else { return headline }
            let whole = WebPage.comparable(headline)
            let longer = (titles.map { PageMetadata.withoutSiteName($0, publisher: publisher) } + headings).first { candidate in
                WebPage.comparable(candidate).count > whole.count && WebPage.comparable(candidate).hasPrefix(whole)
                    && !PageMetadata.titleSeparators.contains { candidate.contains($0) }
            }
            return longer ?? headline
        }
        guard let title = titles.first else { return headings.first { !$0.isEmpty } }
        return PageMetadata.withoutSiteName(title, publisher: publisher)
    }

    static let titleSeparators = [" | ", " - ", " – ", " — ", " :: ", " · ", " • "]

    /// "Talks resume | The Daily Courier" → "Talks resume": the part that is not the site's name,
    /// or, when the site's name is not known, the first part, since sites append their names.
    static func withoutSiteName(_ title: String, publisher: String?, cutsOnlyThePublisher: Bool = false) -> String {
        for separator in titleSeparators where title.contains(separator) {
            let parts = title.components(separatedBy: separator).map(\.trimmed).filter { !$0.isEmpty }
            guard parts.count > 1 else { continue }
            if let publisher {
                let rest = parts.filter { WebPage.comparable($0) != WebPage.comparable(publisher) }
                if rest.count < parts.count { return rest.joined(separator: separator.trimmed.isEmpty ? " " : separator) }
            }
            if !cutsOnlyThePublisher { return parts[0] }
        }
        return title
    }

    /// A heading that is the site's name (the publisher, or its host's name: "couriergazette.example"
    /// for "Courier Gazette"; what a title writes after its last separator; or a short part of a long
    /// title, "Silicon Notes" of "Silicon Notes: A flow for…"): a logo, not the headline.
    static func isSiteName(_ heading: String, in title: String, publisher: String?) -> Bool {
        let name = WebPage.comparable(heading)
        guard !name.isEmpty else { return true }
        if let publisher, WebPage.comparable(publisher).hasPrefix(name) { return true }
        if name.count * 2 < WebPage.comparable(withoutSiteName(title, publisher: publisher)).count { return true }
        return titleSeparators.contains { separator in
            title.contains(separator) && title.components(separatedBy: separator).last.map(WebPage.comparable) == name
        }
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
