import Packets

/// ICMPv6 message counts, router solicitations, and every router advertisement: which routers
/// advertise what on each link (a link is a VLAN, or the untagged segment).
struct RouterAdvertisementAnalyzer {
    /// Outermost ICMPv6 messages by type number.
    var icmpv6Types = [Int](repeating: 0, count: 256)
    var solicitations = 0
    var firstSolicitation: PacketRef?
    var advertisements = 0
    /// Router advertisements carried inside a tunnel (not counted in `advertisements`).
    var tunnelledAdvertisements = 0
    /// Distinct advertisements (same router, link and content), in order of first appearance.
    private(set) var distinct: [AdvertisementEntry] = []
    private var distinctIndex: [AdvertisementKey: Int] = [:]
    /// Advertisements beyond `ProbeLimits.listed` distinct ones, counted only.
    var unlisted = 0

    struct AdvertisementKey: Hashable {
        var link: UInt16?
        var router: IPv6Address
        var content: RouterAdvertisement
    }

    mutating func observe(
        _ packet: borrowing DecodedPacket, _ observation: Observation, _ bytes: RawSpan,
        anomalies: inout Anomalies, nat64: inout NAT64Analyzer
    ) {
        guard case .icmpv6(let icmp) = packet.transport else { return }
        icmpv6Types[Int(icmp.type.rawValue)] += 1
        // Solicitations and advertisements carried in a tunnel (a Teredo client's
        // qualification, say) belong to the tunnel's link, not the captured one.
        var tunnelled = false
        if let outer = packet.outer, let inner = packet.network { tunnelled = inner.offset != outer.offset }
        switch icmp.type {
        case .routerSolicitation where tunnelled: break
        case .routerSolicitation:
            solicitations += 1
            if firstSolicitation == nil { firstSolicitation = observation.ref }
        case .routerAdvertisement:
            // An RA in a tunnel configures nothing here: it is counted apart.
            if tunnelled {
                tunnelledAdvertisements += 1
                return
            }
            advertisements += 1
            guard case .v6(let router)? = packet.network?.source else { return }
            let advertisement: RouterAdvertisement
            do throws(DecodeError) {
                advertisement = try RouterAdvertisement(
                    bytes.extracting(icmp.offset..<(icmp.offset + icmp.length)))
            } catch {
                anomalies.record(error, in: packet, observation)
                return
            }
            if let pref64 = advertisement.pref64 {
                nat64.learn(pref64, from: .routerAdvertisement, at: observation.ref)
            }
            let key = AdvertisementKey(
                link: packet.vlanID, router: router, content: advertisement)
            if let index = distinctIndex[key] {
                distinct[index].count += 1
                distinct[index].last = observation.ref
            } else if distinct.count < ProbeLimits.listed {
                distinctIndex[key] = distinct.count
                distinct.append(
                    AdvertisementEntry(
                        router: router, vlan: packet.vlanID, first: observation.ref,
                        last: observation.ref, count: 1, advertisement: advertisement))
            } else {
                unlisted += 1
            }
        default: break
        }
    }

    /// The routers seen on each link, with the prefixes each advertised for autoconfiguration.
    func routersByLink() -> [UInt16?: [IPv6Address: Set<IPv6Prefix>]] {
        var links: [UInt16?: [IPv6Address: Set<IPv6Prefix>]] = [:]
        for entry in distinct {
            let prefixes = entry.advertisement.prefixes.filter(\.autonomous).map(\.prefix)
            links[entry.vlan, default: [:]][entry.router, default: []].formUnion(prefixes)
        }
        return links
    }
}

/// One distinct router advertisement, as the report lists it.
public struct AdvertisementEntry: Sendable, Hashable {
    public var router: IPv6Address
    public var vlan: UInt16?
    public var first: PacketRef
    public var last: PacketRef
    public var count: Int
    public var advertisement: RouterAdvertisement
}
