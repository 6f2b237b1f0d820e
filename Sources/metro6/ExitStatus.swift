import ArgumentParser
import Foundation
import Scenario
import SimCore

/// The exit statuses of every subcommand, listed in each `--help` and in the README.
enum ExitStatus: Int32, CaseIterable {
    /// It ran and found nothing wrong.
    case success = 0
    /// It ran and found problems: a failed check, a backtest out of tolerance, a broken SLA.
    case problemsFound = 1
    /// The input or the command line was wrong or unreadable.
    case badInput = 2

    /// The statuses as `--help` lists them.
    static let help = """
        Exit status: 0 ran and found nothing wrong; 1 ran and found problems (a failed check, a \
        backtest out of tolerance, a broken SLA); 2 the input or the command line was wrong or \
        unreadable.
        """

    /// `discussion`, then `examples` (command lines, run in order by the tests as one block),
    /// then the exit statuses, for a subcommand's configuration.
    static func discussion(_ text: String, examples: [String] = []) -> String {
        [text, Self.examples(examples), help].filter { !$0.isEmpty }.joined(separator: "\n\n")
    }

    /// The "Examples:" section of a `--help` (empty for none): one command line each.
    static func examples(_ lines: [String]) -> String {
        lines.isEmpty ? "" : "Examples:\n" + lines.map { "  " + $0 }.joined(separator: "\n")
    }

    /// Stops the command with this status, having printed its reason on standard error.
    var exit: ExitCode { ExitCode(rawValue) }
}

/// A command that cannot go on for a reason the user can act on (an unreadable or unwritable
/// file, a bad input): printed as one line, exit status 2.
struct CommandFailure: Error, CustomStringConvertible {
    /// The sentence printed after "error: ".
    var description: String

    /// A failure saying `message`.
    init(_ message: String) {
        self.description = message
    }

    /// Prints the failure on standard error and returns the status to exit with.
    func report() -> ExitCode {
        FileHandle.standardError.write(Data("error: \(description)\n".utf8))
        return ExitStatus.badInput.exit
    }
}

/// Checks an option's value against the range the model runs with (declared once, in
/// `InputRanges` or the model), with a message naming the option.
func check<T: Comparable>(_ value: T?, in range: ClosedRange<T>, _ option: String) throws {
    guard let value, !range.contains(value) else { return }
    throw ValidationError("\(option) must be from \(range.lowerBound) to \(range.upperBound), found \(value)")
}

/// `body`'s result; its scenario errors (every problem, with file, line and column) go to
/// standard error and the command stops with status 2.
func reportingScenarioErrors<T>(_ body: () throws(ScenarioErrors) -> T) throws -> T {
    do {
        return try body()
    } catch {
        FileHandle.standardError.write(Data((error.description + "\n").utf8))
        throw ExitStatus.badInput.exit
    }
}

/// A report's JSON; should the encoder refuse a number (the input contract keeps them finite, so
/// this is a bug), one line that says so instead of the runtime's error.
func renderedJSON(_ render: () throws -> String) throws -> String {
    do {
        return try render()
    } catch {
        throw CommandFailure(
            "the report holds a number JSON cannot carry (NaN or infinity); please report this with the input"
        )
    }
}

/// Writes `text` to `path` whole, or stops the command with the file and the system's reason.
func save(_ text: String, to path: String) throws {
    do {
        try FileContents.save(text, to: path)
    } catch {
        throw CommandFailure(error.description)
    }
}
