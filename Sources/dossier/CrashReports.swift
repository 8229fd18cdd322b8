import Foundation

/// Keeps the Swift runtime's crash reporter from ever waiting for a key on the user's terminal.
///
/// With a terminal on stdin and stdout the reporter is interactive by default: on a crash, or on
/// SIGQUIT, it writes over the screen and waits 30 s for a key ("Press space to interact…"). It
/// reads its settings (`SWIFT_BACKTRACE`) once, before `main` runs, so the only way to change them
/// from inside is to start again with them set: one `exec`, and only when on a terminal.
enum CrashReports {
    /// One report on stderr, without registers and memory dumps, which the full preset adds when not interactive.
    static let setting = "interactive=no,preset=friendly"

    static func makeNonInteractive() {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { return }
        let current = getenv("SWIFT_BACKTRACE").map { String(cString: $0) } ?? ""
        // A user's own choice stands; so does our own setting after the exec.
        guard !current.contains("interactive=") else { return }
        setenv("SWIFT_BACKTRACE", current.isEmpty ? Self.setting : current + "," + Self.setting, 1)
        execv("/proc/self/exe", CommandLine.unsafeArgv)
        // No /proc: Dossier runs on, and only the reporter's defaults remain.
        unsetenv("SWIFT_BACKTRACE")
        if !current.isEmpty { setenv("SWIFT_BACKTRACE", current, 1) }
    }
}
