import Foundation
import Testing
import Yams

/// The example CI pipelines in Tools/ci parse as YAML, and every command they run exists: the
/// set-up script, and each metro6 command, run against the built tool (issue 18).
@Suite("CI pipeline examples")
struct PipelineExampleTests {
    /// The shell lines of a pipeline: GitHub's `run:` steps and GitLab's `script:` lists.
    static func commands(_ file: String) throws -> [String] {
        let text = try String(
            contentsOf: InputContractTests.repository.appendingPathComponent(file), encoding: .utf8)
        let document = try #require(try Yams.load(yaml: text) as? [String: Any])
        var lines: [String] = []
        if let jobs = document["jobs"] as? [String: Any] {
            for case let job as [String: Any] in jobs.values {
                for case let step as [String: Any] in job["steps"] as? [Any] ?? [] {
                    if let run = step["run"] as? String { lines.append(run) }
                }
            }
        } else {
            for case let job as [String: Any] in document.values {
                lines += job["script"] as? [String] ?? []
            }
        }
        return lines
    }

    @Test(
        "each pipeline parses, sets up with the README's command and runs metro6 gates that exist",
        arguments: ["Tools/ci/github-actions.yml", "Tools/ci/gitlab-ci.yml"])
    func pipeline(file: String) throws {
        let lines = try Self.commands(file)
        #expect(lines.contains("bash Tools/setup.sh run"), "\(file) does not set up as the README does")
        let gates = lines.map(DocumentedCommandsTests.words).filter { $0.first?.hasSuffix("/metro6") == true }
        #expect(gates.count >= 2, "\(file): \(lines)")
        for words in gates {
            var arguments = DocumentedCommandsTests.runnable(Array(words.dropFirst()))
            let root = InputContractTests.repository.path
            arguments = arguments.map { $0.hasPrefix("Tests/") ? "\(root)/\($0)" : $0 }
            // JUnit files go to a temporary folder, and are read back as the reporter would.
            var junit: String?
            if let index = arguments.firstIndex(of: "--junit") {
                junit =
                    FileManager.default.temporaryDirectory.appendingPathComponent(
                        "\(UUID())-\(arguments[index + 1])"
                    ).path
                arguments[index + 1] = junit!
            }
            let outcome = try BoundedRun(seconds: 300).run(arguments)
            // Scaled down (two years of a ten-year city), a plan gate may fail: 1 is a run that judged.
            #expect(
                [0, 1].contains(outcome.status),
                "\(file): \(words.joined(separator: " ")) exited \(outcome.status): \(outcome.error)")
            if let junit {
                #expect(try JUnitCounts.read(junit).cases > 0)
                try? FileManager.default.removeItem(atPath: junit)
            }
        }
    }
}
