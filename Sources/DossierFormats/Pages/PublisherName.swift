import Foundation

/// The name of the site that published a page, from what the page calls itself.
///
/// Pages name their site in `og:site_name` and in their linked data's `publisher`, but not always
/// as a reader would: some write a menu ("Autoracing | F1 | Indy"), a tagline after the name
/// ("LinkNaija | Nigeria's popular news"), the section the page sits in ("U.S."), the part of
/// the host that serves a wire's stories to other sites ("Hosted" for hosted.ap.org), their own
/// address, or nothing at all. Such names give way to the next source, and at the last to the
/// site's host.
enum PublisherName {
    /// The publisher among `candidates`, the page's own names for its site, most trusted first: the
    /// first that reads like the site's domain, else the first written as a name rather than a slug
    /// ("detroitnews"), else the first at all; when none names a publisher, the host of `address`
    /// without its "www.". `title` is the article's own, which no publisher is named after; `handle`
    /// the account the page names as its site's on social media ("@ap").
    static func best(of candidates: [String?], address: String?, section: String?, title: String?, handle: String?) -> String? {
        let host = address.flatMap(self.host(of:))
        let names = candidates.compactMap { $0 }.compactMap { cleaned($0, host: host, section: section, title: title, handle: handle) }
        let mainLabel = host.map { domain(of: $0).split(separator: ".").first.map(String.init) ?? "" }
        if let mainLabel {
            let alike = names.filter { resembles($0, mainLabel) }
            if let name = alike.first(where: { !isSlug($0) }) ?? alike.first { return name }
        }
        if let name = names.first(where: { !isSlug($0) }) ?? names.first { return name }
        guard let host else { return nil }
        // A subdomain that says it serves pages for others ("Hosted") serves them for its domain's owner.
        let servesForDomain = candidates.contains { $0.map { isPlaceholder($0.trimmed, host: host, handle: handle) } ?? false }
        return servesForDomain ? domain(of: host) : withoutWWW(host)
    }

    /// The name, with a tagline or menu after it cut, or nil when it names no publisher.
    static func cleaned(_ candidate: String, host: String?, section: String?, title: String?, handle: String?) -> String? {
        var name = HTMLText.collapsingSpaces(Array(CharacterReferences.decoded(candidate).utf8))
        // An address is the site's, but as its host: "https://www.example.com" says "example.com".
        if name.hasPrefix("http://") || name.hasPrefix("https://") {
            return self.host(of: name).map(withoutWWW)
        }
        // Sites put their name first and what follows it after a bar or a dash.
        for separator in [" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " / "] where name.contains(separator) {
            name = name.components(separatedBy: separator).map(\.trimmed).first { !$0.isEmpty } ?? ""
        }
        guard name.contains(where: \.isLetter) else { return nil }
        // Initials and nothing else ("U.S.", "U.K."): an edition or a section of the site, not its name.
        if name.contains("."), name.split(whereSeparator: { $0 == "." || $0 == " " }).allSatisfy({ $0.count == 1 }) { return nil }
        for other in [section, title].compactMap({ $0 }) where name.caseInsensitiveCompare(other.trimmed) == .orderedSame {
            return nil
        }
        if let host, isPlaceholder(name, host: host, handle: handle) { return nil }
        return name
    }

    /// The host of an address, lower-cased: "https://www.example.com/a" gives "www.example.com".
    static func host(of address: String) -> String? {
        guard let schemeEnd = address.range(of: "://") else { return nil }
        let rest = address[schemeEnd.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let host = authority.split(separator: "@").last.map { $0.prefix { $0 != ":" } } ?? ""
        return host.contains(".") && host.contains(where: \.isLetter) ? host.lowercased() : nil
    }

    /// The registered domain of a host: "hosted.ap.org" gives "ap.org", "www.bbc.co.uk" "bbc.co.uk".
    static func domain(of host: String) -> String {
        let labels = host.split(separator: ".")
        guard labels.count > 2 else { return host }
        // A country's second level ("co.uk", "com.br") is no one's name: the domain takes one more label.
        let secondLevels: Set<Substring> = ["co", "com", "org", "net", "ac", "gov", "edu", "ne", "or", "go"]
        let kept = labels.last!.count == 2 && secondLevels.contains(labels[labels.count - 2]) ? 3 : 2
        return labels.suffix(kept).joined(separator: ".")
    }

    private static func withoutWWW(_ host: String) -> String {
        host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
    }

    /// "Hosted" on hosted.ap.org, whose page names @ap as its site's account: a plain word naming a
    /// host's subdomain, where the page speaks for the domain's owner, says what the subdomain serves,
    /// not who publishes it. A brand written as one ("ProFootballTalk"), or a blog named as its
    /// subdomain on a host of many blogs, which speaks for itself, is a name.
    private static func isPlaceholder(_ name: String, host: String, handle: String?) -> Bool {
        let owner = domain(of: host).split(separator: ".").first.map(String.init) ?? ""
        guard name.dropFirst().allSatisfy({ !$0.isUppercase }), let handle,
              resembles(handle.trimmingCharacters(in: CharacterSet(charactersIn: "@ ")), owner) else { return false }
        let domainLabels = domain(of: host).split(separator: ".").count
        let labels = host.split(separator: ".").dropLast(domainLabels)
        return labels.contains { $0.caseInsensitiveCompare(name) == .orderedSame }
    }

    /// "The Detroit News" and "detroitnews", "Wall Street Journal" and "wsj", "Associated Press" and "apnews".
    private static func resembles(_ name: String, _ mainLabel: String) -> Bool {
        guard mainLabel.count >= 2 else { return false }
        let allWords = name.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
        let words = allWords.first == "the" ? allWords.dropFirst() : allWords[...]
        let joined = words.joined()
        let initials = String(words.compactMap(\.first))
        return joined == mainLabel || (joined.count >= 3 && (joined.contains(mainLabel) || mainLabel.contains(joined)))
            || (initials.count >= 2 && mainLabel.hasPrefix(initials))
    }

    /// A site's name written as it is in an address: "usatoday", "nj" (not "光明网", whose script has no case).
    private static func isSlug(_ name: String) -> Bool {
        name.allSatisfy { $0.isASCII && !$0.isWhitespace } && name == name.lowercased()
    }
}
