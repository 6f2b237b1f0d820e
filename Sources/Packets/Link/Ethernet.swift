extension Dissection {
    /// Ethernet II (and 802.3 frames, whose type field is a length: nothing after them is decoded).
    mutating func ethernet(_ bytes: RawSpan, at offset: Int, end: Int) throws(DecodeError) {
        try bytes.require(14, at: offset, .ethernet)
        if packet.sourceMAC == nil {
            packet.destinationMAC = try bytes.macAddress(at: offset, .ethernet)
            packet.sourceMAC = try bytes.macAddress(at: offset + 6, .ethernet)
        }
        let type = try bytes.uint16(at: offset + 12, .ethernet)
        guard type > 1500 else { return }
        try etherPayload(bytes, type: type, at: offset + 14, end: end)
    }
}
