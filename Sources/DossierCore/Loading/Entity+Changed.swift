import DossierLinking

extension Entity {
    /// This entity with some of its facts changed: a kind or name a correction gives it, the names
    /// merged into it, a gender learnt from them. A person's surname follows a new name or kind, and stays otherwise.
    func changed(kind: Kind? = nil, name: String? = nil, aliases: [String]? = nil, gender: Gender? = nil) -> Entity {
        let kind = kind ?? self.kind
        let name = name ?? self.name
        let words = name.split(separator: " ")
        let surname = kind == self.kind && name == self.name ? self.surname
            : kind != .person ? nil
            : name == self.name && self.surname != nil ? self.surname
            : words.count > 1 ? words.last.map(String.init) : nil
        return Entity(id: id, name: name, kind: kind, description: description, wikidata: wikidata, aliases: aliases ?? self.aliases,
                      titles: titles, surname: surname, surnameUnambiguous: surnameUnambiguous, gender: gender ?? self.gender,
                      isFound: isFound)
    }
}
