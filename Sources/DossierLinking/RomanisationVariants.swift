/// The spellings one Korean name takes in English news.
///
/// Korean names reach English through several romanisations (McCune–Reischauer,
/// Revised Romanisation, and the spellings North Korea's own media use), so one
/// syllable has several forms: gw/kw (Gwon, Kwon), ch/j (Chol, Jol; Jong, Chong),
/// eo/o (Seon, Son; Cheol, Chol), eu/u (Eun, Un).
enum RomanisationVariants {
    /// Every combination of the variants of each given-name syllable, the written one first.
    static func spellings(surname: String, givenNames: [String]) -> [[String]] {
        var results: [[String]] = [[surname]]
        for syllable in givenNames {
            let forms = variants(of: syllable)
            results = results.flatMap { prefix in forms.map { prefix + [$0] } }
        }
        return results
    }

    static func variants(of syllable: String) -> [String] {
        var forms = [syllable]
        func add(_ form: String) { if !forms.contains(form) { forms.append(form) } }
        for form in forms {
            if form.hasPrefix("gw") { add("kw" + form.dropFirst(2)) }
            if form.hasPrefix("kw") { add("gw" + form.dropFirst(2)) }
        }
        for form in forms {
            if form.hasPrefix("ch") { add("j" + form.dropFirst(2)) }
            if form.hasPrefix("j") { add("ch" + form.dropFirst(1)) }
        }
        for form in forms {
            if form.contains("eo") { add(form.replacingOccurrences(of: "eo", with: "o")) }
            else if form.contains("o") && !form.contains("oo") { add(form.replacingOccurrences(of: "o", with: "eo")) }
        }
        for form in forms {
            if form.contains("eu") { add(form.replacingOccurrences(of: "eu", with: "u")) }
            else if form.contains("u") { add(form.replacingOccurrences(of: "u", with: "eu")) }
        }
        return forms
    }
}

private extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        var result = ""
        var rest = Substring(self)
        while let range = rest.range(of: target) {
            result += rest[..<range.lowerBound] + replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
