import ArgumentParser

/// The `metro6` command: plans and checks a city's move from IPv4 to IPv6 broadband.
@main
struct Metro6: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "metro6",
        abstract: "Plan and check a city's move from IPv4 to IPv6 broadband.",
        discussion: """
            Metro6 simulates IPv6 rollout plans for a broadband metro network and measures its \
            own simulation engine. Start with `metro6 bench phold` to see the engine's speed on \
            the standard PHOLD benchmark.
            """,
        version: version,
        subcommands: [Bench.self]
    )
}
