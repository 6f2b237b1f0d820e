import Foundation
import MetroModel
import Testing

@Suite("Provisioning modes, money, budgets and demand")
struct PlanningTests {
    @Test("public addresses per mode: own address, or the port plan's share")
    func modes() {
        let plan = CGNATPortPlan(portsPerSubscriber: 1_000)
        #expect(ProvisioningMode.dualStack.publicAddresses(for: 1_000, portPlan: plan) == 1_000)
        #expect(ProvisioningMode.sixRD.publicAddresses(for: 1_000, portPlan: plan) == 1_000)
        // NAT444 is decided by the pool, not the mode: dual-stack + CGNAT keeps addresses while they last.
        #expect(ProvisioningMode.dualStackCGNAT.publicAddresses(for: 1_000, portPlan: plan) == 1_000)
        // 64 subscribers an address: ⌈1,000 / 64⌉ = 16.
        for mode in [ProvisioningMode.dsLite, .xlat464, .mapT, .mapE] {
            #expect(mode.publicAddresses(for: 1_000, portPlan: plan) == 16)
        }
        #expect(ProvisioningMode.allCases.filter { !$0.needsNativeIPv6Access } == [.sixRD])
        #expect(ProvisioningMode.mapE.ipv4Service == .statelessSharing)
    }

    @Test("NPV of a level monthly flow is the geometric sum")
    func npv() {
        let npv = NetPresentValue(yearlyRate: 0.12)
        #expect(abs(npv.factor(month: 12) - 1 / 1.12) < 1e-15)
        let v = pow(1.12, -1.0 / 12)
        let expected = 100 * (1 - pow(v, 12)) / (1 - v)
        #expect(abs(npv.value(of: Array(repeating: 100, count: 12)) - expected) < 1e-9)
        #expect(NetPresentValue(yearlyRate: 0).value(of: [1, 2, 3]) == 6)
    }

    @Test("a budget covers what it can; the rest slips; a new year refills it")
    func budget() {
        var budget = Budget(yearlyCapex: 1_000, visitsPerMonth: 10)
        budget.begin(month: 0)
        #expect(budget.afford(5, unitCost: 300) == 3)
        #expect(budget.afford(1, unitCost: 300) == 0)
        #expect(budget.capexLeft == 100)
        #expect(budget.afford(9, unitCost: 0, visitsPerUnit: 3) == 3)
        budget.begin(month: 11)
        #expect(budget.capexLeft == 100 && budget.visitsLeft == 10)
        budget.begin(month: 12)
        #expect(budget.capexLeft == 1_000)
        var unlimited = Budget(yearlyCapex: nil, visitsPerMonth: nil)
        unlimited.begin(month: 0)
        #expect(unlimited.afford(1_000_000, unitCost: 1e12, visitsPerUnit: 5) == 1_000_000)
    }

    @Test("demand compounds yearly growth; load above capacity is unmet")
    func demand() {
        let demand = DemandModel(initialMbps: 2, yearlyGrowth: 0.35)
        #expect(abs(demand.perSubscriberMbps(month: 12) - 2.7) < 1e-12)
        #expect(abs(demand.perSubscriberMbps(month: 24) - 3.645) < 1e-12)
        let load = demand.load(subscribers: 1_000, capacityMbps: 2_000, month: 12)
        #expect(abs(load.utilization - 1.35) < 1e-12 && abs(load.unmetMbps - 700) < 1e-9)
    }
}
