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
        func slice(_ index: Int, _ total: Int, _ source: String) throws(SweepError) -> (
            shard: Shard, source: String
        ) {
            guard total >= 1, (1...total).contains(index) else {
                throw .schedulerShard("\(source) gives slice \(index) of \(total), outside 1…\(total)")
            }
            return (try Shard(index: index, count: total), source)
        }
        if let id = environment["SLURM_ARRAY_TASK_ID"].flatMap(Int.init) {
            let minimum = environment["SLURM_ARRAY_TASK_MIN"].flatMap(Int.init) ?? 0
            guard let total = count ?? environment["SLURM_ARRAY_TASK_COUNT"].flatMap(Int.init) else {
                throw .schedulerShard(
                    "SLURM_ARRAY_TASK_ID=\(id) without SLURM_ARRAY_TASK_COUNT or --shards N")
            }
            return try slice(id - minimum + 1, total, "SLURM_ARRAY_TASK_ID")
        }
        if let index = environment["JOB_COMPLETION_INDEX"].flatMap(Int.init) {
            guard let count else {
                throw .schedulerShard(
                    "JOB_COMPLETION_INDEX=\(index) without --shards N (the Job's completions)")
            }
            return try slice(index + 1, count, "JOB_COMPLETION_INDEX")
        }
        if let count {
            throw .schedulerShard(
                "--shards \(count) without SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX to say which slice")
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
