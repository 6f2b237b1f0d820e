import ComputeModel
import MetroModel

/// What one run of a sweep produced, as the store keeps it.
public struct RunRecord: Sendable {
    /// The run's number in the sweep.
    public var run: Int
    /// Its variant.
    public var variant: Int
    /// Its replication: its random numbers are stream `replication` of the sweep's seed.
    public var replication: Int
    /// The sweep's seed.
    public var seed: UInt64
    /// The values drawn for the scenario's uncertain fields, by path (empty when nothing is
    /// uncertain).
    public var inputs: [(path: String, value: Double)]
    /// The KPIs that apply, in catalogue order (`RunKPIs`).
    public var kpis: [(name: String, value: Double?)]
    /// The city's months: one row per month, one value per `MonthColumns.city` column.
    public var months: [[Double]]
    /// The month labels, `YYYY-MM`, one per row of `months`.
    public var labels: [String]

    /// The record of a run from its results.
    init(
        run: Int, variant: Int, replication: Int, seed: UInt64, inputs: [(path: String, value: Double)],
        result: RolloutResult, compute: ComputeCentreResult?, labels: [String]
    ) {
        self.run = run
        self.variant = variant
        self.replication = replication
        self.seed = seed
        self.inputs = inputs
        kpis = RunKPIs.values(result, compute: compute)
        months = result.months.map { month in MonthColumns.city.map { $0.value(month) } }
        self.labels = labels
    }
}
