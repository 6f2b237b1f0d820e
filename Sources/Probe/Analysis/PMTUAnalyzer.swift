import Packets

/// ICMPv6 Packet Too Big messages: the MTUs they name, who sent them, and for which destination.
struct PMTUAnalyzer {
    struct Report: Sendable, Hashable, Codable {
        public var mtu: UInt32
        public var count: Int
        public var first: PacketRef
        /// The router that sent the first one, and the destination its quoted packet was for.
        public var sender: String
        public var destination: String?
    }

    private(set) var byMTU: [UInt32: Report] = [:]
    var total = 0

    mutating func observe(_ packet: borrowing DecodedPacket, _ observation: Observation, _ bytes: RawSpan) {
        guard case .icmpv6(let icmp) = packet.transport, icmp.type == .packetTooBig,
            let network = packet.network
        else { return }
        total += 1
        if byMTU[icmp.mtu] != nil {
            byMTU[icmp.mtu]?.count += 1
            return
        }
        guard byMTU.count < ProbeLimits.listed else { return }
        let quoted = icmp.quotedDestination(in: bytes)
        byMTU[icmp.mtu] = Report(
            mtu: icmp.mtu, count: 1, first: observation.ref, sender: network.source.description,
            destination: quoted?.description)
    }
}
