/// The handle of an event scheduled with `Simulation.scheduleCancellable`, used to cancel it.
@frozen
public struct EventID: Hashable, Sendable {
    /// The event's scheduling sequence number, unique within its simulation.
    public let sequence: UInt64

    @inlinable
    init(sequence: UInt64) {
        self.sequence = sequence
    }
}
