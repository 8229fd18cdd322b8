import CLibXML2
import DossierText

/// A feed an OPML file lists: its address, its title when the file gives one, and the titles of the
/// folders it sits in, which feed readers use as tags.
package struct OPMLFeed: Sendable, Equatable {
    package let url: String
    package let title: String?
    package let folders: [String]

    package init(url: String, title: String?, folders: [String]) {
        self.url = url
        self.title = title
        self.folders = folders
    }
}

/// Reads the feeds of an OPML file (1.0 or 2.0, as feed readers export their subscriptions): every
/// `outline` with an `xmlUrl`, in the file's order, inside the folders (outlines without one) around it.
package enum OPMLReader {
    package enum Failure: Error, Equatable, CustomStringConvertible {
        case notXML
        case notOPML(root: String)
        case malformed(line: Int)

        package var description: String {
            switch self {
            case .notXML: "it is not XML"
            case .notOPML(let root): "it is XML but not OPML (its root is <\(root)>, not <opml>)"
            case .malformed(let line): "its XML is not well formed (line \(line))"
            }
        }
    }

    package static func feeds(in bytes: [UInt8]) throws(Failure) -> [OPMLFeed] {
        LibXML.initialise()
        var feeds: [OPMLFeed] = []
        var failure: Failure?
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, !buffer.isEmpty else {
                failure = .notXML
                return
            }
            let options = XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            guard let reader = base.withMemoryRebound(to: CChar.self, capacity: buffer.count, {
                xmlReaderForMemory($0, Int32(min(buffer.count, Int(Int32.max))), nil, nil, Int32(options))
            }) else {
                failure = .notXML
                return
            }
            defer { xmlFreeTextReader(reader) }
            // The folders open around the reader's place, by depth: nil for an outline that is a feed.
            var folders: [(depth: Int, title: String?)] = []
            var root: String?
            var status: Int32 = 1
            while status == 1 {
                status = xmlTextReaderRead(reader)
                guard status == 1 else { break }
                let type = xmlTextReaderNodeType(reader)
                let depth = Int(xmlTextReaderDepth(reader))
                if type == 15 {  // XML_READER_TYPE_END_ELEMENT
                    if let last = folders.last, last.depth == depth { folders.removeLast() }
                    continue
                }
                guard type == 1 else { continue }  // XML_READER_TYPE_ELEMENT
                let name = LibXML.string(xmlTextReaderConstLocalName(reader)) ?? ""
                if root == nil {
                    root = name
                    guard name.lowercased() == "opml" else {
                        failure = .notOPML(root: name)
                        return
                    }
                    continue
                }
                guard name.lowercased() == "outline" else { continue }
                let isEmpty = xmlTextReaderIsEmptyElement(reader) == 1
                let title = [LibXML.attribute("title", of: reader), LibXML.attribute("text", of: reader)].compactMap { $0 }
                    .map(\.spacedOnce).first { !$0.isEmpty }
                if let url = (LibXML.attribute("xmlUrl", of: reader) ?? LibXML.attribute("xmlurl", of: reader))?.spacedOnce, !url.isEmpty {
                    feeds.append(OPMLFeed(url: url, title: title == url ? nil : title,
                                          folders: folders.compactMap(\.title)))
                    if !isEmpty { folders.append((depth, nil)) }
                } else if !isEmpty {
                    folders.append((depth, title))
                }
            }
            if status < 0 {
                let error = xmlGetLastError()
                failure = .malformed(line: error.map { Int($0.pointee.line) } ?? 0)
            } else if root == nil {
                failure = .notXML
            }
        }
        if let failure { throw failure }
        return feeds
    }
}

private extension String {
    /// The words, one space between each: an attribute broken over lines or padded reads as one line.
    var spacedOnce: String {
        split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
