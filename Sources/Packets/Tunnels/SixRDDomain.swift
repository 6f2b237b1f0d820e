/// A 6rd domain (RFC 5969 §4): the operator's 6rd prefix, and how many high bits of its customers'
/// IPv4 addresses are common to all of them (IPv4MaskLen) and so left out of their IPv6 prefixes.
/// A customer edge with IPv4 address A gets the prefix: 6rd prefix, then the low 32 - IPv4MaskLen
/// bits of A. Given the domain, the dissector tells 6rd from a configured 6in4 tunnel exactly;
/// without it, only by a heuristic (the IPv4 address found after some prefix of 8 to 40 bits).
public struct SixRDDomain: Sendable, Hashable, CustomStringConvertible {
    public let prefix: IPv6Prefix
    public let ipv4MaskLength: Int

    /// The domain, or nil when the delegated prefixes would be longer than 64 bits or the mask
    /// length is not 0-32.
    public init?(prefix: IPv6Prefix, ipv4MaskLength: Int = 0) {
        guard (0...32).contains(ipv4MaskLength), prefix.length + 32 - ipv4MaskLength <= 64 else { return nil }
        self.prefix = prefix
        self.ipv4MaskLength = ipv4MaskLength
    }

    /// Parses "2001:db8::/32" or, with an IPv4 mask length, "2001:db8:aa00::/40,8".
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return nil }
        guard let prefix = IPv6Prefix(parts[0]) else { return nil }
        var mask = 0
        if parts.count == 2 {
            guard let value = Int(parts[1]) else { return nil }
            mask = value
        }
        self.init(prefix: prefix, ipv4MaskLength: mask)
    }

    /// Whether `address` is a 6rd address of this domain built on the IPv4 address `ipv4`.
    public func embeds(_ ipv4: IPv4Address, in address: IPv6Address) -> Bool {
        guard prefix.contains(address) else { return false }
        let bits = 32 - ipv4MaskLength
        guard bits > 0 else { return true }
        let embedded = address.bits32(at: prefix.length) >> UInt32(32 - bits)
        let customer = ipv4.rawValue & UInt32(truncatingIfNeeded: (UInt64(1) << UInt64(bits)) - 1)
        return embedded == customer
    }

    /// "2001:db8::/32" or "2001:db8:aa00::/40,8".
    public var description: String { ipv4MaskLength == 0 ? "\(prefix)" : "\(prefix),\(ipv4MaskLength)" }
}
