/// Everything the rollout simulation needs: the network at the start, how it behaves, what
/// things cost, and the plan.
public struct NetworkConfiguration: Sendable, Hashable, Codable {
    /// A district's network at the start.
    public struct District: Sendable, Hashable, Codable {
        /// Its name.
        public var name: String
        /// Subscribers per technology.
        public var subscribers: PerTechnology<Int>
        /// Subscribers added (negative: lost) each month, per technology.
        public var netAddsPerMonth: PerTechnology<Int>
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

        /// A district; see the properties.
        public init(
            name: String, subscribers: PerTechnology<Int>, netAddsPerMonth: PerTechnology<Int>,
            access: PerTechnology<AccessPlant>, bngs: Int, readyBNGs: Int, sessionsPerBNG: Int? = nil,
            uplinkGbps: Double
        ) {
            self.sessionsPerBNG = sessionsPerBNG
            self.name = name
            self.subscribers = subscribers
            self.netAddsPerMonth = netAddsPerMonth
            self.access = access
            self.bngs = bngs
            self.readyBNGs = readyBNGs
            self.uplinkGbps = uplinkGbps
        }
    }

    /// The home gateways.
    public struct CPEs: Sendable, Hashable, Codable {
        /// Share of installed CPEs that can do IPv6 at the start.
        public var capableShare: Double
        /// Share of newly installed CPEs (new subscribers, failures) that can do IPv6.
        public var newCapableShare: Double
        /// Weibull shape of lifetimes (> 1: wear-out).
        public var lifetimeShape: Double
        /// Weibull scale of lifetimes, months.
        public var lifetimeScaleMonths: Double
        /// Mean age at the start, months (ages spread evenly from 0 to twice this).
        public var meanAgeMonths: Int
        /// Share of IPv6-capable CPEs that also implement the transition mechanisms needing CPE
        /// support (DS-Lite's B4, a 6rd CE, 464XLAT's CLAT, a MAP CE).
        public var mechanismShare: Double

        /// CPE parameters; see the properties.
        public init(
            capableShare: Double, newCapableShare: Double, lifetimeShape: Double, lifetimeScaleMonths: Double,
            meanAgeMonths: Int, mechanismShare: Double = 1
        ) {
            self.mechanismShare = mechanismShare
            self.capableShare = capableShare
            self.newCapableShare = newCapableShare
            self.lifetimeShape = lifetimeShape
            self.lifetimeScaleMonths = lifetimeScaleMonths
            self.meanAgeMonths = meanAgeMonths
        }
    }

    /// One dated action of the plan, months counted from the start.
    public struct Action: Sendable, Hashable, Codable {
        /// What an action does.
        public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
            /// Make BNGs dual-stack (software and licence), `amount` of them or all.
            case upgradeBNGs
            /// Make access nodes IPv6-ready: upgrade software where enough, else replace.
            case upgradeAccessNodes
            /// Replace legacy CPEs, `amount` a month (or as many as crews allow) until none is left.
            case cpeCampaign
            /// Switch a provisioning mode on for IPv6-capable subscribers.
            case enableMode
            /// Add `amount` Gbit/s of CGNAT throughput.
            case addCGNAT
            /// Buy `amount` public IPv4 addresses.
            case buyIPv4
            /// Grow the compute centre by `amount` cores (used by the compute model).
            case expandCompute
        }

        /// The month, from 0.
        public var month: Int
        /// What it does.
        public var kind: Kind
        /// The district (index) it applies to; nil for all.
        public var district: Int?
        /// The provisioning mode, for `enableMode`.
        public var mode: ProvisioningMode?
        /// How much (units per kind).
        public var amount: Double?

        /// An action; see the properties.
        public init(
            month: Int, kind: Kind, district: Int? = nil, mode: ProvisioningMode? = nil, amount: Double? = nil
        ) {
            self.month = month
            self.kind = kind
            self.district = district
            self.mode = mode
            self.amount = amount
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
    /// Subscribers' own adoption of IPv6 (devices, opting in): a Bass curve per year.
    public var adoption: BassDiffusion
    /// The share of an IPv6 subscriber's traffic that can go over IPv6 (content): a Bass curve per year.
    public var content: BassDiffusion
    /// Public IPv4 addresses owned at the start.
    public var publicIPv4: Int
    /// Market price of one IPv4 address.
    public var ipv4Price: Double
    /// Ports each subscriber gets behind a CGN or in a MAP domain.
    public var portPlan: CGNATPortPlan
    /// CGNAT throughput at the start, Gbit/s.
    public var cgnatGbps: Double
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
    /// The plan.
    public var actions: [Action]

    /// A configuration; see the properties.
    public init(
        months: Int, discountRate: Double, districts: [District], cpes: CPEs, adoption: BassDiffusion,
        content: BassDiffusion, publicIPv4: Int, ipv4Price: Double, portPlan: CGNATPortPlan,
        cgnatGbps: Double,
        demand: DemandModel, uplinkYearlyGrowth: Double = 0, coreGbps: Double? = nil, costs: CostModel,
        budget: Budget,
        visitsPerCPE: Int = 1, actions: [Action]
    ) {
        self.months = months
        self.discountRate = discountRate
        self.districts = districts
        self.cpes = cpes
        self.adoption = adoption
        self.content = content
        self.publicIPv4 = publicIPv4
        self.ipv4Price = ipv4Price
        self.portPlan = portPlan
        self.cgnatGbps = cgnatGbps
        self.demand = demand
        self.uplinkYearlyGrowth = uplinkYearlyGrowth
        self.coreGbps = coreGbps
        self.costs = costs
        self.budget = budget
        self.visitsPerCPE = visitsPerCPE
        self.actions = actions
    }
}
