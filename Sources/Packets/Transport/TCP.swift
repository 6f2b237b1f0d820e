/// The fields of a TCP header the probe uses (RFC 9293).
public struct TCPHeader: Sendable, Hashable {
    public var sourcePort: UInt16
    public var destinationPort: UInt16
    public var sequence: UInt32
    public var acknowledgment: UInt32
    public var flags: Flags
    /// Payload bytes captured after the header.
    public var payloadLength: Int

    /// TCP control bits.
    public struct Flags: OptionSet, Sendable, Hashable {
        public var rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let fin = Flags(rawValue: 0x01)
        public static let syn = Flags(rawValue: 0x02)
        public static let rst = Flags(rawValue: 0x04)
        public static let psh = Flags(rawValue: 0x08)
        public static let ack = Flags(rawValue: 0x10)
    }

    /// Decodes the header at `offset`, whose segment ends at `end`; returns it and its length.
    static func decode(_ bytes: RawSpan, at offset: Int, end: Int) throws(DecodeError) -> (TCPHeader, Int) {
        try bytes.require(20, at: offset, .tcp)
        let dataOffset = Int(try bytes.uint8(at: offset + 12, .tcp) >> 4) * 4
        guard dataOffset >= 20 else { throw .invalid(.tcp, .dataOffset) }
        guard end - offset >= dataOffset else {
            throw .truncated(.tcp, offset: offset, need: dataOffset, have: end - offset)
        }
        let header = TCPHeader(
            sourcePort: try bytes.uint16(at: offset, .tcp),
            destinationPort: try bytes.uint16(at: offset + 2, .tcp),
            sequence: try bytes.uint32(at: offset + 4, .tcp),
            acknowledgment: try bytes.uint32(at: offset + 8, .tcp),
            flags: Flags(rawValue: try bytes.uint8(at: offset + 13, .tcp) & 0x3F),
            payloadLength: end - offset - dataOffset)
        return (header, dataOffset)
    }
}
