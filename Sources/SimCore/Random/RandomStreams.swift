/// Independent, reproducible random streams for a run: one block per replication, one stream per
/// model part inside it.
///
/// Replication `r` of seed `s` starts from the seeded state advanced by `r` long jumps (2^192
/// draws each); its stream `k` advances that by `k` jumps (2^128 draws). Streams never overlap in
/// practice, and a replication's numbers do not depend on which thread runs it or in what order.
public struct RandomStreams: Sendable, Hashable {
    /// The run's seed.
    public let seed: UInt64

    /// Streams for the run seeded with `seed`.
    public init(seed: UInt64) {
        self.seed = seed
    }

    /// The generator for stream `stream` of replication `replication`.
    ///
    /// - Complexity: O(replication + stream) jumps of 256 steps each (about 1 µs per jump).
    public func generator(replication: Int, stream: Int = 0) -> Xoshiro256StarStar {
        precondition(replication >= 0 && stream >= 0, "replication and stream numbers start at 0")
        var generator = Xoshiro256StarStar(seed: seed)
        for _ in 0..<replication { generator.longJump() }
        for _ in 0..<stream { generator.jump() }
        return generator
    }

    /// The starting generators (stream 0) of replications `replications`, walked once: the
    /// first costs `replications.lowerBound` long jumps, each next one a single jump, where
    /// asking `generator(replication:)` for each would cost a number quadratic in the count.
    public func starts(of replications: Range<Int>) -> [Xoshiro256StarStar] {
        guard !replications.isEmpty else { return [] }
        var generator = generator(replication: replications.lowerBound)
        var starts = [generator]
        starts.reserveCapacity(replications.count)
        for _ in replications.dropFirst() {
            generator.longJump()
            starts.append(generator)
        }
        return starts
    }

    /// Stream `stream` of the replication that starts at `start` (an element of `starts`).
    public static func stream(_ stream: Int, from start: Xoshiro256StarStar) -> Xoshiro256StarStar {
        var generator = start
        for _ in 0..<stream { generator.jump() }
        return generator
    }
}
