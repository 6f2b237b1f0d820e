import ArgumentParser
import Foundation
import Packets
import Probe
import Report

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
        abstract: "Read packet captures or a live interface and report how ready the network is for IPv6.",
        discussion: """
            Reads pcap or pcapng files through libpcap (- reads standard input), or captures live \
            on --interface until --duration, --count or Ctrl-C (SIGINT/SIGTERM), decodes every \
            packet once and checks router advertisements, DHCPv6, DNS, host addresses, IPv6 \
            connectivity, path MTU, fragments, tunnels and malformed packets. Each check ends \
            pass, warn, fail or n/a, with evidence (packet numbers, addresses); the score is \
            0-100 (docs/probe.md). Exit status: 0 when no check reached the --fail-on level \
            (waived checks aside) and the score met --min-score, 1 otherwise, 2 for bad input or \
            usage (no such interface, no permission to capture, interface down, bad filter).
            """ + "\n\n"
                + ExitStatus.examples([
                    "metro6 probe home.pcapng",
                    "metro6 probe home.pcapng --format html > readiness.html",
                    "tcpdump -i eth0 -w - | metro6 probe -",
                    "metro6 probe --interface eth0 --duration 60 --format json",
                    "metro6 probe -i eth0 --active --name example.org --target example.org:443",
                    "metro6 probe --list-interfaces",
                ])
    )

    @Argument(
        help: ArgumentHelp("Capture files (pcap or pcapng); - reads standard input.", valueName: "capture"),
        completion: .captureFile)
    var files: [String] = []

    @Option(
        name: [.short, .long],
        help: ArgumentHelp(
            "Capture live on this interface instead of reading files.", valueName: "interface"),
        completion: .networkInterface
    )
    var interface: String?

    @Option(help: ArgumentHelp("With --interface: stop after this many seconds.", valueName: "seconds"))
    var duration: Double?

    @Option(help: ArgumentHelp("With --interface: stop after this many packets.", valueName: "packets"))
    var count: Int?

    @Option(
        help: ArgumentHelp(
            "With --interface: the kernel buffer for packets waiting to be read, in MiB (tcpdump's -B, in MiB; default \(LiveCaptureOptions().bufferBytes >> 20)).",
            valueName: "MiB"))
    var bufferSize: Int?

    @Option(
        help: ArgumentHelp(
            "With --interface, when run as root: the user to switch to once the interface is open (default \(PrivilegeDrop.defaultUser)).",
            valueName: "user"))
    var user: String?

    @Flag(
        help:
            "With --interface: also send a router solicitation, a DHCPv6 information-request, and the queries and connections below, on that interface only."
    )
    var active = false

    @Option(
        help: ArgumentHelp(
            "With --active: a name to query (AAAA and A) at the resolver learnt from the RA or DHCPv6, or --dns; repeatable.",
            valueName: "name"))
    var name: [String] = []

    @Option(
        help: ArgumentHelp(
            "With --active: the resolver to query instead of the one learnt.", valueName: "address"))
    var dns: String?

    @Option(
        help: ArgumentHelp(
            "With --active: a service to connect to over IPv6 and IPv4, timed (host:port, [IPv6]:port); repeatable.",
            valueName: "host:port"))
    var target: [String] = []

    @Flag(help: "With --active: also solicit a delegated prefix (IA_PD); the offer is reported, never taken.")
    var requestPrefix = false

    @Flag(help: "List the interfaces a live capture can open, with their addresses, and exit.")
    var listInterfaces = false

    @Option(
        help: ArgumentHelp(
            "Keep only packets matching this BPF filter (tcpdump's syntax).", valueName: "expression"))
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

    @Option(help: PageFormat.argumentHelp)
    var format = PageFormat.text

    @OptionGroup var output: OutputFile

    @Option(help: "Exit with 1 when a check ends at this level or worse: warn or fail.")
    var failOn = FailLevel.fail

    @Option(
        help: ArgumentHelp(
            "A check whose finding is known and accepted (its id, as the JSON names it): reported, never failing; repeatable.",
            valueName: "check"))
    var waive: [String] = []

    @Option(parsing: .unconditional, help: "Exit with 1 when the score is below this (0-100).")
    var minScore: Int?

    @Option(
        help: ArgumentHelp("Write the checks as JUnit XML to this file.", valueName: "file"),
        completion: .anyFile)
    var junit: String?

    func validate() throws {
        try check(minScore, in: 0...100, "--min-score")
        if listInterfaces {
            if format == .html { throw ValidationError("--list-interfaces prints text or json") }
            return
        }
        let liveOnly = [
            (duration != nil, "--duration"), (count != nil, "--count"), (user != nil, "--user"),
            (bufferSize != nil, "--buffer-size"), (active, "--active"),
        ]
        let activeOnly = [
            (!name.isEmpty, "--name"), (dns != nil, "--dns"), (!target.isEmpty, "--target"),
            (requestPrefix, "--request-prefix"),
        ]
        if interface == nil {
            if files.isEmpty {
                throw ValidationError(
                    "give at least one capture file (or - for standard input), or --interface to capture live"
                )
            }
            for (value, option) in liveOnly where value {
                throw ValidationError("\(option) applies to live captures: give --interface too")
            }
        } else if !files.isEmpty {
            throw ValidationError("give capture files or --interface, not both")
        }
        for (value, option) in activeOnly where value && !active {
            throw ValidationError("\(option) applies to active checks: give --active too")
        }
        if let duration, !(duration > 0 && duration.isFinite) {
            throw ValidationError("--duration must be a positive number of seconds")
        }
        if let count, count < 1 { throw ValidationError("--count must be at least 1") }
        if let bufferSize, !(1...2047).contains(bufferSize) {
            throw ValidationError("--buffer-size must be 1 to 2047 MiB")
        }
        _ = try activeOptions()
        if user != nil && !PrivilegeDrop.isRoot {
            throw ValidationError("--user switches users after opening the capture, which only root can do")
        }
    }

    func run() throws {
        if listInterfaces { return try printInterfaces() }
        let report: ReadinessReport
        CaptureInterruption.install()
        do {
            let analysis =
                if let interface {
                    try CaptureReader.analyseLive(
                        interface: interface, options: liveOptions,
                        filter: bpf, sixRD: sixRDPrefix,
                        user: user ?? (PrivilegeDrop.isRoot ? PrivilegeDrop.defaultUser : nil),
                        active: try activeProbe(on: interface)
                    ) { linkType in
                        // As tcpdump says it: scripts wait for this line before making traffic.
                        let until = [duration.map { "\($0) s" }, count.map { "\($0) packets" }].compactMap {
                            $0
                        }
                        FileHandle.standardError.write(
                            Data(
                                ("metro6 probe: listening on \(interface) (\(ReadinessReport.linkTypeName(linkType.rawValue))) "
                                    + "until \((until + ["SIGINT"]).joined(separator: ", "))\n").utf8))
                    }
                } else {
                    try CaptureReader.analyse(files, filter: bpf, sixRD: sixRDPrefix)
                }
            report = analysis.report()
        } catch {
            throw CommandFailure(error.description)
        }
        switch format {
        case .json:
            try output.writeJSON(report)
        case .text:
            try output.write(report.text + "\n")
        case .html:
            try output.write(HTMLRenderer.render(report.document))
        }
        let gate = ReadinessGate(failOn: failOn.status, waived: Set(waive), minimumScore: minScore)
        let unknown = gate.unknownWaivers(in: report)
        if !unknown.isEmpty {
            throw CommandFailure(
                "--waive names no check: \(unknown.joined(separator: ", ")) (checks: "
                    + report.checks.map(\.id.rawValue).joined(separator: ", ") + ")")
        }
        if let junit {
            try save(
                gate.junit(
                    report, suite: "metro6 probe: " + (interface.map { [$0] } ?? files).joined(separator: " ")
                ).xml,
                to: junit)
        }
        if !gate.passes(report) { throw ExitStatus.problemsFound.exit }
    }

    /// The active checks, their sockets open (before the capture gives up root); nil without
    /// --active.
    private func activeProbe(on interface: String) throws(CaptureError) -> ActiveProbe? {
        guard let options = try? activeOptions() else { return nil }
        do {
            return try ActiveProbe(interface: interface, options: options)
        } catch {
            throw .cannotOpen(path: interface, reason: error.description)
        }
    }

    /// The active checks' options from the command line; nil without --active.
    private func activeOptions() throws -> ActiveOptions? {
        guard active else { return nil }
        var options = ActiveOptions()
        options.names = name
        options.requestPrefix = requestPrefix
        do {
            options.targets = try target.map { text throws(ActiveError) in try ActiveTarget(text) }
        } catch {
            throw ValidationError(error.description)
        }
        if let dns {
            guard let address = IPv6Address(dns).map(IPAddress.v6) ?? IPv4Address(dns).map(IPAddress.v4)
            else {
                throw ValidationError("--dns '\(dns)': expected an IPv6 or IPv4 address")
            }
            options.dnsServer = address
        }
        return options
    }

    /// The live capture's options from the command line.
    private var liveOptions: LiveCaptureOptions {
        var options = LiveCaptureOptions(duration: duration, count: count)
        if let bufferSize { options.bufferBytes = bufferSize << 20 }
        return options
    }

    /// `--list-interfaces`: one line per interface (name, state, addresses), or JSON.
    private func printInterfaces() throws {
        let interfaces: [CaptureInterface]
        do {
            interfaces = try CaptureInterface.all()
        } catch {
            throw CommandFailure(error.description)
        }
        switch format {
        case .json:
            try output.writeJSON(interfaces)
        case .text, .html:  // validate() refuses html
            let rows = interfaces.map { interface in
                [
                    interface.name,
                    (interface.isUp ? "up" : "down") + (interface.isRunning ? ",running" : "")
                        + (interface.isLoopback ? ",loopback" : ""),
                    interface.addresses.joined(separator: " "),
                ]
            }
            try output.write(
                TextTable.render(
                    header: ["interface", "state", "addresses"], rows: rows, leftAligned: [0, 1, 2]))
        }
    }
}
