import DossierPlatform
import DossierResources
import DossierText
import Foundation

/// Word lists that tell people, places and organisations apart in text the
/// catalog does not cover: given names (with gender), places, organisation and
/// place words, titles that precede a person's name, and attribution verbs.
/// Read from Resources/gazetteer.json; every entry is kept as tokenizer terms.
public struct Gazetteer: Sendable {
    let maleNames: Set<String>
    let femaleNames: Set<String>
    /// The given names English-language news meets most (Dossier's own list and the US Census's); the
    /// others come from lists for many countries and are trusted only at the start of a name.
    let commonGivenNames: Set<String>
    let koreanSurnames: Set<String>
    /// Common Chinese family names, in pinyin and in Cantonese and other romanisations.
    let chineseSurnames: Set<String>
    /// Korean and Chinese family names: names that put the family name first ("Kim Hyok-chol", "Xi Jinping").
    let familyNamesFirst: Set<String>
    /// Whole names, as space-joined terms ("new york").
    let places: Set<String>
    let organisations: Set<String>
    let organisationWords: Set<String>
    let placeWords: Set<String>
    let nobleTitles: Set<String>
    /// Every word of every title or role that may stand before a person's name.
    let cueWords: Set<String>
    public let attributionVerbs: Set<String>
    /// Letters after a name ("MP", "QC") that mark a person without being part of the name.
    let postNominals: Set<String>
    /// Words that make a surname before them name a family, not a person ("the Ambani family").
    let familyWords: Set<String>
    /// A checksum of the file it was read from: a saved index built with other word lists is not reused.
    package let fingerprint: UInt64

    private struct File: Decodable {
        /// Folded names, separated by spaces: one string decodes in a fraction of the time of 20,000.
        struct GivenNames: Decodable {
            let male: String
            let female: String
            var maleNames: [String] { Self.names(in: male) }
            var femaleNames: [String] { Self.names(in: female) }

            private static func names(in list: String) -> [String] {
                list.utf8.split(separator: 0x20).map { String(decoding: $0, as: UTF8.self) }
            }
        }
        let version: Int
        let givenNames: GivenNames
        let moreGivenNames: GivenNames?
        let koreanSurnames: [String]
        let chineseSurnames: [String]?
        let places: [String]
        let organisations: [String]
        let organisationWords: [String]
        let placeWords: [String]
        let nobleTitles: [String]
        let personCues: [String]
        let attributionVerbs: [String]
        let postNominals: [String]
        let familyWords: [String]
    }

    public init(json data: Data) throws {
        let file: File
        do { file = try JSONDecoder().decode(File.self, from: data) } catch {
            throw DossierError.invalidCatalog("gazetteer: \(error)")
        }
        func terms(_ words: [String]) -> Set<String> {
            Set(words.map { word in
                // Most entries (the given names) are already one folded word; folding 20,000 of them again costs
                // a start-up 15 ms.
                word.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) ? word : EntityKey(word).words.joined(separator: " ")
            })
        }
        let (male, female) = (file.givenNames.maleNames, file.givenNames.femaleNames)
        commonGivenNames = terms(male + female)
        maleNames = terms(male + (file.moreGivenNames?.maleNames ?? []))
        femaleNames = terms(female + (file.moreGivenNames?.femaleNames ?? []))
        koreanSurnames = terms(file.koreanSurnames)
        chineseSurnames = terms(file.chineseSurnames ?? [])
        familyNamesFirst = koreanSurnames.union(chineseSurnames)
        places = terms(file.places)
        organisations = terms(file.organisations)
        organisationWords = terms(file.organisationWords)
        placeWords = terms(file.placeWords)
        nobleTitles = terms(file.nobleTitles)
        cueWords = Set(file.personCues.flatMap { EntityKey($0).words } + file.nobleTitles.flatMap { EntityKey($0).words })
            .union(NameWords.titles).subtracting(["first", "state"])
        attributionVerbs = terms(file.attributionVerbs)
        postNominals = terms(file.postNominals)
        familyWords = terms(file.familyWords)
        var checksum = Checksum()
        checksum.add([UInt8](data))
        fingerprint = checksum.finish()
    }

    /// Read once a process: its 20,000 given names take a while to fold into terms.
    private static let bundledGazetteer = Result { try Gazetteer(json: Data(contentsOf: BundledResources.url(of: "gazetteer.json"))) }

    public static func bundled() throws -> Gazetteer {
        try bundledGazetteer.get()
    }

    func gender(ofGivenName term: String) -> Entity.Gender? {
        if maleNames.contains(term) && !femaleNames.contains(term) { return .male }
        if femaleNames.contains(term) && !maleNames.contains(term) { return .female }
        return nil
    }

    func isGivenName(_ term: String) -> Bool { maleNames.contains(term) || femaleNames.contains(term) }

    /// The gender an honorific or noble title implies ("Mrs" → female).
    func gender(ofTitle term: String) -> Entity.Gender? {
        switch term {
        case "mr", "sir", "lord", "king", "prince", "duke", "baron", "earl", "emperor", "sultan", "sheikh": .male
        case "mrs", "ms", "miss", "lady", "dame", "queen", "princess", "duchess", "baroness", "empress": .female
        default: nil
        }
    }
}
