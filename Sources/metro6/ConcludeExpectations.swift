import Foundation
import Report
import Runner

/// Ends a command that checked expectations (plan gates): prints their lines (after a text
/// output, else on standard error), writes the JUnit file (a suite per checked name), and exits
/// 1 when one failed.
func concludeExpectations(
    _ checks: [(name: String, outcomes: [ExpectationOutcome])], command: String, linesOnOutput: Bool,
    junit: String?
) throws {
    let named = checks.count > 1
    let lines =
        "Expectations\n"
        + checks.flatMap { check in
            check.outcomes.map { "  \(named ? "\(check.name): " : "")\($0.line)\n" }
        }
        .joined()
    if linesOnOutput {
        print("\n" + lines, terminator: "")
    } else {
        FileHandle.standardError.write(Data(lines.utf8))
    }
    if let junit {
        let className = command.replacingOccurrences(of: " ", with: ".")
        let suites = checks.map {
            ExpectationCheck.junit($0.outcomes, suite: "\(command): \($0.name)", className: className)
        }
        try save(JUnitReport.document(suites), to: junit)
    }
    if checks.contains(where: { $0.outcomes.contains { !$0.passed } }) {
        throw ExitStatus.problemsFound.exit
    }
}
