import Testing

@testable import SimCore

@Suite("Random streams")
struct RandomTests {
    @Test("xoshiro256** matches the reference outputs from state (1, 2, 3, 4)")
    func referenceOutputs() {
        // First outputs of the authors' C reference (xoshiro256starstar.c) from s = {1, 2, 3, 4}.
        var generator = Xoshiro256StarStar(state: (1, 2, 3, 4))
        #expect(generator.next() == 11520)
        #expect(generator.next() == 0)
        #expect(generator.next() == 1_509_978_240)
    }

    @Test("jump and long jump land where the reference polynomial puts them")
    func jumps() {
        // Computed with an independent transcription of the reference jump() and long_jump().
        var jumped = Xoshiro256StarStar(state: (1, 2, 3, 4))
        jumped.jump()
        #expect(jumped.next() == 0xBBD2_F312_2984_43D8)
        #expect(jumped.next() == 0x62E5_7DB2_D570_6577)
        var longJumped = Xoshiro256StarStar(state: (1, 2, 3, 4))
        longJumped.longJump()
        #expect(longJumped.next() == 0x5277_52A1_D792_704D)
        #expect(longJumped.next() == 0xD8D8_BDEC_5759_9E64)
    }

    @Test("SplitMix64 matches its reference first output for seed 0")
    func splitMix() {
        var generator = SplitMix64(seed: 0)
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
    }

    @Test("a replication's stream does not depend on which others were made, or in what order")
    func streamsAreIndependentOfOrder() {
        let streams = RandomStreams(seed: 42)
        var forward: [[UInt64]] = []
        for replication in 0..<6 {
            var g = streams.generator(replication: replication, stream: 1)
            forward.append((0..<4).map { _ in g.next() })
        }
        for replication in (0..<6).reversed() {
            var g = streams.generator(replication: replication, stream: 1)
            #expect((0..<4).map { _ in g.next() } == forward[replication])
        }
        #expect(Set(forward.map { $0[0] }).count == 6)
        var other = RandomStreams(seed: 43).generator(replication: 0, stream: 1)
        #expect(other.next() != forward[0][0])
    }

    @Test("a walk of replication starts lands where each replication's own jumps do, from any first one")
    func starts() {
        let streams = RandomStreams(seed: 2011)
        for range in [0..<5, 3..<9, 7..<8, 4..<4] {
            let walked = streams.starts(of: range)
            #expect(walked.count == range.count)
            for (offset, replication) in range.enumerated() {
                var a = walked[offset]
                var b = streams.generator(replication: replication)
                #expect((0..<4).map { _ in a.next() } == (0..<4).map { _ in b.next() })
                var c = RandomStreams.stream(9, from: walked[offset])
                var d = streams.generator(replication: replication, stream: 9)
                #expect(c.next() == d.next())
            }
        }
    }

    @Test("unit intervals stay in range: [0, 1) and (0, 1]")
    func unitIntervals() {
        var generator = Xoshiro256StarStar(seed: 5)
        for _ in 0..<10_000 {
            let closedOpen = generator.nextUnitInterval()
            let openClosed = generator.nextOpenUnitInterval()
            #expect(closedOpen >= 0 && closedOpen < 1)
            #expect(openClosed > 0 && openClosed <= 1)
        }
    }
}
