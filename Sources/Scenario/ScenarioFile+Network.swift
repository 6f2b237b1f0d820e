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
                        subscribersPerPort: $0.split ?? 1, pppoe: $0.pppoe ?? false)
                }
                access.xpon.subscribersPerPort = district.accessNodes.xpon.split ?? 64
                return NetworkConfiguration.District(
                    name: district.name, subscribers: district.subscribers,
                    netAddsPerMonth: district.netAddsPerMonth ?? zero,
                    netAddsChanges: (district.netAddsFrom ?? []).map {
                        .init(
                            month: start.months(to: $0.month),
                            perMonth: PerTechnology(xdsl: $0.xdsl, xpon: $0.xpon, lan: $0.lan))
                    }, access: access,
                    bngs: district.bngs.count,
                    readyBNGs: district.bngs.ready, sessionsPerBNG: district.bngs.sessionLimit,
                    uplinkGbps: district.uplinkGbps, cpeCapableShare: district.cpeCapableShare,
                    initialMode: district.ipv6Mode)
            },
            cpes: .init(
                capableShare: cpe.capableShare,
                newCapableShare: path(cpe.newCapableShare, cpe.newCapableSharePath),
                lifetimeShape: cpe.lifetimeShape,
                lifetimeScaleMonths: cpe.lifetimeScaleMonths, meanAgeMonths: cpe.meanAgeMonths,
                mechanismShare: cpe.mechanismShare ?? 1,
                firmwareUpgradableShare: cpe.firmwareUpgradableShare ?? 0),
            adoption: OptInAdoption(
                BassDiffusion(p: adoption.p, q: adoption.q),
                changes: (adoption.changes ?? []).map {
                    OptInAdoption.Change(
                        month: start.months(to: $0.month), curve: BassDiffusion(p: $0.p, q: $0.q))
                }),
            content: BassDiffusion(p: content.p, q: content.q),
            publicIPv4: addressing.publicIPv4,
            ipv4Price: path(addressing.ipv4Price, addressing.ipv4PricePath),
            sellSurplusIPv4: addressing.sellSurplus ?? false,
            portPlan: CGNATPortPlan(portsPerSubscriber: addressing.portsPerSubscriber),
            cgnat: cgnatPlatform,
            demand: DemandModel(initialMbps: traffic.busyHourMbps, yearlyGrowth: traffic.yearlyGrowth),
            uplinkYearlyGrowth: traffic.uplinkYearlyGrowth ?? 0, coreGbps: traffic.coreGbps, costs: costModel,
            budget: Budget(
                yearlyCapex: budget?.yearlyCapex, visitsPerMonth: budget?.visitsPerMonth,
                fiscalYearOffset: ((budget?.yearStart ?? start.month) - start.month + 12) % 12),
            visitsPerCPE: budget?.visitsPerCPE ?? 1,
            capacity: capacityRules,
            actions: (plan ?? []).compactMap { action in
                action.action.network.map {
                    NetworkConfiguration.Action(
                        month: start.months(to: action.month), kind: $0,
                        district: action.district.flatMap { names[$0] }, mode: action.mode,
                        amount: action.amount,
                        priority: action.priority ?? 0, until: action.until.map { start.months(to: $0) },
                        total: action.total)
                }
            })
    }

    /// A number that may change over time: `initial` until the month before the path's first
    /// point, then the path.
    func path(_ initial: Double, _ points: [PathPoint]?) -> MonthlyPath {
        let points = (points ?? []).map {
            MonthlyPath.Point(month: start.months(to: $0.month), value: $0.value)
        }
        guard let first = points.map(\.month).min() else { return MonthlyPath(constant: initial) }
        return MonthlyPath([MonthlyPath.Point(month: first - 1, value: initial)] + points)
    }

    /// The CGN platform, defaults filled in.
    var cgnatPlatform: CGNATPlatform {
        let defaults = CGNATSection.defaults
        return CGNATPlatform(
            gbps: addressing.cgnatGbps, sessionsPerGbps: cgnat?.sessionsPerGbps ?? defaults.sessionsPerGbps,
            sessionsPerSubscriber: cgnat?.sessionsPerSubscriber ?? defaults.sessionsPerSubscriber,
            logRecordsPerSubscriberMonth: cgnat?.logRecordsPerSubscriberMonth
                ?? defaults.logRecordsPerSubscriberMonth,
            logRecordBytes: cgnat?.logRecordBytes ?? defaults.logRecordBytes)
    }

    /// The unit costs, absent ones 0.
    var costModel: CostModel {
        CostModel(
            bngUpgrade: costs.bngUpgrade, accessNodeUpgrade: costs.accessNodeUpgrade,
            accessNodeReplacement: costs.accessNodeReplacement, cpe: costs.cpe, truckRoll: costs.truckRoll,
            cgnatPerGbps: costs.cgnatPerGbps, opexPerSubscriberMonth: costs.opexPerSubscriberMonth,
            cgnatOpexPerSubscriberYear: costs.cgnatOpexPerSubscriberYear,
            cgnatSupportPerSubscriberYear: costs.cgnatSupportPerSubscriberYear ?? 0,
            cpeFirmware: costs.cpeFirmware ?? 0, bngChassis: costs.bngChassis ?? 0,
            uplinkPerGbps: costs.uplinkPerGbps ?? 0)
    }

    /// The capacity rules as the model takes them.
    var capacityRules: CapacityRules {
        func rule(_ section: RuleSection?) -> CapacityRule? {
            section.map {
                CapacityRule(moduleSize: $0.module, threshold: $0.threshold, leadMonths: $0.leadMonths)
            }
        }
        return CapacityRules(
            cgnat: rule(capacity?.cgnat), bngs: rule(capacity?.bngs), uplinks: rule(capacity?.uplinks),
            ipv4: rule(capacity?.ipv4), ipv4MaximumPrice: capacity?.ipv4MaximumPrice ?? 0)
    }
}

extension ScenarioFile {
    /// Seconds in a mean Gregorian month (30.436875 days): the compute model's clock per month.
    public static let secondsPerMonth = 30.436_875 * 86_400

    /// The compute centre's model input, or nil when the scenario has no `compute` section.
    /// `expandCompute` actions add their `amount` of cores, `expandGPUs` their GPUs and
    /// `expandCloud` their cloud nodes, at the start of their month.
    public var computeCentre: ComputeCentre? {
        guard let compute else { return nil }
        func expansions(_ kind: PlanAction.ComputeAction) -> [Expansion] {
            (plan ?? []).filter { $0.action == .compute(kind) }.map {
                Expansion(
                    time: Double(start.months(to: $0.month)) * Self.secondsPerMonth,
                    processors: Int($0.amount ?? 0))
            }.filter { $0.processors > 0 }
        }
        let year = 12 * Self.secondsPerMonth
        let cloud = compute.cloud.map { cloud in
            CloudSimulation(
                nodes: cloud.nodes, coresPerNode: cloud.coresPerNode,
                services: cloud.services.map(Self.service), admission: cloud.admission ?? .reject,
                expansions: expansions(.expandCloud),
                yearLength: year)
        }
        return ComputeCentre(
            cores: compute.cores, scheduler: compute.scheduler ?? .easy,
            workload: Self.synthetic(compute.workload, processors: compute.cores),
            horizon: Double(months) * Self.secondsPerMonth, expansions: expansions(.expandCompute),
            sla: compute.slaP95WaitHours.map {
                WaitSLA(maximumP95Wait: $0 * 3_600, period: Self.secondsPerMonth)
            },
            power: compute.power.map {
                PowerModel(
                    coresPerNode: $0.nodeCores, idleWattsPerNode: $0.idleWattsPerNode,
                    busyWattsPerNode: $0.busyWattsPerNode, pue: $0.pue)
            }, cloud: cloud,
            gpu: compute.gpu.map {
                ComputeCentre.GPUPartition(
                    gpus: $0.gpus, workload: Self.synthetic($0.workload, processors: $0.gpus),
                    expansions: expansions(.expandGPUs))
            }, yearLength: year, backfillDepth: compute.backfillDepth ?? BatchSimulation.slurmBackfillDepth)
    }

    /// A cloud service as written, defaults filled in.
    static func service(_ service: ComputeSection.Service) -> CloudService {
        CloudService(
            name: service.name, requestsPerHour: service.requestsPerHour,
            yearlyGrowth: service.yearlyGrowth ?? 0,
            dailyAmplitude: service.dailyAmplitude ?? 0, vmCores: service.vmCores,
            meanLifetimeHours: service.meanLifetimeHours)
    }

    /// A job stream as written, defaults filled in, its load relative to `processors`.
    static func synthetic(_ workload: ComputeSection.Workload, processors: Int) -> SyntheticWorkload {
        SyntheticWorkload(
            jobs: 0, processors: processors, load: workload.load, maximumWidth: workload.maxWidth,
            powerOfTwoShare: workload.powerOfTwoShare ?? 0.8, medianRunTime: workload.medianRunTimeSeconds,
            runTimeSigma: workload.runTimeSigma ?? 1.5, dailyAmplitude: workload.dailyAmplitude ?? 0.5,
            maximumOverestimate: workload.maximumOverestimate ?? 5, yearlyGrowth: workload.yearlyGrowth ?? 0)
    }
}
