extension Dissection {
    /// GRE (RFC 2784/2890; version 1 is PPTP's enhanced GRE, RFC 2637): optional checksum, key
    /// and sequence fields, then the payload named by its EtherType.
    mutating func gre(_ bytes: RawSpan, at start: Int, end: Int) throws(DecodeError) {
        try enter(.gre)
        let flags = try bytes.uint16(at: start, .gre)
        let type = try bytes.uint16(at: start + 2, .gre)
        var offset = start + 4
        if flags & 0x7 == 1 {
            offset += 4  // payload length and call id
            if flags & 0x1000 != 0 { offset += 4 }
            if flags & 0x0080 != 0 { offset += 4 }
        } else {
            guard flags & 0x4000 == 0 else { return }  // source routing (obsolete) is not followed
            if flags & 0x8000 != 0 { offset += 4 }
            if flags & 0x2000 != 0 { offset += 4 }
            if flags & 0x1000 != 0 { offset += 4 }
        }
        try bytes.require(0, at: offset, .gre)
        guard offset < end else { return }
        try etherPayload(bytes, type: type, at: offset, end: end)
    }

    /// VXLAN (RFC 7348): an 8-byte header, then an Ethernet frame.
    mutating func vxlan(_ bytes: RawSpan, at offset: Int, end: Int) throws(DecodeError) {
        try enter(.vxlan)
        try bytes.require(8, at: offset, .vxlan)
        packet.tunnels.insert(.vxlan)
        try ethernet(bytes, at: offset + 8, end: end)
    }

    /// Geneve (RFC 8926): 8 bytes plus options, then the payload named by an EtherType.
    mutating func geneve(_ bytes: RawSpan, at offset: Int, end: Int) throws(DecodeError) {
        try enter(.geneve)
        let optionsLength = Int(try bytes.uint8(at: offset, .geneve) & 0x3F) * 4
        let type = try bytes.uint16(at: offset + 2, .geneve)
        try bytes.require(8 + optionsLength, at: offset, .geneve)
        packet.tunnels.insert(.geneve)
        try etherPayload(bytes, type: type, at: offset + 8 + optionsLength, end: end)
    }

    /// GTP-U version 1 (3GPP TS 29.281): a G-PDU carries an IP packet after the header, its
    /// optional sequence/N-PDU fields and extension headers.
    mutating func gtpU(_ bytes: RawSpan, at start: Int, end: Int) throws(DecodeError) {
        try enter(.gtpU)
        let flags = try bytes.uint8(at: start, .gtpU)
        guard flags >> 5 == 1, flags & 0x10 != 0 else { return }
        packet.tunnels.insert(.gtpU)
        guard try bytes.uint8(at: start + 1, .gtpU) == 0xFF else { return }  // only G-PDUs carry IP
        var offset = start + 8
        if flags & 0x07 != 0 {
            var nextType = try bytes.uint8(at: offset + 3, .gtpU)
            offset += 4
            var count = 0
            while nextType != 0 {
                count += 1
                guard count <= Limits.options else { throw .limitExceeded(.gtpU, .options) }
                let length = Int(try bytes.uint8(at: offset, .gtpU)) * 4
                guard length > 0 else { throw .invalid(.gtpU, .length) }
                nextType = try bytes.uint8(at: offset + length - 1, .gtpU)
                offset += length
            }
        }
        guard offset < end else { return }
        try ip(bytes, at: offset, end: end)
    }

    /// AYIYA ("Anything In Anything", the SixXS tunnel protocol): identity and signature of
    /// sizes given in the header, then the payload named by a next-header number.
    mutating func ayiya(_ bytes: RawSpan, at start: Int, end: Int) throws(DecodeError) {
        try enter(.ayiya)
        try bytes.require(8, at: start, .ayiya)
        let identityLength = 1 << Int(try bytes.uint8(at: start, .ayiya) >> 4)
        let signatureLength = Int(try bytes.uint8(at: start + 1, .ayiya) >> 4) * 4
        let next = IPProtocol(rawValue: try bytes.uint8(at: start + 3, .ayiya))
        let offset = start + 8 + identityLength + signatureLength
        try bytes.require(0, at: offset, .ayiya)
        packet.tunnels.insert(.ayiya)
        switch next {
        case .ipv6: try ipv6(bytes, at: offset, end: end)
        case .ipv4: try ipv4(bytes, at: offset, end: end)
        default: break
        }
    }
}
