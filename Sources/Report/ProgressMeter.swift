import Foundation
import Synchronization

/// Progress of a long job on standard error: a bar redrawn in place on a terminal (done/total,
/// rate, time left), plain lines now and then otherwise (logs, CI: every tenth of the job or 30
/// seconds, none for a job shorter than two seconds), so neither floods.
public final class ProgressMeter: Sendable {
    private struct State {
        var done = 0
        var lastDrawn = -Double.infinity
        /// The tenth of the job the last plain line showed.
        var lastTenth = 0
        /// What the last line or bar showed as done.
        var shown = -1
        var finished = false
    }

    private let label: String
    private let unit: String
    private let total: Int
    private let terminal: Bool
    private let write: @Sendable (String) -> Void
    private let elapsed: @Sendable () -> Double
    private let state = Mutex(State())

    /// A meter of `total` `unit`s (say "runs") of the job `label`, drawn as a bar when
    /// `terminal`, written through `write` (standard error by default); `elapsed` gives the
    /// seconds since the job started (by default since this call).
    public init(
        label: String, unit: String, total: Int, terminal: Bool = ProgressMeter.standardErrorIsTerminal,
        write: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) },
        elapsed: (@Sendable () -> Double)? = nil
    ) {
        self.label = label
        self.unit = unit
        self.total = total
        self.terminal = terminal
        self.write = write
        let started = ContinuousClock.now
        self.elapsed =
            elapsed ?? {
                let duration = ContinuousClock.now - started
                return Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
            }
    }

    /// Seconds from the start before the first plain line: a short job writes none.
    static let quietSeconds = 2.0

    /// Whether standard error is a terminal.
    public static var standardErrorIsTerminal: Bool { isatty(2) != 0 }

    /// Records that `done` of the total are done (from any thread).
    public func update(done: Int) {
        let elapsed = elapsed()
        let text: String? = state.withLock { state in
            guard !state.finished, done >= state.done else { return nil }
            state.done = done
            let fraction = total > 0 ? Double(done) / Double(total) : 1
            if terminal {
                guard elapsed - state.lastDrawn >= 0.1 || done == total else { return nil }
                state.lastDrawn = elapsed
                state.shown = done
                return "\r" + bar(fraction) + " " + line(done: done, elapsed: elapsed) + "\u{1B}[K"
            }
            let tenth = total > 0 ? done * 10 / total : 10
            guard elapsed >= Self.quietSeconds, tenth > state.lastTenth || elapsed - state.lastDrawn >= 30
            else { return nil }
            state.lastTenth = tenth
            state.lastDrawn = elapsed
            state.shown = done
            return "\(label): " + line(done: done, elapsed: elapsed) + "\n"
        }
        if let text { write(text) }
    }

    /// Ends the meter: the last figures, and a line break after a bar.
    public func finish() {
        let elapsed = elapsed()
        let text: String? = state.withLock { state in
            guard !state.finished else { return nil }
            state.finished = true
            if state.shown == state.done && state.done == total { return terminal ? "\n" : nil }
            // A job done within the quiet time leaves no lines in a log.
            if !terminal && state.shown < 0 && elapsed < Self.quietSeconds { return nil }
            let figures = line(done: state.done, elapsed: elapsed)
            return terminal
                ? "\r" + bar(Double(state.done) / Double(max(total, 1))) + " " + figures + "\u{1B}[K\n"
                : "\(label): " + figures + "\n"
        }
        if let text { write(text) }
    }

    /// `done/total unit  rate/s  ETA m:ss`.
    func line(done: Int, elapsed: Double) -> String {
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        var text = "\(done)/\(total) \(unit)"
        guard rate > 0 else { return text }
        text += String(format: "  %.1f/s", rate)
        if done < total {
            text += "  ETA " + Self.clock(Double(total - done) / rate)
        } else {
            text += "  in " + Self.clock(elapsed)
        }
        return text
    }

    /// A 24-character bar.
    func bar(_ fraction: Double) -> String {
        let width = 24
        let filled = Int((fraction * Double(width)).rounded(.down))
        return "[" + String(repeating: "#", count: min(filled, width))
            + String(repeating: " ", count: max(0, width - filled))
            + "]"
    }

    /// Seconds as `m:ss` (`h:mm:ss` from an hour).
    static func clock(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.up))
        let (hours, minutes, secs) = (whole / 3600, whole / 60 % 60, whole % 60)
        return hours > 0
            ? String(format: "%d:%02d:%02d", hours, minutes, secs) : String(format: "%d:%02d", minutes, secs)
    }
}
