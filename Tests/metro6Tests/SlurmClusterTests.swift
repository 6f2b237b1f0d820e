import Foundation
import TestSupport
import Testing

/// A sharded sweep on a real Slurm cluster: a one-node cluster on this machine
/// (Tools/cluster/slurm-one-node.sh), a 4-task job array of the small sweep, the shards merged,
/// compared with the same sweep run here. Needs root and Debian's slurm-wlm and munge, which
/// `bash Tools/setup.sh test` installs; CI runs as root.
@Suite("Sweep shards on a Slurm cluster")
struct SlurmClusterTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Why the test cannot run here, or nil.
    static var missing: String? {
        if getuid() != 0 { return "starting Slurm's daemons needs root (CI runs as root)" }
        for tool in ["/usr/sbin/slurmctld", "/usr/sbin/slurmd", "/usr/sbin/munged", "/usr/bin/sbatch"]
        where !FileManager.default.isExecutableFile(atPath: tool) {
            return "\(tool) is missing: bash Tools/setup.sh test installs slurm-wlm and munge"
        }
        return nil
    }

    /// Runs `command` with `arguments` and the cluster's configuration; its output, or a failure.
    /// Through `system`, with the output in a file: Foundation's Process lost track of a script
    /// whose daemons outlive it, and a pipe would stay open in them; `timeout` ends a command
    /// still running after two minutes.
    static func shell(_ command: String, _ arguments: [String], conf: String) throws -> String {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("metro6-slurm-\(UUID()).txt")
        defer { try? FileManager.default.removeItem(at: log) }
        let quoted = ([command] + arguments).map {
            "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'"
        }
        let line =
            "SLURM_CONF='\(conf)' timeout 120 \(quoted.joined(separator: " ")) </dev/null >'\(log.path)' 2>&1"
        let status = system(line)
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        guard status == 0 else {
            throw CommandError(
                description: "\(command) \(arguments.joined(separator: " ")) (status \(status)): \(text)")
        }
        return text
    }

    struct CommandError: Error, CustomStringConvertible {
        var description: String
    }

    @Test(
        "a 4-task Slurm job array of a sweep, merged, equals the sweep run here",
        .enabled(if: missing == nil, "\(missing ?? "")"))
    func jobArray() throws {
        let folder = try TemporaryFolder("metro6-slurm")
        let script = Self.repository.appendingPathComponent("Tools/cluster/slurm-one-node.sh").path
        let conf = folder.path("slurm.conf")
        defer { _ = try? Self.shell("/bin/bash", [script, "down", folder.url.path], conf: conf) }
        _ = try Self.shell("/bin/bash", [script, "up", folder.url.path], conf: conf)

        let sweep = SweepCommandTests.tiny.appendingPathComponent("two-districts-sweep.yaml").path
        let command =
            "'\(CommandLineTests.binary.path)' sweep '\(sweep)' --workers 1 --quiet"
            + " --out '\(folder.path("shard"))'-$SLURM_ARRAY_TASK_ID.sqlite"
        let job = try Self.shell(
            "/usr/bin/sbatch",
            [
                "--parsable", "--array=0-3", "--cpus-per-task=1", "-o", folder.path("task-%a.txt"), "--wrap",
                command,
            ],
            conf: conf
        ).trimmingCharacters(in: .whitespacesAndNewlines)
        let deadline = Date().addingTimeInterval(180)
        while !(try Self.shell("/usr/bin/squeue", ["-h", "-j", job], conf: conf)).isEmpty {
            guard Date() < deadline else {
                Issue.record("the job array did not finish in 3 minutes")
                return
            }
            Thread.sleep(forTimeInterval: 0.25)
        }
        for task in 0..<4 {
            let log =
                (try? String(contentsOfFile: folder.path("task-\(task).txt"), encoding: .utf8)) ?? "no log"
            #expect(log.contains("shard \(task + 1)/4 from SLURM_ARRAY_TASK_ID"), "\(log)")
            #expect(log.contains("ran 9 runs"), "\(log)")
        }

        let shards = (0..<4).map { folder.path("shard-\($0).sqlite") }
        let merged = try CommandLineTests().run(["merge"] + shards + ["--out", folder.path("all.sqlite")])
        #expect(merged.status == 0, "\(merged.error)")
        #expect(merged.output.contains("4 files, 36 of 36 runs"))
        let local = try CommandLineTests().run([
            "sweep", sweep, "--out", folder.path("local.sqlite"), "--quiet",
        ])
        #expect(local.status == 0, "\(local.error)")
        #expect(
            try SweepTestsDump.rows(folder.path("all.sqlite"))
                == (try SweepTestsDump.rows(folder.path("local.sqlite"))))

        _ = try Self.shell("/bin/bash", [script, "down", folder.url.path], conf: conf)
        let left = try? Self.shell("/usr/bin/pgrep", ["-a", "-x", "slurmctld|slurmd|slurmstepd"], conf: conf)
        #expect(left == nil, "daemons left running: \(left ?? "")")
    }
}
