import ArgumentParser

/// The `metro6` command: plans and checks a city's move from IPv4 to IPv6 broadband.
@main
struct Metro6: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "metro6",
        abstract: "Plan and check a city's move from IPv4 to IPv6 broadband.",
        discussion: """
            Metro6 simulates a broadband metro network's move to IPv6 month by month and reports \
            when subscribers get working IPv6, what it costs and how much IPv4 and CGNAT are \
            still needed. Start with `metro6 run` (the bundled Shenzhen 2011 scenario); write \
            your own scenario (docs/scenarios.md) and check it with `metro6 validate`.
            """,
        version: version,
        subcommands: [
            RunCommand.self, ValidateCommand.self, SchemaCommand.self, ComputeCommand.self, Bench.self,
        ]
    )
}
