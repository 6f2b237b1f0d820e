import Foundation
import Report
import TestSupport
import Testing

@testable import Probe

/// The probe's documented formats, byte for byte, on the network lab's captures: the one-screen
/// text, the JSON, and the HTML page. Paths are made relative to the fixtures folder so the files
/// do not depend on where the repository is.
@Suite("Probe output formats against golden files")
struct ProbeGoldenOutputTests {
    @Test("text, JSON and HTML of the lab's six captures read as one")
    func formats() throws {
        let folder = try NetlabCaptureTests.corpus.get().folder
        let names = ["dhcpv6", "happy-eyeballs", "nat64", "prefix-delegation", "rogue-ra", "small-mtu"]
        var report = try CaptureReader.analyse(names.map { folder.appendingPathComponent("\($0).pcap").path })
            .report()
        for index in report.files.indices {
            report.files[index].path =
                "netlab/" + (report.files[index].path.split(separator: "/").last.map(String.init) ?? "")
        }
        try Golden.check(report.text + "\n", "netlab.txt")
        try Golden.check(try JSONOutput.string(report) + "\n", "netlab.json")
        try Golden.check(HTMLRenderer.render(report.document), "netlab.html")
    }
}
