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

/// Prints `value` as the probe's JSON documents are printed: indented, keys sorted, slashes bare.
func printJSON(_ value: some Encodable) throws {
    print(try JSONOutput.string(value))
}
