extension Dissection {
    /// An IPv6 header (RFC 8200) and its extension header chain; unknown extension headers are
    /// skipped by their length, non-first fragments stop the decode.
    mutating func ipv6(_ bytes: RawSpan, at offset: Int, end: Int) throws(DecodeError) {
        try enter(.ipv6)
        guard try bytes.uint8(at: offset, .ipv6) >> 4 == 6 else { throw .invalid(.ipv6, .version) }
        packet.ipv6Headers += 1
        try bytes.require(40, at: offset, .ipv6)
        // Version, traffic class, flow label, payload length, next header and hop limit.
        let fixed = try bytes.uint64(at: offset, .ipv6)
        let payloadLength = Int(fixed >> 16 & 0xFFFF)
        var next = IPProtocol(rawValue: UInt8(truncatingIfNeeded: fixed >> 8))
        let source = try bytes.ipv6Address(at: offset + 8, .ipv6)
        let destination = try bytes.ipv6Address(at: offset + 24, .ipv6)
        var info = IPHeaderInfo(
            source: .v6(source), destination: .v6(destination), upperProtocol: next, offset: offset,
            declaredLength: 40 + payloadLength)
        if packet.outer == nil { packet.outer = info }
        packet.network = info

        // Payload length 0 is a jumbogram (its hop-by-hop option gives the length) or an empty
        // payload; a length beyond the captured bytes is noted, and the captured bytes decoded.
        var payloadEnd = end
        if payloadLength != 0 || next != .hopByHop {
            if offset + 40 + payloadLength <= end {
                payloadEnd = offset + 40 + payloadLength
            } else if !snapped {
                note(.invalid(.ipv6, .payloadLength))
            }
        }

        var cursor = offset + 40
        var headers = 0
        while next.isIPv6ExtensionHeader {
            headers += 1
            packet.extensionHeaders += 1
            guard headers <= Limits.extensionHeaders else {
                throw .limitExceeded(.ipv6Extension, .extensionHeaders)
            }
            let following = IPProtocol(rawValue: try bytes.uint8(at: cursor, .ipv6Extension))
            let length: Int
            switch next {
            case .fragment:
                length = 8
                try bytes.require(8, at: cursor, .ipv6Extension)
                let field = try bytes.uint16(at: cursor + 2, .ipv6Extension)
                let fragment = FragmentInfo(
                    isIPv6: true, offset: Int(field >> 3) * 8, moreFragments: field & 1 == 1,
                    identification: try bytes.uint32(at: cursor + 4, .ipv6Extension))
                packet.fragment = fragment
                if fragment.offset != 0 {
                    info.upperProtocol = following
                    packet.network = info
                    packet.transport = .other(following)
                    return
                }
            case .authentication:
                length = (Int(try bytes.uint8(at: cursor + 1, .ipv6Extension)) + 2) * 4
            default:
                length = (Int(try bytes.uint8(at: cursor + 1, .ipv6Extension)) + 1) * 8
            }
            guard payloadEnd - cursor >= length else {
                throw .truncated(
                    .ipv6Extension, offset: cursor, need: length, have: Swift.max(0, payloadEnd - cursor))
            }
            if next == .hopByHop, payloadLength == 0 {
                payloadEnd = try jumbogramEnd(
                    bytes, options: cursor + 2, end: cursor + length, packet: offset, limit: end)
            }
            cursor += length
            next = following
        }
        info.upperProtocol = next
        packet.network = info
        try upper(bytes, next, at: cursor, end: payloadEnd, outerV4: nil)
    }

    /// The end of a jumbogram's payload from its Jumbo Payload option (RFC 2675), or the
    /// capture's end when the hop-by-hop header has none.
    private mutating func jumbogramEnd(
        _ bytes: RawSpan, options start: Int, end: Int, packet offset: Int, limit: Int
    ) throws(DecodeError) -> Int {
        var cursor = start
        var count = 0
        while cursor < end {
            count += 1
            guard count <= Limits.options else { throw .limitExceeded(.ipv6Extension, .options) }
            let type = try bytes.uint8(at: cursor, .ipv6Extension)
            if type == 0 {  // Pad1
                cursor += 1
                continue
            }
            let length = Int(try bytes.uint8(at: cursor + 1, .ipv6Extension))
            if type == 0xC2, length == 4 {
                let jumbo = Int(try bytes.uint32(at: cursor + 2, .ipv6Extension))
                if offset + 40 + jumbo <= limit { return offset + 40 + jumbo }
                if !snapped { note(.invalid(.ipv6Extension, .payloadLength)) }
                return limit
            }
            cursor += 2 + length
        }
        return limit
    }
}
