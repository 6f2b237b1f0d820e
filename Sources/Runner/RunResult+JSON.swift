import ComputeModel
import Foundation
import MetroModel
import Report
import Scenario

/// The run's JSON document (docs/run.md): months with the city's columns, the KPIs as spreads,
/// the binding constraints, and the compute centre.
extension RunResult {
    /// The compute centre's KPIs over replications.
    struct ComputeKPIs: Encodable {
        var jobs: Spread
        var utilization: Spread
        var meanWait: Spread
        var p95Wait: Spread
        var meanBoundedSlowdown: Spread
        var firstSLABreachMonth: MonthSpread
        var slaMonthsBreached: Spread
        var energyKWh: Spread?
        var cloudRejectionRate: Spread?
        var cloudUtilization: Spread?
        var gpuUtilization: Spread?
        var gpuMeanWait: Spread?
        var gpuP95Wait: Spread?
        var years: [ComputeYear]
    }

    /// A reporting year of the compute centre: means over replications.
    struct ComputeYear: Encodable {
        /// The year's first month, "YYYY-MM".
        var start: String
        var jobs: Double
        var utilization: Double
        var meanWait: Double
        var p95Wait: Double
        var gpuUtilization: Double?
        var gpuP95Wait: Double?
        var cloudRejectionRate: Double?
    }

    func computeYears(_ runs: [ComputeCentreResult]) -> [ComputeYear] {
        let n = Double(runs.count)
        let count = runs.map(\.years.count).min() ?? 0
        func mean(_ value: (ComputeCentreResult) -> Double) -> Double {
            runs.reduce(0) { $0 + value($1) } / n
        }
        func optionalMean(_ value: (ComputeCentreResult) -> Double?) -> Double? {
            let values = runs.compactMap(value)
            return values.count == runs.count ? values.reduce(0, +) / n : nil
        }
        return (0..<count).map { year in
            ComputeYear(
                start: label(12 * year), jobs: mean { Double($0.years[year].jobs) },
                utilization: mean { $0.years[year].utilization }, meanWait: mean { $0.years[year].meanWait },
                p95Wait: mean { $0.years[year].p95Wait },
                gpuUtilization: optionalMean {
                    year < $0.gpuYears.count ? $0.gpuYears[year].utilization : nil
                },
                gpuP95Wait: optionalMean { year < $0.gpuYears.count ? $0.gpuYears[year].p95Wait : nil },
                cloudRejectionRate: optionalMean { run in
                    run.cloud.flatMap { year < $0.years.count ? $0.years[year].rejectionRate : nil }
                })
        }
    }

    func computeKPIs(_ runs: [ComputeCentreResult]) -> ComputeKPIs {
        let breach = Spread(runs.map { $0.firstSLABreachPeriod.map(Double.init) })
        return ComputeKPIs(
            jobs: Spread(runs.map { Double($0.summary.jobs) }),
            utilization: Spread(runs.map(\.summary.utilization)),
            meanWait: Spread(runs.map(\.summary.meanWait)), p95Wait: Spread(runs.map(\.summary.p95Wait)),
            meanBoundedSlowdown: Spread(runs.map(\.summary.meanBoundedSlowdown)),
            firstSLABreachMonth: monthSpread(breach),
            slaMonthsBreached: Spread(runs.map { Double($0.slaPeriodsBreached) }),
            energyKWh: runs.first?.energyKWh == nil ? nil : Spread(runs.map(\.energyKWh)),
            cloudRejectionRate: runs.first?.cloud == nil ? nil : Spread(runs.map { $0.cloud?.rejectionRate }),
            cloudUtilization: runs.first?.cloud == nil ? nil : Spread(runs.map { $0.cloud?.utilization }),
            gpuUtilization: runs.first?.gpu == nil ? nil : Spread(runs.map { $0.gpu?.utilization }),
            gpuMeanWait: runs.first?.gpu == nil ? nil : Spread(runs.map { $0.gpu?.meanWait }),
            gpuP95Wait: runs.first?.gpu == nil ? nil : Spread(runs.map { $0.gpu?.p95Wait }),
            years: computeYears(runs))
    }

    /// A month in the JSON: its label, each city column, and the subscribers per mode.
    struct JSONMonth: Encodable {
        var month: String
        var values: [Double]
        var byMode: [String: Double]
        /// Per technology: subscribers, IPv6 available, IPv6 on.
        var byTechnology: [AccessTechnology: [Double]]

        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(month, forKey: Key(stringValue: "month"))
            for (column, value) in zip(MonthColumns.city, values) {
                try container.encode(value, forKey: Key(stringValue: column.name))
            }
            try container.encode(byMode, forKey: Key(stringValue: "ipv6SubscribersByMode"))
            let technologies = Dictionary(
                uniqueKeysWithValues: byTechnology.map { technology, values in
                    (
                        technology.rawValue,
                        [
                            "subscribers": values[0], "ipv6AvailableSubscribers": values[1],
                            "ipv6EnabledSubscribers": values[2],
                        ]
                    )
                })
            try container.encode(technologies, forKey: Key(stringValue: "byTechnology"))
        }
    }

    /// A milestone month over replications: "YYYY-MM" or null for each figure (the mean rounded
    /// to a month).
    struct MonthSpread: Encodable {
        var p10: String?
        var p50: String?
        var p90: String?
        var mean: String?

        enum CodingKeys: String, CodingKey {
            case p10, p50, p90, mean
        }

        /// Undefined values are `null`, not left out.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(p10, forKey: .p10)
            try container.encode(p50, forKey: .p50)
            try container.encode(p90, forKey: .p90)
            try container.encode(mean, forKey: .mean)
        }
    }

    /// A binding constraint over replications.
    struct JSONConstraint: Encodable {
        var constraint: String
        var district: String?
        /// The share of replications in which it bound.
        var share: Double
        /// The median first month among those.
        var firstMonth: String?
        /// The median last month among those.
        var lastMonth: String?
        /// Months it bound, the mean over all replications.
        var months: Double

        enum CodingKeys: String, CodingKey {
            case constraint, district, share, firstMonth, lastMonth, months
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(constraint, forKey: .constraint)
            try container.encode(district, forKey: .district)
            try container.encode(share, forKey: .share)
            try container.encode(firstMonth, forKey: .firstMonth)
            try container.encode(lastMonth, forKey: .lastMonth)
            try container.encode(months, forKey: .months)
        }
    }

    /// The KPIs: the same shape with one replication or many.
    struct JSONKPIs: Encodable {
        var month50: MonthSpread
        var month90: MonthSpread
        var finalIPv6TrafficShare: Spread
        var peakCGNATUtilization: Spread
        var ipv4Purchased: Spread
        var ipv4Sold: Spread
        var npv: Spread
        var baselineNPV: Spread
        var incrementalNPV: Spread
        var incrementalNPVByGroup: [String: Spread]
        var programmeCost: Spread
        var truckRolls: Spread
        var unmetDemandMonths: Spread
        var costByItem: [String: Spread]
        var bindingConstraints: [JSONConstraint]
    }

    struct Document: Encodable {
        var scenario: String
        var seed: UInt64
        var replications: Int
        var months: [JSONMonth]
        var kpis: JSONKPIs
        var compute: ComputeKPIs?
    }

    func monthSpread(_ spread: Spread) -> MonthSpread {
        MonthSpread(
            p10: spread.p10.map { label(Int($0)) }, p50: spread.p50.map { label(Int($0)) },
            p90: spread.p90.map { label(Int($0)) }, mean: spread.mean.map { label(Int($0.rounded())) })
    }

    /// The binding constraints as the JSON names them.
    var jsonConstraints: [JSONConstraint] {
        constraints.map { constraint in
            JSONConstraint(
                constraint: constraint.constraint,
                district: constraint.district.map { scenario.districts[$0].name },
                share: constraint.share, firstMonth: constraint.firstMonth.map(label),
                lastMonth: constraint.lastMonth.map(label), months: constraint.months)
        }
    }

    /// The JSON document: `{"scenario", "seed", "replications", "months", "kpis", "compute"}`
    /// (docs/run.md).
    public func json() throws -> String {
        let spread = KPISpread(results)
        let means = MonthColumns.means(results.map(\.months), MonthColumns.city)
        let modes = MonthColumns.modeMeans(results.map(\.months))
        let technologies = MonthColumns.technologyMeans(results.map(\.months))
        let months = means.indices.map {
            JSONMonth(month: label($0), values: means[$0], byMode: modes[$0], byTechnology: technologies[$0])
        }
        let kpis = JSONKPIs(
            month50: monthSpread(spread.month50), month90: monthSpread(spread.month90),
            finalIPv6TrafficShare: spread.finalIPv6TrafficShare,
            peakCGNATUtilization: spread.peakCGNATUtilization,
            ipv4Purchased: spread.ipv4Purchased, ipv4Sold: spread.ipv4Sold, npv: spread.npv,
            baselineNPV: spread.baselineNPV, incrementalNPV: spread.incrementalNPV,
            incrementalNPVByGroup: spread.incrementalNPVByGroup, programmeCost: spread.programmeCost,
            truckRolls: spread.truckRolls, unmetDemandMonths: spread.unmetDemandMonths,
            costByItem: spread.costByItem, bindingConstraints: jsonConstraints)
        return try JSONOutput.string(
            Document(
                scenario: scenario.name, seed: seed, replications: results.count, months: months, kpis: kpis,
                compute: compute.map(computeKPIs)))
    }
}
