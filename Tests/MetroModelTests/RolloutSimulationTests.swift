import MetroModel
import SimCore
import Testing

/// The rollout model against closed forms and invariants.
@Suite("Rollout simulation")
struct RolloutSimulationTests {
    static let costs = CostModel(
        bngUpgrade: 300, accessNodeUpgrade: 100, accessNodeReplacement: 2_000, cpe: 80, truckRoll: 40,
        cgnatPerGbps: 10_000, opexPerSubscriberMonth: 3, cgnatOpexPerSubscriberYear: 30)

    static let cgnat = CGNATPlatform(
        gbps: 10, sessionsPerGbps: 500_000, sessionsPerSubscriber: 100, logRecordsPerSubscriberMonth: 30,
        logRecordBytes: 150)

    static func district(
        subscribers: Int, netAdds: Int = 0, ready: Bool, bngs: Int = 10, uplinkGbps: Double = 1_000
    ) -> NetworkConfiguration.District {
        let nodes = 100
        let plant = AccessPlant(nodes: nodes, ready: ready ? nodes : 0, upgradable: ready ? 0 : nodes / 2)
        return NetworkConfiguration.District(
            name: "D",
            subscribers: PerTechnology(
                xdsl: subscribers / 2, xpon: subscribers / 4,
                lan: subscribers - subscribers / 2 - subscribers / 4),
            netAddsPerMonth: PerTechnology(xdsl: 0, xpon: netAdds, lan: 0),
            access: PerTechnology(xdsl: plant, xpon: plant, lan: plant), bngs: bngs,
            readyBNGs: ready ? bngs : 0,
            uplinkGbps: uplinkGbps)
    }

    static func configuration(
        districts: [NetworkConfiguration.District], months: Int, publicIPv4: Int = 10_000_000,
        capable: Double = 1,
        budget: Budget = Budget(yearlyCapex: nil, visitsPerMonth: nil), actions: [NetworkConfiguration.Action]
    ) -> NetworkConfiguration {
        NetworkConfiguration(
            months: months, discountRate: 0.08, districts: districts,
            cpes: .init(
                capableShare: capable, newCapableShare: MonthlyPath(constant: capable), lifetimeShape: 2,
                lifetimeScaleMonths: 72, meanAgeMonths: 24),
            adoption: OptInAdoption(BassDiffusion(p: 0.03, q: 0.38)), content: BassDiffusion(p: 0.05, q: 0.5),
            publicIPv4: publicIPv4, ipv4Price: MonthlyPath(constant: 11),
            portPlan: CGNATPortPlan(portsPerSubscriber: 1_000), cgnat: Self.cgnat,
            demand: DemandModel(initialMbps: 1.5, yearlyGrowth: 0.35), costs: costs, budget: budget,
            actions: actions)
    }

    @Test("with every constraint removed, the IPv6 share follows the Bass closed form")
    func bass() throws {
        let config = Self.configuration(
            districts: [Self.district(subscribers: 200_000, ready: true)], months: 120,
            actions: [.init(month: 0, kind: .enableMode, mode: .dualStack)])
        var generator = Xoshiro256StarStar(seed: 3)
        let result = RolloutSimulation(configuration: config).run(using: &generator)
        let bass = BassDiffusion(p: 0.03, q: 0.38)
        for output in result.months where output.month % 6 == 5 {
            let share = Double(output.ipv6EnabledSubscribers) / Double(output.subscribers)
            let expected = bass.share(at: Double(output.month + 1) / 12)
            #expect(abs(share - expected) < 0.006, "month \(output.month): \(share) vs \(expected)")
        }
        // month50 over seeds: the closed form's month, or one either side when its 50% time falls
        // near a month's end (binomial noise), and the closed form's most often.
        let expected = Int((bass.time(toReach: 0.5) * 12).rounded(.up)) - 1
        var months: [Int: Int] = [:]
        for seed in UInt64(20)..<30 {
            var other = Xoshiro256StarStar(seed: seed)
            let month = try #require(RolloutSimulation(configuration: config).run(using: &other).kpis.month50)
            months[month, default: 0] += 1
        }
        #expect(months.keys.allSatisfy { abs($0 - expected) <= 1 }, "\(months)")
        #expect(months.max { $0.value < $1.value }?.key == expected, "\(months)")
    }

    @Test("invariants every month: counts add up, shares in [0, 1], cumulative costs never fall")
    func invariants() {
        let config = Self.configuration(
            districts: [
                Self.district(subscribers: 50_000, netAdds: 800, ready: false),
                Self.district(subscribers: 30_000, netAdds: -100, ready: false, bngs: 4),
            ], months: 60, publicIPv4: 70_000, capable: 0.3,
            budget: Budget(yearlyCapex: 2_000_000, visitsPerMonth: 3_000),
            actions: [
                .init(month: 0, kind: .upgradeBNGs), .init(month: 2, kind: .upgradeAccessNodes),
                .init(month: 3, kind: .cpeCampaign, amount: 2_000),
                .init(month: 6, kind: .enableMode, mode: .dsLite),
                .init(month: 12, kind: .buyIPv4, amount: 4_096),
                .init(month: 24, kind: .addCGNAT, amount: 40),
                .init(month: 80, kind: .buyIPv4, amount: 1_000_000),
            ])
        var generator = Xoshiro256StarStar(seed: 4)
        let result = RolloutSimulation(configuration: config).run(using: &generator)
        var previous: MonthlyOutput?
        for output in result.months {
            #expect(output.subscribers == result.districts.reduce(0) { $0 + $1[output.month].subscribers })
            #expect(
                output.ipv6EnabledSubscribers
                    == result.districts.reduce(0) { $0 + $1[output.month].ipv6EnabledSubscribers })
            #expect(output.ipv6EnabledSubscribers >= 0 && output.ipv6EnabledSubscribers <= output.subscribers)
            #expect((0...1).contains(output.ipv6TrafficShare))
            #expect(output.natSubscribers <= output.subscribers)
            #expect(output.ipv6AvailableSubscribers >= output.ipv6EnabledSubscribers)
            // Every subscriber has exactly one IPv4 service, and IPv6 on at most one mode.
            #expect(
                output.publicIPv4Subscribers + output.natSubscribers + output.statelessSharingSubscribers
                    == output.subscribers)
            #expect(output.ipv6SubscribersByMode.values.reduce(0, +) == output.ipv6EnabledSubscribers)
            if let previous {
                #expect(output.capexCumulative >= previous.capexCumulative)
                #expect(output.opexCumulative >= previous.opexCumulative)
            }
            previous = output
        }
        let capital = CostItem.allCases.filter(\.isCapital).reduce(0) {
            $0 + result.kpis.costByItem[$1.rawValue]!
        }
        #expect(abs(capital - result.months.last!.capexCumulative) < 1e-6)
        #expect(result.kpis.costByItem["ipv4Purchases"] == Double(4_096 * 11))
        // The 1,000,000-address purchase is dated after the 60-month horizon: it never happens.
        #expect(result.kpis.ipv4Purchased == 4_096)
        // Subscribers: 80,000 + 60 × (800 − 100).
        #expect(result.months.last?.subscribers == 80_000 + 60 * 700)
        #expect(result.months.contains { $0.ipv6EnabledSubscribers > 0 })
    }

    @Test("the pool runs out in the month worked out by hand, and the CGN takes exactly the overflow")
    func exhaustion() {
        // 700,000 subscribers + 25,000 a month (added at each month's start): month m has
        // 725,000 + 25,000 m. The 1,000,000 addresses last through month 11; in month 12 the
        // 1,025,000 subscribers need the fewest X behind the CGN with 1,025,000 − X + ⌈X/64⌉ ≤
        // 1,000,000: X = 25,397.
        var district = Self.district(subscribers: 700_000, ready: true)
        district.netAddsPerMonth = PerTechnology(xdsl: 25_000, xpon: 0, lan: 0)
        let config = Self.configuration(districts: [district], months: 14, publicIPv4: 1_000_000, actions: [])
        var generator = Xoshiro256StarStar(seed: 5)
        let result = RolloutSimulation(configuration: config).run(using: &generator)
        #expect(
            IPv4Pool.exhaustionMonth(size: 1_000_000, initialDemand: 725_000, growthPerMonth: 25_000) == 12)
        #expect(result.months[11].natSubscribers == 0)
        #expect(result.months[12].natSubscribers == 25_397)
        #expect(result.months[12].publicIPv4InUse == 1_000_000)
        #expect(result.months.allSatisfy { $0.ipv4Shortfall == 0 })
    }

    @Test("what the budget cannot cover slips and is reported; a new year's budget finishes it")
    func slipping() {
        // 10 BNGs at 300 each with 1,000 a year: 3 in month 0, none until month 12, 3 more then.
        let config = Self.configuration(
            districts: [Self.district(subscribers: 1_000, ready: false)], months: 36,
            budget: Budget(yearlyCapex: 1_000, visitsPerMonth: nil),
            actions: [.init(month: 0, kind: .upgradeBNGs)])
        var generator = Xoshiro256StarStar(seed: 6)
        let result = RolloutSimulation(configuration: config).run(using: &generator)
        #expect(result.months[0].capexCumulative == 900)
        #expect(result.months[11].capexCumulative == 900)
        #expect(result.months[12].capexCumulative == 1_800)
        #expect(result.months[0].slippedActions == 1 && result.months[35].slippedActions == 1)
    }

    @Test("ports, PON trees and BNG sessions, by hand; growth beyond the ports gets new ready nodes")
    func capacity() {
        // 640 fibre subscribers on one OLT with one 1:64 PON port: 9 more OLTs (ready, 2,000
        // each) make room; each port then carries 64 × 1.5 Mbit/s of 2,488.32. 640 sessions on 2
        // BNGs of 500 sessions: 0.64.
        let empty = AccessPlant(nodes: 0, ready: 0, upgradable: 0)
        let district = NetworkConfiguration.District(
            name: "F", subscribers: PerTechnology(xdsl: 0, xpon: 640, lan: 0),
            netAddsPerMonth: PerTechnology(xdsl: 0, xpon: 0, lan: 0),
            access: PerTechnology(
                xdsl: empty,
                xpon: AccessPlant(nodes: 1, ready: 0, upgradable: 1, portsPerNode: 1, subscribersPerPort: 64),
                lan: empty), bngs: 2, readyBNGs: 0, sessionsPerBNG: 500, uplinkGbps: 1_000)
        let config = Self.configuration(districts: [district], months: 2, actions: [])
        var generator = Xoshiro256StarStar(seed: 1)
        let result = RolloutSimulation(configuration: config).run(using: &generator)
        #expect(result.months[0].capexCumulative == 18_000)
        #expect(result.months[0].peakPortUtilization == 1)
        #expect(abs(result.months[0].peakLinkUtilization - 64 * 1.5 / 2_488.32) < 1e-12)
        #expect(result.months[0].peakBNGSessionUtilization == 0.64)
    }

    @Test("the same seed gives the same run; another seed another")
    func determinism() {
        let config = Self.configuration(
            districts: [Self.district(subscribers: 20_000, netAdds: 100, ready: true)], months: 24,
            capable: 0.5, actions: [.init(month: 0, kind: .enableMode, mode: .dualStackCGNAT)])
        var a = Xoshiro256StarStar(seed: 9)
        var b = Xoshiro256StarStar(seed: 9)
        var c = Xoshiro256StarStar(seed: 10)
        let first = RolloutSimulation(configuration: config).run(using: &a)
        #expect(first == RolloutSimulation(configuration: config).run(using: &b))
        #expect(first != RolloutSimulation(configuration: config).run(using: &c))
    }
}
