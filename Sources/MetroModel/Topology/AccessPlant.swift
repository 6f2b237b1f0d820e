/// The access nodes of one technology in a district (DSLAMs, OLTs or building switches) and
/// their IPv6 state.
public struct AccessPlant: Sendable, Hashable, Codable {
    /// Nodes in service.
    public var nodes: Int
    /// Nodes already IPv6-ready.
    public var ready: Int
    /// Nodes that become ready with a software upgrade; the rest need replacing.
    public var upgradable: Int
    /// Ports per node (DSLAM ports, OLT PON ports, switch ports); nil when not modelled.
    public var portsPerNode: Int?
    /// Subscribers one port serves: 1, or a PON port's split ratio.
    public var subscribersPerPort: Int
    /// Whether subscribers reach the BNG over PPPoE, which a layer-2 node passes through
    /// unchanged (IPv6CP and DHCPv6 ride inside the session, BBF TR-187): such nodes need neither
    /// an upgrade nor a replacement for IPv6.
    public var pppoe: Bool

    /// `nodes` nodes of which `ready` are ready and `upgradable` need only software.
    public init(
        nodes: Int, ready: Int, upgradable: Int, portsPerNode: Int? = nil, subscribersPerPort: Int = 1,
        pppoe: Bool = false
    ) {
        self.pppoe = pppoe
        precondition(subscribersPerPort >= 1, "a port serves at least one subscriber")
        self.portsPerNode = portsPerNode
        self.subscribersPerPort = subscribersPerPort
        precondition(
            nodes >= 0 && ready >= 0 && upgradable >= 0 && ready + upgradable <= nodes, "bad node counts")
        self.nodes = nodes
        self.ready = ready
        self.upgradable = upgradable
    }

    /// Nodes that must be replaced to become ready (none when PPPoE passes through).
    public var needingReplacement: Int { pppoe ? 0 : nodes - ready - upgradable }

    /// Nodes a software upgrade makes ready (none when PPPoE passes through).
    public var needingUpgrade: Int { pppoe ? 0 : upgradable }

    /// Subscribers the plant can connect, or nil when ports are not modelled.
    public var subscriberCapacity: Int? { portsPerNode.map { nodes * $0 * subscribersPerPort } }

    /// The share of subscribers whose node carries IPv6 (subscribers spread evenly; 1 when there
    /// are no nodes or PPPoE passes through).
    public var readyShare: Double { nodes > 0 && !pppoe ? Double(ready) / Double(nodes) : 1 }
}
