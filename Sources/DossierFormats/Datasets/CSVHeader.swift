import DossierPlatform
import DossierText

/// A CSV file's first row: its column names, and which column holds which part of an article.
struct CSVHeader: Sendable {
    let names: [String]
    let columns: [DatasetFields.Part: Int]
    var width: Int { names.count }

    init(_ row: [UInt8], fields: DatasetFields) {
        var bytes = row
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        names = CSVScanner.fields(of: bytes)
        columns = fields.columns(in: names)
    }

    /// The header of the CSV file at `path`, read alone.
    static func read(path: String, fields: DatasetFields) throws -> CSVHeader {
        let stream = try ByteStream(path: path)
        var splitter = RecordSplitter(.csv)
        while true {
            let chunk = try stream.next()
            if chunk.isEmpty { break }
            if let first = splitter.take(chunk).first { return CSVHeader(first.bytes, fields: fields) }
        }
        guard let last = splitter.finish() else { throw DossierError.unreadable(path, reason: "it is empty") }
        return CSVHeader(last.bytes, fields: fields)
    }
}
