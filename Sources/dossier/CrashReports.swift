import DossierPlatform
import Foundation

/// What a crash leaves behind: one line on stderr and a process ended by its signal, never a reporter
/// that waits for a key on the user's terminal or holds the output a script reads.
///
/// The Swift runtime's reporter runs as a process of its own that inherits every descriptor. With a
/// terminal it writes over the screen and waits 30 s for a key; with a pipe on standard output it
/// writes its report there (its default) and, where the report outgrows the pipe or the crashed process
/// is gone first, it waits for ever: `dossier search … | head -1` never returned. So by default a crash
/// goes straight to the default action after its line. Who wants the report sets `SWIFT_BACKTRACE`
/// (`enable=yes`): then the reporter runs, never interactive, with standard error as its output.
enum CrashReports {
    /// One report on stderr, without registers and memory dumps, which the full preset adds when not interactive.
    static let setting = "interactive=no,preset=friendly"

    /// Whether the user asked for the runtime's reporter: `SWIFT_BACKTRACE` is set. Read once, before any handler is installed.
    nonisolated(unsafe) private static var reportsWanted = false
    /// The handlers ours replaced, by signal number: made once, before any is installed, so that a
    /// handler reads it without allocating.
    nonisolated(unsafe) private static let previous = UnsafeMutablePointer<sigaction>.allocate(capacity: Int(NSIG))
    /// The default action, handed a crash when no report is wanted.
    nonisolated(unsafe) private static let defaultAction = UnsafeMutablePointer<sigaction>.allocate(capacity: 1)

    /// Installs the crash handlers; call first thing in `main`, before anything is mapped or drawn, so
    /// that the guards installed later (the mapped index's, the reader's terminal) hand crashes on to them.
    static func install() {
        reportsWanted = !(getenv("SWIFT_BACKTRACE").map { String(cString: $0) } ?? "").isEmpty
        if reportsWanted { makeNonInteractive() }
        defaultAction.initialize(to: sigaction())
        for signal in SignalHandOver.crashSignals {
            SignalHandOver.install({ number, info, context in
                if SignalHandOver.isMended(number, info) { return }
                let line = CrashReports.line(for: number)
                _ = write(STDERR_FILENO, line.utf8Start, line.utf8CodeUnitCount)
                guard CrashReports.reportsWanted else {
                    SignalHandOver.handOver(number, info, context, to: CrashReports.defaultAction, endingTheProcess: true)
                    return
                }
                // The report belongs on stderr, and the output a script reads closes when the process ends.
                dup2(STDERR_FILENO, STDOUT_FILENO)
                SignalHandOver.handOver(number, info, context, to: CrashReports.previous + Int(number), endingTheProcess: true)
            }, for: signal, keepingPreviousIn: previous + Int(signal))
        }
    }

    /// The line a crash prints; static text, since it is written from inside a signal handler.
    private static func line(for signal: Int32) -> StaticString {
        switch signal {
        case SIGSEGV: "dossier: error: Dossier crashed (a bad memory access); please report it. SWIFT_BACKTRACE=enable=yes shows where.\n"
        case SIGBUS: "dossier: error: Dossier crashed (a bus error); please report it. SWIFT_BACKTRACE=enable=yes shows where.\n"
        case SIGILL, SIGTRAP: "dossier: error: Dossier crashed (a failed check); please report it. SWIFT_BACKTRACE=enable=yes shows where.\n"
        case SIGABRT: "dossier: error: Dossier crashed (it aborted); please report it. SWIFT_BACKTRACE=enable=yes shows where.\n"
        default: "dossier: error: Dossier crashed (an arithmetic fault); please report it. SWIFT_BACKTRACE=enable=yes shows where.\n"
        }
    }

    /// The reporter reads its settings once, before `main` runs, so the only way to make it
    /// non-interactive from inside is to start again with them set: one `exec`, and only when on a terminal.
    private static func makeNonInteractive() {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { return }
        let current = getenv("SWIFT_BACKTRACE").map { String(cString: $0) } ?? ""
        // A user's own choice stands; so does our own setting after the exec.
        guard !current.contains("interactive=") else { return }
        setenv("SWIFT_BACKTRACE", current + "," + Self.setting, 1)
        execv("/proc/self/exe", CommandLine.unsafeArgv)
        // No /proc: Dossier runs on, and only the reporter's defaults remain.
        setenv("SWIFT_BACKTRACE", current, 1)
    }
}
