/// A UDP header (RFC 768).
public struct UDPHeader: Sendable, Hashable {
    public var sourcePort: UInt16
    public var destinationPort: UInt16
    /// The length field (header included); 0 in IPv6 jumbograms.
    public var length: Int

    /// Whether either port is `port`.
    public func uses(_ port: UInt16) -> Bool { sourcePort == port || destinationPort == port }

    static func decode(_ bytes: RawSpan, at offset: Int) throws(DecodeError) -> UDPHeader {
        try bytes.require(8, at: offset, .udp)
        let length = Int(try bytes.uint16(at: offset + 4, .udp))
        guard length == 0 || length >= 8 else { throw .invalid(.udp, .length) }
        return UDPHeader(
            sourcePort: try bytes.uint16(at: offset, .udp),
            destinationPort: try bytes.uint16(at: offset + 2, .udp), length: length)
    }
}
