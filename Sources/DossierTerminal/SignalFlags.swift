import DossierPlatform
import Foundation

/// Every signal whose default action ends the process, other than a crash, only sets a
/// flag, so the loop ends through the normal path and restores the terminal: ncurses'
/// own handlers would `_exit` without our cleanup, and the default action leaves the
/// terminal in the reader's modes. SIGQUIT (Ctrl-\) is one of them: without a handler
/// of ours the Swift runtime's crash reporter takes it and writes over the screen.
public enum SignalFlags {
    nonisolated(unsafe) private static var received: sig_atomic_t = 0

    public static var stopRequested: Bool { received != 0 }

    /// The signals that end a process by default and are not faults of its own: each asks the reader to quit.
    public static let stopping: [Int32] = {
        var signals = [SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF,
                       SIGXCPU, SIGXFSZ, SIGSYS, SIGPIPE, SIGIO, SIGPWR, SIGSTKFLT]
        // Real-time signals end a process by default too; glibc keeps the first few for itself.
        signals += Array(__libc_current_sigrtmin()...__libc_current_sigrtmax())
        return signals
    }()

    /// Installs the flag-setting handler; safe to call more than once.
    public static func install() {
        for signal in stopping {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in SignalFlags.received = sig_atomic_t(number) }
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_RESTART
            sigaction(signal, &action, nil)
        }
    }

    /// The signal that stopped the reader, for the exit status (128 + number).
    public static var signalNumber: Int32 { Int32(received) }
}

/// On a crash (a trap, a bad access), puts the terminal back before the process dies,
/// using only async-signal-safe calls, then hands the crash to the handler that was there
/// before (the command line's `CrashReports`, which prints one line to stderr), or to the default.
enum CrashGuard {
    nonisolated(unsafe) private static var saved = termios()
    nonisolated(unsafe) private static var hasSaved = false
    nonisolated(unsafe) private static var isInstalled = false
    /// The handlers ours replaced, by signal number: made once, before any is installed, and
    /// never resized, so that a handler reads it without allocating.
    nonisolated(unsafe) private static let previous = UnsafeMutablePointer<sigaction>.allocate(capacity: Int(NSIG))

    static func saveTerminal() {
        hasSaved = tcgetattr(STDIN_FILENO, &saved) == 0
    }

    static func restoreTerminal() {
        if hasSaved { tcsetattr(STDIN_FILENO, TCSANOW, &saved) }
    }

    static func install() {
        // A second install would save our own handler as the one to hand over to.
        guard !isInstalled else { return }
        isInstalled = true
        for signal in SignalHandOver.crashSignals {
            SignalHandOver.install({ number, info, context in
                // A page of a mapped index cut short under the reader is mended, and the reader goes on.
                if SignalHandOver.isMended(number, info) { return }
                if CrashGuard.hasSaved { tcsetattr(STDIN_FILENO, TCSANOW, &CrashGuard.saved) }
                // Leave the alternate screen, show the cursor, reset attributes.
                let reset: StaticString = "\u{1B}[?1049l\u{1B}[?25h\u{1B}[0m\r\n"
                _ = write(STDOUT_FILENO, reset.utf8Start, reset.utf8CodeUnitCount)
                // The previous handler (the runtime's reporter) reports the crash, and the process ends.
                SignalHandOver.handOver(number, info, context, to: CrashGuard.previous + Int(number), endingTheProcess: true)
            }, for: signal, keepingPreviousIn: previous + Int(signal))
        }
    }
}
