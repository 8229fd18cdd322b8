import DossierText

/// Which people found across a corpus are one person under several names, so that each is one entity:
/// "Tim Morrison" and "Timothy Morrison", "Owen Dempsey" and "Owen John Dempsey", "George Bush" and
/// "George W Bush", "Volodymyr Zelensky" and "Volodymyr Zelenskiy"; "Lord Kinnock" and "Baroness
/// Boothroyd" are the Neil Kinnock and Betty Boothroyd the corpus names in full, and "Sir Digby" its
/// Digby Jones.
///
/// A name joins another only when that is the one person it can be: two full names whose surnames
/// agree (spelt alike, or as one transliteration) and whose given and middle names may be one
/// person's (`EntityLinker.mayBeOnePerson`), and a title of rank or honour with a surname (a lord, a
/// baroness) or a given name (a knight, a dame) that only one person in the corpus has. Family
/// members who share a surname keep their own given names, and so stay apart.
package enum PersonVariants {
    /// A name found in text, as the merge sees it.
    package struct Name {
        /// Folded words, space-separated ("tim morrison", "lord kinnock").
        package let key: String
        package let isPerson: Bool
        /// The term the name finder gave it as the surname (the family name, first in a Korean name).
        package let surname: String?
        /// How often the corpus uses it (articles that name it): the most used of a group names it.
        package let weight: Int

        package init(key: String, isPerson: Bool, surname: String?, weight: Int) {
            self.key = key
            self.isPerson = isPerson
            self.surname = surname
            self.weight = weight
        }
    }

    /// What a name is one of.
    package enum Target: Equatable {
        /// Another found name, by its position.
        case found(Int)
        /// A catalog entity, by its index.
        case catalog(Int)
    }

    /// Titles that go with a surname ("Lord Kinnock") and with a given name ("Sir Digby").
    static let surnameTitles: Set<String> = ["lord", "lady", "baroness", "baron", "earl", "viscount", "marquess", "countess"]
    static let givenNameTitles: Set<String> = ["sir", "dame"]

    /// For each found name, the name or catalog person it is one with; nil when it stands for itself.
    /// Every target stands for itself.
    package static func targets(of names: [Name], catalog: [Entity]) -> [Target?] {
        var targets = [Target?](repeating: nil, count: names.count)
        let words = names.map { $0.key.split(separator: " ").map(String.init) }
        // Full names by their surname, as one transliteration spells it, and by their given name.
        var fullNamesBySurname: [String: [Int]] = [:]
        var fullNamesByGivenName: [String: [Int]] = [:]
        for index in names.indices where names[index].isPerson && words[index].count >= 2 && !isTitleForm(words[index]) {
            fullNamesBySurname[folded(names[index].surname ?? words[index][words[index].count - 1]), default: []].append(index)
            fullNamesByGivenName[words[index][0], default: []].append(index)
        }
        for group in fullNamesBySurname.values where group.count > 1 {
            joinVariants(in: group, names: names, words: words, targets: &targets)
        }
        // Titles with a surname or a given name: the one person the corpus names in full with it.
        var catalogBySurname: [String: [Int]] = [:]
        var catalogByGivenName: [String: [Int]] = [:]
        for person in catalog.indices where catalog[person].kind == .person {
            if let surname = catalog[person].surname { catalogBySurname[EntityKey(surname).words.joined(separator: " "), default: []].append(person) }
            if let given = EntityKey(catalog[person].name).words.first { catalogByGivenName[given, default: []].append(person) }
        }
        for index in names.indices where names[index].isPerson && isTitleForm(words[index]) {
            let (title, word) = (words[index][0], words[index][1])
            let bySurname = surnameTitles.contains(title)
            let found = (bySurname ? fullNamesBySurname[folded(word)] : fullNamesByGivenName[word]) ?? []
            let listed = (bySurname ? catalogBySurname[word] : catalogByGivenName[word]) ?? []
            let candidates = found.filter { targets[$0] == nil }.map(Target.found) + listed.map(Target.catalog)
            if candidates.count == 1 { targets[index] = candidates[0] }
        }
        // The same title form under two titles of one rank ("Baroness Boothroyd", "Lady Boothroyd") with no full name to join.
        var titleForms: [String: Int] = [:]
        for index in names.indices where names[index].isPerson && isTitleForm(words[index]) && targets[index] == nil {
            let title = words[index][0]
            let key = (surnameTitles.contains(title) ? "surname " : "given ") + words[index][1]
            if let first = titleForms[key] { targets[index] = .found(first) } else { titleForms[key] = index }
        }
        return targets
    }

    /// Names compared at most in one group of a surname and a given name: a dataset may hold thousands of
    /// John Smiths with different middle names, which are left apart rather than compared pair by pair.
    static let largestGroupCompared = 64

    /// Joins the names of one surname that may all be one person's, and none of them anyone else's, to
    /// the one the corpus uses most. Only names whose given names may be one are compared (the same, or
    /// one a short form of the other: each name is filed under its given name and the names it shortens).
    private static func joinVariants(in group: [Int], names: [Name], words: [[String]], targets: inout [Target?]) {
        var byGivenName: [String: [Int]] = [:]
        for index in group {
            let given = words[index][0]
            for key in [given] + (NameWords.shortForms[given] ?? []).sorted() { byGivenName[key, default: []].append(index) }
        }
        func alike(_ left: Int, _ right: Int) -> Bool {
            let respelled = spelledAlike(words[left], as: words[right])
            return respelled == names[right].key || EntityLinker.mayBeOnePerson(respelled, names[right].key)
        }
        var compatible: [Int: Set<Int>] = [:]
        for bucket in byGivenName.values where bucket.count > 1 && bucket.count <= largestGroupCompared {
            for left in bucket {
                for right in bucket where right != left && alike(left, right) { compatible[left, default: []].insert(right) }
            }
        }
        for index in group where targets[index] == nil && !(compatible[index] ?? []).isEmpty {
            let members = (compatible[index] ?? []).union([index])
            // A short form that fits two fuller names ("John Smith" beside "John A Smith" and "John B Smith") joins neither.
            guard members.allSatisfy({ member in (compatible[member] ?? []).union([member]) == members }) else { continue }
            // A tie goes to the fuller name, then the first in the alphabet.
            let named = members.max { (names[$0].weight, names[$0].key.count, names[$1].key) < (names[$1].weight, names[$1].key.count, names[$0].key) }!
            for member in members where member != named { targets[member] = .found(named) }
        }
    }

    /// A title of rank or honour and one word: "lord kinnock", "sir digby".
    static func isTitleForm(_ words: [String]) -> Bool {
        words.count == 2 && (surnameTitles.contains(words[0]) || givenNameTitles.contains(words[0]))
    }

    /// A surname as one transliteration spells it: "zelenskiy" and "zelenskyy" are "zelensky".
    static func folded(_ surname: String) -> String {
        for ending in ["iy", "yy", "yi", "ij"] where surname.count > ending.count + 3 && surname.hasSuffix(ending) {
            return String(surname.dropLast(ending.count)) + "y"
        }
        return surname
    }

    /// `words` joined, with the surname spelt as `other` spells it when both are one transliteration.
    private static func spelledAlike(_ words: [String], as other: [String]) -> String {
        var words = words
        let (mine, theirs) = (words.count - 1, other.count - 1)
        if words[mine] != other[theirs], folded(words[mine]) == folded(other[theirs]) { words[mine] = other[theirs] }
        return words.joined(separator: " ")
    }
}
