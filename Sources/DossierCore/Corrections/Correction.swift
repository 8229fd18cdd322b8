import DossierLinking
import DossierText

/// One fix a user made to what linking found. Entities are named by their full name as the
/// corpus shows it, so that a correction made in one corpus applies in every other that names them.
public enum Correction: Equatable, Sendable {
    /// The entity is of another kind, or (nil) no entity at all: its mentions are dropped.
    case kind(entity: String, to: Entity.Kind?)
    /// Every mention and quote of the entity belongs to `into`; when no entity is named `into`, the
    /// entity takes that name.
    case merge(entity: String, into: String)
    /// The mentions of `from` written `name` (in any case) name an entity of their own, named `name`.
    case split(name: String, from: String)
    /// The quotation in `article` whose words begin with `quote` was spoken by `speaker`; nil when
    /// the text names nobody.
    case speaker(article: String, quote: String, speaker: String?)

    /// The phrase a user reads for a kind, and types to choose it.
    public static func kindName(_ kind: Entity.Kind?) -> String { kind?.rawValue ?? notAnEntity }
    public static let notAnEntity = "not an entity"

    /// The kind a user typed (`person`, `place`, `organisation` or `organization`, `none` or `not an entity`,
    /// or the first letters of one), with nil for no entity; throws for anything else.
    public static func kind(named text: String) throws -> Entity.Kind? {
        let word = text.lowercased().split(separator: " ").joined(separator: " ")
        if !word.isEmpty, "none".hasPrefix(word) || notAnEntity.hasPrefix(word) || word == "not" { return nil }
        let kinds = Entity.Kind.allCases.filter { !word.isEmpty && ($0.rawValue.hasPrefix(word) || word == "organization") }
        guard kinds.count == 1 else { throw CorrectionProblem.unknownKind(text) }
        return kinds[0]
    }

    /// What the correction does, in one line.
    public var summary: String {
        switch self {
        case .kind(let entity, let kind): "\(entity) is \(kind.map { ($0 == .organisation ? "an " : "a ") + $0.rawValue } ?? Self.notAnEntity)"
        case .merge(let entity, let into): "\(entity) is merged into \(into)"
        case .split(let name, let from): "\(name) is split off \(from)"
        case .speaker(_, let quote, let speaker): "“\(Self.shortened(quote))” \(speaker.map { "was said by \($0)" } ?? "has no speaker")"
        }
    }

    /// A quotation's opening words as a correction keeps them, to find it again however the
    /// article is read anew: on one line, at most 80 characters, cut at a word.
    public static func opening(of quote: String) -> String {
        let spaced = SourceText.spacedOnOneLine(quote)
        guard spaced.count > 80 else { return spaced }
        let cut = spaced.prefix(80)
        return String(cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut)
    }

    /// At most 40 characters of a quotation, cut at a word.
    public static func shortened(_ quote: String) -> String {
        guard quote.count > 40 else { return quote }
        let cut = quote.prefix(40)
        let atWord = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return atWord + "…"
    }
}

/// A correction as the corrections file keeps it: with the article it was made in and when.
public struct CorrectionEntry: Equatable, Sendable {
    public let correction: Correction
    /// The id of the article the correction was made in, when known.
    public let article: String?
    /// When it was made, as `2026-12-07 10:15` in UTC; nil when the file does not say.
    public let made: String?

    public init(_ correction: Correction, article: String?, made: String?) {
        self.correction = correction
        self.article = article
        self.made = made
    }
}

/// Why a correction cannot be made or taken back.
public enum CorrectionProblem {
    public static func unknownKind(_ text: String) -> DossierError {
        .invalidCorrection("'\(DossierError.shortened(text))' is not a kind (person, place, organisation, or none for not an entity)")
    }

    public static func sameEntity(_ name: String) -> DossierError { .invalidCorrection("\(name) cannot be merged into itself") }

    public static func noSuchQuote(_ place: String) -> DossierError {
        .invalidCorrection("no quotation is at \(DossierError.shortened(place)) (`dossier quotes NAME` prints where each starts)")
    }

    public static let nothingToUndo = DossierError.invalidCorrection("there is no correction to undo")

    public static func noSuchCorrection(_ number: Int, count: Int) -> DossierError {
        .invalidCorrection("there is no correction \(number) (there \(count == 1 ? "is 1" : "are \(count)"); `dossier correct list` lists them)")
    }
}
