import Scenario

/// Why a sweep, a merge or a comparison stopped, in words a user can act on.
public enum SweepError: Error, Sendable, CustomStringConvertible {
    /// A scenario or the sweep file has problems (file, line, column).
    case scenario(ScenarioErrors)
    /// The results file exists and `--resume` was not given.
    case exists(path: String)
    /// `--resume` was given and the results file does not exist.
    case nothingToResume(path: String)
    /// The file is not a Metro6 results database, or not one this version reads.
    case notResults(path: String, reason: String)
    /// The results file holds another sweep (or the sweep file or a scenario changed since).
    case differentSweep(path: String, expected: String, found: String)
    /// The results file holds another slice of the sweep than the one asked for.
    case differentSlice(path: String, expected: String, found: String)
    /// The results file was started by another version of metro6, whose numbers may differ.
    case otherVersion(path: String, made: String, running: String)
    /// Two shards to merge hold the same runs.
    case overlappingShards(first: String, second: String, runs: Int)
    /// SQLite refused an operation on the file.
    case database(path: String, SQLiteError)
    /// A `--shard` that is not i/n with 1 ≤ i ≤ n.
    case badShard(String)
    /// The slice a cluster's scheduler gives (its environment variables, `--shards`) is not one.
    case schedulerShard(String)
    /// A KPI name the catalogue does not have.
    case unknownKPI(String, known: [String])

    public var description: String {
        switch self {
        case .scenario(let errors): errors.description
        case .exists(let path):
            "\(path) exists: add --resume to finish the sweep it holds, or give another --out"
        case .nothingToResume(let path):
            "\(path) does not exist: there is no sweep to resume (leave out --resume)"
        case .notResults(let path, let reason): "\(path) is not a Metro6 sweep results file: \(reason)"
        case .differentSweep(let path, let expected, let found):
            "\(path) holds sweep \(found), not \(expected): the sweep file or a scenario it reads changed since, "
                + "or it is another sweep's results; use another --out"
        case .differentSlice(let path, let expected, let found):
            "\(path) holds runs \(found) of the sweep, not \(expected): resume it with the --shard it was started with"
        case .otherVersion(let path, let made, let running):
            "\(path) was started by metro6 \(made), this is \(running): its runs and new ones would not be comparable; "
                + "resume with metro6 \(made), or start the sweep again with another --out"
        case .overlappingShards(let first, let second, let runs):
            "\(first) and \(second) both hold \(runs) of the same runs: merge each shard once"
        case .database(let path, let error): "\(path): \(error)"
        case .badShard(let text):
            "--shard \(text): expected i/n with 1 ≤ i ≤ n (say 2/8), or SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT"
        case .schedulerShard(let problem):
            "the scheduler's slice: \(problem) (docs/sweeps.md, Shards)"
        case .unknownKPI(let name, let known):
            "no KPI named '\(name)'; the KPIs are \(known.joined(separator: ", "))"
        }
    }
}
