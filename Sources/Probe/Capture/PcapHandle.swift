import CPcap

/// An open capture file: the only type that calls libpcap. The corresponding C type is `pcap_t`.
///
/// Non-copyable, so the handle is closed exactly once (`pcap_close` in `deinit`). Packets are
/// lent to a closure for the length of one call, as libpcap reuses its buffer for the next.
public struct PcapHandle: ~Copyable {
    private let raw: OpaquePointer
    /// The file's path, for messages.
    public let path: String
    /// The mapping libpcap reads a regular file from; empty for other inputs. Dropped after
    /// `pcap_close` (stored properties outlive `deinit`'s body).
    private let mapping: MappedFile

    /// One captured packet's record header.
    public struct PacketInfo: Sendable, Hashable {
        /// 1-based position in the capture.
        public var number: Int
        /// Seconds and microseconds since the epoch.
        public var seconds: Int
        public var microseconds: Int
        /// Bytes on the wire (the captured bytes may be fewer).
        public var wireLength: Int
    }

    /// Opens a pcap or pcapng file (`-` reads standard input). A regular file is mapped into
    /// memory and read through a stream over the mapping (`MappedFile`) unless `mapped` is false;
    /// anything else is read through stdio. The corresponding C functions are
    /// `pcap_fopen_offline` and `pcap_open_offline`.
    public init(offline path: String, mapped: Bool = true) throws(CaptureError) {
        var errorBuffer = [CChar](repeating: 0, count: Int(PCAP_ERRBUF_SIZE))
        let mapping = mapped && path != "-" ? MappedFile(path: path) : MappedFile()
        let opened: OpaquePointer?
        if let stream = unsafe mapping.stream {
            opened = unsafe pcap_fopen_offline(stream, &errorBuffer)
            // On failure the stream is still the caller's.
            if opened == nil { unsafe fclose(stream) }
        } else {
            opened = pcap_open_offline(path, &errorBuffer)
        }
        guard let opened else {
            throw .cannotOpen(
                path: path,
                reason: String(
                    decoding: errorBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        raw = opened
        self.path = path
        self.mapping = mapping
    }

    /// Whether the file is read from a memory mapping rather than through `read(2)`.
    public var isMapped: Bool { unsafe mapping.stream != nil }

    deinit {
        pcap_close(raw)
    }

    /// The capture's link-layer type as the file records it (a LINKTYPE_ number, tcpdump.org's
    /// list). The corresponding C function is `pcap_datalink`, which answers with the platform's
    /// DLT_ value; the two differ only for raw IP, whose DLT_RAW (12, or 14 on OpenBSD) is
    /// LINKTYPE_RAW (101) in files.
    public var linkType: Int {
        let dlt = Int(pcap_datalink(raw))
        return dlt == Int(DLT_RAW) ? 101 : dlt
    }

    /// Keeps only packets matching the BPF `expression`. The corresponding C functions are
    /// `pcap_compile` and `pcap_setfilter`.
    public func setFilter(_ expression: String) throws(CaptureError) {
        var program = bpf_program()
        guard pcap_compile(raw, &program, expression, 1, PCAP_NETMASK_UNKNOWN) == 0 else {
            throw .badFilter(expression: expression, reason: lastError)
        }
        defer { pcap_freecode(&program) }
        guard pcap_setfilter(raw, &program) == 0 else {
            throw .badFilter(expression: expression, reason: lastError)
        }
    }

    /// Calls `body` with each packet's captured bytes (borrowed: valid only during the call, as
    /// libpcap reuses its buffer) and header; returns the number of packets read. The
    /// corresponding C function is `pcap_next_ex`.
    @discardableResult
    public func forEachPacket(_ body: (RawSpan, PacketInfo) -> Void) throws(CaptureError)
        -> Int
    {
        var number = 0
        var released = 0
        var header: UnsafeMutablePointer<pcap_pkthdr>?
        var data: UnsafePointer<UInt8>?
        while true {
            // A signal (CaptureInterruption) ends the read where it is; the caller says so.
            if CaptureInterruption.isInterrupted { return number }
            let status = pcap_next_ex(raw, &header, &data)
            // Checked before the packet is used: it may hold zeros where the file was cut.
            if mapping.truncated {
                throw .readFailed(
                    path: path, packet: number + 1,
                    reason: "the file was truncated by another program while it was being read")
            }
            if status == -2 { return number }
            if status == 0 { continue }
            if status != 1 && CaptureInterruption.isInterrupted { return number }
            guard status == 1, let header, let data else {
                throw .readFailed(path: path, packet: number + 1, reason: lastError)
            }
            number += 1
            if number & 1023 == 0, isMapped {
                // The pages read a while ago leave the process's memory.
                released = mapping.release(from: released, before: unsafe ftell(pcap_file(raw)))
            }
            let info = PacketInfo(
                number: number, seconds: Int(header.pointee.ts.tv_sec),
                microseconds: Int(header.pointee.ts.tv_usec),
                wireLength: Int(header.pointee.len))
            // libpcap guarantees `caplen` readable bytes at `data` until the next call.
            let bytes = unsafe RawSpan(
                _unsafeBytes: UnsafeRawBufferPointer(start: data, count: Int(header.pointee.caplen)))
            body(bytes, info)
        }
    }

    /// libpcap's message for the last error. The corresponding C function is `pcap_geterr`.
    private var lastError: String {
        pcap_geterr(raw).map { String(cString: $0) } ?? "unknown error"
    }
}
