import DossierFormats
import DossierIndex
import DossierLinking
import DossierPlatform
import DossierResources
import DossierText
import Foundation

/// All the articles a user opened, with every entity mention linked and every word indexed.
///
/// Articles are kept in reading order: newest first where they carry a date,
/// then the undated ones by path. Every index in this type (`articles`,
/// `mentions`, hits) counts in that order.
public final class Corpus: Sendable {
    public let articles: CorpusArticles
    public let entities: [Entity]
    /// The mentions in each article, in text order; `mentions[i]` belongs to `articles[i]`.
    public let mentions: [[Mention]]
    /// Every linked mention of each entity, in reading order; `mentionsByEntity[e]` belongs to `entities[e]`.
    public let mentionsByEntity: [[MentionReference]]
    public let index: SearchIndex
    /// Files that were found but not loaded, with the reason.
    public let skipped: [SkippedFile]
    /// The direct quotations in each article, in text order; `quotes[i]` belongs to `articles[i]`.
    public let quotes: [[Quote]]
    /// The attributed quotations of each entity, in reading order.
    public let quotesByEntity: [[QuoteReference]]
    /// For each entity, the entities it shares sentences with most often, most often first: at
    /// most `relatedLimit`, since no view shows more, and a huge corpus has millions of pairs.
    public let related: [[RelatedEntity]]
    public static let relatedLimit = 10
    /// Linked mentions of each entity in each article, by entity index; computed once, since
    /// panes ask for them on every frame and an article may hold a million mentions.
    private let countsByArticle: [[Int: Int]]
    /// Linked mentions of people in each article, for the article list's count.
    public let personMentionCounts: [Int]

    private let entityIndexByID: [String: Int]
    /// Where the words of the article last asked about lie, for turning hits into byte ranges.
    let wordPlaces = WordPlaces()

    /// Why the saved index this corpus reads from failed a check, in a line naming its file; nil while
    /// sound, and always for a corpus held wholly in memory. A caller checks it after a query and after
    /// reading the articles it found, and believes neither when it is set.
    public var savedIndexDamage: String? { index.damage ?? articles.damage }

    /// False for a corpus loaded for a search alone (`load(…, purpose: .search)`): it holds the
    /// articles and the index, and no entities, mentions or quotes.
    public let isLinked: Bool

    convenience init(articles: [Article], entities: [Entity], mentions: [[Mention]], index: SearchIndex, skipped: [SkippedFile],
                     quotes: [[Quote]], related: [[RelatedEntity]], isLinked: Bool = true) {
        self.init(articles: CorpusArticles(articles), entities: entities, mentions: mentions, index: index, skipped: skipped,
                  quotes: quotes, related: related, isLinked: isLinked)
    }

    init(articles: CorpusArticles, entities: [Entity], mentions: [[Mention]], index: SearchIndex, skipped: [SkippedFile],
         quotes: [[Quote]], related: [[RelatedEntity]], isLinked: Bool = true) {
        self.isLinked = isLinked
        self.articles = articles
        self.entities = entities
        self.mentions = mentions
        self.index = index
        self.skipped = skipped
        self.quotes = quotes
        self.related = related
        var quotesByEntity = Array(repeating: [QuoteReference](), count: entities.count)
        for (article, articleQuotes) in quotes.enumerated() {
            for (position, quote) in articleQuotes.enumerated() {
                if let speaker = quote.speaker { quotesByEntity[speaker].append(QuoteReference(article: article, quote: position)) }
            }
        }
        self.quotesByEntity = quotesByEntity
        countsByArticle = mentions.map { articleMentions in
            var counts: [Int: Int] = [:]
            for mention in articleMentions { if let entity = mention.entity { counts[entity, default: 0] += 1 } }
            return counts
        }
        personMentionCounts = countsByArticle.map { counts in
            counts.reduce(0) { $0 + (entities[$1.key].kind == .person ? $1.value : 0) }
        }
        // Summed from the counts by article first, so that each entity's list is made at its size, not grown to up to twice it.
        var linkedCounts = Array(repeating: 0, count: entities.count)
        for counts in countsByArticle {
            for (entity, count) in counts { linkedCounts[entity] += count }
        }
        var byEntity = linkedCounts.map { count -> [MentionReference] in
            var references: [MentionReference] = []
            references.reserveCapacity(count)
            return references
        }
        for (article, articleMentions) in mentions.enumerated() {
            for (position, mention) in articleMentions.enumerated() {
                if let entity = mention.entity { byEntity[entity].append(MentionReference(article: article, mention: position)) }
            }
        }
        mentionsByEntity = byEntity
        entityIndexByID = Dictionary(uniqueKeysWithValues: entities.enumerated().map { ($1.id, $0) })
    }

    // MARK: - Loading

    /// Loads the articles under `paths` (files and folders), or the bundled articles when `paths` is empty.
    ///
    /// Files that are empty or not text are skipped and reported through `warn`,
    /// as are unreadable files inside folders; a path that does not exist or cannot
    /// be read is an error, and so is a set of paths that holds no article at all.
    ///
    /// With a `cache`, files whose size, modification time and identity match the
    /// saved index are taken from it rather than read, and the index is saved again
    /// when anything changed. A saved index that cannot be used, or cannot be saved,
    /// is reported through `warn`; loading goes on without it.
    ///
    /// `preview` hears of the files as soon as they are found and of each title as its
    /// file is read, from any thread, so that a reader can list them meanwhile.
    ///
    /// With `purpose` `.search` and a saved index that holds every file unchanged, only the
    /// articles and the index are read from it (`isLinked` is false); otherwise it loads everything.
    public static func load(paths: [String], catalog: EntityCatalog? = nil, gazetteer: Gazetteer? = nil,
                            cache: IndexCache? = nil, purpose: Purpose = .everything, fields: DatasetFields = DatasetFields(),
                            progress: (@Sendable (LoadProgress) -> Void)? = nil,
                            preview: (@Sendable (LoadPreview) -> Void)? = nil,
                            warn: (String) -> Void = { _ in }) throws -> Corpus {
        do {
            return try load(paths: paths, catalog: catalog, gazetteer: gazetteer, cache: cache, purpose: purpose, fields: fields,
                            progress: progress, preview: preview, readsSavedIndex: true, warn: warn)
        } catch let damage as SavedIndexDamage {
            // Found only once the saved index was being extended: the load starts again without it, and saves a new one.
            warn(damage.message)
            return try load(paths: paths, catalog: catalog, gazetteer: gazetteer, cache: cache, purpose: purpose, fields: fields,
                            progress: progress, preview: preview, readsSavedIndex: false, warn: warn)
        }
    }

    /// A saved index whose words failed their check while a changed corpus's index was built from them.
    private struct SavedIndexDamage: Error {
        let message: String
    }

    private static func load(paths: [String], catalog: EntityCatalog?, gazetteer: Gazetteer?, cache: IndexCache?, purpose: Purpose,
                             fields: DatasetFields, progress: (@Sendable (LoadProgress) -> Void)?, preview: (@Sendable (LoadPreview) -> Void)?,
                             readsSavedIndex: Bool, warn: (String) -> Void) throws -> Corpus {
        let paths = try paths.isEmpty ? [BundledResources.articlesURL().path] : paths
        let catalog = try catalog ?? EntityCatalog.bundled()
        let gazetteer = try gazetteer ?? Gazetteer.bundled()
        let found = try ArticleFile.find(in: paths)
        let files = found.files
        for skip in found.skipped { warn("skipped \(skip.path): \(skip.reason)") }
        let directlyNamed = Set(paths)
        let ids = articleIDs(for: files)
        preview?(.found(Corpus.preview(of: files, ids: ids)))
        let linker = EntityLinker(entities: catalog.entities, gazetteer: gazetteer)
        let attributionVerbs = gazetteer.attributionVerbs
        let catalogCount = catalog.entities.count
        let roots = IndexCache.roots(for: paths)
        let cachedPaths = CachedPaths(typed: paths, real: roots)
        let fingerprint = analysisFingerprint(catalog: catalog, gazetteer: gazetteer, fields: fields)
        if purpose == .search, readsSavedIndex, let cache,
           let corpus = searchOnlyCorpus(files: files, ids: ids, passedOver: found.skipped, cache: cache, roots: roots, cachedPaths: cachedPaths,
                                         fingerprint: fingerprint, catalogCount: catalogCount, warn: warn) {
            return corpus
        }
        var saved: CachedCorpus? = {
            guard let cache, readsSavedIndex else { return nil }
            do {
                return try cache.read(roots: roots, fingerprint: fingerprint, catalogCount: catalogCount)
            } catch let problem as IndexCache.Problem {
                warn(problem.message)
            } catch {
                warn("the index cache could not be read: \(error)")
            }
            return nil
        }()

        // Words from the saved index are numbered by its terms; numbering goes on from there.
        // Only the index is kept for this: the rest of `saved` goes before the merge.
        let numbering = TermNumbering(continuing: saved.map { saved in { [index = saved.index] in index.allTerms() } })
        let tracker = ProgressTracker(fileCount: files.count, report: progress)
        // The threads read a constant copy of `saved`, let go once they are done, so that `saved` can go before the merge.
        var outcomes = { [saved] in files.indices.parallelMap { index -> FileOutcome in
            let file = files[index]
            guard let stamp = file.currentStamp else {
                tracker.fileDone(bytes: 0)
                return .skipped(SkippedFile(path: file.path, reason: "it vanished while its folder was read"), reused: false, stamp: nil)
            }
            let savedPath = cachedPaths.saved(file.path)
            if let known = saved?.files[savedPath], known.stamp == stamp {
                if let first = known.analyses.first { preview?(.titled(index: index, title: first.article.title)) }
                tracker.fileDone(bytes: 0)
                return .analysed(known.analyses.map { $0.relocated(to: file.path) }, warnings: [], reused: true, stamp: stamp)
            }
            if let known = saved?.skipped[savedPath], known.stamp == stamp {
                tracker.fileDone(bytes: 0)
                return .skipped(SkippedFile(path: file.path, reason: known.reason, isVerdictOnContent: true), reused: true, stamp: stamp)
            }
            let outcome = analyse(file, stamp: stamp, linker: linker, attributionVerbs: attributionVerbs, numbering: numbering,
                                  fields: fields, isNamed: directlyNamed.contains(file.path))
            if case .analysed(let analyses, _, _, _) = outcome, let first = analyses.first {
                preview?(.titled(index: index, title: first.article.title))
            }
            tracker.fileDone(bytes: Int(stamp.size))
            return outcome
        } }()

        var analyses: [ArticleAnalysis] = []
        var stamps: [FileStamp] = []
        var skipped = found.skipped
        var savedSkips: [(path: String, stamp: FileStamp, reason: String)] = []
        var reused = 0
        for (index, outcome) in outcomes.enumerated() {
            switch outcome {
            case .analysed(let fileAnalyses, let warnings, let wasReused, let stamp):
                for warning in warnings { warn("\(files[index].path): \(warning)") }
                for var analysis in fileAnalyses {
                    // Records are numbered within their file: "news#12" is the twelfth of news.jsonl.
                    analysis.article = analysis.article.renamed(analysis.article.record.map { "\(ids[index])#\($0)" } ?? ids[index])
                    analyses.append(analysis)
                    stamps.append(stamp)
                }
                if wasReused { reused += 1 }
            case .skipped(let skip, let wasReused, let stamp):
                if skip.isFatal { throw DossierError.unreadable(skip.path, reason: skip.reason) }
                skipped.append(skip)
                warn("skipped \(skip.path): \(skip.reason)")
                // A file that could not be read may be readable next time without changing; only verdicts on content are kept.
                if skip.isVerdictOnContent, let stamp { savedSkips.append((cachedPaths.saved(skip.path), stamp, skip.reason)) }
                if wasReused { reused += 1 }
            }
        }
        let fileCount = outcomes.count
        // `analyses` holds what is still needed; the outcomes would keep every analysis alive through the merge.
        outcomes = []
        guard !analyses.isEmpty else { throw DossierError.noArticles(paths) }
        let order = analyses.indices.sorted { readsBefore(analyses[$0].article, analyses[$1].article) }
        analyses = order.map { analyses[$0] }
        stamps = order.map { stamps[$0] }

        tracker.entered(.indexing)
        let index: SearchIndex
        // Every file found came from the saved index, and it holds no file that is gone.
        let unchanged = saved.map { reused == fileCount && $0.files.count + $0.skipped.count == reused } ?? false
        if let saved, unchanged,
           analyses.indices.allSatisfy({ if case .saved($0) = analyses[$0].words { true } else { false } }) {
            // Nothing changed, and the articles stand in the saved order: the saved index is this corpus's index.
            index = saved.index
        } else {
            var building = SearchIndex()
            // The saved index's words, rebuilt from its postings the first time an unchanged article needs them.
            var savedWords: [UInt32]?
            for position in analyses.indices {
                switch analyses[position].words {
                case .compact(let tokens): building.add(indexed: tokens.terms)
                case .saved(let savedPosition):
                    let savedIndex = saved!.index
                    if savedWords == nil { savedWords = savedIndex.wordTermsOfEveryArticle() }
                    guard let words = savedWords else {
                        let path = cache?.filePath(forRoots: roots) ?? "?"
                        throw SavedIndexDamage(message: (savedIndex.damage ?? "index cache \(path) is damaged") + "; rebuilding it")
                    }
                    building.add(indexed: words[savedIndex.wordRange(ofArticle: savedPosition)])
                case .handedOver: break
                }
                // Words are the largest thing a load holds; each article's go as soon as they are indexed.
                analyses[position].words = .handedOver
            }
            building.finish(terms: numbering.allTerms)
            index = building
        }
        // The saved analyses are in `analyses` now, and its index in `index` if still used; its own copy goes.
        saved = nil
        // Saved before merging, which then frees each article's local links as it numbers them anew:
        // the two copies of every mention are never held at once.
        if let cache, !unchanged {
            tracker.entered(.saving)
            do {
                try cache.write(roots: roots, fingerprint: fingerprint, index: index,
                                analyses: analyses, stamps: stamps, skipped: savedSkips, paths: cachedPaths)
            } catch let failure as IndexCache.WriteFailure {
                warn("the index cache was not saved: \(failure.message)")
            } catch {
                warn("the index cache was not saved: \(error)")
            }
        }
        return merge(&analyses, catalog: catalog.entities, index: index, skipped: skipped)
    }

    /// What a load is for.
    public enum Purpose: Sendable {
        /// Everything: articles, entities, links, quotes and the index.
        case everything
        /// A search: the articles and the index are enough, when a saved index has them.
        case search
    }

    /// The articles and index alone, from a saved index that holds every file unchanged, in reading
    /// order; nil when it does not, or cannot be read, and the full load goes on and reports why.
    /// Nothing of an article is decoded until it is asked for: a search decodes its hits' articles alone.
    private static func searchOnlyCorpus(files: [ArticleFile], ids: [String], passedOver: [SkippedFile], cache: IndexCache, roots: [String],
                                         cachedPaths: CachedPaths, fingerprint: UInt64, catalogCount: Int, warn: (String) -> Void) -> Corpus? {
        guard let saved = try? cache.readForSearch(roots: roots, fingerprint: fingerprint, catalogCount: catalogCount) else { return nil }
        // The saved order is reading order by real paths; roots spelt in another order than their real paths sort in would read differently.
        guard roots.count == 1 || cachedPaths.keepsTheOrderOfTheRoots else { return nil }
        let savedArticles = saved.articles
        // Each file's saved articles, when its stamp is the saved one; nil for a file the index does not hold as it is now.
        let found = files.indices.parallelMap { index -> [Int]? in
            let file = files[index]
            guard let stamp = file.currentStamp else { return nil }
            let savedPath = cachedPaths.saved(file.path)
            let articles = savedArticles.articles(savedAt: savedPath)
            if let first = articles.first { return savedArticles.stamp(of: first) == stamp ? articles : nil }
            return saved.skipped[savedPath]?.stamp == stamp ? [] : nil
        }
        var paths = Array(repeating: "", count: savedArticles.count)
        var articleIDs = Array(repeating: "", count: savedArticles.count)
        var skipped = passedOver
        var skipWarnings: [String] = []
        var skippedCount = 0
        var articleCount = 0
        for (index, file) in files.enumerated() {
            guard let articles = found[index] else { return nil }
            if articles.isEmpty, let skip = saved.skipped[cachedPaths.saved(file.path)] {
                skipped.append(SkippedFile(path: file.path, reason: skip.reason, isVerdictOnContent: true))
                skipWarnings.append("skipped \(file.path): \(skip.reason)")
                skippedCount += 1
            }
            for article in articles {
                paths[article] = file.path
                articleIDs[article] = savedArticles.record(of: article).map { "\(ids[index])#\($0)" } ?? ids[index]
            }
            articleCount += articles.count
        }
        // Every saved article and skip belongs to a file found now: none is gone.
        guard articleCount == savedArticles.count, skippedCount == saved.skipped.count, articleCount > 0 else { return nil }
        savedArticles.name(paths: paths, ids: articleIDs)
        skipWarnings.forEach(warn)
        let none = Array(repeating: [Mention](), count: articleCount)
        return Corpus(articles: CorpusArticles(saved: savedArticles), entities: [], mentions: none, index: saved.index, skipped: skipped,
                      quotes: Array(repeating: [], count: articleCount), related: [], isLinked: false)
    }

    /// What became of one file, with the stamp it had when it was read.
    private enum FileOutcome: Sendable {
        /// A file's articles (one, or one a record), and a line for each record passed over.
        case analysed([ArticleAnalysis], warnings: [String], reused: Bool, stamp: FileStamp)
        case skipped(SkippedFile, reused: Bool, stamp: FileStamp?)
    }

    /// Reads one file and learns what it can from it, or says why it was skipped.
    private static func analyse(_ file: ArticleFile, stamp: FileStamp, linker: EntityLinker, attributionVerbs: Set<String>,
                                numbering: TermNumbering, fields: DatasetFields, isNamed: Bool) -> FileOutcome {
        func skipped(_ reason: String, onContent: Bool = false) -> FileOutcome {
            .skipped(SkippedFile(path: file.path, reason: reason, isFatal: isNamed && !onContent, isVerdictOnContent: onContent),
                     reused: false, stamp: stamp)
        }
        let analyseDraft: @Sendable (ArticleDraft) -> ArticleAnalysis = { draft in
            ArticleAnalysis.analyse(draft, linker: linker, attributionVerbs: attributionVerbs, numbering: numbering)
        }
        do {
            var format = DocumentFormat(path: file.path)
            var data: [UInt8]?
            if format == nil || format == .text {
                // A text file, or a file named directly whatever its name: its first bytes may say it is a feed or a page.
                let bytes = try DocumentFormat.unpackedBytes(of: file.path)
                format = DocumentFormat.of(path: file.path, head: bytes.prefix(4_096))
                data = bytes
            }
            if let format, format != .text {
                let reading = try DocumentReader.read(file.path, format: format, bytes: data, fields: fields, analyse: analyseDraft)
                return .analysed(reading.analyses, warnings: reading.warnings, reused: false, stamp: stamp)
            }
            let bytes = data ?? []
            switch TextSniffer.verdict(for: bytes) {
            case .empty: return skipped("it is empty", onContent: true)
            case .binary(let why): return skipped("it is not text (\(why))", onContent: true)
            case .text: break
            }
            let analysis = ArticleAnalysis.analyse(SourceText(decoding: bytes), id: "", path: file.path, linker: linker,
                                                   attributionVerbs: attributionVerbs, numbering: numbering)
            return .analysed([analysis], warnings: [], reused: false, stamp: stamp)
        } catch let problem as ContentProblem {
            // What the file holds is a verdict to remember until the file changes; an error reading it is not.
            return skipped(problem.reason, onContent: true)
        } catch let error as DossierError {
            guard case .unreadable(_, let why) = error else { return skipped("it cannot be read") }
            return skipped(why)
        } catch {
            return skipped("it cannot be read")
        }
    }

    /// Numbers the entities found in text across all articles and turns every article's
    /// local numbers (mentions, quotes, shared sentences) into corpus-wide ones.
    /// Leaves each analysis with its article alone.
    private static func merge(_ analyses: inout [ArticleAnalysis], catalog: [Entity], index: SearchIndex,
                              skipped: [SkippedFile]) -> Corpus {
        let (entities, numbering) = numberFoundEntities(analyses.map(\.links), catalog: catalog)
        var mentions: [[Mention]] = []
        var quotes: [[Quote]] = []
        // Each article's pairs, renumbered and sorted in place, to be summed across articles by merging the lists.
        var pairLists: [[ArticleAnalysis.EntityPair]] = []
        mentions.reserveCapacity(analyses.count)
        quotes.reserveCapacity(analyses.count)
        for position in analyses.indices {
            var (links, localQuotes, pairs) = analyses[position].takeLinks()
            let found = numbering[position]
            func global(_ local: Int) -> Int { local < catalog.count ? local : found[local - catalog.count] }
            // Renumbered in place, and the found entities let go before the pairs are counted:
            // a huge article's mentions are never held twice.
            var articleMentions = links.mentions
            links = ArticleLinks()
            for index in articleMentions.indices {
                let mention = articleMentions[index]
                articleMentions[index] = Mention(range: mention.range, entity: mention.entity.map(global),
                                                 candidates: mention.candidates.map(global), form: mention.form)
            }
            mentions.append(articleMentions)
            quotes.append(localQuotes.map { Quote(range: $0.range, speaker: $0.speaker.map(global)) })
            for index in pairs.indices {
                let pair = pairs[index]
                let (first, second) = (Int32(global(Int(pair.first))), Int32(global(Int(pair.second))))
                pairs[index] = ArticleAnalysis.EntityPair(first: min(first, second), second: max(first, second), sentences: pair.sentences)
            }
            // Linking never pairs an entity with itself, but a saved index that passed its checksum could.
            pairs.removeAll { $0.first == $0.second }
            pairs.sort { ($0.first, $0.second) < ($1.first, $1.second) }
            if !pairs.isEmpty { pairLists.append(pairs) }
        }
        var related = Array(repeating: [RelatedEntity](), count: entities.count)
        PairSums.forEach(in: pairLists) { first, second, sentences in
            keepTop(RelatedEntity(entity: second, count: sentences), in: &related[first])
            keepTop(RelatedEntity(entity: first, count: sentences), in: &related[second])
        }
        return Corpus(articles: analyses.map(\.article), entities: entities, mentions: mentions, index: index,
                      skipped: skipped, quotes: quotes, related: related)
    }

    /// Puts `candidate` in its place in a list kept most often first (then by entity), at most `relatedLimit` long.
    private static func keepTop(_ candidate: RelatedEntity, in list: inout [RelatedEntity]) {
        func precedes(_ left: RelatedEntity, _ right: RelatedEntity) -> Bool {
            left.count != right.count ? left.count > right.count : left.entity < right.entity
        }
        if list.count == relatedLimit, let last = list.last, !precedes(candidate, last) { return }
        let place = list.firstIndex { precedes(candidate, $0) } ?? list.count
        list.insert(candidate, at: place)
        if list.count > relatedLimit { list.removeLast() }
    }

    /// What a saved index depends on besides the files: its format, the catalog, the word lists, and this build.
    static func analysisFingerprint(catalog: EntityCatalog, gazetteer: Gazetteer, fields: DatasetFields = DatasetFields()) -> UInt64 {
        var build = stat()
        let executable = stat("/proc/self/exe", &build) == 0 ? "\(build.st_size) \(build.st_mtim.tv_sec).\(build.st_mtim.tv_nsec)" : ""
        return Checksum.of("\(IndexCache.formatVersion)\n\(catalog.entities)\n\(gazetteer.fingerprint)\n\(executable)\n\(fields)")
    }

    /// Numbers the entities found in text after the catalog's, one per folded full name across
    /// all articles; `numbering[a][i]` is the number of `links[a].found[i]`.
    static func numberFoundEntities(_ links: [ArticleLinks], catalog: [Entity]) -> (entities: [Entity], numbering: [[Int]]) {
        var indexByKey: [String: Int] = [:]
        var firsts: [FoundEntity] = []
        // Each entity's votes for each kind, in `Entity.Kind.allCases` order: a dictionary an entity
        // took 8 MB for the 80,000 entities of a huge article.
        let kinds = Entity.Kind.allCases
        var kindVotes: [Int32] = []
        var roles: [String?] = []
        var genders: [Entity.Gender?] = []
        var numbering: [[Int]] = []
        numbering.reserveCapacity(links.count)
        for article in links {
            numbering.append(article.found.map { found in
                let index: Int
                if let existing = indexByKey[found.key] {
                    index = existing
                } else {
                    index = firsts.count
                    indexByKey[found.key] = index
                    firsts.append(found)
                    kindVotes += repeatElement(0, count: kinds.count)
                    roles.append(nil)
                    genders.append(nil)
                }
                kindVotes[index * kinds.count + kinds.firstIndex(of: found.kind)!] += 1
                roles[index] = roles[index] ?? found.role
                genders[index] = genders[index] ?? found.gender
                return catalog.count + index
            })
        }
        var usedIDs = Set(catalog.map(\.id))
        // Made in place after the catalog's: the found entities are never held twice.
        var entities = catalog
        entities.reserveCapacity(catalog.count + firsts.count)
        for index in firsts.indices {
            let found = firsts[index]
            // The most votes; a tie goes to the kind first in the alphabet.
            let votes = kinds.indices.map { (kind: kinds[$0], votes: kindVotes[index * kinds.count + $0]) }
            let kind = votes.max { ($0.votes, $1.kind.rawValue) < ($1.votes, $0.kind.rawValue) }?.kind ?? found.kind
            var id = found.key.split(separator: " ").joined(separator: "-")
            if usedIDs.contains(id) {
                var suffix = 2
                while usedIDs.contains("\(id)-\(suffix)") { suffix += 1 }
                id = "\(id)-\(suffix)"
            }
            usedIDs.insert(id)
            let description = roles[index] ?? "\(kind.rawValue) found in the text"
            entities.append(Entity(id: id, name: found.name, kind: kind, description: description,
                                   surname: kind == .person ? found.surname : nil, gender: genders[index], isFound: true))
        }
        return (entities, numbering)
    }

    /// The same numbering, with every article's mentions in corpus-wide numbers.
    public static func mergeFoundEntities(_ links: [ArticleLinks], catalog: [Entity]) -> ([Entity], [[Mention]]) {
        let (entities, numbering) = numberFoundEntities(links, catalog: catalog)
        let mentions = links.indices.map { position in
            links[position].mentions.map { mention in
                let global = { (local: Int) in local < catalog.count ? local : numbering[position][local - catalog.count] }
                return Mention(range: mention.range, entity: mention.entity.map(global), candidates: mention.candidates.map(global),
                               form: mention.form)
            }
        }
        return (entities, mentions)
    }

    /// Newest first where dated, then undated by path.
    static func readsBefore(_ left: Article, _ right: Article) -> Bool {
        switch (left.date, right.date) {
        case let (leftDate?, rightDate?) where leftDate != rightDate: return leftDate > rightDate
        case (.some, nil): return true
        case (nil, .some): return false
        default: return left.path != right.path ? left.path < right.path : (left.record ?? 0) < (right.record ?? 0)
        }
    }

    /// File names without extension; where two files share one, their relative paths.
    static func articleIDs(for files: [ArticleFile]) -> [String] {
        func stripped(_ path: String) -> String {
            let withoutGzip = path.lowercased().hasSuffix(".gz") ? String(path.dropLast(3)) : path
            return PathName.deletingExtension(of: withoutGzip)
        }
        let names = files.map { stripped(String(PathName.lastComponent(of: $0.relativePath))) }
        var counts: [String: Int] = [:]
        counts.reserveCapacity(names.count)
        for name in names { counts[name, default: 0] += 1 }
        // Most corpora name every file differently, and then the names are the ids.
        if counts.count == names.count { return names }
        var used = Set<String>()
        return files.indices.map { index in
            var id = counts[names[index]] == 1 ? names[index] : stripped(files[index].relativePath)
            if used.contains(id) {
                var suffix = 2
                while used.contains("\(id)~\(suffix)") { suffix += 1 }
                id = "\(id)~\(suffix)"
            }
            used.insert(id)
            return id
        }
    }

    // MARK: - Looking things up

    public func entityIndex(id: String) -> Int? { entityIndexByID[id] }

    /// Finds an entity by id, name or alias in any case and spelling of hyphens;
    /// a surname alone finds its bearer, or reports all of them when there are several.
    public func lookUpEntity(_ text: String) throws -> Int {
        let key = EntityKey(text)
        if let exact = entityIndexByID[text] { return exact }
        let named = entities.indices.filter { index in
            let entity = entities[index]
            return ([entity.id, entity.name] + entity.aliases).contains { EntityKey($0) == key }
        }
        if named.count == 1 { return named[0] }
        let bearers = named.isEmpty
            ? entities.indices.filter { entities[$0].surname.map(EntityKey.init) == key }
            : named
        if bearers.count == 1 { return bearers[0] }
        if bearers.isEmpty { throw DossierError.unknownEntity(text) }
        // As in linking: a surname the catalog marks as one person's on its own ("Trump") names that person.
        let unambiguous = bearers.filter { entities[$0].surnameUnambiguous }
        if unambiguous.count == 1 { return unambiguous[0] }
        throw DossierError.ambiguousEntity(text, candidates: bearers.map { "\(entities[$0].id) (\(entities[$0].name))" })
    }

    /// Finds an article by id (or the start of one id), or by words that all occur in its title.
    /// Text that fits several articles (an id start they share, words of several titles) lists them.
    public func lookUpArticle(_ text: String) throws -> Int {
        if let exact = articles.firstIndex(where: { $0.id == text }) { return exact }
        if let folded = articles.firstIndex(where: { $0.id.lowercased() == text.lowercased() }) { return folded }
        let prefixed = articles.indices.filter { articles[$0].id.hasPrefix(text) }
        if prefixed.count == 1 { return prefixed[0] }
        let wanted = Set(EntityKey(text).words)
        let titled = wanted.isEmpty ? [] : articles.indices.filter { wanted.isSubset(of: EntityKey(articles[$0].title).words) }
        if prefixed.isEmpty, titled.count == 1 { return titled[0] }
        if let whole = titled.first(where: { EntityKey(articles[$0].title) == EntityKey(text) }) { return whole }
        let candidates = prefixed + titled.filter { !prefixed.contains($0) }
        if candidates.isEmpty { throw DossierError.unknownArticle(text) }
        throw DossierError.ambiguousArticle(text, candidates: candidates.map { articles[$0].id })
    }

    /// How many linked mentions of each entity an article holds, by entity index.
    public func mentionCounts(inArticle article: Int) -> [Int: Int] { countsByArticle[article] }

    /// How many articles mention an entity at least once.
    public func articleCount(of entity: Int) -> Int {
        var articles = Set<Int>()
        for reference in mentionsByEntity[entity] { articles.insert(reference.article) }
        return articles.count
    }

    /// The sentence around a mention or match, on one line.
    public func sentence(around range: Range<Int>, inArticle article: Int) -> String {
        let text = articles[article].text
        return SourceText.flattened(text.string(sentenceRange(around: range, inArticle: article)))
            .split(separator: " ").joined(separator: " ")
    }

    /// The byte range of the sentence that holds `range`.
    public func sentenceRange(around range: Range<Int>, inArticle article: Int) -> Range<Int> {
        guard let container = articles[article].contentRanges.first(where: { $0.contains(range.lowerBound) }) else {
            return range
        }
        // Look only near the offset: a paragraph can be megabytes long, and no sentence is.
        let reach = 2_000
        let window = max(container.lowerBound, range.lowerBound - reach)..<min(container.upperBound, range.upperBound + reach)
        return SentenceSplitter.sentences(in: articles[article].text.bytes, range: window)
            .first { $0.contains(range.lowerBound) } ?? window
    }
}

/// Where one mention stands: `corpus.mentions[article][mention]`.
///
/// In 8 bytes, not 16: every linked mention has one, and a huge article has a million.
public struct MentionReference: Sendable, Hashable {
    private let articleNumber: UInt32
    private let mentionNumber: UInt32

    public var article: Int { Int(articleNumber) }
    public var mention: Int { Int(mentionNumber) }

    public init(article: Int, mention: Int) {
        articleNumber = UInt32(article)
        mentionNumber = UInt32(mention)
    }
}

/// Where one quotation stands: `corpus.quotes[article][quote]`.
public struct QuoteReference: Sendable, Hashable {
    public let article: Int
    public let quote: Int
}

/// An entity mentioned in the same sentence as another, and how many sentences they share.
///
/// In 8 bytes, not 16: each of a huge article's 80,000 entities keeps ten.
public struct RelatedEntity: Sendable, Hashable {
    private let entityNumber: Int32
    private let sentences: Int32

    public var entity: Int { Int(entityNumber) }
    public var count: Int { Int(sentences) }

    init(entity: Int, count: Int) {
        entityNumber = Int32(entity)
        sentences = Int32(clamping: count)
    }
}
