import Foundation
import Testing

/// Every subcommand's `--help` shows examples, and they run: each subcommand's examples as one
/// block, in order, the way the README's are (`DocumentedCommandsTests`: placeholders for
/// repository files, work scaled down, written files in a temporary folder).
@Suite("Examples in --help")
struct HelpExamplesTests {
    /// Every subcommand's words ("run", "bench phold"), from the parser's help dump.
    static let subcommands: [[String]] = {
        guard let outcome = try? CommandLineTests().run(["--experimental-dump-help"]),
            let dump = try? JSONSerialization.jsonObject(with: Data(outcome.output.utf8)) as? [String: Any],
            let root = dump["command"] as? [String: Any]
        else { return [] }
        func walk(_ command: [String: Any], _ path: [String]) -> [[String]] {
            (command["subcommands"] as? [[String: Any]] ?? []).flatMap { child -> [[String]] in
                guard let name = child["commandName"] as? String, name != "help" else { return [] }
                return [path + [name]] + walk(child, path + [name])
            }
        }
        return walk(root, [])
    }()

    /// The command lines of the "Examples:" section of `help`.
    static func examples(in help: String) -> [String] {
        let lines = help.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(of: "Examples:") else { return [] }
        return lines[(start + 1)...].prefix { !$0.isEmpty }.map { $0.trimmingCharacters(in: .whitespaces) }
    }

    @Test("there are subcommands to look at")
    func found() {
        #expect(Self.subcommands.count >= 15)
    }

    @Test("every subcommand's --help has examples, and they run", arguments: subcommands)
    func examplesRun(subcommand: [String]) throws {
        let help = try CommandLineTests().run(subcommand + ["--help"])
        #expect(help.status == 0)
        let lines = Self.examples(in: help.output)
        #expect(!lines.isEmpty, "metro6 \(subcommand.joined(separator: " ")) --help shows no example")
        let examples = DocumentedCommandsTests.examples(
            inText: "```sh\n" + lines.joined(separator: "\n") + "\n```\n",
            file: "metro6 \(subcommand.joined(separator: " ")) --help")
        #expect(examples.count == lines.count)
        let results = FileManager.default.temporaryDirectory.appendingPathComponent("metro6-help-\(UUID())")
        try FileManager.default.createDirectory(at: results, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: results) }
        for example in examples { try DocumentedCommandsTests().run(example, results: results) }
    }
}
