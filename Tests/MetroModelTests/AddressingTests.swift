import MetroModel
import Testing

@Suite("Addressing: CGNAT ports and the IPv4 pool")
struct AddressingTests {
    @Test("CGNAT addresses = ⌈subscribers / ⌊64,512 / ports per subscriber⌋⌉, by hand")
    func cgnat() {
        // 1,000 ports: 64 subscribers an address; a million subscribers need 15,625 addresses.
        let plan = CGNATPortPlan(portsPerSubscriber: 1_000)
        #expect(plan.sharingRatio == 64)
        #expect(plan.addressesNeeded(for: 1_000_000) == 15_625)
        #expect(plan.addressesNeeded(for: 1_000_001) == 15_626)
        #expect(plan.addressesNeeded(for: 0) == 0)
        // 2,000 ports: 32 an address; 100 subscribers need 4 (3.125 rounded up).
        #expect(CGNATPortPlan(portsPerSubscriber: 2_000).addressesNeeded(for: 100) == 4)
        // The whole usable range: no sharing.
        #expect(CGNATPortPlan(portsPerSubscriber: 64_512).addressesNeeded(for: 7) == 7)
    }

    @Test("the pool runs out in the month worked out by hand, and month by month agrees")
    func exhaustion() {
        // 1,000,000 addresses, 700,000 in use, 25,000 more a month: month 12 needs exactly
        // 1,000,000 (still fits), month 13 needs 1,025,000.
        #expect(
            IPv4Pool.exhaustionMonth(size: 1_000_000, initialDemand: 700_000, growthPerMonth: 25_000) == 13)
        var pool = IPv4Pool(size: 1_000_000)
        var firstShort: Int?
        for month in 0..<40 where firstShort == nil {
            if pool.use(700_000 + 25_000 * month) > 0 { firstShort = month }
        }
        #expect(firstShort == 13)
        #expect(IPv4Pool.exhaustionMonth(size: 10, initialDemand: 11, growthPerMonth: 0) == 0)
        #expect(IPv4Pool.exhaustionMonth(size: 10, initialDemand: 5, growthPerMonth: 0) == nil)
    }

    @Test("buying addresses grows the pool and the bill")
    func buying() {
        var pool = IPv4Pool(size: 100)
        #expect(pool.use(150) == 50)
        pool.buy(65_536, price: 11)
        #expect(pool.size == 65_636 && pool.purchased == 65_536 && pool.spent == 720_896)
        #expect(pool.use(150) == 0 && pool.free == 65_486)
    }
}
