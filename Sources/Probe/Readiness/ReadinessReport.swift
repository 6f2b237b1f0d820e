import Packets

/// Everything the probe found, as the JSON report carries it (docs/probe.md describes each
/// field), with the checks and the readiness score.
public struct ReadinessReport: Sendable, Codable {
    public var files: [CaptureSummary]
    public var packets: Int
    public var ipv4Packets: Int
    /// Frames with at least one IPv6 header (tunnelled IPv6 included).
    public var ipv6Packets: Int
    public var nonIPPackets: Int
    public var durationSeconds: Double
    public var bytesByFamily: [String: Int]
    /// Distinct flows (protocol and both endpoints) by family, estimated within about 1%.
    public var flowsByFamily: [String: Int]
    /// Outermost ICMPv6 message of each frame, by type number (JSON object keys are numbers
    /// written as text).
    public var icmpv6Types: [Int: Int]
    /// The same by the type's name (`router advertisement`, `echo request`, `type 200`).
    public var icmpv6TypesByName: [String: Int]
    public var routerSolicitations: Int
    /// Router advertisements carried inside a tunnel (Teredo, 6in4): they serve the tunnel's
    /// link, so the router checks leave them out.
    public var tunnelledRouterAdvertisements: Int
    public var routerAdvertisements: [RouterAdvertisementSummary]
    public var dhcpv6: DHCPv6Summary
    public var dns: DNSSummary
    public var hosts: HostSummary
    /// Frames per tunnel kind ("6in4", "6to4", "6rd", "teredo", "ipv4-in-ipv6", ...).
    public var tunnels: [String: Int]
    public var tunnelledIPv6Packets: Int
    public var fragments: FragmentSummary
    public var packetTooBig: [PacketTooBigSummary]
    public var ipv6Connections: ConnectionSummary
    public var ipv4Connections: ConnectionSummary
    public var topIPv4OnlyDestinations: [DestinationSummary]
    /// NAT64 prefixes learnt, and the IPv4 servers reached through them.
    public var nat64: NAT64Summary
    /// What the active checks sent and got back (`--active`); absent when they did not run.
    public var active: [ActiveResult]?
    /// Packets with a decode error.
    public var malformed: Int
    /// Frames cut by the snap length (not malformed).
    public var snapTruncated: Int
    public var anomalies: [AnomalySummary]
    /// Entries each bounded table dropped to make room: where not all zero, what rests on those
    /// tables (host counts, unanswered attempts and queries, destinations' names) is incomplete.
    public var evictions: EvictionSummary
    public var checks: [Check]
    /// 0-100, or nil when no check applied (docs/probe.md gives the formula).
    public var score: Int?

    /// One distinct router advertisement.
    public struct RouterAdvertisementSummary: Sendable, Hashable, Codable {
        public var router: String
        public var vlan: Int?
        public var firstPacket: PacketRef
        public var count: Int
        public var hopLimit: Int
        public var managed: Bool
        public var otherConfiguration: Bool
        public var preference: Int
        public var routerLifetime: Int
        public var mtu: Int?
        public var prefixes: [PrefixSummary]
        public var dnsServers: [String]
        public var searchDomains: [String]
        public var routes: [String]
        public var pref64: String?
        public var sourceLinkLayerAddress: String?
    }

    /// A prefix information option.
    public struct PrefixSummary: Sendable, Hashable, Codable {
        public var prefix: String
        public var onLink: Bool
        public var autonomous: Bool
        public var validLifetime: Int
        public var preferredLifetime: Int
    }

    public struct DHCPv6Summary: Sendable, Hashable, Codable {
        /// Outermost messages by type number.
        public var messages: [Int: Int]
        /// Messages inside relay messages, by type number.
        public var relayedMessages: [Int: Int]
        /// `messages` by the type's name (`solicit`, `reply`, `relay-forward`).
        public var messagesByName: [String: Int]
        /// `relayedMessages` by the type's name.
        public var relayedMessagesByName: [String: Int]
        public var delegatedPrefixes: [Delegation]
        public var addresses: [Delegation]
        public var dnsServers: [String]
        public var domains: [String]
        public var failures: [StatusSummary]
        /// Exchanges (by transaction id) where the client got no answer.
        public var unansweredExchanges: Int
    }

    public struct StatusSummary: Sendable, Hashable, Codable {
        public var status: String
        public var packet: PacketRef
    }

    public struct DNSSummary: Sendable, Hashable, Codable {
        public var messages: Int
        public var queries: Int
        public var responses: Int
        public var aQueries: Int
        public var aaaaQueries: Int
        public var aaaaAnswered: Int
        public var aaaaEmpty: Int
        public var aaaaFailed: Int
        /// Queries to port 53 with no response (those in the last 3 s of the capture excepted).
        public var unanswered: Int
        /// AAAA records inside a NAT64 prefix (`nat64.prefixes`): synthesised by DNS64.
        public var dns64Answers: Int
    }

    public struct NAT64Summary: Sendable, Hashable, Codable {
        public var prefixes: [NAT64PrefixSummary]
        /// The busiest IPv4 servers reached through a NAT64 prefix (IPv4-only services, however
        /// the hosts reached them), with the name DNS gave.
        public var translatedDestinations: [DestinationSummary]
    }

    /// One NAT64 prefix and how it was learnt.
    public struct NAT64PrefixSummary: Sendable, Hashable, Codable {
        public var prefix: String
        /// How: "router advertisement (PREF64)", "ipv4only.arpa answer (RFC 7050)", "AAAA answer
        /// embedding the name's A answer", "well-known prefix in use".
        public var learnedFrom: [String]
        public var firstPacket: PacketRef
        /// AAAA records DNS64 synthesised inside the prefix, and their names.
        public var synthesisedAnswers: Int
        public var synthesisedNames: [String]
        /// Packets and wire bytes to or from the prefix: IPv4 traffic through the translator.
        public var packets: Int
        public var bytes: Int
    }

    public struct FragmentSummary: Sendable, Hashable, Codable {
        public var ipv4: Int
        public var ipv6: Int
        public var ipv6Atomic: Int
    }

    public struct PacketTooBigSummary: Sendable, Hashable, Codable {
        public var mtu: Int
        public var count: Int
        public var firstPacket: PacketRef
        public var sender: String
        public var destination: String?
    }

    public struct ConnectionSummary: Sendable, Hashable, Codable {
        public var syns: Int
        public var answered: Int
        /// Connection attempts never answered (IPv6 only; those in the last 3 s excepted).
        public var unanswered: Int?
    }

    public struct DestinationSummary: Sendable, Hashable, Codable {
        public var address: String
        public var name: String?
        public var packets: Int
        public var bytes: Int
    }

    /// Entries dropped from each bounded table (`ProbeLimits` gives the capacities).
    public struct EvictionSummary: Sendable, Hashable, Codable {
        public var hosts: Int
        public var ipv4Destinations: Int
        public var ipv6ConnectionAttempts: Int
        public var ipv4AnsweringServers: Int
        public var dhcpv6Exchanges: Int
        public var dnsQueries: Int
        public var dnsAnswerAddresses: Int
        public var dnsNames: Int

        /// All of them.
        public var total: Int {
            hosts + ipv4Destinations + ipv6ConnectionAttempts + ipv4AnsweringServers + dhcpv6Exchanges
                + dnsQueries + dnsAnswerAddresses + dnsNames
        }
    }

    public struct AnomalySummary: Sendable, Hashable, Codable {
        public var name: String
        public var count: Int
        public var firstPacket: PacketRef
    }
}
