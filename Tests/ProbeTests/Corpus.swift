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
            var queries: Int
            var responses: Int
            var aQueries: Int
            var aaaaQueries: Int
            var aaaaResponses: Int
            enum CodingKeys: String, CodingKey {
                case queries, responses
                case aQueries = "a_queries"
                case aaaaQueries = "aaaa_queries"
                case aaaaResponses = "aaaa_responses"
            }
        }
        struct Tshark: Decodable {
            var malformedFrames: Int
            var expertErrorFrames: Int
            enum CodingKeys: String, CodingKey {
                case malformedFrames = "malformed_frames"
                case expertErrorFrames = "expert_error_frames"
            }
        }
        /// SYNs and SYN-ACKs by the version of the IP header carrying them (ICMP quotes left out).
        struct TCP: Decodable {
            var ipv6SYNs: Int
            var ipv6SYNACKs: Int
            var ipv4SYNs: Int
            var ipv4SYNACKs: Int
            enum CodingKeys: String, CodingKey {
                case ipv6SYNs = "ipv6_syns"
                case ipv6SYNACKs = "ipv6_syn_acks"
                case ipv4SYNs = "ipv4_syns"
                case ipv4SYNACKs = "ipv4_syn_acks"
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
        var tcp: TCP
        var tshark: Tshark
        var tcpdumpLocal: TcpdumpLocal

        enum CodingKeys: String, CodingKey {
            case file, packets, icmpv6, dhcpv6, dns, tcp, tshark
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
        // DNS: the probe counts DNS on port 53 (UDP and TCP) and mDNS/LLMNR messages, but only
        // port-53 answers as responses; tshark counts every message with the response bit.
        Disagreement(
            file: "mdns.pcap", field: "dnsResponses", probe: "0",
            reason:
                "six mDNS (5353) announcements: responses for tshark; the probe counts them as DNS messages, "
                + "not as answers to queries"),
        Disagreement(
            file: "wikipedia.pcap", field: "dnsResponses", probe: "14",
            reason: "the two mDNS responses among the sixteen (frames 2 and 3); the fourteen on port 53 agree"
        ),
        Disagreement(
            file: "icmp6.pcap", field: "dnsResponses", probe: "0",
            reason:
                "a DNS response quoted inside an ICMPv6 error: tshark dissects the quoted packet; the probe "
                + "reads only the quoted packet's destination (for Path MTU), not its DNS"),
        Disagreement(
            file: "icmp6.pcap", field: "aaaaResponses", probe: "0", reason: "the same quoted response (AAAA)"),
        Disagreement(
            file: "LINKTYPE_IPV4_invalid.pcap", field: "dnsQueries", probe: "0",
            reason: "its DNS query rides in the version-6 header that the probe reads as malformed IPv4"),
        Disagreement(
            file: "LINKTYPE_IPV4_invalid.pcap", field: "aQueries", probe: "0", reason: "the same A query"),
        // Malformed frames: the probe's count against the frames tshark gives an expert error.
        Disagreement(
            file: "dhcp6_reconf_asan.pcap", field: "malformed", probe: "0",
            reason:
                "a Reconfigure Message option (19) of the wrong length: tshark checks every DHCPv6 option's "
                + "length against its type; the probe decodes the options it reports (IA_PD, DNS servers, status) "
                + "and steps over the others by their length"),
        Disagreement(
            file: "hncp_dhcpv6data-oobr.pcap", field: "malformed", probe: "0",
            reason: "an HNCP (RFC 7788) TLV with a bad length: the probe does not decode HNCP"),
        Disagreement(
            file: "bgp-orf.pcapng", field: "malformed", probe: "0",
            reason: "a BGP outbound route filter entry of an unknown type: the probe does not decode BGP"),
        Disagreement(
            file: "ipv6_frag6_negative_len.pcap", field: "malformed", probe: "0",
            reason:
                "IPv6 payload length 0 without a Jumbo Payload option, in a frame cut by the snap length: "
                + "tshark calls it an error; the probe reads length 0 as running to the end of the frame "
                + "(segmentation offload writes it so) and what follows is cut by the snap length"),
        Disagreement(
            file: "ipv6_missing_jumbo_payload_option.pcap", field: "malformed", probe: "0",
            reason: "the same: payload length 0 and a hop-by-hop header without the Jumbo Payload option"),
        Disagreement(
            file: "ipv6hdr-heapoverflow.pcap", field: "malformed", probe: "0",
            reason:
                "a frame of 262,144 bytes captured to 48: tshark reports the option cut by the snap length "
                + "as an error; the probe counts frames cut by the snap length apart, not as malformed"),
        Disagreement(
            file: "ipv6-next-header-oobr-1.pcap", field: "malformed", probe: "0",
            reason: "the same frame cut to 48 bytes by the snap length"),
        Disagreement(
            file: "ipv6-next-header-oobr-2.pcap", field: "malformed", probe: "0",
            reason: "the same frame cut to 48 bytes by the snap length"),
        Disagreement(
            file: "ipv6_jumbogram_invalid_length.pcap", field: "malformed", probe: "1",
            reason: "an IPv6 payload length beyond the frame captured whole: tshark gives a warning "
                + "('payload length exceeds framing length'); for the probe the packet is malformed"),
        Disagreement(
            file: "ipv6_invalid_length_2.pcap", field: "malformed", probe: "1",
            reason: "the same: a payload length beyond the frame captured whole, a warning for tshark"),
        Disagreement(
            file: "cve2015-0261-ipv6.pcap", field: "malformed", probe: "2",
            reason: "SLIP: tshark 4.0 does not decode it (no verdict); tcpdump prints both frames as "
                + "'truncated-ip6 - 26325 bytes missing', as the probe finds their payload lengths beyond the frame"
        ),
        Disagreement(
            file: "LINKTYPE_IPV4_invalid.pcap", field: "malformed", probe: "1",
            reason: "LINKTYPE_IPV4 carrying a version-6 header: tshark dissects it as IPv6, the probe counts "
                + "a malformed IPv4 header (the ipv6Packets disagreement above)"),
    ]
}
