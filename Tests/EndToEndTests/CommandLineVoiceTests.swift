import Foundation
import Testing

/// One voice for every error: a single `dossier: error:` line, and an exit status of its kind.
struct CommandLineVoiceTests {
    @Test func version_printsTheVersion() throws {
        let run = try CommandLineTests.run("--version")
        #expect(run.status == 0)
        #expect(String(decoding: run.stdout, as: UTF8.self).range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil)
    }

    @Test(arguments: [("serach", "search"), ("lsit", "list"), ("mentons", "mentions"), ("qoutes", "quotes"), ("exprot", "export")])
    func mistypedSubcommand_suggestsTheNearest(typed: String, meant: String) throws {
        let run = try CommandLineTests.run(typed, "korea")
        #expect(run.status == 2)
        #expect(run.stderr == "dossier: error: '\(typed)' is neither a subcommand nor a file or folder; did you mean '\(meant)'? (see dossier --help)\n")
    }

    @Test func anArgumentFarFromEverySubcommand_isReadAsAPath() throws {
        let run = try CommandLineTests.run("list", "zebra-crossing")
        #expect(run.status == 1)
        #expect(run.stderr == "dossier: error: no such file or directory: zebra-crossing\n")
    }

    @Test(arguments: [
        (["search"], "dossier: error: missing expected argument '<query>' (see dossier search --help)\n"),
        (["search", "korea", "--bogus"], "dossier: error: unknown option '--bogus' (see dossier search --help)\n"),
        (["mentions"], "dossier: error: missing expected argument '<entity>' (see dossier mentions --help)\n"),
    ])
    func argumentsTheParserRefuses_areOneErrorLine_withStatus2(arguments: [String], expected: String) throws {
        let run = try CommandLineTests.run(arguments: arguments)
        #expect(run.status == 2)
        #expect(run.stderr == expected)
        #expect(run.stdout.isEmpty)
    }

    @Test func whatCannotBeDone_isStatus1_andHelpIsStatus0() throws {
        #expect(try CommandLineTests.run("mentions", "Napoleon").status == 1)
        #expect(try CommandLineTests.run("show", "zebra crossing").status == 1)
        let help = try CommandLineTests.run("--help")
        #expect(help.status == 0 && String(decoding: help.stdout, as: UTF8.self).contains("SUBCOMMANDS"))
        let completion = try CommandLineTests.run("--generate-completion-script", "bash")
        #expect(completion.status == 0 && String(decoding: completion.stdout, as: UTF8.self).contains("_dossier"))
    }
}
