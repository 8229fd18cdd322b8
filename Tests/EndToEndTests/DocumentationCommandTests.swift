import DossierTestSupport
import Foundation
import Testing

/// Every command README.md and docs/ show prints what they show.
struct DocumentationCommandTests {
    @Test func theDocumentsShowCommands() throws {
        #expect(try DocumentationExamples.commands().count >= 4)
    }

    @Test(arguments: try DocumentationExamples.commands())
    func command_printsWhatTheDocumentShows(example: DocumentationExamples.Command) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", example.command]
        process.currentDirectoryURL = DocumentationExamples.repository
        let products = CommandLineTests.executable.deletingLastPathComponent().path
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = products + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment["XDG_CACHE_HOME"] = CommandLineTests.cacheHome.path
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stdout = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        var lines = stdout.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        #expect(DocumentationExamples.matches(shown: example.output, actual: lines),
                "\(example) printed:\n\(lines.prefix(40).joined(separator: "\n"))")
    }
}
