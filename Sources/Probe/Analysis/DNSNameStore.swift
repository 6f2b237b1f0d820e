import Packets

/// The DNS names seen lately, by the hash the probe compares names by: each name's text, kept
/// as evidence for the report, and whether an AAAA answer was seen for it.
///
/// Built for the packet path: a name is found by reading one cache line, and keeping a new
/// name's text allocates nothing. The names sit in a set-associative table, four to a 64-byte
/// set; a new name replaces its set's least recently used one (counted in `evictions`). The
/// texts sit in a byte ring, each after the low 32 bits of its hash and its length; a name
/// whose text the ring has since overwritten keeps its AAAA mark and has its text written
/// again when it reappears. Memory is fixed: 64 bytes a set, plus the ring.
struct DNSNameStore {
    private struct Entry {
        /// The name's hash; 0 marks an empty way (a name hashing to 0 is stored as 1).
        var hash: UInt64 = 0
        /// Where the text was written in the ring (bytes written before it), and flags.
        var place: UInt64 = 0
    }

    private static let hasText: UInt64 = 1 << 63
    private static let hasAAAA: UInt64 = 1 << 62
    private static let positionMask: UInt64 = (1 << 56) - 1
    /// Longest text kept, in bytes (a name of 128 labels could spell out more).
    static let longestText = 1_024

    private static let ways = 4
    private var entries: [Entry]
    private let setShift: UInt64
    private var ring: [UInt8]
    /// Bytes written to the ring since the start; the write position is this modulo its size.
    private var written: UInt64 = 0
    /// Reused for each new name's text, so that writing one allocates nothing.
    private var scratch: [UInt8] = []
    /// Names dropped to make room.
    private(set) var evictions = 0

    /// A store of `sets` sets of four names (a power of two) and a text ring of `ringBytes`
    /// (a power of two, at least twice `longestText`).
    init(sets: Int, ringBytes: Int) {
        precondition(sets > 1 && sets & (sets - 1) == 0 && sets <= 1 << 40)
        precondition(ringBytes >= 2 * (Self.longestText + 6) && ringBytes & (ringBytes - 1) == 0)
        entries = [Entry](repeating: Entry(), count: Self.ways * sets)
        setShift = UInt64(64 - sets.trailingZeroBitCount)
        ring = [UInt8](repeating: 0, count: ringBytes)
        scratch.reserveCapacity(Self.longestText + 64)
    }

    /// Makes sure `hash` is stored with its text; `writeText` appends the text to the bytes it
    /// is given, and is called only when the text is not kept yet. A name whose text cannot be
    /// read (`writeText` throws) is stored without one.
    mutating func remember(_ hash: UInt64, writeText: (inout [UInt8]) throws(DecodeError) -> Void) {
        let index = touch(Self.stored(hash))
        if entries[index].place & Self.hasText != 0, isIntact(entries[index].place) { return }
        scratch.removeAll(keepingCapacity: true)
        do throws(DecodeError) {
            try writeText(&scratch)
        } catch {
            return
        }
        entries[index].place = entries[index].place & Self.hasAAAA | Self.hasText | written
        write(hash: hash, text: scratch)
    }

    /// Marks `hash` as a name an AAAA answer was seen for (storing it when absent).
    mutating func markAAAA(_ hash: UInt64) {
        let index = touch(Self.stored(hash))
        entries[index].place |= Self.hasAAAA
    }

    /// Whether an AAAA answer was seen for `hash` (false when the name was evicted since).
    func hasAAAA(_ hash: UInt64) -> Bool {
        find(Self.stored(hash)).map { entries[$0].place & Self.hasAAAA != 0 } ?? false
    }

    /// The text of `hash`, when still kept.
    func text(_ hash: UInt64) -> String? {
        guard let index = find(Self.stored(hash)) else { return nil }
        let place = entries[index].place
        guard place & Self.hasText != 0, isIntact(place) else { return nil }
        let start = place & Self.positionMask
        var check: UInt32 = 0
        for offset in 0..<4 { check |= UInt32(byte(at: start + UInt64(offset))) << (8 * offset) }
        guard check == UInt32(truncatingIfNeeded: hash) else { return nil }
        let length = Int(byte(at: start + 4)) | Int(byte(at: start + 5)) << 8
        let bytes = (0..<length).map { byte(at: start + 6 + UInt64($0)) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// 0 means empty, so a name hashing to 0 is kept as 1 (a collision the 64-bit hash makes
    /// as unlikely as any other).
    @inline(__always)
    private static func stored(_ hash: UInt64) -> UInt64 { hash == 0 ? 1 : hash }

    @inline(__always)
    private func firstWay(_ hash: UInt64) -> Int {
        Int(truncatingIfNeeded: hash >> setShift) &* Self.ways
    }

    private func find(_ hash: UInt64) -> Int? {
        let first = firstWay(hash)
        for index in first..<(first + Self.ways) where entries[index].hash == hash { return index }
        return nil
    }

    /// Moves `hash` to the front of its set, inserting it (in place of the set's least recently
    /// used name) when absent; returns its index.
    @inline(__always)
    private mutating func touch(_ hash: UInt64) -> Int {
        let first = firstWay(hash)
        if entries[first].hash == hash { return first }
        var index = first + 1
        while index < first + Self.ways - 1 && entries[index].hash != hash { index += 1 }
        var entry = entries[index]
        if entry.hash != hash {
            if entry.hash != 0 { evictions += 1 }
            entry = Entry(hash: hash, place: 0)
        }
        while index > first {
            entries[index] = entries[index - 1]
            index -= 1
        }
        entries[first] = entry
        return first
    }

    /// Whether the text written at `place` has not been overwritten since.
    @inline(__always)
    private func isIntact(_ place: UInt64) -> Bool {
        written - (place & Self.positionMask) <= UInt64(ring.count)
    }

    @inline(__always)
    private func byte(at position: UInt64) -> UInt8 {
        ring[Int(truncatingIfNeeded: position) & (ring.count - 1)]
    }

    /// Appends the low 32 bits of `hash`, the text's length (two bytes) and the text.
    private mutating func write(hash: UInt64, text: [UInt8]) {
        let length = min(text.count, Self.longestText)
        let mask = ring.count - 1
        var position = Int(truncatingIfNeeded: written) & mask
        func put(_ byte: UInt8) {
            ring[position] = byte
            position = (position + 1) & mask
        }
        for offset in 0..<4 { put(UInt8(truncatingIfNeeded: hash >> (8 * UInt64(offset)))) }
        put(UInt8(truncatingIfNeeded: length))
        put(UInt8(truncatingIfNeeded: length >> 8))
        for byte in text.prefix(length) { put(byte) }
        written += UInt64(6 + length)
    }
}
