import ArgumentParser
import Foundation
import Packets
import Probe

/// The level of finding that makes `metro6 probe` exit with 1.
enum FailLevel: String, ExpressibleByArgument, CaseIterable {
    case warn
    case fail

    var status: Check.Status { self == .warn ? .warn : .fail }
}

/// `metro6 probe`: how ready the network in a capture is for IPv6.
struct ProbeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "probe",
        abstract: "Read packet captures and report how ready the network is for IPv6.",
        discussion: """
            Reads pcap or pcapng files through libpcap (- reads standard input), decodes every \
            packet once and checks router advertisements, DHCPv6, DNS, host addresses, IPv6 \
            connectivity, path MTU, fragments, tunnels and malformed packets. Each check ends \
            pass, warn, fail or n/a, with evidence (packet numbers, addresses); the score is \
            0-100 (docs/probe.md). Exit status: 0 when no check reached the --fail-on level \
            (waived checks aside) and the score met --min-score, 1 otherwise, 2 for bad input or \
            usage.
            """
    )

    @Argument(help: "Capture files (pcap or pcapng); - reads standard input.")
    var files: [String] = []

    @Option(help: "Keep only packets matching this BPF filter (tcpdump's syntax).")
    var bpf: String?

    @Option(
        name: .customLong("6rd-prefix"),
        help: ArgumentHelp(
            "The operator's 6rd prefix, with its IPv4 mask length after a comma when not 0 (2001:db8::/32, 2001:db8:aa00::/40,8): 6rd is then told from 6in4 exactly.",
            valueName: "prefix[,mask]"),
        transform: { text in
            guard let domain = SixRDDomain(text) else {
                throw ValidationError(
                    "expected an IPv6 prefix and an optional IPv4 mask length (0-32), "
                        + "such as 2001:db8::/32 or 2001:db8:aa00::/40,8, whose prefix length plus 32 minus the "
                        + "mask length is at most 64")
            }
            return domain
        })
    var sixRDPrefix: SixRDDomain?

    @Option(help: "Output format: text or json.")
    var format = OutputFormat.text

    @Option(help: "Exit with 1 when a check ends at this level or worse: warn or fail.")
    var failOn = FailLevel.fail

    @Option(
        help: ArgumentHelp(
            "A check whose finding is known and accepted (its id, as the JSON names it): reported, never failing; repeatable.",
            valueName: "check"))
    var waive: [String] = []

    @Option(parsing: .unconditional, help: "Exit with 1 when the score is below this (0-100).")
    var minScore: Int?

    @Option(help: ArgumentHelp("Write the checks as JUnit XML to this file.", valueName: "file"))
    var junit: String?

    func validate() throws {
        try check(minScore, in: 0...100, "--min-score")
        if files.isEmpty { throw ValidationError("give at least one capture file (or - for standard input)") }
    }

    func run() throws {
        let report: ReadinessReport
        CaptureInterruption.install()
        do {
            report = try CaptureReader.analyse(files, filter: bpf, sixRD: sixRDPrefix).report()
        } catch {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitCode(2)
        }
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        case .text:
            print(report.text)
        }
        let gate = ReadinessGate(failOn: failOn.status, waived: Set(waive), minimumScore: minScore)
        let unknown = gate.unknownWaivers(in: report)
        if !unknown.isEmpty {
            throw CommandFailure(
                "--waive names no check: \(unknown.joined(separator: ", ")) (checks: "
                    + report.checks.map(\.id).joined(separator: ", ") + ")")
        }
        if let junit {
            try save(
                gate.junit(report, suite: "metro6 probe: " + files.joined(separator: " ")).xml, to: junit)
        }
        if !gate.passes(report) { throw ExitStatus.problemsFound.exit }
    }
}
