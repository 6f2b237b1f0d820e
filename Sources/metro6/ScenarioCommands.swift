import ArgumentParser
import Foundation
import Scenario
import SimCore

/// `metro6 validate`: checks scenario files without running them.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check scenario files (YAML or JSON) without running them.",
        discussion: ExitStatus.discussion(
            """
            Prints every problem as FILE:LINE:COLUMN: FIELD: expected …, found … and exits with \
            code 2 when any file has one; prints one line per valid file otherwise. A file that \
            validates also runs: every number is checked against the range the model runs with \
            (metro6 schema lists them).
            """,
            examples: [
                "metro6 validate city.yaml", "metro6 validate city.yaml Scenarios/shenzhen-2011-dslite.yaml",
            ])
    )

    @Argument(help: "Scenario files.", completion: .scenarioFile)
    var files: [String]

    @OptionGroup var changes: OverrideOptions

    func run() throws {
        let overrides = try changes.overrides()
        var failed = false
        for file in files {
            do {
                let scenario = try ScenarioLoader.inputs(path: file, overrides: overrides).central
                print(
                    "\(PrintableText.escape(file)): valid — \(PrintableText.escape(scenario.name)), "
                        + "\(scenario.districts.count) districts, "
                        + "\(scenario.start) for \(scenario.months) months, \(scenario.plan?.count ?? 0) plan actions"
                )
            } catch {
                failed = true
                FileHandle.standardError.write(Data((error.description + "\n").utf8))
            }
        }
        if failed { throw ExitCode(2) }
    }
}

/// `metro6 schema`: the scenario format as a JSON Schema.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of scenario files (for editors).",
        discussion: ExitStatus.discussion(
            """
            With --ranges, prints every number field with the range the model runs with instead \
            (a Markdown table, as docs/scenarios.md carries it).
            """,
            examples: ["metro6 schema > metro6-scenario.schema.json", "metro6 schema --ranges"])
    )

    @Flag(help: "Print the range of every number field as a Markdown table.")
    var ranges = false

    func run() {
        if ranges {
            print(RangeTable.markdown(for: ScenarioFile.schema), terminator: "")
            return
        }
        print(
            JSONSchemaWriter.document(for: ScenarioFile.schema, title: "Metro6 scenario", distributions: true)
        )
    }
}
