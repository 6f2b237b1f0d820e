import Foundation
import Probe
import Testing

/// The libpcap wrapper against the corpus and its independent decoding (capinfos/tshark).
@Suite("Capture files through libpcap")
struct PcapHandleTests {
    struct Entry: Decodable {
        struct LinkType: Decodable { var linktype: Int }
        var file: String
        var packets: Int
        var ipv6Packets: Int
        var linkType: LinkType

        enum CodingKeys: String, CodingKey {
            case file, packets
            case ipv6Packets = "ipv6_packets"
            case linkType = "link_type"
        }
    }

    struct Index: Decodable {
        var files: [Entry]
    }

    static func corpus(_ name: String) throws -> (folder: URL, entries: [Entry]) {
        let folder = try #require(
            Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures"))
        let index = try JSONDecoder().decode(
            Index.self, from: Data(contentsOf: folder.appendingPathComponent("index.json")))
        return (folder, index.files)
    }

    @Test(
        "every capture opens with the link type and packet count the index gives",
        arguments: ["tcpdump", "zeek"])
    func counts(corpus: String) throws {
        let (folder, entries) = try Self.corpus(corpus)
        #expect(entries.count > 30)
        for entry in entries {
            let handle = try PcapHandle(offline: folder.appendingPathComponent(entry.file).path)
            #expect(handle.linkType == entry.linkType.linktype, "\(entry.file)")
            var bytes = 0
            let count = try handle.forEachPacket { data, info in
                bytes += data.byteCount
                #expect(data.byteCount <= info.wireLength || info.wireLength == 0)
            }
            #expect(count == entry.packets, "\(entry.file): \(count) vs \(entry.packets)")
        }
    }

    @Test("a BPF filter keeps what it names: 'ip6' on Ethernet captures matches tshark's IPv6 count")
    func filter() throws {
        let (folder, entries) = try Self.corpus("tcpdump")
        // Plain Ethernet captures with no VLAN/PPPoE wrapping, where BPF's ip6 sees every IPv6 frame.
        let plain = ["icmpv6.pcap", "dhcpv6-ia-pd.pcap", "ipv6-routing-header.pcap"]
        var checked = 0
        for entry in entries where plain.contains(entry.file) && entry.linkType.linktype == 1 {
            let handle = try PcapHandle(offline: folder.appendingPathComponent(entry.file).path)
            try handle.setFilter("ip6")
            #expect(try handle.forEachPacket { _, _ in } == entry.ipv6Packets, "\(entry.file)")
            checked += 1
        }
        // All three are in the fixtures' index as Ethernet captures: none may drop out unseen.
        #expect(checked == plain.count)
    }

    @Test("errors carry libpcap's message: a missing file, a bad filter, a file that is not a capture")
    func errors() throws {
        #expect(throws: CaptureError.self) { _ = try PcapHandle(offline: "/nonexistent/capture.pcap") }
        do {
            _ = try PcapHandle(offline: "/nonexistent/capture.pcap")
        } catch {
            #expect(error.description.contains("/nonexistent/capture.pcap: cannot open the capture: "))
            #expect(error.description.contains("No such file"))
        }
        let (folder, entries) = try Self.corpus("tcpdump")
        let handle = try PcapHandle(offline: folder.appendingPathComponent(entries[0].file).path)
        do {
            try handle.setFilter("ip6 and and")
            Issue.record("a bad filter was accepted")
        } catch {
            #expect(error.description.hasPrefix("bad BPF filter 'ip6 and and': "))
        }
        let text = FileManager.default.temporaryDirectory.appendingPathComponent(
            "not-a-capture-\(UUID()).pcap")
        try Data("this is not a capture file at all".utf8).write(to: text)
        defer { try? FileManager.default.removeItem(at: text) }
        #expect(throws: CaptureError.self) { _ = try PcapHandle(offline: text.path) }
    }

    @Test("a capture cut short reads up to the cut and then reports the damage")
    func truncated() throws {
        let (folder, entries) = try Self.corpus("tcpdump")
        let entry = try #require(entries.first { $0.packets >= 4 && $0.file.hasSuffix(".pcap") })
        let data = try Data(contentsOf: folder.appendingPathComponent(entry.file))
        let cut = FileManager.default.temporaryDirectory.appendingPathComponent("cut-\(UUID()).pcap")
        try data.prefix(data.count - 7).write(to: cut)
        defer { try? FileManager.default.removeItem(at: cut) }
        var errors: [String] = []
        for mapped in [true, false] {
            let handle = try PcapHandle(offline: cut.path, mapped: mapped)
            #expect(handle.isMapped == mapped)
            var seen = 0
            let error = #expect(throws: CaptureError.self) { try handle.forEachPacket { _, _ in seen += 1 } }
            #expect(seen == entry.packets - 1)
            errors.append(error?.description ?? "")
        }
        // Read from the mapping or through stdio, the cut is reported the same way.
        #expect(errors[0] == errors[1] && errors[0].contains("reading packet \(entry.packets) failed"))
    }
}
