extension Dissection {
    /// Which IPv6-in-IPv4 tunnel a protocol-41 packet belongs to, from where the IPv4
    /// endpoints sit in the IPv6 addresses:
    /// - 6to4 (RFC 3056): 2002::/16 followed by the IPv4 address;
    /// - 6rd (RFC 5969): the whole IPv4 address, or its low 24 bits (IPv4MaskLen 8), right
    ///   after an ISP prefix of 8 to 40 bits, within the first 64 bits;
    /// - otherwise a configured 6in4 tunnel.
    /// Given the operator's 6rd domain (`sixRD`), 6rd is exactly the addresses it embeds. Without
    /// it, 6rd cannot be told from 6in4 with certainty, and a heuristic decides: an exact 32-bit
    /// match, or a 24-bit one with two non-zero octets (a 6in4 address full of zero groups would
    /// match "0.0.1" by chance).
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
        if let sixRD {
            return sixRD.embeds(source4, in: source6) || sixRD.embeds(destination4, in: destination6)
                ? .sixRD : .sixInFour
        }
        for (address6, address4) in [(source6, source4), (destination6, destination4)]
        where address6.kind == .global || address6.kind == .documentation {
            // The 24-bit form needs two non-zero octets: real IPv6 addresses are full of zero
            // groups, and "0.0.1" would match them everywhere.
            let low24 = address4.rawValue & 0x00FF_FFFF
            let nonZeroOctets =
                (low24 >> 16 != 0 ? 1 : 0) + (low24 >> 8 & 0xFF != 0 ? 1 : 0) + (low24 & 0xFF != 0 ? 1 : 0)
            for prefixLength in 8...40 {
                if prefixLength + 32 <= 64, address6.bits32(at: prefixLength) == address4.rawValue {
                    return .sixRD
                }
                if nonZeroOctets >= 2, prefixLength + 24 <= 64,
                    address6.bits32(at: prefixLength) >> 8 == low24
                {
                    return .sixRD
                }
            }
        }
        return .sixInFour
    }
}
