import DossierText

/// Makes and takes back corrections for the reader and the command line alike: each is checked
/// against the corpus before it is saved, so that the file never holds one that changes nothing,
/// and the corpus comes back with every correction in the file applied.
public struct Corrector: Sendable {
    public let file: CorrectionsFile

    public init(file: CorrectionsFile) {
        self.file = file
    }

    /// What a correction did: the corpus with it, and a line saying so.
    public struct Done: Sendable {
        public let corpus: Corpus
        public let summary: String
    }

    /// Saves `correction`, made while reading `article`, and applies it with the others.
    public func make(_ correction: Correction, inArticle article: String?, on corpus: Corpus) throws -> Done {
        switch correction {
        case .merge(let entity, let into) where CorrectionWork.folded(entity) == CorrectionWork.folded(into):
            throw CorrectionProblem.sameEntity(entity)
        case .split(let name, let from) where CorrectionWork.folded(name) == CorrectionWork.folded(from):
            throw DossierError.invalidCorrection("\(from) is that entity's own name: split off a name it was wrongly given, or set its kind")
        default: break
        }
        let existing = try file.read().corrections
        let (corrected, applied) = corpus.asLinked.corrected(by: existing + [correction])
        guard applied.last == true else {
            throw DossierError.invalidCorrection("\(correction.summary): that changes nothing in these articles")
        }
        try file.append(CorrectionEntry(correction, article: article, made: CorrectionsFile.now()))
        return Done(corpus: corrected, summary: "corrected: \(correction.summary)")
    }

    /// Takes back correction `number` (from 1; the last when nil) and applies the rest.
    public func undo(number: Int?, on corpus: Corpus) throws -> Done {
        let removed = try file.remove(number: number)
        let (corrected, _) = corpus.asLinked.corrected(by: try file.read().corrections)
        return Done(corpus: corrected, summary: "took back: \(removed.correction.summary)")
    }
}

extension Corpus {
    /// The full name of the entity `text` names (an id, name or alias), or, when none does, `text`
    /// itself spaced singly: a merge into a name no entity has renames, and a speaker the linker did
    /// not find becomes a person. Text that could name several entities is an error that lists them.
    public func entityName(orNew text: String) throws -> String {
        do {
            return entities[try lookUpEntity(text)].name
        } catch DossierError.unknownEntity {
            return text.split(separator: " ").joined(separator: " ")
        }
    }
}
