/// The times the library writes into its file names and records ("2026-12-02T18-53-00Z": ISO 8601
/// with the colons a file name cannot hold turned into hyphens), as a person reads them.
public enum LibraryStamp {
    /// "2026-12-02 18:53 UTC"; a stamp of another shape as it is.
    public static func shown(_ stamp: String) -> String {
        let parts = stamp.split(separator: "T", maxSplits: 1)
        guard parts.count == 2 else { return stamp }
        let time = parts[1].split(separator: "-")
        guard time.count >= 2 else { return stamp }
        return "\(parts[0]) \(time[0]):\(time[1]) UTC"
    }
}
