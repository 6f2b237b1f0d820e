import Foundation
import Packets
import Probe
import Testing

/// No frame, however cut or mangled, crashes the decoders or the analysers, and a cut frame
/// fails only by running out of bytes.
@Suite("Decoders and analysers on truncated and mutated frames")
struct DecoderRobustnessTests {
    struct Frame {
        var linkType: LinkType
        var bytes: [UInt8]
        var wireLength: Int
    }

    /// Every frame of every corpus capture, copied out of libpcap's buffer.
    static func corpusFrames() throws -> [Frame] {
        var frames: [Frame] = []
        for (corpus, entry) in try Corpus.all() {
            let handle = try PcapHandle(offline: corpus.path(entry))
            let linkType = LinkType(rawValue: handle.linkType)
            try handle.forEachPacket { bytes, info in
                let copy = unsafe bytes.withUnsafeBytes { Array($0) }
                frames.append(Frame(linkType: linkType, bytes: copy, wireLength: info.wireLength))
            }
        }
        return frames
    }

    static func decode(_ frame: [UInt8], _ linkType: LinkType, wireLength: Int) -> DecodedPacket {
        Dissector(linkType: linkType).decode(frame.span.bytes, wireLength: wireLength)
    }

    /// Whether the byte ranges the decode hands to the analysers lie inside the captured bytes.
    static func rangesInside(_ packet: DecodedPacket, _ count: Int) -> Bool {
        switch packet.application {
        case .dhcpv6(let offset, let length)?, .dns(let offset, let length)?:
            guard offset >= 0, length >= 0, offset + length <= count else { return false }
        case nil: break
        }
        if case .icmpv6(let icmp) = packet.transport {
            guard icmp.offset >= 0, icmp.length >= 4, icmp.offset + icmp.length <= count else { return false }
        }
        return true
    }

    @Test("every prefix of every corpus frame decodes or fails with .truncated, and the analysers take it")
    func prefixes() throws {
        let frames = try Self.corpusFrames()
        #expect(frames.count > 1_000)
        var analysis = ProbeAnalysis()
        var prefixes = 0
        var truncations = 0
        var invalid = 0
        for frame in frames where frame.bytes.count <= 2_048 {
            // A wire length beyond the bytes makes every decode treat the frame as cut by a snap length.
            let wire = frame.bytes.count + 1
            let full = Self.decode(frame.bytes, frame.linkType, wireLength: wire)
            for length in 0...frame.bytes.count {
                let prefix = Array(frame.bytes.prefix(length))
                let packet = Self.decode(prefix, frame.linkType, wireLength: wire)
                prefixes += 1
                switch packet.error {
                case nil: break
                case .truncated?: truncations += 1
                case let error?:
                    invalid += 1
                    #expect(
                        error == full.error, "prefix \(length) of a \(frame.bytes.count)-byte frame: \(error)"
                    )
                }
                #expect(packet.ipv6Headers <= full.ipv6Headers && packet.ipv4Headers <= full.ipv4Headers)
                #expect(Self.rangesInside(packet, length))
                analysis.observe(
                    packet, bytes: prefix.span.bytes, number: prefixes, time: Double(prefixes),
                    wireLength: wire)
            }
        }
        #expect(truncations > 0)
        for linkType in Set(frames.map(\.linkType.rawValue)).map(LinkType.init) {
            guard case .truncated? = Self.decode([], linkType, wireLength: 60).error else {
                Issue.record("an empty frame of link type \(linkType.rawValue) is not .truncated")
                continue
            }
        }
        let report = analysis.report()
        #expect(report.packets == prefixes)
        // Cut frames are never malformed: only the errors the whole frames have count.
        #expect(report.malformed >= invalid)
        #expect(report.anomalies.allSatisfy { !$0.name.hasPrefix("truncated") })
        #expect(report.snapTruncated > 0)
    }

    /// xorshift64*: the mutator's own small generator, seeded per test.
    struct Mutator {
        var state: UInt64

        mutating func next() -> UInt64 {
            state ^= state >> 12
            state ^= state << 25
            state ^= state >> 27
            return state &* 0x2545_F491_4F6C_DD1D
        }

        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }

        /// A mangled copy: flipped bytes, length-like fields set to extremes, cuts, repeats.
        mutating func mutate(_ frame: [UInt8]) -> [UInt8] {
            var bytes = frame
            for _ in 0...below(4) {
                guard !bytes.isEmpty else { break }
                let position = below(bytes.count)
                switch below(6) {
                case 0: bytes[position] ^= UInt8(1 << below(8))
                case 1: bytes[position] = UInt8(truncatingIfNeeded: next())
                case 2: bytes[position] = [0x00, 0xFF, 0x7F, 0x80, 0x01][below(5)]
                case 3: bytes.removeLast(below(bytes.count))
                case 4:
                    let end = min(bytes.count, position + 1 + below(64))
                    bytes.insert(contentsOf: bytes[position..<end], at: position)
                default:
                    // A DNS-style compression pointer aimed at itself, or at the start.
                    if position + 1 < bytes.count {
                        bytes[position] = 0xC0
                        bytes[position + 1] = UInt8(truncatingIfNeeded: below(2) == 0 ? position : 0)
                    }
                }
            }
            return bytes
        }
    }

    @Test("seeded random mutations of the corpus frames never crash the decoders or the analysers")
    func mutations() throws {
        let frames = try Self.corpusFrames()
        var mutator = Mutator(state: 0x9E37_79B9_7F4A_7C15)
        var analysis = ProbeAnalysis()
        var count = 0
        var malformed = 0
        for round in 0..<40 {
            for frame in frames {
                let bytes = mutator.mutate(frame.bytes)
                let packet = Self.decode(
                    bytes, frame.linkType, wireLength: max(bytes.count, frame.wireLength))
                if packet.error != nil { malformed += 1 }
                #expect(Self.rangesInside(packet, bytes.count))
                count += 1
                analysis.observe(
                    packet, bytes: bytes.span.bytes, number: count, time: Double(round),
                    wireLength: bytes.count)
            }
        }
        let report = analysis.report()
        #expect(report.packets == count)
        #expect(malformed > count / 10)
        #expect(report.malformed + report.snapTruncated >= malformed)
    }
}
