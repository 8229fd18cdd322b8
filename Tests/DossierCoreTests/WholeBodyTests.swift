@testable import DossierFormats
import Testing

/// An article's body is whole: interrupted by a block that is not the article, it goes on after
/// it, and a wrapper whose name speaks of sharing is still the article it wraps. Every page here is
/// written for the test, on the pattern of pages seen on the open web.
struct WholeBodyTests {
    static let paragraphs = [
        "Mike Pompeo arrived in Hanoi on Wednesday, where he said the talks would go on, though few expected a deal before the summer.",
        "Officials in Seoul said the next round could come in the spring, after both sides have written down what they agreed, and not before.",
        "The envoy met his counterpart for three hours, and aides said the meeting was frank, though neither side gave ground on the sanctions.",
        "Analysts in Tokyo said the talks had stalled, and that the summit, if it came, would be about appearances rather than substance.",
    ]
    static var opening: String { paragraphs.map { "<p>\($0)</p>" }.joined() }

    static func page(_ body: String) -> [UInt8] {
        Array(("<html><head><title>Talks resume in Hanoi</title></head><body><nav class=\"menu\"><a href=\"/\">Home</a></nav>"
            + body + "<footer>Copyright 2018 The Courier</footer></body></html>").utf8)
    }

    /// The last lines, short ones in a container of their own, come after a newsletter box.
    @Test func aBodyInterruptedByANewsletterBox_goesOnAfterIt() {
        let html = WholeBodyTests.page("""
            <article><h1>Talks resume</h1><div class="body">\(WholeBodyTests.opening)</div>
            <div class="newsletter-box"><h3>Get the morning briefing</h3><p>Sign up for our newsletter, and get the news every morning.</p>
            <form><input type="email"><button>Sign up</button></form></div>
            <div class="body-end"><p>He declined to comment.</p><p>The talks go on.</p><p>More soon, his aides said.</p></div></article>
            """)
        let body = WebPage.read(html).paragraphs
        #expect(body.count == 7, "\(body)")
        #expect(body.last == "More soon, his aides said.")
        #expect(!body.joined().contains("Sign up"))
    }

    /// What a body does not go on into: an ad's label, a teaser of another story, a comment thread,
    /// a line before the article.
    @Test func aBodyDoesNotGoOnIntoWhatIsNotIt() {
        let html = WholeBodyTests.page("""
            <article><h1>Talks resume</h1><div class="audio"><p>Listen to this article.</p><p>It takes four minutes.</p></div>
            <div class="body">\(WholeBodyTests.opening)</div>
            <div class="ad-wrapper"><p>Advertisement</p></div>
            <div class="teaser"><h3><a href="/2">Ferries late again</a></h3><p>The ferries ran late for a third week. Passengers said so.</p></div>
            <div class="responses"><div class="response"><div class="text"><p>I agree with this, it is a good point.</p><p>So do I, for once.</p></div></div></div>
            </article>
            """)
        let body = WebPage.read(html).paragraphs
        #expect(body == WholeBodyTests.paragraphs, "\(body)")
    }

    /// A share plugin's wrapper around the whole article, with a gallery inside; a section of a
    /// long piece whose id speaks of sharing.
    @Test func wrappersNamedForSharing_keepTheArticleTheyWrap() {
        let gallery = (1...6).map { "<li><p>Picture \($0): the delegations at the table, with their aides, in the second hour of the talks.</p></li>" }.joined()
        let html = WholeBodyTests.page("""
            <article><div class="main-column"><h1>Talks resume</h1>
            <div class="text-wrapper" id="share-buttons-container">\(WholeBodyTests.opening)
            <div class="gallery"><ul class="legends">\(gallery)</ul></div></div></div></article>
            """)
        let body = WebPage.read(html).paragraphs
        #expect(body == WholeBodyTests.paragraphs, "\(body)")

        let sections = WholeBodyTests.page("""
            <div class="document"><div class="section" id="talks"><h2>The talks</h2>\(WholeBodyTests.opening)
            <div class="section" id="sharing-the-record"><h3>Sharing the record</h3>
            <p>Both sides keep a record of every meeting, and each sends the other a copy, which is then signed, filed and kept.</p>
            <p>The records are read out at the start of the next meeting, so that nothing said before is forgotten or disputed.</p></div></div></div>
            """)
        #expect(WebPage.read(sections).paragraphs.joined().contains("The records are read out"))
    }
}
