import Foundation

/// A corpus made to break readers, written to a temporary folder by the tests themselves.
public enum HostileCorpus {
    public static let escapes: [UInt8] = Array("Escape sequences\n\nPlain start. ".utf8)
        + [0x1B] + Array("[2J".utf8) + Array("Cleared? ".utf8)                       // CSI: erase screen
        + [0x1B] + Array("[31mred".utf8) + [0x1B] + Array("[0m ".utf8)               // CSI: colour
        + [0x1B] + Array("]0;pwned title".utf8) + [0x07]                               // OSC: window title, BEL-terminated
        + [0x1B] + Array("]2;another title".utf8) + [0x1B, 0x5C]                       // OSC, ST-terminated
        + [0x1B] + Array("P1$qm".utf8) + [0x1B, 0x5C]                                   // DCS
        + [0x1B] + Array("_app command".utf8) + [0x1B, 0x5C]                            // APC
        + [0x1B] + Array("^privacy".utf8) + [0x1B, 0x5C]                                // PM
        + [0x1B] + Array("Xstring".utf8) + [0x1B, 0x5C]                                 // SOS
        + [0xC2, 0x9B] + Array("2J".utf8)                                               // C1 CSI as UTF-8
        + [0xC2, 0x9D] + Array("0;c1 title".utf8) + [0x07]                               // C1 OSC
        + [0x1B, 0x63]                                                                  // RIS: full reset
        + Array(" bell".utf8) + [0x07, 0x08, 0x7F]
        + Array(" \u{202E}reversed\u{202C} \u{2066}isolate\u{2069} Donald Trump spoke.\n".utf8)

    public static let invalidUTF8: [UInt8] = Array("Bad bytes\n\nBefore ".utf8) + [0xFF, 0xFE] + Array(" mid ".utf8)
        + [0xC0, 0x80] + Array(" overlong ".utf8) + [0x80] + Array(" lone, then Donald Trump spoke.\n".utf8)

    public static let files: [String: [UInt8]] = [
        "escapes.txt": escapes,
        "invalid-utf8.txt": invalidUTF8,
        "image.txt": [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52],
        "archive.md": [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00] + Array(repeating: 0x00, count: 40),
        "random.txt": randomBytesWithoutNUL(count: 4096),
        "empty.txt": [],
        "blank.txt": Array(" \n\t\n  \r\n".utf8),
        "cjk.txt": Array("日本の記事\n\n東京で会議が開かれた。コンピュータの話題が中心だった。中文新闻也在这里。\n".utf8),
        "emoji.txt": Array("Emoji\n\nThumbs 👍🏽 and flags 🇬🇧🇰🇷 and family 👨‍👩‍👧 met Mike Pompeo.\n".utf8),
        "combining.txt": Array("Combining\n\nZoe\u{0308} and Ame\u{0301}lie and a\u{0300}\u{0301}\u{0302}\u{0303} stacked and zero\u{200B}width.\n".utf8),
        "crlf.txt": Array("Windows headline\r\n\r\nFirst paragraph.\r\nStill first.\r\n\r\nSecond paragraph, Mike Pompeo.\r\n".utf8),
        "cr.txt": Array("Old Mac headline\r\rFirst paragraph.\r\rSecond paragraph, Donald Trump.\r".utf8),
        "tabs.txt": Array("Tabs\n\nName:\tvalue\tmore\n".utf8),
        "formfeed.txt": Array("Form feed\n\nPage one.\u{0C}Page two.\n".utf8),
        "bom.txt": [0xEF, 0xBB, 0xBF] + Array("Headline after a BOM\n\nBody.\n".utf8),
        ".hidden.txt": Array("Hidden\n\nShould not load.\n".utf8),
        ".hidden-folder/inside.txt": Array("Hidden folder\n\nShould not load.\n".utf8),
        "with space é.txt": Array("Spaced name\n\nLoads fine.\n".utf8),
    ]

    /// Writes the corpus and returns its folder. The 5 MB single line is written only when asked.
    public static func make(withLongLine: Bool = false) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-hostile-\(UUID().uuidString)")
        for (path, bytes) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        var deep = folder
        for level in 0..<40 { deep = deep.appendingPathComponent("level\(level)") }
        try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
        try Data("Deep down\n\nForty folders below.\n".utf8).write(to: deep.appendingPathComponent("deep.txt"))
        // A link back to the top makes a loop; a link to nowhere dangles.
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("loop").path, withDestinationPath: folder.path)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("dangling.txt").path, withDestinationPath: "/nonexistent/target.txt")
        try makeSpecialFiles(in: folder)
        if withLongLine {
            let words = ["summit", "talks", "Korea", "envoy", "nuclear", "said", "the", "minister", "of", "progress"]
            var line = "A single five megabyte line\n\n"
            line.reserveCapacity(5_300_000)
            var index = 0
            while line.utf8.count < 5_000_000 { line += words[index % words.count] + " "; index += 7 }
            try Data(line.utf8).write(to: folder.appendingPathComponent("long-line.txt"))
        }
        return folder
    }

    /// Names in the corpus that are not regular files, with the reason each is skipped for.
    public static let specialFiles: [String: String] = [
        "pipe.txt": "it is not a regular file (a FIFO)",
        "zero.txt": "it is not a regular file (a character device)",
        "urandom.md": "it is not a regular file (a character device)",
        "loop-a.txt": "it is a link loop",
        "loop-b.txt": "it is a link loop",
        "dangling.txt": "the link points nowhere",
    ]

    /// A FIFO (which blocks whoever opens it to read), links to endless devices, a pair of links to
    /// each other, and second names for files already in the corpus: a hard link and a symbolic link.
    static func makeSpecialFiles(in folder: URL) throws {
        func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
        guard mkfifo(path("pipe.txt"), 0o644) == 0 else { throw CocoaError(.fileWriteUnknown) }
        try FileManager.default.createSymbolicLink(atPath: path("zero.txt"), withDestinationPath: "/dev/zero")
        try FileManager.default.createSymbolicLink(atPath: path("urandom.md"), withDestinationPath: "/dev/urandom")
        try FileManager.default.createSymbolicLink(atPath: path("loop-a.txt"), withDestinationPath: "loop-b.txt")
        try FileManager.default.createSymbolicLink(atPath: path("loop-b.txt"), withDestinationPath: "loop-a.txt")
        try FileManager.default.linkItem(atPath: path("crlf.txt"), toPath: path("hard-link-to-crlf.txt"))
        try FileManager.default.createSymbolicLink(atPath: path("symlink-to-cr.txt"), withDestinationPath: "cr.txt")
    }

    /// Makes a file unreadable after it was indexed: without read permission where that stops this
    /// process (not root), and in any case replaced by a FIFO, which no reader may open to read.
    public static func makeUnreadable(_ file: URL) throws {
        if getuid() != 0 {
            try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: file.path)
            return
        }
        try FileManager.default.removeItem(at: file)
        guard mkfifo(file.path, 0o644) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    /// One paragraph of `megabytes` million bytes on a single line, of words that repeat; every
    /// tenth word is "government", the word searched for.
    public static func singleLine(megabytes: Int) -> [UInt8] {
        let words = ["government", "talks", "Korea", "envoy", "nuclear", "said", "the", "minister", "of", "progress"]
        var line = Array("A single long line\n\n".utf8)
        line.reserveCapacity(megabytes * 1_000_000 + 16)
        var index = 0
        while line.count < megabytes * 1_000_000 {
            line += words[index % words.count].utf8
            line.append(0x20)
            index += 1
        }
        line.append(0x0A)
        return line
    }

    /// Deterministic bytes with no NUL, so that only their invalid UTF-8 marks them as not text.
    public static func randomBytesWithoutNUL(count: Int) -> [UInt8] {
        var state: UInt32 = 2_463_534_242
        return (0..<count).map { _ in
            state ^= state << 13; state ^= state >> 17; state ^= state << 5
            return UInt8(truncatingIfNeeded: state % 255) + 1
        }
    }
}
