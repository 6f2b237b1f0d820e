import Foundation
import MetroModel
import Report
import Runner
import Scenario
import Testing

/// `metro6 run` saying in words what bound and when: checked against the month series the model
/// reports, and by what must move when an input moves.
@Suite("The run explained in words")
struct RunExplanationTests {
    static func outcome(_ scenario: ScenarioFile, replications: Int = 1) -> [String] {
        let document = RunResult(scenario: scenario, seed: 3, replications: replications, threads: 2).document
        guard case .paragraph(let text) = document.sections.first(where: { $0.id == "outcome" })?.blocks.first
        else {
            return []
        }
        return text.split(separator: "\n").map(String.init)
    }

    /// The runs of consecutive months in which `over` holds, as "YYYY-MM" or "YYYY-MM to YYYY-MM".
    static func periods(_ months: [MonthlyOutput], start: YearMonth, _ over: (MonthlyOutput) -> Bool)
        -> [String]
    {
        var runs: [ClosedRange<Int>] = []
        for month in months.indices where over(months[month]) {
            if let last = runs.last, last.upperBound == month - 1 {
                runs[runs.count - 1] = last.lowerBound...month
            } else {
                runs.append(month...month)
            }
        }
        return runs.map { run in
            let first = start.adding(months: run.lowerBound).description
            return run.count == 1 ? first : "\(first) to \(start.adding(months: run.upperBound))"
        }
    }

    @Test("the months the CGN was over capacity are those whose CGN utilisation is above 1")
    func cgnMonths() throws {
        var scenario = try RunnerTests.scenario("Scenarios/tiny/two-districts.yaml")
        // A CGN a third the size: over capacity as the city grows.
        scenario.addressing.cgnatGbps = 0.35
        let run = RunResult(scenario: scenario, seed: 3, replications: 1)
        let expected = Self.periods(run.results[0].months, start: scenario.start) { $0.cgnatUtilization > 1 }
        #expect(!expected.isEmpty, "the tiny city's CGN should be overloaded for this test to mean anything")
        let line = try #require(Self.outcome(scenario).first { $0.hasPrefix("The CGN was over capacity") })
        #expect(line.hasSuffix(": " + expected.joined(separator: ", ") + "."), "\(line) vs \(expected)")
        // More CGN capacity from the start: the CGN is never over capacity.
        var ample = scenario
        ample.addressing.cgnatGbps = 1_000
        #expect(!Self.outcome(ample).contains { $0.hasPrefix("The CGN was over capacity") })
    }

    @Test(
        "a milestone never reached names what holds it back; halving the CPEs with the mechanism lowers that share"
    )
    func shortfall() throws {
        var scenario = try RunnerTests.scenario("Scenarios/tiny/two-districts.yaml")
        let share = { (lines: [String]) -> Double? in
            guard let line = lines.first(where: { $0.hasPrefix("At the end") }),
                let range = line.range(of: #"(\d+)% have CPEs able"#, options: .regularExpression)
            else { return nil }
            return Double(line[range].prefix { $0.isNumber })
        }
        let all = Self.outcome(scenario)
        #expect(all.contains { $0.hasPrefix("90% of the subscribers never have working IPv6") })
        let full = try #require(share(all))
        scenario.cpe.mechanismShare = 0.5
        let halved = try #require(share(Self.outcome(scenario)))
        // DS-Lite needs the B4 in the CPE: half the capable CPEs have it.
        #expect(abs(halved - full / 2) <= 1, "\(full)% then \(halved)%")
        #expect(
            Self.outcome(scenario).contains { $0.contains("what holds it back") && $0.contains("CPEs able") })
    }

    @Test("money is labelled with the scenario's currency, and its costs said to be cumulative")
    func currency() throws {
        var scenario = try RunnerTests.scenario("Scenarios/tiny/two-districts.yaml")
        scenario.costs.currency = "CNY"
        let document = RunResult(scenario: scenario, seed: 3, replications: 1).document
        let text = TextRenderer.render(document)
        #expect(text.contains("Money is in millions of CNY"))
        #expect(text.contains("programme cost (M CNY, undiscounted)"))
        #expect(text.contains("programme (M CNY, cumulative)"))
        #expect(!text.contains("USD"))
    }
}

/// Subscribers per access technology: consistent with the city's figures, and moved only by
/// their own technology's access nodes.
@Suite("IPv6 by access technology")
struct TechnologyFiguresTests {
    @Test("the technologies add up to the city's subscribers, and to its IPv6 figures within rounding")
    func sums() throws {
        let scenario = try RunnerTests.scenario("Scenarios/tiny/two-districts.yaml")
        let months = RunResult(scenario: scenario, seed: 3, replications: 1).results[0].months
        for month in months {
            let parts = AccessTechnology.allCases.map { month.byTechnology[$0] }
            #expect(parts.reduce(0) { $0 + $1.subscribers } == month.subscribers)
            // Each district and technology rounds on its own: at most half a subscriber each.
            let slack = 3 * scenario.districts.count
            #expect(
                abs(parts.reduce(0) { $0 + $1.ipv6AvailableSubscribers } - month.ipv6AvailableSubscribers)
                    <= slack)
            #expect(
                abs(parts.reduce(0) { $0 + $1.ipv6EnabledSubscribers } - month.ipv6EnabledSubscribers)
                    <= slack)
        }
    }

    @Test("LAN switches ready from the start raise LAN's IPv6 availability and leave xDSL's and xPON's alone")
    func lanOnly() throws {
        let base = try RunnerTests.scenario("Scenarios/tiny/two-districts.yaml")
        var ready = base
        for index in ready.districts.indices {
            ready.districts[index].accessNodes.lan.ready = ready.districts[index].accessNodes.lan.nodes
            ready.districts[index].accessNodes.lan.upgradable = 0
        }
        let before = RunResult(scenario: base, seed: 3, replications: 1).results[0].months
        let after = RunResult(scenario: ready, seed: 3, replications: 1).results[0].months
        // Month 9: the BNGs and the access node upgrades have started, the mode is on.
        let month = 9
        func available(_ months: [MonthlyOutput], _ technology: AccessTechnology) -> Int {
            months[month].byTechnology[technology].ipv6AvailableSubscribers
        }
        #expect(available(after, .lan) > available(before, .lan))
        #expect(available(after, .xdsl) == available(before, .xdsl))
        #expect(available(after, .xpon) == available(before, .xpon))
    }
}
