/// Everything the rollout simulation needs: the network at the start, how it behaves, what
/// things cost, and the plan.
public struct NetworkConfiguration: Sendable, Hashable, Codable {
    /// A district's network at the start.
    public struct District: Sendable, Hashable, Codable {
        /// Its name.
        public var name: String
        /// Subscribers per technology.
        public var subscribers: PerTechnology<Int>
        /// Subscribers added (negative: lost) each month, per technology, from the start.
        public var netAddsPerMonth: PerTechnology<Int>
        /// Later net additions, each from its month (from 0) on, in ascending months.
        public var netAddsChanges: [NetAddsChange]
        /// Access nodes per technology.
        public var access: PerTechnology<AccessPlant>
        /// BNGs serving the district.
        public var bngs: Int
        /// BNGs already dual-stack.
        public var readyBNGs: Int
        /// Subscriber sessions one BNG can hold; nil when not modelled.
        public var sessionsPerBNG: Int?
        /// Capacity of the district's uplinks to the core, Gbit/s.
        public var uplinkGbps: Double
        /// The IPv6-capable share of this district's CPEs at the start, when measured apart
        /// from the city's (`CPEs.capableShare`).
        public var cpeCapableShare: Double?
        /// A provisioning mode already switched on for every ready line at the start.
        public var initialMode: ProvisioningMode?

        /// A district; see the properties.
        public init(
            name: String, subscribers: PerTechnology<Int>, netAddsPerMonth: PerTechnology<Int>,
            netAddsChanges: [NetAddsChange] = [],
            access: PerTechnology<AccessPlant>, bngs: Int, readyBNGs: Int, sessionsPerBNG: Int? = nil,
            uplinkGbps: Double, cpeCapableShare: Double? = nil, initialMode: ProvisioningMode? = nil
        ) {
            self.cpeCapableShare = cpeCapableShare
            self.initialMode = initialMode
            self.sessionsPerBNG = sessionsPerBNG
            self.name = name
            self.subscribers = subscribers
            self.netAddsPerMonth = netAddsPerMonth
            self.netAddsChanges = netAddsChanges.sorted { $0.month < $1.month }
            self.access = access
            self.bngs = bngs
            self.readyBNGs = readyBNGs
            self.uplinkGbps = uplinkGbps
        }

        /// The net additions in force in `month`.
        public func netAdds(month: Int) -> PerTechnology<Int> {
            netAddsChanges.last { $0.month <= month }?.perMonth ?? netAddsPerMonth
        }
    }

    /// Net additions per month from a month on (a market that speeds up, or lines that move).
    public struct NetAddsChange: Sendable, Hashable, Codable {
        /// The first month (from 0) they apply.
        public var month: Int
        /// Subscribers added (negative: lost) each month, per technology.
        public var perMonth: PerTechnology<Int>

        /// `perMonth` from `month` on.
        public init(month: Int, perMonth: PerTechnology<Int>) {
            self.month = month
            self.perMonth = perMonth
        }
    }

    /// The home gateways.
    public struct CPEs: Sendable, Hashable, Codable {
        /// Share of installed CPEs that can do IPv6 at the start.
        public var capableShare: Double
        /// Share of newly installed CPEs (new lines, lines moving technology, failures) that can
        /// do IPv6, month by month.
        public var newCapableShare: MonthlyPath
        /// Weibull shape of lifetimes (> 1: wear-out).
        public var lifetimeShape: Double
        /// Weibull scale of lifetimes, months.
        public var lifetimeScaleMonths: Double
        /// Mean age at the start, months (ages spread evenly from 0 to twice this).
        public var meanAgeMonths: Int
        /// Share of IPv6-capable CPEs that also implement the transition mechanisms needing CPE
        /// support (DS-Lite's B4, a 6rd CE, 464XLAT's CLAT, a MAP CE).
        public var mechanismShare: Double
        /// Share of legacy CPEs that are operator-managed and take IPv6 by a remote firmware push.
        public var firmwareUpgradableShare: Double

        /// CPE parameters; see the properties.
        public init(
            capableShare: Double, newCapableShare: MonthlyPath, lifetimeShape: Double,
            lifetimeScaleMonths: Double, meanAgeMonths: Int, mechanismShare: Double = 1,
            firmwareUpgradableShare: Double = 0
        ) {
            self.mechanismShare = mechanismShare
            self.firmwareUpgradableShare = firmwareUpgradableShare
            self.capableShare = capableShare
            self.newCapableShare = newCapableShare
            self.lifetimeShape = lifetimeShape
            self.lifetimeScaleMonths = lifetimeScaleMonths
            self.meanAgeMonths = meanAgeMonths
        }
    }

    /// Months simulated.
    public var months: Int
    /// Yearly discount rate.
    public var discountRate: Double
    /// The districts.
    public var districts: [District]
    /// The CPEs.
    public var cpes: CPEs
    /// Subscribers' own uptake of IPv6 where it is opt-in: a Bass curve per year, which may
    /// change at policy months.
    public var adoption: OptInAdoption
    /// The share of an IPv6 subscriber's traffic that can go over IPv6 (content): a Bass curve per year.
    public var content: BassDiffusion
    /// Public IPv4 addresses owned at the start.
    public var publicIPv4: Int
    /// Market price of one IPv4 address, month by month.
    public var ipv4Price: MonthlyPath
    /// Whether addresses the network no longer needs are sold (whole /24 blocks, at the month's
    /// price, keeping the IPv4 rule's headroom).
    public var sellSurplusIPv4: Bool
    /// Ports each subscriber gets behind a CGN or in a MAP domain.
    public var portPlan: CGNATPortPlan
    /// The CGN platform: capacity at the start, sessions, logging.
    public var cgnat: CGNATPlatform
    /// Busy-hour demand per subscriber.
    public var demand: DemandModel
    /// Yearly growth of uplink capacity from routine transport upgrades outside the plan.
    public var uplinkYearlyGrowth: Double
    /// The metro core's capacity, Gbit/s (growing like the uplinks); nil when not modelled.
    public var coreGbps: Double?
    /// Unit costs.
    public var costs: CostModel
    /// Capital and crew limits.
    public var budget: Budget
    /// Home visits a CPE replacement takes.
    public var visitsPerCPE: Int
    /// Rules that add CGN, BNG, uplink, core and address capacity ahead of demand.
    public var capacity: CapacityRules
    /// The plan.
    public var actions: [Action]

    /// A configuration; see the properties.
    public init(
        months: Int, discountRate: Double, districts: [District], cpes: CPEs, adoption: OptInAdoption,
        content: BassDiffusion, publicIPv4: Int, ipv4Price: MonthlyPath, sellSurplusIPv4: Bool = false,
        portPlan: CGNATPortPlan, cgnat: CGNATPlatform, demand: DemandModel, uplinkYearlyGrowth: Double = 0,
        coreGbps: Double? = nil, costs: CostModel, budget: Budget, visitsPerCPE: Int = 1,
        capacity: CapacityRules = CapacityRules(), actions: [Action]
    ) {
        self.months = months
        self.discountRate = discountRate
        self.districts = districts
        self.cpes = cpes
        self.adoption = adoption
        self.content = content
        self.publicIPv4 = publicIPv4
        self.ipv4Price = ipv4Price
        self.sellSurplusIPv4 = sellSurplusIPv4
        self.portPlan = portPlan
        self.cgnat = cgnat
        self.demand = demand
        self.uplinkYearlyGrowth = uplinkYearlyGrowth
        self.coreGbps = coreGbps
        self.costs = costs
        self.budget = budget
        self.visitsPerCPE = visitsPerCPE
        self.capacity = capacity
        self.actions = actions
    }
}
