import ArgumentParser
import Foundation
import Report

/// Output formats of commands that print one result.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}

/// Output formats of commands that print tables, which CSV also carries.
enum TableFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
    case csv
}

/// Output formats of commands that print one report, HTML among them.
enum PageFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
    case html
}

/// Output formats of commands that print a report with tables: HTML too, a page with charts.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
    case csv
    case html
}

/// A command's output formats (`--format`): each has text, the default.
protocol OutputKind: ExpressibleByArgument, CaseIterable, RawRepresentable<String>, Equatable, Sendable {
    /// Text for a person, the default.
    static var text: Self { get }
    /// What the formats give, for the option's help.
    static var help: String { get }
}

extension OutputFormat: OutputKind {
    static let help = "text for a person, json for a program"
}

extension TableFormat: OutputKind {
    static let help = "text for a person, json for a program, csv for a spreadsheet (full precision)"
}

extension PageFormat: OutputKind {
    static let help = "text for a person, json for a program, html a self-contained page"
}

extension ReportFormat: OutputKind {
    static let help =
        "text for a person, json for a program, csv the months at full precision, html a self-contained page with charts"
}

extension OutputKind {
    /// `--format`'s help: the formats and what each gives.
    static var argumentHelp: ArgumentHelp { ArgumentHelp("Output format: \(help).", valueName: "format") }
}

/// `--out`, shared by the commands that print a result: where it goes. JSON always through
/// `JSONOutput`, the one encoding. (Not generic over the format: a generic option group costs
/// every start of the tool a runtime check of its requirements, about 2M instructions.)
struct OutputFile: ParsableArguments {
    @Option(
        help: ArgumentHelp("Write the output to this file instead of standard output.", valueName: "file"),
        completion: .file())
    var out: String?

    /// Writes `text` to `--out` (whole, replacing the file) or to standard output.
    func write(_ text: String) throws {
        guard let out else { return print(text, terminator: "") }
        try save(text, to: out)
    }

    /// Writes `value` as JSON and a line break.
    func writeJSON(_ value: some Encodable) throws {
        try write(try JSONOutput.string(value) + "\n")
    }
}

/// Prints `value` as JSON, the one encoding (`JSONOutput`).
func printJSON(_ value: some Encodable) throws {
    print(try JSONOutput.string(value))
}
