/// Capitalised words that stand next to names without being part of them.
///
/// A bare surname followed or preceded by another capitalised word is usually
/// part of a different name ("Trump Tower", "Kim Yong Chol", "Kim Clijsters"),
/// unless that word is one of these: a title, a month or weekday, or a common
/// word that is capitalised only because it starts a sentence.
enum NameWords {
    static let titles: Set<String> = [
        "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "president", "vice", "secretary",
        "minister", "prime", "foreign", "chairman", "chairwoman", "chair", "leader", "general", "gen",
        "senator", "sen", "rep", "representative", "gov", "governor", "mayor", "spokesperson", "spokesman",
        "spokeswoman", "ambassador", "envoy", "deputy", "chief", "director", "king", "queen", "prince",
        "princess", "pope", "judge", "justice", "officer", "commander", "adviser", "advisor", "official",
        "lawyer", "attorney", "supreme", "marshal", "premier", "chancellor", "captain", "coach", "manager",
        "boss", "striker", "star", "singer", "actor", "actress", "state", "first", "dictator", "colonel",
        "lieutenant", "sergeant", "professor", "prof", "father", "rev", "reverend", "sheikh",
    ]

    static let months: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ]

    static let weekdays: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    ]

    static let common: Set<String> = [
        "the", "a", "an", "and", "but", "or", "nor", "if", "when", "while", "after", "before", "as", "at", "by",
        "for", "from", "in", "into", "of", "on", "onto", "to", "with", "without", "since", "because", "though",
        "although", "so", "then", "that", "this", "these", "those", "there", "here", "where", "why", "how",
        "what", "who", "whom", "whose", "which", "meanwhile", "however", "also", "even", "only", "yet",
        "still", "both", "neither", "either", "not", "no", "yes", "it", "its", "he", "she", "they", "we",
        "i", "you", "his", "her", "their", "our", "my", "your", "said", "says", "say", "told", "tells",
        "asked", "according", "last", "next", "over", "under", "about", "between", "among", "during",
        "until", "unlike", "like", "despite", "including", "following", "thanks", "today", "yesterday",
        "tomorrow", "tonight", "now", "later", "earlier", "once", "all", "some", "many", "most", "few",
        "every", "each", "other", "another", "such", "did", "does", "do", "has", "have", "had", "is",
        "are", "was", "were", "will", "would", "could", "should", "can", "may", "might", "must", "let",
        "just", "again", "instead", "whether", "than", "through", "against", "toward", "towards", "upon",
        "via", "per", "mr", "dear", "oh", "well", "new", "former", "late", "met", "meets",
        "called", "calls", "urged", "wrote", "added", "tweeted", "described", "announced",
        "regarding", "concerning", "considering", "excluding", "featuring", "notwithstanding", "barring", "amid", "amidst", "whereas", "furthermore", "moreover", "additionally", "nonetheless", "nevertheless", "besides", "otherwise", "perhaps", "indeed",
    ]

    /// Titles, months, weekdays and common words in one set: asked of most capitalised words, one look-up
    /// rather than four.
    private static let neighbours = titles.union(months).union(weekdays).union(common)

    /// True when a capitalised neighbour may stand beside a surname without making it another name.
    static func mayNeighbourName(_ term: String) -> Bool {
        neighbours.contains(term)
    }

    /// Titles anyone may be given, which say nothing of office: "Mr", "Ms".
    static let courtesyTitles: Set<String> = ["mr", "mrs", "ms", "miss", "mx", "dr"]

    /// Words after a surname that tell a father from his son ("Dale Earnhardt Jr").
    static let generationalSuffixes: Set<String> = ["jr", "sr", "snr", "jnr"]

    /// Short forms of given names and the names they shorten: "Pat Carlineo" and "Patrick Carlineo" are
    /// one person in an article that names both.
    static let shortForms: [String: Set<String>] = [
        "pat": ["patrick", "patricia"], "mike": ["michael"], "mick": ["michael"], "bill": ["william"], "will": ["william"],
        "billy": ["william"], "bob": ["robert"], "rob": ["robert"], "bobby": ["robert"], "bert": ["albert", "robert", "herbert"],
        "tom": ["thomas"], "tommy": ["thomas"], "jim": ["james"], "jimmy": ["james"], "jamie": ["james"], "joe": ["joseph"],
        "dick": ["richard"], "rick": ["richard"], "rich": ["richard"], "ted": ["edward", "theodore"], "ed": ["edward", "edwin"],
        "eddie": ["edward"], "tony": ["anthony", "antonio"], "dan": ["daniel"], "danny": ["daniel"], "dave": ["david"],
        "steve": ["steven", "stephen"], "chris": ["christopher", "christine", "christina"], "matt": ["matthew"],
        "nick": ["nicholas", "nicolas"], "alex": ["alexander", "alexandra"], "andy": ["andrew"], "ben": ["benjamin"],
        "sam": ["samuel", "samantha"], "jeff": ["jeffrey"], "greg": ["gregory"], "jon": ["jonathan"], "liz": ["elizabeth"],
        "beth": ["elizabeth"], "betty": ["elizabeth"], "kate": ["katherine", "catherine", "kathryn"], "katie": ["katherine", "catherine"],
        "cathy": ["catherine"], "sue": ["susan"], "jenny": ["jennifer"], "jen": ["jennifer"], "ken": ["kenneth"],
        "larry": ["lawrence"], "tim": ["timothy"], "fred": ["frederick"], "charlie": ["charles"], "chuck": ["charles"],
        "hank": ["henry"], "harry": ["henry", "harold"], "jack": ["john"], "johnny": ["john"], "peggy": ["margaret"],
        "meg": ["margaret"], "maggie": ["margaret"], "ron": ["ronald"], "don": ["donald"], "doug": ["douglas"],
        "phil": ["philip", "phillip"], "ray": ["raymond"], "vince": ["vincent"], "walt": ["walter"], "wally": ["walter"],
        "abe": ["abraham"], "gabe": ["gabriel"], "zach": ["zachary"], "josh": ["joshua"], "nate": ["nathan", "nathaniel"],
        "pete": ["peter"], "al": ["albert", "alan", "alfred"], "frank": ["francis", "franklin"], "gene": ["eugene"],
        "jerry": ["gerald", "jerome"], "terry": ["terence", "terrence"]
    ]

    /// True when two given names may be one person's: the same, or one a short form of the other.
    static func mayBeOneGivenName(_ left: Substring, _ right: Substring) -> Bool {
        left == right || shortForms[String(left)]?.contains(String(right)) == true || shortForms[String(right)]?.contains(String(left)) == true
    }
}

