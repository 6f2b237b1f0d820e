import Foundation
import Probe
import Testing

/// The probe against an independent decoder: for each of the 110 public captures, the counts
/// index.json holds (computed by tshark) must equal the probe's, except where `Disagreement`
/// says why not.
@Suite("Probe counts against tshark's decoding of the corpus")
struct CorpusTests {
    /// The counts compared, as canonical text ("128:2,129:2" for a dictionary).
    static func canonical(_ counts: [Int: Int]) -> String {
        canonical(Dictionary(uniqueKeysWithValues: counts.map { (String($0.key), $0.value) }))
    }

    static func canonical(_ counts: [String: Int]) -> String {
        counts.filter { $0.value != 0 }.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value)" }
            .joined(separator: ",")
    }

    /// tshark's tunnel counts in the probe's kinds: IPv6-in-IPv4 (6in4, 6to4 and 6rd together,
    /// which tshark does not tell apart), IPv4-in-IPv6, IPv6-in-IPv6, Teredo, and overlays.
    static func expectedTunnels(_ counts: [String: Int]) -> String {
        let names = [
            "ipv4_proto41": "6in4*", "ipv6_nh4": "ipv4-in-ipv6", "ipv6_nh41": "ipv6-in-ipv6",
            "teredo": "teredo",
            "overlay_gre": "gre", "overlay_vxlan": "vxlan", "overlay_geneve": "geneve",
            "overlay_gtp": "gtp-u",
            "overlay_ayiya": "ayiya",
        ]
        var mapped: [String: Int] = [:]
        for (key, value) in counts { if let name = names[key] { mapped[name] = value } }
        return canonical(mapped)
    }

    static func probeTunnels(_ tunnels: [String: Int]) -> String {
        var mapped = tunnels
        let sixInFour = ["6in4", "6to4", "6rd"].reduce(0) { $0 + (mapped.removeValue(forKey: $1) ?? 0) }
        if sixInFour > 0 { mapped["6in4*"] = sixInFour }
        mapped["mpls"] = nil
        mapped["ipv4-in-ipv4"] = nil
        return canonical(mapped)
    }

    /// The counts compared: the probe's and the reference's, by field name.
    static func fields(of report: ReadinessReport, against entry: Corpus.Entry) -> [(
        field: String, probe: String, reference: String
    )] {
        // tshark 4.0 does not decode SLIP; tcpdump does, and is the reference there.
        let ipv6Reference =
            entry.linkType.linktype == 8 ? entry.tcpdumpLocal.packetsWithIP6 : entry.ipv6Packets
        return [
            ("packets", String(report.packets), String(entry.packets)),
            ("ipv6Packets", String(report.ipv6Packets), String(ipv6Reference)),
            ("icmpv6Types", canonical(report.icmpv6Types), canonical(entry.icmpv6.byType)),
            ("dhcpv6", canonical(report.dhcpv6.messages), canonical(entry.dhcpv6.byType)),
            ("aaaaQueries", String(report.dns.aaaaQueries), String(entry.dns.aaaaQueries)),
            ("dnsQueries", String(report.dns.queries), String(entry.dns.queries)),
            ("dnsResponses", String(report.dns.responses), String(entry.dns.responses)),
            ("aQueries", String(report.dns.aQueries), String(entry.dns.aQueries)),
            (
                "aaaaResponses",
                String(report.dns.aaaaAnswered + report.dns.aaaaEmpty + report.dns.aaaaFailed),
                String(entry.dns.aaaaResponses)
            ),
            ("tunnels", probeTunnels(report.tunnels), expectedTunnels(entry.tunnelCounts)),
            ("ipv6SYNs", String(report.ipv6Connections.syns), String(entry.tcp.ipv6SYNs)),
            // Each answered attempt is one SYN-ACK (the tests' captures hold no RST answers).
            ("ipv6Answered", String(report.ipv6Connections.answered), String(entry.tcp.ipv6SYNACKs)),
            ("ipv4SYNs", String(report.ipv4Connections.syns), String(entry.tcp.ipv4SYNs)),
            ("ipv4SYNACKs", String(report.ipv4Connections.answered), String(entry.tcp.ipv4SYNACKs)),
            ("malformed", String(report.malformed), String(entry.tshark.expertErrorFrames)),
        ]
    }

    @Test(
        "packets, IPv6 packets, ICMPv6 and DHCPv6 types, DNS queries and responses, TCP handshakes, tunnels and malformed frames match tshark"
    )
    func counts() throws {
        let captures = try Corpus.all()
        #expect(captures.count == 110)
        var compared = 0
        var used = Set<String>()
        for (corpus, entry) in captures {
            let report = try CaptureReader.analyse([corpus.path(entry)]).report()
            for (field, probe, reference) in Self.fields(of: report, against: entry) {
                compared += 1
                if let known = Disagreement.all.first(where: { $0.file == entry.file && $0.field == field }) {
                    used.insert("\(known.file) \(known.field)")
                    #expect(
                        probe == known.probe, "\(entry.file) \(field): \(probe), documented \(known.probe)")
                    #expect(
                        probe != reference,
                        "\(entry.file) \(field) now agrees with tshark: drop the disagreement")
                } else {
                    #expect(probe == reference, "\(entry.file) \(field): probe \(probe), tshark \(reference)")
                }
            }
        }
        #expect(compared == 110 * 15)
        #expect(used.count == Disagreement.all.count)
    }

    @Test(
        "the corpus exercises what the probe decodes: RAs, DHCPv6 IA_PD, AAAA, tunnels, PPPoE, SLL2, malformed"
    )
    func coverage() throws {
        var reports: [String: ReadinessReport] = [:]
        for (corpus, entry) in try Corpus.all() {
            reports[entry.file] = try CaptureReader.analyse([corpus.path(entry)]).report()
        }
        let pd = try #require(reports["dhcpv6-ia-pd.pcap"])
        #expect(pd.dhcpv6.delegatedPrefixes.map(\.prefix.description) == ["2a00:1:1:100::/56"])
        let ra = try #require(reports["icmpv6.pcap"]?.routerAdvertisements.first)
        #expect(ra.router == "fe80::b299:28ff:fec8:d66c")
        #expect(ra.prefixes.map(\.prefix) == ["2222:3333:4444:5555:6600::/72"])
        #expect(Set(ra.dnsServers) == ["abcd::efef", "1234:5678::1"])
        let pref64 = try #require(reports["icmpv6-ra-pref64.pcap"])
        // tcpdump prints the PREF64 options' data as 0000 2001 0db8 0001 0064 ff9b 0000, then
        // 070e ..., 0708 ..., fff8 2001 0db8 0000 0064 ff9b 0000: PLC 0 (a /96) except the
        // second, whose PLC 6 is invalid (RFC 8781 defines 0-5).
        #expect(
            pref64.routerAdvertisements.compactMap(\.pref64) == [
                "2001:db8:1:64:ff9b::/96", "2001:db8:0:64:ff9b::/96", "2001:db8:0:64:ff9b::/96",
            ])
        #expect(pref64.malformed == 1)
        #expect(reports["Teredo.pcap"]?.tunnels["teredo"] == 29)
        #expect(reports["4in6.pcap"]?.tunnels["ipv4-in-ipv6"] == 1)
        #expect(reports["6in4.pcap"]?.tunnels["6in4"] == 1)
        let pppoe = try #require(reports["pppoe.pcap"])
        #expect(pppoe.ipv6Packets == 25)
        #expect(reports["linux_dlt_sll2.pcap"]?.ipv6Packets == 2)
        let malformed = reports.values.filter { $0.malformed > 0 }.count
        #expect(malformed >= 10)
    }
}
