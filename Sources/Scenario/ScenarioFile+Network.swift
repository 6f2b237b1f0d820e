import ComputeModel
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
                var access = district.accessNodes.map {
                    AccessPlant(
                        nodes: $0.nodes, ready: $0.ready, upgradable: $0.upgradable, portsPerNode: $0.ports,
                        subscribersPerPort: $0.split ?? 1)
                }
                access.xpon.subscribersPerPort = district.accessNodes.xpon.split ?? 64
                return NetworkConfiguration.District(
                    name: district.name, subscribers: district.subscribers,
                    netAddsPerMonth: district.netAddsPerMonth ?? zero, access: access,
                    bngs: district.bngs.count,
                    readyBNGs: district.bngs.ready, sessionsPerBNG: district.bngs.sessionLimit,
                    uplinkGbps: district.uplinkGbps)
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
            uplinkYearlyGrowth: traffic.uplinkYearlyGrowth ?? 0, coreGbps: traffic.coreGbps, costs: costs,
            budget: Budget(yearlyCapex: budget?.yearlyCapex, visitsPerMonth: budget?.visitsPerMonth),
            visitsPerCPE: budget?.visitsPerCPE ?? 1,
            actions: (plan ?? []).map { action in
                NetworkConfiguration.Action(
                    month: start.months(to: action.month), kind: action.action,
                    district: action.district.flatMap { names[$0] }, mode: action.mode, amount: action.amount)
            })
    }
}

extension ScenarioFile {
    /// Seconds in a mean Gregorian month (30.436875 days): the compute model's clock per month.
    public static let secondsPerMonth = 30.436_875 * 86_400

    /// The compute centre's model input, or nil when the scenario has no `compute` section.
    /// `expandCompute` actions add their `amount` of cores at the start of their month.
    public var computeCentre: ComputeCentre? {
        guard let compute else { return nil }
        let workload = compute.workload
        let synthetic = SyntheticWorkload(
            jobs: 0, processors: compute.cores, load: workload.load, maximumWidth: workload.maxWidth,
            powerOfTwoShare: workload.powerOfTwoShare ?? 0.8, medianRunTime: workload.medianRunTimeSeconds,
            runTimeSigma: workload.runTimeSigma ?? 1.5, dailyAmplitude: workload.dailyAmplitude ?? 0.5,
            maximumOverestimate: workload.maximumOverestimate ?? 5)
        let expansions = (plan ?? []).filter { $0.action == .expandCompute }.map {
            Expansion(
                time: Double(start.months(to: $0.month)) * Self.secondsPerMonth,
                processors: Int($0.amount ?? 0))
        }.filter { $0.processors > 0 }
        let cloud = compute.cloud.map { cloud in
            CloudSimulation(
                nodes: cloud.nodes, coresPerNode: cloud.coresPerNode,
                services: cloud.services.map {
                    CloudService(
                        name: $0.name, requestsPerHour: $0.requestsPerHour,
                        yearlyGrowth: $0.yearlyGrowth ?? 0,
                        dailyAmplitude: $0.dailyAmplitude ?? 0, vmCores: $0.vmCores,
                        meanLifetimeHours: $0.meanLifetimeHours)
                }, admission: cloud.admission ?? .reject)
        }
        return ComputeCentre(
            cores: compute.cores, scheduler: compute.scheduler ?? .easy, workload: synthetic,
            horizon: Double(months) * Self.secondsPerMonth, expansions: expansions,
            sla: compute.slaP95WaitHours.map {
                WaitSLA(maximumP95Wait: $0 * 3_600, period: Self.secondsPerMonth)
            },
            power: compute.power.map {
                PowerModel(
                    coresPerNode: $0.nodeCores, idleWattsPerNode: $0.idleWattsPerNode,
                    busyWattsPerNode: $0.busyWattsPerNode, pue: $0.pue)
            }, cloud: cloud)
    }
}
