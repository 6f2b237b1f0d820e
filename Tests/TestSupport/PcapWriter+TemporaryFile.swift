import Foundation

import struct Packets.PcapWriter

extension PcapWriter {
    /// Writes the capture to a new file in the temporary directory and returns its path.
    public func write(named name: String) throws -> String {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("metro6-\(ProcessInfo.processInfo.processIdentifier)-\(name).pcap")
        try data.write(to: url)
        return url.path
    }
}
