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
    /// Extra running costs per subscriber behind a stateful CGN and year (operation, logging).
    public var cgnatOpexPerSubscriberYear: Double
    /// Support calls and churn per CGN subscriber and year: an optional, labelled assumption
    /// (0 leaves them out).
    public var cgnatSupportPerSubscriberYear: Double
    /// Pushing IPv6 firmware to one managed CPE.
    public var cpeFirmware: Double
    /// A new BNG chassis, dual-stack, installed (capacity rule).
    public var bngChassis: Double
    /// One Gbit/s of uplink or core capacity (capacity rule).
    public var uplinkPerGbps: Double

    /// Unit costs; see the properties.
    public init(
        bngUpgrade: Double, accessNodeUpgrade: Double, accessNodeReplacement: Double, cpe: Double,
        truckRoll: Double, cgnatPerGbps: Double, opexPerSubscriberMonth: Double,
        cgnatOpexPerSubscriberYear: Double, cgnatSupportPerSubscriberYear: Double = 0,
        cpeFirmware: Double = 0,
        bngChassis: Double = 0, uplinkPerGbps: Double = 0
    ) {
        self.cgnatSupportPerSubscriberYear = cgnatSupportPerSubscriberYear
        self.cpeFirmware = cpeFirmware
        self.bngChassis = bngChassis
        self.uplinkPerGbps = uplinkPerGbps
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
