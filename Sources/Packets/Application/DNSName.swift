/// Domain names in DNS messages (RFC 1035 §4.1.4), compression pointers included. Every walk is
/// bounded by `Limits.compressionPointers` and `Limits.labels`, so a pointer loop ends in an
/// error instead of a hang.
public enum DNSName {
    /// A case-insensitive 64-bit hash of the name at `offset` (FNV-1a over lower-cased labels)
    /// and the offset just after the name where it is written (after the first pointer).
    /// Names are compared by hash so the common path never builds a string.
    public static func hash(_ message: RawSpan, at offset: Int) throws(DecodeError) -> (
        hash: UInt64, end: Int
    ) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        let end = try walk(message, at: offset, followingPointers: true) { start, count throws(DecodeError) in
            try message.hashLowercased(from: start, count: count, .dns, into: &hash)
            hash = (hash ^ 0x2E) &* 0x100_0000_01b3
        }
        return (hash, end)
    }

    /// The name at `offset` as dotted text ("www.example.org"; "." for the root), lower-cased.
    public static func text(_ message: RawSpan, at offset: Int) throws(DecodeError) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64)
        _ = try walk(message, at: offset, followingPointers: true) { start, count throws(DecodeError) in
            try message.appendLowercased(from: start, count: count, .dns, to: &bytes)
            bytes.append(0x2E)
        }
        if bytes.isEmpty { return "." }
        bytes.removeLast()
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The offset just after the name at `offset` (labels are checked, not read; a pointer
    /// ends the name where it is written, so its target is not followed).
    public static func skip(_ message: RawSpan, at offset: Int) throws(DecodeError) -> Int {
        try walk(message, at: offset, followingPointers: false) { _, _ in }
    }

    /// Walks the name at `start`, calling `body` with each label's offset and length (checked to
    /// be captured), and returns the offset just after the name where it is written. Pointers
    /// are followed when `followingPointers`, else a pointer ends the walk.
    private static func walk(
        _ message: RawSpan, at start: Int, followingPointers: Bool,
        _ body: (Int, Int) throws(DecodeError) -> Void
    ) throws(DecodeError) -> Int {
        var offset = start
        var end: Int?
        var pointers = 0
        var labels = 0
        while true {
            let length = try message.uint8(at: offset, .dns)
            switch length >> 6 {
            case 0:
                if length == 0 { return end ?? offset + 1 }
                labels += 1
                guard labels <= Limits.labels else { throw .limitExceeded(.dns, .labels) }
                try message.require(Int(length) + 1, at: offset, .dns)
                try body(offset + 1, Int(length))
                offset += Int(length) + 1
            case 3:
                try message.require(2, at: offset, .dns)
                if end == nil { end = offset + 2 }
                guard followingPointers else { return offset + 2 }
                pointers += 1
                guard pointers <= Limits.compressionPointers else {
                    throw .limitExceeded(.dns, .compressionPointers)
                }
                offset = Int(try message.uint16(at: offset, .dns) & 0x3FFF)
            default:
                throw .invalid(.dns, .label)
            }
        }
    }
}
