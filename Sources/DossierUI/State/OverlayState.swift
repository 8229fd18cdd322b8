/// What sits over the panes and takes the keys while it is open: the help, a dossier, the list
/// of skipped files, the feed list.
public struct OverlayState {
    /// True while the help, the key table, is open.
    public internal(set) var showsHelp = false
    /// The first row of the help shown, when it is longer than the screen.
    public internal(set) var helpScroll = 0
    /// The overlay that lists the files left out of the corpus.
    public internal(set) var showsSkippedFiles = false
    /// The feeds the user follows, while their list is open.
    public internal(set) var feedList: FeedListView?
    /// The full-screen dossier of an entity, while it is open.
    public internal(set) var dossier: DossierView?
    /// The entity whose dossier was asked for (`Effect.gatherDossier`) and has not arrived.
    var requestedDossier: Int?
    /// The dossiers a name in a dossier led away from, the last on top: Backspace goes back through them.
    var dossierTrail: [Int] = []

    /// Opens the help at its top, or closes it.
    mutating func toggleHelp() {
        showsHelp.toggle()
        helpScroll = 0
    }

    /// Opens the help where it was last scrolled to (`:help`).
    mutating func openHelp() {
        showsHelp = true
    }

    mutating func closeHelp() {
        showsHelp = false
    }

    /// Scrolls the help to `row`, kept within its `rows`, of which `bodyRows` show.
    mutating func scrollHelp(to row: Int, rows: Int, bodyRows: Int) {
        helpScroll = max(0, min(row, rows - bodyRows))
    }

    mutating func showFeedList(_ view: FeedListView) {
        feedList = view
    }

    mutating func closeFeedList() {
        feedList = nil
    }

    mutating func showSkippedFiles(_ shows: Bool) {
        showsSkippedFiles = shows
    }

    /// Asks for `entity`'s dossier; it shows when it arrives (`show`).
    mutating func requestDossier(of entity: Int) {
        requestedDossier = entity
    }

    mutating func show(_ dossier: DossierView) {
        requestedDossier = nil
        self.dossier = dossier
    }

    /// Remembers the dossier a name leads away from, for Backspace; the last 100 at most.
    mutating func leaveDossier(_ entity: Int) {
        dossierTrail = Array((dossierTrail + [entity]).suffix(100))
    }

    mutating func closeDossier() {
        dossier = nil
        requestedDossier = nil
        dossierTrail = []
    }

    /// Puts back a dossier changed by a key (its selection, its scroll, its lines at a new width).
    mutating func update(_ dossier: DossierView) {
        self.dossier = dossier
    }
}
