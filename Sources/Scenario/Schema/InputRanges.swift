/// The ranges the model runs with, one per kind of number, declared here once.
///
/// The schema checks every scenario field against one of these, and the command line checks
/// the options that mean the same thing, so an input that is accepted never traps, never hangs
/// and never yields NaN or infinity. The bounds are generous for a city or a nation (a district
/// of a billion lines, 100 years, the whole IPv4 space) and small enough that every product
/// the model forms stays finite; `metro6 schema` and docs/scenarios.md list them.
public enum InputRanges {
    /// A seed: any whole number JSON readers hold exactly (below 2^53).
    public static let seed = 0...9_007_199_254_740_991
    /// Months simulated: up to a century.
    public static let months = 1...1_200
    /// Subscribers of one access technology in one district (a whole nation may be one district).
    public static let subscribers = 0...1_000_000_000
    /// Net additions a month, per district and technology (negative: lines lost).
    public static let netAdds = -10_000_000...10_000_000
    /// Districts in one scenario.
    public static let districts = 1...1_000
    /// Dated values in one list (net additions from a month, coefficient changes, a path): at most
    /// one a month of the longest horizon.
    public static let datedValues = 1...1_200
    /// VM sizes of one cloud service.
    public static let vmSizes = 1...100
    /// Services of the cloud.
    public static let services = 1...1_000
    /// Expectations (plan gates) in one scenario.
    public static let expectations = 0...1_000
    /// Plan actions in one scenario.
    public static let planActions = 0...10_000
    /// Access nodes of one technology in a district.
    public static let accessNodes = 0...10_000_000
    /// Ports on one access node.
    public static let ports = 1...100_000
    /// BNGs serving a district.
    public static let bngs = 0...100_000
    /// Sessions one BNG holds.
    public static let sessions = 1...100_000_000
    /// Link, core and CGN capacities (Gbit/s): from 1 Mbit/s to 10 Pbit/s.
    public static let gigabits = 0.001...10_000_000.0
    /// Busy-hour demand per subscriber (Mbit/s).
    public static let busyHourMbps = 0...100_000.0
    /// Yearly growth or decline of a rate (0.35 = +35% a year).
    public static let yearlyGrowth = -0.99...10.0
    /// A unit price or cost in the scenario's currency (per device, per address, per Gbit/s).
    public static let unitCost = 0...1_000_000_000.0
    /// A budget in the scenario's currency.
    public static let budget = 0...1e15
    /// Public IPv4 addresses: at most the whole IPv4 space.
    public static let ipv4Addresses = 0...4_294_967_296
    /// A plan action's amount (BNGs, nodes, CPEs a month, Gbit/s, addresses or cores).
    public static let planAmount = 0...4_294_967_296.0
    /// CPEs one campaign replaces in all.
    public static let campaignTotal = 1...1_000_000_000
    /// Weibull shape of CPE lifetimes.
    public static let lifetimeShape = 0.1...20.0
    /// Weibull scale of CPE lifetimes (months).
    public static let lifetimeScaleMonths = 1...1_200.0
    /// Bass coefficient of innovation (per year).
    public static let bassP = 0.000_001...10.0
    /// Bass coefficient of imitation (per year).
    public static let bassQ = 0...10.0
    /// Processors of a partition or of the machine `metro6 compute` simulates.
    public static let cores = 1...10_000_000
    /// GPUs of the GPU partition.
    public static let gpus = 1...1_000_000
    /// Offered load of a job stream: above 1 the queue grows without bound, as on a real machine.
    public static let load = 0.01...4.0
    /// A job's median run time (seconds): a second to four months.
    public static let medianRunTime = 1...10_000_000.0
    /// Lognormal sigma of job run times.
    public static let runTimeSigma = 0.01...4.0
    /// The overestimate factor of requested times.
    public static let overestimate = 1...1_000.0
    /// A daily cycle's relative amplitude.
    public static let dailyAmplitude = 0...0.99
    /// VM requests an hour of one cloud service.
    public static let requestsPerHour = 0...100_000.0
    /// A VM's mean lifetime (hours): a minute to ten years.
    public static let vmLifetimeHours = 0.02...87_660.0
    /// Cloud nodes.
    public static let cloudNodes = 1...1_000_000
    /// Cores of one node (cloud nodes, power-model nodes).
    public static let nodeCores = 1...100_000
    /// Watts one node draws.
    public static let nodeWatts = 0...1_000_000.0
    /// Power usage effectiveness.
    public static let pue = 1...10.0
    /// A wait SLA's P95 bound (hours).
    public static let slaHours = 0...87_660.0
    /// Queued jobs one EASY pass looks at behind the head.
    public static let backfillDepth = 1...1_000_000
    /// Jobs `metro6 compute --synthetic` generates.
    public static let syntheticJobs = 1...10_000_000
    /// Replications of one run.
    public static let replications = 1...100_000
    /// Worker threads.
    public static let threads = 1...1_024

    /// The most jobs a compute partition may be expected to receive over the horizon; more is an
    /// error naming the fields that cause it (memory and time grow with jobs).
    public static let expectedJobs = 10_000_000.0
    /// The most VM requests the cloud may be expected to receive over the horizon.
    public static let expectedRequests = 10_000_000.0
    /// The most runs (replications × calibration runs) one command may ask for.
    public static let runs = 1_000_000
}

extension InputRanges {
    /// The most district-months one command keeps in memory over its replications (each holds
    /// about 250 bytes; 4 million are about 1 GB).
    public static let retainedDistrictMonths = 4_000_000

    /// Why `replications` runs of `scenario` ask for more memory than the limit, or nil.
    public static func memoryProblem(_ scenario: ScenarioFile, replications: Int) -> String? {
        let perRun = scenario.districts.count * scenario.months
        guard perRun * replications > retainedDistrictMonths else { return nil }
        return
            "\(replications) replications of \(scenario.districts.count) districts × \(scenario.months) months "
            + "keep \(perRun * replications) district-months in memory, more than the \(retainedDistrictMonths) "
            + "allowed: ask for at most \(max(1, retainedDistrictMonths / perRun)) replications"
    }
}
