/// The fixed part of an ICMPv6 message (RFC 4443): type, code and the 32-bit field after the
/// checksum (the MTU of a Packet Too Big, the pointer of a Parameter Problem, flags of an NA).
public struct ICMPv6Header: Sendable, Hashable {
    public var type: ICMPv6Type
    public var code: UInt8
    /// The four bytes after the checksum, or 0 when fewer were captured.
    public var word: UInt32
    /// The message's offset in the frame and its length (to the end of the IP payload).
    public var offset: Int
    public var length: Int

    /// The MTU a Packet Too Big names.
    public var mtu: UInt32 { word }

    /// For error messages: the destination of the quoted IPv6 packet (which starts 8 bytes
    /// into the message), when captured.
    public func quotedDestination(in frame: RawSpan) -> IPv6Address? {
        guard type.isError, length >= 8 + 40 else { return nil }
        return try? frame.ipv6Address(at: offset + 8 + 24, .icmpv6)
    }

    static func decode(_ bytes: RawSpan, at offset: Int, end: Int) throws(DecodeError) -> ICMPv6Header {
        guard end - offset >= 4 else {
            throw .truncated(.icmpv6, offset: offset, need: 4, have: Swift.max(0, end - offset))
        }
        return ICMPv6Header(
            type: ICMPv6Type(rawValue: try bytes.uint8(at: offset, .icmpv6)),
            code: try bytes.uint8(at: offset + 1, .icmpv6),
            word: end - offset >= 8 ? try bytes.uint32(at: offset + 4, .icmpv6) : 0,
            offset: offset, length: end - offset)
    }
}
