import Foundation
import Packets
import Probe
import Testing

private typealias B = PacketBuilder

/// NAT64 prefixes of any length (RFC 6052) and the three ways a host learns one: PREF64 in a
/// router advertisement (RFC 8781), ipv4only.arpa (RFC 7050), an AAAA answer that embeds the
/// name's A answer. Checked against RFC 6052's own table of examples.
@Suite("NAT64 prefixes and DNS64")
struct NAT64Tests {
    /// RFC 6052 §2.4, table 1: 192.0.2.33 under each prefix length.
    static let rfc6052Examples: [(prefix: String, address: String)] = [
        ("2001:db8::/32", "2001:db8:c000:221::"),
        ("2001:db8:100::/40", "2001:db8:1c0:2:21::"),
        ("2001:db8:122::/48", "2001:db8:122:c000:2:2100::"),
        ("2001:db8:122:300::/56", "2001:db8:122:3c0:0:221::"),
        ("2001:db8:122:344::/64", "2001:db8:122:344:c0:2:2100:0"),
        ("2001:db8:122:344::/96", "2001:db8:122:344::c000:221"),
        ("64:ff9b::/96", "64:ff9b::c000:221"),
    ]

    @Test("RFC 6052's examples: synthesised, extracted, and the prefix found from the pair")
    func rfc6052() throws {
        let ipv4 = IPv4Address(192, 0, 2, 33)
        for example in Self.rfc6052Examples {
            let prefix = try #require(IPv6Prefix(example.prefix))
            let address = try #require(IPv6Address(example.address))
            #expect(NAT64Address.synthesise(ipv4, under: prefix) == address, "\(example.prefix)")
            #expect(
                NAT64Address.embedded(in: address, prefixLength: prefix.length) == ipv4, "\(example.prefix)")
            #expect(NAT64Address.longestPrefix(embedding: ipv4, in: address) == prefix, "\(example.prefix)")
        }
        #expect(NAT64Address.prefixLengths == [32, 40, 48, 56, 64, 96])
        // The u octet (bits 64-71) set: no RFC 6052 address.
        let uSet = try #require(IPv6Address("2001:db8:122:344:ffc0:2:2100:0"))
        #expect(NAT64Address.embedded(in: uSet, prefixLength: 64) == nil)
        // A suffix that is not zero, and a length RFC 6052 does not allow.
        #expect(
            NAT64Address.embedded(in: try #require(IPv6Address("2001:db8:c000:221::1")), prefixLength: 32)
                == nil)
        #expect(NAT64Address.synthesise(ipv4, under: try #require(IPv6Prefix("2001:db8::/80"))) == nil)
    }

    static let client = "2001:db8:1::10"
    static let resolver = "2001:db8:1::53"

    /// A query from the client and its answer with `records` (type, data).
    static func exchange(
        _ id: Int, _ name: String, type: Int, _ records: [(type: Int, data: [UInt8])], at time: Double
    )
        -> [(frame: [UInt8], time: Double)]
    {
        [
            (
                GeneratedCaptureTests.ipv6Frame(
                    source: client, destination: resolver, nextHeader: 17,
                    B.udp(
                        source: 30000 + id, destination: 53,
                        payload: B.dnsQuery(id: id, name: name, type: type))),
                time
            ),
            (
                GeneratedCaptureTests.ipv6Frame(
                    source: resolver, destination: client, mac: GeneratedCaptureTests.routerMAC,
                    nextHeader: 17,
                    B.udp(
                        source: 53, destination: 30000 + id,
                        payload: B.dnsResponse(id: id, name: name, type: type, answers: records))),
                time + 0.01
            ),
        ]
    }

    /// A SYN from the client to `server` port 80 and the SYN-ACK.
    static func connection(to server: String, at time: Double) -> [(frame: [UInt8], time: Double)] {
        [
            (
                GeneratedCaptureTests.ipv6Frame(
                    source: client, destination: server, nextHeader: 6,
                    B.tcp(source: 40_000, destination: 80, flags: B.syn)), time
            ),
            (
                GeneratedCaptureTests.ipv6Frame(
                    source: server, destination: client, mac: GeneratedCaptureTests.routerMAC, nextHeader: 6,
                    B.tcp(source: 80, destination: 40_000, flags: B.syn | B.ack)), time + 0.01
            ),
        ]
    }

    @Test(
        "a /64 prefix inferred from an AAAA answer embedding the A answer, in either order; its traffic is translated IPv4",
        arguments: [false, true])
    func inferred(aFirst: Bool) throws {
        let a = Self.exchange(1, "legacy.example", type: 1, [(1, B.ipv4("192.0.2.33"))], at: aFirst ? 1 : 2)
        let aaaa = Self.exchange(
            2, "legacy.example", type: 28, [(28, B.ipv6("2001:db8:122:344:c0:2:2100:0"))], at: aFirst ? 2 : 1)
        // A dual-stacked name: its AAAA embeds nothing of its A, so no prefix comes of it.
        let dual =
            Self.exchange(3, "dual.example", type: 1, [(1, B.ipv4("198.51.100.7"))], at: 3)
            + Self.exchange(4, "dual.example", type: 28, [(28, B.ipv6("2001:db8:7::7"))], at: 3.5)
        let frames =
            (aFirst ? a + aaaa : aaaa + a) + dual
            + Self.connection(to: "2001:db8:122:344:c0:2:2100:0", at: 4)
        let report = try GeneratedCaptureTests.analyse("nat64-inferred", frames)
        let prefix = try #require(report.nat64.prefixes.first)
        #expect(report.nat64.prefixes.count == 1)
        #expect(prefix.prefix == "2001:db8:122:344::/64")
        #expect(prefix.learnedFrom == ["AAAA answer embedding the name's A answer"])
        #expect(prefix.synthesisedAnswers == 1 && prefix.synthesisedNames == ["legacy.example"])
        #expect(prefix.packets == 2)
        #expect(report.dns.dns64Answers == 1)
        let destination = try #require(report.nat64.translatedDestinations.first)
        #expect(report.nat64.translatedDestinations.count == 1)
        #expect(destination.address == "192.0.2.33" && destination.name == "legacy.example")
        #expect(destination.packets == 2 && destination.bytes == prefix.bytes)
        #expect(try GeneratedCaptureTests.check(report, "transition").summary.contains("NAT64/DNS64"))
    }

    @Test(
        "ipv4only.arpa answers give the prefix (RFC 7050), PREF64 another; the well-known prefix is learnt by use"
    )
    func discovered() throws {
        // PREF64 for 2001:db8:64:ff00::/56 (PLC 2), lifetime 600 s.
        let pref64 = B.ndOption(
            type: 38, data: B.be16(600 & 0xFFF8 | 2) + Array(B.ipv6("2001:db8:64:ff00::").prefix(12)))
        let ra = B.ethernet(
            source: GeneratedCaptureTests.routerMAC, destination: "33:33:00:00:00:01", type: 0x86DD,
            payload: B.ipv6Packet(
                source: "fe80::1", destination: "ff02::1", nextHeader: 58, hopLimit: 255,
                payload: B.routerAdvertisement(options: pref64)))
        let arpa = Self.exchange(
            1, "ipv4only.arpa", type: 28,
            [(28, B.ipv6("2001:db8:aa::c000:aa")), (28, B.ipv6("2001:db8:aa::c000:ab"))], at: 2)
        let frames =
            [(ra, 1.0)] + arpa + Self.connection(to: "2001:db8:aa::cb00:7107", at: 3)
            + Self.connection(to: "64:ff9b::c633:6401", at: 4)
        let report = try GeneratedCaptureTests.analyse("nat64-discovered", frames)
        let prefixes = Dictionary(uniqueKeysWithValues: report.nat64.prefixes.map { ($0.prefix, $0) })
        #expect(prefixes.keys.sorted() == ["2001:db8:64:ff00::/56", "2001:db8:aa::/96", "64:ff9b::/96"])
        #expect(prefixes["2001:db8:64:ff00::/56"]?.learnedFrom == ["router advertisement (PREF64)"])
        #expect(prefixes["2001:db8:64:ff00::/56"]?.packets == 0)
        #expect(prefixes["2001:db8:aa::/96"]?.learnedFrom == ["ipv4only.arpa answer (RFC 7050)"])
        #expect(prefixes["2001:db8:aa::/96"]?.synthesisedAnswers == 2)
        #expect(prefixes["2001:db8:aa::/96"]?.packets == 2)
        #expect(prefixes["64:ff9b::/96"]?.learnedFrom == ["well-known prefix in use"])
        #expect(prefixes["64:ff9b::/96"]?.packets == 2)
        #expect(
            Set(report.nat64.translatedDestinations.map(\.address)) == ["203.0.113.7", "198.51.100.1"])
        #expect(report.routerAdvertisements.first?.pref64 == "2001:db8:64:ff00::/56")
    }
}
