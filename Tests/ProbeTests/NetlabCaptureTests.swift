import Foundation
import Testing

@testable import Packets
@testable import Probe

/// Captures of real daemons (Fixtures/netlab, recorded by Tools/netlab/record.sh from Debian
/// 12's radvd, dnsmasq, ISC dhcpd and dhclient, unbound, tayga, nftables, curl): the decoding
/// shortcuts agree with the general path frame by frame and report by report, the counts agree
/// with tshark's, and the findings are what the daemons were configured to make.
@Suite("Probe on captures of real daemons")
struct NetlabCaptureTests {
    static let corpus = Result { try Corpus("netlab") }

    static func captures() throws -> [(path: String, entry: Corpus.Entry)] {
        let corpus = try corpus.get()
        return corpus.entries.map { (corpus.path($0), $0) }
    }

    static func report(_ name: String) throws -> ReadinessReport {
        try CaptureReader.analyse([try corpus.get().folder.appendingPathComponent("\(name).pcap").path])
            .report()
    }

    @Test("every frame: the shortcuts for TCP segments and DNS datagrams decode as the general path does")
    func framesAgree() throws {
        var frames = 0
        var taken = 0
        for (path, _) in try Self.captures() {
            let handle = try PcapHandle(offline: path)
            let linkType = LinkType(rawValue: handle.linkType)
            try handle.forEachPacket { bytes, info in
                let frame = (0..<bytes.byteCount).map { bytes.unsafeLoad(fromByteOffset: $0, as: UInt8.self) }
                frames += 1
                if DissectorShortcutTests.compare(frame, linkType, wireLength: info.wireLength) { taken += 1 }
            }
        }
        #expect(frames == 133)
        // The HTTP exchanges and DNS over UDP: a good part of the frames take a shortcut.
        #expect(taken > 40, "\(taken) of \(frames)")
    }

    @Test("every capture: the report with the shortcuts equals the report through the general path alone")
    func reportsAgree() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        for (path, _) in try Self.captures() {
            var general = ProbeAnalysis()
            try CaptureReader.read(path, filter: nil, sixRD: nil, shortcuts: false, into: &general)
            let fast = try CaptureReader.analyse([path])
            #expect(
                String(decoding: try encoder.encode(fast.report()), as: UTF8.self)
                    == String(decoding: try encoder.encode(general.report()), as: UTF8.self), "\(path)")
        }
    }

    @Test("packets, ICMPv6 and DHCPv6 types, DNS and TCP handshakes match tshark's decoding")
    func countsMatchTshark() throws {
        for (path, entry) in try Self.captures() {
            let report = try CaptureReader.analyse([path]).report()
            for (field, probe, reference) in CorpusTests.fields(of: report, against: entry) {
                #expect(probe == reference, "\(entry.file) \(field): probe \(probe), tshark \(reference)")
            }
        }
    }

    @Test("the findings the lab's daemons were set up to cause")
    func findings() throws {
        func status(_ report: ReadinessReport, _ id: String) -> Check.Status? {
            report.checks.first { $0.id.rawValue == id }?.status
        }
        let dhcpv6 = try Self.report("dhcpv6")
        #expect(dhcpv6.hosts.dualStack == 1 && dhcpv6.hosts.total == 1)
        #expect(dhcpv6.dhcpv6.addresses.count == 1)
        #expect(dhcpv6.routerAdvertisements.map(\.mtu) == [1480])
        #expect(status(dhcpv6, "ipv6-connectivity") == .pass)
        let pd = try Self.report("prefix-delegation")
        // A /56 from dhcpd's range 2001:db8:100:: to 2001:db8:1ff:: (lab.sh's PD_POOL).
        let delegated = try #require(pd.dhcpv6.delegatedPrefixes.first?.prefix)
        #expect(pd.dhcpv6.delegatedPrefixes.count == 1 && delegated.length == 56)
        #expect((0x2001_0DB8_0100_0000...0x2001_0DB8_01FF_0000).contains(delegated.address.high))
        #expect(status(try Self.report("happy-eyeballs"), "ipv6-connectivity") == .fail)
        #expect(status(try Self.report("rogue-ra"), "rogue-ra") == .fail)
        let nat64 = try Self.report("nat64")
        #expect(nat64.nat64.prefixes.map(\.prefix) == ["2001:db8:64::/96"])
        #expect(nat64.nat64.translatedDestinations.map(\.address) == ["198.51.100.80"])
        #expect(try Self.report("small-mtu").packetTooBig.map(\.mtu) == [1280])
    }
}
