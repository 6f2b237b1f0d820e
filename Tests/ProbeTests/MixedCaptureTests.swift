import Foundation
import Probe
import Testing

/// The capture `metro6 bench probe` generates: the same bytes for the same seed, and decoded by
/// tshark (through Tools/probe/corpus_index.py, the script that builds the corpus's index) the
/// way the probe decodes it.
@Suite("The generated benchmark capture")
struct MixedCaptureTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    @Test("the same packet count and seed give the same bytes; a longer capture extends a shorter one")
    func deterministic() {
        let capture = MixedCapture(packets: 3_000).pcap()
        #expect(capture == MixedCapture(packets: 3_000, seed: 1).pcap())
        #expect(capture != MixedCapture(packets: 3_000, seed: 2).pcap())
        let longer = MixedCapture(packets: 4_000).pcap()
        #expect(longer.prefix(capture.count) == capture)
    }

    @Test("tshark counts what the probe counts: the corpus test's fifteen counts, no disagreement")
    func againstTshark() throws {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("metro6-mixed-\(ProcessInfo.processInfo.processIdentifier).pcap").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try MixedCapture(packets: 20_000).pcap().write(to: URL(fileURLWithPath: path))
        let entry = try Self.tsharkEntry(path)
        let report = try CaptureReader.analyse([path]).report()
        for (field, probe, reference) in CorpusTests.fields(of: report, against: entry) {
            #expect(probe == reference, "\(field): probe \(probe), tshark \(reference)")
        }
        // The mix holds every kind it promises, and only its malformed frames are malformed.
        #expect(report.tunnels.keys.sorted() == ["6in4", "ipv4-in-ipv6", "teredo"])
        #expect(Set(report.icmpv6Types.keys) == [2, 128, 129, 134, 135, 136])
        #expect(report.dhcpv6.messages.keys.sorted() == [1, 2, 3, 7])
        // tshark marks the truncated IPv6 headers malformed and the IPv4 header lengths below 20
        // a protocol error: both are expert errors, and the probe's malformed frames.
        #expect(
            entry.tshark.malformedFrames > 0 && entry.tshark.malformedFrames < entry.tshark.expertErrorFrames)
        #expect(entry.tshark.expertErrorFrames == report.malformed)
        #expect(report.malformed > 0 && report.malformed < report.packets / 500)
    }

    /// tshark's decoding of one capture, in the corpus index's shape.
    static func tsharkEntry(_ path: String) throws -> Corpus.Entry {
        let script = repository.appendingPathComponent("Tools/probe/corpus_index.py").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, "--capture", path]
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "corpus_index.py: \(message)")
        return try JSONDecoder().decode(Corpus.Entry.self, from: data)
    }
}
