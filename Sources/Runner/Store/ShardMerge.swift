import Foundation

/// Joins the results files of a sweep's shards into one file.
public enum ShardMerge {
    /// What a merge found.
    public struct Outcome: Sendable {
        /// Runs in the merged file.
        public var runs: Int
        /// Runs in the whole sweep.
        public var runsInSweep: Int
        /// The sweep's runs no shard holds (an unfinished or missing shard), as ranges.
        public var missing: [Range<Int>]
    }

    /// Merges the results files `inputs` into the new file `out`. Refuses files of different
    /// sweeps, and files whose slices or runs overlap (a shard given twice, or run twice with
    /// different slicing); a missing run is reported, not an error, so partial results can be
    /// compared.
    public static func merge(_ inputs: [String], into out: String) throws(SweepError) -> Outcome {
        guard !FileManager.default.fileExists(atPath: out) else { throw .exists(path: out) }
        var stores: [ResultStore] = []
        for path in inputs { stores.append(try ResultStore.open(path: path, readOnly: true)) }
        guard let first = stores.first else { return Outcome(runs: 0, runsInSweep: 0, missing: []) }
        let identity = try first.identity()
        var held: [(path: String, runs: Set<Int>, slices: [Range<Int>])] = []
        for store in stores {
            let own = try store.identity()
            guard own == identity else {
                throw .differentSweep(
                    path: store.path, expected: "\(identity) (of \(first.path))", found: own)
            }
            let entry = (store.path, try store.finishedRuns(), try store.slices())
            for other in held {
                let shared = entry.1.intersection(other.runs).count
                let overlap = entry.2.contains { slice in other.slices.contains { $0.overlaps(slice) } }
                if shared > 0 || overlap {
                    throw .overlappingShards(first: other.path, second: store.path, runs: max(shared, 1))
                }
            }
            held.append(entry)
        }
        let merged = try ResultStore.copySchema(from: first, to: out)
        for store in stores { try merged.append(store) }
        let total = try merged.sweepFacts().runs
        let present = held.reduce(into: Set<Int>()) { $0.formUnion($1.runs) }
        return Outcome(runs: present.count, runsInSweep: total, missing: gaps(in: present, total: total))
    }

    /// The runs from 0 to `total` not in `present`, as ranges.
    static func gaps(in present: Set<Int>, total: Int) -> [Range<Int>] {
        var gaps: [Range<Int>] = []
        var start: Int?
        for run in 0...total {
            let absent = run < total && !present.contains(run)
            if absent, start == nil { start = run }
            if !absent, let begun = start {
                gaps.append(begun..<run)
                start = nil
            }
        }
        return gaps
    }
}

extension ResultStore {
    /// A new file at `out` with `source`'s schema and sweep row, and no slices or runs.
    static func copySchema(from source: ResultStore, to out: String) throws(SweepError) -> ResultStore {
        let merged = try opened(out, create: true)
        try merged.attempt { () throws(SQLiteError) in
            try merged.database.run("ATTACH DATABASE ? AS source", [.text(source.path)])
            try merged.database.transaction { () throws(SQLiteError) in
                try merged.database.execute(schema)
                try merged.database.execute(
                    "INSERT INTO sweep SELECT * FROM source.sweep; INSERT INTO variants SELECT * FROM source.variants"
                )
            }
            try merged.database.execute("DETACH DATABASE source")
        }
        return merged
    }

    /// Adds `shard`'s slices and runs (one transaction).
    func append(_ shard: ResultStore) throws(SweepError) {
        try attempt { () throws(SQLiteError) in
            try database.run("ATTACH DATABASE ? AS shard", [.text(shard.path)])
            try database.transaction { () throws(SQLiteError) in
                for table in ["slices", "runs", "inputs", "kpis", "months"] {
                    try database.execute("INSERT INTO main.\(table) SELECT * FROM shard.\(table)")
                }
            }
            try database.execute("DETACH DATABASE shard")
        }
    }
}
