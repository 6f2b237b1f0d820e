import Packets

/// Reads capture files through libpcap, decodes every packet and feeds the analysis: the
/// probe's one pass.
public enum CaptureReader {
    /// Analyses `paths` in order (`-` is standard input), keeping only packets that match the
    /// BPF `filter` when one is given. With the operator's `sixRD` domain, 6rd is told from 6in4
    /// exactly rather than by a heuristic.
    public static func analyse(
        _ paths: [String], filter: String? = nil, sixRD: SixRDDomain? = nil
    ) throws(CaptureError) -> ProbeAnalysis {
        var analysis = ProbeAnalysis()
        for path in paths where !CaptureInterruption.isInterrupted {
            try read(path, filter: filter, sixRD: sixRD, into: &analysis)
        }
        return analysis
    }

    /// Reads `paths` through libpcap and does nothing with the packets: the floor a probe's speed
    /// is measured against (`metro6 bench probe`). Returns the packets read.
    public static func readOnly(_ paths: [String]) throws(CaptureError) -> Int {
        var packets = 0
        for path in paths { packets += try PcapHandle(offline: path).forEachPacket { _, _ in } }
        return packets
    }

    /// Captures live on `interface` until `options`' duration or count is reached or SIGINT or
    /// SIGTERM arrives, then gives the analysis with the kernel's counts. Once the interface is
    /// open, a root process switches to `user` (nil keeps the privileges it has); then `listening`
    /// is called with the link type, before the first packet is read. With `active` checks, they
    /// run beside the capture once it listens; without a duration or count, the capture ends a
    /// second after their last answer.
    public static func analyseLive(
        interface: String, options: LiveCaptureOptions = .init(), filter: String? = nil,
        sixRD: SixRDDomain? = nil, user: String? = nil, active: ActiveProbe? = nil,
        listening: (LinkType) -> Void = { _ in }
    ) throws(CaptureError) -> ProbeAnalysis {
        let handle = try PcapHandle(live: interface, options: options)
        if let filter { try handle.setFilter(filter) }
        if let user { try PrivilegeDrop.switchUser(to: user) }
        listening(LinkType(rawValue: handle.linkType))
        let stop = CaptureStop()
        let run = active.map {
            ActiveRun($0, stop: options.duration == nil && options.count == nil ? stop : nil)
        }
        var analysis = ProbeAnalysis()
        let deadline = options.duration.map { PcapHandle.now + $0 } ?? .infinity
        try read(
            handle, sixRD: sixRD, maximum: options.count ?? .max, deadline: deadline, stop: stop,
            into: &analysis)
        if let statistics = handle.statistics { analysis.noteLive(statistics) }
        if let run { analysis.noteActive(run.results()) }
        return analysis
    }

    /// Adds one capture file to `analysis`. Without `shortcuts` every frame takes the general
    /// decoding path, which the shortcuts must agree with (for the tests).
    public static func read(
        _ path: String, filter: String?, sixRD: SixRDDomain? = nil, into analysis: inout ProbeAnalysis
    ) throws(CaptureError) {
        try read(path, filter: filter, sixRD: sixRD, shortcuts: true, into: &analysis)
    }

    static func read(
        _ path: String, filter: String?, sixRD: SixRDDomain?, shortcuts: Bool,
        into analysis: inout ProbeAnalysis
    ) throws(CaptureError) {
        let handle = try PcapHandle(offline: path)
        if let filter { try handle.setFilter(filter) }
        try read(handle, sixRD: sixRD, shortcuts: shortcuts, into: &analysis)
    }

    /// Reads what `handle` gives into `analysis`, as `forEachPacket` bounds it.
    private static func read(
        _ handle: borrowing PcapHandle, sixRD: SixRDDomain?, shortcuts: Bool = true, maximum: Int = .max,
        deadline: Double = .infinity, stop: CaptureStop? = nil, into analysis: inout ProbeAnalysis
    ) throws(CaptureError) {
        let path = handle.path
        let linkType = LinkType(rawValue: handle.linkType)
        guard linkType.isSupported else {
            throw .unsupportedLinkType(path: path, linkType: linkType.rawValue)
        }
        let dissector = Dissector(linkType: linkType, sixRD: sixRD)
        analysis.beginFile(path: path, linkType: linkType)
        var segment = CommonTCPSegment()
        var datagram = CommonDNSDatagram()
        do {
            try handle.forEachPacket(maximum: maximum, deadline: deadline, stop: stop) { bytes, info in
                let time = Double(info.seconds) + Double(info.microseconds) * 1e-6
                // Most frames are plain TCP segments: analysed from their few fields.
                if shortcuts, dissector.readCommonTCPSegment(bytes, into: &segment) {
                    analysis.observe(segment, number: info.number, time: time, wireLength: info.wireLength)
                    return
                }
                // Most of the rest are DNS messages over UDP: the same, with the message read.
                if shortcuts, dissector.readCommonDNSDatagram(bytes, into: &datagram) {
                    analysis.observe(
                        datagram, bytes: bytes, number: info.number, time: time, wireLength: info.wireLength)
                    return
                }
                let packet = dissector.decode(uncommon: bytes, wireLength: info.wireLength)
                analysis.observe(
                    packet, bytes: bytes, number: info.number, time: time, wireLength: info.wireLength)
            }
        } catch {
            // A file cut short (a capture killed mid-write) keeps what was read before the cut.
            guard case .readFailed = error else { throw error }
            analysis.endFileEarly(error.description)
        }
        if let signal = CaptureInterruption.signalName { analysis.interruptFile(by: signal) }
    }
}
