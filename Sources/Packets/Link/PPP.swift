/// PPP protocol numbers the probe follows (IANA "PPP DLL Protocol Numbers").
public enum PPPProtocol {
    public static let ipv4: UInt16 = 0x0021
    public static let ipv6: UInt16 = 0x0057
    public static let mplsUnicast: UInt16 = 0x0281
    /// IPv6 Control Protocol (RFC 5072): how PPP links negotiate IPv6.
    public static let ipv6cp: UInt16 = 0x8057
    public static let lcp: UInt16 = 0xC021
}

extension Dissection {
    /// A PPPoE session frame (RFC 2516): version/type, code 0, session id, length, PPP protocol.
    mutating func pppoe(_ bytes: RawSpan, at offset: Int, end: Int) throws(DecodeError) {
        try bytes.require(6, at: offset, .pppoe)
        packet.isPPPoE = true
        guard try bytes.uint8(at: offset, .pppoe) == 0x11 else { throw .invalid(.pppoe, .version) }
        let length = Int(try bytes.uint16(at: offset + 4, .pppoe))
        let payloadEnd = Swift.min(end, offset + 6 + length)
        try ppp(bytes, at: offset + 6, end: payloadEnd)
    }

    /// A PPP frame, with or without the HDLC address and control bytes (0xFF 0x03) and with a
    /// one- or two-byte protocol field (RFC 1661 protocol-field compression).
    mutating func ppp(_ bytes: RawSpan, at start: Int, end: Int) throws(DecodeError) {
        var offset = start
        if end - offset >= 2, try bytes.uint16(at: offset, .ppp) == 0xFF03 { offset += 2 }
        let first = try bytes.uint8(at: offset, .ppp)
        let proto: UInt16
        if first & 1 == 1 {
            proto = UInt16(first)
            offset += 1
        } else {
            proto = try bytes.uint16(at: offset, .ppp)
            offset += 2
        }
        packet.pppProtocol = proto
        switch proto {
        case PPPProtocol.ipv4: try ipv4(bytes, at: offset, end: end)
        case PPPProtocol.ipv6: try ipv6(bytes, at: offset, end: end)
        case PPPProtocol.mplsUnicast: try mpls(bytes, at: offset, end: end)
        default: break
        }
    }

    /// An MPLS label stack (RFC 3032); the payload after the bottom label is told apart by its
    /// first nibble (IPv4, IPv6, or a pseudowire control word before Ethernet).
    mutating func mpls(_ bytes: RawSpan, at start: Int, end: Int) throws(DecodeError) {
        packet.tunnels.insert(.mpls)
        var offset = start
        while true {
            try enter(.mpls)
            let entry = try bytes.uint32(at: offset, .mpls)
            offset += 4
            if entry & 0x100 != 0 { break }
        }
        guard offset < end else { return }
        switch try bytes.uint8(at: offset, .mpls) >> 4 {
        case 4: try ipv4(bytes, at: offset, end: end)
        case 6: try ipv6(bytes, at: offset, end: end)
        case 0: try ethernet(bytes, at: offset + 4, end: end)
        default: break
        }
    }
}
