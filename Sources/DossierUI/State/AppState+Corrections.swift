import DossierCore
import DossierLinking
import DossierText

// Corrections typed at the prompt: `:kind`, `:merge`, `:split`, `:speaker`, `:undo`. Each is about
// what the reader points at (`correctedEntity`, `correctedQuote`); the runner saves it.

extension AppState {
    static let correctionCommands = ["kind", "merge", "split", "speaker", "undo"]

    mutating func runCorrection(_ command: String, _ argument: String) -> [Effect] {
        guard session.indexing == nil else {
            session.status = "corrections can be made when indexing is done"
            return []
        }
        switch command {
        case "kind": return correctKind(argument)
        case "merge": return merge(into: argument)
        case "split": return split(argument)
        case "speaker": return setSpeaker(argument)
        default: return [.correct(.undo)]
        }
    }

    private mutating func correctKind(_ argument: String) -> [Effect] {
        guard let entity = correctedEntity(usage: ":kind person|place|organisation|none") else { return [] }
        do {
            let kind = try Correction.kind(named: argument)
            return make(.kind(entity: corpus.entities[entity].name, to: kind), about: entity)
        } catch {
            session.status = argument.isEmpty ? "usage: :kind person|place|organisation|none" : "\(error)"
            return []
        }
    }

    private mutating func merge(into argument: String) -> [Effect] {
        guard let entity = correctedEntity(usage: ":merge NAME (Tab completes names)") else { return [] }
        guard !argument.isEmpty else {
            session.status = "usage: :merge NAME merges \(corpus.entities[entity].name) into NAME (Tab completes names)"
            return []
        }
        do {
            return make(.merge(entity: corpus.entities[entity].name, into: try corpus.entityName(orNew: argument)), about: entity)
        } catch {
            session.status = "\(error)"
            return []
        }
    }

    /// `:split` splits the name the reader is on off its entity; `:split NAME`, the mentions of the
    /// selected entity written NAME.
    private mutating func split(_ argument: String) -> [Effect] {
        if argument.isEmpty {
            guard let (mention, text) = mentionInText, let entity = mention.entity else {
                session.status = "usage: move to a name in the text (\(key(.nextMention))) and :split, or select an entity and :split NAME"
                return []
            }
            let written = SourceText.flattened(text.string(mention.range))
            return make(.split(name: written, from: corpus.entities[entity].name), about: entity)
        }
        guard let entity = correctedEntity(usage: ":split NAME") else { return [] }
        return make(.split(name: argument, from: corpus.entities[entity].name), about: entity)
    }

    private mutating func setSpeaker(_ argument: String) -> [Effect] {
        guard !argument.isEmpty else {
            session.status = "usage: :speaker NAME, or :speaker none, on a quote (Tab completes names)"
            return []
        }
        guard let (reference, words) = correctedQuote else {
            session.status = "select a quote in a dossier (\(key(.openDossier))), or move to a name beside one (\(key(.nextMention))), then :speaker NAME"
            return []
        }
        let speaker: String?
        do {
            speaker = argument.lowercased() == "none" ? nil : try corpus.entityName(orNew: argument)
        } catch {
            session.status = "\(error)"
            return []
        }
        let article = corpus.articles[reference.article].stableID
        return [.correct(.make(.speaker(article: article, quote: Correction.opening(of: words), speaker: speaker), inArticle: article))]
    }

    private mutating func make(_ correction: Correction, about entity: Int) -> [Effect] {
        let article = overlays.dossier == nil && session.focus == .reader ? corpus.articles[reader.openArticle].stableID
            : corpus.mentionsByEntity[entity].first.map { corpus.articles[$0.article].stableID }
        return [.correct(.make(correction, inArticle: article))]
    }

    // MARK: - What a correction is about

    /// The entity a correction is about: the one whose dossier is open, else the name the reader is
    /// on, else the one selected in the entity pane; when there is none, the status line says what to do.
    private mutating func correctedEntity(usage: String) -> Int? {
        if let dossier = overlays.dossier { return dossier.entity }
        if session.focus == .reader, let entity = mentionInText?.mention.entity { return entity }
        if let selected = entities.selectedEntity { return selected }
        session.status = "select an entity (\(key(.toggleEntities)) shows them) or move to a name (\(key(.nextMention))), then \(usage)"
        return nil
    }

    /// The mention the reader is on in the open article, with the article's text.
    private var mentionInText: (mention: Mention, text: SourceText)? {
        let mentions = corpus.mentions[reader.openArticle]
        guard let position = reader.currentMention, let content = reader.content, content.corpus === corpus,
              content.index == reader.openArticle, content.isAsIndexed, mentions.indices.contains(position) else { return nil }
        return (mentions[position], content.text)
    }

    /// The quote a speaker correction is about, with its words: the one selected in a dossier, else
    /// the one nearest the name the reader is on in its paragraph (holding it, just before it as in
    /// "…,” said Hill", or just after it as in "Hill said: “…”").
    private var correctedQuote: (reference: QuoteReference, words: String)? {
        if let dossier = overlays.dossier {
            let lines = dossier.lines
            guard lines.indices.contains(dossier.selection), case .quote(let reference) = lines[dossier.selection].target,
                  let listed = dossier.profile.quotes.prefix(DossierView.quoteLimit).firstIndex(of: reference),
                  dossier.quoteWords.indices.contains(listed) else { return nil }
            return (reference, dossier.quoteWords[listed])
        }
        guard let (mention, text) = mentionInText else { return nil }
        let article = reader.openArticle
        let quotes = corpus.quotes[article]
        let start = mention.range.lowerBound
        let paragraph = corpus.articles[article].paragraphs.first { $0.contains(start) } ?? mention.range
        let inParagraph = quotes.indices.filter { paragraph.contains(quotes[$0].range.lowerBound) }
        let chosen = inParagraph.first { quotes[$0].range.contains(start) }
            ?? inParagraph.last { quotes[$0].range.upperBound <= start }
            ?? inParagraph.first { quotes[$0].range.lowerBound > start }
        return chosen.map { (QuoteReference(article: article, quote: $0), SourceText.flattened(text.string(quotes[$0].range))) }
    }

    // MARK: - Name completion

    /// Commands whose argument is an entity's name, which Tab completes.
    static let namingCommands = ["entity", "e", "dossier", "d", "merge", "speaker"]

    /// Tab at the command prompt: the typed name completed to the most-mentioned entity whose name
    /// (or a word of it) starts with it; Tab again, the next.
    mutating func completeName() {
        guard let open = prompt.open, open.kind == .command else { return }
        let text = open.text
        let parts = text.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, Self.namingCommands.contains(parts[0]) else { return }
        var completion: PromptState.Completion
        if var cycling = prompt.completion, cycling.line == text {
            cycling.index = (cycling.index + 1) % cycling.names.count
            completion = cycling
        } else {
            let names = completions(of: parts[1].trimmingCharacters(in: " "))
            guard !names.isEmpty else { return }
            completion = PromptState.Completion(names: names, index: 0, line: "")
        }
        completion.line = parts[0] + " " + completion.names[completion.index]
        prompt.complete(with: completion, columns: session.size.columns)
    }

    /// Entity names that start with `typed`, or have a word that does, most mentioned first.
    private func completions(of typed: String) -> [String] {
        let wanted = typed.lowercased()
        let matching = corpus.entities.indices.filter { index in
            guard corpus.mentionsByEntity.count(of: index) > 0 || !corpus.quotesByEntity[index].isEmpty else { return false }
            let name = corpus.entities[index].name.lowercased()
            return wanted.isEmpty || name.hasPrefix(wanted) || name.split(separator: " ").contains { $0.hasPrefix(wanted) }
        }
        let ordered = matching.sorted { corpus.mentionsByEntity.count(of: $0) > corpus.mentionsByEntity.count(of: $1) }
        var names: [String] = []
        for index in ordered.prefix(PromptState.completionLimit) where !names.contains(corpus.entities[index].name) {
            names.append(corpus.entities[index].name)
        }
        return names
    }
}
