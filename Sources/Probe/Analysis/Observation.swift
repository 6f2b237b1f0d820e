/// Where and when a packet was seen, beside its decode.
public struct Observation: Sendable {
    public var ref: PacketRef
    /// Seconds since the epoch.
    public var time: Double
    /// Bytes on the wire.
    public var wireLength: Int
}
