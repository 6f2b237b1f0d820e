import ArgumentParser
import Scenario

/// `--set PATH=VALUE`: changes to a scenario's values by their paths, shared by the commands
/// that read scenarios.
struct OverrideOptions: ParsableArguments {
    @Option(
        name: .customLong("set"),
        help: ArgumentHelp(
            "Change a scenario value by its path before the checks: 'budget.yearlyCapex=6e7', 'plan[13].amount=50000', 'districts[0].name=Futian' (YAML values; repeatable, applied in order).",
            valueName: "path=value"))
    var assignments: [String] = []

    /// The overrides; a malformed one stops the command with status 2 and its column.
    func overrides() throws -> [ScenarioOverride] {
        try reportingScenarioErrors { () throws(ScenarioErrors) in
            var overrides: [ScenarioOverride] = []
            for assignment in assignments { overrides.append(try ScenarioOverride(assignment)) }
            return overrides
        }
    }
}
