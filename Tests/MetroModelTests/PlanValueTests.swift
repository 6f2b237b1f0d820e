import MetroModel
import SimCore
import Testing

/// What must rise or fall when an input moves, on a mid-size city with fixed seeds, and the
/// baseline, NAT, capacity and enablement rules worked out by hand.
@Suite("Plan value and directional properties")
struct PlanValueTests {
    static let seeds: [UInt64] = [1, 2, 3]

    /// Four districts, 240,000 lines growing 2,400 a month, a pool that runs out in the second
    /// year, capacity rules, and a dual-stack plan switched on opt-out in month 18.
    static func city(
        q: Double = 0.38, publicIPv4: Int = 250_000, budget: Double? = 3_000_000, switchOn: Int = 18,
        mode: ProvisioningMode = .dualStackCGNAT, price: Double = 11,
        actions: [NetworkConfiguration.Action]? = nil,
        ipv4Rule: Bool = false
    ) -> NetworkConfiguration {
        let district = NetworkConfiguration.District(
            name: "D", subscribers: PerTechnology(xdsl: 30_000, xpon: 10_000, lan: 20_000),
            netAddsPerMonth: PerTechnology(xdsl: -200, xpon: 600, lan: 200),
            access: PerTechnology(
                xdsl: AccessPlant(nodes: 80, ready: 0, upgradable: 40, pppoe: true),
                xpon: AccessPlant(nodes: 10, ready: 5, upgradable: 5),
                lan: AccessPlant(nodes: 400, ready: 100, upgradable: 100, pppoe: true)),
            bngs: 4, readyBNGs: 0, sessionsPerBNG: 32_000, uplinkGbps: 400)
        let plan =
            actions ?? [
                .init(month: 0, kind: .upgradeBNGs, priority: 1),
                .init(month: 3, kind: .upgradeAccessNodes, priority: 2),
                .init(month: 6, kind: .upgradeCPEFirmware, priority: 3),
                .init(month: 6, kind: .enableMode, mode: mode),
                .init(month: 12, kind: .cpeCampaign, amount: 3_000, priority: 4, until: 47),
                .init(month: switchOn, kind: .switchOnIPv6, mode: mode),
            ]
        return NetworkConfiguration(
            months: 60, discountRate: 0.08, districts: Array(repeating: district, count: 4),
            cpes: .init(
                capableShare: 0.2, newCapableShare: MonthlyPath(constant: 0.8), lifetimeShape: 2.5,
                lifetimeScaleMonths: 72, meanAgeMonths: 30, mechanismShare: 0.6, firmwareUpgradableShare: 0.3),
            adoption: OptInAdoption(BassDiffusion(p: 0.03, q: q)), content: BassDiffusion(p: 0.05, q: 0.5),
            publicIPv4: publicIPv4, ipv4Price: MonthlyPath(constant: price),
            portPlan: CGNATPortPlan(portsPerSubscriber: 1_000),
            cgnat: CGNATPlatform(
                gbps: 20, sessionsPerGbps: 500_000, sessionsPerSubscriber: 100,
                logRecordsPerSubscriberMonth: 30,
                logRecordBytes: 150),
            demand: DemandModel(initialMbps: 1.5, yearlyGrowth: 0.35),
            costs: CostModel(
                bngUpgrade: 50_000, accessNodeUpgrade: 500, accessNodeReplacement: 8_000, cpe: 80,
                truckRoll: 40,
                cgnatPerGbps: 5_000, opexPerSubscriberMonth: 3, cgnatOpexPerSubscriberYear: 1,
                cgnatSupportPerSubscriberYear: 20, cpeFirmware: 1, bngChassis: 200_000, uplinkPerGbps: 1_000),
            budget: Budget(yearlyCapex: budget, visitsPerMonth: 5_000),
            capacity: CapacityRules(
                cgnat: CapacityRule(moduleSize: 20, threshold: 0.8, leadMonths: 3),
                bngs: CapacityRule(moduleSize: 1, threshold: 0.8, leadMonths: 3),
                uplinks: CapacityRule(moduleSize: 100, threshold: 0.7, leadMonths: 3),
                ipv4: ipv4Rule ? CapacityRule(moduleSize: 4_096, threshold: 0.95, leadMonths: 1) : nil,
                ipv4MaximumPrice: ipv4Rule ? 1_000 : 0),
            actions: plan)
    }

    static func run(_ configuration: NetworkConfiguration, seed: UInt64) -> RolloutResult {
        var generator = Xoshiro256StarStar(seed: seed)
        return RolloutSimulation(configuration: configuration).run(using: &generator)
    }

    @Test("an empty plan is its own baseline: incremental NPV exactly 0, in every group")
    func emptyPlan() {
        let result = Self.run(Self.city(actions: []), seed: 1)
        #expect(result.kpis.incrementalNPV == 0)
        #expect(result.kpis.npv == result.kpis.baselineNPV)
        #expect(result.kpis.incrementalNPVByGroup.values.allSatisfy { $0 == 0 })
        #expect(result.kpis.programmeCost == 0)
    }

    @Test("a BNG upgrade that changes nothing else costs the plan exactly its price, by hand")
    func baselineByHand() {
        // 4 districts × 4 BNGs × 50,000 in month 0, no mode switched on: the plan and its baseline
        // draw the same numbers, so the only difference is the 800,000 spent at month 0.
        let config = Self.city(actions: [.init(month: 0, kind: .upgradeBNGs)])
        let result = Self.run(config, seed: 5)
        #expect(result.kpis.programmeCost == 800_000)
        #expect(abs(result.kpis.incrementalNPV + 800_000) < 1e-6)
        #expect(abs(result.kpis.incrementalNPVByGroup["programme"]! + 800_000) < 1e-6)
        #expect(result.kpis.incrementalNPVByGroup["cgnat"] == 0)
        #expect(result.kpis.incrementalNPVByGroup["businessAsUsual"] == 0)
    }

    @Test("the groups of the incremental NPV add up to it, and the dual-stack plan relieves the CGN")
    func groups() {
        for seed in Self.seeds {
            let k = Self.run(Self.city(), seed: seed).kpis
            #expect(abs(k.incrementalNPVByGroup.values.reduce(0, +) - k.incrementalNPV) < 1e-3)
            #expect(abs(k.npv - k.baselineNPV - k.incrementalNPV) < 1e-6)
            #expect(k.incrementalNPVByGroup["cgnat"]! > 0, "IPv6 takes traffic off the CGN")
            #expect(k.incrementalNPVByGroup["programme"]! < 0)
        }
    }

    @Test("faster uptake (q × 2) never raises peak CGN throughput")
    func fasterUptake() {
        for seed in Self.seeds {
            // Opt-in only (no switch-on), so uptake speed is what moves.
            let slow = Self.run(Self.city(switchOn: 59), seed: seed)
            let fast = Self.run(Self.city(q: 0.76, switchOn: 59), seed: seed)
            let peak = { (r: RolloutResult) in r.months.map(\.cgnatThroughputGbps).max()! }
            #expect(peak(fast) <= peak(slow) + 1e-9, "seed \(seed): \(peak(fast)) vs \(peak(slow))")
            #expect(fast.months[57].ipv6TrafficShare > slow.months[57].ipv6TrafficShare)
        }
    }

    @Test("more public IPv4 never raises the subscribers behind NAT, in any month")
    func morePool() {
        for seed in Self.seeds {
            let small = Self.run(Self.city(publicIPv4: 230_000), seed: seed)
            let large = Self.run(Self.city(publicIPv4: 270_000), seed: seed)
            for (a, b) in zip(small.months, large.months) {
                #expect(b.natSubscribers <= a.natSubscribers, "seed \(seed), month \(a.month)")
            }
            #expect(small.months.last!.natSubscribers > large.months.last!.natSubscribers)
        }
    }

    @Test("a larger budget never delays month50")
    func largerBudget() {
        for seed in Self.seeds {
            let tight = Self.run(Self.city(budget: 600_000), seed: seed).kpis.month50 ?? Int.max
            let ample = Self.run(Self.city(budget: 6_000_000), seed: seed).kpis.month50 ?? Int.max
            #expect(ample <= tight, "seed \(seed): \(ample) vs \(tight)")
        }
    }

    @Test("switching IPv6 on earlier never lowers any month's IPv6 traffic share")
    func earlierSwitchOn() {
        for seed in Self.seeds {
            let late = Self.run(Self.city(switchOn: 30), seed: seed)
            let early = Self.run(Self.city(switchOn: 12), seed: seed)
            for (a, b) in zip(late.months, early.months) {
                #expect(b.ipv6TrafficShare >= a.ipv6TrafficShare - 1e-12, "seed \(seed), month \(a.month)")
            }
        }
    }

    @Test("a dearer IPv4 price never lowers the incremental NPV of a plan that frees addresses")
    func dearerIPv4() {
        // DS-Lite frees public addresses; the baseline buys what it lacks under the IPv4 rule.
        for seed in Self.seeds {
            let cheap = Self.run(Self.city(mode: .dsLite, price: 10, ipv4Rule: true), seed: seed).kpis
            let dear = Self.run(Self.city(mode: .dsLite, price: 50, ipv4Rule: true), seed: seed).kpis
            #expect(dear.incrementalNPV >= cheap.incrementalNPV, "seed \(seed)")
            #expect(dear.incrementalNPVByGroup["ipv4"]! > 0)
        }
    }

    @Test("switching IPv6 on (opt-out) enables every available subscriber at once, by hand")
    func optOut() {
        // Everything ready but 40% of CPEs: switched on in month 0, 60% of lines have IPv6 at
        // once, whatever the Bass uptake (p tiny, q 0).
        var config = Self.city(actions: [.init(month: 0, kind: .switchOnIPv6, mode: .dualStack)])
        config.adoption = OptInAdoption(BassDiffusion(p: 1e-6, q: 0))
        config.cpes.capableShare = 0.6
        config.cpes.newCapableShare = MonthlyPath(constant: 0.6)
        for index in config.districts.indices {
            config.districts[index].readyBNGs = 4
            config.districts[index].access.xpon.ready = 10
            config.districts[index].access.xpon.upgradable = 0
        }
        let month = Self.run(config, seed: 2).months[0]
        #expect(month.ipv6EnabledSubscribers == month.ipv6AvailableSubscribers)
        let share = Double(month.ipv6EnabledSubscribers) / Double(month.subscribers)
        #expect(abs(share - 0.6) < 0.01, "\(share)")
        var optIn = config
        optIn.actions = [.init(month: 0, kind: .enableMode, mode: .dualStack)]
        #expect(Self.run(optIn, seed: 2).months[0].ipv6EnabledSubscribers < 100)
    }

    @Test("a district measured at the start: its own CPE share and a mode already on, in plan and baseline")
    func measuredStart() {
        var config = Self.city(actions: [])
        config.districts[0].cpeCapableShare = 0.9
        config.districts[0].initialMode = .dualStack
        for index in config.districts.indices {
            config.districts[index].readyBNGs = 4
            config.districts[index].access.xpon.ready = 10
            config.districts[index].access.xpon.upgradable = 0
        }
        let result = Self.run(config, seed: 6)
        let first = result.districts[0][0]
        let share = Double(first.ipv6EnabledSubscribers) / Double(first.subscribers)
        #expect(abs(share - 0.9) < 0.01, "\(share)")
        // The other districts keep the city's 20% capable CPEs (plus the month's new ones: 800 new
        // CPEs at 80%, 200 old ones gone, about 21%) and no mode.
        let other = result.districts[1][0]
        #expect(other.ipv6EnabledSubscribers == 0)
        #expect((0.2...0.23).contains(Double(other.ipv6AvailableSubscribers) / Double(other.subscribers)))
        // It is the starting state, not a plan: the empty plan still equals its baseline.
        #expect(result.kpis.incrementalNPV == 0)
    }

    @Test("NAT by scarcity: the fewest behind the CGN, in proportion; load, sessions and logs by hand")
    func natSplit() {
        // 1,000,000 want own addresses (400,000 dual-stack), 100,000 DS-Lite, pool 950,000, 64 a
        // shared address: X behind the CGN with 1,000,000 − X + ⌈(100,000 + X)/64⌉ ≤ 950,000 gives
        // X = 52,381 (⌈152,381/64⌉ = 2,381).
        let plan = CGNATPortPlan(portsPerSubscriber: 1_000)
        let split = AddressAllocation(
            dualStackWanting: 400_000, ipv4OnlyWanting: 600_000, statefulByMode: 100_000, stateless: 0,
            pool: 950_000, plan: plan)
        #expect(split.overflow == 52_381)
        #expect(split.addressesUsed == 950_000 - 0)
        // In proportion: 52,381 × 400,000 / 1,000,000 = 20,952.4 dual-stack, the rest IPv4-only.
        #expect(split.natDualStack == 20_952 && split.natIPv4Only == 31_429)
        #expect(split.natSubscribers == 152_381 && split.publicSubscribers == 947_619)
        // Half the IPv6 subscribers' traffic on IPv6: (100,000 + 20,952) × 0.5 + 31,429 = 91,905
        // subscribers' worth of IPv4, at 2 Mbit/s 183.81 Gbit/s and 9,190,500 sessions (100 each),
        // which need 18.381 Gbit/s of a 500,000-sessions-per-Gbit/s CGN: throughput binds.
        let cgn = CGNATPlatform(
            gbps: 100, sessionsPerGbps: 500_000, sessionsPerSubscriber: 100, logRecordsPerSubscriberMonth: 30,
            logRecordBytes: 150)
        let load = cgn.load(
            natEquivalentSubscribers: split.natEquivalentSubscribers(ipv6Share: 0.5), perSubscriberMbps: 2)
        #expect(abs(load.gbps - 183.81) < 1e-9)
        #expect(abs(load.sessions - 9_190_500) < 1e-6)
        #expect(load.capacityNeededGbps == load.gbps)
        #expect(cgn.logBytes(natSubscribers: 152_381) == 152_381 * 30 * 150)
        // With 1,000 sessions a subscriber, sessions bind: 76.19M / 500,000 = 152.381 × 5 Gbit/s.
        var chatty = cgn
        chatty.sessionsPerSubscriber = 1_000
        let heavy = chatty.load(natEquivalentSubscribers: 76_190.5, perSubscriberMbps: 2)
        #expect(abs(heavy.capacityNeededGbps - 152.381) < 1e-9)
    }

    @Test("a capacity rule orders in the month worked out by hand, and its modules arrive after the lead")
    func ruleTrigger() {
        // Load 10, 11, 12.1, … (+10% a month); capacity 20; threshold 0.8, lead 2: the forecast at
        // month m is 10·1.1^(m+2), which first exceeds 16 at m = 3 (10·1.1^5 = 16.1); it needs
        // 16.105/0.8 − 20 = 0.13 → one module of 5.
        let rule = CapacityRule(moduleSize: 5, threshold: 0.8, leadMonths: 2)
        let loads = (0..<8).map { 10 * pow(1.1, Double($0)) }
        let orders = (0..<8).map { rule.modulesToOrder(history: loads[...$0], capacity: 20) }
        #expect(orders.firstIndex { $0 > 0 } == 3)
        #expect(rule.modulesToOrder(history: loads[...3], capacity: 20) == 1)
        // A load starting from nothing is extrapolated along its last month's line.
        #expect(rule.forecast([0, 0, 4][...]) == 4 + 4 * 2)
        #expect(rule.forecast([9, 8][...]) == 8)
    }

    @Test("addresses a plan frees are sold in /24 blocks at the month's price, more than the baseline sells")
    func sellSurplus() {
        var config = Self.city(publicIPv4: 320_000, mode: .dsLite, price: 30)
        config.sellSurplusIPv4 = true
        let result = Self.run(config, seed: 4)
        let k = result.kpis
        #expect(k.ipv4Sold > 0 && k.ipv4Sold % 256 == 0)
        #expect(k.costByItem["ipv4Sales"] == -Double(k.ipv4Sold) * 30)
        #expect(k.incrementalNPVByGroup["ipv4"]! > 0)
        // The pool never falls below what the network uses.
        #expect(result.months.allSatisfy { $0.ipv4Shortfall == 0 })
        config.actions = []
        let baseline = Self.run(config, seed: 4)
        #expect(baseline.kpis.ipv4Sold < k.ipv4Sold)
        #expect(baseline.months.allSatisfy { $0.ipv4Shortfall == 0 })
    }

    @Test("capacity rules keep up: with them the city has no unmet demand, without them it does")
    func rulesKeepUp() {
        for seed in Self.seeds {
            let with = Self.run(Self.city(publicIPv4: 300_000), seed: seed)
            #expect(with.kpis.unmetDemandMonths == 0, "seed \(seed): \(with.kpis.bindingConstraints)")
            var bare = Self.city(publicIPv4: 300_000)
            bare.capacity = CapacityRules()
            let without = Self.run(bare, seed: seed)
            #expect(without.kpis.unmetDemandMonths > 12)
            #expect(without.kpis.bindingConstraints.contains { $0.constraint == "uplink" })
        }
    }

    @Test("opt-in uptake follows the Bass closed form month to month, and a policy month changes it")
    func bassMonths() {
        let curve = BassDiffusion(p: 0.03, q: 0.38)
        // From any share, a month of the equation lands on the closed form's month later.
        for month in [0, 6, 30, 90] {
            let share = curve.share(at: Double(month) / 12)
            let next = curve.share(after: 1.0 / 12, from: share)
            #expect(abs(next - curve.share(at: Double(month + 1) / 12)) < 1e-12)
        }
        let adoption = OptInAdoption(
            curve, changes: [.init(month: 24, curve: BassDiffusion(p: 0.3, q: 0.38))])
        #expect(adoption.curve(month: 23) == curve && adoption.curve(month: 24).p == 0.3)
        let before = adoption.monthlyProbability(month: 23, share: 0.1)
        let after = adoption.monthlyProbability(month: 24, share: 0.1)
        #expect(after > 3 * before)
        // From nobody, the first month's probability is F(1/12) of the curve in force.
        #expect(abs(adoption.monthlyProbability(month: 0, share: 0) - curve.share(at: 1.0 / 12)) < 1e-12)
    }
}

private func pow(_ x: Double, _ y: Double) -> Double {
    var result = 1.0
    for _ in 0..<Int(y) { result *= x }
    return result
}
