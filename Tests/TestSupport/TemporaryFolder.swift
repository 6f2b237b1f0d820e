import Foundation

/// A new folder in the temporary directory for one test's files, removed with everything in it
/// when the test lets go of it.
public final class TemporaryFolder {
    /// The folder.
    public let url: URL

    /// A new, empty folder named after `prefix`.
    public init(_ prefix: String) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID())")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// The path of `name` in the folder.
    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    deinit { try? FileManager.default.removeItem(at: url) }
}
