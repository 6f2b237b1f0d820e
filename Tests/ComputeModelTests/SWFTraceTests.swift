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
                "bad.swf:5: field 2 is negative (-3.0); use -1 for unknown",
                "bad.swf:6: the run time is unknown (-1), so the job cannot be simulated",
                "bad.swf:7: the processor count (fields 5 and 8) is unknown (-1), so the job cannot be simulated",
            ])
        #expect(throws: SWFError(file: "bad.swf", line: 3, kind: .fieldCount(9))) {
            try SWFTrace(text: text, file: "bad.swf", strict: true)
        }
    }

    @Test("a missing file is a clear error")
    func missingFile() {
        #expect(throws: SWFError.self) { try SWFTrace(contentsOf: "/nonexistent/trace.swf") }
    }
}
