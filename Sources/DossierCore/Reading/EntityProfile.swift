import DossierText

/// Everything the corpus says about one entity, gathered for the dossier view and `dossier profile`:
/// the names it goes by in the text, where and when it is mentioned, who it is named with, and
/// what it is quoted as saying.
public struct EntityProfile: Sendable {
    public let entity: Int
    /// The spellings the text uses for it ("Pompeo", "Mike Pompeo"), most used first, counted in
    /// its first `namesSampleLimit` articles (`namesSampledArticles` of them).
    public let namesSeen: [(text: String, count: Int)]
    public let namesSampledArticles: Int
    /// Spellings are read from the articles' text, which may be on disk: a person in 7,000 of
    /// 100,000 articles would cost seconds to open, and the first few hundred articles show the
    /// names the text uses as well.
    public static let namesSampleLimit = 500
    public let mentionCount: Int
    /// The articles that mention it, in reading order, with how often.
    public let articles: [(article: Int, mentions: Int)]
    /// Mentions by day, for the timeline; mentions in undated articles are counted apart.
    public let mentionsByDay: [(day: CalendarDay, count: Int)]
    public let undatedMentions: Int
    /// The people and organisations most often named in the same sentences, most often first. Places
    /// are left out: a place shares sentences with everyone in its news, and says nothing of whom
    /// a person deals with.
    public let company: [RelatedEntity]
    public let quotes: [QuoteReference]

    public init(entity: Int, in corpus: Corpus) {
        self.entity = entity
        let references = corpus.mentionsByEntity[entity]
        mentionCount = references.count
        var names: [String: Int] = [:]
        var articles: [(article: Int, mentions: Int)] = []
        var byDay: [CalendarDay: Int] = [:]
        var undated = 0
        var sampled = 0
        var position = 0
        // References come in reading order, so each article's run is read with its text fetched once.
        while position < references.count {
            let article = references[position].article
            var end = position
            while end < references.count, references[end].article == article { end += 1 }
            if sampled < Self.namesSampleLimit, corpus.articles[article].textIsAsIndexed {
                sampled += 1
                let text = corpus.articles[article].text
                let articleMentions = corpus.mentions[article]
                // A place its article no longer has (a saved index written over since it was read) names nothing.
                for reference in references[position..<end] where reference.mention < articleMentions.count {
                    let spelled = SourceText.flattened(text.string(articleMentions[reference.mention].range))
                    names[spelled.split(separator: " ").joined(separator: " "), default: 0] += 1
                }
            }
            articles.append((article, end - position))
            if let day = corpus.articles[article].date.flatMap(CalendarDay.init(iso:)) {
                byDay[day, default: 0] += end - position
            } else {
                undated += end - position
            }
            position = end
        }
        namesSampledArticles = sampled
        namesSeen = names.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { ($0.key, $0.value) }
        self.articles = articles
        mentionsByDay = byDay.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        undatedMentions = undated
        company = corpus.related[entity].filter { corpus.entities[$0.entity].kind != .place }
        quotes = corpus.quotesByEntity[entity]
    }

    /// Mentions counted per week, or per month when weeks would take more than `maxPeriods` bars
    /// (per year when months would too). Empty periods between the first and last are kept, so
    /// that a gap in the coverage shows as one.
    public func timeline(maxPeriods: Int) -> Timeline {
        guard let first = mentionsByDay.first?.day, let last = mentionsByDay.last?.day else {
            return Timeline(unit: .month, periods: [])
        }
        var unit = Timeline.Unit.week
        if Timeline.Unit.week.periodsBetween(first, last) > maxPeriods { unit = .month }
        if unit == .month, Timeline.Unit.month.periodsBetween(first, last) > maxPeriods { unit = .year }
        var periods: [(start: CalendarDay, count: Int)] = []
        var start = unit.start(of: first)
        var index = 0
        while start <= last {
            let next = unit.start(after: start)
            var count = 0
            while index < mentionsByDay.count, mentionsByDay[index].day < next {
                count += mentionsByDay[index].count
                index += 1
            }
            periods.append((start, count))
            start = next
        }
        return Timeline(unit: unit, periods: periods)
    }
}

/// Mentions per period, oldest first.
public struct Timeline: Sendable {
    public enum Unit: String, Sendable {
        case week, month, year

        /// The Monday of a day's week, the first of its month or of its year.
        func start(of day: CalendarDay) -> CalendarDay {
            switch self {
            case .week: CalendarDay(number: day.number - day.weekday)
            case .month: CalendarDay(year: day.year, month: day.month, day: 1)
            case .year: CalendarDay(year: day.year, month: 1, day: 1)
            }
        }

        func start(after start: CalendarDay) -> CalendarDay {
            switch self {
            case .week: CalendarDay(number: start.number + 7)
            case .month: start.month == 12 ? CalendarDay(year: start.year + 1, month: 1, day: 1) : CalendarDay(year: start.year, month: start.month + 1, day: 1)
            case .year: CalendarDay(year: start.year + 1, month: 1, day: 1)
            }
        }

        func periodsBetween(_ first: CalendarDay, _ last: CalendarDay) -> Int {
            switch self {
            case .week: (start(of: last).number - start(of: first).number) / 7 + 1
            case .month: (last.year - first.year) * 12 + last.month - first.month + 1
            case .year: last.year - first.year + 1
            }
        }

        /// How a period is named: the week's Monday, "2018-06", "2018".
        public func label(_ start: CalendarDay) -> String {
            switch self {
            case .week: start.iso
            case .month: String(start.iso.prefix(7))
            case .year: String(start.iso.prefix(4))
            }
        }
    }

    public let unit: Unit
    public let periods: [(start: CalendarDay, count: Int)]

    /// One character a period, its height the period's share of the busiest: "▁▃█▂".
    public var sparkline: String {
        let most = periods.map(\.count).max() ?? 0
        let levels = Array("▁▂▃▄▅▆▇█")
        return String(periods.map { period in
            period.count == 0 || most == 0 ? " " : levels[min(levels.count - 1, (period.count * levels.count - 1) / most)]
        })
    }
}

/// A day of the proleptic Gregorian calendar, counted from 1970-01-01, for grouping dates
/// without a time zone in sight.
public struct CalendarDay: Sendable, Hashable, Comparable {
    public let number: Int

    public init(number: Int) {
        self.number = number
    }

    /// From an ISO day, "2018-08-24".
    public init?(iso: String) {
        let parts = iso.split(separator: "-")
        guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// Howard Hinnant's days-from-civil.
    public init(year: Int, month: Int, day: Int) {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        number = era * 146_097 + dayOfEra - 719_468
    }

    private var civil: (year: Int, month: Int, day: Int) {
        let shifted = number + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    public var year: Int { civil.year }
    public var month: Int { civil.month }
    /// 0 for Monday through 6 for Sunday (1970-01-01 was a Thursday).
    public var weekday: Int { ((number % 7) + 7 + 3) % 7 }

    public var iso: String {
        let (year, month, day) = civil
        func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(twoDigits(month))-\(twoDigits(day))"
    }

    public static func < (left: CalendarDay, right: CalendarDay) -> Bool { left.number < right.number }
}
