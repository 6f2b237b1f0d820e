import ArgumentParser
import Foundation
import Scenario

/// `metro6 validate`: checks scenario files without running them.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check scenario files (YAML or JSON) without running them.",
        discussion: """
            Prints every problem as FILE:LINE:COLUMN: FIELD: expected …, found … and exits with \
            code 2 when any file has one; prints one line per valid file otherwise.
            """
    )

    @Argument(help: "Scenario files.")
    var files: [String]

    func run() throws {
        var failed = false
        for file in files {
            do {
                let scenario = try ScenarioLoader.load(path: file)
                print(
                    "\(file): valid — \(scenario.name), \(scenario.districts.count) districts, "
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
        abstract: "Print the JSON Schema of scenario files (for editors)."
    )

    func run() {
        print(
            JSONSchemaWriter.document(for: ScenarioFile.schema, title: "Metro6 scenario", distributions: true)
        )
    }
}
