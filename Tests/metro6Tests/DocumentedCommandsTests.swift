import Foundation
import Testing

/// Every command example in README.md and docs/ (the `sh` code blocks) runs against the built
/// tool, so a renamed option breaks the build instead of the reader (issue 18).
///
/// Placeholders in the examples stand for files of the repository (`city.yaml` for the tiny
/// scenario, `capture.pcapng` for a test capture); `> FILE` goes to a temporary folder; a pipe
/// from `tcpdump` is a test capture on standard input. The test scales down work, never options:
/// replications above 2, PHOLD runs above 20,000 events, runs and reports of the ten-year bundled
/// cities (given `--months 24`) and calibrations (given 2 replications and 4 runs) would take minutes
/// in a debug build. The examples of one block run in
/// order, so a `compare` reads the results its block's `sweep` wrote; results files (`*.sqlite`)
/// go to a temporary folder of the block, removed afterwards (a fixed path would exist on the
/// next run, and the `rm -f` before it is not a metro6 command); so does every file `--out`
/// names, and the block's later commands find it there.
@Suite("Documented commands")
struct DocumentedCommandsTests {
    /// One example: where it is written and its words.
    struct Example: CustomStringConvertible, Sendable {
        var file: String
        var line: Int
        /// The `sh` block it is in, counted in its file from 0.
        var block: Int
        var words: [String]
        var stdin: String?
        var stdout: String?

        var description: String { "\(file):\(line): \(words.joined(separator: " "))" }
    }

    static let placeholders: [String: String] = [
        "city.yaml": "Scenarios/tiny/two-districts.yaml", "my-city.yaml": "Scenarios/tiny/two-districts.yaml",
        "capture.pcapng": "Tests/ProbeTests/Fixtures/tcpdump/icmpv6-length-zero.pcapng",
        "a.pcap": "Tests/ProbeTests/Fixtures/tcpdump/icmpv6.pcap",
        "b.pcap": "Tests/ProbeTests/Fixtures/tcpdump/dhcpv6-ia-pd.pcap",
        "monday.pcap": "Tests/ProbeTests/Fixtures/tcpdump/icmpv6.pcap",
        "tuesday.pcap": "Tests/ProbeTests/Fixtures/tcpdump/dhcpv6-ia-pd.pcap",
        "access-link.pcap": "Tests/ProbeTests/Fixtures/tcpdump/dhcpv6-ia-pd.pcap",
        "home.pcapng": "Tests/ProbeTests/Fixtures/tcpdump/icmpv6-length-zero.pcapng",
        "plans-sweep.yaml": "Scenarios/tiny/two-districts-sweep.yaml",
        "cluster.swf": "Tests/ComputeModelTests/Fixtures/random-3000.swf",
        "china.yaml": "Scenarios/backtest/china-fixed-2011.yaml",
        "china-ipv6.yaml": "Scenarios/actuals/china-ipv6.yaml",
    ]

    /// The words of a shell line: quotes grouped, a comment dropped.
    static func words(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quote: Character?
        var inWord = false
        for character in line {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
                inWord = true
            } else if character == "#" && !inWord {
                break
            } else if character.isWhitespace {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }

    /// The metro6 commands of the `sh` blocks of `file` (set-up and package commands left out).
    static func examples(in file: String) -> [Example] {
        guard
            let text = try? String(
                contentsOf: InputContractTests.repository.appendingPathComponent(file), encoding: .utf8)
        else { return [] }
        return examples(inText: text, file: file)
    }

    /// The metro6 commands of the `sh` blocks of the Markdown `text`, said to be in `file`.
    static func examples(inText text: String, file: String) -> [Example] {
        var examples: [Example] = []
        var inBlock = false
        var block = -1
        var pending = ""
        var start = 0
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("```") {
                inBlock = line == "```sh" && !inBlock
                if inBlock { block += 1 }
                continue
            }
            guard inBlock else { continue }
            if pending.isEmpty { start = index + 1 }
            if line.hasSuffix("\\") {
                pending += line.dropLast() + " "
                continue
            }
            var words = Self.words(pending + line)
            pending = ""
            var stdin: String?
            if let pipe = words.firstIndex(of: "|") {
                stdin = placeholders["a.pcap"]
                words.removeSubrange(...pipe)
            }
            guard let first = words.first, first == "metro6" || first.hasSuffix("/metro6") else { continue }
            var stdout: String?
            if let redirect = words.firstIndex(of: ">"), redirect + 1 < words.count {
                stdout = words[redirect + 1]
                words.removeSubrange(redirect...)
            }
            examples.append(
                Example(
                    file: file, line: start, block: block, words: Array(words.dropFirst()), stdin: stdin,
                    stdout: stdout))
        }
        return examples
    }

    static let all: [Example] = {
        let docs =
            (try? FileManager.default.contentsOfDirectory(
                atPath: InputContractTests.repository.appendingPathComponent("docs").path)) ?? []
        return (["README.md"] + docs.filter { $0.hasSuffix(".md") }.sorted().map { "docs/\($0)" }).flatMap(
            examples)
    }()

    /// The examples of one `sh` block, in order.
    struct Block: CustomStringConvertible, Sendable {
        var examples: [Example]

        var description: String { examples.map(\.description).joined(separator: "; ") }
    }

    static let blocks: [Block] = Dictionary(grouping: all) { "\($0.file) \($0.block)" }.values
        .map { Block(examples: $0.sorted { $0.line < $1.line }) }
        .sorted { ($0.examples[0].file, $0.examples[0].line) < ($1.examples[0].file, $1.examples[0].line) }

    /// `words` with placeholders resolved and work scaled down.
    static func runnable(_ words: [String]) -> [String] {
        let root = InputContractTests.repository
        var result = words.map { word in
            // A live capture listens on the loopback interface, which every machine has.
            word == "eth0" ? "lo" : placeholders[word].map { root.appendingPathComponent($0).path } ?? word
        }
        for (option, most) in [
            ("--replications", 2), ("--events", 20_000), ("--lps", 1_024), ("--duration", 1),
        ] {
            if let index = result.firstIndex(of: option), index + 1 < result.count,
                let value = Int(result[index + 1]), value > most
            {
                result[index + 1] = "\(most)"
            }
        }
        let bundled =
            (result.first == "run" || result.first == "report")
            && !result.contains {
                ($0.hasSuffix(".yaml") && $0.contains("/tiny/")) || $0.hasSuffix(".sqlite")
            }
        if bundled { result += ["--months", "24"] }
        // A fit is searched with few, small runs: the options are the ones shown, the work less.
        if result.first == "calibrate" {
            if !result.contains("--replications") { result += ["--replications", "2"] }
            if !result.contains("--maximum-runs") { result += ["--maximum-runs", "4"] }
        }
        return result.map { $0.hasPrefix("Scenarios/") ? root.appendingPathComponent($0).path : $0 }
    }

    @Test("the README and docs hold command examples to run")
    func found() {
        #expect(Self.all.count >= 10)
        #expect(Self.all.contains { $0.file == "README.md" })
    }

    @Test("every documented command runs: no usage error, no bad input, no crash", arguments: blocks)
    func runs(block: Block) throws {
        let results = FileManager.default.temporaryDirectory.appendingPathComponent("metro6-docs-\(UUID())")
        try FileManager.default.createDirectory(at: results, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: results) }
        for example in block.examples { try run(example, results: results) }
    }

    /// Runs `example`, its results files (`*.sqlite`) in the folder `results`.
    func run(_ example: Example, results: URL) throws {
        let output = example.words.firstIndex(of: "--out").map { $0 + 1 }
        var arguments = Self.runnable(example.words).enumerated().map { index, word in
            // Results files, what --out writes, and those files used again later in the block live
            // in the block's folder.
            let local = results.appendingPathComponent(URL(fileURLWithPath: word).lastPathComponent).path
            guard
                word.hasSuffix(".sqlite") || index == output
                    || (!word.contains("/") && FileManager.default.fileExists(atPath: local))
            else { return word }
            return local
        }
        if let stdin = example.stdin {
            // The shell's `… | metro6 probe -`: a test capture on standard input.
            arguments = arguments.map {
                $0 == "-" ? InputContractTests.repository.appendingPathComponent(stdin).path : $0
            }
        }
        // Files an example writes (--junit) go to a temporary folder, removed afterwards.
        var written: [String] = []
        if let index = arguments.firstIndex(of: "--junit"), index + 1 < arguments.count {
            arguments[index + 1] =
                FileManager.default.temporaryDirectory
                .appendingPathComponent("metro6-\(UUID())-\(arguments[index + 1])").path
            written.append(arguments[index + 1])
        }
        defer { for path in written { try? FileManager.default.removeItem(atPath: path) } }
        // Capturing live needs root (or CAP_NET_RAW); CI runs as root.
        if (arguments.contains("--interface") || arguments.contains("-i")) && getuid() != 0 { return }
        let outcome = try BoundedRun(seconds: 300).run(arguments)
        #expect(!outcome.timedOut, "\(example)")
        // 0: it ran clean; 1: it ran and found problems (an example may show a failing gate).
        #expect(
            [0, 1].contains(outcome.status),
            "\(example) exited \(outcome.status): \(outcome.error.prefix(400))")
        if example.stdout?.hasSuffix(".json") == true {
            #expect((try? JSONSerialization.jsonObject(with: Data(outcome.output.utf8))) != nil, "\(example)")
        }
        if example.stdout?.hasSuffix(".html") == true {
            #expect(
                outcome.output.hasPrefix("<!DOCTYPE html>") && outcome.output.hasSuffix("</html>\n"),
                "\(example)")
        }
        if example.stdout?.hasSuffix(".csv") == true {
            #expect(outcome.output.split(separator: "\n").count > 2, "\(example)")
        }
    }
}
