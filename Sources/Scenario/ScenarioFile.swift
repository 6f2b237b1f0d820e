import ComputeModel
import MetroModel

/// A scenario: the city's network as it stands at the start, and the rollout plan to simulate.
///
/// Decoded from YAML or JSON; `ScenarioFile.schema` describes every field (units, ranges), and
/// `ScenarioLoader` checks a file against it before decoding, so problems come with their line
/// and column. The network model extends this format as it lands.
public struct ScenarioFile: Sendable, Hashable, Codable {
    /// The scenario's name, as reports show it.
    public var name: String
    /// The first simulated month.
    public var start: YearMonth
    /// Months simulated (the horizon).
    public var months: Int
    /// How often the summary table reports.
    public var reporting: Reporting?
    /// The default seed of the run's random streams.
    public var seed: Int?
    /// Yearly discount rate for net present values.
    public var discountRate: Double?
    /// The city's districts.
    public var districts: [District]
    /// The home gateways.
    public var cpe: CPESection
    /// Subscribers' adoption of IPv6: a Bass curve (per year).
    public var adoption: BassSection
    /// The share of an IPv6 subscriber's traffic that can go over IPv6: a Bass curve (per year).
    public var content: BassSection
    /// Public IPv4 and address sharing.
    public var addressing: AddressingSection
    /// Busy-hour demand.
    public var traffic: TrafficSection
    /// The CGN platform's sessions and logging.
    public var cgnat: CGNATSection?
    /// Rules that add capacity ahead of demand.
    public var capacity: CapacitySection?
    /// Unit costs.
    public var costs: CostsSection
    /// The currency money is reported in: `costs.currency`, USD when absent.
    public var currency: String { costs.currency ?? "USD" }
    /// Capital and crew limits.
    public var budget: BudgetSection?
    /// The supercomputing and cloud centre, if the scenario models it.
    public var compute: ComputeSection?
    /// The rollout plan: dated actions.
    public var plan: [PlanAction]?
    /// Plan gates checked on every run (`Expectation`), as `metro6 run --expect` takes them.
    public var expect: [String]?

    /// The supercomputing and cloud centre.
    public struct ComputeSection: Sendable, Hashable, Codable {
        public var cores: Int
        public var scheduler: SchedulerKind?
        public var backfillDepth: Int?
        public var workload: Workload
        public var slaP95WaitHours: Double?
        public var power: Power?
        public var cloud: Cloud?
        public var gpu: GPU?

        /// The GPU partition.
        public struct GPU: Sendable, Hashable, Codable {
            public var gpus: Int
            public var workload: Workload
        }

        /// The HPC job stream.
        public struct Workload: Sendable, Hashable, Codable {
            public var load: Double
            public var maxWidth: Int
            public var medianRunTimeSeconds: Double
            public var runTimeSigma: Double?
            public var powerOfTwoShare: Double?
            public var dailyAmplitude: Double?
            public var maximumOverestimate: Double?
            public var yearlyGrowth: Double?
        }

        /// The power model.
        public struct Power: Sendable, Hashable, Codable {
            public var nodeCores: Int
            public var idleWattsPerNode: Double
            public var busyWattsPerNode: Double
            public var pue: Double
        }

        /// The cloud partition.
        public struct Cloud: Sendable, Hashable, Codable {
            public var nodes: Int
            public var coresPerNode: Int
            public var admission: CloudAdmission?
            public var services: [Service]
        }

        /// A service asking for VMs.
        public struct Service: Sendable, Hashable, Codable {
            public var name: String
            public var requestsPerHour: Double
            public var yearlyGrowth: Double?
            public var dailyAmplitude: Double?
            public var vmCores: [Int]
            public var meanLifetimeHours: Double
        }
    }

    /// The home gateways.
    public struct CPESection: Sendable, Hashable, Codable {
        public var capableShare: Double
        public var newCapableShare: Double
        public var lifetimeShape: Double
        public var lifetimeScaleMonths: Double
        public var meanAgeMonths: Int
        public var mechanismShare: Double?
        public var newCapableSharePath: [PathPoint]?
        public var firmwareUpgradableShare: Double?
    }

    /// A value at a month, on a path of values.
    public struct PathPoint: Sendable, Hashable, Codable {
        public var month: YearMonth
        public var value: Double
    }

    /// A Bass curve's coefficients, per year, and later changes of them.
    public struct BassSection: Sendable, Hashable, Codable {
        public var p: Double
        public var q: Double
        public var changes: [BassChange]?
    }

    /// New Bass coefficients from a month on.
    public struct BassChange: Sendable, Hashable, Codable {
        public var month: YearMonth
        public var p: Double
        public var q: Double
    }

    /// Public IPv4 and address sharing.
    public struct AddressingSection: Sendable, Hashable, Codable {
        public var publicIPv4: Int
        public var ipv4Price: Double
        public var ipv4PricePath: [PathPoint]?
        public var sellSurplus: Bool?
        public var portsPerSubscriber: Int
        public var cgnatGbps: Double
    }

    /// The CGN platform's sessions and logging; each field has a default.
    public struct CGNATSection: Sendable, Hashable, Codable {
        public var sessionsPerGbps: Double?
        public var sessionsPerSubscriber: Double?
        public var logRecordsPerSubscriberMonth: Double?
        public var logRecordBytes: Double?

        /// The defaults, written once: the schema's descriptions and the model's input use them.
        public static let defaults = CGNATPlatform(
            gbps: 0, sessionsPerGbps: 500_000, sessionsPerSubscriber: 100, logRecordsPerSubscriberMonth: 30,
            logRecordBytes: 150)
    }

    /// A capacity rule as written.
    public struct RuleSection: Sendable, Hashable, Codable {
        public var module: Double
        public var threshold: Double
        public var leadMonths: Int
    }

    /// The capacity rules.
    public struct CapacitySection: Sendable, Hashable, Codable {
        public var cgnat: RuleSection?
        public var bngs: RuleSection?
        public var uplinks: RuleSection?
        public var ipv4: RuleSection?
        public var ipv4MaximumPrice: Double?
    }

    /// Unit costs.
    public struct CostsSection: Sendable, Hashable, Codable {
        /// The currency of every amount in the scenario (an ISO 4217 code); `currency` reads it.
        public var currency: String?
        public var bngUpgrade: Double
        public var accessNodeUpgrade: Double
        public var accessNodeReplacement: Double
        public var cpe: Double
        public var truckRoll: Double
        public var cgnatPerGbps: Double
        public var opexPerSubscriberMonth: Double
        public var cgnatOpexPerSubscriberYear: Double
        public var cgnatSupportPerSubscriberYear: Double?
        public var cpeFirmware: Double?
        public var bngChassis: Double?
        public var uplinkPerGbps: Double?
    }

    /// Busy-hour demand.
    public struct TrafficSection: Sendable, Hashable, Codable {
        public var busyHourMbps: Double
        public var yearlyGrowth: Double
        public var uplinkYearlyGrowth: Double?
        public var coreGbps: Double?
    }

    /// Capital and crew limits.
    public struct BudgetSection: Sendable, Hashable, Codable {
        public var yearlyCapex: Double?
        public var yearStart: Int?
        public var visitsPerMonth: Int?
        public var visitsPerCPE: Int?
    }

    /// The reporting step of the summary table.
    public enum Reporting: String, Sendable, Hashable, Codable, CaseIterable {
        case monthly
        case quarterly
    }

    /// The month after the last simulated one.
    public var end: YearMonth { start.adding(months: months) }
}

/// A district of the city.
public struct District: Sendable, Hashable, Codable {
    /// Its name; plan actions refer to it.
    public var name: String
    /// Broadband subscribers at the start, per technology.
    public var subscribers: PerTechnology<Int>
    /// Subscribers added (or, negative, lost) each month, per technology.
    public var netAddsPerMonth: PerTechnology<Int>?
    /// Later net additions, each from its month on.
    public var netAddsFrom: [NetAdds]?

    /// Net additions per month from a month on.
    public struct NetAdds: Sendable, Hashable, Codable {
        public var month: YearMonth
        public var xdsl: Int
        public var xpon: Int
        public var lan: Int
    }
    /// Access nodes per technology and their IPv6 state.
    public var accessNodes: PerTechnology<AccessNodes>
    /// The BNGs serving the district.
    public var bngs: BNGs
    /// Capacity of the district's uplinks to the core, Gbit/s.
    public var uplinkGbps: Double
    /// The IPv6-capable share of the district's CPEs at the start, when measured apart.
    public var cpeCapableShare: Double?
    /// A provisioning mode already on (opt-out) at the start.
    public var ipv6Mode: ProvisioningMode?

    /// Access nodes of one technology.
    public struct AccessNodes: Sendable, Hashable, Codable {
        /// Nodes in service.
        public var nodes: Int
        /// Nodes already IPv6-ready.
        public var ready: Int
        /// Nodes a software upgrade makes ready; the rest must be replaced.
        public var upgradable: Int
        /// Ports per node.
        public var ports: Int?
        /// Subscribers per port: a PON port's split ratio (xPON only).
        public var split: Int?
        /// Whether subscribers reach the BNG over PPPoE through these (layer-2) nodes.
        public var pppoe: Bool?
    }

    /// BNGs and their dual-stack state.
    public struct BNGs: Sendable, Hashable, Codable {
        /// BNGs serving the district.
        public var count: Int
        /// BNGs already dual-stack.
        public var ready: Int
        /// Subscriber sessions per BNG.
        public var sessionLimit: Int?
    }
}

/// One dated action of a rollout plan.
public struct PlanAction: Sendable, Hashable, Codable {
    /// What an action does: one of the network's actions (`NetworkConfiguration.Action.Kind`) or
    /// of the compute centre's; written by its name.
    public enum Kind: Sendable, Hashable, Codable, CaseIterable, RawRepresentable {
        case network(NetworkConfiguration.Action.Kind)
        case compute(ComputeAction)

        /// Every action, the network's first.
        public static var allCases: [Kind] {
            NetworkConfiguration.Action.Kind.allCases.map(Kind.network)
                + ComputeAction.allCases.map(Kind.compute)
        }

        /// The action named `rawValue`.
        public init?(rawValue: String) {
            if let kind = NetworkConfiguration.Action.Kind(rawValue: rawValue) {
                self = .network(kind)
            } else if let kind = ComputeAction(rawValue: rawValue) {
                self = .compute(kind)
            } else {
                return nil
            }
        }

        /// Its name in scenario files.
        public var rawValue: String {
            switch self {
            case .network(let kind): kind.rawValue
            case .compute(let kind): kind.rawValue
            }
        }

        /// The network model's action; nil for the compute centre's.
        public var network: NetworkConfiguration.Action.Kind? {
            if case .network(let kind) = self { kind } else { nil }
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            let name = try container.decode(String.self)
            guard let kind = Kind(rawValue: name) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "no action '\(name)'")
            }
            self = kind
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(rawValue)
        }
    }

    /// The compute centre's actions.
    public enum ComputeAction: String, Sendable, Hashable, Codable, CaseIterable {
        /// Grow the HPC partition by `amount` cores.
        case expandCompute
        /// Grow the cloud partition by `amount` nodes.
        case expandCloud
        /// Grow the GPU partition by `amount` GPUs.
        case expandGPUs
    }

    /// IPv6 provisioning modes.
    public typealias Mode = ProvisioningMode

    /// The month the action starts.
    public var month: YearMonth
    /// What it does.
    public var action: Kind
    /// The district it applies to (all districts when absent).
    public var district: String?
    /// The provisioning mode switched on (`enableMode` only).
    public var mode: Mode?
    /// How much: devices, addresses, sessions or cores, depending on the action.
    public var amount: Double?
    /// The order in which actions draw on the budget: lower first.
    public var priority: Int?
    /// The last month a campaign runs.
    public var until: YearMonth?
    /// The most CPEs a campaign replaces in all.
    public var total: Int?
}

extension ScenarioFile {
    /// The format, field by field.
    public static let schema: Schema = {
        let count = Schema.integer(InputRanges.subscribers, unit: "subscribers")
        let adds = Schema.integer(InputRanges.netAdds, unit: "subscribers per month")
        func perTechnology(_ value: Schema, _ what: String) -> Schema {
            .object([
                .init("xdsl", value, "\(what) on xDSL (DSLAM ports)"),
                .init("xpon", value, "\(what) on xPON (OLT PON ports)"),
                .init("lan", value, "\(what) on FTTB + LAN (building switches)"),
            ])
        }
        let nodes = Schema.integer(InputRanges.accessNodes, unit: "nodes")
        let plant = Schema.object([
            .init("nodes", nodes, "Access nodes in service."),
            .init("ready", nodes, "Nodes already IPv6-ready."),
            .init("upgradable", nodes, "Nodes a software upgrade makes ready; the rest must be replaced."),
            .init(
                "ports", required: false, .integer(InputRanges.ports, unit: "ports per node"),
                "Ports per node (DSLAM ports, OLT PON ports, switch ports)."),
            .init(
                "split", required: false, .integer(1...256, unit: "subscribers per port"),
                "Subscribers a port serves: the PON split ratio (xpon only); 64 for xpon, 1 otherwise, when absent."
            ),
            .init(
                "pppoe", required: false, .boolean,
                "Subscribers reach the BNG over PPPoE, which these layer-2 nodes pass unchanged: IPv6 needs no upgrade or replacement of them; false when absent."
            ),
        ])
        let district = Schema.object([
            .init("name", .string, "The district's name; plan actions refer to it."),
            .init(
                "subscribers", perTechnology(count, "Subscribers at the start"), "Subscribers at the start."),
            .init(
                "netAddsPerMonth", required: false, perTechnology(adds, "Net additions per month"),
                "Subscribers added (negative: lost) each month; 0 when absent."),
            .init(
                "netAddsFrom", required: false,
                .array(
                    .object([
                        .init("month", .month, "The first month these net additions apply."),
                        .init("xdsl", adds, "Net additions per month on xDSL from then on."),
                        .init("xpon", adds, "Net additions per month on xPON from then on."),
                        .init("lan", adds, "Net additions per month on FTTB + LAN from then on."),
                    ]), count: InputRanges.datedValues),
                "Net additions that change at later months (a market that speeds up, lines moving to fibre)."),
            .init(
                "accessNodes", perTechnology(plant, "Access nodes"),
                "Access nodes per technology (DSLAMs, OLTs, building switches) and their IPv6 state."),
            .init(
                "bngs",
                .object([
                    .init("count", .integer(InputRanges.bngs, unit: "BNGs"), "BNGs serving the district."),
                    .init("ready", .integer(InputRanges.bngs, unit: "BNGs"), "BNGs already dual-stack."),
                    .init(
                        "sessionLimit", required: false, .integer(InputRanges.sessions, unit: "sessions"),
                        "Subscriber sessions one BNG holds (a dual-stack subscriber uses two)."),
                ]), "The BNGs (BRAS) serving the district."),
            .init(
                "uplinkGbps", .number(InputRanges.gigabits, unit: "Gbit/s"),
                "Capacity of the uplinks to the core."),
            .init(
                "cpeCapableShare", required: false, .number(0...1, unit: "share"),
                "The IPv6-capable share of this district's CPEs at the start (a probe's measure); cpe.capableShare when absent."
            ),
            .init(
                "ipv6Mode", required: false, .choice(PlanAction.Mode.allCases.map(\.rawValue)),
                "A provisioning mode already switched on for every ready line at the start; none when absent."
            ),
        ])
        let share = Schema.number(0...1, unit: "share")
        let money = Schema.number(InputRanges.unitCost, unit: "currency")
        let budget = Schema.number(InputRanges.budget, unit: "currency")
        let p = Schema.number(InputRanges.bassP, unit: "per year")
        let q = Schema.number(InputRanges.bassQ, unit: "per year")
        let bassChange = Schema.object([
            .init("month", .month, "The first month with the new coefficients."),
            .init("p", p, "Coefficient of innovation from then on."),
            .init("q", q, "Coefficient of imitation from then on."),
        ])
        let bass = Schema.object([
            .init("p", p, "Coefficient of innovation."),
            .init("q", q, "Coefficient of imitation."),
            .init(
                "changes", required: false, .array(bassChange, count: InputRanges.datedValues),
                "New coefficients from policy months on (opt-in uptake only)."),
        ])
        func path(_ value: Schema) -> Schema {
            .array(
                .object([
                    .init("month", .month, "The month of this value."),
                    .init("value", value, "The value then; straight lines between months."),
                ]), count: InputRanges.datedValues)
        }
        let rule = Schema.object([
            .init("module", .number(InputRanges.gigabits, unit: nil), "One module's capacity."),
            .init(
                "threshold", .number(0.01...1, unit: "utilisation"),
                "The utilisation the forecast may reach before modules are ordered."),
            .init(
                "leadMonths", .integer(0...60, unit: "months"),
                "Months from order to service; the forecast looks this far ahead."),
        ])
        let platform = ScenarioFile.CGNATSection.defaults
        let action = Schema.object([
            .init("month", .month, "The month the action starts."),
            .init("action", .choice(PlanAction.Kind.allCases.map(\.rawValue)), "What the action does."),
            .init("district", required: false, .string, "The district it applies to; all when absent."),
            .init(
                "mode", required: false, .choice(PlanAction.Mode.allCases.map(\.rawValue)),
                "The provisioning mode switched on (enableMode only)."),
            .init(
                "amount", required: false, .number(InputRanges.planAmount, unit: nil),
                "How much: BNGs or nodes at most, CPEs a month, Gbit/s, addresses (whole /24 blocks) or cores."
            ),
            .init(
                "priority", required: false, .integer(0...1_000, unit: nil),
                "The order in which actions draw on the budget, lower first (ties in plan order); 0 when absent."
            ),
            .init("until", required: false, .month, "The last month a cpeCampaign runs."),
            .init(
                "total", required: false, .integer(InputRanges.campaignTotal, unit: "CPEs"),
                "The most CPEs a cpeCampaign replaces in all."),
        ])
        let service = Schema.object([
            .init("name", .string, "The service's name."),
            .init(
                "requestsPerHour", .number(InputRanges.requestsPerHour, unit: "per hour"),
                "VM requests per hour at the start."),
            .init(
                "yearlyGrowth", required: false, .number(InputRanges.yearlyGrowth, unit: "per year"),
                "Growth of the request rate."),
            .init(
                "dailyAmplitude", required: false, .number(InputRanges.dailyAmplitude, unit: nil),
                "Daily cycle of requests."),
            .init(
                "vmCores", .array(.integer(InputRanges.nodeCores, unit: "cores"), count: InputRanges.vmSizes),
                "VM sizes, chosen uniformly."),
            .init(
                "meanLifetimeHours", .number(InputRanges.vmLifetimeHours, unit: "hours"),
                "Mean VM lifetime (hours)."),
        ])
        let workload: Schema = .object([
            .init(
                "load", .number(InputRanges.load, unit: "share of the cores"),
                "Offered load of the job stream."),
            .init("maxWidth", .integer(InputRanges.cores, unit: "cores"), "The widest job."),
            .init(
                "medianRunTimeSeconds", .number(InputRanges.medianRunTime, unit: "seconds"),
                "Median job run time (seconds)."),
            .init(
                "runTimeSigma", required: false, .number(InputRanges.runTimeSigma, unit: nil),
                "Lognormal sigma of run times; 1.5 when absent."),
            .init(
                "powerOfTwoShare", required: false, share,
                "Share of widths that are powers of two; 0.8 when absent."),
            .init(
                "dailyAmplitude", required: false, .number(InputRanges.dailyAmplitude, unit: nil),
                "Daily cycle; 0.5 when absent."),
            .init(
                "maximumOverestimate", required: false, .number(InputRanges.overestimate, unit: nil),
                "Requested time = run time × U(1, this); 5 when absent."),
            .init(
                "yearlyGrowth", required: false, .number(InputRanges.yearlyGrowth, unit: "per year"),
                "Yearly growth of the job arrival rate; 0 when absent."),
        ])
        let compute = Schema.object([
            .init(
                "cores", .integer(InputRanges.cores, unit: "cores"),
                "Cores of the HPC partition at the start."),
            .init(
                "scheduler", required: false, .choice(SchedulerKind.allCases.map(\.rawValue)),
                "The batch policy; easy when absent."),
            .init(
                "backfillDepth", required: false, .integer(InputRanges.backfillDepth, unit: "jobs"),
                "Queued jobs an EASY pass looks at behind the head (Slurm's bf_max_job_test); \(BatchSimulation.slurmBackfillDepth) when absent."
            ),
            .init("workload", workload, "The HPC job stream (synthetic)."),
            .init(
                "gpu", required: false,
                .object([
                    .init(
                        "gpus", .integer(InputRanges.gpus, unit: "GPUs"),
                        "GPUs of the partition, scheduled apart from the CPU cores."),
                    .init("workload", workload, "The GPU job stream (widths in GPUs)."),
                ]), "A GPU partition with a job stream of its own."),
            .init(
                "slaP95WaitHours", required: false, .number(InputRanges.slaHours, unit: "hours"),
                "Wait SLA: the largest acceptable P95 wait of a month's jobs."),
            .init(
                "power", required: false,
                .object([
                    .init("nodeCores", .integer(InputRanges.nodeCores, unit: "cores"), "Cores per node."),
                    .init(
                        "idleWattsPerNode", .number(InputRanges.nodeWatts, unit: "W"), "A node's idle power."),
                    .init(
                        "busyWattsPerNode", .number(InputRanges.nodeWatts, unit: "W"),
                        "A node's power with every core busy."),
                    .init(
                        "pue", .number(InputRanges.pue, unit: nil),
                        "Power usage effectiveness of the building."),
                ]), "The power model."),
            .init(
                "cloud", required: false,
                .object([
                    .init("nodes", .integer(InputRanges.cloudNodes, unit: "nodes"), "Cloud nodes."),
                    .init(
                        "coresPerNode", .integer(InputRanges.nodeCores, unit: "cores"),
                        "Cores per cloud node."),
                    .init(
                        "admission", required: false, .choice(CloudAdmission.allCases.map(\.rawValue)),
                        "What a request that does not fit does; reject when absent."),
                    .init(
                        "services", .array(service, count: InputRanges.services), "Services asking for VMs."),
                ]), "The cloud partition."),
        ])
        return .object([
            .init("name", .string, "The scenario's name, as reports show it."),
            .init("start", .month, "The first simulated month."),
            .init("months", .integer(InputRanges.months, unit: "months"), "Months simulated (the horizon)."),
            .init(
                "reporting", required: false, .choice(Reporting.allCases.map(\.rawValue)),
                "The summary table's step; quarterly when absent."),
            .init(
                "seed", required: false, .integer(InputRanges.seed, unit: nil),
                "The default seed; 1 when absent."),
            .init(
                "discountRate", required: false, .number(0...1, unit: "per year"),
                "Yearly discount rate for net present values; 0.08 when absent."),
            .init(
                "districts", .array(district, count: InputRanges.districts), "The city's districts."),
            .init(
                "cpe",
                .object([
                    .init("capableShare", share, "Share of installed CPEs that can do IPv6 at the start."),
                    .init("newCapableShare", share, "Share of newly installed CPEs that can do IPv6."),
                    .init(
                        "lifetimeShape", .number(InputRanges.lifetimeShape, unit: nil),
                        "Weibull shape of CPE lifetimes."),
                    .init(
                        "lifetimeScaleMonths", .number(InputRanges.lifetimeScaleMonths, unit: "months"),
                        "Weibull scale of CPE lifetimes."),
                    .init("meanAgeMonths", .integer(0...600, unit: "months"), "Mean CPE age at the start."),
                    .init(
                        "mechanismShare", required: false, share,
                        "Share of IPv6-capable CPEs that also do DS-Lite, 6rd, 464XLAT or MAP; 1 when absent."
                    ),
                    .init(
                        "newCapableSharePath", required: false, path(share),
                        "newCapableShare changing over time (it holds before the first point)."),
                    .init(
                        "firmwareUpgradableShare", required: false, share,
                        "Share of legacy CPEs that are operator-managed and take IPv6 by firmware; 0 when absent."
                    ),
                ]), "The home gateways."),
            .init("adoption", bass, "Subscribers' own adoption of IPv6 (devices, opting in): a Bass curve."),
            .init(
                "content", bass,
                "The share of an IPv6 subscriber's traffic that can go over IPv6: a Bass curve."),
            .init(
                "addressing",
                .object([
                    .init(
                        "publicIPv4", .integer(InputRanges.ipv4Addresses, unit: "addresses"),
                        "Public IPv4 addresses owned at the start."),
                    .init("ipv4Price", money, "Market price of one IPv4 address at the start."),
                    .init(
                        "ipv4PricePath", required: false, path(money),
                        "The price changing over time (ipv4Price holds before the first point)."),
                    .init(
                        "sellSurplus", required: false, .boolean,
                        "Sell addresses no longer needed, in /24 blocks at the month's price; false when absent."
                    ),
                    .init(
                        "portsPerSubscriber", .integer(1...64_512, unit: "ports"),
                        "Ports per subscriber behind a CGN or in a MAP domain."),
                    .init(
                        "cgnatGbps", .number(InputRanges.gigabits, unit: "Gbit/s"),
                        "CGN throughput at the start."),
                ]), "Public IPv4 and address sharing."),
            .init(
                "traffic",
                .object([
                    .init(
                        "busyHourMbps", .number(InputRanges.busyHourMbps, unit: "Mbit/s"),
                        "Busy-hour demand per subscriber."),
                    .init(
                        "yearlyGrowth", .number(InputRanges.yearlyGrowth, unit: "per year"),
                        "Yearly growth of that demand."),
                    .init(
                        "uplinkYearlyGrowth", required: false,
                        .number(InputRanges.yearlyGrowth, unit: "per year"),
                        "Yearly growth of uplink capacity from routine upgrades outside the plan; 0 when absent."
                    ),
                    .init(
                        "coreGbps", required: false, .number(InputRanges.gigabits, unit: "Gbit/s"),
                        "The metro core's capacity at the start (grows like the uplinks)."),
                ]), "Busy-hour demand."),
            .init(
                "costs",
                .object([
                    .init(
                        "currency", required: false, .string,
                        "The currency of every amount, as reports label money (an ISO 4217 code: USD, CNY, EUR); USD when absent."
                    ),
                    .init("bngUpgrade", money, "A BNG's dual-stack software and licence."),
                    .init("accessNodeUpgrade", money, "An access node's IPv6 software upgrade."),
                    .init("accessNodeReplacement", money, "Replacing an access node that cannot do IPv6."),
                    .init("cpe", money, "A new IPv6-capable CPE."),
                    .init("truckRoll", money, "A technician's visit to a home."),
                    .init("cgnatPerGbps", money, "One Gbit/s of CGN throughput."),
                    .init("opexPerSubscriberMonth", money, "Running costs per subscriber and month."),
                    .init(
                        "cgnatOpexPerSubscriberYear", money,
                        "Extra running costs per CGN subscriber and year (operation, logging)."),
                    .init(
                        "cgnatSupportPerSubscriberYear", required: false, money,
                        "Support calls and churn per CGN subscriber and year, an optional assumption; 0 when absent."
                    ),
                    .init(
                        "cpeFirmware", required: false, money,
                        "Pushing IPv6 firmware to one managed CPE; 0 when absent."),
                    .init(
                        "bngChassis", required: false, money,
                        "A new dual-stack BNG for the bngs capacity rule; 0 when absent."),
                    .init(
                        "uplinkPerGbps", required: false, money,
                        "One Gbit/s of uplink or core capacity for the uplinks rule; 0 when absent."),
                ]), "Unit costs, in one currency."),
            .init(
                "cgnat", required: false,
                .object([
                    .init(
                        "sessionsPerGbps", required: false, .number(1...100_000_000, unit: "sessions"),
                        "Concurrent sessions the CGN holds per Gbit/s of throughput; \(Schema.format(platform.sessionsPerGbps)) when absent."
                    ),
                    .init(
                        "sessionsPerSubscriber", required: false, .number(0...100_000, unit: "sessions"),
                        "Busy-hour concurrent sessions of a subscriber whose IPv4 all goes through the CGN; \(Schema.format(platform.sessionsPerSubscriber)) when absent."
                    ),
                    .init(
                        "logRecordsPerSubscriberMonth", required: false,
                        .number(0...1_000_000, unit: "records"),
                        "Port-block log records per NATed subscriber and month; \(Schema.format(platform.logRecordsPerSubscriberMonth)) when absent."
                    ),
                    .init(
                        "logRecordBytes", required: false, .number(0...100_000, unit: "bytes"),
                        "Bytes per log record; \(Schema.format(platform.logRecordBytes)) when absent."),
                ]), "The CGN platform's sessions and logging."),
            .init(
                "capacity", required: false,
                .object([
                    .init("cgnat", required: false, rule, "CGN capacity (module in Gbit/s)."),
                    .init("bngs", required: false, rule, "BNGs per district (module in BNGs)."),
                    .init(
                        "uplinks", required: false, rule, "District uplinks and the core (module in Gbit/s)."),
                    .init(
                        "ipv4", required: false, rule,
                        "Public IPv4 (module in addresses, whole /24 blocks), bought while the price allows."),
                    .init(
                        "ipv4MaximumPrice", required: false, money,
                        "The highest price per address the ipv4 rule pays; 0 (never buys) when absent."),
                ]), "Rules that add capacity ahead of demand; none when absent."),
            .init(
                "budget", required: false,
                .object([
                    .init(
                        "yearlyCapex", required: false, budget,
                        "Capital per fiscal year; no limit when absent."),
                    .init(
                        "yearStart", required: false, .integer(1...12, unit: "month of the year"),
                        "The calendar month a fiscal year starts; the scenario's start month when absent."),
                    .init(
                        "visitsPerMonth", required: false, .integer(0...100_000_000, unit: "visits"),
                        "Site visits the crews can make a month; no limit when absent."),
                    .init(
                        "visitsPerCPE", required: false, .integer(0...100, unit: "visits"),
                        "Visits one CPE replacement takes; 1 when absent."),
                ]), "Capital and crew limits; none when absent."),
            .init(
                "compute", required: false, compute, "The supercomputing and cloud centre (docs/compute.md)."),
            .init(
                "plan", required: false, .array(action, count: InputRanges.planActions),
                "The rollout plan: dated actions."),
            .init(
                "expect", required: false, .array(.string, count: InputRanges.expectations),
                "Plan gates checked on every run, as metro6 run --expect takes them (month50 <= 2019-12, p90(month90) <= 2022-06)."
            ),
        ])
    }()
}
