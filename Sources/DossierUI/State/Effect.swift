import DossierCore

/// What `update` asks of the world outside the state. The runner performs each effect and hands
/// back what came of it as an `Outcome`, through `update` again.
///
/// Effects name what they need by index (an article, an entity, a layout's key) in the corpus of
/// the state that asked for them; the runner reads the rest from that state. `CorpusWork` performs
/// the ones that read the corpus (its files or its index).
public enum Effect: Equatable, Sendable {
    /// Leave the reader.
    case quit
    /// Draw a frame although no key came: what the screen shows changed (a tick marked the open article read).
    case draw
    /// Repaint the whole terminal, whatever it holds now.
    case redrawAll
    /// Open a web address in a browser; `Outcome.linkOpened` says how it went.
    case openLink(String)
    /// Fetch the user's feeds in the background; `Outcome.fetchProgressed` and `.fetchFinished` follow.
    case fetchFeeds
    /// Fetch one of the user's feeds, by its address; as `fetchFeeds`.
    case fetchFeed(String)
    /// Read an article's text (from its file, when it is not in memory); `Outcome.textRead` brings it.
    case readText(article: Int)
    /// While indexing, read and parse the open article's file on its own, off the key loop;
    /// `Outcome.textRead` brings it.
    case readAlone(article: Int)
    /// Wrap the open article whole, off the key loop (its layout stopped at a line limit);
    /// `Outcome.laidOut` brings it.
    case finishLayout(ReaderState.LayoutKey)
    /// Find where the search's matches lie in an article's text; `Outcome.matchesPlaced` brings them.
    case placeMatches(article: Int, query: String)
    /// Run a search on the index, showing its first match when `movingReader`; `Outcome.searchFinished` brings it.
    case search(String, movingReader: Bool)
    /// Gather an entity's dossier (its profile, its quotes' words); `Outcome.dossierGathered` brings it.
    case gatherDossier(entity: Int)
    /// Save a correction, or take the last back, and apply them all; `Outcome.corrected` brings the corpus.
    case correct(CorrectionRequest)
}

/// A correction asked for at the prompt.
public enum CorrectionRequest: Equatable, Sendable {
    /// A correction made while reading an article (its id).
    case make(Correction, inArticle: String?)
    /// Take back the last correction.
    case undo
}
