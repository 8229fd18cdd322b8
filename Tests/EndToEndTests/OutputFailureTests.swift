import DossierTestSupport
import Foundation
import Testing

/// What the command line does when its output cannot be written, and what its JSON lets through.
struct OutputFailureTests {
    /// Runs `script` in bash with `$DOSSIER` naming the binary, for redirections a `Process` cannot make.
    static func shell(_ script: String) throws -> CommandLineTests.Run {
        try CommandLineTests.launch(URL(fileURLWithPath: "/bin/bash"), arguments: ["-c", script], environment: [
            "XDG_CACHE_HOME": CommandLineTests.cacheHome.path, "DOSSIER": CommandLineTests.executable.path,
        ])
    }

    @Test(arguments: ["list", "list --json", "search pompeo", "search pompeo --json", "show 34fe --json", "export"])
    func output_thatCannotBeWritten_isOneErrorLine_andStatus1(command: String) throws {
        let closed = try Self.shell("\"$DOSSIER\" \(command) >&-")
        #expect(closed.status == 1)
        #expect(closed.stderr == "dossier: error: cannot write output: Bad file descriptor\n")
        let full = try Self.shell("\"$DOSSIER\" \(command) > /dev/full")
        #expect(full.status == 1)
        #expect(full.stderr == "dossier: error: cannot write output: No space left on device\n")
    }

    @Test(arguments: ["list", "export"])
    func output_intoAPipeNobodyReads_withSIGPIPEIgnored_endsQuietly(command: String) throws {
        // The pipe's reading end is closed before the command starts, so every write fails with EPIPE.
        let script = """
            import os, signal, subprocess, sys
            reading, writing = os.pipe()
            os.close(reading)
            signal.signal(signal.SIGPIPE, signal.SIG_IGN)
            run = subprocess.run([os.environ["DOSSIER"]] + sys.argv[1:], stdout=writing, stderr=subprocess.PIPE, restore_signals=False)
            sys.stderr.write(run.stderr.decode())
            sys.exit(run.returncode)
            """
        let run = try Self.shell("python3 -c '\(script)' \(command)")
        #expect(run.status == 141)
        #expect(run.stderr.isEmpty)
    }

    @Test func json_escapesC1ControlsAndBidiOverrides() throws {
        let folder = try ArticleFolder.make([
            "marks.txt": "Marks\n\nMike Pompeo said \u{9B}2J and \u{202E}reversed\u{202C} and \u{2066}isolated\u{2069}\u{85}.\n",
        ])
        for arguments in [["show", "marks", "--json"], ["list", "--json"], ["search", "reversed", "--json"], ["export"]] {
            let run = try CommandLineTests.run(arguments: arguments + [folder.path])
            #expect(run.status == 0)
            let bytes = [UInt8](run.stdout)
            for raw: [UInt8] in [[0xC2, 0x9B], [0xC2, 0x85], [0xE2, 0x80, 0xAE], [0xE2, 0x80, 0xAC], [0xE2, 0x81, 0xA6]] {
                #expect(!bytes.contains(raw), "\(arguments): \(raw)")
            }
            #expect(try JSONSerialization.jsonObject(with: run.stdout) is Any)
        }
        let shown = try #require(try CommandLineTests.run("show", "marks", "--json", folder.path).json() as? [String: Any])
        let text = try #require((shown["paragraphs"] as? [String])?.first)
        #expect(text.contains("\u{9B}2J") && text.contains("\u{202E}reversed"), "the escapes decode to the text as it is")
        #expect(String(decoding: try CommandLineTests.run("show", "marks", "--json", folder.path).stdout, as: UTF8.self)
            .contains("\\u009b2J and \\u202ereversed"))
    }
}

extension [UInt8] {
    func contains(_ run: [UInt8]) -> Bool {
        guard run.count <= count else { return false }
        return (0...(count - run.count)).contains { self[$0..<($0 + run.count)].elementsEqual(run) }
    }
}
