import ArgumentParser
import Foundation
import Scenario

/// `metro6 init`: a commented starter scenario to edit.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented starter scenario to edit.",
        discussion: ExitStatus.discussion(
            """
            A city of two districts with its network, subscribers' equipment, costs, budget and a \
            four-step plan; each field's comment gives its meaning, unit and range (the ones \
            metro6 validate checks). It validates and runs as written.
            """,
            examples: ["metro6 init --city Lyon --out lyon.yaml", "metro6 run lyon.yaml"])
    )

    @Option(help: ArgumentHelp("The city's name.", valueName: "name"))
    var city = "My city"

    @Option(
        help: ArgumentHelp(
            "Write the scenario to this file (new) instead of standard output.", valueName: "file"),
        completion: .scenarioFile)
    var out: String?

    func run() throws {
        let text = StarterScenario.text(city: city)
        guard let out else {
            print(text, terminator: "")
            return
        }
        // A scenario someone edited is never overwritten.
        if FileManager.default.fileExists(atPath: out) {
            throw CommandFailure(
                "\(out) exists; choose another name (metro6 init never overwrites a scenario)")
        }
        try save(text, to: out)
        FileHandle.standardError.write(Data("wrote \(out): edit it, then metro6 validate \(out)\n".utf8))
    }
}
