import Foundation
import Testing

/// Golden-output files: a rendering compared byte for byte with the file committed beside the
/// test, so a change to a documented format is a visible diff in review. Run the tests with
/// `METRO6_UPDATE_GOLDEN=1` to write the files afresh after a deliberate change.
public enum Golden {
    /// Whether this run writes the golden files instead of checking them.
    public static var updating: Bool { ProcessInfo.processInfo.environment["METRO6_UPDATE_GOLDEN"] == "1" }

    /// Checks `output` against `name` in the `Golden` folder beside `testFile` (`#filePath`).
    public static func check(
        _ output: String, _ name: String, testFile: String = #filePath,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let url = URL(fileURLWithPath: testFile).deletingLastPathComponent().appendingPathComponent("Golden")
            .appendingPathComponent(name)
        if updating {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(output.utf8).write(to: url)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record(
                "no golden file \(url.path): run with METRO6_UPDATE_GOLDEN=1", sourceLocation: sourceLocation)
            return
        }
        guard output != expected else { return }
        let got = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let want = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let line =
            zip(got, want).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(got.count, want.count)
        let now = line < got.count ? got[line] : "(end)"
        let golden = line < want.count ? want[line] : "(end)"
        Issue.record(
            Comment(
                rawValue:
                    "\(name) differs from its golden file at line \(line + 1):\n  now:    \(now)\n  golden: \(golden)\n"
                    + "(METRO6_UPDATE_GOLDEN=1 rewrites it after a deliberate change)"),
            sourceLocation: sourceLocation)
    }
}
