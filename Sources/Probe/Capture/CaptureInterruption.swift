import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Stops reading captures at SIGINT or SIGTERM so the report of what was read still prints: a
/// `tcpdump -w - | metro6 probe -` pipe interrupted with Ctrl-C sends SIGINT to both programs.
/// A second signal ends the process as usual.
public enum CaptureInterruption {
    /// The signal received, 0 for none; written by the handler, which may do nothing else.
    static let received = Atomic<Int32>(0)

    /// Installs the handlers: no `SA_RESTART`, so a read blocked on a pipe returns at once. The
    /// signals are unblocked too: a parent may have started the probe with them blocked.
    public static func install() {
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        for number in [SIGINT, SIGTERM] {
            sigaddset(&unblocked, number)
            var action = sigaction()
            #if canImport(Glibc)
                action.__sigaction_handler.sa_handler = { signal in
                    CaptureInterruption.received.store(signal, ordering: .relaxed)
                }
            #else
                action.__sigaction_u.__sa_handler = { signal in
                    CaptureInterruption.received.store(signal, ordering: .relaxed)
                }
            #endif
            action.sa_flags = Int32(truncatingIfNeeded: SA_RESETHAND)
            sigemptyset(&action.sa_mask)
            sigaction(number, &action, nil)
        }
        pthread_sigmask(SIG_UNBLOCK, &unblocked, nil)
    }

    /// Whether a signal has stopped reading: one atomic load, for the per-packet loop.
    static var isInterrupted: Bool { received.load(ordering: .relaxed) != 0 }

    /// The signal that stopped reading ("SIGINT"), or nil.
    public static var signalName: String? {
        switch received.load(ordering: .relaxed) {
        case 0: nil
        case SIGINT: "SIGINT"
        case SIGTERM: "SIGTERM"
        case let other: "signal \(other)"
        }
    }
}
