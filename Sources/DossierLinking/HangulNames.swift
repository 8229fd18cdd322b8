import DossierText

/// Finds Korean people named in Hangul, which has no capitals for the name finder to see.
///
/// A Korean name is mostly three syllables, the family name first ("이유리"), written with the
/// particle that follows it in one word ("이유리는", "이유리의"). Three such syllables are far more
/// often an ordinary word, so a name counts only when the article gives it a sign of a person: a title
/// or profession beside it ("김순옥 작가", "소설가 박생강", "문재인 대통령"), or a verb of acting that makes
/// it the actor ("지은한을 연기하는 남상미"). A role in a drama is no person: a name followed by the word
/// for a role ("한강우 역"), or acted ("지은한을 연기하는"), never counts. Once a name counts, every
/// word of the article that is the name and a particle is a mention of it.
struct HangulNames {
    /// Each name seen at the start of a word, with where it was seen and its signs.
    private var names: [String: Seen] = [:]
    /// The names in the order they were first seen, so that linking is the same on every run.
    private var order: [String] = []

    private struct Seen {
        /// Where each mention starts: a name of three syllables is always nine bytes long, and a huge article
        /// in Korean holds millions of them.
        var starts: [UInt32] = []
        var personSigns = 0
        var roleSigns = 0
    }

    /// Three Hangul syllables, each three bytes in UTF-8.
    private static let nameLength = 9

    /// Notes the names in one run of tokens, and the signs around each.
    mutating func read(_ tokens: [Token], text: SourceText) {
        for index in tokens.indices {
            guard let (name, particle) = Self.nameAndParticle(tokens[index], text: text) else { continue }
            let next = index + 1 < tokens.count && Self.isSpace(text, tokens[index], tokens[index + 1])
                ? Self.word(tokens[index + 1], text: text) : nil
            let previous = index > 0 && Self.isSpace(text, tokens[index - 1], tokens[index]) ? Self.word(tokens[index - 1], text: text) : nil
            if names[name] == nil { order.append(name) }
            var seen = names.removeValue(forKey: name) ?? Seen()
            seen.starts.append(UInt32(tokens[index].range.lowerBound))
            let isActed = ["을", "를"].contains(particle) && next.map { $0.hasPrefix("연기") } == true
            if isActed || next.map(Self.roleWords.contains) == true {
                seen.roleSigns += 1
            } else if Self.titlesAfter.contains(particle) || next.map(Self.startsWithTitle) == true
                        || previous.map(Self.signsBefore.contains) == true {
                seen.personSigns += 1
            }
            names[name] = seen
        }
    }

    /// The names that count as people, each with the byte ranges of its mentions.
    func people() -> [(name: String, ranges: [Range<Int>])] {
        order.compactMap { name in
            guard let seen = names[name], seen.personSigns > 0, seen.roleSigns == 0 else { return nil }
            return (name, seen.starts.map { Int($0)..<(Int($0) + Self.nameLength) })
        }
    }

    // MARK: Words

    /// A word that opens with three Hangul syllables, the first a family name, and goes on with a
    /// particle or a title written with it ("이유리는", "김씨"): the name and what follows it.
    private static func nameAndParticle(_ token: Token, text: SourceText) -> (name: String, particle: String)? {
        let bytes = text.bytes
        let start = token.range.lowerBound
        // A Hangul syllable takes three bytes in UTF-8, led by 0xEA to 0xED: most words are passed over here.
        guard token.range.count >= 9, (0xEA...0xED).contains(bytes[start]) else { return nil }
        let word = text.string(token.range)
        let scalars = Array(word.unicodeScalars)
        guard scalars.count >= 3, scalars.count <= 6, scalars.prefix(3).allSatisfy(isSyllable),
              familyNames.contains(String(scalars[0])), !wordEndings.contains(String(scalars[2])) else { return nil }
        let name = String(String.UnicodeScalarView(scalars.prefix(3)))
        let particle = String(String.UnicodeScalarView(scalars.dropFirst(3)))
        guard particle.isEmpty || particles.contains(particle) || titlesAfter.contains(particle) else { return nil }
        return (name, particle)
    }

    private static func isSyllable(_ scalar: Unicode.Scalar) -> Bool {
        (0xAC00...0xD7A3).contains(scalar.value)
    }

    private static func word(_ token: Token, text: SourceText) -> String {
        text.string(token.range)
    }

    private static func isSpace(_ text: SourceText, _ left: Token, _ right: Token) -> Bool {
        text.bytes[left.range.upperBound..<right.range.lowerBound].elementsEqual([0x20])
    }

    /// A title after the name, alone or with a particle ("작가의", "대통령은").
    private static func startsWithTitle(_ word: String) -> Bool {
        titlesAfter.contains { title in
            word.hasPrefix(title) && (word.count == title.count || particles.contains(String(word.dropFirst(title.count))))
        }
    }

    /// The commonest Korean family names of one syllable.
    private static let familyNames: Set<String> = [
        "김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신", "권", "황", "안", "송", "류", "유",
        "전", "홍", "고", "문", "양", "손", "배", "백", "허", "남", "심", "노", "하", "곽", "성", "차", "주", "우", "구", "민",
        "나", "진", "지", "엄", "채", "원", "천", "방", "공", "현", "함", "변", "염", "여", "추", "도", "소", "석", "선", "설",
        "마", "길", "연", "위", "표", "명", "기", "반", "라", "왕", "금", "옥", "육", "인", "맹", "제", "모", "탁", "국", "어",
        "은", "편", "용", "예", "경", "봉", "사", "부", "태", "목", "형", "피", "감", "음", "빈", "동", "온", "호", "범", "좌",
    ]

    /// Syllables that end words and hardly ever names: "정부는" is a word and its particle, not a name.
    private static let wordEndings: Set<String> = ["는", "을", "를", "의", "에", "로", "와", "과", "가", "도", "서", "며", "고", "다", "지", "면"]

    /// Particles and endings written after a name in one word.
    private static let particles: Set<String> = [
        "은", "는", "이", "가", "을", "를", "의", "와", "과", "도", "만", "에게", "에게서", "한테", "께", "께서", "보다", "처럼",
        "까지", "부터", "마저", "조차", "이나", "나", "라는", "이라는", "이다", "였다", "이었다", "로", "으로", "와의", "과의",
        "에게는", "만의", "이와", "이랑", "랑", "야", "아",
    ]

    /// Titles and professions after a name ("김순옥 작가", "문재인 대통령", "김씨").
    private static let titlesAfter: Set<String> = [
        "씨", "님", "작가", "감독", "기자", "배우", "가수", "칼럼니스트", "평론가", "대표", "의원", "장관", "대통령", "위원장", "회장",
        "교수", "선수", "총리", "사장", "변호사", "검사", "판사", "형님", "주연", "대변인", "원장", "소장", "위원", "시인", "소설가",
        "박사", "연구원", "부장", "차관", "대사", "지사", "시장", "의장", "총장", "코치", "앵커", "아나운서", "국무위원장", "특파원",
        "부총리", "실장", "국장", "단장", "이사장", "후보",
    ]

    /// Titles, professions and verbs of acting before a name ("소설가 박생강", "연기한 이미숙", "한강우 역의 김재원").
    private static let signsBefore: Set<String> = [
        "소설가", "작가", "배우", "가수", "감독", "기자", "칼럼니스트", "평론가", "교수", "의원", "장관", "대통령", "대표", "위원장",
        "회장", "선수", "시인", "총리", "사장", "변호사", "박사", "앵커", "대변인", "연기한", "연기하는", "맡은", "역의", "주연",
    ]

    /// The word for a role after a name: the name is a character's ("한강우 역"), not the "역시" (also) after one.
    private static let roleWords: Set<String> = ["역", "역의", "역을", "역은", "역으로", "역할", "역할을", "역할의", "역할은"]
}
