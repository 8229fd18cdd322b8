@testable import DossierCore
@testable import DossierFormats
import DossierTestSupport
import Testing

struct PathNameTests {
    @Test(arguments: [
        ("corpus/politics/blair.txt", "blair.txt", "txt", "corpus/politics/blair"),
        ("notes.tar.gz", "notes.tar.gz", "gz", "notes.tar"),
        ("folder.d/README", "README", "", "folder.d/README"),
        ("corpus/.hidden", ".hidden", "", "corpus/.hidden"),
        ("Pyongyang – 평양.md", "Pyongyang – 평양.md", "md", "Pyongyang – 평양"),
        ("plain", "plain", "", "plain"),
    ])
    func partsOfAPath(path: String, last: String, pathExtension: String, withoutExtension: String) {
        #expect(PathName.lastComponent(of: path) == last)
        #expect(PathName.pathExtension(of: path) == pathExtension)
        #expect(PathName.deletingExtension(of: path) == withoutExtension)
    }
}

/// A folder's notes about itself are not news.
struct FolderNoteTests {
    /// The walk's test of a name reads its bytes; it must say what the format's name rules and the folder notes say.
    @Test func walkedNames_areThoseWithAFormat_thatAreNotFolderNotes() {
        let names = ["a.txt", "A.TXT", "story.md", "page.HTML", "page.htm.gz", "feed.xml", "f.RSS", "f.atom", "d.jsonl", "d.NDJSON.GZ",
                     "t.csv", "t.csv.gz", "x.gz", "x", "x.", ".txt", "x.pdf", "x.txt.bak", "README.md", "readme.TXT", "License.txt",
                     "licence", "readme-of-the-week.txt", "notice.html.gz", "authors", "CODE_OF_CONDUCT.md", "é.txt", "naïve.Md", "a.b.c.csv"]
        for name in names {
            #expect(DocumentFormat.isWalked(name) == (DocumentFormat(path: name) != nil && !DocumentFormat.isFolderNote(name)), "\(name)")
        }
    }

    @Test func readmeLicenseAndChangelog_inAFolder_areNotArticles_butOneNamedDirectlyIs() throws {
        let folder = try ArticleFolder.make([
            "README.md": "# My clippings\n\nNotes about this folder.\n",
            "LICENSE.txt": "Permission is hereby granted.\n",
            "CHANGELOG.md": "## 1.0\n\nFirst.\n",
            "licence": "not walked: no extension either\n",
            "readme-of-the-week.txt": "Readme of the week\n\nA column that happens to start with readme.\n",
            "story.txt": "A story\n\nMike Pompeo flew to Seoul.\n",
        ])
        let corpus = try CorpusLoader.load(paths: [folder.path])
        #expect(Set(corpus.fileLabels) == ["story", "readme-of-the-week"])
        #expect(corpus.skipped.isEmpty, "left out by rule, not skipped as unreadable")
        let named = try CorpusLoader.load(paths: [folder.appendingPathComponent("README.md").path])
        #expect(named.articles.map(\.id) == ["README"])
    }
}
