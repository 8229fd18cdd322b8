import DossierPlatform
import DossierText
import Foundation

/// Which field of a dataset's records holds which part of an article: found by the names
/// news datasets use, or named by the user (`--fields text=body,date=published_at`).
public struct DatasetFields: Sendable, Equatable, CustomStringConvertible {
    public enum Part: String, Sendable, CaseIterable {
        case title, text, date, source, author, url
        /// What the dataset names the record by, which stays with it when the file is reordered.
        case id
    }

    /// The usual names of each part, in the order they are tried; matched without regard to case.
    static let usualNames: [Part: [String]] = [
        .title: ["title", "headline", "heading"],
        .text: ["text", "content", "body", "article", "maintext", "article_text", "full_text", "story"],
        .date: ["date", "published", "publish_date", "pubdate", "published_at", "publishedat", "date_publish", "datetime", "timestamp"],
        .source: ["source", "publication", "site", "outlet", "publisher", "source_name", "domain"],
        .author: ["author", "authors", "byline", "creator", "writer"],
        .url: ["url", "link", "href", "canonical_url"],
        .id: ["guid", "id", "uuid", "article_id", "doc_id", "story_id"],
    ]

    /// The user's own names, which come before the usual ones.
    public let overrides: [Part: String]

    public init(overrides: [Part: String] = [:]) {
        self.overrides = overrides
    }

    /// Reads "text=body,date=published_at"; an unknown part or a pair without `=` is an error naming it.
    public init(parsing specification: String) throws {
        var overrides: [Part: String] = [:]
        for pair in specification.split(separator: ",") {
            let sides = pair.split(separator: "=", maxSplits: 1).map { String($0).trimmed }
            guard sides.count == 2, !sides[1].isEmpty else {
                throw DossierError.invalidFields("it takes PART=FIELD pairs separated by commas, as text=body,date=published_at; \"\(DossierError.shortened(String(pair)))\" is not one")
            }
            guard let part = Part(rawValue: sides[0].lowercased()) else {
                throw DossierError.invalidFields("\"\(DossierError.shortened(sides[0]))\" is not a part of an article; the parts are \(Part.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            overrides[part] = sides[1]
        }
        self.init(overrides: overrides)
    }

    public var description: String {
        Part.allCases.compactMap { part in overrides[part].map { "\(part.rawValue)=\($0)" } }.joined(separator: ",")
    }

    /// The names to look for, for each part, in order: the user's, then the usual ones.
    func candidates(for part: Part) -> [String] {
        (overrides[part].map { [$0] } ?? []) + (DatasetFields.usualNames[part] ?? [])
    }

    /// The column of each part in a CSV header, by the same rules.
    func columns(in header: [String]) -> [Part: Int] {
        let lowered = header.map { $0.trimmed.lowercased() }
        var columns: [Part: Int] = [:]
        for part in Part.allCases {
            if let user = overrides[part] {
                if let column = header.firstIndex(of: user) ?? lowered.firstIndex(of: user.lowercased()) { columns[part] = column }
                continue
            }
            for name in DatasetFields.usualNames[part] ?? [] {
                if let column = lowered.firstIndex(of: name) { columns[part] = column; break }
            }
        }
        return columns
    }
}

/// One record of a dataset, read into the parts of an article.
struct DatasetRecord: Equatable {
    var title: String?
    var text: String?
    var date: String?
    var source: String?
    var author: String?
    var url: String?
    /// True when the record says it holds only a summary (`"summary": true`, as the library stores a feed's summaries).
    var isSummary = false
    /// The record's own id (`DatasetFields.Part.id`).
    var identity: String?
    /// When the library replaced the item with a changed version (`"updated"`, as the library stores it).
    var updated: String?
    /// The address of the feed the library fetched the item from (`"feed"`).
    var feed: String?

    enum Failure: Error, Equatable {
        case notJSON(line: Int)
        case notAnObject(line: Int)
        case wrongFieldCount(line: Int, expected: Int, found: Int)

        var message: String {
            switch self {
            case .notJSON(let line): "line \(line): the record is not valid JSON"
            case .notAnObject(let line): "line \(line): the record is not a JSON object"
            case .wrongFieldCount(let line, let expected, let found): "line \(line): the row has \(found) fields, the header \(expected)"
            }
        }
    }

    /// A JSON Lines record.
    static func json(_ bytes: [UInt8], line: Int, fields: DatasetFields) throws(Failure) -> DatasetRecord {
        // A byte that is not UTF-8 becomes U+FFFD, as in every other format, rather than costing the record.
        let text = SourceText.isValidUTF8(bytes) ? Data(bytes) : Data(String(decoding: bytes, as: UTF8.self).utf8)
        guard let value = try? JSONSerialization.jsonObject(with: text, options: [.fragmentsAllowed]) else { throw .notJSON(line: line) }
        guard let object = value as? [String: Any] else { throw .notAnObject(line: line) }
        var lowered: [String: Any] = [:]
        for (key, value) in object where lowered[key.lowercased()] == nil { lowered[key.lowercased()] = value }
        func find(_ part: DatasetFields.Part) -> String? {
            for name in fields.candidates(for: part) {
                if let value = object[name] ?? lowered[name.lowercased()], let text = DatasetRecord.text(of: value) { return text }
            }
            return nil
        }
        return DatasetRecord(title: find(.title), text: find(.text), date: find(.date), source: find(.source),
                             author: find(.author), url: find(.url), isSummary: object["summary"] as? Bool ?? false,
                             identity: find(.id), updated: object["updated"] as? String, feed: object["feed"] as? String)
    }

    /// A CSV row, with the header's columns for each part.
    static func csv(_ bytes: [UInt8], line: Int, columns: [DatasetFields.Part: Int], width: Int) throws(Failure) -> DatasetRecord {
        let values = CSVScanner.fields(of: bytes)
        guard values.count == width else { throw .wrongFieldCount(line: line, expected: width, found: values.count) }
        func find(_ part: DatasetFields.Part) -> String? {
            guard let column = columns[part] else { return nil }
            let value = values[column].trimmed
            return value.isEmpty ? nil : value
        }
        return DatasetRecord(title: find(.title), text: find(.text), date: find(.date), source: find(.source),
                             author: find(.author), url: find(.url), identity: find(.id))
    }

    /// A field's value as text: a string, a number, or a list's items (authors) joined by commas;
    /// an object's `name` (an author written as {"name": …}).
    private static func text(of value: Any) -> String? {
        switch value {
        case let string as String: return string.trimmed.isEmpty ? nil : string
        case let number as NSNumber where !(number is Bool): return number.stringValue
        case let list as [Any]:
            let items = list.prefix(50).compactMap { text(of: $0) }
            return items.isEmpty ? nil : items.joined(separator: ", ")
        case let object as [String: Any]: return (object["name"] as? String).flatMap { $0.trimmed.isEmpty ? nil : $0 }
        default: return nil
        }
    }
}
