import RealModule
import SimCore

/// The monthly IPv6 rollout of a broadband metro network, on SimCore.
///
/// Each month: the plan's actions due are applied at the month's start as far as budget and
/// crews allow (the rest slips to the next month); subscribers join or leave; CPEs age, fail and
/// are replaced; subscribers adopt IPv6 one by one at the Bass hazard, as events on the engine in
/// continuous time; then the month's state is measured. A subscriber has working IPv6 when it has
/// adopted, a provisioning mode is on in its district, and its BNG, access node and CPE are
/// ready; subscribers are spread evenly over BNGs and access nodes, so readiness multiplies as
/// shares. Public IPv4 is shared by a city-wide pool: subscribers that cannot get an address of
/// their own go behind the CGN (NAT444).
public struct RolloutSimulation: Sendable {
    /// The network, its behaviour, its costs and the plan.
    public var configuration: NetworkConfiguration

    /// A simulation of `configuration`.
    public init(configuration: NetworkConfiguration) {
        self.configuration = configuration
    }

    struct DistrictState {
        var subscribers: PerTechnology<Int>
        var access: PerTechnology<AccessPlant>
        var bngs: Int
        var readyBNGs: Int
        var fleet: CPEFleet
        var adopted: Int
        var mode: ProvisioningMode?
        var total: Int { subscribers.total }
    }

    enum Event {
        case adoption(district: Int)
    }

    /// Runs the plan with random numbers from `generator`.
    public func run<G: RandomNumberGenerator>(using generator: inout G) -> RolloutResult {
        let config = configuration
        var districts = config.districts.map { district -> DistrictState in
            let total = district.subscribers.total
            let maxAge = Swift.max(1, 2 * config.cpes.meanAgeMonths)
            var capable = [Int](repeating: 0, count: maxAge)
            var legacy = [Int](repeating: 0, count: maxAge)
            for age in 0..<maxAge {
                let cohort = total / maxAge + (age < total % maxAge ? 1 : 0)
                let capableCohort = Int((Double(cohort) * config.cpes.capableShare).rounded())
                capable[age] = capableCohort
                legacy[age] = cohort - capableCohort
            }
            let fleet = CPEFleet(
                lifetimeShape: config.cpes.lifetimeShape,
                lifetimeScaleMonths: config.cpes.lifetimeScaleMonths,
                capableByAge: capable, legacyByAge: legacy)
            return DistrictState(
                subscribers: district.subscribers, access: district.access, bngs: district.bngs,
                readyBNGs: district.readyBNGs, fleet: fleet, adopted: 0, mode: nil)
        }
        var pool = IPv4Pool(size: config.publicIPv4)
        var cgnatGbps = config.cgnatGbps
        var budget = config.budget
        var remaining = config.actions.map { $0.amount }
        var done = [Bool](repeating: false, count: config.actions.count)
        var engine = Simulation<LadderQueueCalendar<Event>>()
        var adoptionEvents = [EventID?](repeating: nil, count: districts.count)
        var capex = 0.0
        var capexItems = CapexByItem()
        var opex = 0.0
        var cashFlows: [Double] = []
        var months: [MonthlyOutput] = []
        var perDistrict = [[MonthlyOutput]](repeating: [], count: districts.count)
        let ratePerMonth = (p: config.adoption.p / 12, q: config.adoption.q / 12)

        func scheduleAdoption(_ index: Int) {
            if let pending = adoptionEvents[index] { engine.cancel(pending) }
            adoptionEvents[index] = nil
            let n = districts[index].total
            let waiting = n - districts[index].adopted
            guard waiting > 0 else { return }
            let rate =
                Double(waiting)
                * (ratePerMonth.p + ratePerMonth.q * Double(districts[index].adopted) / Double(n))
            let delay = Exponential(rate: rate).sample(using: &generator)
            adoptionEvents[index] = engine.scheduleCancellable(
                .adoption(district: index), at: engine.now + delay)
        }

        for month in 0..<config.months {
            budget.begin(month: month)
            var monthCapex = 0.0
            var monthOpex = 0.0
            var truckRolls = 0
            var slipped = 0

            // The plan's actions due this month (and earlier ones that slipped).
            for (index, action) in config.actions.enumerated() where action.month <= month && !done[index] {
                let targets = action.district.map { [$0] } ?? Array(districts.indices)
                switch action.kind {
                case .enableMode:
                    for target in targets { districts[target].mode = action.mode }
                    done[index] = true
                case .upgradeBNGs:
                    var wanted = targets.reduce(0) { $0 + districts[$1].bngs - districts[$1].readyBNGs }
                    if let limit = remaining[index] { wanted = Swift.min(wanted, Int(limit)) }
                    let got = budget.afford(wanted, unitCost: config.costs.bngUpgrade)
                    var left = got
                    for target in targets where left > 0 {
                        let step = Swift.min(left, districts[target].bngs - districts[target].readyBNGs)
                        districts[target].readyBNGs += step
                        left -= step
                    }
                    monthCapex += Double(got) * config.costs.bngUpgrade
                    capexItems.bngs += Double(got) * config.costs.bngUpgrade
                    remaining[index] = remaining[index].map { $0 - Double(got) }
                    if got < wanted { slipped += 1 } else { done[index] = true }
                case .upgradeAccessNodes:
                    var limit = remaining[index].map { Int($0) } ?? Int.max
                    var short = false
                    for target in targets {
                        for technology in AccessTechnology.allCases where limit > 0 {
                            var plant = districts[target].access[technology]
                            let software = budget.afford(
                                Swift.min(plant.upgradable, limit), unitCost: config.costs.accessNodeUpgrade)
                            plant.ready += software
                            plant.upgradable -= software
                            limit -= software
                            monthCapex += Double(software) * config.costs.accessNodeUpgrade
                            capexItems.accessNodes += Double(software) * config.costs.accessNodeUpgrade
                            let replace = Swift.min(plant.needingReplacement, limit)
                            let replaced = budget.afford(
                                replace, unitCost: config.costs.accessNodeReplacement, visitsPerUnit: 1)
                            plant.ready += replaced
                            limit -= replaced
                            monthCapex += Double(replaced) * config.costs.accessNodeReplacement
                            capexItems.accessNodes += Double(replaced) * config.costs.accessNodeReplacement
                            if plant.upgradable > 0 || replaced < replace { short = true }
                            districts[target].access[technology] = plant
                        }
                    }
                    if remaining[index] != nil { remaining[index] = Double(limit) }
                    if short && limit > 0 { slipped += 1 } else { done[index] = true }
                case .cpeCampaign:
                    let legacy = targets.reduce(0) {
                        $0 + districts[$1].fleet.count - districts[$1].fleet.capable
                    }
                    if legacy == 0 {
                        done[index] = true
                        continue
                    }
                    let wanted = Swift.min(legacy, remaining[index].map { Int($0) } ?? Int.max)
                    let got = budget.afford(
                        wanted, unitCost: config.costs.cpe + config.costs.truckRoll,
                        visitsPerUnit: config.visitsPerCPE)
                    var left = got
                    for target in targets where left > 0 {
                        left -= districts[target].fleet.replaceLegacy(upTo: left)
                    }
                    truckRolls += got
                    monthCapex += Double(got) * (config.costs.cpe + config.costs.truckRoll)
                    capexItems.cpeCampaigns += Double(got) * (config.costs.cpe + config.costs.truckRoll)
                    if got < wanted { slipped += 1 }
                case .addCGNAT:
                    let gbps = action.amount ?? 0
                    if budget.afford(1, unitCost: gbps * config.costs.cgnatPerGbps) == 1 {
                        cgnatGbps += gbps
                        monthCapex += gbps * config.costs.cgnatPerGbps
                        capexItems.cgnat += gbps * config.costs.cgnatPerGbps
                        done[index] = true
                    } else {
                        slipped += 1
                    }
                case .buyIPv4:
                    let wanted = Int(remaining[index] ?? 0)
                    let got = budget.afford(wanted, unitCost: config.ipv4Price)
                    pool.buy(got, price: config.ipv4Price)
                    monthCapex += Double(got) * config.ipv4Price
                    capexItems.ipv4 += Double(got) * config.ipv4Price
                    remaining[index] = Double(wanted - got)
                    if got < wanted { slipped += 1 } else { done[index] = true }
                case .expandCompute:
                    done[index] = true
                }
            }

            // Subscribers join or leave; CPEs age and fail.
            for index in districts.indices {
                let before = districts[index].total
                for technology in AccessTechnology.allCases {
                    let change = config.districts[index].netAddsPerMonth[technology]
                    districts[index].subscribers[technology] = Swift.max(
                        0, districts[index].subscribers[technology] + change)
                    // Growth the ports cannot hold gets new access nodes, bought as business as
                    // usual (outside the plan's budget) and IPv6-ready, as new equipment is.
                    var plant = districts[index].access[technology]
                    if let perNode = plant.portsPerNode, perNode > 0 {
                        let perNodeSubscribers = perNode * plant.subscribersPerPort
                        let excess =
                            districts[index].subscribers[technology] - plant.nodes * perNodeSubscribers
                        if excess > 0 {
                            let added = (excess + perNodeSubscribers - 1) / perNodeSubscribers
                            plant.nodes += added
                            plant.ready += added
                            monthCapex += Double(added) * config.costs.accessNodeReplacement
                            capexItems.growth += Double(added) * config.costs.accessNodeReplacement
                            districts[index].access[technology] = plant
                        }
                    }
                }
                let after = districts[index].total
                if after > before {
                    districts[index].fleet.install(
                        after - before, capableShare: config.cpes.newCapableShare, using: &generator)
                } else if after < before {
                    districts[index].fleet.remove(before - after)
                    let leavingAdopters = Int(
                        (Double(districts[index].adopted) * Double(before - after) / Double(before)).rounded()
                    )
                    districts[index].adopted -= leavingAdopters
                }
                let failures = districts[index].fleet.advanceMonth(
                    replacementCapableShare: config.cpes.newCapableShare, using: &generator)
                truckRolls += failures
                monthOpex += Double(failures) * (config.costs.cpe + config.costs.truckRoll)
                scheduleAdoption(index)
            }

            // Adoption, subscriber by subscriber, in continuous time through the month.
            let monthEnd = SimTime(Double(month + 1))
            while let (_, event) = engine.nextEvent(until: monthEnd) {
                switch event {
                case .adoption(let index):
                    adoptionEvents[index] = nil
                    districts[index].adopted += 1
                    scheduleAdoption(index)
                }
            }
            engine.advance(to: monthEnd)

            // Measure the month.
            let contentShare = config.content.share(at: Double(month + 1) / 12)
            let perSubscriberMbps = config.demand.perSubscriberMbps(month: month)
            let uplinkGrowth = Double.pow(1 + config.uplinkYearlyGrowth, Double(month) / 12)
            var totalSubscribers = 0
            var totalEnabled = 0
            var wantPublic = 0
            var statefulEnabled = 0
            var enabledByMode: [String: Int] = [:]
            var stateless = 0
            var peakLink = 0.0
            var peakPorts = 0.0
            var peakSessions = 0.0
            var enabledByDistrict: [Int] = []
            var loadsByDistrict: [(link: Double, ports: Double, sessions: Double)] = []
            for (index, district) in districts.enumerated() {
                let n = district.total
                totalSubscribers += n
                var enabled = 0
                if let mode = district.mode, n > 0 {
                    var share = Double(district.fleet.capable) / Double(Swift.max(1, district.fleet.count))
                    if mode.needsSpecialCPE { share *= config.cpes.mechanismShare }
                    if mode.needsNativeIPv6Access {
                        share *= district.bngs > 0 ? Double(district.readyBNGs) / Double(district.bngs) : 1
                        var access = 0.0
                        for technology in AccessTechnology.allCases {
                            access +=
                                Double(district.subscribers[technology])
                                * district.access[technology].readyShare
                        }
                        share *= access / Double(n)
                    }
                    enabled = Swift.min(n, Int((Double(district.adopted) * share).rounded()))
                    enabledByMode[mode.rawValue, default: 0] += enabled
                    switch mode.ipv4Service {
                    case .publicAddress: wantPublic += enabled
                    case .statefulSharing: statefulEnabled += enabled
                    case .statelessSharing: stateless += enabled
                    }
                }
                wantPublic += n - enabled
                totalEnabled += enabled
                enabledByDistrict.append(enabled)
                let load = Self.loads(
                    of: district, configuration: config.districts[index], enabled: enabled,
                    perSubscriberMbps: perSubscriberMbps, uplinkGrowth: uplinkGrowth)
                loadsByDistrict.append(load)
                peakLink = Swift.max(peakLink, load.link)
                peakPorts = Swift.max(peakPorts, load.ports)
                peakSessions = Swift.max(peakSessions, load.sessions)
            }
            if let core = config.coreGbps {
                peakLink = Swift.max(
                    peakLink, Double(totalSubscribers) * perSubscriberMbps / (core * uplinkGrowth * 1_000))
            }
            // Public addresses: own addresses first; the fewest subscribers that make the rest fit
            // go behind the CGN. Moving one more never needs more addresses, so bisect.
            let plan = config.portPlan
            func addresses(overflow: Int) -> Int {
                (wantPublic - overflow) + plan.addressesNeeded(for: statefulEnabled + overflow)
                    + plan.addressesNeeded(for: stateless)
            }
            var overflow = 0
            if addresses(overflow: 0) > pool.size {
                var low = 0
                var high = wantPublic
                while low < high {
                    let middle = (low + high) / 2
                    if addresses(overflow: middle) <= pool.size { high = middle } else { low = middle + 1 }
                }
                overflow = low
            }
            let shortfall = pool.use(addresses(overflow: overflow))
            let cgnatSubscribers = statefulEnabled + overflow
            let cgnatLoadGbps =
                (Double(statefulEnabled) * (1 - contentShare) + Double(overflow)) * perSubscriberMbps / 1_000
            let cgnatUtilization = cgnatLoadGbps > 0 ? cgnatLoadGbps / Swift.max(cgnatGbps, 1e-9) : 0
            let trafficShare =
                totalSubscribers > 0 ? Double(totalEnabled) * contentShare / Double(totalSubscribers) : 0
            monthOpex += Double(totalSubscribers) * config.costs.opexPerSubscriberMonth
            monthOpex += Double(cgnatSubscribers) * config.costs.cgnatOpexPerSubscriberYear / 12
            capex += monthCapex
            opex += monthOpex
            cashFlows.append(-(monthCapex + monthOpex))
            months.append(
                MonthlyOutput(
                    month: month, subscribers: totalSubscribers, ipv6EnabledSubscribers: totalEnabled,
                    ipv6TrafficShare: trafficShare, publicIPv4InUse: pool.inUse,
                    cgnatSubscribers: cgnatSubscribers, publicIPv4Subscribers: wantPublic - overflow,
                    statelessSharingSubscribers: stateless, ipv6SubscribersByMode: enabledByMode,
                    cgnatUtilization: cgnatUtilization, peakLinkUtilization: peakLink,
                    peakPortUtilization: peakPorts, peakBNGSessionUtilization: peakSessions,
                    capexCumulative: capex,
                    opexCumulative: opex, truckRolls: truckRolls, slippedActions: slipped,
                    ipv4Shortfall: shortfall))
            for (index, district) in districts.enumerated() {
                let n = district.total
                let enabled = enabledByDistrict[index]
                let load = loadsByDistrict[index]
                perDistrict[index].append(
                    MonthlyOutput(
                        month: month, subscribers: n, ipv6EnabledSubscribers: enabled,
                        ipv6TrafficShare: n > 0 ? Double(enabled) * contentShare / Double(n) : 0,
                        publicIPv4InUse: pool.inUse, cgnatSubscribers: cgnatSubscribers,
                        publicIPv4Subscribers: wantPublic - overflow, statelessSharingSubscribers: stateless,
                        ipv6SubscribersByMode: districts[index].mode.map { [$0.rawValue: enabled] } ?? [:],
                        cgnatUtilization: cgnatUtilization, peakLinkUtilization: load.link,
                        peakPortUtilization: load.ports, peakBNGSessionUtilization: load.sessions,
                        capexCumulative: capex,
                        opexCumulative: opex, truckRolls: truckRolls, slippedActions: slipped,
                        ipv4Shortfall: shortfall))
            }
        }
        return RolloutResult(
            months: months, districts: perDistrict,
            kpis: Self.kpis(
                months, pool: pool, rate: config.discountRate, cashFlows: cashFlows, capexItems: capexItems))
    }

    /// A district's loads: the busier of its uplink and its PON trees' downstream (GPON's
    /// 2,488.32 Mbit/s per port), its fullest access plant's ports, and its BNG sessions (a
    /// dual-stack subscriber holds two: PPPoE/IPoE IPv4 and IPv6).
    static func loads(
        of district: DistrictState, configuration: NetworkConfiguration.District, enabled: Int,
        perSubscriberMbps: Double, uplinkGrowth: Double
    ) -> (link: Double, ports: Double, sessions: Double) {
        let n = district.total
        var link = Double(n) * perSubscriberMbps / (configuration.uplinkGbps * uplinkGrowth * 1_000)
        var ports = 0.0
        for technology in AccessTechnology.allCases {
            let plant = district.access[technology]
            guard let perNode = plant.portsPerNode, let capacity = plant.subscriberCapacity, plant.nodes > 0
            else {
                continue
            }
            let portCount = Double(plant.nodes * perNode)
            ports = Swift.max(ports, Double(district.subscribers[technology]) / Double(capacity))
            if technology == .xpon {
                let perPort = Double(district.subscribers[technology]) / portCount
                link = Swift.max(link, perPort * perSubscriberMbps / PONPort.Standard.gpon.downstreamMbps)
            }
        }
        var sessions = 0.0
        if let limit = configuration.sessionsPerBNG, district.bngs > 0 {
            sessions = Double(n + enabled) / Double(district.bngs * limit)
        }
        return (link, ports, sessions)
    }

    static func kpis(
        _ months: [MonthlyOutput], pool: IPv4Pool, rate: Double, cashFlows: [Double], capexItems: CapexByItem
    ) -> RolloutKPIs {
        func first(_ share: Double) -> Int? {
            months.first {
                $0.subscribers > 0 && Double($0.ipv6EnabledSubscribers) >= share * Double($0.subscribers)
            }?.month
        }
        return RolloutKPIs(
            month50: first(0.5), month90: first(0.9),
            finalIPv6TrafficShare: months.last?.ipv6TrafficShare ?? 0,
            peakCGNATUtilization: months.map(\.cgnatUtilization).max() ?? 0, ipv4Purchased: pool.purchased,
            npv: NetPresentValue(yearlyRate: rate).value(of: cashFlows),
            truckRolls: months.reduce(0) { $0 + $1.truckRolls },
            unmetDemandMonths: months.filter {
                $0.cgnatUtilization > 1 || $0.peakLinkUtilization > 1 || $0.ipv4Shortfall > 0
                    || $0.peakPortUtilization > 1 || $0.peakBNGSessionUtilization > 1
            }.count, capexByItem: capexItems)
    }
}
