import Foundation
import Report
import Runner
import Scenario
import TestSupport
import Testing

/// The run's documented formats, byte for byte: text, CSV (city and districts), JSON and HTML of
/// the tiny city, one replication and three.
@Suite("Run output formats against golden files")
struct GoldenOutputTests {
    static let scenario = "Scenarios/tiny/two-districts.yaml"

    @Test("one replication: text, CSV, district CSV, JSON, HTML", arguments: [1, 3])
    func formats(replications: Int) throws {
        let run = RunResult(
            scenario: try RunnerTests.scenario(Self.scenario), seed: 7, replications: replications, threads: 2
        )
        let stem = "two-districts-\(replications)"
        try Golden.check(TextRenderer.render(run.document), "\(stem).txt")
        try Golden.check(CSVRenderer.render(run.monthTable(byDistrict: false)), "\(stem).csv")
        try Golden.check(CSVRenderer.render(run.monthTable(byDistrict: true)), "\(stem)-districts.csv")
        try Golden.check(try run.json() + "\n", "\(stem).json")
        try Golden.check(HTMLRenderer.render(run.document), "\(stem).html")
    }
}
