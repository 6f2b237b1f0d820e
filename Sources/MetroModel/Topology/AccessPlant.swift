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

    /// `nodes` nodes of which `ready` are ready and `upgradable` need only software.
    public init(
        nodes: Int, ready: Int, upgradable: Int, portsPerNode: Int? = nil, subscribersPerPort: Int = 1
    ) {
        precondition(subscribersPerPort >= 1, "a port serves at least one subscriber")
        self.portsPerNode = portsPerNode
        self.subscribersPerPort = subscribersPerPort
        precondition(
            nodes >= 0 && ready >= 0 && upgradable >= 0 && ready + upgradable <= nodes, "bad node counts")
        self.nodes = nodes
        self.ready = ready
        self.upgradable = upgradable
    }

    /// Nodes that must be replaced to become ready.
    public var needingReplacement: Int { nodes - ready - upgradable }

    /// Subscribers the plant can connect, or nil when ports are not modelled.
    public var subscriberCapacity: Int? { portsPerNode.map { nodes * $0 * subscribersPerPort } }

    /// The share of subscribers on ready nodes (subscribers spread evenly; 1 when there are none).
    public var readyShare: Double { nodes > 0 ? Double(ready) / Double(nodes) : 1 }
}
