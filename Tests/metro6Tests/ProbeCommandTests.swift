import Foundation
import Testing

/// `metro6 probe` end to end: reports, exit statuses, standard input, cut files.
@Suite("metro6 probe command")
struct ProbeCommandTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("ProbeTests/Fixtures")

    static func capture(_ corpus: String, _ file: String) -> String {
        fixtures.appendingPathComponent(corpus).appendingPathComponent(file).path
    }

    func run(_ arguments: [String], input: String? = nil) throws -> CommandLineTests.Outcome {
        try CommandLineTests().run(arguments, input: input)
    }

    struct Report: Decodable {
        struct File: Decodable {
            var path: String
            var linkType: Int
            var packets: Int
            var error: String?
        }
        struct Check: Decodable {
            var id: String
            var status: String
            var evidence: [String]
        }
        struct DHCPv6: Decodable {
            var messages: [String: Int]
            var messagesByName: [String: Int]
        }
        struct DNS: Decodable { var aaaaQueries: Int }
        var files: [File]
        var packets: Int
        var ipv6Packets: Int
        var ipv4Packets: Int
        var bytesByFamily: [String: Int]
        var icmpv6Types: [String: Int]
        var icmpv6TypesByName: [String: Int]
        var routerAdvertisements: [[String: AnyCodable]]
        var tunnelledRouterAdvertisements: Int
        var dhcpv6: DHCPv6
        var dns: DNS
        var tunnels: [String: Int]
        var malformed: Int
        var checks: [Check]
        var score: Int?
    }

    /// Accepts any JSON value (the report's nested objects are checked by the library tests).
    struct AnyCodable: Decodable {
        init(from decoder: any Decoder) throws {}
    }

    func report(_ outcome: CommandLineTests.Outcome) throws -> Report {
        try JSONDecoder().decode(Report.self, from: Data(outcome.output.utf8))
    }

    @Test("JSON has the documented keys; the exit status follows the checks and --fail-on")
    func jsonAndExitStatus() throws {
        let path = Self.capture("tcpdump", "dhcpv6-ia-pd.pcap")
        let outcome = try run(["probe", path, "--format", "json"])
        let report = try report(outcome)
        #expect(report.packets == 4 && report.ipv6Packets == 4 && report.ipv4Packets == 0)
        #expect(report.dhcpv6.messages == ["1": 1, "2": 1, "3": 1, "7": 1])
        // RFC 8415's names for types 1, 2, 3 and 7.
        #expect(report.dhcpv6.messagesByName == ["solicit": 1, "advertise": 1, "request": 1, "reply": 1])
        #expect(report.files.map(\.linkType) == [1])
        #expect(report.score != nil)
        // The capture is one DHCPv6 prefix delegation between two link-local hosts (tshark: options
        // 1, 2, 6, 8, 25, 26, no DNS servers) and nothing else: no router advertisement, TCP, DNS
        // or tunnel to judge, two warnings, no failure.
        let statuses = Dictionary(uniqueKeysWithValues: report.checks.map { ($0.id, $0.status) })
        let expected = [
            "ipv6-traffic": "pass", "dhcpv6": "pass", "prefix-delegation": "pass", "path-mtu": "pass",
            "fragments": "pass", "malformed": "pass", "dns-configuration": "warn", "host-addresses": "warn",
            "ipv6-connectivity": "n/a", "router-advertisements": "n/a", "rogue-ra": "n/a",
            "address-privacy": "n/a",
            "dns-aaaa": "n/a", "transition": "n/a", "capture": "pass",
        ]
        #expect(statuses == expected)
        #expect(outcome.status == 0)
        // With --fail-on warn, a warning is enough for 1.
        let strict = try run(["probe", path, "--format", "json", "--fail-on", "warn"])
        #expect(strict.status == 1)
    }

    @Test("text: findings first, then the figures; several files read as one")
    func text() throws {
        let files = [Self.capture("zeek", "Teredo.pcap"), Self.capture("tcpdump", "dhcpv6-ia-pd.pcap")]
        let outcome = try run(["probe"] + files)
        // Warnings (the DHCPv6 hosts have link-local addresses only) but no failure; the Teredo
        // server's router advertisement serves the tunnel, not this link.
        #expect(outcome.status == 0)
        let lines = outcome.output.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(
            lines[0].hasPrefix("metro6 probe: ") && lines[0].contains("Teredo.pcap (Ethernet, 78 packets)"))
        #expect(lines[1].hasPrefix("  IPv6 readiness: ") && lines[1].contains("/100"))
        let firstFinding = try #require(lines.dropFirst(3).first)
        #expect(
            firstFinding.hasPrefix("FAIL") || firstFinding.hasPrefix("WARN") || firstFinding.hasPrefix("pass")
        )
        // Figures a line each, values lined up after the longest label (here "IPv4-only").
        #expect(outcome.output.contains("\nTraffic    82 packets"))
        #expect(outcome.output.contains("\nTunnels    teredo 29"))
        // The second file's packets are numbered #2:N.
        #expect(outcome.output.contains("#2:1"))
    }

    @Test("a router solicitation and advertisement inside Teredo configure nothing on the captured link")
    func tunnelledRouterAdvertisement() throws {
        // Teredo.pcap: a client's qualification (RS, then the server's RA with lifetime 0,
        // tshark: both inside UDP 3544) and no RA on the link itself.
        let alone = try report(try run(["probe", Self.capture("zeek", "Teredo.pcap"), "--format", "json"]))
        let statuses = Dictionary(uniqueKeysWithValues: alone.checks.map { ($0.id, $0.status) })
        #expect(statuses["router-advertisements"] == "n/a" && statuses["rogue-ra"] == "n/a")
        #expect(alone.tunnelledRouterAdvertisements == 1 && alone.routerAdvertisements.isEmpty)
        // With icmpv6.pcap's one router on its link, there is one router, not a rogue second one.
        let merged = try report(
            try run([
                "probe", Self.capture("zeek", "Teredo.pcap"), Self.capture("tcpdump", "icmpv6.pcap"),
                "--format",
                "json",
            ]))
        #expect(merged.checks.first { $0.id == "rogue-ra" }?.status == "pass")
        #expect(merged.routerAdvertisements.count == 1)
    }

    @Test("standard input, --bpf, and a file cut in the middle of a packet")
    func inputs() throws {
        let path = Self.capture("zeek", "ping6-in-ipv4.pcap")
        let piped = try report(try run(["probe", "-", "--format", "json"], input: path))
        #expect(piped.packets == 10 && piped.tunnels["6in4"] == 10)
        #expect(piped.icmpv6Types == ["128": 5, "129": 5])
        // RFC 4443's names for types 128 and 129.
        #expect(piped.icmpv6TypesByName == ["echo request": 5, "echo reply": 5])
        // The operator's 6rd domain overrules the heuristic: 10.0.0.1 with IPv4MaskLen 16 leaves
        // 0x0001, which 2001:db8:0:1::/64 holds right after 2001:db8::/48.
        let sixRD = try report(
            try run(["probe", path, "--6rd-prefix", "2001:db8::/48,16", "--format", "json"]))
        #expect(sixRD.tunnels == ["6rd": 10])
        let filtered = try report(
            try run(["probe", path, "--bpf", "ip proto 41 and src host 10.0.0.1", "--format", "json"]))
        // `tcpdump -nr ping6-in-ipv4.pcap 'ip proto 41 and src host 10.0.0.1'` prints 5 packets.
        #expect(filtered.packets == 5)

        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let cut = FileManager.default.temporaryDirectory.appendingPathComponent("metro6-cut-\(getpid()).pcap")
        try data.prefix(data.count - 7).write(to: cut)
        defer { try? FileManager.default.removeItem(at: cut) }
        let outcome = try run(["probe", cut.path, "--format", "json"])
        let report = try report(outcome)
        // Ten ICMPv6 echoes in 6in4, the last record cut: the nine read are well formed, and the
        // capture check fails with libpcap's reason, so the probe exits 1.
        #expect(outcome.status == 1)
        #expect(report.packets == 9)
        #expect(report.files[0].error?.contains("packet 10") == true)
        let malformed = try #require(report.checks.first { $0.id == "malformed" })
        #expect(malformed.status == "pass")
        let capture = try #require(report.checks.first { $0.id == "capture" })
        #expect(capture.status == "fail")
        #expect(capture.evidence.first?.contains("packet 10") == true)
        let text = try run(["probe", cut.path])
        #expect(
            text.output.contains("FAIL  Captures read to the end: 1 of 1 capture file(s) could not be read"))
        #expect(text.output.contains("reading packet 10 failed"))
    }

    @Test("bad input and usage exit with 2 and say why on standard error")
    func badInput() throws {
        let missing = try run(["probe", "/nonexistent/capture.pcap"])
        #expect(missing.status == 2)
        #expect(missing.error.contains("/nonexistent/capture.pcap: cannot open the capture"))
        #expect(missing.output.isEmpty)
        let notCapture = try run(["probe", #filePath])
        #expect(notCapture.status == 2)
        let badFilter = try run(["probe", Self.capture("tcpdump", "icmpv6.pcap"), "--bpf", "ip6 and and"])
        #expect(badFilter.status == 2)
        #expect(badFilter.error.contains("bad BPF filter 'ip6 and and'"))
        let none = try run(["probe"])
        #expect(none.status == 2)
        #expect(none.error.contains("give at least one capture file"))
        let badFormat = try run(["probe", Self.capture("tcpdump", "icmpv6.pcap"), "--format", "xml"])
        #expect(badFormat.status == 2)
        let badSixRD = try run([
            "probe", Self.capture("tcpdump", "icmpv6.pcap"), "--6rd-prefix", "2001:db8::/40",
        ])
        #expect(badSixRD.status == 2)
        #expect(badSixRD.error.contains("whose prefix length plus 32 minus the mask length is at most 64"))
    }

    @Test(
        "live and active options without what they need: exit 2 naming the option",
        arguments: [
            (["--duration", "5"], "--duration applies to live captures: give --interface too"),
            (["--active"], "--active applies to live captures: give --interface too"),
            (["--buffer-size", "8"], "--buffer-size applies to live captures"),
            (
                ["--interface", "lo", "--name", "example.org"],
                "--name applies to active checks: give --active too"
            ),
            (
                ["--interface", "lo", "--active", "--target", "example.org"],
                "--target 'example.org': expected host:port"
            ),
            (
                ["--interface", "lo", "--active", "--dns", "resolver"],
                "--dns 'resolver': expected an IPv6 or IPv4 address"
            ),
            (["--interface", "lo", "--count", "0"], "--count must be at least 1"),
            (["--interface", "lo", "--duration", "0"], "--duration must be a positive number of seconds"),
            (["--interface", "lo", "--buffer-size", "4096"], "--buffer-size must be 1 to 2047 MiB"),
        ])
    func liveUsage(arguments: [String], message: String) throws {
        let capture = arguments.contains("--interface") ? [] : [Self.capture("tcpdump", "icmpv6.pcap")]
        let outcome = try run(["probe"] + capture + arguments)
        #expect(outcome.status == 2)
        #expect(outcome.error.contains(message), "\(outcome.error)")
        #expect(outcome.output.isEmpty)
    }

    @Test("probe --help says what it reads, checks and exits with")
    func help() throws {
        let outcome = try run(["probe", "--help"])
        #expect(outcome.status == 0)
        #expect(
            outcome.output == """
                OVERVIEW: Read packet captures or a live interface and report how ready the
                network is for IPv6.

                Reads pcap or pcapng files through libpcap (- reads standard input), or
                captures live on --interface until --duration, --count or Ctrl-C
                (SIGINT/SIGTERM), decodes every packet once and checks router advertisements,
                DHCPv6, DNS, host addresses, IPv6 connectivity, path MTU, fragments, tunnels
                and malformed packets. Each check ends pass, warn, fail or n/a, with evidence
                (packet numbers, addresses); the score is 0-100 (docs/probe.md). Exit status: 0
                when no check reached the --fail-on level (waived checks aside) and the score
                met --min-score, 1 otherwise, 2 for bad input or usage (no such interface, no
                permission to capture, interface down, bad filter).

                Examples:
                  metro6 probe home.pcapng
                  metro6 probe home.pcapng --format html > readiness.html
                  tcpdump -i eth0 -w - | metro6 probe -
                  metro6 probe --interface eth0 --duration 60 --format json
                  metro6 probe -i eth0 --active --name example.org --target example.org:443
                  metro6 probe --list-interfaces

                USAGE: metro6 probe [<options>] [<capture> ...]

                ARGUMENTS:
                  <capture>               Capture files (pcap or pcapng); - reads standard
                                          input.

                OPTIONS:
                  -i, --interface <interface>
                                          Capture live on this interface instead of reading
                                          files.
                  --duration <seconds>    With --interface: stop after this many seconds.
                  --count <packets>       With --interface: stop after this many packets.
                  --buffer-size <MiB>     With --interface: the kernel buffer for packets
                                          waiting to be read, in MiB (tcpdump's -B, in MiB;
                                          default 128).
                  --user <user>           With --interface, when run as root: the user to
                                          switch to once the interface is open (default nobody).
                  --active                With --interface: also send a router solicitation, a
                                          DHCPv6 information-request, and the queries and
                                          connections below, on that interface only.
                  --name <name>           With --active: a name to query (AAAA and A) at the
                                          resolver learnt from the RA or DHCPv6, or --dns;
                                          repeatable.
                  --dns <address>         With --active: the resolver to query instead of the
                                          one learnt.
                  --target <host:port>    With --active: a service to connect to over IPv6 and
                                          IPv4, timed (host:port, [IPv6]:port); repeatable.
                  --request-prefix        With --active: also solicit a delegated prefix
                                          (IA_PD); the offer is reported, never taken.
                  --list-interfaces       List the interfaces a live capture can open, with
                                          their addresses, and exit.
                  --bpf <expression>      Keep only packets matching this BPF filter (tcpdump's
                                          syntax).
                  --6rd-prefix <prefix[,mask]>
                                          The operator's 6rd prefix, with its IPv4 mask length
                                          after a comma when not 0 (2001:db8::/32,
                                          2001:db8:aa00::/40,8): 6rd is then told from 6in4
                                          exactly.
                  --format <format>       Output format: text for a person, json for a program,
                                          html a self-contained page. (values: text, json,
                                          html; default: text)
                  --out <file>            Write the output to this file instead of standard
                                          output.
                  --fail-on <fail-on>     Exit with 1 when a check ends at this level or worse:
                                          warn or fail. (values: warn, fail; default: fail)
                  --waive <check>         A check whose finding is known and accepted (its id,
                                          as the JSON names it): reported, never failing;
                                          repeatable.
                  --min-score <min-score> Exit with 1 when the score is below this (0-100).
                  --junit <file>          Write the checks as JUnit XML to this file.
                  --version               Show the version.
                  -h, --help              Show help information.


                """)
    }
}
