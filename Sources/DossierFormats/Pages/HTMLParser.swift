import CLibXML2
import DossierText
import Foundation

/// Reads a web page into an `HTMLTree` with libxml2's HTML parser, through its event (SAX)
/// interface: libxml2 does the tokenizing, the character set (a byte-order mark, `<meta
/// charset>` or `http-equiv`, Windows-1252 and the ISO-8859 sets through iconv) and the
/// repair of unclosed and misnested tags; the tree is built here, keeping only what
/// extraction needs, which is several times faster than building libxml2's own tree and
/// reading it back.
enum HTMLParser {
    /// Pages larger than this are read up to it: libxml2 takes its input length as a C int.
    static let largestPage = Int(Int32.max)

    /// Parses a page; `encoding` overrides the character set the page declares (a feed's
    /// content, say, which the feed's parser has already made UTF-8).
    static func parse(_ page: [UInt8], encoding: String? = nil) -> HTMLTree {
        LibXML.initialise()
        let builder = TreeBuilder()
        // Checked once: it decides an undeclared page's encoding, and whether a UTF-8 page needs repair.
        let isValidUTF8 = SourceText.isValidUTF8(page)
        let chosen = encoding ?? PageEncoding.of(page, isValidUTF8: isValidUTF8)
        // libxml2 gives up on UTF-8 at the first bad sequence; each becomes U+FFFD first, as everywhere in Dossier.
        let bytes = chosen == "UTF-8" && !isValidUTF8 ? Array(String(decoding: page, as: UTF8.self).utf8) : page
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, !buffer.isEmpty else { return }
            let length = Int32(min(buffer.count, largestPage))
            guard let context = base.withMemoryRebound(to: CChar.self, capacity: buffer.count, {
                htmlCreateMemoryParserCtxt($0, length)
            }) else { return }
            defer { htmlFreeParserCtxt(context) }
            // The encoding is decided here: the page's own <meta> must not switch it again halfway.
            let options = HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue | HTML_PARSE_IGNORE_ENC.rawValue
            htmlCtxtUseOptions(context, Int32(options))
            if chosen == "UTF-8" {
                xmlSwitchEncoding(context, XML_CHAR_ENCODING_UTF8)
            } else if let handler = xmlFindCharEncodingHandler(chosen) ?? xmlFindCharEncodingHandler("WINDOWS-1252") {
                xmlSwitchToEncoding(context, handler)
            }
            guard let handler = context.pointee.sax else { return }
            handler.pointee = htmlSAXHandler()
            dossier_xml_silence(handler)
            handler.pointee.startElement = { context, name, attributes in
                guard let context, let name else { return }
                TreeBuilder.from(context).start(name, attributes)
            }
            handler.pointee.endElement = { context, name in
                guard let context, let name else { return }
                TreeBuilder.from(context).end(name)
            }
            handler.pointee.characters = { context, characters, length in
                guard let context, let characters, length > 0 else { return }
                TreeBuilder.from(context).characters(UnsafeBufferPointer(start: characters, count: Int(length)))
            }
            handler.pointee.ignorableWhitespace = handler.pointee.characters
            // Script and style contents come as CDATA blocks.
            handler.pointee.cdataBlock = { context, characters, length in
                guard let context, let characters, length > 0 else { return }
                TreeBuilder.from(context).scriptText(UnsafeBufferPointer(start: characters, count: Int(length)))
            }
            context.pointee.userData = Unmanaged.passUnretained(builder).toOpaque()
            htmlParseDocument(context)
            // Under a memory limit libxml2 stops where an allocation failed: what was built is not the page.
            if context.pointee.errNo == Int32(XML_ERR_NO_MEMORY.rawValue) { builder.tree.ranOutOfMemory = true }
        }
        return builder.tree
    }
}

/// Turns the parser's events into a tree.
private final class TreeBuilder {
    var tree = HTMLTree()
    /// The open elements, innermost last; the document is always first.
    private var open: [(node: Int, tag: HTMLTag, name: String)] = [(0, .document, "")]
    /// Whether the innermost open script is JSON-LD, whose text is kept; other scripts' is not.
    private var inKeptScript = false

    static func from(_ context: UnsafeMutableRawPointer) -> TreeBuilder {
        Unmanaged<TreeBuilder>.fromOpaque(context).takeUnretainedValue()
    }

    /// Attributes kept on every element (what tells content from page furniture), and on a few, what carries metadata.
    private static let keptEverywhere: Set<String> = ["class", "id", "role", "itemprop", "itemtype", "hidden", "aria-hidden", "style"]
    private static let keptOn: [HTMLTag: Set<String>] = [
        .meta: ["name", "property", "content", "charset", "http-equiv"],
        .link: ["rel", "href"],
        .a: ["rel", "href"],
        .script: ["type"],
        .time: ["datetime"],
        .html: ["lang"],
    ]

    func start(_ name: UnsafePointer<xmlChar>, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        let nameString = String(cString: name)
        let tag = HTMLTag(name: nameString)
        var kept: [(name: String, value: String)] = []
        if var pointer = attributes {
            let extra = TreeBuilder.keptOn[tag]
            while let attributeName = pointer.pointee {
                let value = pointer.advanced(by: 1).pointee
                let key = String(cString: attributeName)
                if TreeBuilder.keptEverywhere.contains(key) || extra?.contains(key) == true {
                    kept.append((key, value.map { String(cString: $0) } ?? ""))
                }
                pointer = pointer.advanced(by: 2)
            }
        }
        let parent = open[open.count - 1].node
        let node = tree.appendElement(tag, parent: parent, attributes: kept)
        open.append((node, tag, nameString))
        if tag == .script {
            inKeptScript = kept.contains { $0.name == "type" && $0.value.lowercased().contains("ld+json") }
        }
    }

    func end(_ name: UnsafePointer<xmlChar>) {
        let nameString = String(cString: name)
        // libxml2 closes what it opened, but an end it reports for an element not open is ignored.
        guard let index = open.lastIndex(where: { $0.name == nameString }), index > 0 else { return }
        open.removeSubrange(index...)
        inKeptScript = false
    }

    func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        let innermost = open[open.count - 1]
        if innermost.tag == .script || innermost.tag == .style { return scriptText(bytes) }
        tree.appendText(bytes, parent: innermost.node)
    }

    func scriptText(_ bytes: UnsafeBufferPointer<UInt8>) {
        let innermost = open[open.count - 1]
        guard innermost.tag == .script, inKeptScript else { return }
        tree.appendText(bytes, parent: innermost.node)
    }
}

/// libxml2's one-time setup, done before any thread parses.
enum LibXML {
    private static let setUp: Void = { xmlInitParser() }()

    static func initialise() {
        _ = setUp
        // Its error handlers are per thread.
        dossier_xml_silence_thread()
    }

    /// An element's attribute, from a text reader standing on it; libxml2's copy is freed.
    static func attribute(_ name: String, of reader: xmlTextReaderPtr) -> String? {
        guard let value = xmlTextReaderGetAttribute(reader, name) else { return nil }
        defer { dossier_xml_free(value) }
        return String(cString: value)
    }

    static func string(_ pointer: UnsafePointer<xmlChar>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    static func string(_ pointer: UnsafeMutablePointer<xmlChar>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}
