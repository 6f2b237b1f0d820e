/// The measuring step at each month's end: who has IPv6, who is behind NAT, the loads on the CGN,
/// links, ports and BNGs, and the month's running costs. Loads go into the history the capacity
/// rules forecast from; overloads are noted as binding constraints.
extension RolloutState {
    /// A district's IPv6 figures: available, enabled, BNG sessions, and the sessions it would hold
    /// with every available line switched on.
    struct DistrictIPv6 {
        var available: Int
        var enabled: Int
        var sessions: Int
        var potentialSessions: Int
        var readiness: IPv6Readiness
    }

    func ipv6(of district: DistrictState) -> DistrictIPv6 {
        let n = district.total
        let mode = district.mode
        var readiness = IPv6Readiness(
            cpe: Double(district.fleet.capable) / Double(Swift.max(1, district.fleet.count)), bng: 1,
            access: 1,
            modeOn: mode != nil, uptake: 0)
        guard n > 0 else {
            return DistrictIPv6(
                available: 0, enabled: 0, sessions: 0, potentialSessions: 0, readiness: readiness)
        }
        if mode?.needsSpecialCPE == true { readiness.cpe *= configuration.cpes.mechanismShare }
        if mode?.needsNativeIPv6Access ?? true {
            readiness.bng = district.bngs > 0 ? Double(district.readyBNGs) / Double(district.bngs) : 1
            var access = 0.0
            for technology in AccessTechnology.allCases {
                access += Double(district.subscribers[technology]) * district.access[technology].readyShare
            }
            readiness.access = access / Double(n)
        }
        let share = readiness.cpe * readiness.bng * readiness.access
        let available = Swift.min(n, Int((Double(n) * share).rounded()))
        var enabled = 0
        if mode != nil {
            enabled =
                district.optOut
                ? available : Int((Double(available) * Double(district.adopted) / Double(n)).rounded())
        }
        // A dual-stack line holds an IPv4 and an IPv6 session; the IPv6-only access modes one.
        let dualStack = mode == .dualStack || mode == .dualStackCGNAT
        readiness.uptake = mode == nil ? 0 : district.optOut ? 1 : Double(district.adopted) / Double(n)
        return DistrictIPv6(
            available: available, enabled: enabled, sessions: n + (dualStack ? enabled : 0),
            potentialSessions: n + (dualStack ? available : 0), readiness: readiness)
    }

    /// Adds `district`'s lines per technology, and those with IPv6 available and on, to `totals`:
    /// the district's shares with each technology's own access readiness.
    func count(
        _ district: DistrictState, _ readiness: IPv6Readiness,
        into totals: inout PerTechnology<TechnologyIPv6>
    ) {
        let native = district.mode?.needsNativeIPv6Access ?? true
        for technology in AccessTechnology.allCases {
            let lines = district.subscribers[technology]
            let access = native ? district.access[technology].readyShare : 1
            let available = Int((Double(lines) * readiness.cpe * readiness.bng * access).rounded())
            totals[technology].subscribers += lines
            totals[technology].ipv6AvailableSubscribers += available
            totals[technology].ipv6EnabledSubscribers +=
                readiness.modeOn ? Int((Double(available) * readiness.uptake).rounded()) : 0
        }
    }

    mutating func measure() -> (city: MonthlyOutput, districts: [DistrictMonth]) {
        let config = configuration
        let contentShare = config.content.share(at: Double(month + 1) / 12)
        let perSubscriberMbps = config.demand.perSubscriberMbps(month: month)
        let growth = uplinkGrowth(month: month)
        var total = 0
        var available = 0
        var enabled = 0
        var byMode: [String: Int] = [:]
        var byTechnology = PerTechnology(
            xdsl: TechnologyIPv6(), xpon: TechnologyIPv6(), lan: TechnologyIPv6())
        var dualStack = 0
        var ipv4Only = 0
        var stateful = 0
        var stateless = 0
        var peaks = (link: 0.0, ports: 0.0, sessions: 0.0)
        var districtMonths: [DistrictMonth] = []
        for (index, district) in districts.enumerated() {
            let n = district.total
            let figures = ipv6(of: district)
            total += n
            available += figures.available
            enabled += figures.enabled
            ipv4Only += n - figures.enabled
            count(district, figures.readiness, into: &byTechnology)
            if let mode = district.mode {
                byMode[mode.rawValue, default: 0] += figures.enabled
                switch mode.ipv4Service {
                case .publicAddress: dualStack += figures.enabled
                case .statefulSharing: stateful += figures.enabled
                case .statelessSharing: stateless += figures.enabled
                }
            }
            let load = loads(
                of: index, perSubscriberMbps: perSubscriberMbps, growth: growth, sessions: figures.sessions)
            loads.bngPotentialSessions[index] = Double(figures.potentialSessions)
            peaks = (
                Swift.max(peaks.link, load.link), Swift.max(peaks.ports, load.ports),
                Swift.max(peaks.sessions, load.sessions)
            )
            districtMonths.append(
                DistrictMonth(
                    month: month, subscribers: n, ipv6AvailableSubscribers: figures.available,
                    ipv6EnabledSubscribers: figures.enabled,
                    ipv6TrafficShare: n > 0 ? Double(figures.enabled) * contentShare / Double(n) : 0,
                    linkUtilization: load.link, portUtilization: load.ports,
                    bngSessionUtilization: load.sessions,
                    truckRolls: district.truckRolls, readiness: figures.readiness))
        }
        if let core = config.coreGbps {
            let demand = Double(total) * perSubscriberMbps / 1_000
            loads.coreGbps.append(demand)
            let utilization = demand / (core * growth + addedCoreGbps)
            if utilization > 1 { constraints.note("core", district: nil, month: month) }
            peaks.link = Swift.max(peaks.link, utilization)
        }
        let allocation = AddressAllocation(
            dualStackWanting: dualStack, ipv4OnlyWanting: ipv4Only, statefulByMode: stateful,
            stateless: stateless,
            pool: pool.size, plan: config.portPlan)
        let shortfall = pool.use(allocation.addressesUsed)
        loads.ipv4Wanted.append(Double(allocation.addressesWanted))
        loads.natOverflow.append(Double(allocation.overflow))
        if shortfall > 0 { constraints.note("ipv4Addresses", district: nil, month: month) }
        let cgn = config.cgnat.load(
            natEquivalentSubscribers: allocation.natEquivalentSubscribers(ipv6Share: contentShare),
            perSubscriberMbps: perSubscriberMbps)
        loads.cgnatGbps.append(cgn.capacityNeededGbps)
        let cgnUtilization =
            cgn.capacityNeededGbps > 0 ? cgn.capacityNeededGbps / Swift.max(cgnatGbps, 1e-9) : 0
        if cgnUtilization > 1 { constraints.note("cgnat", district: nil, month: month) }
        let nat = Double(allocation.natSubscribers)
        ledger.spend(Double(total) * config.costs.opexPerSubscriberMonth, on: .subscriberOperation)
        ledger.spend(nat * config.costs.cgnatOpexPerSubscriberYear / 12, on: .cgnatOperation)
        ledger.spend(nat * config.costs.cgnatSupportPerSubscriberYear / 12, on: .cgnatSupport)
        let city = MonthlyOutput(
            month: month, subscribers: total,
            fibreSubscribers: districts.reduce(0) { $0 + $1.subscribers.xpon },
            ipv6AvailableSubscribers: available,
            ipv6EnabledSubscribers: enabled,
            ipv6SubscribersByMode: byMode, byTechnology: byTechnology,
            ipv6TrafficShare: total > 0 ? Double(enabled) * contentShare / Double(total) : 0,
            publicIPv4InUse: pool.inUse, natSubscribers: allocation.natSubscribers,
            publicIPv4Subscribers: allocation.publicSubscribers, statelessSharingSubscribers: stateless,
            cgnatThroughputGbps: cgn.gbps, cgnatSessions: cgn.sessions, cgnatUtilization: cgnUtilization,
            natLogBytes: config.cgnat.logBytes(natSubscribers: allocation.natSubscribers),
            peakLinkUtilization: peaks.link, peakPortUtilization: peaks.ports,
            peakBNGSessionUtilization: peaks.sessions, capexCumulative: ledger.total(where: \.isCapital),
            opexCumulative: ledger.total(where: \.isRunning),
            programmeCostCumulative: ledger.total { $0.group == .programme },
            businessAsUsualCostCumulative: ledger.total { $0.group == .businessAsUsual },
            truckRolls: districts.reduce(0) { $0 + $1.truckRolls }, slippedActions: slipped,
            ipv4Shortfall: shortfall)
        return (city, districtMonths)
    }

    /// District `index`'s loads: the busier of its uplink and its PON trees' downstream (GPON's
    /// 2,488.32 Mbit/s per port), its fullest access plant's ports, and its BNG sessions.
    private mutating func loads(
        of index: Int, perSubscriberMbps: Double, growth: Double, sessions: Int
    ) -> (link: Double, ports: Double, sessions: Double) {
        let district = districts[index]
        let configuration = configuration.districts[index]
        let demandGbps = Double(district.total) * perSubscriberMbps / 1_000
        loads.uplinkGbps[index].append(demandGbps)
        loads.bngSessions[index].append(Double(sessions))
        var link = demandGbps / (configuration.uplinkGbps * growth + district.addedUplinkGbps)
        if link > 1 { constraints.note("uplink", district: index, month: month) }
        var ports = 0.0
        for technology in AccessTechnology.allCases {
            let plant = district.access[technology]
            guard let perNode = plant.portsPerNode, let capacity = plant.subscriberCapacity, plant.nodes > 0
            else {
                continue
            }
            ports = Swift.max(ports, Double(district.subscribers[technology]) / Double(capacity))
            if technology == .xpon {
                let perPort = Double(district.subscribers[technology]) / Double(plant.nodes * perNode)
                let tree = perPort * perSubscriberMbps / PONPort.Standard.gpon.downstreamMbps
                if tree > 1 { constraints.note("ponTrees", district: index, month: month) }
                link = Swift.max(link, tree)
            }
        }
        if ports > 1 { constraints.note("accessPorts", district: index, month: month) }
        var sessionLoad = 0.0
        if let limit = configuration.sessionsPerBNG, district.bngs > 0 {
            sessionLoad = Double(sessions) / Double(district.bngs * limit)
            if sessionLoad > 1 { constraints.note("bngSessions", district: index, month: month) }
        }
        return (link, ports, sessionLoad)
    }
}
