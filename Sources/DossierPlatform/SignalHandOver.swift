import Foundation

/// Signal handlers that deal with some signals and pass the rest on to the handler that was there
/// before them (the Swift runtime's crash reporter, another guard, or the default). Everything here
/// runs inside a signal handler, so it makes only async-signal-safe calls and never allocates.
package enum SignalHandOver {
    /// The signals a crash raises (a bad access, a failed check, an abort, an arithmetic fault), which the
    /// crash handlers of ours catch.
    package static let crashSignals = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE]

    /// A handler as `sigaction` takes it with `SA_SIGINFO`.
    package typealias Handler = @convention(c) (Int32, UnsafeMutablePointer<siginfo_t>?, UnsafeMutableRawPointer?) -> Void
    /// Mends a fault when it is one it knows (a page of a mapped file cut short under it), and says whether it did.
    package typealias Mender = @convention(c) (Int32, UnsafeMutablePointer<siginfo_t>?) -> Bool

    /// Set once, before the handler that uses it is installed, and only read after: every handler of
    /// ours asks it first, so that a fault it mends never reaches a handler that would end the
    /// process (or restore the terminal) for it, whichever handler was installed last.
    nonisolated(unsafe) private static var mender: Mender?

    package static func setMender(_ mend: @escaping Mender) {
        mender = mend
    }

    /// True when the mender mended this fault: the handler then returns, and the program goes on.
    package static func isMended(_ number: Int32, _ info: UnsafeMutablePointer<siginfo_t>?) -> Bool {
        mender?(number, info) ?? false
    }

    /// Installs `handler` for `signal`, on the alternate stack the runtime sets up (so that a stack
    /// overflow is caught too), and keeps the handler it replaces in `previous`.
    package static func install(_ handler: Handler, for signal: Int32, keepingPreviousIn previous: UnsafeMutablePointer<sigaction>) {
        var action = sigaction()
        action.__sigaction_handler.sa_sigaction = handler
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_SIGINFO | SA_ONSTACK
        sigaction(signal, &action, previous)
    }

    /// Passes a signal on to `previous`, from inside the handler that replaced it. A fault the processor
    /// raised happens again when the handler returns, so `previous` is put back to meet it with the
    /// faulting context. A signal a process sent is given to `previous` now; then, when
    /// `endingTheProcess` or when `previous` is the default, the default action ends the process (the
    /// signal is blocked until the handler returns, and a reporter may return and carry on).
    package static func handOver(_ number: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?,
                                 to previous: UnsafeMutablePointer<sigaction>, endingTheProcess: Bool) {
        if (info?.pointee.si_code ?? 0) > 0 {
            sigaction(number, previous, nil)
            return
        }
        var handled = false
        if previous.pointee.sa_flags & SA_SIGINFO != 0, let handler = previous.pointee.__sigaction_handler.sa_sigaction {
            handler(number, info, context)
            handled = true
        } else if let handler = previous.pointee.__sigaction_handler.sa_handler,
                  unsafeBitCast(handler, to: Int.self) > 1 {  // neither SIG_DFL (0) nor SIG_IGN (1)
            handler(number)
            handled = true
        }
        if endingTheProcess || !handled {
            Foundation.signal(number, SIG_DFL)
            raise(number)
        }
    }
}
