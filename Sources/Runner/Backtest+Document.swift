import Foundation
import Report
import Scenario
import SimCore

/// A backtest as a report document: per metric, the model's P10-P90 band and P50 over the
/// horizon with the published points on it; the points' table and the tally.
extension Backtest {
    /// The report of the backtest.
    public var document: ReportDocument {
        let s = summary
        let axis = Axis.months(
            from: MonthStamp(year: scenario.start.year, month: scenario.start.month), count: scenario.months)
        let charts = bands.map { metric, months -> Block in
            let format: NumberFormat = metric.isShare ? .percent : .count
            func points(_ kind: Actuals.Kind) -> [Series.Point] {
                comparisons.filter { $0.metric == metric.rawValue && $0.kind == kind.rawValue }.compactMap {
                    point in
                    YearMonth(point.month).map {
                        Series.Point(
                            x: Double(scenario.start.months(to: $0)), y: point.actual,
                            note:
                                "\(point.month) \(kind.rawValue) \(format.string(point.actual)): \(point.source)"
                        )
                    }
                }
            }
            var series = [
                Series(
                    "model P50", values: months.map { $0.p50 ?? 0 },
                    band: replications > 1
                        ? months.enumerated().map {
                            .init(x: Double($0), low: $1.p10 ?? 0, high: $1.p90 ?? 0)
                        } : [])
            ]
            for kind in Actuals.Kind.allCases where !points(kind).isEmpty {
                series.append(
                    Series(
                        kind == .actual ? "published actuals" : "targets", points: points(kind),
                        style: .points))
            }
            return .chart(
                Chart(
                    id: "backtest-\(metric.rawValue)", title: metric.rawValue,
                    summary:
                        "The model's P50 and P10-P90 band over \(replications) replications, and the published figures.",
                    x: axis, y: Axis(metric.rawValue, unit: metric.isShare ? "%" : nil, format: format),
                    series: series))
        }
        let columns: [Column<Comparison>] = [
            Column("month") { .text($0.month) },
            Column("metric") { .text($0.metric) },
            Column("kind") { .text($0.kind) },
            Column("actual", format: .decimals(4)) { .number($0.actual, .decimals(4)) },
            Column("p10", label: "P10", format: .decimals(4)) { .number($0.p10, .decimals(4)) },
            Column("p50", label: "P50", format: .decimals(4)) { .number($0.p50, .decimals(4)) },
            Column("p90", label: "P90", format: .decimals(4)) { .number($0.p90, .decimals(4)) },
            Column("error", format: .decimals(4)) { .number($0.error, .decimals(4)) },
            Column("tolerance", format: .decimals(4)) {
                $0.tolerance.map { .number($0, .decimals(4)) } ?? .missing
            },
            Column("verdict") { point in
                switch point.withinTolerance {
                case true?: .text("ok")
                case false?: .text(point.kind == Actuals.Kind.actual.rawValue ? "FAIL" : "off target")
                case nil: .text(point.covered ? "covered" : "-")
                }
            },
            Column("source") { .text($0.source) },
        ]
        return ReportDocument(
            title: "\(PrintableText.escape(scenario.name)) against \(actualsFile)",
            subtitle: [
                "\(replications) replication\(replications == 1 ? "" : "s"); P50 ± tolerance decides, P10-P90 shows the spread"
            ],
            sections: [
                Section(
                    id: "verdict", title: passed ? "Pass" : "Fail",
                    blocks: [
                        .facts([
                            Fact("actual points", .number(Double(s.actualPoints), .integer)),
                            Fact("within tolerance", .number(Double(s.withinTolerance), .integer)),
                            Fact("inside P10-P90", .number(Double(s.covered), .integer)),
                        ])
                    ]),
                Section(id: "bands", title: "The model against history", blocks: charts),
                Section(
                    id: "points", title: "Each point",
                    blocks: [
                        .table(
                            Table(id: "points-table", title: "Points", columns: columns, rows: comparisons))
                    ]),
            ])
    }
}
