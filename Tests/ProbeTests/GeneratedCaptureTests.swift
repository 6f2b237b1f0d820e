import Foundation
import Probe
import Testing

import enum Packets.PacketBuilder
import struct Packets.PcapWriter

private typealias B = PacketBuilder

/// Each readiness check on a capture the test builds for it, with the finding it must give.
@Suite("Readiness checks on generated captures")
struct GeneratedCaptureTests {
    static let routerMAC = "02:00:00:00:00:fe"
    static let hostMAC = "02:00:00:00:00:01"

    static func analyse(_ name: String, _ frames: [(frame: [UInt8], time: Double)]) throws -> ReadinessReport
    {
        var writer = PcapWriter()
        for (frame, time) in frames { writer.append(frame, time: time) }
        let path = try writer.write(named: name)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try CaptureReader.analyse([path]).report()
    }

    static func check(_ report: ReadinessReport, _ id: String) throws -> Check {
        try #require(report.checks.first { $0.id.rawValue == id })
    }

    static func ra(from router: String, mac: String, prefix: String, vlan: [Int] = [], rdnss: Bool = true)
        -> [UInt8]
    {
        var options = B.ndOption(type: 1, data: B.mac(mac)) + B.prefixInformation(prefix, length: 64)
        if rdnss { options += B.ndOption(type: 25, data: [0, 0] + B.be32(600) + B.ipv6("2001:db8::53")) }
        options += B.ndOption(type: 5, data: [0, 0] + B.be32(1492))
        return B.ethernet(
            source: mac, destination: "33:33:00:00:00:01", vlans: vlan, type: 0x86DD,
            payload: B.ipv6Packet(
                source: router, destination: "ff02::1", nextHeader: 58, hopLimit: 255,
                payload: B.routerAdvertisement(options: options)))
    }

    static func ipv6Frame(
        source: String, destination: String, mac: String = hostMAC, nextHeader: Int, _ payload: [UInt8]
    )
        -> [UInt8]
    {
        B.ethernet(
            source: mac, type: 0x86DD,
            payload: B.ipv6Packet(
                source: source, destination: destination, nextHeader: nextHeader, payload: payload))
    }

    static func ipv4Frame(
        source: String, destination: String, mac: String = hostMAC, proto: Int, _ payload: [UInt8]
    )
        -> [UInt8]
    {
        B.ethernet(
            source: mac, type: 0x0800,
            payload: B.ipv4Packet(source: source, destination: destination, protocol: proto, payload: payload)
        )
    }

    @Test("one router: rogue-ra passes; a second router with another prefix on the link fails it")
    func rogueRA() throws {
        let good = Self.ra(from: "fe80::1", mac: Self.routerMAC, prefix: "2001:db8:1::")
        let single = try Self.analyse("single-ra", [(good, 1), (good, 2)])
        #expect(try Self.check(single, "rogue-ra").status == .pass)
        #expect(try Self.check(single, "router-advertisements").status == .pass)
        #expect(try Self.check(single, "dns-configuration").status == .pass)
        #expect(single.routerAdvertisements.count == 1)
        #expect(single.routerAdvertisements[0].count == 2)
        #expect(single.routerAdvertisements[0].mtu == 1492)
        #expect(single.routerAdvertisements[0].prefixes.map(\.prefix) == ["2001:db8:1::/64"])

        let rogue = Self.ra(from: "fe80::bad", mac: "02:00:00:00:0b:ad", prefix: "2001:db8:bad::")
        let report = try Self.analyse("rogue-ra", [(good, 1), (rogue, 2), (good, 3)])
        let check = try Self.check(report, "rogue-ra")
        #expect(check.status == .fail)
        #expect(check.evidence.contains { $0.contains("fe80::bad") && $0.contains("2001:db8:bad::/64") })
        #expect(check.evidence.contains { $0.contains("fe80::1") && $0.contains("2001:db8:1::/64") })

        // The same pair on different VLANs are two links, each with one router.
        let split = try Self.analyse(
            "split-ra",
            [
                (Self.ra(from: "fe80::1", mac: Self.routerMAC, prefix: "2001:db8:1::", vlan: [10]), 1),
                (
                    Self.ra(
                        from: "fe80::bad", mac: "02:00:00:00:0b:ad", prefix: "2001:db8:bad::", vlan: [20]), 2
                ),
            ])
        #expect(try Self.check(split, "rogue-ra").status == .pass)
        #expect(Set(split.routerAdvertisements.compactMap(\.vlan)) == [10, 20])
    }

    @Test("an IPv6 SYN never answered while IPv4 to the same name works fails ipv6-connectivity")
    func brokenIPv6() throws {
        let client6 = "2001:db8:1::10"
        let client4 = "192.0.2.10"
        let server6 = "2001:db8:80::80"
        let server4 = "198.51.100.80"
        let resolver = "2001:db8::53"
        let name = "www.example.org"
        let frames: [(frame: [UInt8], time: Double)] = [
            (
                Self.ipv6Frame(
                    source: client6, destination: resolver, nextHeader: 17,
                    B.udp(source: 40000, destination: 53, payload: B.dnsQuery(id: 1, name: name, type: 28))),
                1.0
            ),
            (
                Self.ipv6Frame(
                    source: resolver, destination: client6, mac: Self.routerMAC, nextHeader: 17,
                    B.udp(
                        source: 53, destination: 40000,
                        payload: B.dnsResponse(id: 1, name: name, type: 28, answers: [(28, B.ipv6(server6))]))
                ), 1.01
            ),
            (
                Self.ipv6Frame(
                    source: client6, destination: resolver, nextHeader: 17,
                    B.udp(source: 40001, destination: 53, payload: B.dnsQuery(id: 2, name: name, type: 1))),
                1.02
            ),
            (
                Self.ipv6Frame(
                    source: resolver, destination: client6, mac: Self.routerMAC, nextHeader: 17,
                    B.udp(
                        source: 53, destination: 40001,
                        payload: B.dnsResponse(id: 2, name: name, type: 1, answers: [(1, B.ipv4(server4))]))),
                1.03
            ),
            (
                Self.ipv6Frame(
                    source: client6, destination: server6, nextHeader: 6,
                    B.tcp(source: 50000, destination: 443, flags: B.syn)), 1.1
            ),
            (
                Self.ipv6Frame(
                    source: client6, destination: server6, nextHeader: 6,
                    B.tcp(source: 50000, destination: 443, flags: B.syn)), 2.1
            ),
            (
                Self.ipv4Frame(
                    source: client4, destination: server4, proto: 6,
                    B.tcp(source: 50001, destination: 443, flags: B.syn)), 1.4
            ),
            (
                Self.ipv4Frame(
                    source: server4, destination: client4, mac: Self.routerMAC, proto: 6,
                    B.tcp(source: 443, destination: 50001, flags: B.syn | B.ack)), 1.42
            ),
            (
                Self.ipv4Frame(
                    source: client4, destination: server4, proto: 6,
                    B.tcp(source: 50001, destination: 443, flags: B.ack)), 9.0
            ),
        ]
        let report = try Self.analyse("broken-ipv6", frames)
        let check = try Self.check(report, "ipv6-connectivity")
        #expect(check.status == .fail)
        #expect(report.ipv6Connections.syns == 2)
        #expect(report.ipv6Connections.answered == 0)
        #expect(report.ipv6Connections.unanswered == 1)
        #expect(report.ipv4Connections.answered == 1)
        let evidence = try #require(check.evidence.first)
        #expect(evidence.contains("#5") && evidence.contains(server6) && evidence.contains(name))
        #expect(evidence.contains("2 SYNs, no answer"))
        // The fallback named: the same host's IPv4 SYN (#7) to the same name, 0.30 s after.
        #expect(evidence.contains("the host reached \(server4):443 (\(name)) over IPv4 at #7 (+0.30 s)"))
        #expect(report.dns.aaaaQueries == 1 && report.dns.aaaaAnswered == 1)

        // Answer the IPv6 SYN, and the check passes.
        var answered = frames
        answered.append(
            (
                Self.ipv6Frame(
                    source: server6, destination: client6, mac: Self.routerMAC, nextHeader: 6,
                    B.tcp(source: 443, destination: 50000, flags: B.syn | B.ack)), 2.2
            ))
        let fixed = try Self.analyse("answered-ipv6", answered)
        #expect(try Self.check(fixed, "ipv6-connectivity").status == .pass)
        #expect(fixed.ipv6Connections.answered == 1)

        // The capture ends with the fallback's SYN-ACK: the broken path is judged all the same.
        let short = try Self.analyse("short-broken-ipv6", Array(frames.prefix(8)))
        #expect(try Self.check(short, "ipv6-connectivity").status == .fail)
        #expect(short.ipv6Connections.unanswered == 1)

        // An unanswered SYN in the last 3 s, with no answered IPv4 attempt to fall back on, is
        // not judged, and the check says so.
        let late = try Self.analyse("late-syn", Array(frames.prefix(6)))
        #expect(late.ipv6Connections.unanswered == 0)
        let lateCheck = try Self.check(late, "ipv6-connectivity")
        #expect(lateCheck.status == .pass)
        #expect(lateCheck.summary.contains("1 attempt(s) in the last 3 s of the capture are not judged"))
        #expect(lateCheck.evidence.contains { $0.contains("not judged: the capture ended") })

        // A SYN-ACK recorded before its SYN (stamps 30 µs out of order between queues) answers it.
        var early = Array(frames.prefix(4))
        early.append(
            (
                Self.ipv6Frame(
                    source: server6, destination: client6, mac: Self.routerMAC, nextHeader: 6,
                    B.tcp(source: 443, destination: 50000, flags: B.syn | B.ack)), 1.09997
            ))
        early.append(frames[4])
        let reordered = try Self.analyse("early-syn-ack", early)
        #expect(reordered.ipv6Connections.answered == 1 && reordered.ipv6Connections.unanswered == 0)
        #expect(try Self.check(reordered, "ipv6-connectivity").status == .pass)
    }

    @Test("Packet Too Big names its MTU: 1400 warns, 1000 (below IPv6's 1280 minimum) fails")
    func packetTooBig() throws {
        func ptb(_ mtu: UInt32, from router: String) -> [UInt8] {
            let quoted = B.ipv6Packet(
                source: "2001:db8:1::10", destination: "2001:db8:99::1", nextHeader: 17,
                payload: B.udp(source: 1, destination: 2, payload: [UInt8](repeating: 0, count: 32)))
            return Self.ipv6Frame(
                source: router, destination: "2001:db8:1::10", mac: Self.routerMAC, nextHeader: 58,
                B.icmpv6(type: 2, body: B.be32(mtu) + quoted))
        }
        let report = try Self.analyse(
            "ptb", [(ptb(1400, from: "2001:db8:ff::1"), 1), (ptb(1400, from: "2001:db8:ff::1"), 2)])
        let check = try Self.check(report, "path-mtu")
        #expect(check.status == .warn)
        #expect(check.summary.contains("1400"))
        #expect(report.packetTooBig.count == 1)
        #expect(report.packetTooBig[0].mtu == 1400 && report.packetTooBig[0].count == 2)
        #expect(report.packetTooBig[0].sender == "2001:db8:ff::1")
        #expect(report.packetTooBig[0].destination == "2001:db8:99::1")
        #expect(report.icmpv6Types == [2: 2])

        let invalid = try Self.analyse("ptb-small", [(ptb(1000, from: "2001:db8:ff::1"), 1)])
        #expect(try Self.check(invalid, "path-mtu").status == .fail)
    }

    static func dhcpExchange(prefix: String?, length: Int, status: Int? = nil) -> [(
        frame: [UInt8], time: Double
    )] {
        let client = "fe80::1:1"
        let server = "fe80::fe"
        let duid = B.dhcpv6Option(1, [0, 3, 0, 1] + B.mac(hostMAC))
        func message(_ type: Int, fromClient: Bool, _ options: [[UInt8]]) -> [UInt8] {
            Self.ipv6Frame(
                source: fromClient ? client : server, destination: fromClient ? "ff02::1:2" : client,
                mac: fromClient ? hostMAC : routerMAC, nextHeader: 17,
                B.udp(
                    source: fromClient ? 546 : 547, destination: fromClient ? 547 : 546,
                    payload: B.dhcpv6(type: type, transaction: 0x1234, options: options)))
        }
        let request = B.iaPD(iaid: 1, prefix: nil, length: 0)
        let offer = B.iaPD(iaid: 1, prefix: prefix, length: length, status: status)
        let dns = B.dhcpv6Option(23, B.ipv6("2001:db8::53"))
        return [
            (message(1, fromClient: true, [duid, request]), 1),
            (message(2, fromClient: false, [duid, offer, dns]), 1.1),
            (message(3, fromClient: true, [duid, request]), 1.2),
            (message(7, fromClient: false, [duid, offer, dns]), 1.3),
        ]
    }

    @Test("a DHCPv6 exchange delegating a /56 passes; a /64 warns; NoPrefixAvail fails")
    func prefixDelegation() throws {
        let report = try Self.analyse("pd56", Self.dhcpExchange(prefix: "2001:db8:ff00::", length: 56))
        #expect(report.dhcpv6.messages == [1: 1, 2: 1, 3: 1, 7: 1])
        #expect(report.dhcpv6.delegatedPrefixes.map(\.prefix.description) == ["2001:db8:ff00::/56"])
        #expect(report.dhcpv6.delegatedPrefixes.first?.validLifetime == 7200)
        #expect(report.dhcpv6.delegatedPrefixes.first?.packet.description == "#4")
        #expect(report.dhcpv6.dnsServers == ["2001:db8::53"])
        #expect(try Self.check(report, "prefix-delegation").status == .pass)
        #expect(try Self.check(report, "dhcpv6").status == .pass)
        #expect(try Self.check(report, "dns-configuration").status == .warn)

        let narrow = try Self.analyse("pd64", Self.dhcpExchange(prefix: "2001:db8:ff00:1::", length: 64))
        #expect(try Self.check(narrow, "prefix-delegation").status == .warn)

        let refused = try Self.analyse("pd-none", Self.dhcpExchange(prefix: nil, length: 0, status: 6))
        let check = try Self.check(refused, "prefix-delegation")
        #expect(check.status == .fail)
        #expect(check.summary.contains("NoPrefixAvail"))
        #expect(refused.dhcpv6.failures.map(\.status) == ["NoPrefixAvail", "NoPrefixAvail"])
        #expect(try Self.check(refused, "dhcpv6").status == .warn)

        // A Solicit sent twice that nobody answers, and the capture goes on for 8 s.
        let solicit = Self.dhcpExchange(prefix: nil, length: 0)[0].frame
        let later = Self.ipv6Frame(
            source: "fe80::1:1", destination: "ff02::2", nextHeader: 58,
            B.icmpv6(type: 133, body: [0, 0, 0, 0]))
        let silent = try Self.analyse("dhcp-silent", [(solicit, 1), (solicit, 2), (later, 9)])
        #expect(try Self.check(silent, "dhcpv6").status == .fail)
        #expect(silent.dhcpv6.unansweredExchanges == 1)
        #expect(try Self.check(silent, "prefix-delegation").status == .fail)
        // Cut 2 s after the Solicit, the capture cannot tell: no verdict on the exchange.
        let short = try Self.analyse("dhcp-short", [(solicit, 1), (solicit, 2)])
        #expect(short.dhcpv6.unansweredExchanges == 0)
        #expect(try Self.check(short, "dhcpv6").status == .notApplicable)
    }

    @Test("IPv6-in-IPv4 is told apart: 6in4, 6to4 (2002::/16) and 6rd (an ISP prefix with the IPv4 address)")
    func sixInFourKinds() throws {
        func tunnelled(outer: (String, String), inner: (String, String)) -> [UInt8] {
            Self.ipv4Frame(
                source: outer.0, destination: outer.1, proto: 41,
                B.ipv6Packet(
                    source: inner.0, destination: inner.1, nextHeader: 6,
                    payload: B.tcp(source: 1000, destination: 80, flags: B.syn)))
        }
        // 6rd: ISP prefix 2001:db8::/32, CE 192.0.2.33 (c000:0221) in bits 32-63: 2001:db8:c000:221::/64.
        let sixRD = tunnelled(
            outer: ("192.0.2.33", "203.0.113.1"), inner: ("2001:db8:c000:221::1", "2001:db8:ffff::80"))
        // 6rd with IPv4MaskLen 8: only the low 24 bits (00:02:21) follow a /40 prefix.
        let sixRD24 = tunnelled(
            outer: ("10.0.2.33", "203.0.113.1"), inner: ("2001:db8:aa00:221::1", "2001:db8:ffff::80"))
        // 6to4: 2002:c000:221::/48.
        let sixToFour = tunnelled(
            outer: ("192.0.2.33", "192.88.99.1"), inner: ("2002:c000:221::1", "2001:db8:ffff::80"))
        let configured = tunnelled(
            outer: ("192.0.2.33", "203.0.113.1"), inner: ("2001:db8:5::2", "2001:db8:ffff::80"))
        // Zeek's ping6-in-ipv4.pcap: 10.0.0.1 and 2001:db8:0:1::1 share "0.0.1" by chance, not 6rd.
        let zeroes = tunnelled(outer: ("10.0.0.1", "10.0.0.2"), inner: ("2001:db8:0:1::1", "2001:db8:0:1::2"))
        let report = try Self.analyse(
            "six-in-four", [(sixRD, 1), (sixRD24, 2), (sixToFour, 3), (configured, 4), (zeroes, 5)])
        #expect(report.tunnels == ["6rd": 2, "6to4": 1, "6in4": 2])
        #expect(report.ipv6Packets == 5 && report.ipv4Packets == 5)
        #expect(report.tunnelledIPv6Packets == 5)
        let check = try Self.check(report, "transition")
        #expect(check.status == .warn)
        #expect(check.summary.contains("6to4"))
    }

    @Test(
        "tables that fill up say so: 20,000 distinct DNS names overflow the name store's four-name sets"
    )
    func evictions() throws {
        func queries(_ count: Int) -> [(frame: [UInt8], time: Double)] {
            (0..<count).map { index in
                (
                    Self.ipv4Frame(
                        source: "192.0.2.10", destination: "192.0.2.53", proto: 17,
                        B.udp(
                            source: 1024 + index % 60_000, destination: 53,
                            payload: B.dnsQuery(id: index & 0xFFFF, name: "host-\(index).example", type: 1))),
                    1_000 + Double(index) * 0.001
                )
            }
        }
        let small = try Self.analyse("evictions-small", queries(1_000))
        #expect(small.evictions.total == 0)
        #expect(!small.text.contains("Evicted"))

        let large = try Self.analyse("evictions-large", queries(20_000))
        #expect(large.dns.queries == 20_000)
        // 20,000 names hashed into 16,384 sets of four: a set's count is Poisson with mean 1.22, and
        // the names beyond four in a set are evicted: 16,384 x E[max(0, X - 4)] = 168, sd 16.
        #expect((110...230).contains(large.evictions.dnsNames), "\(large.evictions.dnsNames)")
        #expect(large.evictions.total == large.evictions.dnsNames)
        let evictedLine = large.text.split(separator: "\n").first { $0.hasPrefix("Evicted ") }
        #expect(
            evictedLine?.hasSuffix(
                " DNS names \(large.evictions.dnsNames) (tables were full: what rests on them is incomplete)")
                == true)
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(large)) as? [String: Any]
        let evicted = try #require(json?["evictions"] as? [String: Int])
        #expect(evicted.count == 8 && evicted["dnsNames"] == large.evictions.dnsNames)
    }

    @Test("AAAA responses are answered, empty, failed or missing; DNS64 answers are recognised")
    func dnsAAAA() throws {
        let client = "2001:db8:1::10"
        let resolver = "2001:db8::53"
        var frames: [(frame: [UInt8], time: Double)] = []
        func exchange(
            _ id: Int, _ name: String, code: Int = 0, answers: [(type: Int, data: [UInt8])], time: Double
        ) {
            frames.append(
                (
                    Self.ipv6Frame(
                        source: client, destination: resolver, nextHeader: 17,
                        B.udp(
                            source: 30000 + id, destination: 53,
                            payload: B.dnsQuery(id: id, name: name, type: 28))), time
                ))
            frames.append(
                (
                    Self.ipv6Frame(
                        source: resolver, destination: client, mac: Self.routerMAC, nextHeader: 17,
                        B.udp(
                            source: 53, destination: 30000 + id,
                            payload: B.dnsResponse(
                                id: id, name: name, type: 28, responseCode: code, answers: answers))),
                    time + 0.01
                ))
        }
        exchange(1, "dual.example", answers: [(28, B.ipv6("2001:db8::1"))], time: 1)
        exchange(2, "v4only.example", answers: [], time: 2)
        exchange(3, "broken.example", code: 2, answers: [], time: 3)
        exchange(4, "nat64.example", answers: [(28, B.ipv6("64:ff9b::c000:221"))], time: 4)
        frames.append(
            (
                Self.ipv6Frame(
                    source: client, destination: resolver, nextHeader: 17,
                    B.udp(
                        source: 30009, destination: 53,
                        payload: B.dnsQuery(id: 9, name: "lost.example", type: 28))), 5
            ))
        frames.append(
            (
                Self.ipv6Frame(
                    source: client, destination: resolver, nextHeader: 17,
                    B.udp(
                        source: 30010, destination: 53,
                        payload: B.dnsQuery(id: 10, name: "late.example", type: 28))), 9
            ))
        let report = try Self.analyse("dns", frames)
        #expect(report.dns.aaaaQueries == 6)
        #expect(report.dns.aaaaAnswered == 2)
        #expect(report.dns.aaaaEmpty == 1)
        #expect(report.dns.aaaaFailed == 1)
        #expect(report.dns.unanswered == 1)
        #expect(report.dns.dns64Answers == 1)
        let check = try Self.check(report, "dns-aaaa")
        #expect(check.status == .warn)
        #expect(check.evidence.contains { $0.contains("broken.example") && $0.contains("SERVFAIL") })
        #expect(check.evidence.contains { $0.contains("lost.example") })
        #expect(try Self.check(report, "transition").summary.contains("NAT64/DNS64"))
    }

    @Test("hosts: EUI-64 addresses warn on privacy; a host left with link-local only under an RA fails")
    func hosts() throws {
        let ra = Self.ra(from: "fe80::1", mac: Self.routerMAC, prefix: "2001:db8:1::")
        let eui64 = Self.ipv6Frame(
            source: "2001:db8:1:0:200:ff:fe00:1", destination: "2001:db8::80", nextHeader: 17,
            B.udp(source: 1, destination: 2, payload: []))
        let starved = Self.ipv6Frame(
            source: "fe80::2", destination: "ff02::2", mac: "02:00:00:00:00:02", nextHeader: 58,
            B.icmpv6(type: 133, body: [0, 0, 0, 0]))
        let dualStack = Self.ipv4Frame(
            source: "192.0.2.10", destination: "198.51.100.1", proto: 17,
            B.udp(source: 1, destination: 2, payload: []))
        let report = try Self.analyse("hosts", [(ra, 1), (eui64, 2), (starved, 3), (dualStack, 4)])
        #expect(report.hosts.total == 2)
        #expect(report.hosts.routers == 1)
        #expect(report.hosts.dualStack == 1)
        #expect(report.hosts.linkLocalOnly == 1)
        #expect(report.hosts.eui64 == 1)
        #expect(try Self.check(report, "address-privacy").status == .warn)
        // One host has a global address, so the link-local one is only a warning here.
        let check = try Self.check(report, "host-addresses")
        #expect(check.status == .warn)
        #expect(check.evidence.contains { $0.contains("fe80::2") })
        // Under an RA that offers a prefix, a link with no global host at all fails.
        let alone = try Self.analyse("starved", [(ra, 1), (starved, 2)])
        let failed = try Self.check(alone, "host-addresses")
        #expect(failed.status == .fail)
        #expect(failed.evidence.contains { $0.contains("fe80::2") && $0.contains("has no global address") })
        // Without an RA offering one, the same host is only a warning: nothing told it to configure.
        let unadvertised = try Self.analyse("silent", [(starved, 1)])
        #expect(try Self.check(unadvertised, "host-addresses").status == .warn)
    }

    @Test("every check is named once: ids as JSON writes them, a title each, weights as documented")
    func checkIDs() throws {
        let report = try Self.analyse("silent", [])
        #expect(report.checks.map(\.id) == CheckID.allCases)
        #expect(Set(CheckID.allCases.map(\.title)).count == CheckID.allCases.count)
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(report)) as? [String: Any]
        let ids = (json?["checks"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
        #expect(ids == CheckID.allCases.map(\.rawValue) && ids?.contains("rogue-ra") == true)
        #expect(CheckID.allCases.map(\.weight).reduce(0, +) == 22 && CheckID.capture.weight == 0)
    }

    @Test("the score weighs the applicable checks: pass 1, warn 1/2, fail 0")
    func score() {
        let checks = [
            Check(.ipv6Traffic, status: .pass, summary: ""),
            Check(.rogueRA, status: .fail, summary: ""),
            Check(.fragments, status: .warn, summary: ""),
            Check(.transition, status: .notApplicable, summary: ""),
        ]
        // (3·1 + 2·0 + 1·0.5) / (3 + 2 + 1) = 3.5 / 6 = 58.3 %.
        #expect(Score.of(checks) == 58)
        #expect(Score.of([checks[3]]) == nil)
    }
}
