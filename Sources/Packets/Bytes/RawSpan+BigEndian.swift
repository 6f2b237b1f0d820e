/// Bounds-checked reads from a borrowed byte view: the only place in Packets that loads bytes
/// without a check of its own. Every read throws `DecodeError.truncated` instead of trapping, so
/// a lying length field can never read past the captured bytes.
extension RawSpan {
    /// The byte at `offset`.
    @inline(__always)
    func uint8(at offset: Int, _ layer: Layer) throws(DecodeError) -> UInt8 {
        guard offset >= 0, offset < byteCount else {
            throw .truncated(layer, offset: offset, need: 1, have: 0)
        }
        return unsafe unsafeLoad(fromByteOffset: offset, as: UInt8.self)
    }

    /// The integer of type `T` at `offset`, big-endian unless `littleEndian`.
    @inline(__always)
    private func integer<T: FixedWidthInteger & BitwiseCopyable>(
        _: T.Type, at offset: Int, _ layer: Layer, littleEndian: Bool = false
    ) throws(DecodeError) -> T {
        let size = MemoryLayout<T>.size
        guard offset >= 0, byteCount - offset >= size else {
            throw .truncated(layer, offset: offset, need: size, have: Swift.max(0, byteCount - offset))
        }
        let raw = unsafe unsafeLoadUnaligned(fromByteOffset: offset, as: T.self)
        return littleEndian ? T(littleEndian: raw) : T(bigEndian: raw)
    }

    /// The big-endian (network order) UInt16 at `offset`.
    @inline(__always)
    func uint16(at offset: Int, _ layer: Layer) throws(DecodeError) -> UInt16 {
        try integer(UInt16.self, at: offset, layer)
    }

    /// The big-endian UInt32 at `offset`.
    @inline(__always)
    func uint32(at offset: Int, _ layer: Layer) throws(DecodeError) -> UInt32 {
        try integer(UInt32.self, at: offset, layer)
    }

    /// The big-endian UInt64 at `offset`.
    @inline(__always)
    func uint64(at offset: Int, _ layer: Layer) throws(DecodeError) -> UInt64 {
        try integer(UInt64.self, at: offset, layer)
    }

    /// The little-endian UInt16 at `offset` (NFLOG and BSD loopback headers use host order, which
    /// is little-endian on the machines that write them).
    @inline(__always)
    func uint16LE(at offset: Int, _ layer: Layer) throws(DecodeError) -> UInt16 {
        try integer(UInt16.self, at: offset, layer, littleEndian: true)
    }

    /// The little-endian UInt32 at `offset`.
    @inline(__always)
    func uint32LE(at offset: Int, _ layer: Layer) throws(DecodeError) -> UInt32 {
        try integer(UInt32.self, at: offset, layer, littleEndian: true)
    }

    /// Throws unless `count` bytes are available at `offset`.
    @inline(__always)
    func require(_ count: Int, at offset: Int, _ layer: Layer) throws(DecodeError) {
        guard offset >= 0, count >= 0, byteCount - offset >= count else {
            throw .truncated(layer, offset: offset, need: count, have: Swift.max(0, byteCount - offset))
        }
    }

    /// The 16-byte IPv6 address at `offset`.
    @inline(__always)
    func ipv6Address(at offset: Int, _ layer: Layer) throws(DecodeError) -> IPv6Address {
        try require(16, at: offset, layer)
        return IPv6Address(
            high: unsafe unsafeLoadUnaligned(fromByteOffset: offset, as: UInt64.self).bigEndian,
            low: unsafe unsafeLoadUnaligned(fromByteOffset: offset + 8, as: UInt64.self).bigEndian)
    }

    /// The 6-byte MAC address at `offset`.
    @inline(__always)
    func macAddress(at offset: Int, _ layer: Layer) throws(DecodeError) -> MACAddress {
        try require(6, at: offset, layer)
        let high = UInt64(unsafe unsafeLoadUnaligned(fromByteOffset: offset, as: UInt16.self).bigEndian)
        let low = UInt64(unsafe unsafeLoadUnaligned(fromByteOffset: offset + 2, as: UInt32.self).bigEndian)
        return MACAddress(rawValue: high << 32 | low)
    }

    /// Appends `count` bytes from `offset`, ASCII letters lower-cased, to `text`, with one
    /// bounds check for the run.
    @inline(__always)
    func appendLowercased(from offset: Int, count: Int, _ layer: Layer, to text: inout [UInt8])
        throws(DecodeError)
    {
        try require(count, at: offset, layer)
        for index in offset..<(offset + count) {
            let byte = unsafe unsafeLoad(fromByteOffset: index, as: UInt8.self)
            text.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
        }
    }

    /// Calls `body` with the `count` bytes from `offset` as little-endian 64-bit words, the last
    /// one padded with zero bytes, ASCII letters lower-cased (DNS names compare
    /// case-insensitively); one bounds check for the run.
    @inline(__always)
    func forEachLowercasedWord(
        from offset: Int, count: Int, _ layer: Layer, _ body: (UInt64) -> Void
    ) throws(DecodeError) {
        try require(count, at: offset, layer)
        var index = offset
        let end = offset + count
        while end - index >= 8 {
            body(
                Self.lowercasedASCII(
                    UInt64(littleEndian: unsafe unsafeLoadUnaligned(fromByteOffset: index, as: UInt64.self))))
            index += 8
        }
        let left = end - index
        guard left > 0 else { return }
        var word: UInt64 = 0
        if byteCount - index >= 8 {
            // A whole word is captured there: load it and clear the bytes past the run, with no
            // branch on the run's length (names are mostly labels shorter than a word).
            let mask = UInt64.max >> UInt64(64 - 8 * left)
            word =
                UInt64(littleEndian: unsafe unsafeLoadUnaligned(fromByteOffset: index, as: UInt64.self))
                & mask
        } else {
            var shift: UInt64 = 0
            while index < end {
                word |= UInt64(unsafe unsafeLoad(fromByteOffset: index, as: UInt8.self)) << shift
                shift += 8
                index += 1
            }
        }
        body(Self.lowercasedASCII(word))
    }

    /// `word` with every byte that is an ASCII capital letter lower-cased (eight at once: a byte
    /// is a capital when its low seven bits lie in 0x41...0x5A and its top bit is clear).
    @inline(__always)
    static func lowercasedASCII(_ word: UInt64) -> UInt64 {
        let low7 = word & 0x7F7F_7F7F_7F7F_7F7F
        let atLeastA = low7 &+ 0x3F3F_3F3F_3F3F_3F3F  // 0x80 - 0x41 a byte: no carry out of a byte
        let aboveZ = low7 &+ 0x2525_2525_2525_2525  // 0x80 - 0x5B
        let capitals = atLeastA & ~aboveZ & ~word & 0x8080_8080_8080_8080
        return word | capitals >> 2
    }
}
