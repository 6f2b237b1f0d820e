/// An Ethernet type (IEEE 802 numbers). Open: unknown values survive and are reported as numbers.
public struct EtherType: RawRepresentable, Hashable, Sendable {
    public var rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let ipv4 = EtherType(rawValue: 0x0800)
    public static let arp = EtherType(rawValue: 0x0806)
    /// Transparent Ethernet bridging (inside GRE and Geneve).
    public static let transparentEthernet = EtherType(rawValue: 0x6558)
    /// IEEE 802.1Q customer VLAN tag.
    public static let vlan = EtherType(rawValue: 0x8100)
    public static let ipv6 = EtherType(rawValue: 0x86DD)
    /// PPP inside GRE (PPTP).
    public static let ppp = EtherType(rawValue: 0x880B)
    public static let mplsUnicast = EtherType(rawValue: 0x8847)
    public static let mplsMulticast = EtherType(rawValue: 0x8848)
    public static let pppoeDiscovery = EtherType(rawValue: 0x8863)
    public static let pppoeSession = EtherType(rawValue: 0x8864)
    /// IEEE 802.1ad service VLAN tag (QinQ outer tag).
    public static let qinq = EtherType(rawValue: 0x88A8)
    /// The pre-standard QinQ outer tag some switches still send.
    public static let qinqLegacy = EtherType(rawValue: 0x9100)
}
