import Foundation
import MetroModel
import Report
import Runner
import Scenario
import Testing

@Suite("Runner")
struct RunnerTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func scenario(_ path: String) throws -> ScenarioFile {
        try ScenarioLoader.load(path: root.appendingPathComponent(path).path)
    }

    @Test("the same seed gives identical JSON on 1 and on 2 threads")
    func threads() throws {
        let scenario = try Self.scenario("Scenarios/tiny/two-districts.yaml")
        let one = try RunResult(scenario: scenario, seed: 5, replications: 6, threads: 1).json()
        let two = try RunResult(scenario: scenario, seed: 5, replications: 6, threads: 2).json()
        #expect(one == two)
        let other = try RunResult(scenario: scenario, seed: 6, replications: 6, threads: 2).json()
        #expect(one != other)
    }

    @Test("uncertain inputs: the same draws on 1 and 2 threads, and a band wider than sampling noise")
    func uncertain() throws {
        let text = try String(
            contentsOf: Self.root.appendingPathComponent("Scenarios/tiny/two-districts.yaml"), encoding: .utf8
        )
        let point = try ScenarioLoader.inputs(text: text, file: "tiny.yaml")
        let uncertain = try ScenarioLoader.inputs(
            text: text.replacingOccurrences(
                of: "cpe: {capableShare: 0.2,", with: "cpe: {capableShare: {uniform: {low: 0.1, high: 0.9}},"),
            file: "tiny.yaml")
        let one = try RunResult(inputs: uncertain, seed: 5, replications: 8, threads: 1)
        let two = try RunResult(inputs: uncertain, seed: 5, replications: 8, threads: 2)
        #expect(try one.json() == two.json())
        let fixed = try RunResult(inputs: point, seed: 5, replications: 8, threads: 2)
        func width(_ report: RunResult) -> Double {
            let available = report.results.map { Double($0.months.last!.ipv6AvailableSubscribers) }
            return available.max()! - available.min()!
        }
        #expect(width(one) > 3 * width(fixed), "\(width(one)) vs \(width(fixed))")
        // The point scenario through the inputs path is the plain run.
        #expect(
            try fixed.json()
                == RunResult(scenario: point.central, seed: 5, replications: 8, threads: 2).json())
    }

    @Test("the embedded default scenario is the file in Scenarios/, byte for byte")
    func embedded() throws {
        let file = try String(
            contentsOf: Self.root.appendingPathComponent("Scenarios/shenzhen-2011.yaml"), encoding: .utf8)
        #expect(DefaultScenario.text == file)
    }

    @Test("the bundled city and its two alternative plans: which is ahead at three years, and by how much")
    func alternatives() throws {
        var last: [String: MonthlyOutput] = [:]
        for name in ["shenzhen-2011", "shenzhen-2011-cpe-first", "shenzhen-2011-dslite"] {
            // Three years keep the test fast in a debug build; the plans differ within them.
            var scenario = try Self.scenario("Scenarios/\(name).yaml")
            #expect(scenario.months == 120)
            scenario.months = 36
            scenario.compute = nil
            let report = RunResult(scenario: scenario, seed: 1, replications: 1)
            let months = report.results[0].months
            #expect(months.count == 36)
            #expect(months[0].subscribers > 2_000_000)
            last[name] = months[35]
        }
        let bngFirst = try #require(last["shenzhen-2011"])
        let cpeFirst = try #require(last["shenzhen-2011-cpe-first"])
        let dsLite = try #require(last["shenzhen-2011-dslite"])
        // CPE first switches IPv6 on only in month 37: nobody has it at 36.
        #expect(cpeFirst.ipv6EnabledSubscribers == 0 && cpeFirst.ipv6TrafficShare == 0)
        #expect(bngFirst.ipv6TrafficShare > dsLite.ipv6TrafficShare && dsLite.ipv6TrafficShare > 0)
        // Same network, same dates: DS-Lite reaches the lines whose gateway also has a B4, the
        // scenario's mechanismShare (0.5) of dual-stack's, to a line per district of rounding.
        #expect(abs(2 * dsLite.ipv6AvailableSubscribers - bngFirst.ipv6AvailableSubscribers) <= 16)
    }

    @Test("the compute centre runs beside the network and its figures reach the report")
    func compute() throws {
        var scenario = try Self.scenario("Scenarios/shenzhen-2011.yaml")
        scenario.months = 2
        let report = RunResult(scenario: scenario, seed: 1, replications: 2, threads: 2)
        let compute = try #require(report.compute)
        #expect(compute.count == 2)
        #expect(compute[0].summary.jobs > 1_000 && compute[0].energyKWh != nil && compute[0].cloud != nil)
        #expect(compute[0] != compute[1])
        let json = try report.json()
        // Two months of a ten-year centre: one reporting year, with all three partitions.
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let years = try #require((root["compute"] as? [String: Any])?["years"] as? [[String: Any]])
        #expect(years.count == 1 && years[0]["start"] as? String == "2011-05")
        #expect(years[0]["gpuUtilization"] is Double && years[0]["cloudRejectionRate"] is Double)
        #expect((root["compute"] as? [String: Any])?["cloudRejectionRate"] is [String: Any])
        let text = TextRenderer.render(report.document)
        #expect(text.contains("GPU utilisation") && text.contains("Compute centre"))
    }

    @Test("spreads use nearest-rank percentiles; a milestone never reached is null")
    func spreads() {
        let spread = Spread([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
        #expect(spread.p10 == 1 && spread.p50 == 5 && spread.p90 == 9 && spread.mean == 5.5)
        let partial = Spread([3, nil, 5])
        #expect(partial.p10 == 3 && partial.p50 == 5 && partial.p90 == nil && partial.mean == nil)
    }

    @Test("CSV: one row per month, or per month and district, with the documented columns")
    func csv() throws {
        let scenario = try Self.scenario("Scenarios/tiny/two-districts.yaml")
        let report = RunResult(scenario: scenario, seed: 1, replications: 1)
        let rows = CSVRenderer.render(report.monthTable(byDistrict: false)).split(separator: "\n")
        #expect(rows.count == 1 + 24)
        #expect(rows[0] == "month," + MonthColumns.city.map(\.name).joined(separator: ","))
        #expect(rows[0].hasPrefix("month,subscribers,fibreSubscribers,ipv6AvailableSubscribers"))
        #expect(rows[1].hasPrefix("2011-05,"))
        let byDistrict = CSVRenderer.render(report.monthTable(byDistrict: true)).split(separator: "\n")
        #expect(byDistrict.count == 1 + 2 * 24)
        #expect(byDistrict[1].hasPrefix("Futian,2011-05,"))
        // District rows carry the district's own figures only: no city-wide CGN or address columns.
        #expect(byDistrict[0] == "district,month," + MonthColumns.district.map(\.name).joined(separator: ","))
        #expect(!byDistrict[0].contains("cgnat") && !byDistrict[0].contains("IPv4"))
    }
}
