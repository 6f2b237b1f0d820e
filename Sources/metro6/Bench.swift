import ArgumentParser
import Foundation
import SimCore

/// `metro6 bench`: the engine's, the model's, the schedulers' and the probe's benchmarks.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure the engine (phold), a scenario's run, the schedulers and the probe.",
        discussion: ExitStatus.discussion(
            "phold reports the engine's events per second; run, compute and probe report CPU seconds (user + system), best of --repeat runs. docs/benchmarks.md says how they compare with other tools.",
            examples: [
                "metro6 bench phold --lps 1024 --events 2000000", "metro6 bench probe --packets 200000",
            ]),
        subcommands: [
            PHOLDCommand.self, BenchRunCommand.self, BenchComputeCommand.self, BenchProbeCommand.self,
        ]
    )
}

extension CalendarKind: ExpressibleByArgument {}

/// `metro6 bench phold`: the standard discrete-event benchmark, comparable with ns-3 and others.
struct PHOLDCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "phold",
        abstract: "Run the PHOLD benchmark on the simulation engine.",
        discussion: ExitStatus.discussion(
            """
            N logical processes each start with E events at Exp(1) times. Each processed event \
            schedules one new event after L + Exp(1), at a random process with probability R, \
            else at its own. The run stops after K events and reports events per second (set-up \
            excluded) and a checksum of the per-process counts: the same seed gives the same \
            checksum.
            """,
            examples: [
                "metro6 bench phold --lps 65536 --events 20000000 --format json",
                "metro6 bench phold --lps 1024 --remote 0.9 --calendar heap",
            ])
    )

    @Option(name: .customLong("lps"), parsing: .unconditional, help: "Number of logical processes (N).")
    var logicalProcesses = 1024

    @Option(parsing: .unconditional, help: "Pending events per process at the start (E).")
    var population = 16

    @Option(parsing: .unconditional, help: "Probability that an event goes to a random process (R).")
    var remote = 0.9

    @Option(parsing: .unconditional, help: "Minimum delay between an event and the one it schedules (L).")
    var lookahead = 0.1

    @Option(parsing: .unconditional, help: "Events to process (K).")
    var events = 2_000_000

    @Option(help: "Seed of the random stream.")
    var seed: UInt64 = 1

    @Option(help: "Event calendar: \(CalendarKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var calendar = CalendarKind.ladder

    @Option(help: "Output format: text or json.")
    var format = OutputFormat.text

    var configurationValue: PHOLDConfiguration {
        PHOLDConfiguration(
            logicalProcesses: logicalProcesses, population: population, remoteProbability: remote,
            lookahead: lookahead, events: events, seed: seed)
    }

    func validate() throws {
        if let problem = configurationValue.problems.first { throw ValidationError(problem) }
    }

    func run() throws {
        let result = calendar.runPHOLD(configurationValue)
        switch format {
        case .json:
            try printJSON(result)
        case .text:
            print(
                """
                PHOLD on the \(calendar.rawValue) calendar
                  processes \(logicalProcesses), population \(population), remote \(remote), \
                lookahead \(lookahead), seed \(seed)
                  events        \(result.events)
                  seconds       \(String(format: "%.3f", result.seconds))
                  events/s      \(String(format: "%.0f", result.eventsPerSecond))
                  final time    \(String(format: "%.6f", result.finalTime))
                  pending       \(result.pendingEvents)
                  calendar      \(result.calendarBytes / 1024) KiB, \
                \(String(format: "%.1f", result.calendarBytesPerPendingEvent)) bytes per pending event
                  checksum      \(result.checksumHex)
                """)
        }
    }
}
