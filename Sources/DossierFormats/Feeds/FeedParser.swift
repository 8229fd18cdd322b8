import CLibXML2
import Foundation

/// A feed's title and items.
package struct Feed: Sendable {
    package var title: String?
    package var items: [FeedItem] = []
    /// The items that could not be read, each in a line naming it, its line and why; empty when
    /// the whole feed was read.
    package var problems: [String] = []
    /// What was read, but not whole: text left out of the items, each kind said once. Reading the
    /// feed again would leave out the same, so these do not make it partly read.
    package var notes: [String] = []
}

/// One item of a feed, read as an article.
package struct FeedItem: Sendable, Equatable {
    package var title: String?
    package var link: String?
    package var author: String?
    /// ISO 8601 day of the published date, else the updated one.
    package var date: String?
    /// The feed's own identity for the item (RSS `guid`, Atom `id`), else nil.
    package var guid: String?
    package var paragraphs: [String] = []
    /// True when the feed gave only a summary of the article, not its text.
    package var isSummary = false

    /// What names the item across fetches: its guid, else its link; nil when it has neither (or only blank ones).
    package var identity: String? {
        [guid, link].lazy.compactMap { $0 }.first { $0.contains { !$0.isWhitespace } }
    }
}

/// Reads RSS 2.0, RSS 1.0 (RDF) and Atom 1.0 feeds with libxml2's streaming XML reader, which
/// holds one item at a time rather than the whole document.
///
/// The reader never fetches anything (no network, no external DTD) and never expands entities
/// it was not asked to, so a hostile feed cannot make it read files or grow without bound.
/// Malformed XML is read as far as libxml2 can recover it.
package enum FeedParser {
    package enum Failure: Error, Equatable {
        case notXML
        case malformed(line: Int)
        case notAFeed(root: String)

        package var reason: String {
            switch self {
            case .notXML: "it is not XML"
            case .malformed(let line): "its XML is not well formed (line \(line)), or is nested too deeply, and no item could be read"
            case .notAFeed(let root): "it is XML, but not a feed (its root is <\(root)>, not <rss>, <feed> or <rdf:RDF>)"
            }
        }
    }

    /// Reads the feed in `bytes`. When an error in the XML ends the reading, each item is read again
    /// on its own, so that only the items with a fault are lost, and each of those is named in `problems`.
    package static func parse(_ bytes: [UInt8]) throws(Failure) -> Feed {
        let whole = read(bytes)
        if let failure = whole.failure { throw failure }
        guard let fault = whole.fault else { return whole.feed }
        if let spans = FeedItemSpans(bytes), spans.items.count > whole.feed.items.count {
            return readItemByItem(bytes, spans: spans, title: whole.feed.title)
        }
        guard !whole.feed.items.isEmpty else {
            throw Markup.rootName(in: bytes.prefix(4_096)) == nil ? .notXML : .malformed(line: fault.line)
        }
        var feed = whole.feed
        feed.problems.append("line \(fault.line): \(fault.message); the items after it could not be read")
        return feed
    }

    /// What one reading of a document gave: the feed as far as it got, or why it is no feed, and the
    /// XML error that ended it early, if one did.
    private struct Reading {
        var feed = Feed()
        var failure: Failure?
        var fault: (line: Int, message: String)?
    }

    private static func read(_ bytes: [UInt8]) -> Reading {
        LibXML.initialise()
        var state = ReadingState()
        var reading = Reading()
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, !buffer.isEmpty else {
                reading.failure = .notXML
                return
            }
            let options = XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
                | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue
            guard let reader = base.withMemoryRebound(to: CChar.self, capacity: buffer.count, {
                xmlReaderForMemory($0, Int32(min(buffer.count, Int(Int32.max))), nil, nil, Int32(options))
            }) else {
                reading.failure = .notXML
                return
            }
            defer { xmlFreeTextReader(reader) }
            var status: Int32 = 1
            while status == 1 {
                status = xmlTextReaderRead(reader)
                if status == 1, let failure = state.take(reader) {
                    reading.failure = failure
                    return
                }
            }
            if status < 0 {
                // libxml2's own words for the fault, as "Entity 'nbsp' not defined".
                let error = xmlGetLastError()
                let said = (error.flatMap { $0.pointee.message }.map { String(cString: $0) } ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                reading.fault = (error.map { Int($0.pointee.line) } ?? 0,
                                 said.isEmpty ? "its XML is not well formed" : "its XML is not well formed (\(said))")
            }
            if state.root == nil, reading.fault == nil { reading.failure = .notXML }
        }
        reading.feed = state.feed
        if !state.unexpandedEntities.isEmpty {
            let count = state.unexpandedEntities.count
            let names = state.unexpandedEntities.prefix(5).map { "&\($0);" }.joined(separator: ", ") + (count > 5 ? ", …" : "")
            reading.feed.notes.append((count == 1 ? "the feed's own entity \(names) was" : "the feed's own entities \(names) were")
                                         + " left out of its text: Dossier does not expand entities a feed declares")
        }
        return reading
    }

    /// Every item read as a document of its own; an item that cannot be read is named and left out.
    private static func readItemByItem(_ bytes: [UInt8], spans: FeedItemSpans, title: String?) -> Feed {
        var feed = Feed(title: title)
        for index in spans.items.indices {
            let alone = read(spans.document(ofItem: index, in: bytes))
            if alone.failure == nil, alone.fault == nil, alone.feed.items.count == 1 {
                feed.items.append(alone.feed.items[0])
                for note in alone.feed.notes where !feed.notes.contains(note) { feed.notes.append(note) }
                // Each item's document holds the feed's head too: its title, when the whole reading stopped before it.
                feed.title = feed.title ?? alone.feed.title
            } else {
                let why = alone.fault?.message ?? alone.failure?.reason ?? "it holds no item"
                feed.problems.append("item \(index + 1) (line \(spans.line(ofItem: index, in: bytes))): \(why); it was left out")
            }
        }
        return feed
    }
}

/// Where the reader is in the feed, and what it has read of the item it is in.
private struct ReadingState {
    var feed = Feed()
    var root: String?
    private var item: FeedItem?
    private var itemDepth = 0
    /// The item's field being read, with its depth and what it has gathered.
    private var field: (name: String, depth: Int, isHTML: Bool)?
    private var gathered: [UInt8] = []
    private var content: (text: [UInt8], isHTML: Bool)?
    private var summary: (text: [UInt8], isHTML: Bool)?
    private var publishedDate: String?
    private var updatedDate: String?
    private var inAuthor = false
    private var channelTitleDepth: Int?

    private static let elementStart: Int32 = 1
    private static let entityReference: Int32 = 5
    private static let elementEnd: Int32 = 15
    /// The entities the feed declares itself and uses in an item's text, which are not expanded (an
    /// expansion can be made to grow without bound): each is named once, so that nothing leaves the text unsaid.
    private(set) var unexpandedEntities: [String] = []

    mutating func take(_ reader: xmlTextReaderPtr) -> FeedParser.Failure? {
        let type = xmlTextReaderNodeType(reader)
        let depth = Int(xmlTextReaderDepth(reader))
        if type == ReadingState.elementStart {
            let name = LibXML.string(xmlTextReaderConstLocalName(reader)) ?? ""
            if root == nil {
                let qualified = (LibXML.string(xmlTextReaderConstName(reader)) ?? name).lowercased()
                root = qualified
                guard ["rss", "feed", "rdf:rdf"].contains(qualified) || name.lowercased() == "rdf" else { return .notAFeed(root: qualified) }
                return nil
            }
            let isEmpty = xmlTextReaderIsEmptyElement(reader) == 1
            startElement(name, depth: depth, isEmpty: isEmpty, reader: reader)
        } else if type == ReadingState.elementEnd {
            endElement(depth: depth)
        } else if type == ReadingState.entityReference, field != nil || channelTitleDepth != nil {
            let name = LibXML.string(xmlTextReaderConstName(reader)) ?? "?"
            if !unexpandedEntities.contains(name) { unexpandedEntities.append(name) }
        } else if field != nil || channelTitleDepth != nil, let value = xmlTextReaderConstValue(reader) {
            // Text, CDATA (merged into text) and white space inside a field being read.
            gathered.append(contentsOf: UnsafeBufferPointer(start: value, count: Int(strlen(UnsafeRawPointer(value).assumingMemoryBound(to: CChar.self)))))
        }
        return nil
    }

    private mutating func startElement(_ name: String, depth: Int, isEmpty: Bool, reader: xmlTextReaderPtr) {
        if item == nil {
            if name == "item" || name == "entry" {
                item = FeedItem()
                itemDepth = depth
                content = nil
                summary = nil
                publishedDate = nil
                updatedDate = nil
            } else if name == "title", feed.title == nil, depth <= 2, !isEmpty {
                channelTitleDepth = depth
                gathered.removeAll()
            }
            return
        }
        if name == "author", depth == itemDepth + 1 { inAuthor = !isEmpty }
        if name == "link", depth == itemDepth + 1, let href = LibXML.attribute("href", of: reader) {
            // Atom: the alternate link is the article's; others (enclosures, replies) are not.
            let relation = LibXML.attribute("rel", of: reader) ?? "alternate"
            if relation == "alternate", item?.link == nil { item?.link = href.trimmed }
            return
        }
        let isAuthorName = inAuthor && name == "name" && depth == itemDepth + 2
        guard depth == itemDepth + 1 || isAuthorName, !isEmpty else { return }
        let type = LibXML.attribute("type", of: reader)?.lowercased() ?? ""
        if (name == "content" || name == "summary"), type == "xhtml" {
            // Atom's XHTML content is markup, not text: taken whole, for the HTML extractor.
            let inner = xmlTextReaderReadInnerXml(reader)
            defer { dossier_xml_free(inner) }
            let markup = Array((LibXML.string(inner) ?? "").utf8)
            if name == "content" { content = (markup, true) } else { summary = (markup, true) }
            return
        }
        let isHTML = name == "encoded" || name == "description" || type == "html" || type.hasSuffix("/html")
        field = (isAuthorName ? "author" : name, depth, isHTML)
        gathered.removeAll(keepingCapacity: true)
    }

    private mutating func endElement(depth: Int) {
        if let titleDepth = channelTitleDepth, depth == titleDepth {
            feed.title = HTMLText.collapsingSpaces(gathered)
            channelTitleDepth = nil
            return
        }
        if let current = field, depth == current.depth {
            finishField(current.name, isHTML: current.isHTML)
            field = nil
            return
        }
        if inAuthor, depth == itemDepth + 1 { inAuthor = false }
        if item != nil, depth == itemDepth { finishItem() }
    }

    private mutating func finishField(_ name: String, isHTML: Bool) {
        let gathered = gathered
        func text() -> String { HTMLText.collapsingSpaces(gathered) }
        switch name {
        case "title": item?.title = isHTML ? FeedText.plain(fromHTML: gathered) : text()
        case "link": if item?.link == nil { item?.link = text() }
        case "encoded", "content": content = (gathered, isHTML || name == "encoded")
        case "description", "summary": summary = (gathered, isHTML || name == "description")
        case "pubDate", "published", "issued", "created": publishedDate = publishedDate ?? MachineDate.isoDay(from: text())
        case "date", "updated", "modified": updatedDate = updatedDate ?? MachineDate.isoDay(from: text())
        case "author", "creator": if item?.author == nil { item?.author = FeedText.personName(text()) }
        case "guid", "id": item?.guid = text()
        default: break
        }
    }

    private mutating func finishItem() {
        guard var finished = item else { return }
        finished.date = publishedDate ?? updatedDate
        if let content, case let paragraphs = FeedText.paragraphs(content.text, isHTML: content.isHTML), !paragraphs.isEmpty {
            finished.paragraphs = paragraphs
        } else if let summary {
            finished.paragraphs = FeedText.paragraphs(summary.text, isHTML: summary.isHTML)
            finished.isSummary = true
        }
        if finished.title?.isEmpty == true { finished.title = nil }
        feed.items.append(finished)
        item = nil
        field = nil
        inAuthor = false
    }
}

/// Turns what a feed's fields hold into an article's text.
enum FeedText {
    /// An item's content or summary as paragraphs: HTML through the page extractor (falling back to
    /// every block of text when the fragment is too short for it to find a body), text by its lines.
    static func paragraphs(_ bytes: [UInt8], isHTML: Bool) -> [String] {
        guard isHTML else { return PlainParagraphs.split(String(decoding: bytes, as: UTF8.self)) }
        let tree = HTMLParser.parse(bytes, encoding: "UTF-8")
        let extracted = BodyExtractor.paragraphs(of: tree)
        let everything = BodyExtractor.allBlocks(of: tree)
        let extractedLength = extracted.reduce(0) { $0 + $1.utf8.count }
        let allLength = everything.reduce(0) { $0 + $1.utf8.count }
        // A feed's fragment is the article already: the extractor only trims what is clearly not.
        return extractedLength * 2 >= allLength ? extracted : everything
    }

    static func plain(fromHTML bytes: [UInt8]) -> String {
        BodyExtractor.allBlocks(of: HTMLParser.parse(bytes, encoding: "UTF-8")).joined(separator: " ")
    }

    /// RSS writes an author as "editor@example.com (Jo Bloggs)": the name in brackets, when there is one.
    static func personName(_ text: String) -> String? {
        var name = text
        if let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")"), open < close, text.contains("@") {
            name = String(text[text.index(after: open)..<close])
        }
        name = name.trimmed
        return name.isEmpty ? nil : name
    }
}

/// Paragraphs of plain text: blocks split by blank lines, or by line when there are none.
enum PlainParagraphs {
    static func split(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        var lines: [Range<Int>] = []
        var start = 0
        for index in bytes.indices where bytes[index] == 0x0A {
            lines.append(start..<index)
            start = index + 1
        }
        lines.append(start..<bytes.count)
        func isBlank(_ line: Range<Int>) -> Bool { bytes[line].allSatisfy { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) } }
        let blank = lines.map(isBlank)
        // Blank lines between lines of text, not only at the ends, say the text has paragraphs of several lines.
        let firstText = blank.firstIndex(of: false) ?? 0
        let lastText = blank.lastIndex(of: false) ?? 0
        let hasBlankLines = firstText < lastText && blank[firstText...lastText].contains(true)
        var paragraphs: [String] = []
        var current: [UInt8] = []
        func flush() {
            let paragraph = HTMLText.collapsingSpaces(current)
            if !paragraph.isEmpty { paragraphs.append(paragraph) }
            current.removeAll(keepingCapacity: true)
        }
        for (line, isBlankLine) in zip(lines, blank) {
            if isBlankLine { flush(); continue }
            if !current.isEmpty { current.append(0x20) }
            current.append(contentsOf: bytes[line])
            if !hasBlankLines { flush() }
        }
        flush()
        return paragraphs
    }
}
