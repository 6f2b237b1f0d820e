import Foundation
import Scenario

extension SweepComparison {
    /// The outcomes of `expectations` on each of the `top` best-ranked plans (every plan when
    /// nil), read from the plan's spreads as `metro6 run` reads a run's: P50 unless the
    /// expectation says P10, P90 or mean, months as `YYYY-MM`.
    public func check(_ expectations: [Expectation], top: Int? = nil) -> [(
        name: String, outcomes: [ExpectationOutcome]
    )] {
        plans.prefix(top ?? plans.count).map { plan in
            let document = Self.document(of: plan)
            return (plan.name, expectations.map { ExpectationCheck.outcome(of: $0, in: document) })
        }
    }

    /// A plan's spreads in the shape of a run's JSON (`kpis.NAME`, `compute.NAME`, nested at
    /// dots), so expectations read them as they read a run.
    static func document(of plan: Plan) -> [String: Any] {
        var kpis: [String: Any] = [:]
        var compute: [String: Any] = [:]
        for (name, spread) in plan.kpis {
            let statistics: [String: Any] = [
                "p10": spread.p10, "p50": spread.p50, "p90": spread.p90, "mean": spread.mean,
            ].mapValues { value in
                guard let text = rendered(value, kpi: name, start: plan.start) else { return NSNull() }
                return KPICatalogue.kinds[name] == .month ? text : NSNumber(value: value ?? 0)
            }
            let isCompute = name.hasPrefix("compute.")
            let path = (isCompute ? String(name.dropFirst("compute.".count)) : name).split(separator: ".")
                .map(String.init)
            if isCompute {
                insert(statistics, at: path, into: &compute)
            } else {
                insert(statistics, at: path, into: &kpis)
            }
        }
        return ["kpis": kpis, "compute": compute]
    }

    /// `value` at `path` inside nested dictionaries.
    private static func insert(_ value: Any, at path: [String], into tree: inout [String: Any]) {
        guard let key = path.first else { return }
        guard path.count > 1 else {
            tree[key] = value
            return
        }
        var child = tree[key] as? [String: Any] ?? [:]
        insert(value, at: Array(path.dropFirst()), into: &child)
        tree[key] = child
    }
}
