import CPcap

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An open capture file or live interface: the only type that reads packets through libpcap. The
/// corresponding C type is `pcap_t`.
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
    /// For a live capture, the descriptor to wait on when no packet is ready; -1 for files.
    private let waitDescriptor: Int32
    /// The longest single wait for packets, in seconds (`LiveCaptureOptions.readTimeoutMilliseconds`).
    private let longestWait: Double

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
            throw .cannotOpen(path: path, reason: Self.text(errorBuffer))
        }
        raw = opened
        self.path = path
        self.mapping = mapping
        waitDescriptor = -1
        longestWait = 0
    }

    /// Opens `interface` for a live capture: packets are delivered as they arrive (immediate
    /// mode) from a kernel buffer of `options.bufferBytes`. Fails with a typed error for an
    /// interface that does not exist (naming those that do), missing privileges and an interface
    /// that is down. The corresponding C functions are `pcap_create` and `pcap_activate`.
    public init(live interface: String, options: LiveCaptureOptions = .init()) throws(CaptureError) {
        var errorBuffer = [CChar](repeating: 0, count: Int(PCAP_ERRBUF_SIZE))
        guard let created = pcap_create(interface, &errorBuffer) else {
            throw .cannotOpen(path: interface, reason: Self.text(errorBuffer))
        }
        pcap_set_snaplen(created, Int32(options.snapshotLength))
        pcap_set_promisc(created, options.promiscuous ? 1 : 0)
        pcap_set_timeout(created, Int32(options.readTimeoutMilliseconds))
        pcap_set_immediate_mode(created, 1)
        pcap_set_buffer_size(created, Int32(options.bufferBytes))
        let status = pcap_activate(created)
        if status < 0 {
            let reason = pcap_geterr(created).map { String(cString: $0) } ?? ""
            pcap_close(created)
            switch status {
            case PCAP_ERROR_NO_SUCH_DEVICE:
                throw .noSuchInterface(
                    name: interface, available: (try? CaptureInterface.all().map(\.name)) ?? [])
            case PCAP_ERROR_PERM_DENIED, PCAP_ERROR_PROMISC_PERM_DENIED:
                throw .permissionDenied(interface: interface, reason: reason)
            case PCAP_ERROR_IFACE_NOT_UP:
                throw .interfaceDown(name: interface)
            default:
                throw .cannotOpen(
                    path: interface,
                    reason: reason.isEmpty ? String(cString: pcap_statustostr(status)) : reason)
            }
        }
        // Linux opens an interface that is down and then delivers nothing: said at once instead.
        if let found = try? CaptureInterface.all().first(where: { $0.name == interface }), !found.isUp {
            pcap_close(created)
            throw .interfaceDown(name: interface)
        }
        // Non-blocking, so that a read on a quiet link returns and the reader waits itself, with
        // the deadline and signals in view (libpcap's own wait ignores both in immediate mode).
        let descriptor = pcap_get_selectable_fd(created)
        guard descriptor >= 0, pcap_setnonblock(created, 1, &errorBuffer) == 0 else {
            pcap_close(created)
            throw .cannotOpen(path: interface, reason: "cannot wait for packets: \(Self.text(errorBuffer))")
        }
        raw = created
        path = interface
        mapping = MappedFile()
        waitDescriptor = descriptor
        longestWait = Double(options.readTimeoutMilliseconds) / 1000
    }

    /// The kernel's counts for a live capture (nil for a file). The corresponding C function is
    /// `pcap_stats`.
    public var statistics: LiveCaptureStatistics? {
        var stats = pcap_stat()
        guard pcap_stats(raw, &stats) == 0 else { return nil }
        return LiveCaptureStatistics(
            received: Int(stats.ps_recv), droppedByKernel: Int(stats.ps_drop),
            droppedByInterface: Int(stats.ps_ifdrop))
    }

    private static func text(_ buffer: [CChar]) -> String {
        String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
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
    /// libpcap reuses its buffer) and header; returns the number of packets read. Reading stops
    /// at the end of a file, after `maximum` packets, or at the first packet or idle read at or
    /// after `deadline` (seconds since the epoch, for live captures) or the earlier one `stop`
    /// is brought forward to. The corresponding C function is `pcap_next_ex`.
    @discardableResult
    public func forEachPacket(
        maximum: Int = .max, deadline fixedDeadline: Double = .infinity, stop: CaptureStop? = nil,
        _ body: (RawSpan, PacketInfo) -> Void
    ) throws(CaptureError) -> Int {
        var number = 0
        var released = 0
        var deadline = fixedDeadline
        var timed = deadline < .infinity
        var header: UnsafeMutablePointer<pcap_pkthdr>?
        var data: UnsafePointer<UInt8>?
        while true {
            // A signal (CaptureInterruption) ends the read where it is; the caller says so.
            if CaptureInterruption.isInterrupted { return number }
            if let stop {
                deadline = min(fixedDeadline, stop.deadline)
                timed = deadline < .infinity
            }
            let status = pcap_next_ex(raw, &header, &data)
            // Checked before the packet is used: it may hold zeros where the file was cut.
            if mapping.truncated {
                throw .readFailed(
                    path: path, packet: number + 1,
                    reason: "the file was truncated by another program while it was being read")
            }
            if status == -2 { return number }
            if status == 0 {
                // A live capture with no packet ready: wait for one, the deadline or a signal.
                if timed, Self.now >= deadline { return number }
                waitForPackets(until: deadline)
                continue
            }
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
            if timed, Double(info.seconds) + Double(info.microseconds) * 1e-6 >= deadline {
                return number - 1
            }
            // libpcap guarantees `caplen` readable bytes at `data` until the next call.
            let bytes = unsafe RawSpan(
                _unsafeBytes: UnsafeRawBufferPointer(start: data, count: Int(header.pointee.caplen)))
            body(bytes, info)
            if number >= maximum { return number }
        }
    }

    /// Waits until the live capture has packets, `deadline` passes, a signal arrives, or the
    /// longest wait is over, whichever comes first.
    private func waitForPackets(until deadline: Double) {
        guard waitDescriptor >= 0 else { return }
        let remaining = deadline < .infinity ? max(0, deadline - Self.now) : longestWait
        var descriptor = pollfd(fd: waitDescriptor, events: Int16(POLLIN), revents: 0)
        _ = poll(&descriptor, 1, Int32(min(remaining, longestWait) * 1000) + 1)
    }

    /// The wall clock, in seconds since the epoch: the clock packets are stamped with.
    public static var now: Double {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }

    /// libpcap's message for the last error. The corresponding C function is `pcap_geterr`.
    private var lastError: String {
        pcap_geterr(raw).map { String(cString: $0) } ?? "unknown error"
    }
}
