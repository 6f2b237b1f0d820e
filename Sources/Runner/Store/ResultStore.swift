import Foundation
import Scenario

/// A sweep's results in an SQLite file, under the schema docs/sweeps.md documents: what was
/// swept (`sweep`, `variants`, `slices`), and per finished run its inputs, KPIs and months.
///
/// The file is in WAL mode and each run is written in one transaction, so a process killed at
/// any point leaves every run either whole or absent; `--resume` runs the absent ones.
final class ResultStore {
    /// The version of the schema below; a file of another version is refused.
    static let schemaVersion = 1

    let database: SQLiteDatabase
    var path: String { database.path }

    private init(database: SQLiteDatabase) {
        self.database = database
    }

    /// The tables; `months` gets one REAL column per `MonthColumns.city` column.
    static var schema: String {
        let monthColumns = MonthColumns.city.map { "\"\($0.name)\" REAL NOT NULL" }.joined(separator: ", ")
        return """
            CREATE TABLE sweep (
              identity TEXT NOT NULL, name TEXT NOT NULL, file TEXT NOT NULL, definition TEXT NOT NULL,
              seed INTEGER NOT NULL, replications INTEGER NOT NULL, variants INTEGER NOT NULL,
              runs INTEGER NOT NULL, schema_version INTEGER NOT NULL, metro6_version TEXT NOT NULL);
            CREATE TABLE slices (
              first_run INTEGER NOT NULL, end_run INTEGER NOT NULL, shard TEXT NOT NULL);
            CREATE TABLE variants (
              variant INTEGER PRIMARY KEY, name TEXT NOT NULL, plan TEXT NOT NULL, scenario TEXT,
              start TEXT NOT NULL, settings TEXT NOT NULL, point TEXT NOT NULL);
            CREATE TABLE runs (
              run INTEGER PRIMARY KEY, variant INTEGER NOT NULL REFERENCES variants (variant),
              replication INTEGER NOT NULL, seed INTEGER NOT NULL, UNIQUE (variant, replication));
            CREATE TABLE inputs (
              run INTEGER NOT NULL REFERENCES runs (run), path TEXT NOT NULL, value REAL NOT NULL,
              PRIMARY KEY (run, path)) WITHOUT ROWID;
            CREATE TABLE kpis (
              run INTEGER NOT NULL REFERENCES runs (run), kpi TEXT NOT NULL, value REAL,
              PRIMARY KEY (run, kpi)) WITHOUT ROWID;
            CREATE TABLE months (
              run INTEGER NOT NULL REFERENCES runs (run), month INTEGER NOT NULL, label TEXT NOT NULL,
              \(monthColumns), PRIMARY KEY (run, month)) WITHOUT ROWID;
            """
    }

    // MARK: Opening

    /// A new results file at `path` for `slice` of `sweep`.
    static func create(
        path: String, sweep: SweepFile, inputs: [ScenarioInputs], seed: UInt64,
        slice: Shard,
        version: String
    ) throws(SweepError) -> ResultStore {
        guard !FileManager.default.fileExists(atPath: path) else { throw .exists(path: path) }
        // Made under another name and renamed once whole: a process killed before that leaves
        // no half-made file at `path` to stop the next attempt.
        let building = path + ".new"
        for suffix in ["", "-wal", "-shm", "-journal"] {
            try? FileManager.default.removeItem(atPath: building + suffix)
        }
        try describe(
            sweep, inputs: inputs, seed: seed, slice: slice, version: version,
            in: building)
        do {
            try FileManager.default.moveItem(atPath: building, toPath: path)
        } catch {
            throw .database(
                path: path,
                SQLiteError(
                    code: 0, message: "cannot rename \(building): \(error.localizedDescription)", sql: nil))
        }
        return try opened(path, create: false)
    }

    /// Writes the schema and what is swept into a new file at `path`, and closes it.
    private static func describe(
        _ sweep: SweepFile, inputs: [ScenarioInputs], seed: UInt64, slice: Shard,
        version: String,
        in path: String
    ) throws(SweepError) {
        let store = try opened(path, create: true)
        try store.attempt { () throws(SQLiteError) in
            try store.database.transaction { () throws(SQLiteError) in
                try store.database.execute(schema)
                try store.database.run(
                    "INSERT INTO sweep VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        .text(sweep.identity), .text(sweep.name), .text(sweep.file), .text(sweep.text),
                        .integer(Int64(seed)), .integer(Int64(sweep.replications)),
                        .integer(Int64(sweep.variants.count)), .integer(Int64(sweep.runs)),
                        .integer(Int64(schemaVersion)), .text(version),
                    ])
                let runs = slice.runs(of: sweep.runs)
                try store.database.run(
                    "INSERT INTO slices VALUES (?, ?, ?)",
                    [
                        .integer(Int64(runs.lowerBound)), .integer(Int64(runs.upperBound)),
                        .text(slice.description),
                    ])
                for (index, variant) in sweep.variants.enumerated() {
                    try store.database.run(
                        "INSERT INTO variants VALUES (?, ?, ?, ?, ?, ?, ?)",
                        [
                            .integer(Int64(index)), .text(variant.name), .text(variant.plan),
                            variant.scenario.map(SQLiteValue.text) ?? .null,
                            .text(inputs[index].central.start.description), .text(json(variant.overrides)),
                            .text(json(variant.point)),
                        ])
                }
            }
            // Everything into the main file, so that it can be renamed alone.
            try store.database.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        }
    }

    /// The results file at `path` of `slice` of `sweep`, made by metro6 `version`, to resume.
    static func resume(path: String, sweep: SweepFile, slice: Shard, version: String) throws(SweepError)
        -> ResultStore
    {
        guard FileManager.default.fileExists(atPath: path) else { throw .nothingToResume(path: path) }
        let store = try open(path: path)
        let made = try store.attempt { () throws(SQLiteError) in
            try store.database.rows("SELECT metro6_version FROM sweep")[0][0].text ?? ""
        }
        guard made == version else { throw .otherVersion(path: path, made: made, running: version) }
        let identity = try store.identity()
        guard identity == sweep.identity else {
            throw .differentSweep(path: path, expected: sweep.identity, found: identity)
        }
        let expected = slice.runs(of: sweep.runs)
        let slices = try store.slices()
        guard slices == [expected] else {
            throw .differentSlice(
                path: path, expected: describe([expected]), found: describe(slices))
        }
        return store
    }

    /// The results file at `path`, to read or add to.
    static func open(path: String, readOnly: Bool = false) throws(SweepError) -> ResultStore {
        guard FileManager.default.fileExists(atPath: path) else {
            throw .notResults(path: path, reason: "no such file")
        }
        let store = try opened(path, create: false, readOnly: readOnly)
        let version: [[SQLiteValue]]
        do {
            version = try store.database.rows("SELECT schema_version FROM sweep")
        } catch {
            throw .notResults(path: path, reason: error.message)
        }
        guard version.count == 1, let found = version[0][0].integer else {
            throw .notResults(path: path, reason: "its sweep table does not hold one sweep")
        }
        guard found == schemaVersion else {
            throw .notResults(
                path: path, reason: "schema version \(found); this metro6 reads version \(schemaVersion)")
        }
        return store
    }

    static func opened(_ path: String, create: Bool, readOnly: Bool = false) throws(SweepError)
        -> ResultStore
    {
        do {
            let database = try SQLiteDatabase(path: path, create: create, readOnly: readOnly)
            if !readOnly {
                try database.execute(
                    "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON")
            }
            return ResultStore(database: database)
        } catch {
            throw .database(path: path, error)
        }
    }

    /// `body`, its SQLite errors named with the file.
    func attempt<T>(_ body: () throws(SQLiteError) -> T) throws(SweepError) -> T {
        do {
            return try body()
        } catch {
            throw .database(path: path, error)
        }
    }

    // MARK: Writing

    /// Writes one run in one transaction.
    func write(_ record: RunRecord) throws(SweepError) {
        let run = SQLiteValue.integer(Int64(record.run))
        let monthInsert =
            "INSERT INTO months VALUES (?, ?, ?"
            + String(repeating: ", ?", count: MonthColumns.city.count) + ")"
        try attempt { () throws(SQLiteError) in
            try database.transaction { () throws(SQLiteError) in
                try database.run(
                    "INSERT INTO runs VALUES (?, ?, ?, ?)",
                    [
                        run, .integer(Int64(record.variant)), .integer(Int64(record.replication)),
                        .integer(Int64(bitPattern: record.seed)),
                    ])
                for input in record.inputs {
                    try database.run(
                        "INSERT INTO inputs VALUES (?, ?, ?)", [run, .text(input.path), .real(input.value)])
                }
                for kpi in record.kpis {
                    try database.run(
                        "INSERT INTO kpis VALUES (?, ?, ?)",
                        [run, .text(kpi.name), kpi.value.map(SQLiteValue.real) ?? .null])
                }
                for (month, values) in record.months.enumerated() {
                    try database.run(
                        monthInsert,
                        [run, .integer(Int64(month)), .text(record.labels[month])]
                            + values.map(SQLiteValue.real))
                }
            }
        }
    }

    // MARK: Reading

    /// The sweep's identity.
    func identity() throws(SweepError) -> String {
        try attempt { () throws(SQLiteError) in
            try database.rows("SELECT identity FROM sweep")[0][0].text ?? ""
        }
    }

    /// The slices of runs the file is for.
    func slices() throws(SweepError) -> [Range<Int>] {
        try attempt { () throws(SQLiteError) in
            try database.rows("SELECT first_run, end_run FROM slices ORDER BY first_run").map {
                Int($0[0].integer ?? 0)..<Int($0[1].integer ?? 0)
            }
        }
    }

    /// The runs written so far.
    func finishedRuns() throws(SweepError) -> Set<Int> {
        try attempt { () throws(SQLiteError) in
            Set(try database.rows("SELECT run FROM runs").map { Int($0[0].integer ?? -1) })
        }
    }

    /// Slices written `a–b` (runs from a to b−1), for messages.
    static func describe(_ slices: [Range<Int>]) -> String {
        slices.map { "\($0.lowerBound)–\($0.upperBound - 1)" }.joined(separator: ", ")
    }

    /// Overrides as a JSON list of {path, value} objects.
    static func json(_ overrides: [ScenarioOverride]) -> String {
        struct Setting: Encodable {
            var path: String
            var value: String
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data =
            (try? encoder.encode(overrides.map { Setting(path: $0.path, value: $0.value) }))
            ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

extension ResultStore {
    /// A variant as the file lists it.
    struct Variant: Sendable {
        var index: Int
        var name: String
        var start: String
    }

    /// One KPI value of one run.
    struct KPIValue: Sendable {
        var variant: Int
        var replication: Int
        var kpi: String
        var value: Double?
    }

    /// The variants, in order.
    func variants() throws(SweepError) -> [Variant] {
        try attempt { () throws(SQLiteError) in
            try database.rows("SELECT variant, name, start FROM variants ORDER BY variant").map {
                Variant(index: Int($0[0].integer ?? 0), name: $0[1].text ?? "", start: $0[2].text ?? "")
            }
        }
    }

    /// Every KPI value of every written run.
    func kpiValues() throws(SweepError) -> [KPIValue] {
        try attempt { () throws(SQLiteError) in
            try database.rows(
                "SELECT r.variant, r.replication, k.kpi, k.value FROM kpis k JOIN runs r USING (run) ORDER BY r.run"
            ).map {
                KPIValue(
                    variant: Int($0[0].integer ?? 0), replication: Int($0[1].integer ?? 0),
                    kpi: $0[2].text ?? "",
                    value: $0[3].number)
            }
        }
    }

    /// City columns `columns` of every written run's months, by variant: `[variant][month]` holds
    /// each run's values in replication order, a value per column.
    func monthValues(_ columns: [String], variants: Int) throws(SweepError) -> [[[[Double]]]] {
        let selected = columns.map { "m.\"\($0)\"" }.joined(separator: ", ")
        var values = [[[[Double]]]](repeating: [], count: variants)
        try attempt { () throws(SQLiteError) in
            for row in try database.rows(
                "SELECT r.variant, m.month, \(selected) FROM months m JOIN runs r USING (run) "
                    + "ORDER BY r.variant, m.month, r.replication")
            {
                let (variant, month) = (Int(row[0].integer ?? 0), Int(row[1].integer ?? 0))
                guard variant < variants else { continue }
                while values[variant].count <= month { values[variant].append([]) }
                values[variant][month].append(row.dropFirst(2).map { $0.number ?? 0 })
            }
        }
        return values
    }

    /// The sweep's name, replications and run count.
    func sweepFacts() throws(SweepError) -> (name: String, replications: Int, runs: Int) {
        try attempt { () throws(SQLiteError) in
            let row = try database.rows("SELECT name, replications, runs FROM sweep")[0]
            return (row[0].text ?? "", Int(row[1].integer ?? 0), Int(row[2].integer ?? 0))
        }
    }
}
