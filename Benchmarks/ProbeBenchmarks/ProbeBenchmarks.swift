import Benchmark
import Foundation
import Packets
import Probe

/// The probe's per-packet work without file I/O: the corpus frames (Tests/ProbeTests/Fixtures)
/// held in memory, decoded by the Dissector alone, then decoded and analysed by every analyser.
/// The end-to-end comparison with the libpcap floor, tcpdump and tshark on large captures is
/// Tools/probe/compare.sh (results in Benchmarks/probe-results-2026-11-29.md).
struct Frame {
    var linkType: LinkType
    var bytes: [UInt8]
    var wireLength: Int
}

struct Index: Decodable {
    struct Entry: Decodable { var file: String }
    var files: [Entry]
}

func corpusFrames() -> [Frame] {
    let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Tests/ProbeTests/Fixtures")
    var frames: [Frame] = []
    for corpus in ["tcpdump", "zeek"] {
        let folder = fixtures.appendingPathComponent(corpus)
        guard let data = try? Data(contentsOf: folder.appendingPathComponent("index.json")),
            let index = try? JSONDecoder().decode(Index.self, from: data)
        else { continue }
        for entry in index.files {
            guard let handle = try? PcapHandle(offline: folder.appendingPathComponent(entry.file).path) else {
                continue
            }
            let linkType = LinkType(rawValue: handle.linkType)
            _ = try? handle.forEachPacket { bytes, info in
                let copy = unsafe bytes.withUnsafeBytes { Array($0) }
                frames.append(Frame(linkType: linkType, bytes: copy, wireLength: info.wireLength))
            }
        }
    }
    return frames
}

let benchmarks: @Sendable () -> Void = {
    // Tolerances of `swift package benchmark thresholds check` against the committed Thresholds/.
    let thresholds: [BenchmarkMetric: BenchmarkThresholds] = [
        .wallClock: .init(relative: [.p90: 25]),
        .throughput: .init(relative: [.p90: 25]),
        .mallocCountTotal: .init(absolute: [.p90: 1_000]),
    ]
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal], maxDuration: .seconds(3),
        thresholds: thresholds)
    let frames = corpusFrames()

    Benchmark("Dissector.decode, corpus frames", configuration: .init(scalingFactor: .kilo)) { benchmark in
        var ipv6 = 0
        for index in benchmark.scaledIterations {
            let frame = frames[index % frames.count]
            let packet = Dissector(linkType: frame.linkType).decode(
                frame.bytes.span.bytes, wireLength: frame.wireLength)
            ipv6 &+= packet.ipv6Headers
        }
        blackHole(ipv6)
    }

    // A million frames a sample, so setting up the tables and writing the report weigh little.
    Benchmark("decode + all analysers, corpus frames", configuration: .init(scalingFactor: .mega)) {
        benchmark in
        var analysis = ProbeAnalysis()
        for index in benchmark.scaledIterations {
            let frame = frames[index % frames.count]
            let bytes = frame.bytes.span.bytes
            let packet = Dissector(linkType: frame.linkType).decode(bytes, wireLength: frame.wireLength)
            analysis.observe(
                packet, bytes: bytes, number: index + 1, time: Double(index) * 1e-4,
                wireLength: frame.wireLength)
        }
        blackHole(analysis.report().packets)
    }
}
