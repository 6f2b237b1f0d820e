import Foundation
import MetroModel
import Scenario
import Testing

/// `--set PATH=VALUE`: a scenario value changed by its path, checked as the file is, with
/// problems placed at the override.
@Suite("Scenario overrides")
struct ScenarioOverrideTests {
    let tiny = InputDistributionTests.tiny

    func load(_ assignments: String...) throws -> ScenarioFile {
        let overrides = try assignments.map { try ScenarioOverride($0) }
        return try ScenarioLoader.inputs(text: tiny, file: "tiny.yaml", overrides: overrides).central
    }

    /// The one problem `assignments` cause, as a message.
    func problem(_ assignments: String...) -> String {
        do {
            let overrides = try assignments.map { try ScenarioOverride($0) }
            _ = try ScenarioLoader.inputs(text: tiny, file: "tiny.yaml", overrides: overrides)
            return "no problem"
        } catch let error as ScenarioErrors {
            return error.description
        } catch {
            return "\(error)"
        }
    }

    @Test("paths name mapping keys and list entries; the value replaces the file's")
    func replaces() throws {
        let base = try ScenarioLoader.load(text: tiny, file: "tiny.yaml")
        let changed = try load(
            "budget.yearlyCapex=6e7", "plan[3].amount=51200", "districts[1].name=Luohu", "months=12",
            "adoption={p: 0.05, q: 0.4}")
        #expect(base.budget?.yearlyCapex == 100_000 && changed.budget?.yearlyCapex == 60_000_000)
        #expect(base.plan?[3].amount == 1_024 && changed.plan?[3].amount == 51_200)
        #expect(changed.districts.map(\.name) == ["Futian", "Luohu"])
        #expect(changed.months == 12 && changed.adoption.p == 0.05 && changed.adoption.q == 0.4)
        // Everything else stays as the file has it.
        var restored = changed
        restored.budget = base.budget
        restored.plan = base.plan
        restored.districts = base.districts
        restored.months = base.months
        restored.adoption = base.adoption
        #expect(restored == base)
        // Later overrides of the same value win.
        #expect(try load("months=12", "months=18").months == 18)
    }

    @Test("a key the file lacks is added, and the section it makes is checked whole")
    func adds() throws {
        #expect(try load("budget.yearStart=4").budget?.yearStart == 4)
        let withoutBudget = tiny.replacingOccurrences(
            of: "budget: {yearlyCapex: 100000, visitsPerMonth: 200}\n", with: "")
        let added = try ScenarioLoader.inputs(
            text: withoutBudget, file: "tiny.yaml",
            overrides: [try ScenarioOverride("budget.yearlyCapex=5e5")]
        ).central
        #expect(added.budget?.yearlyCapex == 500_000)
    }

    @Test("a bad value is reported at the override: argument, column, field, range")
    func badValues() {
        #expect(
            problem("budget.yearlyCapex=abc")
                == "--set budget.yearlyCapex=abc:1:26: budget.yearlyCapex: expected a number from 0 to 1000000000000000 (currency), found 'abc'"
        )
        #expect(
            problem("adoption.p=-1").hasPrefix("--set adoption.p=-1:1:18: adoption.p: expected a number from")
        )
        #expect(problem("districts[0].colour=red").contains("found unknown key 'colour'"))
        #expect(problem("districts[0].colour=red").hasPrefix("--set districts[0].colour=red:1:"))
        // Rules between fields too: IPv4 is bought in whole /24 blocks.
        #expect(
            problem("plan[3].amount=50000")
                == "--set plan[3].amount=50000:1:22: plan[3].amount: expected whole /24 blocks: a multiple of 256 addresses, found 50000"
        )
    }

    @Test("malformed overrides say what was expected at their column")
    func malformed() {
        func message(_ argument: String) -> String {
            do {
                _ = try ScenarioOverride(argument)
                return "accepted"
            } catch {
                return error.description
            }
        }
        #expect(
            message("budget")
                == "--set budget:1:13: expected PATH=VALUE (say budget.yearlyCapex=6e7), found no '='")
        #expect(
            message("plan[1]x=5")
                == "--set plan[1]x=5:1:14: expected '.' or '[' between the parts of the path, found 'x'")
        #expect(message("[0].a=1").hasPrefix("--set [0].a=1:1:7: expected a key first"))
        #expect(message("plan[a]=1").hasPrefix("--set plan[a]=1:1:12: expected a list index"))
        #expect(message("budget..x=1").hasPrefix("--set budget..x=1:1:14: expected a key"))
        #expect(message("months=[1").hasPrefix("--set months=[1:1:"))
        #expect(problem("plan[99].amount=5").contains("expected an index of plan (it has 4 entries, 0 to 3)"))
        #expect(
            problem("name.first=x").contains(
                "expected name to be a mapping with key 'first', found 'Two districts'"))
    }

    @Test("an override applies to every replication's draw, and can make a number uncertain")
    func draws() throws {
        let overrides = [
            try ScenarioOverride("adoption.q={uniform: {low: 0.3, high: 0.5}}"),
            try ScenarioOverride("budget.yearlyCapex=123456"),
        ]
        let inputs = try ScenarioLoader.inputs(text: tiny, file: "tiny.yaml", overrides: overrides)
        #expect(inputs.uncertain.map(\.path) == ["adoption.q"])
        let draws = try (0..<20).map { try inputs.draw(seed: 1, replication: $0) }
        #expect(draws.allSatisfy { $0.budget?.yearlyCapex == 123_456 && (0.3...0.5).contains($0.adoption.q) })
        #expect(Set(draws.map(\.adoption.q)).count == 20)
    }
}
