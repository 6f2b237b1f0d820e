/// IPv4 addresses embedded in IPv6 by a NAT64 prefix (RFC 6052 §2.2): the prefix is 32, 40,
/// 48, 56, 64 or 96 bits long; the IPv4 address follows it, skipping bits 64-71 (the "u"
/// octet, always zero); the bits after it are zero.
public enum NAT64Address {
    /// The prefix lengths RFC 6052 allows, shortest first (32, 40, 48, 56, 64, 96).
    public static let prefixLengths = (0...128).filter { Layout(prefixLength: $0) != nil }

    /// The well-known prefix 64:ff9b::/96 (RFC 6052 §2.1).
    public static let wellKnownPrefix = IPv6Prefix(
        IPv6Address(high: 0x0064_FF9B_0000_0000, low: 0), length: 96)

    /// The addresses DNS64 answers `ipv4only.arpa` with (RFC 7050 §2.2): a host finds its NAT64
    /// prefix by looking for them in the synthesised AAAA records.
    public static let ipv4onlyArpa = [IPv4Address(192, 0, 0, 170), IPv4Address(192, 0, 0, 171)]

    /// The IPv6 address that `ipv4` becomes under `prefix`; nil unless the prefix's length is
    /// one RFC 6052 allows.
    public static func synthesise(_ ipv4: IPv4Address, under prefix: IPv6Prefix) -> IPv6Address? {
        guard let layout = Layout(prefixLength: prefix.length) else { return nil }
        let value = UInt64(ipv4.rawValue)
        let high = prefix.address.high & ~layout.highMask | (value >> layout.lowBits) & layout.highMask
        let low =
            layout.length == 96
            ? prefix.address.low & 0xFFFF_FFFF_0000_0000 | value
            : (value & (1 << layout.lowBits &- 1)) << layout.lowShift
        return IPv6Address(high: high, low: low)
    }

    /// The IPv4 address `address` embeds under a prefix `prefixLength` bits long; nil when the
    /// length is not one RFC 6052 allows or the u octet or the suffix is not zero. Computed from
    /// the address's two words, without allocating: it runs for every packet to a NAT64 prefix.
    public static func embedded(in address: IPv6Address, prefixLength: Int) -> IPv4Address? {
        guard let layout = Layout(prefixLength: prefixLength) else { return nil }
        return embedded(in: address, layout)
    }

    private static func embedded(in address: IPv6Address, _ layout: Layout) -> IPv4Address? {
        guard address.low >> 56 == 0 else { return nil }
        if layout.length == 96 { return IPv4Address(rawValue: UInt32(truncatingIfNeeded: address.low)) }
        // Bits after the IPv4 address (the suffix) are zero.
        guard address.low & (1 << layout.lowShift &- 1) == 0 else { return nil }
        let fromHigh = address.high & layout.highMask
        let fromLow = address.low >> layout.lowShift & (1 << layout.lowBits &- 1)
        return IPv4Address(rawValue: UInt32(truncatingIfNeeded: fromHigh << layout.lowBits | fromLow))
    }

    /// The longest prefix under which `address` embeds `ipv4` (a /96 is the common deployment):
    /// how a NAT64 prefix is found from an AAAA answer and the A answer it was synthesised from
    /// (RFC 7050 §3). It runs for every pair of A and AAAA answers of a name.
    public static func longestPrefix(embedding ipv4: IPv4Address, in address: IPv6Address) -> IPv6Prefix? {
        // Bits 64-71 are zero under every prefix length: most addresses fail here.
        guard address.low >> 56 == 0 else { return nil }
        for layout in layoutsLongestFirst where embedded(in: address, layout) == ipv4 {
            return IPv6Prefix(address, length: layout.length)
        }
        return nil
    }

    private static let layoutsLongestFirst = prefixLengths.reversed().compactMap(Layout.init)

    /// Where the IPv4 address lies for one prefix length: its first bits at the end of the high
    /// word, the rest in the low word after the u octet (bits 64-71), or, for a /96, the last
    /// 32 bits.
    private struct Layout {
        var length: Int
        /// The IPv4 bits at the end of the high word.
        var highMask: UInt64
        /// How many IPv4 bits are in the low word, and how far from its end they stop.
        var lowBits: UInt64
        var lowShift: UInt64

        /// The one place the allowed lengths are written.
        init?(prefixLength: Int) {
            switch prefixLength {
            case 32, 40, 48, 56, 64, 96: length = prefixLength
            default: return nil
            }
            let inHigh = prefixLength >= 64 ? 0 : UInt64(64 - prefixLength)
            highMask = inHigh == 0 ? 0 : (1 << inHigh) &- 1
            lowBits = prefixLength == 96 ? 32 : 32 - inHigh
            lowShift = prefixLength == 96 ? 0 : 56 - lowBits
        }
    }
}
