import Foundation
import TestSupport
import Testing

/// Shell completions (`metro6 --generate-completion-script`): bash, run for real, completes each
/// kind of argument with the files or names it takes.
@Suite("Shell completions")
struct CompletionTests {
    /// What bash completes after `line` (which ends where the cursor is) in `folder`.
    static func complete(_ line: String, in folder: TemporaryFolder, script: String) throws -> [String] {
        let words = line.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        let quoted = words.map { "'\($0)'" }.joined(separator: " ")
        let program = """
            source '\(script)'
            COMP_WORDS=(\(quoted)); COMP_CWORD=\(words.count - 1); COMP_LINE='\(line)'; COMP_POINT=${#COMP_LINE}
            _metro6 metro6 '\(words.last ?? "")' '\(words.count > 1 ? words[words.count - 2] : "")'
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", program]
        process.currentDirectoryURL = folder.url
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init).sorted()
    }

    @Test("bash completes scenarios, captures, results files and interfaces with what each takes")
    func bash() throws {
        let folder = try TemporaryFolder("metro6-completion")
        for name in ["city.yaml", "plans.json", "home.pcapng", "old.pcap", "notes.txt", "sweep.sqlite"] {
            #expect(FileManager.default.createFile(atPath: folder.path(name), contents: Data()))
        }
        let outcome = try CommandLineTests().run(["--generate-completion-script", "bash"])
        #expect(outcome.status == 0)
        try outcome.output.write(toFile: folder.path("metro6.bash"), atomically: true, encoding: .utf8)
        let script = folder.path("metro6.bash")
        #expect(try Self.complete("metro6 run ", in: folder, script: script) == ["city.yaml", "plans.json"])
        #expect(try Self.complete("metro6 validate c", in: folder, script: script) == ["city.yaml"])
        #expect(
            try Self.complete("metro6 probe ", in: folder, script: script) == ["home.pcapng", "old.pcap"])
        #expect(try Self.complete("metro6 compare ", in: folder, script: script) == ["sweep.sqlite"])
        #expect(try Self.complete("metro6 probe --interface ", in: folder, script: script).contains("lo"))
        #expect(try Self.complete("metro6 pro", in: folder, script: script) == ["probe"])
    }

    @Test("zsh and fish scripts are generated", arguments: ["zsh", "fish"])
    func otherShells(shell: String) throws {
        let outcome = try CommandLineTests().run(["--generate-completion-script", shell])
        #expect(outcome.status == 0)
        #expect(outcome.output.contains("metro6") && outcome.output.contains("probe"))
    }

    @Test("the manual's source, the parser's help dump, names every subcommand with its options")
    func manualSource() throws {
        let outcome = try CommandLineTests().run(["--experimental-dump-help"])
        #expect(outcome.status == 0)
        let dump = try #require(
            try JSONSerialization.jsonObject(with: Data(outcome.output.utf8)) as? [String: Any])
        let command = try #require(dump["command"] as? [String: Any])
        let subcommands = (command["subcommands"] as? [[String: Any]] ?? []).compactMap {
            $0["commandName"] as? String
        }
        for name in ["run", "validate", "sweep", "compare", "merge", "backtest", "compute", "probe", "bench"]
        {
            #expect(subcommands.contains(name), "\(subcommands)")
        }
        let probe = try #require(
            (command["subcommands"] as? [[String: Any]])?.first { $0["commandName"] as? String == "probe" })
        let names = (probe["arguments"] as? [[String: Any]] ?? []).compactMap {
            ($0["preferredName"] as? [String: Any])?["name"] as? String
        }
        #expect(names.contains("interface") && names.contains("active"), "\(names)")
    }
}
