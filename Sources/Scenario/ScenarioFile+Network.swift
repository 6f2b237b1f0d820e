import MetroModel

extension ScenarioFile {
    /// The network model's input: months counted from `start`, districts by index.
    public var networkConfiguration: NetworkConfiguration {
        let names = Dictionary(
            districts.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        let zero = PerTechnology(xdsl: 0, xpon: 0, lan: 0)
        return NetworkConfiguration(
            months: months, discountRate: discountRate ?? 0.08,
            districts: districts.map { district in
                NetworkConfiguration.District(
                    name: district.name, subscribers: district.subscribers,
                    netAddsPerMonth: district.netAddsPerMonth ?? zero,
                    access: district.accessNodes.map {
                        AccessPlant(nodes: $0.nodes, ready: $0.ready, upgradable: $0.upgradable)
                    },
                    bngs: district.bngs.count, readyBNGs: district.bngs.ready, uplinkGbps: district.uplinkGbps
                )
            },
            cpes: .init(
                capableShare: cpe.capableShare, newCapableShare: cpe.newCapableShare,
                lifetimeShape: cpe.lifetimeShape,
                lifetimeScaleMonths: cpe.lifetimeScaleMonths, meanAgeMonths: cpe.meanAgeMonths,
                mechanismShare: cpe.mechanismShare ?? 1),
            adoption: BassDiffusion(p: adoption.p, q: adoption.q),
            content: BassDiffusion(p: content.p, q: content.q),
            publicIPv4: addressing.publicIPv4, ipv4Price: addressing.ipv4Price,
            portPlan: CGNATPortPlan(portsPerSubscriber: addressing.portsPerSubscriber),
            cgnatGbps: addressing.cgnatGbps,
            demand: DemandModel(initialMbps: traffic.busyHourMbps, yearlyGrowth: traffic.yearlyGrowth),
            uplinkYearlyGrowth: traffic.uplinkYearlyGrowth ?? 0, costs: costs,
            budget: Budget(yearlyCapex: budget?.yearlyCapex, visitsPerMonth: budget?.visitsPerMonth),
            visitsPerCPE: budget?.visitsPerCPE ?? 1,
            actions: (plan ?? []).map { action in
                NetworkConfiguration.Action(
                    month: start.months(to: action.month), kind: action.action,
                    district: action.district.flatMap { names[$0] }, mode: action.mode, amount: action.amount)
            })
    }
}
