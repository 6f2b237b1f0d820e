import Foundation
import MetroModel
import Scenario
import SimCore
import Testing

/// Numbers the planner does not know: their draws, their checks, and what they do to a run.
@Suite("Uncertain inputs")
struct InputDistributionTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static var tiny: String {
        (try? String(
            contentsOf: root.appendingPathComponent("Scenarios/tiny/two-districts.yaml"), encoding: .utf8))
            ?? ""
    }

    func moments(_ distribution: InputDistribution, in range: ClosedRange<Double>, n: Int = 40_000) -> (
        mean: Double, variance: Double
    ) {
        var generator = Xoshiro256StarStar(seed: 5)
        var moments = RunningMoments()
        for _ in 0..<n {
            let x = distribution.draw(in: range, using: &generator)
            #expect(range.contains(x))
            moments.add(x)
        }
        return (moments.mean, moments.variance)
    }

    @Test("draws match the closed forms' means and variances (ranges wide enough not to cut)")
    func closedForms() {
        let wide = -1e9...1e9
        // Lognormal: mean e^(mu + σ²/2), variance (e^σ² − 1) e^(2mu + σ²).
        let lognormal = moments(.lognormal(median: 0.38, sigma: 0.25), in: 0...1e9)
        let mean = 0.38 * exp(0.25 * 0.25 / 2)
        #expect(abs(lognormal.mean - mean) < 5 * (0.38 * 0.25 / 200))
        #expect(abs(lognormal.variance / ((exp(0.0625) - 1) * 0.38 * 0.38 * exp(0.0625)) - 1) < 0.05)
        let triangular = moments(.triangular(low: 0.2, mode: 0.3, high: 0.5), in: 0...1)
        #expect(abs(triangular.mean - 1.0 / 3) < 0.001)
        #expect(abs(triangular.variance / ((0.04 + 0.09 + 0.25 - 0.06 - 0.1 - 0.15) / 18) - 1) < 0.05)
        let uniform = moments(.uniform(low: 10, high: 20), in: wide)
        #expect(abs(uniform.mean - 15) < 0.05 && abs(uniform.variance / (100.0 / 12) - 1) < 0.05)
        let normal = moments(.normal(mean: 0.35, sd: 0.05), in: wide)
        #expect(abs(normal.mean - 0.35) < 0.001 && abs(normal.variance / 0.0025 - 1) < 0.05)
        // Truncation keeps draws in the field's range: a normal centred at 0.95 inside [0, 1].
        let cut = moments(.normal(mean: 0.95, sd: 0.1), in: 0...1)
        #expect(cut.mean < 0.95)
    }

    @Test("a scenario of point values runs exactly as before through the inputs path")
    func pointValues() throws {
        let inputs = try ScenarioLoader.inputs(text: Self.tiny, file: "tiny.yaml")
        #expect(inputs.uncertain.isEmpty)
        #expect(
            try inputs.draw(seed: 3, replication: 5)
                == ScenarioLoader.load(text: Self.tiny, file: "tiny.yaml"))
    }

    @Test("distributions: central values for checks, a different draw per replication, the same per seed")
    func draws() throws {
        let text = Self.tiny.replacingOccurrences(
            of: "adoption: {p: 0.03, q: 0.38}",
            with: "adoption: {p: 0.03, q: {lognormal: {median: 0.38, sigma: 0.3}}}"
        ).replacingOccurrences(
            of: "traffic: {busyHourMbps: 1.5, yearlyGrowth: 0.35}",
            with:
                "traffic: {busyHourMbps: 1.5, yearlyGrowth: {triangular: {low: 0.25, mode: 0.35, high: 0.45}}}"
        )
        let inputs = try ScenarioLoader.inputs(text: text, file: "tiny.yaml")
        #expect(inputs.uncertain.map(\.path) == ["adoption.q", "traffic.yearlyGrowth"])
        #expect(inputs.central.adoption.q == 0.38 && inputs.central.traffic.yearlyGrowth == 0.35)
        let first = try inputs.draw(seed: 1, replication: 0)
        let second = try inputs.draw(seed: 1, replication: 1)
        #expect(first.adoption.q != second.adoption.q)
        #expect((0.25...0.45).contains(first.traffic.yearlyGrowth))
        #expect(try inputs.draw(seed: 1, replication: 1) == second)
        #expect(first.districts == inputs.central.districts)
    }

    @Test("bad distributions are reported with line and column; plan amounts stay numbers")
    func problems() {
        let text = Self.tiny.replacingOccurrences(
            of: "adoption: {p: 0.03, q: 0.38}",
            with: "adoption: {p: 0.03, q: {triangular: {low: 0.5, mode: 0.3, high: 0.6}}}"
        ).replacingOccurrences(
            of: "content: {p: 0.05, q: 0.5}", with: "content: {p: 0.05, q: {gamma: {shape: 2}}}"
        ).replacingOccurrences(
            of: "cpe: {capableShare: 0.2,", with: "cpe: {capableShare: {uniform: {low: 0.5, high: 1.5}},"
        ).replacingOccurrences(
            of: "{month: 2012-03, action: buyIPv4, amount: 1024}",
            with: "{month: 2012-03, action: buyIPv4, amount: {uniform: {low: 256, high: 512}}}")
        do {
            _ = try ScenarioLoader.inputs(text: text, file: "city.yaml")
            Issue.record("expected errors")
        } catch {
            let lines = error.description.split(separator: "\n").map(String.init)
            #expect(lines.count == 4, "\(lines)")
            #expect(
                lines.contains {
                    $0.hasPrefix("city.yaml:")
                        && $0.contains("cpe.capableShare: expected a distribution inside from 0 to 1")
                })
            #expect(
                lines.contains {
                    $0.contains("adoption.q: expected triangular with low ≤ mode ≤ high and low < high")
                })
            #expect(
                lines.contains {
                    $0.contains("content.q: expected a number or one of {lognormal: {median, sigma}}")
                })
            #expect(
                lines.contains {
                    $0.contains("plan[3].amount: expected a plain number (plan amounts are decisions")
                })
        }
    }
}
