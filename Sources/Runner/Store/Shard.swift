/// One of `count` deterministic slices of a sweep's runs: slice `index` (from 1) holds runs
/// ⌊(index−1)·N/count⌋ up to ⌊index·N/count⌋ of N, so the slices cover every run once.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    /// The slice, from 1.
    public let index: Int
    /// The number of slices.
    public let count: Int

    /// The whole sweep.
    public static let whole = Shard(validIndex: 1, count: 1)

    private init(validIndex index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// Slice `index` (from 1) of `count`.
    public init(index: Int, count: Int) throws(SweepError) {
        guard count >= 1, count <= 1_000_000, (1...count).contains(index) else {
            throw .badShard("\(index)/\(count)")
        }
        self.init(validIndex: index, count: count)
    }

    /// The slice written `i/n`.
    public init(parsing text: String) throws(SweepError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
            throw .badShard(text)
        }
        try self.init(index: index, count: count)
    }

    /// The slice a cluster's scheduler gives this task through `environment`, if any: a Slurm job
    /// array's task (SLURM_ARRAY_TASK_ID, counted from SLURM_ARRAY_TASK_MIN, of
    /// SLURM_ARRAY_TASK_COUNT, or of `count` when given), or a Kubernetes indexed Job's
    /// (JOB_COMPLETION_INDEX, from 0, of `count`). Returns the slice and the variable it came
    /// from.
    public static func from(environment: [String: String], count: Int?) throws(SweepError) -> (
        shard: Shard, source: String
    )? {
        if let id = environment["SLURM_ARRAY_TASK_ID"].flatMap(Int.init) {
            let minimum = environment["SLURM_ARRAY_TASK_MIN"].flatMap(Int.init) ?? 0
            guard let total = count ?? environment["SLURM_ARRAY_TASK_COUNT"].flatMap(Int.init) else {
                throw .badShard("SLURM_ARRAY_TASK_ID=\(id) without SLURM_ARRAY_TASK_COUNT or --shards")
            }
            return (try Shard(index: id - minimum + 1, count: total), "SLURM_ARRAY_TASK_ID")
        }
        if let index = environment["JOB_COMPLETION_INDEX"].flatMap(Int.init) {
            guard let count else { throw .badShard("JOB_COMPLETION_INDEX=\(index) without --shards N") }
            return (try Shard(index: index + 1, count: count), "JOB_COMPLETION_INDEX")
        }
        return nil
    }

    /// The runs of this slice of `total` runs.
    public func runs(of total: Int) -> Range<Int> {
        (index - 1) * total / count..<index * total / count
    }

    /// `i/n`.
    public var description: String { "\(index)/\(count)" }
}
