import Foundation

/// The times the library writes into its file names and records ("2026-12-02T18-53-00Z": ISO 8601
/// with the colons a file name cannot hold turned into hyphens), made, read back, and shown.
public enum LibraryStamp {
    /// The stamp of `date`: a file name that sorts in time order.
    public static func of(_ date: Date) -> String {
        formatter.string(from: date).replacingOccurrences(of: ":", with: "-")
    }

    /// The time a stamp says, from its start to its "Z" ("…Z.jsonl" and "…Z-2.jsonl" too); nil for another shape.
    public static func date(_ stamp: String) -> Date? {
        guard let end = stamp.firstIndex(of: "Z") else { return nil }
        let parts = stamp[...end].split(separator: "T", maxSplits: 1)
        guard parts.count == 2 else { return nil }
        return formatter.date(from: "\(parts[0])T" + parts[1].replacingOccurrences(of: "-", with: ":"))
    }

    /// "2026-12-02 18:53 UTC"; a stamp of another shape as it is.
    public static func shown(_ stamp: String) -> String {
        let parts = stamp.split(separator: "T", maxSplits: 1)
        guard parts.count == 2 else { return stamp }
        let time = parts[1].split(separator: "-")
        guard time.count >= 2 else { return stamp }
        return "\(parts[0]) \(time[0]):\(time[1]) UTC"
    }

    /// A formatter of its own each time: one shared between fetching threads would be state to guard.
    private static var formatter: ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter
    }
}
