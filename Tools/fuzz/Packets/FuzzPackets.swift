import FuzzSupport
// libFuzzer entry point for the Packets decoders, built by Tools/fuzz/run.sh (METRO6_FUZZ=1 adds
// this target to the package). The first input byte picks the link type, the rest is the frame; every application
// message the dissector finds is decoded too. Decode errors are expected; crashes and sanitizer
// reports are what the fuzzer looks for.
import Packets

let linkTypes: [LinkType] = [
    .ethernet, .linuxSLL, .linuxSLL2, .raw, .ipv4, .ipv6, .null, .loop, .ppp, .nflog, .slip,
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let linkType = linkTypes[Int(data[0]) % linkTypes.count]
    let frame = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let bytes = frame.span.bytes
    let packet = Dissector(linkType: linkType).decode(bytes, wireLength: frame.count)
    if case .icmpv6(let icmp) = packet.transport {
        let message = bytes.extracting(icmp.offset..<(icmp.offset + icmp.length))
        if icmp.type == .routerAdvertisement { _ = try? RouterAdvertisement(message) }
        _ = icmp.quotedDestination(in: bytes)
    }
    switch packet.application {
    case .dhcpv6(let offset, let length)?:
        _ = try? DHCPv6Message(bytes.extracting(offset..<(offset + length)))
    case .dns(let offset, let length)?:
        let span = bytes.extracting(offset..<(offset + length))
        if let message = try? DNSMessage(span) {
            try? message.forEachRecord(span) { record in _ = record.address(in: span) }
            if let question = message.question { _ = try? DNSName.text(span, at: question.nameOffset) }
        }
    case nil: break
    }
    return 0
}

/// The executable's entry point (see Tools/fuzz/Support).
@_cdecl("FuzzPackets_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { data, size in fuzzOne(data, size) }
}
