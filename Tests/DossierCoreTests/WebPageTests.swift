@testable import DossierCore
@testable import DossierFormats
import DossierText
import Foundation
import Testing

/// Web pages: the article's body without the page around it, its metadata from where pages
/// keep it, in the character set the page is written in. Every page here is written for the test.
struct WebPageTests {
    /// A news page with what real pages wrap an article in: navigation, a cookie banner, share
    /// buttons, a related-stories list, comments and a footer.
    static let newsPage = """
        <!DOCTYPE html>
        <html lang="en"><head>
        <meta charset="utf-8">
        <title>Envoys meet again in Hanoi | The Harbour Courier</title>
        <meta property="og:site_name" content="The Harbour Courier">
        <meta property="og:title" content="Envoys meet again in Hanoi">
        <link rel="canonical" href="https://courier.example/world/envoys-hanoi">
        <script type="application/ld+json">
        {"@context":"https://schema.org","@type":"NewsArticle","headline":"Envoys meet again in Hanoi",
         "datePublished":"2019-02-27T09:00:00+07:00","author":[{"@type":"Person","name":"Ana Reyes"},{"@type":"Person","name":"Tom Lind"}],
         "publisher":{"@type":"Organization","name":"The Harbour Courier"}}
        </script>
        <script>var tracking = "Mike Pompeo in a script is not article text";</script>
        <style>.ad { color: red }</style>
        </head><body>
        <div id="cookie-consent">We use cookies. Accept all cookies to continue reading the site.</div>
        <header class="site-header"><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></header>
        <nav class="main-menu"><ul><li><a href="/a">Politics</a></li><li><a href="/b">Business</a></li></ul></nav>
        <main><article class="story">
        <h1>Envoys meet again in Hanoi</h1>
        <p class="byline">By Ana Reyes and Tom Lind</p>
        <div class="share-bar"><a href="#">Share on Twitter</a> <a href="#">Share by email</a></div>
        <div class="story-body">
        <p>Mike Pompeo arrived in Hanoi on Wednesday, where he said the talks with Kim Jong Un would go on, though few expected a deal before the summer.</p>
        <p>"We are ready to keep talking," said Pompeo, who met officials from both sides, and then flew on to Seoul for a second day of meetings.</p>
        <figure><img src="a.jpg"><figcaption>The envoys in Hanoi, in a photograph from the morning.</figcaption></figure>
        <p>Officials in Seoul said the next round could come in the spring, after both sides have written down what they agreed.</p>
        </div>
        </article>
        <aside class="related"><h2>Related stories</h2><ul><li><a href="/1">Another summit story with its own long headline</a></li><li><a href="/2">A second story</a></li></ul></aside>
        <section class="comments"><p>Reader one: I think this is great news, and I said so before.</p></section>
        </main>
        <footer><p>Copyright 2019 The Harbour Courier. All rights reserved.</p></footer>
        </body></html>
        """

    @Test func newsPage_givesTheArticlesParagraphsOnly() {
        let page = WebPage.read(Array(WebPageTests.newsPage.utf8))
        #expect(page.paragraphs.count == 3)
        #expect(page.paragraphs.first?.hasPrefix("Mike Pompeo arrived in Hanoi") == true)
        #expect(page.paragraphs.last?.hasPrefix("Officials in Seoul said") == true)
        let body = page.paragraphs.joined(separator: "\n")
        for furniture in ["cookies", "Share on", "Politics", "Related stories", "Reader one", "Copyright", "photograph", "By Ana Reyes", "tracking"] {
            #expect(!body.contains(furniture), "the body holds \"\(furniture)\"")
        }
    }

    @Test func newsPage_metadataComesFromItsLinkedData() {
        let page = WebPage.read(Array(WebPageTests.newsPage.utf8))
        #expect(page.title == "Envoys meet again in Hanoi")
        #expect(page.authors == ["Ana Reyes", "Tom Lind"])
        #expect(page.date == "2019-02-27")
        #expect(page.publisher == "The Harbour Courier")
        #expect(page.url == "https://courier.example/world/envoys-hanoi")
    }

    @Test func withoutLinkedData_metadataComesFromMetaTagsThenThePage() {
        let html = """
            <html><head><title>Harbour tolls rise again - Port Weekly</title>
            <meta name="author" content="Jo Bloggs"><meta property="article:published_time" content="2020-03-04T10:00:00Z">
            <meta property="og:site_name" content="Port Weekly"></head>
            <body><div class="content"><h1>Harbour tolls rise again</h1>
            <p>The harbour board raised its tolls on Tuesday, the third rise in two years, and shipping firms said they would pass it on.</p>
            </div></body></html>
            """
        let page = WebPage.read(Array(html.utf8))
        #expect(page.title == "Harbour tolls rise again")
        #expect(page.authors == ["Jo Bloggs"])
        #expect(page.date == "2020-03-04")
        #expect(page.publisher == "Port Weekly")
        #expect(PageMetadata.withoutSiteName("Tolls rise | Port Weekly", publisher: nil) == "Tolls rise")
    }

    /// A JSON-LD headline keeps the character references its site wrote, and a byline its own "By": the
    /// reader is shown neither.
    @Test func linkedDataReferences_areDecoded_andABylinesOwnByIsDropped() {
        let html = """
            <html><head><script type="application/ld+json">
            {"@type": "NewsArticle", "headline": "Fallen Order review &#8211; shoots for the moon &amp; lands &#x2019;n&#8217; all",
             "author": {"@type": "Person", "name": "By TOM KRISHER, AP Auto Writer"}, "publisher": {"name": "Games &amp; More"}}
            </script><meta property="og:title" content="&amp;#8216;Quoted&amp;#8217; title"></head>
            <body><div class="content">
            <p>The game came out on Friday, and reviewers said its combat was the best the series had had in a decade.</p>
            </div></body></html>
            """
        let page = WebPage.read(Array(html.utf8))
        #expect(page.title == "Fallen Order review – shoots for the moon & lands ’n’ all")
        #expect(page.authors == ["TOM KRISHER, AP Auto Writer"])
        #expect(page.publisher == "Games & More")
        #expect(CharacterReferences.decoded("&#0; &#xD800; &#1114112; &nosuch; & ;&amp") == "\u{FFFD} \u{FFFD} \u{FFFD} &nosuch; & ;&amp")
    }

    @Test func textWrittenBetweenLineBreaks_isTheBody() {
        let html = """
            <html><body><div class="menu"><a href="/">Home</a></div><div class="post">
            The council met on Monday evening, and after a long debate, it voted to keep the library open.<br><br>
            The mayor said the vote was close, and that the budget would be looked at again in the autumn.<br>
            </div></body></html>
            """
        let page = WebPage.read(Array(html.utf8))
        #expect(page.paragraphs.joined(separator: " ").contains("voted to keep the library open"))
        #expect(page.paragraphs.joined(separator: " ").contains("looked at again in the autumn"))
        #expect(!page.paragraphs.joined().contains("Home"))
    }

    @Test(arguments: [
        ("<meta charset=\"windows-1252\">", "windows-1252"),
        ("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">", "iso-8859-1"),
        ("<meta content=\"text/html; charset=ISO-8859-15\" http-equiv=\"Content-Type\">", "iso-8859-15"),
    ])
    func declaredCharacterSet_isHonoured(declaration: String, name: String) {
        // "café" and "naïve" as single bytes, and, in Windows-1252, curly quotes (0x93, 0x94) in that set's own places.
        var bytes = Array("<html><head>\(declaration)</head><body><div class=\"content\"><p>".utf8)
        bytes += Array("The caf".utf8) + [0xE9] + Array(" owner, a na".utf8) + [0xEF] + Array("ve optimist, said the menu would change after the summer, and the regulars agreed.".utf8)
        if name == "windows-1252" { bytes += [0x20, 0x93] + Array("Fine".utf8) + [0x94] }
        bytes += Array("</p></div></body></html>".utf8)
        let body = WebPage.read(bytes).paragraphs.joined()
        #expect(body.contains("café owner, a naïve optimist"), "read as \(name): \(body)")
        if name == "windows-1252" { #expect(body.contains("“Fine”")) }
    }

    @Test func undeclaredUTF8_isReadAsUTF8_andUndeclaredLatin1AsWindows1252() {
        let utf8 = "<html><body><div class=\"content\"><p>서울의 시장은 월요일에 새 도서관을 열었고, 주민들은 오래 기다렸다고 말했다. 도서관은 밤늦게까지 연다.</p></div></body></html>"
        #expect(WebPage.read(Array(utf8.utf8)).paragraphs.joined().contains("서울의 시장은"))
        let latin1 = Array("<html><body><div class=\"content\"><p>The caf".utf8) + [0xE9]
            + Array(" on the corner opened again on Monday, after a long summer of building work, and the queue was long.</p></div></body></html>".utf8)
        #expect(WebPage.read(latin1).paragraphs.joined().contains("café on the corner"))
    }

    @Test func pageFile_loadsAsAnArticle_withItsTextMadeFromThePage() throws {
        let folder = try TestCorpus.folder(["envoys.html": WebPageTests.newsPage])
        let corpus = try CorpusLoader.load(paths: [folder.path])
        let article = try #require(corpus.articles.first)
        // A page is named by its canonical address, not its file: the same page saved under another name is the same article.
        #expect(article.key == ArticleKey.of(identity: "https://courier.example/world/envoys-hanoi", text: SourceText(decoding: [])))
        #expect(article.format == .html)
        #expect(article.record == nil)
        #expect(article.title == "Envoys meet again in Hanoi")
        #expect(article.byline == "Ana Reyes, Tom Lind")
        #expect(article.source == "The Harbour Courier")
        #expect(article.url == "https://courier.example/world/envoys-hanoi")
        // The text is the headline, a blank line, and the paragraphs a blank line apart.
        let text = String(decoding: article.text.bytes, as: UTF8.self)
        #expect(text.hasPrefix("Envoys meet again in Hanoi\n\nMike Pompeo arrived"))
        #expect(corpus.count(of: "mike-pompeo", inArticle: "envoys") == 2)
        #expect(corpus.count(of: "kim-jong-un", inArticle: "envoys") == 1)
        // Mentions are placed in that text: the first Pompeo is on line 3, column 1.
        let pompeo = try #require(corpus.mentions[0].first { corpus.entities[$0.entity ?? 0].id == "mike-pompeo" })
        let place = article.text.location(of: pompeo.range.lowerBound)
        #expect(place.line == 3 && place.column == 1)
    }

    @Test func gzippedPage_loads() throws {
        let folder = try TestCorpus.folder([:])
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let packed = try Gzip.compress(Array(WebPageTests.newsPage.utf8))
        try Data(packed).write(to: folder.appendingPathComponent("envoys.html.gz"))
        let corpus = try CorpusLoader.load(paths: [folder.path])
        #expect(corpus.fileLabels == ["envoys"])
        #expect(corpus.articles[0].title == "Envoys meet again in Hanoi")
        #expect(corpus.articles[0].text.bytes.count == corpus.articles[0].textLength)
    }

    @Test func pageWithoutProse_isSkipped_withTheReason() throws {
        let folder = try TestCorpus.folder([
            "menu.html": "<html><body><nav><a href='/'>Home</a></nav></body></html>",
            "story.txt": "Mike Pompeo flew to Seoul.\n",
        ])
        var warnings: [String] = []
        let corpus = try CorpusLoader.load(paths: [folder.path], warn: { warnings.append($0) })
        #expect(corpus.articles.map(\.id) == ["story"])
        #expect(warnings.contains { $0.contains("menu.html") && $0.contains("no article text was found in the page") })
    }

    @Test func hostilePages_neitherCrashNorHang() {
        // Nested far deeper than any page: every walk is a loop, not a recursion.
        let deep = String(repeating: "<div>", count: 100_000) + "Deep text, with a comma, and more words than twenty-five bytes." + String(repeating: "</div>", count: 100_000)
        _ = WebPage.read(Array(deep.utf8))
        // Unclosed tags, stray ends, a NUL, bytes that are not UTF-8, and an escape sequence.
        let broken: [UInt8] = Array("<html><body><p>One <b>two <i>three</p></b><div></span>".utf8) + [0, 0xFF, 0xFE, 0x1B] + Array("[2J</td></tr>".utf8)
        _ = WebPage.read(broken)
        // JSON-LD that is not JSON, and one that nests without end.
        let badData = "<html><head><script type='application/ld+json'>{\"@type\": [[[[[[</script><script type='application/ld+json'>"
            + String(repeating: "[", count: 50_000) + "</script></head><body><p>Text of the page, long enough to count as a paragraph.</p></body></html>"
        _ = WebPage.read(Array(badData.utf8))
        _ = WebPage.read([])
    }
}

/// A page can only declare a character set that writes ASCII as ASCII: the declaration was read as
/// ASCII. One that says otherwise is wrong, and is passed over, as browsers pass it over.
struct PageEncodingLabelTests {
    @Test(arguments: ["UTF-32", "UCS-4", "IBM037", "UTF-32LE", "no-such-set"])
    func aDeclarationOfASetThatIsNotASCIICompatible_isPassedOver(label: String) {
        let page = Array("<html><head><meta charset=\"\(label)\"><title>Envoys meet</title></head><body><p>Talks resume.</p></body></html>".utf8)
        #expect(PageEncoding.of(page, isValidUTF8: true) == "UTF-8")
        #expect(WebPage.read(page).title == "Envoys meet")
    }

    @Test(arguments: [("windows-1251", "WINDOWS-1251"), ("ISO-8859-2", "ISO-8859-2"), ("Shift_JIS", "SHIFT_JIS"), ("utf-16", "UTF-8")])
    func aDeclarationOfAnASCIICompatibleSet_isTaken(label: String, expected: String) {
        let page = Array("<html><head><meta charset=\"\(label)\"><title>T</title></head></html>".utf8)
        #expect(PageEncoding.of(page, isValidUTF8: true) == expected)
    }
}
