import DossierCore

/// What the reader's loop reaches outside the reader and the terminal, given by the executable
/// (and by tests, which fake each).
public struct ReaderServices {
    /// Seconds on a clock that only goes forward.
    public var clock: () -> Double
    /// True once something outside (a signal) asks the reader to stop.
    public var stopRequested: () -> Bool
    /// Opens a web address in a browser, while the terminal is handed over; says how it went, in a line.
    public var openLink: (String) -> String
    /// Starts fetching the user's feeds: all of them, or only the one at the address given.
    public var fetchFeeds: (_ only: String?) -> any BackgroundWork
    /// Saves a correction or takes one back, and says what came of it for the corpus the reader shows.
    public var correct: (CorrectionRequest, Corpus) -> Outcome
    /// What came from outside since the last turn, given the state as it is (the first load's
    /// progress and result, a saved place to restore); an error ends the loop.
    public var news: (AppState) throws -> [Outcome]
    /// Sees the state after every turn, and once more when the loop ends (`isLast`), however it ends.
    public var turnEnded: (AppState, _ isLast: Bool) -> Void

    /// Services with the given parts; by default nothing stops the loop, no news comes, and turns are not watched.
    public init(clock: @escaping () -> Double, stopRequested: @escaping () -> Bool = { false },
                openLink: @escaping (String) -> String, fetchFeeds: @escaping (_ only: String?) -> any BackgroundWork,
                correct: @escaping (CorrectionRequest, Corpus) -> Outcome = { _, _ in .reported("corrections are not kept here") },
                news: @escaping (AppState) throws -> [Outcome] = { _ in [] },
                turnEnded: @escaping (AppState, _ isLast: Bool) -> Void = { _, _ in }) {
        self.clock = clock
        self.stopRequested = stopRequested
        self.openLink = openLink
        self.fetchFeeds = fetchFeeds
        self.correct = correct
        self.news = news
        self.turnEnded = turnEnded
    }
}
