extension Dissection {
    /// Which IPv6-in-IPv4 tunnel a protocol-41 packet belongs to, from where the IPv4
    /// endpoints sit in the IPv6 addresses:
    /// - 6to4 (RFC 3056): 2002::/16 followed by the IPv4 address;
    /// - 6rd (RFC 5969): the whole IPv4 address, or its low 24 bits (IPv4MaskLen 8), right
    ///   after an ISP prefix of 8 to 40 bits, within the first 64 bits;
    /// - otherwise a configured 6in4 tunnel.
    /// 6rd cannot be told from 6in4 with certainty without the ISP's 6rd prefix; this heuristic
    /// needs an exact 24- or 32-bit match, which a 6in4 address has by chance about once in 10^5.
    func sixInFourKind(
        _ bytes: RawSpan, at offset: Int, _ source4: IPv4Address, _ destination4: IPv4Address
    ) -> TunnelSet {
        guard let source6 = try? bytes.ipv6Address(at: offset + 8, .ipv6),
            let destination6 = try? bytes.ipv6Address(at: offset + 24, .ipv6)
        else { return .sixInFour }
        for (address6, address4) in [(source6, source4), (destination6, destination4)] {
            if address6.high >> 48 == 0x2002, address6.bits32(at: 16) == address4.rawValue {
                return .sixToFour
            }
        }
        for (address6, address4) in [(source6, source4), (destination6, destination4)]
        where address6.kind == .global || address6.kind == .documentation {
            for prefixLength in 8...40 {
                if prefixLength + 32 <= 64, address6.bits32(at: prefixLength) == address4.rawValue {
                    return .sixRD
                }
                if prefixLength + 24 <= 64,
                    address6.bits32(at: prefixLength) >> 8 == address4.rawValue & 0x00FF_FFFF
                {
                    return .sixRD
                }
            }
        }
        return .sixInFour
    }
}
