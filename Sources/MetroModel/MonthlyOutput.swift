/// The network's state at the end of one simulated month (the whole city, or one district).
public struct MonthlyOutput: Sendable, Hashable, Codable {
    /// The month, from 0.
    public var month: Int
    /// Subscribers.
    public var subscribers: Int
    /// Subscribers with working IPv6 (BNG, access node and CPE ready, a mode on, adopted).
    public var ipv6EnabledSubscribers: Int
    /// The share of all subscribers' busy-hour traffic carried over IPv6.
    public var ipv6TrafficShare: Double
    /// Public IPv4 addresses in use (own addresses plus those behind CGNs and MAP domains).
    public var publicIPv4InUse: Int
    /// Subscribers whose IPv4 goes through a stateful CGN.
    public var cgnatSubscribers: Int
    /// Subscribers with a public IPv4 address of their own.
    public var publicIPv4Subscribers: Int
    /// Subscribers sharing addresses statelessly (MAP).
    public var statelessSharingSubscribers: Int
    /// Subscribers with working IPv6, per provisioning mode (raw value); the rest are IPv4-only.
    public var ipv6SubscribersByMode: [String: Int]
    /// CGN busy-hour load over its capacity.
    public var cgnatUtilization: Double
    /// The most loaded link's utilisation: district uplinks, the metro core, PON trees' downstream.
    public var peakLinkUtilization: Double
    /// The fullest access plant: subscribers over subscriber ports (1: no port left).
    public var peakPortUtilization: Double
    /// The busiest BNGs: sessions (two for a dual-stack subscriber) over their session limit.
    public var peakBNGSessionUtilization: Double
    /// Capital spent so far.
    public var capexCumulative: Double
    /// Running costs so far.
    public var opexCumulative: Double
    /// Home visits this month (campaign replacements and failed CPEs).
    public var truckRolls: Int
    /// Plan actions that could not be done in full this month for lack of budget or crews.
    public var slippedActions: Int
    /// Public addresses wanted but not owned (subscribers left without IPv4).
    public var ipv4Shortfall: Int
}

/// Capital spent, by what it bought.
public struct CapexByItem: Sendable, Hashable, Codable {
    /// Dual-stack BNG upgrades.
    public var bngs = 0.0
    /// Access node software upgrades and replacements in the plan.
    public var accessNodes = 0.0
    /// CPE swap campaigns (gateways and visits).
    public var cpeCampaigns = 0.0
    /// CGN throughput.
    public var cgnat = 0.0
    /// Public IPv4 addresses bought.
    public var ipv4 = 0.0
    /// New access nodes for subscriber growth (business as usual).
    public var growth = 0.0

    /// Nothing spent yet.
    public init() {}

    /// The sum of the items.
    public var total: Double { bngs + accessNodes + cpeCampaigns + cgnat + ipv4 + growth }
}

/// The figures a plan is judged by.
public struct RolloutKPIs: Sendable, Hashable, Codable {
    /// The first month (from 0) with half the subscribers on working IPv6; nil if never.
    public var month50: Int?
    /// The first month with 90%; nil if never.
    public var month90: Int?
    /// The IPv6 share of traffic in the last month.
    public var finalIPv6TrafficShare: Double
    /// The highest CGN utilisation of any month.
    public var peakCGNATUtilization: Double
    /// Public IPv4 addresses bought.
    public var ipv4Purchased: Int
    /// Net present value of all cash flows (costs are negative), discounted monthly.
    public var npv: Double
    /// Home visits over the horizon.
    public var truckRolls: Int
    /// Months in which a link or the CGN was over capacity, or IPv4 addresses ran short.
    public var unmetDemandMonths: Int
    /// Capital spent over the horizon, by item.
    public var capexByItem: CapexByItem
}

/// What a rollout run produced.
public struct RolloutResult: Sendable, Hashable, Codable {
    /// The city, month by month.
    public var months: [MonthlyOutput]
    /// Each district, month by month (global quantities such as CGN utilisation are the city's).
    public var districts: [[MonthlyOutput]]
    /// The KPIs.
    public var kpis: RolloutKPIs
}
