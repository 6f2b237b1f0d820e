import Foundation
import Testing

/// The corpus captures and their independent decoding (index.json: tshark 4.0 / capinfos /
/// tcpdump 4.99), as the tests read them.
struct Corpus {
    struct Entry: Decodable {
        struct LinkType: Decodable { var linktype: Int }
        struct ICMPv6: Decodable {
            var byType: [String: Int]
            enum CodingKeys: String, CodingKey { case byType = "by_type" }
        }
        struct DHCPv6: Decodable {
            var byType: [String: Int]
            enum CodingKeys: String, CodingKey { case byType = "by_type" }
        }
        struct DNS: Decodable {
            var aaaaQueries: Int
            enum CodingKeys: String, CodingKey { case aaaaQueries = "aaaa_queries" }
        }
        struct Tshark: Decodable {
            var malformedFrames: Int
            var expertErrorFrames: Int
            enum CodingKeys: String, CodingKey {
                case malformedFrames = "malformed_frames"
                case expertErrorFrames = "expert_error_frames"
            }
        }
        struct TcpdumpLocal: Decodable {
            var packetsWithIP6: Int
            enum CodingKeys: String, CodingKey { case packetsWithIP6 = "packets_with_IP6" }
        }
        var file: String
        var packets: Int
        var ipv6Packets: Int
        var linkType: LinkType
        var icmpv6: ICMPv6
        var dhcpv6: DHCPv6
        var dns: DNS
        var tunnelCounts: [String: Int]
        var tshark: Tshark
        var tcpdumpLocal: TcpdumpLocal

        enum CodingKeys: String, CodingKey {
            case file, packets, icmpv6, dhcpv6, dns, tshark
            case ipv6Packets = "ipv6_packets"
            case linkType = "link_type"
            case tunnelCounts = "tunnel_counts"
            case tcpdumpLocal = "tcpdump_local"
        }
    }

    struct Index: Decodable {
        var files: [Entry]
    }

    var folder: URL
    var entries: [Entry]

    /// The corpus folder `name` ("tcpdump" or "zeek") with its index.
    init(_ name: String) throws {
        folder = try #require(
            Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures"))
        entries = try JSONDecoder().decode(
            Index.self, from: Data(contentsOf: folder.appendingPathComponent("index.json"))
        ).files
    }

    func path(_ entry: Entry) -> String { folder.appendingPathComponent(entry.file).path }

    /// Every capture of both folders.
    static func all() throws -> [(corpus: Corpus, entry: Entry)] {
        try ["tcpdump", "zeek"].flatMap { name in
            let corpus = try Corpus(name)
            return corpus.entries.map { (corpus, $0) }
        }
    }
}

/// Where the probe disagrees with tshark on purpose: the capture, the count, the probe's value,
/// and why. The corpus test checks that the probe gives exactly this value and that it still
/// differs from tshark's (so an entry cannot go stale).
struct Disagreement {
    var file: String
    var field: String
    var probe: String
    var reason: String

    static let all: [Disagreement] = [
        Disagreement(
            file: "bad-ipv4-version-pgm-heapoverflow.pcap", field: "ipv6Packets", probe: "0",
            reason: "EtherType IPv4 with a header whose version is 6: tshark hands it to its IPv6 dissector; "
                + "the probe counts a malformed IPv4 packet (the kernel would drop it, RFC 791 requires version 4)"
        ),
        Disagreement(
            file: "kday1.pcap", field: "ipv6Packets", probe: "0",
            reason:
                "the same fuzzed IPv4 header with version 6 (index.json: ipv6_header_after_ipv4_without_proto41)"
        ),
        Disagreement(
            file: "LINKTYPE_IPV4_invalid.pcap", field: "ipv6Packets", probe: "0",
            reason: "LINKTYPE_IPV4 carrying a version-6 header: malformed IPv4, not IPv6"),
        Disagreement(
            file: "6in6in6.pcap", field: "tunnels", probe: "ipv6-in-ipv6:1",
            reason:
                "tshark counts two nested IPv6-in-IPv6 layers in the one frame; the probe counts frames per tunnel kind"
        ),
        Disagreement(
            file: "icmp6_nodeinfo_oobr.pcap", field: "icmpv6Types", probe: "140:1",
            reason:
                "SLIP (LINKTYPE 8): tshark 4.0 does not decode it; tcpdump shows an ICMPv6 node information reply (140)"
        ),
    ]
}
