import DossierFormats
import DossierText

/// A filter over a corpus's articles, written in a small language:
///
///     mentions:kim-jong-un source:CNN since:2018-09-01 until:2018-12 unread format:feed summit
///     (mentions:pompeo or mentions:"Ri Yong Ho") and not source:BBC
///
/// `mentions:` takes an entity's id, name or alias; `source:` a part of the source's name;
/// `feed:` a part of the address of the feed a library item came from, `tag:` a tag the feed list
/// gives feeds; `since:` and `until:` a day, a month or a year (both ends included); `format:` one of
/// text, html, feed, jsonl, csv; `unread` and `read` the reader's marks; `@name` a filter saved
/// in the config file. A plain word must occur in the title. Terms side by side must all hold;
/// `or`, `not` and parentheses combine them, `and` may be written out.
public struct ArticleFilter: Sendable, Equatable {
    /// The filter as typed, for the list's title and the history.
    public let text: String
    let expression: Expression

    indirect enum Expression: Sendable, Equatable {
        case all([Expression])
        case any([Expression])
        case not(Expression)
        case term(Term)
    }

    enum Term: Sendable, Equatable {
        case mentions(entity: Int)
        case source(String)
        /// A library item from a feed whose address holds this text.
        case feed(String)
        /// A library item from one of these feeds (a tag's).
        case feeds(Set<String>)
        case since(String)
        case until(String)
        case format(DocumentFormat)
        case unread
        case read
        case titleWord(String)
    }

    /// Why a filter cannot be used, said in one line.
    public struct Problem: Error, Equatable, CustomStringConvertible {
        public let description: String
    }

    /// Parses `text` against a corpus (entities are found now, so that a misspelt name is said
    /// at once); `saved` holds the named filters that `@name` refers to, and `tags` the addresses of
    /// the feeds the feed list files under each tag, which `tag:name` picks (tags in lower case).
    public init(_ text: String, in corpus: Corpus, saved: [String: String] = [:], tags: [String: Set<String>] = [:]) throws(Problem) {
        var parser = Parser(tokens: try Self.tokens(of: text), corpus: corpus, saved: saved, tags: tags, expanding: [])
        let expression = try parser.parseAll()
        self.text = text
        self.expression = expression
    }

    /// True when the article at `index` passes; `isRead` answers for the reader's read marks.
    public func matches(_ index: Int, in corpus: Corpus, isRead: (Int) -> Bool) -> Bool {
        Self.evaluate(expression, index, corpus, isRead)
    }

    private static func evaluate(_ expression: Expression, _ index: Int, _ corpus: Corpus, _ isRead: (Int) -> Bool) -> Bool {
        switch expression {
        case .all(let parts): return parts.allSatisfy { evaluate($0, index, corpus, isRead) }
        case .any(let parts): return parts.contains { evaluate($0, index, corpus, isRead) }
        case .not(let inner): return !evaluate(inner, index, corpus, isRead)
        case .term(let term):
            // Asked for only by the terms on its fields: a saved index decodes an article when it is first asked for.
            var article: Article { corpus.articles[index] }
            switch term {
            case .mentions(let entity): return corpus.mentions[index].contains { $0.entity == entity }
            case .source(let part): return article.source.map { $0.lowercased().contains(part) } ?? false
            case .feed(let part): return article.feed.map { $0.lowercased().contains(part) } ?? false
            case .feeds(let addresses): return article.feed.map(addresses.contains) ?? false
            // ISO days compare as strings; a shorter bound ("2018-09") covers its whole month or year.
            case .since(let day): return article.date.map { $0 >= day } ?? false
            case .until(let day): return article.date.map { String($0.prefix(day.count)) <= day } ?? false
            case .format(let format): return article.format == format
            case .unread: return !isRead(index)
            case .read: return isRead(index)
            case .titleWord(let word): return article.title.lowercased().contains(word)
            }
        }
    }

    // MARK: - Reading the text

    enum Token: Equatable {
        case word(String)
        case open, close
    }

    /// Words, quoted phrases ("Ri Yong Ho", kept whole after a colon too) and parentheses.
    static func tokens(of text: String) throws(Problem) -> [Token] {
        var tokens: [Token] = []
        var current = ""
        var quoted = false
        func flush() {
            if !current.isEmpty { tokens.append(.word(current)) }
            current = ""
        }
        for character in text {
            if quoted {
                if character == "\"" { quoted = false } else { current.append(character) }
                continue
            }
            switch character {
            case "\"": quoted = true
            case "(": flush(); tokens.append(.open)
            case ")": flush(); tokens.append(.close)
            case " ", "\t": flush()
            default: current.append(character)
            }
        }
        if quoted { throw Problem(description: "a quote is not closed: add \" after the phrase") }
        flush()
        return tokens
    }

    /// A recursive-descent parser: or of ands of (not) terms.
    struct Parser {
        var tokens: [Token]
        var position = 0
        /// Parentheses and `not`s open around the term being read.
        var depth = 0
        static let nestingLimit = 64
        let corpus: Corpus
        let saved: [String: String]
        let tags: [String: Set<String>]
        /// Saved filters being expanded, so that one naming itself is refused rather than followed forever.
        let expanding: Set<String>

        init(tokens: [Token], corpus: Corpus, saved: [String: String], tags: [String: Set<String>], expanding: Set<String>) {
            self.tokens = tokens
            self.corpus = corpus
            self.saved = saved
            self.tags = tags
            self.expanding = expanding
        }

        mutating func parseAll() throws(Problem) -> Expression {
            guard !tokens.isEmpty else { throw Problem(description: "the filter is empty: try mentions:NAME, source:NAME, since:2018-09-01, unread or a word of the title") }
            let expression = try parseOr()
            if position < tokens.count {
                throw Problem(description: tokens[position] == .close ? "a ) has no ( before it" : "the filter does not read from \(describe(tokens[position]))")
            }
            return expression
        }

        private mutating func parseOr() throws(Problem) -> Expression {
            var parts = [try parseAnd()]
            while peekWord("or") {
                position += 1
                parts.append(try parseAnd())
            }
            return parts.count == 1 ? parts[0] : .any(parts)
        }

        private mutating func parseAnd() throws(Problem) -> Expression {
            var parts = [try parseNot()]
            while position < tokens.count, tokens[position] != .close, !peekWord("or") {
                if peekWord("and") { position += 1 }
                parts.append(try parseNot())
            }
            return parts.count == 1 ? parts[0] : .all(parts)
        }

        private mutating func parseNot() throws(Problem) -> Expression {
            if peekWord("not") {
                position += 1
                depth += 1
                defer { depth -= 1 }
                guard depth <= Self.nestingLimit else { throw Problem(description: "not and parentheses nest deeper than \(Self.nestingLimit)") }
                return .not(try parseNot())
            }
            return try parsePrimary()
        }

        private mutating func parsePrimary() throws(Problem) -> Expression {
            guard position < tokens.count else { throw Problem(description: "the filter ends where a term should follow") }
            let token = tokens[position]
            position += 1
            switch token {
            case .close: throw Problem(description: "a ) has no ( before it")
            case .open:
                // Each level costs a few stack frames: a pasted wall of parentheses is refused, not followed down.
                depth += 1
                defer { depth -= 1 }
                guard depth <= Self.nestingLimit else { throw Problem(description: "parentheses nest deeper than \(Self.nestingLimit)") }
                let inner = try parseOr()
                guard position < tokens.count, tokens[position] == .close else { throw Problem(description: "a ( is not closed") }
                position += 1
                return inner
            case .word(let word):
                if ["and", "or"].contains(word.lowercased()) {
                    throw Problem(description: "'\(word)' needs a term on each side")
                }
                return try term(word)
            }
        }

        private func term(_ word: String) throws(Problem) -> Expression {
            let lowered = word.lowercased()
            if lowered == "unread" { return .term(.unread) }
            if lowered == "read" { return .term(.read) }
            if word.hasPrefix("@") { return try savedFilter(String(word.dropFirst())) }
            guard let colon = word.firstIndex(of: ":") else { return .term(.titleWord(lowered)) }
            let field = lowered[..<colon]
            let value = String(word[word.index(after: colon)...])
            guard !value.isEmpty else { throw Problem(description: "\(field): needs a value, as \(field):\(example(field))") }
            switch field {
            case "mentions", "mention", "entity":
                do { return .term(.mentions(entity: try corpus.lookUpEntity(value))) } catch {
                    // "mentions:Ri Son Gwon" reads as three terms: the likeliest slip.
                    let hint = position < tokens.count && tokens[position] != .close ? " (quote a name of several words: \(field):\"Ri Son Gwon\")" : ""
                    throw Problem(description: "\(error)" + hint)
                }
            case "source": return .term(.source(value.lowercased()))
            case "feed": return .term(.feed(value.lowercased()))
            case "tag":
                guard let feeds = tags[value.lowercased()] else {
                    let known = tags.keys.sorted()
                    throw Problem(description: "no feed you follow is tagged \"\(value)\"" + (known.isEmpty ? " (tags follow a feed's address in your feed list, as \"korea\")" : "; tags: " + known.joined(separator: ", ")))
                }
                return .term(.feeds(feeds))
            case "since", "until":
                guard let day = Self.day(value) else {
                    throw Problem(description: "\(field):\(value) is not a date: write a day, a month or a year the calendar has, as 2018-09-01, 2018-09 or 2018")
                }
                return .term(field == "since" ? .since(day) : .until(day))
            case "format":
                guard let format = DocumentFormat(rawValue: value.lowercased()) else {
                    throw Problem(description: "format:\(value) is not a format: text, html, feed, jsonl or csv")
                }
                return .term(.format(format))
            default:
                throw Problem(description: "\(field): is not a filter field: mentions, source, feed, tag, since, until, format (or unread, read, @saved, a title word)")
            }
        }

        private func savedFilter(_ name: String) throws(Problem) -> Expression {
            guard let text = saved[name] else {
                let known = saved.keys.sorted().map { "@" + $0 }
                throw Problem(description: "no saved filter named @\(name)" + (known.isEmpty ? " (save filters in the config file's [filters])" : "; saved: " + known.joined(separator: ", ")))
            }
            guard !expanding.contains(name) else { throw Problem(description: "the saved filter @\(name) refers to itself") }
            var inner = Parser(tokens: try ArticleFilter.tokens(of: text), corpus: corpus, saved: saved, tags: tags,
                               expanding: expanding.union([name]))
            // A saved filter is read as if in parentheses where it is named.
            inner.depth = depth + 1
            guard inner.depth <= Self.nestingLimit else { throw Problem(description: "saved filters refer to each other deeper than \(Self.nestingLimit)") }
            do { return try inner.parseAll() } catch { throw Problem(description: "the saved filter @\(name): \(error.description)") }
        }

        /// "2018-09-01", "2018-09" or "2018", checked digit by digit.
        /// A year, a month or a day that the calendar has ("2019-02-28"; not "2019-13" or "2019-02-30").
        static func day(_ value: String) -> String? {
            let parts = value.split(separator: "-", omittingEmptySubsequences: false)
            guard (1...3).contains(parts.count), parts[0].count == 4,
                  parts.dropFirst().allSatisfy({ $0.count == 2 }),
                  parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else { return nil }
            let numbers = parts.map { Int($0)! }
            if numbers.count >= 2, !(1...12).contains(numbers[1]) { return nil }
            if numbers.count == 3, !(1...daysIn(month: numbers[1], of: numbers[0])).contains(numbers[2]) { return nil }
            return value
        }

        private static func daysIn(month: Int, of year: Int) -> Int {
            switch month {
            case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
            case 4, 6, 9, 11: 30
            default: 31
            }
        }

        private func example(_ field: Substring) -> String {
            switch field {
            case "mentions", "mention", "entity": "kim-jong-un"
            case "since", "until": "2018-09-01"
            case "format": "feed"
            default: "NAME"
            }
        }

        private func peekWord(_ word: String) -> Bool {
            guard position < tokens.count, case .word(let next) = tokens[position] else { return false }
            return next.lowercased() == word
        }

        private func describe(_ token: Token) -> String {
            switch token {
            case .word(let word): "'\(word)'"
            case .open: "("
            case .close: ")"
            }
        }
    }
}

/// The order of the article list: by date (newest first), source, title or person mentions (most
/// first), or the reverse of any.
public struct ArticleSort: Sendable, Equatable {
    public enum Key: String, Sendable, CaseIterable {
        case date, source, title, mentions
    }

    public var key: Key
    public var reversed: Bool

    public init(key: Key, reversed: Bool = false) {
        self.key = key
        self.reversed = reversed
    }

    /// The corpus's own order: newest first.
    public static let standard = ArticleSort(key: .date)

    /// Reads "date", "title reverse", "-mentions".
    public init(parsing text: String) throws(ArticleFilter.Problem) {
        var words = text.lowercased().split(separator: " ").map(String.init)
        var reversed = false
        if let first = words.first, first.hasPrefix("-") {
            words[0] = String(first.dropFirst())
            reversed = true
        }
        if let last = words.last, words.count > 1, ["reverse", "reversed"].contains(last) {
            words.removeLast()
            reversed = true
        }
        let keys = Key.allCases.map(\.rawValue).joined(separator: ", ")
        guard words.count == 1, let key = Key(rawValue: words[0]) else {
            throw ArticleFilter.Problem(description: "sort by one of \(keys), optionally followed by reverse")
        }
        self.init(key: key, reversed: reversed)
    }

    public var description: String { key.rawValue + (reversed ? " reverse" : "") }

    /// `indices` in this order; ties keep the corpus's order, so the result is stable.
    public func ordered(_ indices: [Int], in corpus: Corpus) -> [Int] {
        let articles = corpus.articles
        var sorted: [Int]
        switch key {
        case .date: sorted = indices
        case .source:
            let keys = indices.map { (articles[$0].source ?? "\u{10FFFF}").lowercased() }
            sorted = zip(keys, indices).sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }.map(\.1)
        case .title:
            let keys = indices.map { articles[$0].title.lowercased() }
            sorted = zip(keys, indices).sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }.map(\.1)
        case .mentions:
            let counts = corpus.personMentionCounts
            sorted = indices.sorted { counts[$0] != counts[$1] ? counts[$0] > counts[$1] : $0 < $1 }
        }
        return reversed ? sorted.reversed() : sorted
    }
}
