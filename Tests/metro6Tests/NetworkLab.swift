import Foundation
import TestSupport
import Testing

/// The lab of Tools/netlab/lab.sh for one test: host, router and server namespaces with the
/// router's daemons started, taken down (every daemon and namespace) when the test lets go of
/// it, whether it passed or not.
final class NetworkLab {
    let folder: TemporaryFolder
    let script = SlurmClusterTests.repository.appendingPathComponent("Tools/netlab/lab.sh").path

    /// Why the lab cannot run here, or nil.
    static var missing: String? {
        if getuid() != 0 { return "network namespaces and the daemons need root (CI runs as root)" }
        let tools = [
            "/usr/sbin/radvd", "/usr/sbin/dnsmasq", "/usr/sbin/dhcpd", "/usr/sbin/unbound", "/usr/sbin/tayga",
            "/usr/sbin/nft", "/usr/bin/rdisc6", "/usr/sbin/dhclient", "/usr/bin/dig", "/usr/bin/curl",
            "/usr/bin/tcpdump", "/usr/bin/ping",
        ]
        for tool in tools where !FileManager.default.isExecutableFile(atPath: tool) {
            return "\(tool) is missing: bash Tools/setup.sh test installs the lab's daemons"
        }
        return nil
    }

    /// The scenario's name in lab.sh.
    let scenario: String

    /// A lab set up for `scenario` (lab.sh lists them: dhcpv6, prefix-delegation,
    /// happy-eyeballs, rogue-ra, nat64, small-mtu).
    init(_ scenario: String) throws {
        self.scenario = scenario
        folder = try TemporaryFolder("metro6-lab")
        do {
            _ = try shell(["scenario", folder.url.path, scenario])
        } catch {
            _ = try? shell(["down", folder.url.path])
            throw error
        }
    }

    deinit { _ = try? shell(["down", folder.url.path]) }

    /// A file the lab wrote (a daemon's configuration, leases).
    func file(_ name: String) throws -> String {
        try String(contentsOfFile: folder.path(name), encoding: .utf8)
    }

    /// Runs the host's side of the scenario; the addresses curl reached ("reached ..." lines).
    @discardableResult
    func traffic() throws -> [String] {
        try shell(["traffic", folder.url.path, scenario]).split(separator: "\n").compactMap {
            $0.hasPrefix("reached ") ? String($0.dropFirst("reached ".count)) : nil
        }
    }

    /// Runs lab.sh with `arguments` through `system`, output in a file: the daemons it starts
    /// outlive it, and a pipe would stay open in them. `timeout` ends it after a minute.
    private func shell(_ arguments: [String]) throws -> String {
        let log = folder.path("shell-\(UUID()).txt")
        let quoted = (["/bin/bash", script] + arguments).map {
            "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'"
        }
        let status = system("timeout 60 \(quoted.joined(separator: " ")) </dev/null >'\(log)' 2>&1")
        let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(atPath: log)
        guard status == 0 else {
            throw SlurmClusterTests.CommandError(
                description: "lab.sh \(arguments.joined(separator: " ")) (status \(status)): \(text)")
        }
        return text
    }

    /// What one capture gave: the live probe's JSON report and exit status, and the same traffic
    /// recorded by tcpdump and probed offline.
    struct Capture {
        var live: [String: Any]
        var liveStatus: Int32
        var offline: [String: Any]
        var offlineStatus: Int32
        var pcap: String
    }

    /// Runs `metro6 probe --interface h0` with `arguments` in the host's namespace until it
    /// ends by itself: its output, standard error and exit status. `whileRunning` is called
    /// with its process id once it listens.
    func probe(_ arguments: [String], whileRunning: (Int32) throws -> Void = { _ in }) throws -> (
        output: String, error: String, status: Int32
    ) {
        let process = try start(
            [CommandLineTests.binary.path, "probe"]
                + (arguments.contains("--list-interfaces") ? [] : ["--interface", "h0"])
                + arguments, output: "probe")
        let deadline = Date().addingTimeInterval(20)
        while process.isRunning && !((try? file("probe.err"))?.contains("listening on") ?? false)
            && Date() < deadline
        {
            Thread.sleep(forTimeInterval: 0.02)
        }
        if process.isRunning { try whileRunning(process.processIdentifier) }
        try wait(for: process, seconds: 60)
        return (try file("probe.out"), try file("probe.err"), process.terminationStatus)
    }

    /// Runs `arguments` in the host's namespace (as lab.sh host does); its output.
    @discardableResult
    func host(_ arguments: [String]) throws -> String { try shell(["host", folder.url.path] + arguments) }

    /// Captures on the host's interface with `metro6 probe --interface` and tcpdump at once
    /// while `traffic` runs, stops both with SIGINT, and probes tcpdump's file.
    func capture(_ traffic: () throws -> Void) throws -> Capture {
        let pcap = folder.path("h0.pcap")
        // Immediate mode: without it the last second's packets may still sit in the kernel's block
        // when tcpdump stops.
        let tcpdump = try start(
            ["tcpdump", "-i", "h0", "--immediate-mode", "-U", "-w", pcap], output: "tcpdump")
        let probe = try start(
            [CommandLineTests.binary.path, "probe", "--interface", "h0", "--format", "json"], output: "live")
        defer {
            for process in [tcpdump, probe] where process.isRunning {
                kill(process.processIdentifier, SIGKILL)
            }
        }
        try waitFor("listening on", in: "tcpdump.err")
        try waitFor("listening on", in: "live.err")
        try traffic()
        // Answers and retransmissions still in flight arrive before both stop.
        Thread.sleep(forTimeInterval: 0.5)
        probe.interrupt()
        tcpdump.interrupt()
        for process in [probe, tcpdump] { try wait(for: process) }
        let live = try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: folder.path("live.out"))))
        let offline = try CommandLineTests().run(["probe", pcap, "--format", "json"])
        let errors = (try? file("live.err")) ?? ""
        return Capture(
            live: try #require(live as? [String: Any], "live probe printed: \(errors)"),
            liveStatus: probe.terminationStatus,
            offline: try #require(
                try JSONSerialization.jsonObject(with: Data(offline.output.utf8)) as? [String: Any]),
            offlineStatus: offline.status, pcap: pcap)
    }

    private func start(_ arguments: [String], output name: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [script, "host", folder.url.path] + arguments
        for stream in ["out", "err"] {
            guard FileManager.default.createFile(atPath: folder.path("\(name).\(stream)"), contents: nil)
            else {
                throw SlurmClusterTests.CommandError(description: "cannot create \(name).\(stream)")
            }
        }
        process.standardOutput = try FileHandle(
            forWritingTo: URL(fileURLWithPath: folder.path("\(name).out")))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: folder.path("\(name).err")))
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }

    private func waitFor(_ text: String, in name: String) throws {
        let deadline = Date().addingTimeInterval(20)
        while !((try? file(name))?.contains(text) ?? false) {
            guard Date() < deadline else {
                throw SlurmClusterTests.CommandError(
                    description: "no '\(text)' in \(name): \((try? file(name)) ?? "")")
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    private func wait(for process: Process, seconds: Double = 20) throws {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning {
            guard Date() < deadline else {
                throw SlurmClusterTests.CommandError(
                    description: "\(process.arguments ?? []) did not stop at SIGINT")
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }
}
