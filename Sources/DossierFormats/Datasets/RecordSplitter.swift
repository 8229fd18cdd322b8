import DossierPlatform

/// One record of a dataset file: its bytes, where they lie in the (unpacked) file, and the
/// line it starts on, for messages.
struct RawRecord: Sendable {
    let bytes: [UInt8]
    let span: Range<Int>
    let line: Int
}

/// Cuts a stream of bytes into records as the chunks arrive, keeping only the unfinished
/// record between chunks: a JSON Lines record ends at a line feed, a CSV row at a line feed
/// outside a quoted field (`CSVScanner`).
struct RecordSplitter {
    enum Syntax { case jsonLines, csv }

    let syntax: Syntax
    private var pending: [UInt8] = []
    /// Offset in the file of `pending`'s first byte, and the line it is on.
    private var pendingStart = 0
    private var pendingLine = 1
    /// For CSV: where the scan so far of `pending` stands, and how far it got.
    private var scanner = CSVScanner()
    private var scanned = 0
    private var linesInPending = 0
    /// The most a record may be: the bytes of a longer one are passed over as they come, never held.
    let largestRecord: Int
    /// True while the bytes of a record over `largestRecord` are being passed over.
    private var skipping = false
    /// The lines of the records passed over for their size, in order.
    private(set) var oversizedLines: [Int] = []

    init(_ syntax: Syntax, largestRecord: Int = DocumentFormat.largestDocument) {
        self.syntax = syntax
        self.largestRecord = largestRecord
    }

    /// The records completed by `chunk`, in order.
    mutating func take(_ chunk: [UInt8]) -> [RawRecord] {
        pending += chunk
        var records: [RawRecord] = []
        var recordStart = 0
        var index = scanned
        var line = pendingLine + linesInPending
        var recordLine = pendingLine
        while index < pending.count {
            let byte = pending[index]
            let endsRecord = syntax == .csv ? scanner.scan(byte) == .recordEnd : byte == 0x0A
            if byte == 0x0A {
                line += 1
                if endsRecord {
                    if skipping {
                        oversizedLines.append(recordLine)
                        skipping = false
                    } else {
                        records.append(record(from: recordStart, to: index + 1, line: recordLine))
                    }
                    recordStart = index + 1
                    recordLine = line
                }
            }
            if !skipping, index + 1 - recordStart > largestRecord { skipping = true }
            index += 1
        }
        // A record being passed over keeps none of its bytes, only where its line is.
        let kept = skipping ? pending.count : recordStart
        pending.removeFirst(kept)
        pendingStart += kept
        pendingLine = recordLine
        scanned = pending.count
        linesInPending = line - recordLine
        return records.filter { !$0.bytes.isEmpty }
    }

    /// For CSV, the line of a quoted field that opened and never closed, once `finish` found one: the
    /// rest of the file from there was read as that one record.
    private(set) var unclosedQuoteLine: Int?

    /// The last record, when the file does not end with a line break.
    mutating func finish() -> RawRecord? {
        if syntax == .csv, scanner.isInsideQuotes { unclosedQuoteLine = pendingLine }
        defer { pending = [] }
        if skipping {
            oversizedLines.append(pendingLine)
            return nil
        }
        let last = record(from: 0, to: pending.count, line: pendingLine)
        return last.bytes.isEmpty ? nil : last
    }

    /// A record without its line break (LF or CRLF); blank lines give an empty record.
    private func record(from start: Int, to end: Int, line: Int) -> RawRecord {
        var contentEnd = end
        while contentEnd > start, pending[contentEnd - 1] == 0x0A || pending[contentEnd - 1] == 0x0D { contentEnd -= 1 }
        let bytes = pending[start..<contentEnd]
        let isBlank = bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 }
        return RawRecord(bytes: isBlank ? [] : Array(bytes), span: (pendingStart + start)..<(pendingStart + contentEnd), line: line)
    }
}
