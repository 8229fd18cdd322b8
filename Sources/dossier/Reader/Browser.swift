import Foundation

/// Opens a web address in the user's browser: `$BROWSER` when set (its first entry, as in
/// "w3m:firefox", with `%s` standing for the address), else `xdg-open`. The address is passed
/// as one argument to a program started directly, never through a shell, so nothing in it
/// can run as a command.
enum Browser {
    /// Runs the browser, waits for it, and says in one line what happened.
    static func open(_ url: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let command = (environment["BROWSER"]?.split(separator: ":").first.map(String.init)) ?? ""
        var words = command.split(separator: " ").map(String.init)
        if words.isEmpty { words = ["xdg-open"] }
        let arguments = words.contains { $0.contains("%s") }
            ? words.map { $0.replacingOccurrences(of: "%s", with: url) }
            : words + [url]
        var pid: pid_t = 0
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let status = posix_spawnp(&pid, arguments[0], nil, nil, argv, environ)
        guard status == 0 else { return "could not start \(arguments[0]): \(String(cString: strerror(status)).lowercased())" }
        var exit: Int32 = 0
        while waitpid(pid, &exit, 0) < 0 && errno == EINTR {}
        let code = (exit >> 8) & 0xFF
        return code == 0 ? "opened \(url)" : "\(arguments[0]) could not open \(url) (exit status \(code))"
    }
}
