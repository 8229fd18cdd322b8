import DossierPlatform
import DossierText
import Foundation

/// Where the command line writes: text for people goes through the display sanitizer, JSON has
/// every control character escaped, and a failed write is reported, never lost or fatal.
///
/// Standard output is written with `write(2)` from a buffer of our own, so that each failure is
/// seen: a full disk or a closed descriptor prints one error line and exits 1; a reader that went
/// away (EPIPE, with SIGPIPE ignored) ends the command quietly with status 141, as SIGPIPE would.
enum Output {
    static func line(_ text: String) {
        standardOutput.append(DisplaySanitizer.sanitized(text))
        standardOutput.append("\n")
    }

    static func json(_ value: some Encodable) throws {
        var writer = jsonWriter()
        try writer.value(value)
        standardOutput.append("\n")
    }

    /// A writer of JSON to standard output, for output written a piece at a time.
    static func jsonWriter() -> JSONWriter {
        JSONWriter { standardOutput.append($0) }
    }

    /// Ends JSON written with `jsonWriter()`.
    static func endJSON() {
        standardOutput.append("\n")
    }

    static func warning(_ message: String) {
        standardError("dossier: warning: \(DisplaySanitizer.sanitized(message))\n")
    }

    static func error(_ message: String) {
        standardError("dossier: error: \(DisplaySanitizer.sanitized(message))\n")
    }

    /// Writes what is still buffered; on failure, says so and exits.
    static func finish() {
        standardOutput.flush()
    }

    /// A descriptor 0, 1 or 2 that the process was started without is opened on /dev/null, so that
    /// no file opened later takes its number and receives the output meant for it. A closed
    /// standard output is remembered, so that the first write still fails as it should.
    static func reserveStandardDescriptors() {
        for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
            let placeholder = open("/dev/null", descriptor == STDIN_FILENO ? O_RDONLY : O_WRONLY)
            if placeholder >= 0, placeholder != descriptor {
                dup2(placeholder, descriptor)
                close(placeholder)
            }
            if descriptor == STDOUT_FILENO { standardOutput.isClosed = true }
        }
    }

    nonisolated(unsafe) private static var standardOutput = BufferedOutput()

    private static func standardError(_ text: String) {
        ProgressBar.current?.erase()
        var bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeMutableBytes { write(STDERR_FILENO, $0.baseAddress! + written, $0.count - written) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return }  // nowhere left to tell
            written += count
        }
        bytes = []
    }
}

/// Standard output through a buffer of our own, flushed when full and at the end.
private struct BufferedOutput {
    private var buffer: [UInt8] = []
    var isClosed = false
    static let capacity = 1 << 16

    mutating func append(_ text: String) {
        append(Array(text.utf8))
    }

    mutating func append(_ bytes: [UInt8]) {
        buffer += bytes
        if buffer.count >= Self.capacity { flush() }
    }

    mutating func flush() {
        defer { buffer.removeAll(keepingCapacity: true) }
        if isClosed && !buffer.isEmpty { fail(EBADF) }
        var written = 0
        while written < buffer.count {
            let count = buffer.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress! + written, $0.count - written) }
            if count < 0 {
                if errno == EINTR { continue }
                fail(errno)
            }
            written += count
        }
    }

    private func fail(_ code: Int32) -> Never {
        if code == EPIPE { exit(128 + SIGPIPE) }
        Output.error("cannot write output: \(String(cString: strerror(code)))")
        exit(1)
    }
}
