import Synchronization
import Testing

@testable import Report

/// Progress on standard error: a bar on a terminal, a few lines in a log, none for a short job.
@Suite("Progress meter")
struct ProgressMeterTests {
    /// What a meter wrote, and a clock the test moves.
    final class Recorder: Sendable {
        let written = Mutex<[String]>([])
        let now = Mutex(0.0)

        func meter(total: Int, terminal: Bool) -> ProgressMeter {
            ProgressMeter(
                label: "job", unit: "runs", total: total, terminal: terminal,
                write: { text in self.written.withLock { $0.append(text) } },
                elapsed: { self.now.withLock { $0 } })
        }

        func at(_ seconds: Double) { now.withLock { $0 = seconds } }
        var lines: [String] { written.withLock { $0 } }
    }

    @Test("in a log: nothing in the first two seconds, then a line per tenth, the last line once")
    func log() {
        let recorder = Recorder()
        let meter = recorder.meter(total: 100, terminal: false)
        recorder.at(1)
        meter.update(done: 30)
        #expect(recorder.lines.isEmpty)
        recorder.at(4)
        meter.update(done: 40)
        meter.update(done: 45)
        meter.update(done: 50)
        #expect(
            recorder.lines == [
                "job: 40/100 runs  10.0/s  ETA 0:06\n", "job: 50/100 runs  12.5/s  ETA 0:04\n",
            ])
        recorder.at(8)
        meter.update(done: 100)
        meter.finish()
        #expect(recorder.lines.last == "job: 100/100 runs  12.5/s  in 0:08\n" && recorder.lines.count == 3)
    }

    @Test("a job shorter than the quiet time writes nothing to a log")
    func shortJob() {
        let recorder = Recorder()
        let meter = recorder.meter(total: 10, terminal: false)
        recorder.at(0.5)
        for done in 1...10 { meter.update(done: done) }
        meter.finish()
        #expect(recorder.lines.isEmpty)
    }

    @Test("on a terminal: a bar redrawn in place at most ten times a second, a line break at the end")
    func terminal() {
        let recorder = Recorder()
        let meter = recorder.meter(total: 8, terminal: true)
        recorder.at(1)
        meter.update(done: 2)
        meter.update(done: 3)  // within 0.1 s of the last drawing: skipped
        recorder.at(2)
        meter.update(done: 4)
        #expect(
            recorder.lines == [
                "\r[######                  ] 2/8 runs  2.0/s  ETA 0:03\u{1B}[K",
                "\r[############            ] 4/8 runs  2.0/s  ETA 0:02\u{1B}[K",
            ])
        meter.update(done: 3)  // late news from a slow thread does not move the bar back
        #expect(recorder.lines.count == 2)
        meter.finish()
        #expect(recorder.lines.last == "\r[############            ] 4/8 runs  2.0/s  ETA 0:02\u{1B}[K\n")
    }

    @Test("times read m:ss, and h:mm:ss from an hour")
    func clock() {
        #expect(ProgressMeter.clock(0.2) == "0:01" && ProgressMeter.clock(75) == "1:15")
        #expect(ProgressMeter.clock(3_725) == "1:02:05")
    }
}
