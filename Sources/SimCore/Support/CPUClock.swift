#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The process's CPU time (user + system), the benchmarks' measure: unlike wall time, neither
/// the disk nor a busy second core enters it.
public enum CPUClock {
    /// CPU seconds used by the process so far.
    public static func seconds() -> Double {
        var usage = rusage()
        #if canImport(Glibc)
            getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
            getrusage(RUSAGE_SELF, &usage)
        #endif
        func value(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) * 1e-6 }
        return value(usage.ru_utime) + value(usage.ru_stime)
    }

    /// The fewest CPU seconds `body` took over `repeats` runs (at least a microsecond, the
    /// clock's resolution, so rates stay finite), and its last result.
    public static func best<T>(of repeats: Int, _ body: () throws -> T) rethrows -> (
        seconds: Double, result: T
    ) {
        precondition(repeats > 0, "at least one run")
        var best = Double.infinity
        var last: T?
        for _ in 0..<repeats {
            let start = seconds()
            last = try body()
            best = Swift.min(best, seconds() - start)
        }
        return (Swift.max(best, 1e-6), last!)
    }
}
