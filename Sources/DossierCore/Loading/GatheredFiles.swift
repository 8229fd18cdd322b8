import DossierFormats
import DossierIndex
import DossierText

/// Every file's outcome gathered into what the index and the merge take: the articles' analyses with
/// their files' stamps, the files skipped, and the verdicts on content worth saving.
struct GatheredFiles {
    var analyses: [ArticleAnalysis] = []
    /// `stamps[i]` is the stamp of the file `analyses[i]` came from.
    var stamps: [FileStamp] = []
    var skipped: [SkippedFile]
    var savedSkips: [(path: String, stamp: FileStamp, reason: String)] = []
    /// What reading each file passed over, by its saved path, for the saved index to keep.
    var notes: [String: [String]] = [:]
    /// Files taken from the saved index unchanged, analysed or skipped.
    var reused = 0
    /// Files the saved index will hold: those with articles, and those skipped for what they hold.
    var filesSaved = 0

    /// Names every article by what identifies it (`ArticleIDs`) and reports each record and file
    /// passed over. A file the user named directly that cannot be read ends the load.
    init(_ outcomes: [FileAnalyser.Outcome], setup: LoadSetup, warn: (String) -> Void) throws {
        skipped = setup.found.skipped
        for (index, outcome) in outcomes.enumerated() {
            switch outcome {
            case .analysed(let fileAnalyses, let warnings, let wasReused, let stamp):
                let path = setup.files[index].path
                for warning in warnings {
                    warn("\(path): \(warning)")
                    skipped.append(SkippedFile(path: path, reason: warning, isPartOfFile: true))
                }
                if !warnings.isEmpty { notes[setup.cachedPaths.saved(path)] = warnings }
                for analysis in fileAnalyses {
                    analyses.append(analysis)
                    stamps.append(stamp)
                }
                if !fileAnalyses.isEmpty { filesSaved += 1 }
                if wasReused { reused += 1 }
            case .skipped(let skip, let wasReused, let stamp):
                if skip.isFatal { throw DossierError.unreadable(skip.path, reason: skip.reason) }
                skipped.append(skip)
                warn("skipped \(skip.path): \(skip.reason)")
                // A file that could not be read may be readable next time without changing; only verdicts on content are kept.
                if skip.isVerdictOnContent, let stamp {
                    savedSkips.append((setup.cachedPaths.saved(skip.path), stamp, skip.reason))
                    filesSaved += 1
                }
                if wasReused { reused += 1 }
            }
        }
        let named = ArticleIDs.make(keys: analyses.map(\.article.key), paths: analyses.map(\.article.path),
                                    records: analyses.map(\.article.record))
        for index in analyses.indices {
            analyses[index].article = analyses[index].article.renamed(named.ids[index], stableID: named.stableIDs[index])
        }
    }

    /// Puts the articles, and their stamps with them, in reading order (`Article.readsBefore`).
    mutating func sortIntoReadingOrder() {
        let order = analyses.indices.sorted { analyses[$0].article.readsBefore(analyses[$1].article) }
        analyses = order.map { analyses[$0] }
        stamps = order.map { stamps[$0] }
    }
}
