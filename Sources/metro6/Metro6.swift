import ArgumentParser

/// The `metro6` command: plans and checks a city's move from IPv4 to IPv6 broadband.
@main
struct Metro6: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "metro6",
        abstract: "Plan and check a city's move from IPv4 to IPv6 broadband.",
        discussion: """
            Metro6 is a toolkit for planning a city's IPv6 broadband rollout. Available now: \
            `metro6 validate` checks scenario files, `metro6 compute` runs a job trace through \
            the supercomputing centre's batch scheduler, and `metro6 bench phold` measures the \
            simulation engine.
            """,
        version: version,
        subcommands: [Bench.self, ComputeCommand.self, ValidateCommand.self, SchemaCommand.self]
    )
}
