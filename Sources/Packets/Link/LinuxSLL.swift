extension Dissection {
    /// Linux cooked capture v1: packet type, ARPHRD type, address length, 8 address bytes, protocol.
    mutating func linuxSLL(_ bytes: RawSpan, end: Int) throws(DecodeError) {
        try bytes.require(16, at: 0, .linuxSLL)
        let hardware = try bytes.uint16(at: 2, .linuxSLL)
        if hardware == 1, try bytes.uint16(at: 4, .linuxSLL) == 6 {
            packet.sourceMAC = try bytes.macAddress(at: 6, .linuxSLL)
        }
        let type = try bytes.uint16(at: 14, .linuxSLL)
        // Values up to 1500 are 802.2 frame lengths, not EtherTypes: nothing after them is decoded.
        if type > 1500 { try etherPayload(bytes, type: type, at: 16, end: end) }
    }

    /// Linux cooked capture v2: protocol, interface index, ARPHRD type, packet type, address.
    mutating func linuxSLL2(_ bytes: RawSpan, end: Int) throws(DecodeError) {
        try bytes.require(20, at: 0, .linuxSLL2)
        let hardware = try bytes.uint16(at: 8, .linuxSLL2)
        if hardware == 1, try bytes.uint8(at: 11, .linuxSLL2) == 6 {
            packet.sourceMAC = try bytes.macAddress(at: 12, .linuxSLL2)
        }
        let type = try bytes.uint16(at: 0, .linuxSLL2)
        // Values up to 1500 are 802.2 frame lengths, not EtherTypes: nothing after them is decoded.
        if type > 1500 { try etherPayload(bytes, type: type, at: 20, end: end) }
    }

    /// BSD loopback: a 4-byte address family in the writer's byte order (`loop`: network order).
    mutating func null(_ bytes: RawSpan, end: Int, bigEndian: Bool) throws(DecodeError) {
        let family = bigEndian ? try bytes.uint32(at: 0, .null) : try bytes.uint32LE(at: 0, .null)
        // A writer of the other byte order puts the family in the high bytes.
        let value = family > 0xFFFF ? family.byteSwapped : family
        switch value {
        case 2: try ipv4(bytes, at: 4, end: end)
        // AF_INET6 is 24 on NetBSD/OpenBSD, 28 on FreeBSD, 30 on macOS, 10 on Linux.
        case 10, 24, 28, 30: try ipv6(bytes, at: 4, end: end)
        default: break
        }
    }

    /// Linux NFLOG: a 4-byte header (family, version, group), then TLVs in host byte order; the
    /// packet is the payload TLV (type 9).
    mutating func nflog(_ bytes: RawSpan, end: Int) throws(DecodeError) {
        let family = try bytes.uint8(at: 0, .nflog)
        var offset = 4
        var count = 0
        while offset + 4 <= end {
            count += 1
            guard count <= Limits.options else { throw .limitExceeded(.nflog, .options) }
            let length = Int(try bytes.uint16LE(at: offset, .nflog))
            let type = try bytes.uint16LE(at: offset + 2, .nflog) & 0x7FFF
            guard length >= 4 else { throw .invalid(.nflog, .length) }
            guard offset + length <= end else {
                throw .truncated(.nflog, offset: offset, need: length, have: end - offset)
            }
            if type == 9 {
                switch family {
                case 2: try ipv4(bytes, at: offset + 4, end: offset + length)
                case 10: try ipv6(bytes, at: offset + 4, end: offset + length)
                default: try ip(bytes, at: offset + 4, end: offset + length)
                }
                return
            }
            offset += (length + 3) & ~3
        }
    }
}
