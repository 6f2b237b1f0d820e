import Foundation
import Testing

/// `tcpdump -w - | metro6 probe -` stopped with Ctrl-C: SIGINT reaches the probe while it waits
/// on the pipe, and the report of what was read still prints (issue 18).
@Suite("Probe interrupted on a pipe")
struct ProbeInterruptionTests {
    @Test("SIGINT while reading standard input: the report of every packet read, and the signal named")
    func interrupted() throws {
        let capture = ProbeCommandTests.capture("tcpdump", "icmpv6.pcap")
        let whole = try CommandLineTests().run(["probe", capture, "--format", "json"])
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(whole.output.utf8)) as? [String: Any])
        let packets = try #require(document["packets"] as? Int)

        let process = Process()
        process.executableURL = CommandLineTests.binary
        process.arguments = ["probe", "-", "--format", "json"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The whole capture, with the writer kept open as tcpdump keeps it: the probe then blocks.
        input.fileHandleForWriting.write(try Data(contentsOf: URL(fileURLWithPath: capture)))
        Thread.sleep(forTimeInterval: 1.5)
        process.interrupt()
        // Should the probe ignore the signal, the test ends it rather than waiting for ever.
        let pid = process.processIdentifier
        DispatchQueue.global().asyncAfter(deadline: .now() + 30) { kill(pid, SIGKILL) }
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try? input.fileHandleForWriting.close()
        #expect(process.terminationReason == .exit, "the probe died of the signal instead of reporting")
        #expect([0, 1].contains(process.terminationStatus))
        let report = try #require(try JSONSerialization.jsonObject(with: printed) as? [String: Any])
        #expect(report["packets"] as? Int == packets)
        let files = try #require(report["files"] as? [[String: Any]])
        #expect(files.first?["interrupted"] as? String == "SIGINT")
    }
}
