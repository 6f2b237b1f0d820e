import Scenario
import SimCore

/// The plans of a sweep's results ranked by a KPI: each plan's KPIs as P10/P50/P90 over its
/// replications, the Pareto front over chosen objectives, and whether each plan's difference
/// from the plan ranked above it is within Monte Carlo noise.
///
/// Replication r of every plan ran on the same random numbers (common random numbers), so two
/// plans are compared run by run: the mean of their paired differences and its 95% confidence
/// interval; an interval that holds 0 means the sweep cannot tell the two apart.
public struct SweepComparison: Sendable {
    /// A plan (a sweep variant) and its figures.
    public struct Plan: Sendable {
        /// The variant's number in the sweep.
        public var variant: Int
        /// Its name (the plan and the grid point).
        public var name: String
        /// Its first month, `YYYY-MM` (month KPIs count from it).
        public var start: String
        /// The replications found.
        public var runs: Int
        /// Each KPI's spread over replications, in catalogue order.
        public var kpis: [(name: String, spread: Spread)]
        /// Whether no other plan is at least as good on every objective and better on one.
        public var pareto: Bool
        /// Its place by the ranking KPI, from 1.
        public var rank: Int

        /// The spread of `kpi`, if the plan has it.
        public func spread(_ kpi: String) -> Spread? { kpis.first { $0.name == kpi }?.spread }
    }

    /// A paired comparison of two plans on one KPI.
    public struct Noise: Sendable {
        /// The plan compared.
        public var plan: String
        /// The plan ranked just above it.
        public var against: String
        /// The KPI.
        public var kpi: String
        /// Replications where both plans have a value.
        public var pairs: Int
        /// The mean of `plan − against` over those replications.
        public var meanDifference: Double
        /// The 95% confidence interval of that mean (nil with fewer than two pairs).
        public var interval: ClosedRange<Double>?
        /// Whether the interval holds 0: the sweep cannot tell the two plans apart.
        public var withinNoise: Bool
    }

    /// The sweep's name.
    public var sweep: String
    /// The KPI the plans are ranked by.
    public var by: String
    /// The Pareto front's objectives.
    public var objectives: [String]
    /// The plans, best first.
    public var plans: [Plan]
    /// Each plan against the one ranked above it, on `by`.
    public var noise: [Noise]
    /// Runs found and runs in the sweep.
    public var runsFound: Int
    public var runsInSweep: Int

    /// The Pareto front's objectives unless others are asked for.
    public static let defaultObjectives = ["incrementalNPV", "month90", "peakCGNATUtilization"]

    /// The comparison of the results file at `path`, ranked by `by`, the front over `objectives`.
    public init(path: String, by: String = "incrementalNPV", objectives: [String] = defaultObjectives)
        throws(SweepError)
    {
        for kpi in [by] + objectives where KPICatalogue.kinds[kpi] == nil {
            throw .unknownKPI(kpi, known: KPICatalogue.all.map(\.name))
        }
        let store = try ResultStore.open(path: path, readOnly: true)
        let facts = try store.sweepFacts()
        let values = try store.kpiValues()
        let variants = try store.variants()
        // values[variant][kpi][replication]
        var table = [[String: [Int: Double?]]](repeating: [:], count: variants.count)
        var runs = [Set<Int>](repeating: [], count: variants.count)
        for value in values {
            table[value.variant][value.kpi, default: [:]][value.replication] = value.value
            runs[value.variant].insert(value.replication)
        }
        var plans = variants.filter { !runs[$0.index].isEmpty }.map { variant in
            Plan(
                variant: variant.index, name: variant.name, start: variant.start,
                runs: runs[variant.index].count,
                kpis: KPICatalogue.all.compactMap { kpi in
                    // In replication order: the mean must not depend on a dictionary's order.
                    table[variant.index][kpi.name].map { values in
                        (kpi.name, Spread(values.sorted { $0.key < $1.key }.map(\.value)))
                    }
                }, pareto: false, rank: 0)
        }
        plans.sort { Self.better($0, $1, on: by) }
        for index in plans.indices {
            plans[index].rank = index + 1
            plans[index].pareto = !plans.contains { Self.dominates($0, plans[index], on: objectives) }
        }
        noise = zip(plans.dropFirst(), plans).map { plan, above in
            Self.paired(plan, above, by: by, table: table)
        }
        self.plans = plans
        self.by = by
        self.objectives = objectives
        sweep = facts.name
        runsFound = runs.reduce(0) { $0 + $1.count }
        runsInSweep = facts.runs
    }

    /// A P50 made comparable with "more is better": a month never reached is later than every
    /// month (worst for a milestone, best for a first breach), an undefined number is worst,
    /// and KPIs where less is better are negated.
    static func score(_ plan: Plan, _ kpi: String) -> Double {
        let month = KPICatalogue.kinds[kpi] == .month
        guard let p50 = plan.spread(kpi)?.p50 ?? (month && plan.spread(kpi) != nil ? .infinity : nil) else {
            return -.infinity
        }
        return KPICatalogue.higherIsBetter.contains(kpi) ? p50 : -p50
    }

    /// Whether `a` ranks before `b` on `kpi`: a better P50, then a better mean, then the sweep's order.
    static func better(_ a: Plan, _ b: Plan, on kpi: String) -> Bool {
        let (left, right) = (score(a, kpi), score(b, kpi))
        if left != right { return left > right }
        let sign = KPICatalogue.higherIsBetter.contains(kpi) ? 1.0 : -1.0
        let (meanA, meanB) = (
            (a.spread(kpi)?.mean).map { $0 * sign }, (b.spread(kpi)?.mean).map { $0 * sign }
        )
        if meanA != meanB { return (meanA ?? -.infinity) > (meanB ?? -.infinity) }
        return a.variant < b.variant
    }

    /// Whether `a` is at least as good as `b` on every objective and better on one.
    static func dominates(_ a: Plan, _ b: Plan, on objectives: [String]) -> Bool {
        let pairs = objectives.map { (score(a, $0), score(b, $0)) }
        return pairs.allSatisfy { $0.0 >= $0.1 } && pairs.contains { $0.0 > $0.1 }
    }

    /// `plan` against `above` on `kpi`, run by run.
    static func paired(_ plan: Plan, _ above: Plan, by kpi: String, table: [[String: [Int: Double?]]])
        -> Noise
    {
        var moments = RunningMoments()
        let mine = table[plan.variant][kpi] ?? [:]
        let theirs = table[above.variant][kpi] ?? [:]
        for (replication, value) in mine.sorted(by: { $0.key < $1.key }) {
            guard let value, let other = theirs[replication] ?? nil else { continue }
            moments.add(value - other)
        }
        let interval = moments.confidenceInterval(level: 0.95).map { $0.lower...$0.upper }
        return Noise(
            plan: plan.name, against: above.name, kpi: kpi, pairs: moments.count,
            meanDifference: moments.mean,
            interval: interval, withinNoise: interval?.contains(0) ?? true)
    }
}
