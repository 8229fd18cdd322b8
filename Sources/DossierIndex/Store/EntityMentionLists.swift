import DossierPlatform

/// Every linked mention of each entity in reading order, by entity: held in memory after a load that merged
/// them, or, for a corpus opened from its saved index, read from the index (`SavedEntityMentions`) each time
/// an entity's are asked for. How many an entity has is known without reading them: a pane says it at every
/// frame.
public struct EntityMentionLists: RandomAccessCollection, Sendable {
    private let held: [[MentionReference]]
    private let saved: SavedEntityMentions?

    package init(_ lists: [[MentionReference]]) {
        held = lists
        saved = nil
    }

    package init(saved: SavedEntityMentions) {
        held = []
        self.saved = saved
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { saved?.count ?? held.count }

    public subscript(entity: Int) -> [MentionReference] {
        guard let saved else { return held[entity] }
        precondition(entity >= 0 && entity < saved.count, "entity index out of range")
        return saved.mentions(ofEntity: entity)
    }

    /// Entity `entity`'s mentions, read without keeping even a long list: for a pass over every entity.
    package func readWithoutKeeping(_ entity: Int) -> [MentionReference] {
        guard let saved else { return held[entity] }
        precondition(entity >= 0 && entity < saved.count, "entity index out of range")
        return saved.mentions(ofEntity: entity, keeping: false)
    }

    /// How many linked mentions entity `entity` has.
    public func count(of entity: Int) -> Int {
        guard let saved else { return held[entity].count }
        precondition(entity >= 0 && entity < saved.count, "entity index out of range")
        return saved.counts[entity]
    }

    /// Why an entity's mentions could not be read from the saved index, in a line; nil when none failed.
    package var damage: String? { saved?.damage }

    /// Lets go of the saved index's pages that a pass over every entity's mentions read (`MappedIndexFile.letGo`).
    package func letGoOfPagesRead() { saved?.letGoOfPagesRead() }
}

/// The mentions of each entity in a saved index, read an entity at a time where they lie in the file
/// (`IndexSection.entityMentions`).
///
/// Their rows were checked when the index was opened, starts and counts; the mentions themselves are checked
/// as they are read, their blocks' checksums and every number: each article inside the corpus, in reading
/// order, as many as the row says. Another program may write over the file meanwhile, so an entity whose
/// mentions no longer make sense has none (and `damage` says why). A mention's place within its article is
/// checked where it is used (`Corpus.mention(at:)`), since the article's mentions are read apart.
package final class SavedEntityMentions: @unchecked Sendable {
    private let file: MappedIndexFile
    /// Where each entity's mentions start in the section, and where the last ends.
    private let starts: [Int]
    /// How many mentions each entity has, as its row said when it was checked.
    let counts: [Int]
    private let articleCount: Int
    /// The lists of entities with many mentions, read once: `]` asks for them at every step.
    private let longLists = Locked<[Int: [MentionReference]]>([:])
    /// The last list read, of any length: the entity pane asks for the selected entity's at every frame.
    private let lastList = Locked<(entity: Int, mentions: [MentionReference])?>(nil)
    private static let keptFrom = 1_000
    private let firstDamage = FirstDamage()

    init(file: MappedIndexFile, starts: [Int], counts: [Int], articleCount: Int) {
        precondition(starts.count == counts.count + 1, "starts of another corpus")
        self.file = file
        self.starts = starts
        self.counts = counts
        self.articleCount = articleCount
    }

    var count: Int { counts.count }

    /// Entity `entity`'s mentions; a long list is kept for the next time unless not `keeping`.
    func mentions(ofEntity entity: Int, keeping: Bool = true) -> [MentionReference] {
        if let kept = longLists.withLock({ $0[entity] }) { return kept }
        if let last = lastList.withLock({ $0 }), last.entity == entity { return last.mentions }
        let range = starts[entity]..<starts[entity + 1]
        do {
            guard file.verify(.entityMentions, bytes: range) else { throw BinaryReader.Damage(reason: "its checksum does not match") }
            var reader = BinaryReader(UnsafeRawBufferPointer(rebasing: file.bytes(of: .entityMentions)[range]))
            var mentions: [MentionReference] = []
            mentions.reserveCapacity(counts[entity])
            var article = 0
            for _ in 0..<counts[entity] {
                article += try reader.readInt()
                let mention = try reader.readInt()
                guard article < articleCount, mention <= UInt32.max else { throw BinaryReader.Damage(reason: "its index does not add up") }
                mentions.append(MentionReference(article: article, mention: mention))
            }
            guard reader.isAtEnd else { throw BinaryReader.Damage(reason: "its index does not add up") }
            if keeping, mentions.count >= Self.keptFrom { longLists.withLock { $0[entity] = mentions } }
            if keeping { lastList.withLock { $0 = (entity, mentions) } }
            return mentions
        } catch {
            firstDamage.note("is damaged (\((error as? BinaryReader.Damage)?.reason ?? "its mentions cannot be read"))")
            return []
        }
    }

    var damage: String? {
        (file.problem ?? firstDamage.reason).map { "index cache \(file.path) \($0)" }
    }

    func letGoOfPagesRead() { file.letGo(of: .entityMentions) }
}
