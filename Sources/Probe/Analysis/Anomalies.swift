import Packets

/// Malformed packets by kind of error, each with its count and first packet (like Zeek's
/// "weird" log). Frames cut short by the capture's snap length are counted apart: they are
/// not malformed.
public struct Anomalies: Sendable {
    public struct Entry: Sendable, Hashable {
        public var name: String
        public var count: Int
        public var first: PacketRef
    }

    private var entries: [DecodeError: (count: Int, first: PacketRef)] = [:]
    /// Packets with at least one decode error.
    public private(set) var malformedPackets = 0
    /// Frames whose decode ran out of captured bytes because of the snap length.
    public private(set) var snapTruncated = 0
    private var lastMalformed: PacketRef?
    private var lastSnapTruncated: PacketRef?

    /// Counts `error` met in the packet at `ref`.
    mutating func record(_ error: DecodeError, at ref: PacketRef) {
        let key: DecodeError
        switch error {
        case .truncated(let layer, _, _, _): key = .truncated(layer, offset: 0, need: 0, have: 0)
        default: key = error
        }
        if let existing = entries[key] {
            entries[key] = (existing.count + 1, existing.first)
        } else {
            entries[key] = (1, ref)
        }
        if lastMalformed != ref {
            malformedPackets += 1
            lastMalformed = ref
        }
    }

    /// Counts an application message's decode error, except running out of bytes in a first
    /// fragment: the message continues in fragments that follow, and is not malformed.
    mutating func record(_ error: DecodeError, in packet: borrowing DecodedPacket, _ observation: Observation)
    {
        record(
            error, capturedLength: packet.capturedLength,
            moreFragments: packet.fragment?.moreFragments == true,
            observation)
    }

    /// `record(_:in:_:)` for a frame of `capturedLength` bytes, holding a fragment that more follow or not.
    mutating func record(
        _ error: DecodeError, capturedLength: Int, moreFragments: Bool, _ observation: Observation
    ) {
        if case .truncated = error {
            if moreFragments { return }
            if capturedLength < observation.wireLength {
                recordSnapTruncation(at: observation.ref)
                return
            }
        }
        record(error, at: observation.ref)
    }

    /// Counts a frame cut by the snap length (once per frame).
    mutating func recordSnapTruncation(at ref: PacketRef) {
        guard lastSnapTruncated != ref else { return }
        snapTruncated += 1
        lastSnapTruncated = ref
    }

    /// Kinds of error, most frequent first.
    public var sorted: [Entry] {
        entries.map { Entry(name: $0.key.name, count: $0.value.count, first: $0.value.first) }
            .sorted { ($1.count, $0.first) < ($0.count, $1.first) }
    }
}
