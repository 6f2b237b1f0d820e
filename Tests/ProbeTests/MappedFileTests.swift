import Foundation
import Testing

import struct Packets.PcapWriter
import struct TestSupport.XorShift

@testable import Probe

/// Captures read from a memory mapping against the same captures read through stdio, including
/// long ones whose pages are handed back behind the reader, and inputs that are not mapped.
@Suite("Capture files read from a memory mapping")
struct MappedFileTests {
    /// Every packet's header and bytes, in order.
    static func packets(_ path: String, mapped: Bool) throws -> (mapped: Bool, packets: [Packet]) {
        let handle = try PcapHandle(offline: path, mapped: mapped)
        var packets: [Packet] = []
        try handle.forEachPacket { bytes, info in
            packets.append(
                Packet(
                    info: info,
                    bytes: bytes.withUnsafeBytes { Array($0) })
            )
        }
        return (handle.isMapped, packets)
    }

    struct Packet: Equatable {
        var info: PcapHandle.PacketInfo
        var bytes: [UInt8]
    }

    /// A capture of `count` frames of random lengths (14-1,514 bytes) and contents, and the frames.
    static func randomCapture(count: Int, seed: UInt64) throws -> (path: String, frames: [[UInt8]]) {
        var random = XorShift(seed: seed)
        var writer = PcapWriter()
        var frames: [[UInt8]] = []
        for index in 0..<count {
            let word = random.next(.max)
            let frame = (0..<14 + Int(word % 1_501)).map {
                UInt8(truncatingIfNeeded: word >> ($0 % 7 * 8) &+ UInt64($0))
            }
            writer.append(frame, time: 1_000 + Double(index) * 0.001)
            frames.append(frame)
        }
        return (try writer.write(named: "mapped-\(seed)-\(UUID())"), frames)
    }

    @Test(
        "every corpus capture reads the same packets mapped as through stdio", arguments: ["tcpdump", "zeek"])
    func corpus(name: String) throws {
        let (folder, entries) = try PcapHandleTests.corpus(name)
        for entry in entries {
            let path = folder.appendingPathComponent(entry.file).path
            let mapped = try Self.packets(path, mapped: true)
            let read = try Self.packets(path, mapped: false)
            #expect(mapped.mapped, "\(entry.file)")
            #expect(!read.mapped, "\(entry.file)")
            #expect(mapped.packets == read.packets, "\(entry.file)")
            #expect(mapped.packets.count == entry.packets, "\(entry.file)")
        }
    }

    @Test("a capture of 5 MB reads back byte for byte while the pages behind the reader are released")
    func long() throws {
        let (path, frames) = try Self.randomCapture(count: 6_500, seed: 7)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let mapped = try Self.packets(path, mapped: true)
        #expect(mapped.mapped)
        #expect(mapped.packets.map(\.bytes) == frames)
        #expect(mapped.packets.map(\.info.number) == Array(1...frames.count))

        let file = MappedFile(path: path)
        let opened = file.stream
        let stream = try #require(opened)
        defer { fclose(stream) }
        let size = try #require(FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        #expect(file.size == size && size > 4 * MappedFile.keptBehind)
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        // Nothing within the kept megabyte is released, and what is released ends on a page.
        #expect(file.release(from: 0, before: MappedFile.keptBehind) == 0)
        let middle = file.release(from: 0, before: size / 2)
        #expect(middle == (size / 2 - MappedFile.keptBehind) / page * page)
        let end = file.release(from: middle, before: size + 12_345)
        #expect(end == (size - MappedFile.keptBehind) / page * page)
        #expect(file.release(from: end, before: size) == end)
    }

    @Test(
        "a capture truncated by another program while it is read from the mapping ends with an error, not SIGBUS"
    )
    func truncatedWhileRead() throws {
        let (path, frames) = try Self.randomCapture(count: 6_500, seed: 13)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let handle = try PcapHandle(offline: path, mapped: true)
        let mapped = handle.isMapped
        #expect(mapped)
        var seen = 0
        var intact = true
        let error = #expect(throws: CaptureError.self) {
            try handle.forEachPacket { bytes, info in
                if bytes.withUnsafeBytes({ Array($0) }) != frames[info.number - 1] { intact = false }
                seen += 1
                // What tcpdump's ring buffer does when it comes back to a file: O_TRUNC.
                if seen == 2_000 { #expect(truncate(path, 4_096) == 0) }
            }
        }
        // The packets handed out before the cut are the file's, and none after it.
        #expect(intact)
        #expect(seen >= 2_000 && seen < 2_100, "\(seen)")
        #expect(error?.description.contains("truncated by another program while it was being read") == true)
    }

    @Test(
        "a named pipe and a directory are not mapped: the pipe is read through stdio, the directory is an error"
    )
    func notRegular() throws {
        let (path, frames) = try Self.randomCapture(count: 300, seed: 11)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let fifo = path + ".fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        defer { try? FileManager.default.removeItem(atPath: fifo) }
        let contents = try Data(contentsOf: URL(fileURLWithPath: path))
        Thread.detachNewThread {
            guard let writer = FileHandle(forWritingAtPath: fifo) else { return }
            writer.write(contents)
            try? writer.close()
        }
        let piped = try Self.packets(fifo, mapped: true)
        #expect(!piped.mapped)
        #expect(piped.packets.map(\.bytes) == frames)

        #expect(MappedFile(path: FileManager.default.temporaryDirectory.path).stream == nil)
        #expect(throws: CaptureError.self) {
            _ = try PcapHandle(offline: FileManager.default.temporaryDirectory.path)
        }
    }
}
