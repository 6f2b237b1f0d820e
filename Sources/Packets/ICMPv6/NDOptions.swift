/// Neighbor Discovery options (RFC 4861 §4.6): type, length in units of 8 bytes, data.
public enum NDOptions {
    public static let sourceLinkLayerAddress: UInt8 = 1
    public static let targetLinkLayerAddress: UInt8 = 2
    public static let prefixInformation: UInt8 = 3
    public static let redirectedHeader: UInt8 = 4
    public static let mtu: UInt8 = 5
    public static let routeInformation: UInt8 = 24
    public static let recursiveDNSServer: UInt8 = 25
    public static let dnsSearchList: UInt8 = 31
    public static let pref64: UInt8 = 38

    /// Calls `body` with each option's type, offset and length in bytes (header included).
    /// A zero length is invalid (RFC 4861 says to discard the packet); an option running past
    /// the message is truncated.
    public static func forEach(
        _ message: RawSpan, from start: Int, _ body: (UInt8, Int, Int) throws(DecodeError) -> Void
    ) throws(DecodeError) {
        var offset = start
        var count = 0
        while offset < message.byteCount {
            count += 1
            guard count <= Limits.options else { throw .limitExceeded(.ndOption, .options) }
            let type = try message.uint8(at: offset, .ndOption)
            let length = Int(try message.uint8(at: offset + 1, .ndOption)) * 8
            guard length > 0 else { throw .invalid(.ndOption, .optionLength) }
            try message.require(length, at: offset, .ndOption)
            try body(type, offset, length)
            offset += length
        }
    }
}
