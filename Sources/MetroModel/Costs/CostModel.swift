/// Unit costs of the rollout, in one currency (the default scenario uses US dollars).
public struct CostModel: Sendable, Hashable, Codable {
    /// A BNG's dual-stack software upgrade and licence.
    public var bngUpgrade: Double
    /// An access node's IPv6 software upgrade.
    public var accessNodeUpgrade: Double
    /// Replacing an access node that cannot do IPv6.
    public var accessNodeReplacement: Double
    /// A new IPv6-capable CPE.
    public var cpe: Double
    /// A technician's visit to a home (campaigns and failure replacements).
    public var truckRoll: Double
    /// One Gbit/s of CGNAT throughput.
    public var cgnatPerGbps: Double
    /// Running costs per subscriber and month.
    public var opexPerSubscriberMonth: Double
    /// Extra running costs per subscriber behind a stateful CGN and year (logging, support).
    public var cgnatOpexPerSubscriberYear: Double

    /// Unit costs; see the properties.
    public init(
        bngUpgrade: Double, accessNodeUpgrade: Double, accessNodeReplacement: Double, cpe: Double,
        truckRoll: Double, cgnatPerGbps: Double, opexPerSubscriberMonth: Double,
        cgnatOpexPerSubscriberYear: Double
    ) {
        self.bngUpgrade = bngUpgrade
        self.accessNodeUpgrade = accessNodeUpgrade
        self.accessNodeReplacement = accessNodeReplacement
        self.cpe = cpe
        self.truckRoll = truckRoll
        self.cgnatPerGbps = cgnatPerGbps
        self.opexPerSubscriberMonth = opexPerSubscriberMonth
        self.cgnatOpexPerSubscriberYear = cgnatOpexPerSubscriberYear
    }
}
