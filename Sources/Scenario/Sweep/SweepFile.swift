import SimCore

/// A sweep: plans of one city, each at every point of a grid, each run over the same
/// replications (docs/sweeps.md).
///
/// Runs are numbered replication by replication: run `r × variants + v` is replication `r` of
/// variant `v`, so the runs of one replication are neighbours (they share the compute centre's
/// and the baseline's results) and a contiguous slice of runs is a fair shard.
public struct SweepFile: Sendable {
    /// The sweep's name (the file's name without its extension when the file gives none).
    public var name: String
    /// The file it was read from, as given.
    public var file: String
    /// The file's text.
    public var text: String
    /// The base scenario's path, relative to the working folder; nil: the bundled scenario.
    public var base: String?
    /// The seed every run's random numbers derive from; nil: the base scenario's.
    public var seed: UInt64?
    /// Replications of every variant. Replication r of every variant uses the same random
    /// numbers (common random numbers), so plans are compared on the same draws.
    public var replications: Int
    /// A shorter horizon for every variant, when given.
    public var months: Int?
    /// Whether the runs leave the compute centre out.
    public var skipsCompute: Bool
    /// Every variant: each plan in file order, and within a plan each grid point (the first
    /// grid key varies slowest).
    public var variants: [SweepVariant]
    /// A fingerprint of everything the results depend on (the sweep file and every scenario it
    /// reads, byte for byte), in 16 hexadecimal digits: resuming and merging check it.
    public var identity: String

    /// The text of each scenario file the sweep reads, by path, as read when it was loaded.
    public var scenarioTexts: [String: String] = [:]

    /// Runs in the whole sweep.
    public var runs: Int { variants.count * replications }

    /// The variant and replication of run `run`.
    public func position(of run: Int) -> (variant: Int, replication: Int) {
        (run % variants.count, run / variants.count)
    }

    /// The run of replication `replication` of variant `variant`.
    public func run(variant: Int, replication: Int) -> Int {
        replication * variants.count + variant
    }

    /// The fingerprint of `texts` (the sweep file's, then each scenario's).
    static func identity(of texts: [String]) -> String {
        var hash = FNV1a()
        for text in texts { hash.add(text: text) }
        let digits = String(hash.value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
