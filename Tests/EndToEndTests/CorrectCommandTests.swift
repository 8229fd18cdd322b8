import DossierTestSupport
import Foundation
import Testing

/// `dossier correct`: corrections made on the command line apply to every command, are listed with
/// the article they came from, and are taken back; mistakes are said in one line and save nothing.
struct CorrectCommandTests {
    /// Runs `dossier` with a config folder of this test's own, where its corrections file lives.
    struct Home {
        let config = TemporaryFolder.url("correct-config")
        var file: URL { config.appendingPathComponent("dossier/corrections.toml") }

        func run(_ arguments: String...) throws -> CommandLineTests.Run {
            try CommandLineTests.run(arguments: arguments, configHome: config)
        }

        func output(_ arguments: String...) throws -> String {
            let run = try CommandLineTests.run(arguments: arguments, configHome: config)
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
            return String(decoding: run.stdout, as: UTF8.self)
        }
    }

    @Test func aKindAndAMerge_applyToEveryCommand_areListed_andUndoTakesThemBack() throws {
        let home = Home()
        #expect(try home.output("correct", "kind", "kim-jong-un", "organisation")
            .hasPrefix("corrected: Kim Jong Un is an organisation (8 mentions in 1 article)"))
        #expect(try home.output("correct", "merge", "Ri Son Gwon", "ri-yong-ho")
            .hasPrefix("corrected: Ri Son Gwon is merged into Ri Yong Ho"))

        let entities = try JSONSerialization.jsonObject(with: try home.run("entities", "--json").stdout) as? [[String: Any]] ?? []
        #expect(entities.first { $0["id"] as? String == "kim-jong-un" }?["kind"] as? String == "organisation")
        #expect(!entities.contains { $0["id"] as? String == "ri-son-gwon" })
        #expect((entities.first { $0["id"] as? String == "ri-yong-ho" }?["aliases"] as? [String])?.contains("Ri Son Gwon") == true)
        #expect(try home.output("mentions", "Ri Son Gwon").hasPrefix("Ri Yong Ho: 5 mentions in 2 articles"))

        let list = try home.output("correct", "list")
        #expect(list.contains("1  Kim Jong Un is an organisation  (in 34fe7d"))
        #expect(list.contains("2  Ri Son Gwon is merged into Ri Yong Ho  (in 92bab1"))

        #expect(try home.output("correct", "undo", "1").hasPrefix("took back: Kim Jong Un is an organisation"))
        #expect(try home.output("correct", "undo").hasPrefix("took back: Ri Son Gwon is merged into Ri Yong Ho"))
        #expect(try home.output("correct", "list").hasPrefix("no corrections yet"))
        let undo = try home.run("correct", "undo")
        #expect(undo.status == 1)
        #expect(undo.stderr == "dossier: error: there is no correction to undo\n")
    }

    @Test func aSpeaker_isSetByTheQuotesPlace_asQuotesPrintsIt() throws {
        let home = Home()
        let place = try #require(try home.output("quotes", "trump").split(separator: "\n").dropFirst().first?.split(separator: " ").first)
        let location = String(place.dropLast())  // "ARTICLE:LINE:COLUMN:"
        #expect(try home.output("correct", "speaker", location, "Heather Nauert").contains("was said by Heather Nauert"))
        #expect(try home.output("quotes", "nauert").contains(location))
        #expect(try home.output("correct", "speaker", location, "none").contains("has no speaker"))
        #expect(!(try home.output("quotes", "nauert").contains(location)))
    }

    @Test func mistakes_areSaidInOneLine_andSaveNothing() throws {
        let home = Home()
        let cases: [([String], String)] = [
            (["correct", "kind", "pompeo", "gadget"], "dossier: error: 'gadget' is not a kind (person, place, organisation, or none for not an entity)\n"),
            (["correct", "kind", "nobody-at-all", "person"], "dossier: error: no entity named 'nobody-at-all'\n"),
            (["correct", "merge", "pompeo", "Mike Pompeo"], "dossier: error: Mike Pompeo cannot be merged into itself\n"),
            (["correct", "split", "Mike Pompeo"], "dossier: error: Mike Pompeo is that entity's own name: split off a name it was wrongly given, or set its kind\n"),
            (["correct", "speaker", "000_6fb30d2b1fa199a6:1:1", "none"], "dossier: error: no quotation is at 000_6fb30d2b1fa199a6:1:1 (`dossier quotes NAME` prints where each starts)\n"),
            (["correct", "speaker", "nowhere", "none"], "dossier: error: 'nowhere' is not ARTICLE:LINE:COLUMN, as `dossier quotes` prints a quotation's place\n"),
            (["correct", "undo", "3"], "dossier: error: there is no correction to undo\n"),
        ]
        for (arguments, message) in cases {
            let run = try CommandLineTests.run(arguments: arguments, configHome: home.config)
            #expect(run.status == 1, "\(arguments)")
            #expect(run.stderr == message, "\(arguments)")
        }
        #expect(!FileManager.default.fileExists(atPath: home.file.path))
    }

    @Test func aBadEntryInTheFile_isAWarningWithItsLine_andTheRestApply() throws {
        let home = Home()
        try FileManager.default.createDirectory(at: home.file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try """
            # the team's corrections
            [[correction]]
            entity = "Kim Jong Un"
            kind = "gadget"

            [[correction]]
            entity = "Donald Trump"
            kind = "none"
            """.write(to: home.file, atomically: true, encoding: .utf8)
        let run = try home.run("entities")
        #expect(run.status == 0)
        #expect(run.stderr.contains("corrections.toml: line 2: 'gadget' is not a kind"))
        let listed = String(decoding: run.stdout, as: UTF8.self)
        #expect(!listed.contains("Donald Trump"))
        #expect(listed.contains("Kim Jong Un"))
    }
}
