/// Domain names in DNS messages (RFC 1035 §4.1.4), compression pointers included. Every walk is
/// bounded by `Limits.compressionPointers` and `Limits.labels`, so a pointer loop ends in an
/// error instead of a hang.
public enum DNSName {
    /// A case-insensitive 64-bit hash of the name at `offset` and the offset just after the
    /// name where it is written (after the first pointer). Names are compared by hash so the
    /// common path never builds a string. Each label is folded eight bytes at a time, then its
    /// length; the result is finalised with SplitMix64's mixer, so every bit depends on the
    /// whole name.
    public static func hash(_ message: RawSpan, at offset: Int) throws(DecodeError) -> (
        hash: UInt64, end: Int
    ) {
        var hash: UInt64 = 0x243F_6A88_85A3_08D3
        let end = try walk(message, at: offset, followingPointers: true) { start, count throws(DecodeError) in
            try message.forEachLowercasedWord(from: start, count: count, .dns) { word in
                hash = fold(hash, word)
            }
            hash = fold(hash, UInt64(count))
        }
        hash = (hash ^ hash >> 30) &* 0xBF58_476D_1CE4_E5B9
        hash = (hash ^ hash >> 27) &* 0x94D0_49BB_1331_11EB
        return (hash ^ hash >> 31, end)
    }

    @inline(__always)
    private static func fold(_ hash: UInt64, _ word: UInt64) -> UInt64 {
        let product = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
        return product << 29 | product >> 35
    }

    /// The name at `offset` as dotted text ("www.example.org"; "." for the root), lower-cased.
    public static func text(_ message: RawSpan, at offset: Int) throws(DecodeError) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64)
        try appendText(message, at: offset, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the name at `offset` as dotted lower-cased UTF-8 text (as `text` gives it) to
    /// `bytes`: with an array kept from call to call, no allocation per name.
    public static func appendText(_ message: RawSpan, at offset: Int, to bytes: inout [UInt8])
        throws(DecodeError)
    {
        let start = bytes.count
        _ = try walk(message, at: offset, followingPointers: true) { label, count throws(DecodeError) in
            if bytes.count > start { bytes.append(0x2E) }
            try message.appendLowercased(from: label, count: count, .dns, to: &bytes)
        }
        if bytes.count == start { bytes.append(0x2E) }
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
