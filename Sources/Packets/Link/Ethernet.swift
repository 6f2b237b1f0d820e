extension Dissection {
    /// Ethernet II (and 802.3 frames, whose type field is a length: nothing after them is decoded).
    mutating func ethernet(_ bytes: RawSpan, at offset: Int, end: Int) throws(DecodeError) {
        try bytes.require(14, at: offset, .ethernet)
        // Two overlapping big-endian words: destination and half the source, then the source and
        // the type.
        let first = try bytes.uint64(at: offset, .ethernet)
        let second = try bytes.uint64(at: offset + 6, .ethernet)
        if packet.sourceMAC == nil {
            packet.destinationMAC = MACAddress(rawValue: first >> 16)
            packet.sourceMAC = MACAddress(rawValue: second >> 16)
        }
        let type = UInt16(truncatingIfNeeded: second)
        guard type > 1500 else { return }
        try etherPayload(bytes, type: type, at: offset + 14, end: end)
    }
}
