import Packets

/// Hosts by the addresses they send from: IPv4, IPv6 global (EUI-64 or random interface
/// identifier), link-local only. A host is a source MAC address where the link has them, else
/// a source IP address (then IPv4 and IPv6 of one machine cannot be tied together).
struct HostAnalyzer {
    enum HostKey: Hashable, TableKey {
        case mac(MACAddress)
        case address(IPAddress)

        var tableHash: UInt64 {
            switch self {
            case .mac(let mac): Self.hash(mac: mac)
            case .address(let address): address.tableHash
            }
        }

        static func hash(mac: MACAddress) -> UInt64 { mixHash(mac.rawValue, 0x3AC) }
    }

    struct Host {
        var ipv4 = false
        var linkLocal = false
        var global = false
        var eui64Global = false
        var randomGlobal = false
        var first: PacketRef
        var exampleGlobal: IPv6Address?
        var exampleLinkLocal: IPv6Address?
        var exampleIPv4: IPv4Address?
    }

    private(set) var hosts = BoundedTable<HostKey, Host>(capacity: ProbeLimits.hosts)
    /// Hosts seen lately with the kinds of address they sent from: most packets repeat what is
    /// recorded, and this 64 KiB cache answers them without the table.
    private var recent = RecentHashes(sets: 1 << 13)
    /// The last host noted and its kinds of address, in front of `recent`: on an access link half
    /// the frames come from the gateway's MAC address, and this answers them from the struct.
    private var lastHash: UInt64 = 0
    private var lastFlags: UInt8 = 0
    private(set) var keyedByMAC = 0

    /// Routers (senders of router advertisements), left out of the host counts: they speak
    /// from link-local addresses by design.
    private(set) var routers: Set<HostKey> = []

    mutating func observe(_ packet: borrowing DecodedPacket, _ observation: Observation) {
        guard let outer = packet.outer else { return }
        let mac = packet.sourceMAC.flatMap { $0.isGroup ? nil : $0 }
        if case .icmpv6(let icmp) = packet.transport, icmp.type == .routerAdvertisement,
            let source = packet.network?.source, routers.count < ProbeLimits.listed
        {
            routers.insert(mac.map(HostKey.mac) ?? .address(source))
        }
        note(outer.source, mac: mac, ref: observation.ref)
        // A host that terminates a tunnel (Teredo, 6to4, 6in4; DS-Lite's B4) also holds the
        // inner source address.
        if let inner = packet.network, inner.offset != outer.offset, inner.isIPv6 != outer.isIPv6 {
            note(inner.source, mac: mac, ref: observation.ref)
        }
    }

    /// Notes the sender of a plain frame (a common TCP segment or DNS datagram, see
    /// `PlainFrame`), as `observe` does for its decode.
    @inline(__always)
    mutating func observe(_ frame: PlainFrame, _ observation: Observation) {
        note(frame.ip.source, mac: frame.sourceMAC.isGroup ? nil : frame.sourceMAC, ref: observation.ref)
    }

    private mutating func note(_ source: IPAddress, mac: MACAddress?, ref: PacketRef) {
        let flag: UInt8
        switch source {
        case .v4: flag = 1
        case .v6(let address): flag = address.isLinkLocal ? 2 : address.hasEUI64InterfaceID ? 4 : 8
        }
        // The key's hash without building the key: most packets stop at the cache.
        let hash = mac.map(HostKey.hash(mac:)) ?? source.tableHash
        if hash == lastHash, lastFlags & flag != 0 { return }
        let seen = recent.insert(hash, flags: flag)
        (lastHash, lastFlags) = (hash, (seen ?? 0) | flag)
        if let seen, seen & flag != 0 { return }
        let key = mac.map(HostKey.mac) ?? .address(source)
        defer {
            // A host evicted from the table must be recorded again when it reappears.
            if let (evicted, _) = hosts.lastEvicted {
                recent.remove(evicted.tableHash)
                if lastHash == evicted.tableHash { (lastHash, lastFlags) = (0, 0) }
            }
        }
        switch source {
        case .v4(let address):
            guard address.rawValue != 0 else { return }
            if mac != nil { keyedByMAC += 1 }
            hosts.update(key, default: Host(first: ref)) {
                $0.ipv4 = true
                if $0.exampleIPv4 == nil { $0.exampleIPv4 = address }
            }
        case .v6(let address):
            let kind = address.kind
            guard kind == .linkLocal || kind.isGlobalUnicast || kind == .uniqueLocal else { return }
            if mac != nil { keyedByMAC += 1 }
            hosts.update(key, default: Host(first: ref)) {
                if kind == .linkLocal {
                    $0.linkLocal = true
                    if $0.exampleLinkLocal == nil { $0.exampleLinkLocal = address }
                } else if kind.isGlobalUnicast {
                    $0.global = true
                    if address.hasEUI64InterfaceID { $0.eui64Global = true } else { $0.randomGlobal = true }
                    if $0.exampleGlobal == nil || address.hasEUI64InterfaceID { $0.exampleGlobal = address }
                }
            }
        }
    }

    /// The hosts that are not routers.
    var endHosts: [(key: HostKey, value: Host)] {
        hosts.entries.filter { !routers.contains($0.key) }
    }

    /// Host counts by category.
    func summary() -> HostSummary {
        var summary = HostSummary()
        for (_, host) in endHosts {
            summary.total += 1
            switch (host.ipv4, host.global, host.linkLocal) {
            case (true, true, _): summary.dualStack += 1
            case (false, true, _): summary.ipv6Only += 1
            case (true, false, true): summary.ipv4WithLinkLocalOnly += 1
            case (true, false, false): summary.ipv4Only += 1
            case (false, false, true): summary.linkLocalOnly += 1
            case (false, false, false): summary.other += 1
            }
            if host.eui64Global { summary.eui64 += 1 }
            if host.randomGlobal { summary.randomInterfaceID += 1 }
        }
        summary.routers = hosts.entries.filter { routers.contains($0.key) }.count
        summary.evicted = hosts.evictions
        summary.byMAC = keyedByMAC > 0
        return summary
    }
}

/// How many hosts have which kinds of addresses.
public struct HostSummary: Sendable, Hashable, Codable {
    /// Hosts other than routers.
    public var total = 0
    /// IPv4 and a global IPv6 address.
    public var dualStack = 0
    public var ipv6Only = 0
    /// IPv4 and only a link-local IPv6 address: IPv6 is on in the host, the network gave it none.
    public var ipv4WithLinkLocalOnly = 0
    public var ipv4Only = 0
    /// Only link-local IPv6 (no IPv4 seen).
    public var linkLocalOnly = 0
    /// Only unique local addresses.
    public var other = 0
    /// Hosts sending from a global address with an EUI-64 interface identifier (MAC inside).
    public var eui64 = 0
    /// Hosts sending from a global address with a random (temporary or stable-privacy) identifier.
    public var randomInterfaceID = 0
    /// Senders of router advertisements (not counted in `total`).
    public var routers = 0
    public var evicted = 0
    /// Whether hosts were told apart by MAC address (false on raw-IP links: by source address).
    public var byMAC = false
}
