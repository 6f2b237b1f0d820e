import SimCore

/// A district's own random streams, one per model part, so that a plan and its baseline draw the
/// same numbers wherever they do the same thing (common random numbers), and a change in one
/// district or part leaves the others' draws alone.
struct DistrictStreams: Sendable {
    var cpeFailures: Xoshiro256StarStar
    var installs: Xoshiro256StarStar
    var adoption: Xoshiro256StarStar

    /// The streams of district `district` of a run seeded with `seeds`.
    init(seeds: DistrictSeeds, district: Int) {
        cpeFailures = Xoshiro256StarStar(seed: seeds.values[3 * district])
        installs = Xoshiro256StarStar(seed: seeds.values[3 * district + 1])
        adoption = Xoshiro256StarStar(seed: seeds.values[3 * district + 2])
    }
}

/// A district during a run.
struct DistrictState: Sendable {
    var subscribers: PerTechnology<Int>
    var access: PerTechnology<AccessPlant>
    var bngs: Int
    var readyBNGs: Int
    /// Uplink capacity added by the capacity rule, Gbit/s (on top of the routinely growing base).
    var addedUplinkGbps = 0.0
    var fleet: CPEFleet
    /// Subscribers who opted in (the Bass population).
    var adopted = 0
    var mode: ProvisioningMode?
    /// Whether IPv6 is switched on for every ready subscriber rather than left to opt-in.
    var optOut = false
    var firmwarePushed = false
    var streams: DistrictStreams
    /// Home visits this month.
    var truckRolls = 0

    var total: Int { subscribers.total }
}

/// A place capacity is added.
enum CapacityResource: Hashable, Sendable {
    case cgnat
    case core
    case uplink(district: Int)
    case bngs(district: Int)
    case ipv4
}

/// Capacity ordered and not yet in service.
struct CapacityOrder: Sendable {
    var arrival: Int
    var resource: CapacityResource
    var amount: Double
}

/// The loads the capacity rules forecast from, one value a month.
struct LoadHistory: Sendable {
    var cgnatGbps: [Double] = []
    var coreGbps: [Double] = []
    var uplinkGbps: [[Double]]
    var bngSessions: [[Double]]
    /// The sessions each district's BNGs would hold with every available line switched on (last
    /// month's): the load an operator sizes for before it switches IPv6 on.
    var bngPotentialSessions: [Double]
    /// Public addresses the network would use with nobody moved behind the CGN for lack of them.
    var ipv4Wanted: [Double] = []
    /// Subscribers behind the CGN for lack of addresses.
    var natOverflow: [Double] = []

    init(districts: Int) {
        uplinkGbps = Array(repeating: [], count: districts)
        bngSessions = Array(repeating: [], count: districts)
        bngPotentialSessions = Array(repeating: 0, count: districts)
    }
}

/// Everything a run changes, month by month; the steps of `RolloutSimulation` are its methods.
struct RolloutState: Sendable {
    let configuration: NetworkConfiguration
    var month = 0
    var districts: [DistrictState]
    var pool: IPv4Pool
    var cgnatGbps: Double
    var addedCoreGbps = 0.0
    var budget: Budget
    var ledger = CostLedger()
    var orders: [CapacityOrder] = []
    var loads: LoadHistory
    var actions: [ActionProgress]
    var constraints = ConstraintLog()
    /// Plan actions held back this month.
    var slipped = 0

    /// The network at the start, running `actions` (the plan's, or none for the baseline), with
    /// each district's streams seeded from `seeds`.
    init(
        configuration config: NetworkConfiguration, actions: [NetworkConfiguration.Action],
        seeds: DistrictSeeds
    ) {
        configuration = config
        districts = config.districts.indices.map { index in
            let district = config.districts[index]
            var cpes = config.cpes
            if let share = district.cpeCapableShare { cpes.capableShare = share }
            let start = Self.startingFleet(total: district.subscribers.total, cpes: cpes)
            let fleet = CPEFleet(
                lifetimeShape: config.cpes.lifetimeShape,
                lifetimeScaleMonths: config.cpes.lifetimeScaleMonths,
                capableByAge: start.capable, legacyByAge: start.legacy)
            return DistrictState(
                subscribers: district.subscribers, access: district.access, bngs: district.bngs,
                readyBNGs: district.readyBNGs, fleet: fleet, mode: district.initialMode,
                optOut: district.initialMode != nil, streams: DistrictStreams(seeds: seeds, district: index))
        }
        pool = IPv4Pool(size: config.publicIPv4)
        cgnatGbps = config.cgnat.gbps
        budget = config.budget
        loads = LoadHistory(districts: config.districts.count)
        self.actions = actions.map { ActionProgress(action: $0) }
    }

    /// CPEs by age at the start: ages spread evenly from 0 to twice the mean, each cohort
    /// IPv6-capable in the starting share.
    static func startingFleet(total: Int, cpes: NetworkConfiguration.CPEs) -> (capable: [Int], legacy: [Int])
    {
        let maxAge = Swift.max(1, 2 * cpes.meanAgeMonths)
        var capable = [Int](repeating: 0, count: maxAge)
        var legacy = [Int](repeating: 0, count: maxAge)
        for age in 0..<maxAge {
            let cohort = total / maxAge + (age < total % maxAge ? 1 : 0)
            let capableCohort = Int((Double(cohort) * cpes.capableShare).rounded())
            capable[age] = capableCohort
            legacy[age] = cohort - capableCohort
        }
        return (capable, legacy)
    }

    /// Opens month `month`: the budget's new month (and year), the ledger's new column.
    mutating func begin(month: Int) {
        self.month = month
        budget.begin(month: month)
        ledger.beginMonth()
        slipped = 0
        for index in districts.indices { districts[index].truckRolls = 0 }
    }
}
