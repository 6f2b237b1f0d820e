import ArgumentParser
import ComputeModel
import Foundation
import Probe
import Runner
import Scenario
import SimCore

/// Options every `metro6 bench` workload shares.
struct BenchOptions: ParsableArguments {
    @Option(
        name: .customLong("repeat"), parsing: .unconditional,
        help: "Runs to measure; the fastest counts (CPU seconds).")
    var repeats = 3

    @Option(help: "Output format: text or json.")
    var format = OutputFormat.text

    func validate() throws { try check(repeats, in: 1...100, "--repeat") }

    /// Prints `result` as JSON, or its `lines` as text.
    func print<T: Encodable>(_ result: T, title: String, lines: [(String, String)]) throws {
        switch format {
        case .json:
            try printJSON(result)
        case .text:
            Swift.print(
                ([title]
                    + lines.map { "  \($0.0.padding(toLength: 20, withPad: " ", startingAt: 0)) \($0.1)" })
                    .joined(separator: "\n"))
        }
    }
}

/// `metro6 bench run`: the rollout model and compute centre on a scenario, one replication.
struct BenchRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Measure a scenario's run (the bundled city by default).",
        discussion: ExitStatus.discussion(
            "One replication on one thread, best of --repeat runs, in CPU seconds; with district-months per CPU-second.",
            examples: ["metro6 bench run --months 24", "metro6 bench run city.yaml --format json"]))

    @Argument(
        help: "A scenario file; the bundled Shenzhen 2011 scenario when absent.", completion: .scenarioFile)
    var file: String?

    @Option(parsing: .unconditional, help: "Simulate only the first N months.")
    var months: Int?

    @OptionGroup var options: BenchOptions

    struct Result: Codable {
        var scenario: String
        var districts: Int
        var months: Int
        var seconds: Double
        var districtMonthsPerSecond: Double
    }

    func validate() throws { try check(months, in: InputRanges.months, "--months") }

    func run() throws {
        var inputs = try reportingScenarioErrors { () throws(ScenarioErrors) in
            try DefaultScenario.inputs(orFile: file)
        }
        if let months { inputs = inputs.limited(to: months) }
        let scenario = inputs.central
        let measured = try CPUClock.best(of: options.repeats) {
            try reportingScenarioErrors { () throws(ScenarioErrors) in
                try RunResult(inputs: inputs, seed: UInt64(scenario.seed ?? 1), replications: 1, threads: 1)
            }
        }
        let seconds = measured.seconds
        let result = Result(
            scenario: scenario.name, districts: scenario.districts.count, months: scenario.months,
            seconds: seconds,
            districtMonthsPerSecond: Double(scenario.districts.count * scenario.months) / seconds)
        try options.print(
            result, title: "metro6 run on \(PrintableText.escape(scenario.name))",
            lines: [
                ("CPU seconds", String(format: "%.3f", seconds)),
                ("district-months/s", String(format: "%.0f", result.districtMonthsPerSecond)),
            ])
    }
}

/// `metro6 bench compute`: EASY beside FCFS on one generated trace, in the same run.
struct BenchComputeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compute", abstract: "Measure the batch schedulers on a generated trace.",
        discussion: ExitStatus.discussion(
            "A synthetic stream (seed 1, widths up to 64) on --cores processors, run under FCFS and EASY, best of --repeat runs each; EASY's cost over FCFS's is the ratio, measured in the same run.",
            examples: ["metro6 bench compute --jobs 100000 --cores 2048 --format json"]))

    @Option(parsing: .unconditional, help: "Jobs in the generated trace.")
    var jobs = 100_000

    @Option(parsing: .unconditional, help: "Processors of the machine.")
    var cores = 2_048

    @Option(parsing: .unconditional, help: "Offered load of the trace.")
    var load = 0.85

    @OptionGroup var options: BenchOptions

    struct Result: Codable {
        var jobs: Int
        var cores: Int
        var fcfsSeconds: Double
        var easySeconds: Double
        var easyJobsPerSecond: Double
        var easyOverFCFS: Double
    }

    func validate() throws {
        try check(jobs, in: InputRanges.syntheticJobs, "--jobs")
        try check(cores, in: 64...InputRanges.cores.upperBound, "--cores")
        try check(load, in: InputRanges.load, "--load")
    }

    func run() throws {
        let trace = SyntheticWorkload(jobs: jobs, processors: cores, load: load).generate(seed: 1)
        func measure(_ scheduler: SchedulerKind) -> Double {
            CPUClock.best(of: options.repeats) {
                BatchSimulation(processors: cores, scheduler: scheduler).run(trace)
            }
            .seconds
        }
        let fcfs = measure(.fcfs)
        let easy = measure(.easy)
        let result = Result(
            jobs: jobs, cores: cores, fcfsSeconds: fcfs, easySeconds: easy,
            easyJobsPerSecond: Double(jobs) / easy,
            easyOverFCFS: easy / fcfs)
        try options.print(
            result, title: "EASY and FCFS on \(jobs) jobs, \(cores) cores",
            lines: [
                ("FCFS CPU seconds", String(format: "%.3f", fcfs)),
                ("EASY CPU seconds", String(format: "%.3f", easy)),
                ("EASY jobs/s", String(format: "%.0f", result.easyJobsPerSecond)),
                ("EASY / FCFS", String(format: "%.2f", result.easyOverFCFS)),
            ])
    }
}

/// `metro6 bench probe`: the probe beside the libpcap floor on the same captures, same run.
struct BenchProbeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "probe", abstract: "Measure the probe beside a bare libpcap read loop.",
        discussion: ExitStatus.discussion(
            "Reads the captures with libpcap doing nothing with the packets (the floor), then runs the whole probe over them, best of --repeat runs each: the ratio is the probe's CPU time over the floor's. Without files it generates a mixed capture of --packets packets (TCP over IPv4 and IPv6, DNS, ICMPv6, DHCPv6, VLANs, PPPoE, tunnels, fragments; always the same bytes) in the temporary folder and removes it afterwards. Tools/probe/compare.sh makes larger captures and adds tcpdump and tshark.",
            examples: ["metro6 bench probe capture.pcapng", "metro6 bench probe --packets 200000 --repeat 5"])
    )

    @Argument(
        help: "Capture files (pcap or pcapng); none: a generated mixed capture.", completion: .captureFile)
    var files: [String] = []

    @Option(
        parsing: .unconditional,
        help:
            "Packets in the generated capture when no file is given (\(MixedCapture.packetRange.lowerBound)–\(MixedCapture.packetRange.upperBound))."
    )
    var packets = 200_000

    @OptionGroup var options: BenchOptions

    struct Result: Codable {
        var packets: Int
        var generated: Bool
        var floorSeconds: Double
        var probeSeconds: Double
        var probePacketsPerSecond: Double
        var probeOverFloor: Double
    }

    func validate() throws { try check(packets, in: MixedCapture.packetRange, "--packets") }

    func run() throws {
        do {
            guard files.isEmpty else { return try measure(files, generated: false) }
            let path = FileManager.default.temporaryDirectory
                .appendingPathComponent("metro6-bench-\(ProcessInfo.processInfo.processIdentifier).pcap").path
            defer { try? FileManager.default.removeItem(atPath: path) }
            try FileContents.save(bytes: Array(MixedCapture(packets: packets).pcap()), to: path)
            try measure([path], generated: true)
        } catch let error as CaptureError {
            throw CommandFailure(error.description)
        } catch let error as FileError {
            throw CommandFailure(error.description)
        }
    }

    private func measure(_ captures: [String], generated: Bool) throws {
        let floor = try CPUClock.best(of: options.repeats) { try CaptureReader.readOnly(captures) }
        let probe = try CPUClock.best(of: options.repeats) { try CaptureReader.analyse(captures).report() }
        let result = Result(
            packets: floor.result, generated: generated, floorSeconds: floor.seconds,
            probeSeconds: probe.seconds,
            probePacketsPerSecond: Double(floor.result) / probe.seconds,
            probeOverFloor: probe.seconds / floor.seconds)
        try options.print(
            result,
            title:
                "metro6 probe beside the libpcap floor, \(floor.result) packets\(generated ? " (generated)" : "")",
            lines: [
                ("floor CPU seconds", String(format: "%.4f", floor.seconds)),
                ("probe CPU seconds", String(format: "%.4f", probe.seconds)),
                ("probe packets/s", String(format: "%.0f", result.probePacketsPerSecond)),
                ("probe / floor", String(format: "%.2f", result.probeOverFloor)),
            ])
    }
}
