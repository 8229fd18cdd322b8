import Testing
@testable import DossierCore

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
