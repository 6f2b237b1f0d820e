import MetroModel
import Testing

@Suite("PON share arithmetic")
struct AccessTests {
    @Test("GPON's 2,488.32 Mbit/s divided among the subscribers of a tree, by hand")
    func share() {
        let port = PONPort(standard: .gpon, split: 64)
        #expect(port.downstreamShare(subscribers: 64) == 38.88)
        #expect(port.downstreamShare(subscribers: 32) == 77.76)
        #expect(port.downstreamShare(subscribers: 0) == nil)
        // 32 subscribers at 2 Mbit/s busy hour: 64 / 2,488.32.
        #expect(abs(port.utilization(subscribers: 32, busyHourMbps: 2) - 64 / 2_488.32) < 1e-15)
        // Half-filled 1:64 trees hold 32 each: 1,000 subscribers need ⌈31.25⌉ = 32 ports.
        #expect(port.portsNeeded(for: 1_000, fill: 0.5) == 32)
        #expect(PONPort(standard: .xgpon, split: 128).downstreamShare(subscribers: 128) == 77.76)
    }
}
