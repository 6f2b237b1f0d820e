/// The fields of a TCP header the probe uses (RFC 9293).
public struct TCPHeader: Sendable, Hashable {
    public var sourcePort: UInt16
    public var destinationPort: UInt16
    public var sequence: UInt32
    public var acknowledgment: UInt32
    public var flags: Flags
    /// Payload bytes captured after the header.
    public var payloadLength: Int

    /// TCP control bits. Inlinable constants, not stored ones: every segment tests three of
    /// them, and a stored `static let` read from another module calls its initialiser's guard.
    public struct Flags: OptionSet, Sendable, Hashable {
        public var rawValue: UInt8
        @inlinable public init(rawValue: UInt8) { self.rawValue = rawValue }
        @inlinable public static var fin: Flags { Flags(rawValue: 0x01) }
        @inlinable public static var syn: Flags { Flags(rawValue: 0x02) }
        @inlinable public static var rst: Flags { Flags(rawValue: 0x04) }
        @inlinable public static var psh: Flags { Flags(rawValue: 0x08) }
        @inlinable public static var ack: Flags { Flags(rawValue: 0x10) }
    }

    /// Decodes the header at `offset`, whose segment ends at `end`; returns it and its length.
    static func decode(_ bytes: RawSpan, at offset: Int, end: Int) throws(DecodeError) -> (TCPHeader, Int) {
        try bytes.require(20, at: offset, .tcp)
        // The first 16 bytes as two big-endian words: ports and sequence number, then the
        // acknowledgment number, data offset, flags and window.
        let ports = try bytes.uint64(at: offset, .tcp)
        let control = try bytes.uint64(at: offset + 8, .tcp)
        let dataOffset = Int(control >> 28 & 0xF) * 4
        guard dataOffset >= 20 else { throw .invalid(.tcp, .dataOffset) }
        guard end - offset >= dataOffset else {
            throw .truncated(.tcp, offset: offset, need: dataOffset, have: end - offset)
        }
        let header = TCPHeader(
            sourcePort: UInt16(truncatingIfNeeded: ports >> 48),
            destinationPort: UInt16(truncatingIfNeeded: ports >> 32),
            sequence: UInt32(truncatingIfNeeded: ports),
            acknowledgment: UInt32(truncatingIfNeeded: control >> 32),
            flags: Flags(rawValue: UInt8(truncatingIfNeeded: control >> 16) & 0x3F),
            payloadLength: end - offset - dataOffset)
        return (header, dataOffset)
    }
}
