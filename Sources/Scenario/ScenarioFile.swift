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
    /// The rollout plan: dated actions.
    public var plan: [PlanAction]?

    /// The reporting step of the summary table.
    public enum Reporting: String, Sendable, Hashable, Codable, CaseIterable {
        case monthly
        case quarterly
    }

    /// The month after the last simulated one.
    public var end: YearMonth { start.adding(months: months) }
}

/// Counts per access technology.
public struct PerTechnology<Value: Sendable & Hashable & Codable>: Sendable, Hashable, Codable {
    /// Copper: ADSL2+ and VDSL2 lines on DSLAMs.
    public var xdsl: Value
    /// Fibre: GPON/EPON lines on OLT PON ports.
    public var xpon: Value
    /// FTTB + LAN: Ethernet from building switches.
    public var lan: Value

    /// Values for the three technologies.
    public init(xdsl: Value, xpon: Value, lan: Value) {
        self.xdsl = xdsl
        self.xpon = xpon
        self.lan = lan
    }
}

/// A district of the city.
public struct District: Sendable, Hashable, Codable {
    /// Its name; plan actions refer to it.
    public var name: String
    /// Broadband subscribers at the start, per technology.
    public var subscribers: PerTechnology<Int>
    /// Subscribers added (or, negative, lost) each month, per technology.
    public var netAddsPerMonth: PerTechnology<Int>?
}

/// One dated action of a rollout plan.
public struct PlanAction: Sendable, Hashable, Codable {
    /// What the action does.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case upgradeBNGs
        case upgradeAccessNodes
        case cpeCampaign
        case enableMode
        case addCGNAT
        case buyIPv4
        case expandCompute
    }

    /// IPv6 provisioning modes.
    public enum Mode: String, Sendable, Hashable, Codable, CaseIterable {
        case dualStack
        case dualStackCGNAT
        case dsLite
        case sixRD = "6rd"
        case xlat464 = "464xlat"
        case mapT
        case mapE
    }

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
}

extension ScenarioFile {
    /// The format, field by field.
    public static let schema: Schema = {
        let count = Schema.integer(0...Int.max, unit: "subscribers")
        let adds = Schema.integer(Int.min...Int.max, unit: "subscribers per month")
        func perTechnology(_ value: Schema, _ what: String) -> Schema {
            .object([
                .init("xdsl", value, "\(what) on xDSL (DSLAM ports)"),
                .init("xpon", value, "\(what) on xPON (OLT PON ports)"),
                .init("lan", value, "\(what) on FTTB + LAN (building switches)"),
            ])
        }
        let district = Schema.object([
            .init("name", .string, "The district's name; plan actions refer to it."),
            .init(
                "subscribers", perTechnology(count, "Subscribers at the start"), "Subscribers at the start."),
            .init(
                "netAddsPerMonth", required: false, perTechnology(adds, "Net additions per month"),
                "Subscribers added (negative: lost) each month; 0 when absent."),
        ])
        let action = Schema.object([
            .init("month", .month, "The month the action starts."),
            .init("action", .choice(PlanAction.Kind.allCases.map(\.rawValue)), "What the action does."),
            .init("district", required: false, .string, "The district it applies to; all when absent."),
            .init(
                "mode", required: false, .choice(PlanAction.Mode.allCases.map(\.rawValue)),
                "The provisioning mode switched on (enableMode only)."),
            .init(
                "amount", required: false, .number(0...Double.infinity, unit: nil),
                "How much: devices, addresses, sessions or cores, depending on the action."),
        ])
        return .object([
            .init("name", .string, "The scenario's name, as reports show it."),
            .init("start", .month, "The first simulated month."),
            .init("months", .integer(1...1_200, unit: "months"), "Months simulated (the horizon)."),
            .init(
                "reporting", required: false, .choice(Reporting.allCases.map(\.rawValue)),
                "The summary table's step; quarterly when absent."),
            .init(
                "seed", required: false, .integer(0...Int.max, unit: nil), "The default seed; 1 when absent."),
            .init(
                "discountRate", required: false, .number(0...1, unit: "per year"),
                "Yearly discount rate for net present values; 0.08 when absent."),
            .init("districts", .array(district, minimumCount: 1), "The city's districts."),
            .init(
                "plan", required: false, .array(action, minimumCount: 0), "The rollout plan: dated actions."),
        ])
    }()
}
