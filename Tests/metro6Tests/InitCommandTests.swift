import Foundation
import TestSupport
import Testing

/// `metro6 init`: the starter scenario validates and runs as written, every field carries its
/// comment, the city's name survives quoting, and an existing file is never overwritten.
@Suite("metro6 init")
struct InitCommandTests {
    @Test("the starter validates and runs, named after the city, with a comment above every key")
    func starter() throws {
        let folder = try TemporaryFolder("metro6-init")
        let path = folder.path("lyon.yaml")
        let city = #"Lyon "Est" \ 3"#
        let written = try CommandLineTests().run(["init", "--city", city, "--out", path])
        #expect(written.status == 0, "\(written.error)")
        #expect(written.error.contains("wrote \(path)"))
        let validated = try CommandLineTests().run(["validate", path])
        #expect(validated.status == 0, "\(validated.error)")
        #expect(validated.output.contains("valid — \(city), 2 districts"), "\(validated.output)")
        let ran = try CommandLineTests().run(["run", path, "--months", "24", "--skip", "compute"])
        #expect(ran.status == 0, "\(ran.error)")
        #expect(ran.output.hasPrefix(city + "\n"))

        let lines = try String(contentsOfFile: path, encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false)
        // The header, then a blank line, then the scenario.
        let body = lines.drop { !$0.isEmpty }.drop { $0.isEmpty }.filter { !$0.isEmpty }
        #expect(body.count > 150)
        var previous: Substring = ""
        for line in body {
            let text = line.trimmingCharacters(in: .whitespaces)
            if !text.hasPrefix("#") {
                #expect(
                    previous.trimmingCharacters(in: .whitespaces).hasPrefix("# "), "no comment above: \(line)"
                )
            }
            previous = line
        }
        // A leaf's comment gives the range validate checks.
        #expect(
            lines.contains {
                $0.contains("# Months simulated (the horizon) — a whole number from 1 to 1200 (months)")
            })
    }

    @Test("to standard output by default; an existing file is left alone with exit 2")
    func output() throws {
        let printed = try CommandLineTests().run(["init"])
        #expect(printed.status == 0)
        #expect(printed.output.contains("name: \"My city\""))
        let folder = try TemporaryFolder("metro6-init")
        let path = folder.path("mine.yaml")
        try "name: mine\n".write(toFile: path, atomically: true, encoding: .utf8)
        let refused = try CommandLineTests().run(["init", "--out", path])
        #expect(refused.status == 2)
        #expect(refused.error.contains("\(path) exists"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "name: mine\n")
    }
}
