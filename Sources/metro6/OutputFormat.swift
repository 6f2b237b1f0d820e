import ArgumentParser

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
