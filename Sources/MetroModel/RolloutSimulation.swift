import SimCore

/// The monthly IPv6 rollout of a broadband metro network, judged against its baseline.
///
/// Each month runs the steps in order: capacity rules (deliveries, orders), the plan's actions
/// due (priority order, as far as budget and crews allow; the rest slips), subscriber growth and
/// technology moves, CPE ageing and failures, opt-in adoption (a binomial cohort per district),
/// and the month's measurement. Every run also runs its baseline: the same city, growth and
/// capacity rules with none of the plan's actions, on the same random numbers, so the plan's
/// incremental NPV is what the plan changes and is exactly 0 for an empty plan.
public struct RolloutSimulation: Sendable {
    /// The network, its behaviour, its costs and the plan.
    public var configuration: NetworkConfiguration

    /// A simulation of `configuration`.
    public init(configuration: NetworkConfiguration) {
        self.configuration = configuration
    }

    /// Runs the plan and its baseline with random numbers from `generator`.
    public func run<G: RandomNumberGenerator>(using generator: inout G) -> RolloutResult {
        let seeds = districtSeeds(using: &generator)
        return run(seeds: seeds, baseline: configuration.actions.isEmpty ? nil : baseline(seeds: seeds))
    }

    /// The districts' seeds a run draws first from its generator: everything random in the run
    /// (plan and baseline) follows from them.
    public func districtSeeds<G: RandomNumberGenerator>(using generator: inout G) -> DistrictSeeds {
        DistrictSeeds(values: (0..<3 * configuration.districts.count).map { _ in generator.next() })
    }

    /// The baseline of a run from `seeds`: the city with none of the plan's actions. Runs whose
    /// configurations differ only in their actions share it.
    public func baseline(seeds: DistrictSeeds) -> BaselineCosts {
        BaselineCosts(
            ledger: simulate(actions: [], seeds: seeds).state.ledger,
            rate: NetPresentValue(yearlyRate: configuration.discountRate))
    }

    /// Runs the plan from `seeds`, judged against `baseline` (nil: the plan is its own
    /// baseline, as it is when it has no actions).
    public func run(seeds: DistrictSeeds, baseline: BaselineCosts?) -> RolloutResult {
        var plan = simulate(actions: configuration.actions, seeds: seeds)
        let rate = NetPresentValue(yearlyRate: configuration.discountRate)
        plan.result.kpis = Self.kpis(
            plan.result.months, plan: plan.state,
            baseline: baseline ?? BaselineCosts(ledger: plan.state.ledger, rate: rate),
            rate: rate)
        return plan.result
    }

    /// One run of `actions` from the starting network.
    func simulate(actions: [NetworkConfiguration.Action], seeds: DistrictSeeds) -> (
        result: RolloutResult, state: RolloutState
    ) {
        var state = RolloutState(configuration: configuration, actions: actions, seeds: seeds)
        var months: [MonthlyOutput] = []
        var districts = [[DistrictMonth]](repeating: [], count: configuration.districts.count)
        months.reserveCapacity(configuration.months)
        for month in 0..<configuration.months {
            state.begin(month: month)
            state.planCapacity()
            state.executePlan()
            state.growSubscribers()
            state.ageCPEs()
            state.adopt()
            let measured = state.measure()
            months.append(measured.city)
            for (index, district) in measured.districts.enumerated() { districts[index].append(district) }
        }
        let empty = RolloutKPIs(
            month50: nil, month90: nil, finalIPv6TrafficShare: 0, peakCGNATUtilization: 0, ipv4Purchased: 0,
            ipv4Sold: 0, npv: 0, baselineNPV: 0, incrementalNPV: 0, incrementalNPVByGroup: [:],
            programmeCost: 0,
            truckRolls: 0, unmetDemandMonths: 0, costByItem: [:], bindingConstraints: [])
        return (
            RolloutResult(months: months, districts: districts, actions: state.actions, kpis: empty), state
        )
    }

    static func kpis(
        _ months: [MonthlyOutput], plan: RolloutState, baseline: BaselineCosts, rate: NetPresentValue
    ) -> RolloutKPIs {
        func first(_ share: Double) -> Int? {
            months.first {
                $0.subscribers > 0 && Double($0.ipv6EnabledSubscribers) >= share * Double($0.subscribers)
            }?.month
        }
        let npv = -plan.ledger.presentCost(rate: rate) { _ in true }
        let baselineNPV = -baseline.presentCost
        var byGroup: [String: Double] = [:]
        for group in CostItem.Group.allCases {
            byGroup[group.rawValue] =
                (baseline.presentCostByGroup[group] ?? 0)
                - plan.ledger.presentCost(rate: rate) { $0.group == group }
        }
        var byItem: [String: Double] = [:]
        for item in CostItem.allCases { byItem[item.rawValue] = plan.ledger.total(item) }
        return RolloutKPIs(
            month50: first(0.5), month90: first(0.9),
            finalIPv6TrafficShare: months.last?.ipv6TrafficShare ?? 0,
            peakCGNATUtilization: months.map(\.cgnatUtilization).max() ?? 0,
            ipv4Purchased: plan.pool.purchased,
            ipv4Sold: plan.pool.sold, npv: npv, baselineNPV: baselineNPV, incrementalNPV: npv - baselineNPV,
            incrementalNPVByGroup: byGroup, programmeCost: plan.ledger.total { $0.group == .programme },
            truckRolls: months.reduce(0) { $0 + $1.truckRolls },
            unmetDemandMonths: months.filter {
                $0.cgnatUtilization > 1 || $0.peakLinkUtilization > 1 || $0.ipv4Shortfall > 0
                    || $0.peakPortUtilization > 1 || $0.peakBNGSessionUtilization > 1
            }.count, costByItem: byItem, bindingConstraints: plan.constraints.list)
    }
}
