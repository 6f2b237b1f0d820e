import ComputeModel
import Foundation
import Testing

@Suite("SWF traces")
struct SWFTraceTests {
    @Test("the corpus trace parses whole, and agrees with a plain field split")
    func corpus() throws {
        let url = try #require(
            Bundle.module.url(
                forResource: "easy_mediumWL_smallPF", withExtension: "swf", subdirectory: "Fixtures"))
        let trace = try SWFTrace(contentsOf: url.path, strict: true)
        #expect(trace.jobs.count == 800)
        #expect(trace.problems.isEmpty)
        // An independent reading: split each line and take fields 2, 4, 5/8 and 9/4 directly. The
        // file has CRLF line ends, which Swift reads as one newline character.
        let text = try String(contentsOf: url, encoding: .utf8)
        var submitSum = 0.0
        var areaSum = 0.0
        var requestedSum = 0.0
        var lines = 0
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix(";") {
            let f = line.split(separator: " ").map { Double($0)! }
            let processors = f[4] > 0 ? f[4] : f[7]
            submitSum += f[1]
            areaSum += processors * f[3]
            requestedSum += f[8] >= 0 ? f[8] : f[3]
            lines += 1
        }
        #expect(lines == 800)
        #expect(abs(trace.jobs.map(\.submitTime).reduce(0, +) - submitSum) < 1e-6)
        #expect(abs(trace.jobs.map { Double($0.processors) * $0.runTime }.reduce(0, +) - areaSum) < 1e-6)
        #expect(abs(trace.jobs.map(\.requestedTime).reduce(0, +) - requestedSum) < 1e-6)
        #expect(trace.jobs.map(\.processors).max() == 16)
    }

    @Test("bad lines are named by file and line; the default skips them, --strict stops at the first")
    func badLines() throws {
        let text = """
            ; MaxProcs: 64
            1 0 -1 10 4 -1 -1 4 20 -1 1 1 -1 -1 -1 -1 -1 -1
            2 5 -1 10 4 -1 -1 4 20
            3 x -1 10 4 -1 -1 4 20 -1 1 1 -1 -1 -1 -1 -1 -1
            4 -3 -1 10 4 -1 -1 4 20 -1 1 1 -1 -1 -1 -1 -1 -1
            5 9 -1 -1 4 -1 -1 4 20 -1 1 1 -1 -1 -1 -1 -1 -1
            6 9 -1 10 -1 -1 -1 -1 20 -1 1 1 -1 -1 -1 -1 -1 -1
            7 9 -1 10 2 -1 -1 2 -1 -1 1 1 -1 -1 -1 -1 -1 -1
            """
        let trace = try SWFTrace(text: text, file: "bad.swf")
        #expect(trace.jobs.map(\.id) == [1, 7])
        #expect(trace.jobs[1].requestedTime == 10)
        #expect(trace.maximumProcessors == 64)
        #expect(
            trace.problems.map(\.description) == [
                "bad.swf:3: expected 18 fields, found 9",
                "bad.swf:4: field 2 is not a number: 'x'",
                "bad.swf:5: field 2 (submit time) must be from 0 to 3155760000, found -3",
                "bad.swf:6: the run time is unknown (-1), so the job cannot be simulated",
                "bad.swf:7: the processor count (fields 5 and 8) is unknown (-1), so the job cannot be simulated",
            ])
        #expect(throws: SWFError(file: "bad.swf", line: 3, kind: .fieldCount(9))) {
            try SWFTrace(text: text, file: "bad.swf", strict: true)
        }
    }

    /// A job line whose fields are all valid, with `value` in field `field` (1-based).
    static func line(_ field: Int, _ value: String) -> String {
        var fields = "1 0 -1 10 4 -1 -1 4 20 -1 1 1 -1 -1 -1 -1 -1 -1".split(separator: " ").map(String.init)
        fields[field - 1] = value
        return fields.joined(separator: " ")
    }

    @Test(
        "a value out of its field's range is a skipped line naming the field, never a trap",
        arguments: [
            (5, "9223372036854775807"), (5, "1e19"), (8, "1e19"), (6, "-1e308"), (2, "1e308"), (4, "1e308"),
            (9, "1e308"), (1, "-5"), (11, "6"), (12, "1e300"), (18, "-2"), (4, "-0.5"), (3, "inf"),
        ])
    func outOfRange(field: Int, value: String) throws {
        let trace = try SWFTrace(text: Self.line(field, value) + "\n" + Self.line(1, "2"), file: "t.swf")
        #expect(trace.jobs.map(\.id) == [2])
        let problem = try #require(trace.problems.first)
        #expect(problem.line == 1)
        if value == "inf" {
            #expect(problem.kind == .notANumber(field: field, text: value))
        } else {
            #expect(problem.kind == .outOfRange(field: field, value: Double(value)!))
            #expect(
                problem.description.hasPrefix(
                    "t.swf:1: field \(field) (\(SWFTrace.fields[field - 1].name)) must be"))
        }
        #expect(throws: SWFError.self) {
            try SWFTrace(text: Self.line(field, value), file: "t.swf", strict: true)
        }
    }

    @Test("-1 (unknown) is accepted where the format allows it, and only there")
    func unknownValues() throws {
        for field in 1...18 {
            let trace = try SWFTrace(text: Self.line(field, "-1"), file: "t.swf")
            let allowed = SWFTrace.fields[field - 1].unknown
            // Fields 4 (run time) and 5 with 8 unknown cannot be simulated but are in range.
            if allowed && field != 4 {
                #expect(trace.jobs.count == 1, "field \(field)")
            } else {
                #expect(trace.jobs.isEmpty, "field \(field)")
            }
        }
    }

    @Test(
        "a MaxProcs header that is not a machine size is an error with its line",
        arguments: ["0", "-4", "x", "1e19"])
    func badHeader(value: String) {
        #expect(throws: SWFError(file: "h.swf", line: 2, kind: .badHeader(key: "MaxProcs", text: value))) {
            try SWFTrace(text: "; Version: 2.2\n; MaxProcs: \(value)\n" + Self.line(1, "1"), file: "h.swf")
        }
    }

    @Test("a missing file or a directory is one line naming the file and the system's reason")
    func unreadable() throws {
        #expect(
            throws: SWFError(
                file: "/nonexistent/trace.swf", line: 0, kind: .unreadable("no such file or directory"))
        ) {
            try SWFTrace(contentsOf: "/nonexistent/trace.swf")
        }
        let directory = FileManager.default.temporaryDirectory.path
        do {
            _ = try SWFTrace(contentsOf: directory)
            Issue.record("a directory was read as a trace")
        } catch {
            #expect(error.description == "cannot read \(directory): it is a directory")
        }
    }

    @Test("bytes that are not UTF-8 in a comment do not stop the trace")
    func notUTF8() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("latin1-\(getpid()).swf")
            .path
        var bytes = Array("; Computer: ".utf8) + [0xE9, 0xFF] + Array("\n".utf8)
        bytes += Array((Self.line(1, "1") + "\n").utf8)
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let trace = try SWFTrace(contentsOf: path, strict: true)
        #expect(trace.jobs.count == 1)
    }
}
