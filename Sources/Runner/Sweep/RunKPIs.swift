import ComputeModel
import MetroModel
import Scenario

/// The KPIs of one run by their catalogue names (`KPICatalogue`), as the sweep store keeps them:
/// months as month indexes from the scenario's start, nil for "never" (a milestone not reached,
/// no SLA breach).
public enum RunKPIs {
    /// A KPI's value in one run: nil when the KPI does not apply to it (no compute centre, no
    /// GPU partition), `.some(nil)` for "never".
    typealias Reading = @Sendable (RolloutKPIs, ComputeCentreResult?) -> Double??

    /// How each KPI is read, by name.
    static let readings: [String: Reading] = {
        var readings: [String: Reading] = [
            "month50": { kpis, _ in .some(kpis.month50.map(Double.init)) },
            "month90": { kpis, _ in .some(kpis.month90.map(Double.init)) },
            "incrementalNPV": { kpis, _ in kpis.incrementalNPV },
            "npv": { kpis, _ in kpis.npv },
            "baselineNPV": { kpis, _ in kpis.baselineNPV },
            "programmeCost": { kpis, _ in kpis.programmeCost },
            "peakCGNATUtilization": { kpis, _ in kpis.peakCGNATUtilization },
            "finalIPv6TrafficShare": { kpis, _ in kpis.finalIPv6TrafficShare },
            "ipv4Purchased": { kpis, _ in Double(kpis.ipv4Purchased) },
            "ipv4Sold": { kpis, _ in Double(kpis.ipv4Sold) },
            "truckRolls": { kpis, _ in Double(kpis.truckRolls) },
            "unmetDemandMonths": { kpis, _ in Double(kpis.unmetDemandMonths) },
            "compute.firstSLABreachMonth": { _, centre in
                centre.map { $0.firstSLABreachPeriod.map(Double.init) }
            },
            "compute.jobs": { _, centre in number(centre) { Double($0.summary.jobs) } },
            "compute.utilization": { _, centre in number(centre) { $0.summary.utilization } },
            "compute.meanWait": { _, centre in number(centre) { $0.summary.meanWait } },
            "compute.p95Wait": { _, centre in number(centre) { $0.summary.p95Wait } },
            "compute.meanBoundedSlowdown": { _, centre in number(centre) { $0.summary.meanBoundedSlowdown } },
            "compute.slaMonthsBreached": { _, centre in number(centre) { Double($0.slaPeriodsBreached) } },
            "compute.energyKWh": { _, centre in number(centre) { $0.energyKWh } },
            "compute.cloudRejectionRate": { _, centre in number(centre) { $0.cloud?.rejectionRate } },
            "compute.cloudUtilization": { _, centre in number(centre) { $0.cloud?.utilization } },
            "compute.gpuUtilization": { _, centre in number(centre) { $0.gpu?.utilization } },
            "compute.gpuMeanWait": { _, centre in number(centre) { $0.gpu?.meanWait } },
            "compute.gpuP95Wait": { _, centre in number(centre) { $0.gpu?.p95Wait } },
        ]
        for group in CostItem.Group.allCases {
            readings["incrementalNPVByGroup.\(group.rawValue)"] = { kpis, _ in
                kpis.incrementalNPVByGroup[group.rawValue] ?? 0
            }
        }
        for item in CostItem.allCases {
            readings["costByItem.\(item.rawValue)"] = { kpis, _ in kpis.costByItem[item.rawValue] ?? 0 }
        }
        return readings
    }()

    /// A compute-centre figure: it applies when there is a centre and it has the part the
    /// figure reads (a power model, a cloud, a GPU partition).
    static func number(_ centre: ComputeCentreResult?, _ read: (ComputeCentreResult) -> Double?) -> Double?? {
        guard let centre, let value = read(centre) else { return nil }
        return .some(value)
    }

    /// The KPIs that apply to a run with `result` and, when the scenario has one, the compute
    /// centre's `compute`, in catalogue order.
    public static func values(_ result: RolloutResult, compute: ComputeCentreResult?) -> [(
        name: String, value: Double?
    )] {
        KPICatalogue.all.compactMap { kpi in
            guard let reading = readings[kpi.name], let value = reading(result.kpis, compute) else {
                return nil
            }
            return (kpi.name, value)
        }
    }
}
