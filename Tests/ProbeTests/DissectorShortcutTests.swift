import Foundation
import Probe
import Testing

import enum Packets.PacketBuilder
import struct Packets.PcapWriter

@testable import Packets

private typealias B = PacketBuilder

/// The dissector's shortcuts for plain TCP segments and DNS messages over Ethernet give exactly
/// what the general path gives, on every frame they take and whatever was done to the frame.
@Suite("Dissector shortcuts for common TCP segments and DNS messages")
struct DissectorShortcutTests {
    /// Decodes `bytes` both ways, records a difference, and says whether the shortcut took it.
    static func compare(_ bytes: [UInt8], _ linkType: LinkType, wireLength: Int) -> Bool {
        let dissector = Dissector(linkType: linkType)
        let span = bytes.span.bytes
        let general = dissector.decodeInGeneral(span, wireLength: wireLength)
        #expect(dissector.decode(span, wireLength: wireLength) == general, "\(bytes)")
        guard let shortcut = dissector.decodeCommonTCP(span) else { return false }
        #expect(shortcut == general, "\(bytes)")
        #expect(general.error == nil)
        return true
    }

    /// TCP segments over IPv4 and IPv6 with ports, flags, options, payloads and trailers varied.
    static func segments() -> [[UInt8]] {
        var frames: [[UInt8]] = []
        for (index, (source, destination)) in [(40_000, 443), (443, 40_000), (53, 5_000), (5_000, 53)]
            .enumerated()
        {
            for flags in [B.syn, B.ack, B.syn | B.ack, B.rst, 0x18, 0x3F, 0xFF] {
                for (options, payload) in [(0, 0), (12, 0), (0, 100), (40, 1_400)] {
                    var tcp = B.tcp(
                        source: source, destination: destination, flags: flags, sequence: 7,
                        acknowledgment: 9,
                        payload: [UInt8](repeating: 0xAB, count: payload))
                    tcp.insert(contentsOf: [UInt8](repeating: 1, count: options), at: 20)
                    tcp[12] = UInt8((20 + options) / 4) << 4
                    let v4 = B.ipv4Packet(
                        source: "192.0.2.\(index + 1)", destination: "198.51.100.7", protocol: 6,
                        fragmentField: [0, 0x4000][index % 2], payload: tcp)
                    let v6 = B.ipv6Packet(
                        source: "2001:db8::\(index + 1)", destination: "2001:db8:1::7", nextHeader: 6,
                        payload: tcp)
                    // With and without an Ethernet trailer (padding after the IP packet).
                    for trailer in [0, 6] {
                        frames.append(
                            B.ethernet(type: 0x0800, payload: v4) + [UInt8](repeating: 0, count: trailer))
                        frames.append(
                            B.ethernet(type: 0x86DD, payload: v6) + [UInt8](repeating: 0, count: trailer))
                    }
                }
            }
        }
        return frames
    }

    /// DNS messages over UDP, IPv4 and IPv6, with DNS on either side, on DHCPv6's ports too
    /// (which win), and with the UDP length short of, equal to or beyond the IP packet's.
    static func datagrams() -> [[UInt8]] {
        var frames: [[UInt8]] = []
        let message = B.dnsQuery(id: 7, name: "www.example.org", type: 28)
        for (source, destination) in [(40_000, 53), (53, 40_000), (53, 547), (546, 53), (5_353, 5_353)] {
            for lengthChange in [0, -4, 5] {
                var udp = B.udp(source: source, destination: destination, payload: message)
                let length = udp.count + lengthChange
                udp[4] = UInt8(length >> 8)
                udp[5] = UInt8(length & 0xFF)
                frames.append(
                    B.ethernet(
                        type: 0x0800,
                        payload: B.ipv4Packet(
                            source: "192.0.2.1", destination: "192.0.2.53", protocol: 17, payload: udp)))
                frames.append(
                    B.ethernet(
                        type: 0x86DD,
                        payload: B.ipv6Packet(
                            source: "2001:db8::1", destination: "2001:db8::53", nextHeader: 17, payload: udp))
                )
            }
        }
        return frames
    }

    @Test("DNS datagrams: the shortcut takes those on port 53 with a consistent length, and agrees")
    func dnsDatagrams() {
        let dissector = Dissector(linkType: .ethernet)
        var taken = 0
        for frame in Self.datagrams() {
            _ = Self.compare(frame, .ethernet, wireLength: frame.count)
            let span = frame.span.bytes
            if let packet = dissector.decodeCommonDNS(span) {
                taken += 1
                #expect(packet == dissector.decodeInGeneral(span, wireLength: frame.count))
                guard case .dns? = packet.application else {
                    Issue.record("not a DNS message: \(packet)")
                    continue
                }
            }
        }
        // Ports (40000, 53) and (53, 40000), exact or short UDP lengths, both IP versions.
        #expect(taken == 8)
    }

    @Test("generated segments, each prefix of them and seeded mutations: the shortcut agrees")
    func generated() {
        let frames = Self.segments()
        var taken = 0
        for frame in frames where Self.compare(frame, .ethernet, wireLength: frame.count) { taken += 1 }
        // Every segment not on port 53 is taken; those on it are left to the general path.
        #expect(taken == frames.count / 2)
        for frame in frames.prefix(56) {
            for length in 0..<frame.count {
                _ = Self.compare(Array(frame.prefix(length)), .ethernet, wireLength: frame.count)
            }
        }
        var mutator = DecoderRobustnessTests.Mutator(state: 0x5EED_7C9)
        var mutatedTaken = 0
        for _ in 0..<20 {
            for frame in frames {
                let bytes = mutator.mutate(frame)
                if Self.compare(bytes, .ethernet, wireLength: max(bytes.count, frame.count)) {
                    mutatedTaken += 1
                }
            }
        }
        #expect(mutatedTaken > 1_000)
    }

    @Test("every corpus frame and seeded mutations of it: the shortcut agrees")
    func corpus() throws {
        let frames = try DecoderRobustnessTests.corpusFrames()
        var taken = 0
        for frame in frames where Self.compare(frame.bytes, frame.linkType, wireLength: frame.wireLength) {
            taken += 1
        }
        #expect(taken > 100)
        var mutator = DecoderRobustnessTests.Mutator(state: 0xC0FF_EE)
        for _ in 0..<10 {
            for frame in frames {
                let bytes = mutator.mutate(frame.bytes)
                _ = Self.compare(bytes, frame.linkType, wireLength: max(bytes.count, frame.wireLength))
            }
        }
    }

    @Test(
        "the probe's report is the same whether segments and DNS datagrams take their lanes or the full path")
    func analysisAgrees() throws {
        // Ethernet frames of the corpus, the generated segments (SYNs, answers, resets and data
        // both ways) and mangled copies of both, at rising times.
        var frames = try DecoderRobustnessTests.corpusFrames().filter { $0.linkType == .ethernet }.map(
            \.bytes)
        frames += Self.segments() + Self.datagrams()
        var mutator = DecoderRobustnessTests.Mutator(state: 0xA11_CE)
        frames += frames.map { mutator.mutate($0) }
        var writer = PcapWriter()
        for (index, frame) in frames.enumerated() { writer.append(frame, time: 1_000 + Double(index) / 100) }
        let path = try writer.write(named: "common-tcp-analysis")
        defer { try? FileManager.default.removeItem(atPath: path) }

        let shortcut = try CaptureReader.analyse([path]).report()
        var full = ProbeAnalysis()
        full.beginFile(path: path, linkType: .ethernet)
        let dissector = Dissector(linkType: .ethernet)
        var taken = 0
        var dnsTaken = 0
        for (index, frame) in frames.enumerated() {
            let span = frame.span.bytes
            if dissector.commonTCPSegment(span) != nil { taken += 1 }
            if dissector.commonDNSDatagram(span) != nil { dnsTaken += 1 }
            full.observe(
                dissector.decodeInGeneral(span, wireLength: frame.count), bytes: span, number: index + 1,
                time: 1_000 + Double(index) / 100, wireLength: frame.count)
        }
        #expect(taken > 500)
        #expect(dnsTaken > 8, "\(dnsTaken)")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let expected = try encoder.encode(full.report())
        let got = try encoder.encode(shortcut)
        #expect(got == expected, "\(String(decoding: got, as: UTF8.self))")
    }
}
