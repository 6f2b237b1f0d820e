import Foundation
import Report
import Scenario

/// Several runs' KPIs side by side (`metro6 run A.yaml B.yaml …`): a row per KPI any of them
/// reports, a column per run, read from each run's own JSON so the table shows the numbers the
/// single runs print.
public struct KPITable: Sendable {
    /// The runs' names, one per column.
    public let columns: [String]
    /// The statistic shown (P50 over the replications unless asked otherwise).
    public let statistic: Expectation.Statistic
    /// Each KPI with one value per run, as the JSON writes it (a number, `YYYY-MM`, `never`),
    /// or nil where a run has no such KPI (no compute centre, say).
    public let rows: [(kpi: String, values: [String?])]

    /// The table of `runs`: each a name and its `metro6 run --format json` document.
    public init(runs: [(name: String, json: String)], statistic: Expectation.Statistic = .p50) throws {
        let documents = try runs.map {
            try JSONSerialization.jsonObject(with: Data($0.json.utf8)) as? [String: Any] ?? [:]
        }
        columns = runs.map(\.name)
        self.statistic = statistic
        rows = KPICatalogue.all.compactMap { kpi in
            let values = documents.map { document -> String? in
                switch ExpectationCheck.value(of: kpi.name, statistic, in: document) {
                case let number as NSNumber: Schema.format(number.doubleValue)
                case let month as String: month
                case is NSNull: "never"
                default: nil
                }
            }
            return values.allSatisfy { $0 == nil } ? nil : (kpi.name, values)
        }
    }

    /// A text table: KPIs down, runs across, numbers rounded for reading.
    public func text() -> String {
        let header = ["KPI (\(statistic.rawValue.uppercased()))"] + columns
        let body = rows.map { row in [row.kpi] + row.values.map { $0.map(Self.readable) ?? "-" } }
        return TextTable.render(header: header, rows: body, leftAligned: [0])
    }

    /// CSV with full precision: a `kpi` column, then one per run.
    public func csv() -> String {
        CSVRenderer.render(
            header: ["kpi"] + columns, rows: rows.map { [$0.kpi] + $0.values.map { $0 ?? "" } })
    }

    /// A number to four significant digits, with thousands separators when large.
    static func readable(_ value: String) -> String {
        guard let number = Double(value) else { return value }
        guard abs(number) < 1e18 else { return String(format: "%.4g", number) }
        if abs(number) >= 1_000 {
            return (number < 0 ? "-" : "") + Schema.grouped(Int(abs(number).rounded()))
        }
        return number == number.rounded() ? String(Int(number)) : String(format: "%.4g", number)
    }
}
