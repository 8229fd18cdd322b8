import DossierLinking
import DossierPlatform

/// Every article's mentions in text order, by article: held in memory after a load that merged them,
/// or, for a corpus opened from its saved index, read from the index's merged links (`MergedLinks`)
/// each time an article's are asked for. A million articles' mentions are most of what a reader
/// would otherwise hold.
public struct MentionLists: RandomAccessCollection, Sendable {
    private let held: [[Mention]]
    private let saved: SavedMentions?

    package init(_ lists: [[Mention]]) {
        held = lists
        saved = nil
    }

    package init(saved: SavedMentions) {
        held = []
        self.saved = saved
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { saved?.count ?? held.count }

    public subscript(article: Int) -> [Mention] {
        guard let saved else { return held[article] }
        precondition(article >= 0 && article < saved.count, "article index out of range")
        return saved.mentions(ofArticle: article)
    }

    /// Why an article's mentions could not be read from the saved index, in a line; nil when none failed.
    package var damage: String? { saved?.damage }

    /// Lets go of the saved index's pages that a pass over every article's mentions read (`MappedIndexFile.letGo`).
    package func letGoOfPagesRead() { saved?.letGoOfPagesRead() }
}

/// The mentions of a saved index's merged links, read an article at a time where they lie in the file.
///
/// The section's checksums were checked when the index was opened, and each article's text length read
/// from its row; every number of an article's mentions is checked as it is read, against that length and
/// the entities, since another program may write over the file meanwhile. An article whose mentions do not
/// make sense has none (and `damage` says why).
package final class SavedMentions: @unchecked Sendable {
    private let file: MappedIndexFile
    /// Where each article's links start in the section, and where the last ends.
    private let offsets: [Int]
    /// Each article's text length as the section said when it was checked: what its mentions' ranges must
    /// still lie within, whatever the file says now.
    private let textLengths: [Int]
    private let entityCount: Int
    /// The lists of articles with many mentions, read once: a pane asks for them at every frame.
    private let longLists = Locked<[Int: [Mention]]>([:])
    private static let keptFrom = 1_000
    private let firstDamage = FirstDamage()

    init(file: MappedIndexFile, offsets: [Int], textLengths: [Int], entityCount: Int) {
        precondition(offsets.count == textLengths.count + 1, "offsets of another corpus")
        self.file = file
        self.offsets = offsets
        self.textLengths = textLengths
        self.entityCount = entityCount
    }

    var count: Int { offsets.count - 1 }

    func mentions(ofArticle article: Int) -> [Mention] {
        if let kept = longLists.withLock({ $0[article] }) { return kept }
        let bytes = file.bytes(of: .mergedLinks)
        var reader = BinaryReader(UnsafeRawBufferPointer(rebasing: bytes[offsets[article]..<offsets[article + 1]]))
        do {
            let (length, mentions) = try MergedLinks.readMentions(&reader, entityCount: entityCount)
            guard length == textLengths[article] else { throw BinaryReader.Damage(reason: "an article's links do not fit its text") }
            if mentions.count >= Self.keptFrom { longLists.withLock { $0[article] = mentions } }
            return mentions
        } catch {
            firstDamage.note("is damaged (\((error as? BinaryReader.Damage)?.reason ?? "its links cannot be read"))")
            return []
        }
    }

    var damage: String? {
        (file.problem ?? firstDamage.reason).map { "index cache \(file.path) \($0)" }
    }

    func letGoOfPagesRead() { file.letGo(of: .mergedLinks) }
}
