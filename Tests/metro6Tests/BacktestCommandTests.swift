import Foundation
import Testing

/// `metro6 backtest`: the bundled China scenario against the bundled actuals, gates and bad files.
@Suite("metro6 backtest")
struct BacktestCommandTests {
    let cli = CommandLineTests()
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let china = root.appendingPathComponent("Scenarios/backtest/china-fixed-2011.yaml").path
    static let actuals = root.appendingPathComponent("Scenarios/actuals/china-ipv6.yaml").path

    static func write(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("actuals-\(UUID()).yaml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test("the bundled China scenario reproduces history within the bundled tolerances")
    func bundled() throws {
        let outcome = try cli.run(["backtest", Self.china, "--actuals", Self.actuals, "--format", "json"])
        #expect(outcome.status == 0, "\(outcome.error)")
        let root = try #require(
            try JSONSerialization.jsonObject(with: Data(outcome.output.utf8)) as? [String: Any])
        let points = try #require(root["points"] as? [[String: Any]])
        #expect(points.count == 21)
        func p50(_ month: String, _ metric: String) -> Double? {
            points.first { $0["month"] as? String == month && $0["metric"] as? String == metric }?["p50"]
                as? Double
        }
        // Fixed-network IPv6 traffic: 9.38% at 2021-12 within 3 points, 21.2% at 2024-05 within 5.
        // The inputs' ranges (content shift, traffic growth, CPE capability) make a band that covers them.
        for month in ["2021-12", "2024-05"] {
            let point = points.first {
                $0["month"] as? String == month && $0["metric"] as? String == "fixedIPv6TrafficShare"
            }
            #expect(point?["covered"] as? Bool == true, "\(month)")
        }
        let share2021 = try #require(p50("2021-12", "fixedIPv6TrafficShare"))
        let share2024 = try #require(p50("2024-05", "fixedIPv6TrafficShare"))
        #expect(abs(share2021 - 0.0938) <= 0.03 && abs(share2024 - 0.212) <= 0.05)
        // Under 2% with IPv6 before the action plan.
        for month in ["2013-12", "2015-12", "2017-06"] {
            #expect(try #require(p50(month, "ipv6EnabledShare")) <= 0.02)
        }
        let summary = try #require(root["summary"] as? [String: Any])
        #expect(summary["actualPoints"] as? Int == 17 && summary["withinTolerance"] as? Int == 17)
        // Targets are reported, never judged.
        #expect(
            points.filter { $0["kind"] as? String == "target" }.allSatisfy { $0["withinTolerance"] is NSNull }
        )
    }

    @Test("a point outside its tolerance fails the backtest with exit status 1")
    func failing() throws {
        let strict = try Self.write(
            """
            - {month: 2021-12, metric: fixedIPv6TrafficShare, value: 0.0938, tolerance: 0.001, kind: actual, source: test}
            - {month: 2016-01, metric: ftthShare, value: 0.581, tolerance: 0.05, kind: actual, source: test}
            """)
        defer { try? FileManager.default.removeItem(atPath: strict) }
        let outcome = try cli.run(["backtest", Self.china, "--actuals", strict, "--replications", "2"])
        #expect(outcome.status == 1)
        #expect(
            outcome.output.contains("FAIL") && outcome.output.contains("2 actual points: 1 within tolerance"))
    }

    @Test("bad actuals files: file, line and column for every problem, exit status 2")
    func badFiles() throws {
        let bad = try Self.write(
            """
            - {month: 2021-12, metric: fixedIPv6Share, value: 0.09, kind: actual, source: test}
            - {month: 2021-12, metric: ftthShare, value: 94, kind: actual, source: test}
            """)
        defer { try? FileManager.default.removeItem(atPath: bad) }
        let outcome = try cli.run(["backtest", Self.china, "--actuals", bad])
        #expect(outcome.status == 2 && outcome.output.isEmpty)
        #expect(
            outcome.error.split(separator: "\n") == [
                "\(bad):1:28: [0].metric: expected one of fixedIPv6TrafficShare, ipv6EnabledShare, subscribers, "
                    + "ftthShare, found 'fixedIPv6Share'",
                "\(bad):2:46: [1].value: expected a share from 0 to 1 for ftthShare, found 94",
            ])
        let outside = try Self.write(
            """
            - {month: 2010-06, metric: subscribers, value: 1, kind: actual, source: test}
            """)
        defer { try? FileManager.default.removeItem(atPath: outside) }
        let late = try cli.run(["backtest", Self.china, "--actuals", outside])
        #expect(late.status == 2)
        #expect(
            late.error
                == "\(outside):1:3: month: expected a month from 2011-01 to 2025-12 (the scenario's horizon), found 2010-06\n"
        )
    }
}
