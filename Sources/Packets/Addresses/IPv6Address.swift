/// An IPv6 address as two 64-bit halves in host order (`high` holds the routing prefix).
public struct IPv6Address: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var high: UInt64
    public var low: UInt64

    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// Parses RFC 4291 text ("2001:db8::1", "::ffff:192.0.2.1"); nil if it is not an address.
    public init?(_ text: some StringProtocol) {
        let string = String(text)
        guard !string.isEmpty, string.count <= 45 else { return nil }
        let halves = string.split(separator: "::", omittingEmptySubsequences: false).map(String.init)
        guard halves.count <= 2 else { return nil }
        func groups(_ part: String, last: Bool) -> [UInt16]? {
            guard !part.isEmpty else { return [] }
            let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
            var result: [UInt16] = []
            for (index, piece) in pieces.enumerated() {
                if last, index == pieces.count - 1, piece.contains(".") {
                    guard let v4 = IPv4Address(piece) else { return nil }
                    result += [UInt16(v4.rawValue >> 16), UInt16(v4.rawValue & 0xFFFF)]
                } else {
                    guard (1...4).contains(piece.count), let group = UInt16(piece, radix: 16) else {
                        return nil
                    }
                    result.append(group)
                }
            }
            return result
        }
        var all: [UInt16]
        if halves.count == 2 {
            guard let head = groups(halves[0], last: false), let tail = groups(halves[1], last: true),
                head.count + tail.count <= 7
            else { return nil }
            all = head + [UInt16](repeating: 0, count: 8 - head.count - tail.count) + tail
        } else {
            guard let only = groups(halves[0], last: true), only.count == 8 else { return nil }
            all = only
        }
        high = all[0..<4].reduce(0) { $0 << 16 | UInt64($1) }
        low = all[4..<8].reduce(0) { $0 << 16 | UInt64($1) }
    }

    public static func < (lhs: IPv6Address, rhs: IPv6Address) -> Bool {
        (lhs.high, lhs.low) < (rhs.high, rhs.low)
    }

    /// The 16-bit group `index` (0...7).
    public func group(_ index: Int) -> UInt16 {
        UInt16(truncatingIfNeeded: (index < 4 ? high : low) >> (48 - 16 * (index % 4)))
    }

    /// Whether the first `length` bits equal those of `prefix`.
    public func hasPrefix(_ prefix: IPv6Address, length: Int) -> Bool {
        guard length > 0 else { return true }
        if length <= 64 {
            let mask: UInt64 = length == 64 ? .max : ~(UInt64.max >> length)
            return high & mask == prefix.high & mask
        }
        let mask: UInt64 = length >= 128 ? .max : ~(UInt64.max >> (length - 64))
        return high == prefix.high && low & mask == prefix.low & mask
    }

    /// The address with all bits after the first `length` cleared.
    public func masked(to length: Int) -> IPv6Address {
        if length <= 0 { return IPv6Address(high: 0, low: 0) }
        if length < 64 { return IPv6Address(high: high & ~(UInt64.max >> length), low: 0) }
        if length == 64 { return IPv6Address(high: high, low: 0) }
        if length >= 128 { return self }
        return IPv6Address(high: high, low: low & ~(UInt64.max >> (length - 64)))
    }

    /// The 32 bits starting at bit `offset` (0 = the most significant bit), for addresses that
    /// embed an IPv4 address (6to4, 6rd, Teredo, NAT64).
    public func bits32(at offset: Int) -> UInt32 {
        precondition(offset >= 0 && offset <= 96)
        let wide = (UInt128(high) << 64) | UInt128(low)
        return UInt32(truncatingIfNeeded: wide >> (96 - offset))
    }

    /// What kind of address this is, for host and traffic reports.
    public var kind: Kind {
        let top16 = high >> 48
        if high == 0 && low == 0 { return .unspecified }
        if high == 0 && low == 1 { return .loopback }
        if high >> 56 == 0xFF { return .multicast }
        if isLinkLocal { return .linkLocal }
        if high >> 57 == 0x7E { return .uniqueLocal }
        if high == 0 && low >> 32 == 0xFFFF { return .ipv4Mapped }
        if isNAT64 { return .nat64 }
        if top16 == 0x2002 { return .sixToFour }
        if high >> 32 == 0x2001_0000 { return .teredo }
        if high >> 32 == 0x2001_0DB8 { return .documentation }
        if top16 >> 13 == 1 { return .global }
        return .other
    }

    /// Address kinds a readiness report distinguishes.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case unspecified, loopback, multicast, linkLocal, uniqueLocal, ipv4Mapped, nat64, sixToFour
        case teredo, documentation, global, other

        /// Whether a host holding this address can reach the IPv6 internet with it (global
        /// unicast, including the documentation prefix our tests use and transition prefixes).
        public var isGlobalUnicast: Bool {
            switch self {
            case .global, .documentation, .sixToFour, .teredo, .nat64: true
            default: false
            }
        }
    }

    /// Whether the address is link-local unicast (fe80::/10): `kind == .linkLocal` with one test.
    public var isLinkLocal: Bool { high & 0xFFC0_0000_0000_0000 == 0xFE80_0000_0000_0000 }

    /// Whether the address lies in the NAT64 well-known prefix 64:ff9b::/96 (RFC 6052), where
    /// DNS64 synthesises AAAA records: `kind == .nat64` with one test.
    public var isNAT64: Bool { high == 0x0064_FF9B_0000_0000 && low >> 32 == 0 }

    /// Whether the interface identifier is a modified EUI-64 built from a MAC address (ff:fe in
    /// the middle), which exposes the hardware address and lets hosts be tracked (RFC 8981).
    public var hasEUI64InterfaceID: Bool { low >> 24 & 0xFFFF == 0xFFFE }

    /// RFC 5952 text: lower case, the longest run of two or more zero groups shortened to "::".
    public var description: String {
        let groups = (0..<8).map(group)
        if high == 0 && low >> 32 == 0xFFFF {
            return "::ffff:" + IPv4Address(rawValue: UInt32(truncatingIfNeeded: low)).description
        }
        var bestStart = -1
        var bestLength = 1
        var index = 0
        while index < 8 {
            if groups[index] == 0 {
                var end = index
                while end < 8 && groups[end] == 0 { end += 1 }
                if end - index > bestLength {
                    bestStart = index
                    bestLength = end - index
                }
                index = end
            } else {
                index += 1
            }
        }
        func text(_ range: Range<Int>) -> String {
            range.map { String(groups[$0], radix: 16) }.joined(separator: ":")
        }
        if bestStart < 0 { return text(0..<8) }
        return text(0..<bestStart) + "::" + text((bestStart + bestLength)..<8)
    }
}

/// An IPv6 prefix: an address and a length in bits.
public struct IPv6Prefix: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public var address: IPv6Address
    public var length: Int

    /// The prefix, with bits past `length` cleared.
    public init(_ address: IPv6Address, length: Int) {
        self.length = Swift.min(Swift.max(length, 0), 128)
        self.address = address.masked(to: self.length)
    }

    public static func < (lhs: IPv6Prefix, rhs: IPv6Prefix) -> Bool {
        (lhs.address, lhs.length) < (rhs.address, rhs.length)
    }

    public func contains(_ other: IPv6Address) -> Bool { other.hasPrefix(address, length: length) }

    public var description: String { "\(address)/\(length)" }

    /// Parses "2001:db8::/32"; nil unless it is an IPv6 address, one slash and a length 0-128.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let address = IPv6Address(parts[0]), let length = Int(parts[1]),
            (0...128).contains(length)
        else { return nil }
        self.init(address, length: length)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let prefix = IPv6Prefix(text) else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "expected an IPv6 prefix, found '\(text)'"))
        }
        self = prefix
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// An IPv4 or IPv6 address.
public enum IPAddress: Hashable, Sendable, CustomStringConvertible {
    case v4(IPv4Address)
    case v6(IPv6Address)

    public var description: String {
        switch self {
        case .v4(let address): address.description
        case .v6(let address): address.description
        }
    }
}
