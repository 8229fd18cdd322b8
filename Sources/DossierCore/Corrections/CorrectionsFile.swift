import DossierConfig
import DossierLinking
import DossierPlatform
import DossierText
import Foundation

/// The user's corrections, in one TOML file a team can share or keep in git:
/// `$XDG_CONFIG_HOME/dossier/corrections.toml`, else `~/.config/dossier/corrections.toml`.
/// They apply in the file's order, to every command and every corpus.
///
///     [[correction]]
///     entity = "Mac Pro"
///     kind = "not an entity"          # or person, place, organisation
///     article = "apple-mac-pro"       # the article it was made in
///     made = "2026-12-07 10:15"
///
///     [[correction]]
///     merge = "Lord Kinnock"
///     into = "Neil Kinnock"
///
///     [[correction]]
///     split = "Hori Parata"
///     from = "Robert Parata"
///
///     [[correction]]
///     quote = "And I asked, well, on whose authority?"
///     article = "impeachment-hearing"
///     speaker = "Fiona Hill"          # "" when the text names nobody
///
/// Dossier appends a correction as a table at the end and takes one back by removing its lines,
/// so comments and anything else a user wrote stay as they were. An entry that cannot be used is
/// reported with its line and left out; the rest apply.
public struct CorrectionsFile: Sendable {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    public static func userDefault(environment: [String: String] = ProcessInfo.processInfo.environment) -> CorrectionsFile {
        CorrectionsFile(path: UserFolder.config.dossierFolder(environment: environment) + "/corrections.toml")
    }

    /// What the file holds: the corrections it keeps, and a line for each entry that cannot be used.
    public struct Contents: Sendable {
        public var entries: [CorrectionEntry] = []
        /// "line 4: …", in the file's order.
        public var problems: [String] = []
        /// The line each entry's `[[correction]]` stands on, for taking it back.
        var lines: [Int] = []

        public init() {}

        public var corrections: [Correction] { entries.map(\.correction) }
    }

    static let header = """
        # Corrections to the people, places, organisations and quotes Dossier found, applied in this
        # order to every command and corpus. Made with `dossier correct` or in the reader; edit freely.

        """

    /// The corrections; none when there is no file. A file that cannot be read is an error.
    public func read() throws -> Contents {
        Self.parse(try bytes())
    }

    /// The file's bytes; none when there is no file.
    private func bytes() throws -> [UInt8] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DossierError.unreadable(path, reason: "it cannot be read")
        }
        return Array(data)
    }

    /// Adds a correction at the end of the file, made with a header when it is new.
    public func append(_ entry: CorrectionEntry) throws {
        try rewriting { bytes in
            var text = bytes.isEmpty ? Self.header : String(decoding: bytes, as: UTF8.self)
            if !text.isEmpty, !text.hasSuffix("\n") { text += "\n" }
            text += "\n" + Self.table(of: entry)
            return Array(text.utf8)
        }
    }

    /// Takes back correction `number` (from 1, in the file's order; the last when nil) by removing
    /// its lines, and returns it.
    @discardableResult
    public func remove(number: Int?) throws -> CorrectionEntry {
        var removed: CorrectionEntry?
        try rewriting { bytes in
            let contents = Self.parse(bytes)
            guard !contents.entries.isEmpty else { throw CorrectionProblem.nothingToUndo }
            let position = (number ?? contents.entries.count) - 1
            guard contents.entries.indices.contains(position) else {
                throw CorrectionProblem.noSuchCorrection(position + 1, count: contents.entries.count)
            }
            removed = contents.entries[position]
            var lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let first = contents.lines[position] - 1
            let end = position + 1 < contents.lines.count ? contents.lines[position + 1] - 1 : lines.count
            // The blank line written before the table goes with it.
            let start = first > 0 && lines[first - 1].allSatisfy(\.isWhitespace) ? first - 1 : first
            lines.removeSubrange(start..<min(end, lines.count))
            return Array(lines.joined(separator: "\n").utf8)
        }
        return removed!
    }

    /// Replaces the file with what `change` makes of its bytes, holding its lock so that two runs
    /// take turns, and writing a whole new file so that nothing is ever half-written.
    private func rewriting(_ change: ([UInt8]) throws -> [UInt8]) throws {
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try AtomicFile.makeFolder(folder)
            try FileLock.withExclusiveLock(on: path + ".lock") {
                try AtomicFile.write(Data(try change(try bytes())), to: path)
            }
        } catch let failure as AtomicFile.Failure {
            throw DossierError.unwritable(path, reason: failure.reason)
        }
    }

    // MARK: - Reading

    static func parse(_ bytes: [UInt8]) -> Contents {
        let document = TOMLDocument(bytes: bytes)
        var contents = Contents()
        var found: [(line: Int, message: String)] = document.problems.map { ($0.line, $0.description) }
        for entry in document.root.entries where entry.key != "correction" {
            found.append((entry.keyPosition.line, "unknown key \(entry.key) (corrections are [[correction]] tables)"))
        }
        for table in document.root["correction"]?.array ?? [] {
            let line = table.position.line
            guard let fields = table.table else {
                found.append((line, "a correction is a [[correction]] table"))
                continue
            }
            for entry in fields.entries where !Self.fields.contains(entry.key) {
                found.append((entry.keyPosition.line, "unknown key \(entry.key) in a correction (keys: \(Self.fields.joined(separator: ", ")))"))
            }
            do {
                let correction = try Self.correction(in: fields)
                contents.entries.append(CorrectionEntry(correction, article: fields["article"]?.string, made: fields["made"]?.string))
                contents.lines.append(line)
            } catch {
                found.append((line, "\(error); this correction is left out"))
            }
        }
        contents.problems = found.sorted { $0.line < $1.line }.map { "line \($0.line): \($0.message)" }
        return contents
    }

    static let fields = ["entity", "kind", "merge", "into", "split", "from", "quote", "speaker", "article", "made"]

    private struct EntryProblem: Error, CustomStringConvertible {
        let description: String
    }

    private static func correction(in table: TOMLTable) throws -> Correction {
        func text(_ key: String) throws -> String {
            guard let value = table[key] else { throw EntryProblem(description: "it needs \(key) = \"…\"") }
            guard let string = value.string, string.contains(where: { !$0.isWhitespace }) || key == "speaker" else {
                throw EntryProblem(description: "\(key) must be a string that is not empty")
            }
            return string
        }
        if table["merge"] != nil { return .merge(entity: try text("merge"), into: try text("into")) }
        if table["split"] != nil { return .split(name: try text("split"), from: try text("from")) }
        if table["quote"] != nil {
            let speaker = try text("speaker")
            return .speaker(article: try text("article"), quote: try text("quote"), speaker: speaker.isEmpty ? nil : speaker)
        }
        if table["kind"] != nil {
            let entity = try text("entity")
            do {
                return .kind(entity: entity, to: try Correction.kind(named: try text("kind")))
            } catch let problem as DossierError {
                throw EntryProblem(description: problem.description)
            }
        }
        throw EntryProblem(description: "it says neither kind, merge, split nor quote")
    }

    // MARK: - Writing

    static func table(of entry: CorrectionEntry) -> String {
        var fields: [(String, String)]
        switch entry.correction {
        case .kind(let entity, let kind): fields = [("entity", entity), ("kind", Correction.kindName(kind))]
        case .merge(let entity, let into): fields = [("merge", entity), ("into", into)]
        case .split(let name, let from): fields = [("split", name), ("from", from)]
        case .speaker(let article, let quote, let speaker): fields = [("quote", quote), ("article", article), ("speaker", speaker ?? "")]
        }
        if case .speaker = entry.correction {} else if let article = entry.article { fields.append(("article", article)) }
        if let made = entry.made { fields.append(("made", made)) }
        return "[[correction]]\n" + fields.map { "\($0.0) = \(basicString($0.1))\n" }.joined()
    }

    /// A TOML basic string: quotes, backslashes and control characters escaped.
    static func basicString(_ text: String) -> String {
        var escaped = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\t": escaped += "\\t"
            case "\r": escaped += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    escaped += String(format: "\\u%04X", scalar.value)
                } else {
                    escaped.unicodeScalars.append(scalar)
                }
            }
        }
        return escaped + "\""
    }

    /// Now, as the file writes it: `2026-12-07 10:15` in UTC.
    public static func now() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: Date())
    }
}
