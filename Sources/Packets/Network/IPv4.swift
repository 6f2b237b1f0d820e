extension Dissection {
    /// An IPv4 header (RFC 791) with options skipped by IHL; non-first fragments stop here.
    mutating func ipv4(_ bytes: RawSpan, at offset: Int, end: Int) throws(DecodeError) {
        try enter(.ipv4)
        let first = try bytes.uint8(at: offset, .ipv4)
        guard first >> 4 == 4 else { throw .invalid(.ipv4, .version) }
        packet.ipv4Headers += 1
        try bytes.require(20, at: offset, .ipv4)
        let headerLength = Int(first & 0x0F) * 4
        guard headerLength >= 20 else { throw .invalid(.ipv4, .headerLength) }
        try bytes.require(headerLength, at: offset, .ipv4)
        // Bytes 0-7 (lengths, identification, fragment field) and 8-15 (TTL, protocol, checksum,
        // source) as big-endian words.
        let lengths = try bytes.uint64(at: offset, .ipv4)
        let routing = try bytes.uint64(at: offset + 8, .ipv4)
        let totalLength = Int(lengths >> 32 & 0xFFFF)
        let source = IPv4Address(rawValue: UInt32(truncatingIfNeeded: routing))
        let destination = IPv4Address(rawValue: try bytes.uint32(at: offset + 16, .ipv4))
        let proto = IPProtocol(rawValue: UInt8(truncatingIfNeeded: routing >> 48))
        let info = IPHeaderInfo(
            source: .v4(source), destination: .v4(destination), upperProtocol: proto, offset: offset,
            declaredLength: totalLength)
        if packet.outer == nil { packet.outer = info }
        packet.network = info

        // Total length 0 is what segmentation offload leaves in captures: trust the capture.
        var payloadEnd = end
        if totalLength != 0 {
            guard totalLength >= headerLength else { throw .invalid(.ipv4, .totalLength) }
            if offset + totalLength <= end {
                payloadEnd = offset + totalLength
            } else if !snapped {
                note(.invalid(.ipv4, .totalLength))
            }
        }
        let fragmentField = UInt16(truncatingIfNeeded: lengths)
        let fragmentOffset = Int(fragmentField & 0x1FFF) * 8
        let moreFragments = fragmentField & 0x2000 != 0
        if fragmentOffset != 0 || moreFragments {
            packet.fragment = FragmentInfo(
                isIPv6: false, offset: fragmentOffset, moreFragments: moreFragments,
                identification: UInt32(truncatingIfNeeded: lengths >> 16 & 0xFFFF))
            if fragmentOffset != 0 {
                packet.transport = .other(proto)
                return
            }
        }
        try upper(bytes, proto, at: offset + headerLength, end: payloadEnd, outerV4: (source, destination))
    }
}
