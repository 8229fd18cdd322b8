import DossierCore

extension Corrector {
    /// What a correction asked for at the prompt comes to: the corpus with every correction applied and
    /// a line for the status bar, or the line that says why it could not be made.
    public func outcome(of request: CorrectionRequest, on corpus: Corpus) -> Outcome {
        do {
            switch request {
            case .make(let correction, let article):
                let done = try make(correction, inArticle: article, on: corpus)
                return .corrected(summary: done.summary + " · :undo takes it back", corpus: done.corpus)
            case .undo:
                let done = try undo(number: nil, on: corpus)
                return .corrected(summary: done.summary, corpus: done.corpus)
            }
        } catch {
            return .corrected(summary: "\(error)", corpus: nil)
        }
    }
}
