import DossierFormats

extension Article {
    /// True when this article comes before `other` in reading order: newest first where dated, then
    /// undated by path, and a file's records in their order.
    func readsBefore(_ other: Article) -> Bool {
        switch (date, other.date) {
        case let (date?, otherDate?) where date != otherDate: return date > otherDate
        case (.some, nil): return true
        case (nil, .some): return false
        default: return path != other.path ? path < other.path : (record ?? 0) < (other.record ?? 0)
        }
    }
}
