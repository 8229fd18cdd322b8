@testable import DossierFormats
import Testing

/// What real pages leak into what a reader sees: a source that is not the publisher, the headline
/// again as the first paragraph, and the words of separate links glued into one. Every page here is
/// written for the test, on the pattern of pages seen on the open web.
struct PageLeakTests {
    /// A page with the given head and a body of plain prose.
    static func page(head: String, canonical: String? = nil) -> [UInt8] {
        let link = canonical.map { "<link rel=\"canonical\" href=\"\($0)\">" } ?? ""
        return Array("""
            <html><head>\(link)\(head)<title>Harbour tolls rise again</title></head><body><div class="content">
            <p>The harbour board raised its tolls on Tuesday, the third rise in two years, and shipping firms said they would pass it on.</p>
            <p>The board's chair said the money would go to dredging, which the port has put off since the floods of the winter before.</p>
            </div></body></html>
            """.utf8)
    }

    @Test(arguments: [
        // A wire's stories served for other sites, named after the subdomain that serves them, the page
        // speaking for the wire (its account) and its title ending in the placeholder too.
        (#"<meta property="og:site_name" content="Hosted"><meta name="twitter:site" content="@wire"><title>Tolls rise again | Hosted</title>"#,
         "https://hosted.wire.example/eagle/article/1", "wire.example"),
        // A menu of the site's sections, after its name.
        (#"<meta property="og:site_name" content="Racing Pages | F1 | Indy | Rally | Karting">"#, "https://racingpages.example/a", "Racing Pages"),
        // The site's name with its tagline.
        (#"<meta property="og:site_name" content="Port Weekly - News from the harbour since 1920">"#, "https://portweekly.example/a", "Port Weekly"),
        // The site's address for its name.
        (#"<meta property="og:site_name" content="https://www.islandnews.example">"#, "https://www.islandnews.example/a", "islandnews.example"),
        // The section the page sits in.
        (#"<meta property="og:site_name" content="U.S."><meta property="article:section" content="U.S.">"#, "https://www.wireservice.example/a", "wireservice.example"),
        // An edition, with no section to say so.
        (#"<meta property="og:site_name" content="U.S.">"#, "https://www.wireservice.example/a", "wireservice.example"),
        // Nothing the page says: its host.
        ("", "https://www.dailyledger.example/2019/11/a", "dailyledger.example"),
        // A blogging platform in the linked data, and the blog's own name in Open Graph.
        (#"<meta property="og:site_name" content="Harbourside | The port's own news"><script type="application/ld+json">{"@type": "BlogPosting", "publisher": {"@type": "Organization", "name": "Blogspace"}}</script>"#,
         "https://www.harbourside.example/2018/10/a", "Harbourside"),
        // A publisher left empty in the linked data.
        (#"<meta property="og:site_name" content="The Harbour Courier"><script type="application/ld+json">{"@type": "NewsArticle", "publisher": {"@type": "Organization", "name": ""}}</script>"#,
         "https://www.harbourcourier.example/a", "The Harbour Courier"),
    ])
    func source_isThePublishersName(head: String, canonical: String, publisher: String) {
        #expect(WebPage.read(PageLeakTests.page(head: head, canonical: canonical)).publisher == publisher)
    }

    @Test(arguments: [
        // A name over the slug of it, wherever each is given: "The Harbour Courier", not "harbourcourier".
        (#"<meta property="og:site_name" content="The Harbour Courier"><script type="application/ld+json">{"@type": "NewsArticle", "publisher": {"name": "harbourcourier"}}</script>"#,
         "https://www.harbourcourier.example/a", "The Harbour Courier"),
        // A name in a script without case is no slug.
        (#"<meta property="og:site_name" content="光明网"><meta name="application-name" content="Harbour Reader">"#, "https://www.gmw.example/a", "光明网"),
        // A site whose <title> is its name alone.
        (#"<meta property="og:site_name" content="Harbour Quarterly"><meta property="og:title" content="Tolls rise again"><title>Harbour Quarterly</title>"#,
         "https://www.harbourquarterly.example/a", "Harbour Quarterly"),
        // A blog named as its subdomain is, on a host of many blogs, is the blog.
        (#"<meta property="og:site_name" content="Harbourside"><title>Tolls rise again - Harbourside</title>"#, "https://harbourside.blogs.example/p/tolls", "Harbourside"),
        // Initials: "The Wall Street Journal" for wsj.example, over an application's name.
        (#"<meta property="og:site_name" content="WSJ App"><script type="application/ld+json">{"@type": "NewsArticle", "publisher": {"name": "The Wall Street Journal"}}</script>"#,
         "https://www.wsj.example/a", "The Wall Street Journal"),
    ])
    func aPublisherWrittenAsAName_isPreferred(head: String, canonical: String, publisher: String) {
        #expect(WebPage.read(PageLeakTests.page(head: head, canonical: canonical)).publisher == publisher)
    }

    @Test func hostsAndDomains() {
        #expect(PublisherName.domain(of: "www.harbour.co.uk") == "harbour.co.uk")
        #expect(PublisherName.domain(of: "hosted.wire.example") == "wire.example")
        #expect(PublisherName.host(of: "https://user@News.Example:8080/a?b") == "news.example")
        #expect(PublisherName.host(of: "https://../a") == nil)
        #expect(PublisherName.host(of: "no address") == nil)
    }

    /// The headline a reader sees atop the article, confirmed by the page's title, over the wording
    /// its linked data gives search engines; a site's logo in an `<h1>` is no headline.
    @Test(arguments: [
        (#"<title>Tolls rise for the third time in two years - Port Weekly</title><script type="application/ld+json">{"@type": "NewsArticle", "headline": "Port tolls: what you need to know"}</script>"#,
         "<h1>Port Weekly</h1><h1>Tolls rise for the third time in two years</h1>", "Tolls rise for the third time in two years"),
        (#"<title>Tolls rise again | Port Weekly</title>"#, "<h1>Port Weekly</h1>", "Tolls rise again"),
        (#"<title>Harbour Notes: tolls rise again for shipping firms, and the board says why</title>"#, "<h1>Harbour Notes</h1>",
         "Harbour Notes: tolls rise again for shipping firms, and the board says why"),
        // The site's name as its publisher says it, in a short title.
        (#"<meta property="og:site_name" content="Port Weekly"><title>Port Weekly: tolls up</title>"#, "<h1>Port Weekly</h1>", "Port Weekly: tolls up"),
        // A short headline beside a long site name is still the headline.
        (#"<title>Tolls up again | The Harbour and Estuary Courier</title><script type="application/ld+json">{"@type": "NewsArticle", "headline": "Port tolls: what you need to know"}</script>"#,
         "<h1>Tolls up again</h1>", "Tolls up again"),
        // The linked data's headline with the site's name as the title writes it, run together.
        (#"<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Tolls rise again | PortWeekly", "publisher": {"name": "Port Weekly"}}</script>"#,
         "", "Tolls rise again"),
        // Cut at 110 characters for search engines, where the page's title has it whole.
        (#"<meta property="og:title" content="Harbour board raises tolls for the third time in two years as shipping firms warn that the costs will reach shoppers"><script type="application/ld+json">{"@type": "NewsArticle", "headline": "Harbour board raises tolls for the third time in two years as shipping firms warn that the costs will "}</script>"#,
         "", "Harbour board raises tolls for the third time in two years as shipping firms warn that the costs will reach shoppers"),
    ])
    func headline_isTheOneTheReaderSees(head: String, headings: String, headline: String) {
        let html = "<html><head>\(head)</head><body>\(headings)<div class=\"content\">"
            + "<p>The harbour board raised its tolls on Tuesday, the third rise in two years, and shipping firms said they would pass it on.</p></div></body></html>"
        #expect(WebPage.read(Array(html.utf8)).title == headline)
    }

    @Test func theHeadlineWrittenAgainAtTheTopOfTheBody_isTheTitleOnly() {
        let html = """
            <html><head><meta property="og:title" content="Harbour tolls rise again"></head><body><div class="story">
            <h2 class="story-headline">Harbour tolls rise again</h2>
            <p>The harbour board raised its tolls on Tuesday, the third rise in two years, and shipping firms said they would pass it on.</p>
            <p>The board's chair said the money would go to dredging, which the port has put off since the floods of the winter before.</p>
            </div></body></html>
            """
        let page = WebPage.read(Array(html.utf8))
        #expect(page.title == "Harbour tolls rise again")
        #expect(page.paragraphs.count == 2)
        #expect(page.paragraphs.first?.hasPrefix("The harbour board raised") == true)
    }

    /// A name in a sentence with a card of its bearer's stories that opens on hover: the sentence
    /// keeps the name once, without the card, and the words of two links never run together.
    @Test func linksInsideASentence_neitherGlueNorBringTheirCard() {
        let html = """
            <html><body><div class="content">
            <p>A man pleaded guilty on Monday to threatening to kill Rep. <span class="people"><a href="/people/ana-reyes">Ana Reyes</a><span class="card"><img src="a.jpg"><a href="/people/ana-reyes">Ana Reyes</a><a href="/1">Harbour Week: tolls rise | Ferries late</a> <a href="/2">Reyes asks court for mercy</a> <a href="/people/ana-reyes">MORE</a></span></span> (D-Minn.), prosecutors in the county said.</p>
            <p>The court will sentence him in the spring, and he faces up to ten years in prison, the prosecutors said in a statement.</p>
            <p>Reading list: <a href="/a">Harbour</a><a href="/b">Dredging plans</a>, both from the archive of the paper, with notes by its editors.</p>
            </div></body></html>
            """
        let body = WebPage.read(Array(html.utf8)).paragraphs.joined(separator: "\n")
        #expect(body.contains("to kill Rep. Ana Reyes (D-Minn.), prosecutors"), "\(body)")
        for leak in ["Harbour Week", "mercy", "MORE", "ReyesAna"] { #expect(!body.contains(leak), "the body holds \"\(leak)\"") }
        #expect(body.contains("Harbour Dredging plans"))
    }

    /// What is not a card: a name whose card is too small to tell from a phrase keeps the name; linked
    /// names in a sentence stay; words of scripts written without spaces are not spaced.
    @Test func linksThatAreTheSentencesWords_stay() {
        let html = """
            <html><body><div class="content">
            <p>The suit names Rep. <span class="people"><a href="/p/reyes">Ana Reyes</a><span class="card"><a href="/f">Follow</a> <a href="/s">Stories</a></span></span> as its first defendant, the court said.</p>
            <p>The film stars <strong><a href="/a">Ana Reyes</a> <a href="/b">Tom Lind</a> <a href="/c">Jo Park</a></strong> in the roles of the three envoys.</p>
            <p>会談は<a href="/t">東京</a><a href="/g">都庁</a>で月曜日に開かれ、双方は次の会合を春に開くことで合意したと当局者は述べた。</p>
            </div></body></html>
            """
        let body = WebPage.read(Array(html.utf8)).paragraphs.joined(separator: "\n")
        #expect(body.contains("Rep. Ana Reyes"), "\(body)")
        #expect(body.contains("stars Ana Reyes Tom Lind Jo Park in the roles"))
        #expect(body.contains("東京都庁で"))
    }
}
