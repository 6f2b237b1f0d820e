import Foundation

/// Runs the built `metro6` with a wall-clock limit and an address-space limit, as the input
/// contract's tests need: an input that hangs or grows without bound fails the test instead of
/// stalling CI.
struct BoundedRun {
    /// What the process did.
    struct Outcome {
        var status: Int32
        var output: String
        var error: String
        var timedOut: Bool
    }

    var seconds: Double = 120
    var memoryKiB = 4 << 20

    /// `metro6 arguments…` under the limits (`ulimit -v` in a shell that then execs it).
    func run(_ arguments: [String]) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments =
            ["-c", "ulimit -v \(memoryKiB); exec \"$0\" \"$@\"", CommandLineTests.binary.path] + arguments
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let timer = DispatchSource.makeTimerSource()
        let expired = Expired()
        timer.schedule(deadline: .now() + seconds)
        timer.setEventHandler {
            expired.set()
            kill(process.processIdentifier, SIGKILL)
        }
        timer.resume()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        timer.cancel()
        return Outcome(
            status: process.terminationStatus, output: String(decoding: outData, as: UTF8.self),
            error: String(decoding: errData, as: UTF8.self), timedOut: expired.value)
    }

    /// Whether the timer fired, shared with its handler.
    final class Expired: @unchecked Sendable {
        private let lock = NSLock()
        private var fired = false
        func set() { lock.withLock { fired = true } }
        var value: Bool { lock.withLock { fired } }
    }
}
