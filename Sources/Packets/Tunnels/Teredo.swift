extension Dissection {
    /// Teredo (RFC 4380): optional authentication and origin indication headers, then an IPv6
    /// packet. On port 3544 a payload that is not IPv6 is left as plain UDP; on other ports
    /// (Teredo relays and clients use any port) the payload must be an IPv6 packet whose payload
    /// length accounts for exactly the UDP payload (as the UDP length gives it, `declaredEnd`),
    /// as tshark's Teredo heuristic requires.
    mutating func teredo(
        _ bytes: RawSpan, at start: Int, end: Int, declaredEnd: Int, onTeredoPort: Bool
    ) throws(DecodeError) {
        var offset = start
        guard end - offset >= 40 else { return }
        if try bytes.uint16(at: offset, .teredo) == 0x0001 {
            let idLength = Int(try bytes.uint8(at: offset + 2, .teredo))
            let authLength = Int(try bytes.uint8(at: offset + 3, .teredo))
            offset += 4 + idLength + authLength + 9
        }
        if end - offset >= 8, try bytes.uint16(at: offset, .teredo) == 0x0000 { offset += 8 }
        guard end - offset >= 40, try bytes.uint8(at: offset, .teredo) >> 4 == 6 else { return }
        let payloadLength = Int(try bytes.uint16(at: offset + 4, .teredo))
        guard onTeredoPort || offset + 40 + payloadLength == declaredEnd else { return }
        packet.tunnels.insert(.teredo)
        try ipv6(bytes, at: offset, end: end)
    }
}
