/// IPv4 addresses embedded in IPv6 by a NAT64 prefix (RFC 6052 §2.2): the prefix is 32, 40,
/// 48, 56, 64 or 96 bits long; the IPv4 address follows it, skipping bits 64-71 (the "u"
/// octet, always zero); the bits after it are zero.
public enum NAT64Address {
    /// The prefix lengths RFC 6052 allows, shortest first.
    public static let prefixLengths = [32, 40, 48, 56, 64, 96]

    /// The well-known prefix 64:ff9b::/96 (RFC 6052 §2.1).
    public static let wellKnownPrefix = IPv6Prefix(
        IPv6Address(high: 0x0064_FF9B_0000_0000, low: 0), length: 96)

    /// The addresses DNS64 answers `ipv4only.arpa` with (RFC 7050 §2.2): a host finds its NAT64
    /// prefix by looking for them in the synthesised AAAA records.
    public static let ipv4onlyArpa = [IPv4Address(192, 0, 0, 170), IPv4Address(192, 0, 0, 171)]

    /// The IPv6 address that `ipv4` becomes under `prefix`; nil unless the prefix's length is
    /// one RFC 6052 allows.
    public static func synthesise(_ ipv4: IPv4Address, under prefix: IPv6Prefix) -> IPv6Address? {
        guard let positions = bytePositions(prefixLength: prefix.length) else { return nil }
        var bytes = bytes(of: prefix.address)
        for (index, position) in positions.enumerated() {
            bytes[position] = UInt8(truncatingIfNeeded: ipv4.rawValue >> (24 - 8 * index))
        }
        return address(of: bytes)
    }

    /// The IPv4 address `address` embeds under a prefix `prefixLength` bits long; nil when the
    /// length is not one RFC 6052 allows or the u octet or the suffix is not zero.
    public static func embedded(in address: IPv6Address, prefixLength: Int) -> IPv4Address? {
        guard let positions = bytePositions(prefixLength: prefixLength) else { return nil }
        let bytes = bytes(of: address)
        // The u octet and every byte after the IPv4 address are zero.
        let last = positions[3]
        guard bytes[8] == 0, bytes[(last + 1)...].allSatisfy({ $0 == 0 }) else {
            return nil
        }
        return IPv4Address(rawValue: positions.reduce(0) { $0 << 8 | UInt32(bytes[$1]) })
    }

    /// The prefixes under which `address` embeds `ipv4`, shortest first: how a NAT64 prefix is
    /// found from an AAAA answer and the A answer it was synthesised from (RFC 7050 §3).
    public static func prefixes(embedding ipv4: IPv4Address, in address: IPv6Address) -> [IPv6Prefix] {
        prefixLengths.filter { embedded(in: address, prefixLength: $0) == ipv4 }.map {
            IPv6Prefix(address, length: $0)
        }
    }

    /// Where the four IPv4 bytes go for a prefix of this length, skipping byte 8 (the u octet).
    private static func bytePositions(prefixLength: Int) -> [Int]? {
        guard prefixLengths.contains(prefixLength) else { return nil }
        let first = prefixLength / 8
        return (first..<16).filter { $0 != 8 }.prefix(4).map { $0 }
    }

    private static func bytes(of address: IPv6Address) -> [UInt8] {
        (0..<16).map { index in
            let word = index < 8 ? address.high : address.low
            return UInt8(truncatingIfNeeded: word >> (56 - 8 * (index % 8)))
        }
    }

    private static func address(of bytes: [UInt8]) -> IPv6Address {
        let high = bytes[0..<8].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        let low = bytes[8..<16].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return IPv6Address(high: high, low: low)
    }
}
