import Foundation
import Probe
import Testing

import enum Packets.PacketBuilder

private typealias B = PacketBuilder
private typealias G = GeneratedCaptureTests

/// The ipv6-traffic and fragments checks on captures built for them: where each verdict turns.
@Suite("IPv6 traffic and fragment checks")
struct TrafficChecksTests {
    static func udp6(_ index: Int) -> [UInt8] {
        G.ipv6Frame(
            source: "2001:db8:1::10", destination: "2001:db8:2::\(index % 50 + 1)", nextHeader: 17,
            B.udp(source: 40_000 + index, destination: 443, payload: [1, 2, 3, 4]))
    }

    static func udp4(_ index: Int) -> [UInt8] {
        G.ipv4Frame(
            source: "192.0.2.10", destination: "198.51.100.\(index % 50 + 1)", proto: 17,
            B.udp(source: 40_000 + index, destination: 443, payload: [1, 2, 3, 4]))
    }

    /// `v6` IPv6 and `v4` IPv4 datagrams, a millisecond apart.
    static func mix(v6: Int, v4: Int) -> [(frame: [UInt8], time: Double)] {
        ((0..<v6).map(udp6) + (0..<v4).map(udp4)).enumerated().map { ($1, Double($0) * 0.001) }
    }

    @Test("ipv6-traffic: no IPv6 fails, under 10% of IP packets warns, 10% passes, no IP is not applicable")
    func share() throws {
        let none = try G.check(G.analyse("share-0", Self.mix(v6: 0, v4: 10)), "ipv6-traffic")
        #expect(none.status == .fail)
        #expect(none.summary.hasPrefix("0 of 10 IP packets (0.0%) carry IPv6"))
        let few = try G.check(G.analyse("share-5", Self.mix(v6: 1, v4: 19)), "ipv6-traffic")
        #expect(few.status == .warn)
        #expect(few.summary.hasPrefix("1 of 20 IP packets (5.0%) carry IPv6"))
        let tenth = try G.check(G.analyse("share-10", Self.mix(v6: 2, v4: 18)), "ipv6-traffic")
        #expect(tenth.status == .pass)
        // The IPv4-only destinations are named, busiest first.
        #expect(tenth.evidence.first?.hasPrefix("IPv4-only destination 198.51.100.") == true)
        let arp = B.ethernet(type: 0x0806, payload: [UInt8](repeating: 0, count: 28))
        let noIP = try G.check(G.analyse("share-arp", [(arp, 0)]), "ipv6-traffic")
        #expect(noIP.status == .notApplicable)
    }

    @Test("ipv6-traffic counts IPv6 carried in IPv4 (6in4) as IPv6 and says it is tunnelled")
    func tunnelled() throws {
        let inner = B.ipv6Packet(
            source: "2001:db8:1::10", destination: "2001:db8:2::1", nextHeader: 17,
            payload: B.udp(source: 40_000, destination: 443, payload: [1]))
        let sixInFour = B.ethernet(
            type: 0x0800,
            payload: B.ipv4Packet(
                source: "192.0.2.10", destination: "198.51.100.41", protocol: 41, payload: inner))
        let report = try G.analyse("share-6in4", [(sixInFour, 0)] + Self.mix(v6: 0, v4: 4))
        let check = try G.check(report, "ipv6-traffic")
        #expect(report.ipv6Packets == 1 && report.tunnelledIPv6Packets == 1)
        #expect(check.status == .pass)
        #expect(check.evidence.contains("1 IPv6 packets travel tunnelled in IPv4"))
    }

    /// A 2,000-byte UDP datagram from the host in two IPv6 fragments (fragment header, id 7).
    static func fragmented() -> [[UInt8]] {
        let datagram = B.udp(source: 40_000, destination: 4_500, payload: [UInt8](repeating: 9, count: 1_992))
        return [(0, 1_448, true), (1_448, datagram.count, false)].map { start, end, more in
            G.ipv6Frame(
                source: "2001:db8:1::10", destination: "2001:db8:2::1", nextHeader: 44,
                [17, 0] + B.be16(start | (more ? 1 : 0)) + B.be32(7) + Array(datagram[start..<end]))
        }
    }

    @Test("fragments: none passes; IPv6 fragments warn with their share and the first; IPv4's do not count")
    func fragments() throws {
        let clean = try G.check(G.analyse("frag-none", Self.mix(v6: 8, v4: 2)), "fragments")
        #expect(clean.status == .pass)
        let frames =
            Self.mix(v6: 8, v4: 0) + Self.fragmented().enumerated().map { ($1, 1 + Double($0) * 0.001) }
        let warned = try G.check(G.analyse("frag-v6", frames), "fragments")
        #expect(warned.status == .warn)
        #expect(warned.summary.hasPrefix("2 IPv6 fragments (20.0% of IPv6 packets)"))
        #expect(warned.evidence == ["first fragment #9"])
        // IPv4 fragments beside clean IPv6 traffic: the check is about IPv6.
        let ipv4Fragment = B.ethernet(
            type: 0x0800,
            payload: B.ipv4Packet(
                source: "192.0.2.10", destination: "198.51.100.1", protocol: 17, identification: 9,
                fragmentField: 0x2000,
                payload: B.udp(source: 1, destination: 2, payload: [UInt8](repeating: 0, count: 64))))
        let ipv4Only = try G.check(
            G.analyse("frag-v4", Self.mix(v6: 4, v4: 0) + [(ipv4Fragment, 1)]), "fragments")
        #expect(ipv4Only.status == .pass)
        let noIPv6 = try G.check(G.analyse("frag-no-v6", Self.mix(v6: 0, v4: 3)), "fragments")
        #expect(noIPv6.status == .notApplicable)
    }

    @Test("an atomic fragment (offset 0, no more fragments) warns: RFC 8021 deprecates them")
    func atomic() throws {
        let atomic = G.ipv6Frame(
            source: "2001:db8:1::10", destination: "2001:db8:2::1", nextHeader: 44,
            [17, 0, 0, 0] + B.be32(8) + B.udp(source: 40_000, destination: 53, payload: [0, 0]))
        let check = try G.check(G.analyse("frag-atomic", Self.mix(v6: 3, v4: 0) + [(atomic, 1)]), "fragments")
        #expect(check.status == .warn)
        #expect(check.evidence.contains("1 atomic fragments (RFC 8021 deprecates them)"))
    }
}
