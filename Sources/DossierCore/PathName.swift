/// The parts of a path Dossier needs, computed on its UTF-8 bytes: Foundation's `NSString`
/// path methods cost microseconds each, and a corpus of 100,000 files asks for 300,000.
enum PathName {
    /// What follows the last slash.
    static func lastComponent(of path: String) -> Substring {
        let utf8 = path.utf8
        guard let slash = utf8.lastIndex(of: UInt8(ascii: "/")) else { return path[...] }
        return path[utf8.index(after: slash)...]
    }

    /// The extension of the last component, without its dot; empty when there is none (or the name starts with the dot).
    static func pathExtension(of path: String) -> Substring {
        guard let dot = extensionDot(in: path) else { return "" }
        return path[path.utf8.index(after: dot)...]
    }

    /// The path without the extension of its last component.
    static func deletingExtension(of path: String) -> String {
        guard let dot = extensionDot(in: path) else { return path }
        return String(path[..<dot])
    }

    private static func extensionDot(in path: String) -> String.Index? {
        let name = lastComponent(of: path)
        guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")), dot != name.startIndex else { return nil }
        return dot
    }
}
