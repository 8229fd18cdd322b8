/// The parts of a path Dossier needs, computed on its UTF-8 bytes: Foundation's `NSString`
/// path methods cost microseconds each, and a corpus of 100,000 files asks for 300,000.
package enum PathName {
    /// What follows the last slash.
    package static func lastComponent(of path: String) -> Substring {
        guard let slash = lastIndex(of: UInt8(ascii: "/"), in: path[...]) else { return path[...] }
        return path[path.utf8.index(after: slash)...]
    }

    /// The extension of the last component, without its dot; empty when there is none (or the name starts with the dot).
    static func pathExtension(of path: String) -> Substring {
        guard let dot = extensionDot(in: path) else { return "" }
        return path[path.utf8.index(after: dot)...]
    }

    /// The path without the extension of its last component.
    package static func deletingExtension(of path: String) -> String {
        guard let dot = extensionDot(in: path) else { return path }
        return String(path[..<dot])
    }

    private static func extensionDot(in path: String) -> String.Index? {
        let name = lastComponent(of: path)
        guard let dot = lastIndex(of: UInt8(ascii: "."), in: name), dot != name.startIndex else { return nil }
        return dot
    }

    /// The last `byte` in `text`, searched in its contiguous UTF-8 where it has one.
    private static func lastIndex(of byte: UInt8, in text: Substring) -> String.Index? {
        let utf8 = text.utf8
        let offset = utf8.withContiguousStorageIfAvailable { $0.lastIndex(of: byte) } ?? utf8.lastIndex(of: byte).map { utf8.distance(from: utf8.startIndex, to: $0) }
        return offset.map { utf8.index(utf8.startIndex, offsetBy: $0) }
    }
}
