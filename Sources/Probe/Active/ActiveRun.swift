import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The active checks running on a thread of their own while the capture reads packets on the
/// caller's.
final class ActiveRun: Sendable {
    private let finished = Mutex<[ActiveResult]?>(nil)

    /// Starts `probe`; when it is done, `stop` (if given) ends the capture a second later, the
    /// time late answers need to arrive.
    init(_ probe: ActiveProbe, stop: CaptureStop?) {
        Task.detached { [self] in
            let results = probe.run()
            finished.withLock { $0 = results }
            stop?.stop(at: PcapHandle.now + 1)
        }
    }

    /// The results, waiting for the checks to finish if the capture ended first (each check's
    /// waits are bounded).
    func results() -> [ActiveResult] {
        while true {
            if let results = finished.withLock({ $0 }) { return results }
            usleep(10_000)
        }
    }
}
