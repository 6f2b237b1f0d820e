/// The city's network at the end of one simulated month.
public struct MonthlyOutput: Sendable, Hashable, Codable {
    /// The month, from 0.
    public var month: Int
    /// Subscribers.
    public var subscribers: Int
    /// Subscribers on fibre (xPON: FTTH/O).
    public var fibreSubscribers: Int
    /// Subscribers whose access node, BNG and CPE all allow IPv6 (for their district's mode).
    public var ipv6AvailableSubscribers: Int
    /// Subscribers with working IPv6: available, a mode on, and switched on or opted in.
    public var ipv6EnabledSubscribers: Int
    /// Subscribers with working IPv6, per provisioning mode (raw value); the rest are IPv4-only.
    public var ipv6SubscribersByMode: [String: Int]
    /// Subscribers, and those with IPv6 available and on, per access technology.
    public var byTechnology: PerTechnology<TechnologyIPv6>
    /// The share of all subscribers' busy-hour traffic carried over IPv6.
    public var ipv6TrafficShare: Double
    /// Public IPv4 addresses in use (own addresses plus those behind CGNs and MAP domains).
    public var publicIPv4InUse: Int
    /// Subscribers whose IPv4 goes through a stateful NAT (NAT444, DS-Lite's AFTR, NAT64).
    public var natSubscribers: Int
    /// Subscribers with a public IPv4 address of their own.
    public var publicIPv4Subscribers: Int
    /// Subscribers sharing addresses statelessly (MAP).
    public var statelessSharingSubscribers: Int
    /// The CGN's busy-hour IPv4 throughput, Gbit/s.
    public var cgnatThroughputGbps: Double
    /// The CGN's busy-hour concurrent sessions.
    public var cgnatSessions: Double
    /// The CGN's load over its capacity: the larger of throughput and sessions (above 1: unmet).
    public var cgnatUtilization: Double
    /// Bytes of NAT logs written this month.
    public var natLogBytes: Double
    /// The most loaded link: district uplinks, the metro core, PON trees' downstream.
    public var peakLinkUtilization: Double
    /// The fullest access plant: subscribers over subscriber ports (1: no port left).
    public var peakPortUtilization: Double
    /// The busiest district's BNG sessions over their limit.
    public var peakBNGSessionUtilization: Double
    /// Capital spent so far (equipment and addresses).
    public var capexCumulative: Double
    /// Running costs so far.
    public var opexCumulative: Double
    /// The IPv6 programme's own spending so far (its BNG, access node and CPE actions).
    public var programmeCostCumulative: Double
    /// Business-as-usual costs so far: subscriber operation, CPE failures, growth nodes, BNG and
    /// uplink capacity.
    public var businessAsUsualCostCumulative: Double
    /// Home visits this month (campaign replacements and failed CPEs).
    public var truckRolls: Int
    /// Plan actions that could not be done in full this month for lack of budget or crews.
    public var slippedActions: Int
    /// Public addresses wanted but not owned even with everyone possible behind the CGN.
    public var ipv4Shortfall: Int
}

/// One district at the end of a month: its own quantities only (the CGN and the address pool
/// are the city's).
public struct DistrictMonth: Sendable, Hashable, Codable {
    /// The month, from 0.
    public var month: Int
    /// Subscribers.
    public var subscribers: Int
    /// Subscribers whose equipment allows IPv6.
    public var ipv6AvailableSubscribers: Int
    /// Subscribers with working IPv6.
    public var ipv6EnabledSubscribers: Int
    /// The share of the district's busy-hour traffic on IPv6.
    public var ipv6TrafficShare: Double
    /// The busier of its uplink and its PON trees.
    public var linkUtilization: Double
    /// Its fullest access plant.
    public var portUtilization: Double
    /// Its BNGs' sessions over their limit (0 when not modelled).
    public var bngSessionUtilization: Double
    /// Home visits this month.
    public var truckRolls: Int
    /// What its IPv6 availability is the product of, and how many switched it on.
    public var readiness: IPv6Readiness
}

/// What a rollout run produced: the plan's months and KPIs, judged against its baseline.
public struct RolloutResult: Sendable, Hashable, Codable {
    /// The city, month by month.
    public var months: [MonthlyOutput]
    /// Each district, month by month.
    public var districts: [[DistrictMonth]]
    /// The plan's actions as carried out.
    public var actions: [ActionProgress]
    /// The KPIs.
    public var kpis: RolloutKPIs
}
