/// A Router Advertisement (RFC 4861 §4.2) with the options that decide how hosts configure
/// IPv6: prefix information, MTU, RDNSS/DNSSL (RFC 8106), route information (RFC 4191),
/// PREF64 (RFC 8781) and the source link-layer address. Decoded only for RAs, so it may allocate.
public struct RouterAdvertisement: Sendable, Hashable {
    public var hopLimit: UInt8
    /// M: addresses from DHCPv6; O: other configuration from DHCPv6.
    public var managed: Bool
    public var otherConfiguration: Bool
    /// Default router preference: -1 low, 0 medium, 1 high (RFC 4191).
    public var preference: Int
    /// Seconds hosts may use the router as default router; 0 = not a default router.
    public var routerLifetime: UInt16
    public var reachableTime: UInt32
    public var retransmitTimer: UInt32
    public var sourceLinkLayerAddress: MACAddress?
    public var mtu: UInt32?
    public var prefixes: [PrefixInformation] = []
    public var dnsServers: [IPv6Address] = []
    public var searchDomains: [String] = []
    public var routes: [IPv6Prefix] = []
    public var pref64: IPv6Prefix?
    /// Option types met, in order.
    public var optionTypes: [UInt8] = []

    /// A Prefix Information option.
    public struct PrefixInformation: Sendable, Hashable {
        public var prefix: IPv6Prefix
        /// L: on-link; A: hosts may autoconfigure addresses in it (SLAAC).
        public var onLink: Bool
        public var autonomous: Bool
        public var validLifetime: UInt32
        public var preferredLifetime: UInt32
    }

    /// Decodes the RA in `message` (from the ICMPv6 type byte to the end of the IP payload).
    public init(_ message: RawSpan) throws(DecodeError) {
        try message.require(16, at: 0, .icmpv6)
        guard try message.uint8(at: 0, .icmpv6) == ICMPv6Type.routerAdvertisement.rawValue else {
            throw .invalid(.icmpv6, .messageType)
        }
        hopLimit = try message.uint8(at: 4, .icmpv6)
        let flags = try message.uint8(at: 5, .icmpv6)
        managed = flags & 0x80 != 0
        otherConfiguration = flags & 0x40 != 0
        preference = Self.preference(flags >> 3 & 0x3)
        routerLifetime = try message.uint16(at: 6, .icmpv6)
        reachableTime = try message.uint32(at: 8, .icmpv6)
        retransmitTimer = try message.uint32(at: 12, .icmpv6)
        try NDOptions.forEach(message, from: 16) { type, offset, length throws(DecodeError) in
            optionTypes.append(type)
            switch type {
            case NDOptions.sourceLinkLayerAddress where length >= 8:
                sourceLinkLayerAddress = try message.macAddress(at: offset + 2, .ndOption)
            case NDOptions.prefixInformation:
                guard length == 32 else { throw .invalid(.ndOption, .optionLength) }
                let flags = try message.uint8(at: offset + 3, .ndOption)
                prefixes.append(
                    PrefixInformation(
                        prefix: IPv6Prefix(
                            try message.ipv6Address(at: offset + 16, .ndOption),
                            length: Int(try message.uint8(at: offset + 2, .ndOption))),
                        onLink: flags & 0x80 != 0, autonomous: flags & 0x40 != 0,
                        validLifetime: try message.uint32(at: offset + 4, .ndOption),
                        preferredLifetime: try message.uint32(at: offset + 8, .ndOption)))
            case NDOptions.mtu:
                mtu = try message.uint32(at: offset + 4, .ndOption)
            case NDOptions.routeInformation:
                let prefixLength = Int(try message.uint8(at: offset + 2, .ndOption))
                var high: UInt64 = 0
                var low: UInt64 = 0
                if length >= 16 { high = try message.uint64(at: offset + 8, .ndOption) }
                if length >= 24 { low = try message.uint64(at: offset + 16, .ndOption) }
                routes.append(IPv6Prefix(IPv6Address(high: high, low: low), length: prefixLength))
            case NDOptions.recursiveDNSServer:
                var cursor = offset + 8
                while cursor + 16 <= offset + length {
                    dnsServers.append(try message.ipv6Address(at: cursor, .ndOption))
                    cursor += 16
                }
            case NDOptions.dnsSearchList:
                var cursor = offset + 8
                var names = 0
                while cursor < offset + length, try message.uint8(at: cursor, .ndOption) != 0 {
                    names += 1
                    guard names <= Limits.options else { throw .limitExceeded(.ndOption, .options) }
                    searchDomains.append(try DNSName.text(message, at: cursor))
                    cursor = try DNSName.skip(message, at: cursor)
                }
            case NDOptions.pref64:
                guard length == 16 else { throw .invalid(.ndOption, .optionLength) }
                let plc = Int(try message.uint16(at: offset + 2, .ndOption) & 0x7)
                let lengths = [96, 64, 56, 48, 40, 32]
                guard plc < lengths.count else { throw .invalid(.ndOption, .length) }
                let high = try message.uint64(at: offset + 4, .ndOption)
                let low = UInt64(try message.uint32(at: offset + 12, .ndOption)) << 32
                pref64 = IPv6Prefix(IPv6Address(high: high, low: low), length: lengths[plc])
            default: break
            }
        }
    }

    private static func preference(_ bits: UInt8) -> Int {
        switch bits {
        case 1: 1
        case 3: -1
        default: 0
        }
    }
}
