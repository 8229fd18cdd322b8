import DossierCore

/// The colours of names: people in a few colours of their own, cycled, so neighbours differ;
/// every place in one colour and every organisation in another, never one a person has. Names
/// of people are bold as well, so that they stand apart without colour too.
public struct EntityPalette: Equatable, Sendable {
    public var people: [Color]
    public var place: Color
    public var organisation: Color

    public init(people: [Color] = [.cyan, .green, .magenta, .red], place: Color = .yellow, organisation: Color = .blue) {
        self.people = people.isEmpty ? [.cyan] : people
        self.place = place
        self.organisation = organisation
    }

    public func color(of entity: Int, in corpus: Corpus) -> Color {
        guard entity < corpus.entities.count else { return people[0] }
        switch corpus.entities[entity].kind {
        case .person: return people[entity % people.count]
        case .place: return place
        case .organisation: return organisation
        }
    }

    /// How a name is drawn: its colour, bold for people, and underlined when it is the selected entity.
    public func style(of entity: Int, in corpus: Corpus, selected: Int?) -> Style {
        let isPerson = entity < corpus.entities.count && corpus.entities[entity].kind == .person
        return Style(foreground: color(of: entity, in: corpus), bold: isPerson || entity == selected, underline: entity == selected)
    }
}
