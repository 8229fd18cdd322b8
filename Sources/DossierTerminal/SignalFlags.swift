import Foundation

/// SIGINT, SIGTERM and SIGHUP only set a flag, so the loop ends through the
/// normal path and restores the terminal; ncurses' own handlers would `_exit`
/// without our cleanup.
public enum SignalFlags {
    nonisolated(unsafe) private static var received: sig_atomic_t = 0

    public static var stopRequested: Bool { received != 0 }

    static func install() {
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            Foundation.signal(signal) { number in SignalFlags.received = sig_atomic_t(number) }
        }
    }

    /// The signal that stopped the reader, for the exit status (128 + number).
    public static var signalNumber: Int32 { Int32(received) }
}

/// On a crash (a trap, a bad access), puts the terminal back before the process dies,
/// using only async-signal-safe calls, then lets the default handler report the crash.
enum CrashGuard {
    nonisolated(unsafe) private static var saved = termios()
    nonisolated(unsafe) private static var hasSaved = false

    static func saveTerminal() {
        hasSaved = tcgetattr(STDIN_FILENO, &saved) == 0
    }

    static func restoreTerminal() {
        if hasSaved { tcsetattr(STDIN_FILENO, TCSANOW, &saved) }
    }

    static func install() {
        for signal in [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE] {
            Foundation.signal(signal) { number in
                if CrashGuard.hasSaved { tcsetattr(STDIN_FILENO, TCSANOW, &CrashGuard.saved) }
                // Leave the alternate screen, show the cursor, reset attributes.
                let reset: StaticString = "\u{1B}[?1049l\u{1B}[?25h\u{1B}[0m\r\n"
                _ = write(STDOUT_FILENO, reset.utf8Start, reset.utf8CodeUnitCount)
                Foundation.signal(number, SIG_DFL)
                raise(number)
            }
        }
    }
}
