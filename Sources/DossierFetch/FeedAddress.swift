/// A feed's address as Dossier keeps it: the scheme and host in lower case (neither tells two
/// feeds apart) and no `#fragment` (which no server sees), so that one feed written several ways
/// is fetched, named and stored as one.
enum FeedAddress {
    /// `url` normalised; nil when it is not an http or https address with a host.
    static func normalized(_ url: String) -> String? {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        let scheme = url[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else { return nil }
        var rest = url[schemeEnd.upperBound...]
        if let fragment = rest.firstIndex(of: "#") { rest = rest[..<fragment] }
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        // The user information before an @ keeps its case; the host after it does not.
        let hostStart = authority.lastIndex(of: "@").map { authority.index(after: $0) } ?? authority.startIndex
        let host = authority[hostStart...]
        guard !host.isEmpty, !host.hasPrefix(":") else { return nil }
        return scheme + "://" + authority[..<hostStart] + host.lowercased() + rest[authorityEnd...]
    }
}
