import Synchronization

/// A deadline another thread may bring forward while a live capture runs: the active checks end
/// the capture a moment after their last answer when no duration was given.
public final class CaptureStop: Sendable {
    private let at = Atomic<UInt64>(Double.infinity.bitPattern)

    public init() {}

    /// Seconds since the epoch at which reading stops (infinity: not set).
    public var deadline: Double { Double(bitPattern: at.load(ordering: .acquiring)) }

    /// Stops reading at `time` (seconds since the epoch), unless an earlier time was set.
    public func stop(at time: Double) {
        var current = at.load(ordering: .relaxed)
        while time < Double(bitPattern: current) {
            let (exchanged, original) = at.compareExchange(
                expected: current, desired: time.bitPattern, ordering: .acquiringAndReleasing)
            if exchanged { return }
            current = original
        }
    }
}
