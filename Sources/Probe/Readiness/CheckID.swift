/// The readiness checks, each named once: its stable id (JSON, `--waive`, JUnit), its title, and
/// its weight in the score.
public enum CheckID: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case ipv6Traffic = "ipv6-traffic"
    case ipv6Connectivity = "ipv6-connectivity"
    case routerAdvertisements = "router-advertisements"
    case rogueRA = "rogue-ra"
    case dnsConfiguration = "dns-configuration"
    case dhcpv6 = "dhcpv6"
    case prefixDelegation = "prefix-delegation"
    case hostAddresses = "host-addresses"
    case addressPrivacy = "address-privacy"
    case dnsAAAA = "dns-aaaa"
    case pathMTU = "path-mtu"
    case fragments = "fragments"
    case transition = "transition"
    case malformed = "malformed"
    case capture = "capture"

    /// What the check asks, as reports title it.
    public var title: String {
        switch self {
        case .ipv6Traffic: "IPv6 carries traffic"
        case .ipv6Connectivity: "IPv6 connections are answered"
        case .routerAdvertisements: "Routers advertise IPv6"
        case .rogueRA: "One router per link"
        case .dnsConfiguration: "IPv6 DNS servers are offered"
        case .dhcpv6: "DHCPv6 servers answer"
        case .prefixDelegation: "Prefixes are delegated"
        case .hostAddresses: "Hosts get global IPv6 addresses"
        case .addressPrivacy: "Hosts use privacy addresses"
        case .dnsAAAA: "DNS answers AAAA queries"
        case .pathMTU: "Path MTU"
        case .fragments: "IPv6 fragments"
        case .transition: "Transition mechanisms"
        case .malformed: "Well-formed packets"
        case .capture: "Captures read to the end"
        }
    }

    /// Its weight in the score (`Score`): what a broken check costs users, IPv6 that breaks
    /// connections or is absent weighing most. Whether the captures were read whole says how far
    /// to trust the others, not how ready the network is: it does not count.
    public var weight: Int {
        switch self {
        case .ipv6Traffic, .ipv6Connectivity: 3
        case .routerAdvertisements, .rogueRA, .hostAddresses, .dnsAAAA: 2
        case .dnsConfiguration, .dhcpv6, .prefixDelegation, .addressPrivacy, .pathMTU, .fragments,
            .transition, .malformed:
            1
        case .capture: 0
        }
    }

    public static func < (a: CheckID, b: CheckID) -> Bool { a.rawValue < b.rawValue }
}
