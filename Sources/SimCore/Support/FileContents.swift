#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The bytes of an input file, read whole, with a one-line error that names the file and the
/// system's reason (no runtime error domains): the scenario loader, the actuals reader and the
/// SWF reader share it.
public enum FileContents {
    /// The largest input file read whole (1 GiB): larger is an error, not an exhausted memory.
    public static let maximumBytes = 1 << 30

    /// Reads the regular file at `path`.
    public static func bytes(path: String) throws(FileError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileError(path: path, reason: Self.reason(errno)) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw FileError(path: path, reason: Self.reason(errno)) }
        if (status.st_mode & S_IFMT) == S_IFDIR { throw FileError(path: path, reason: "it is a directory") }
        var result: [UInt8] = []
        if (status.st_mode & S_IFMT) == S_IFREG { result.reserveCapacity(Int(status.st_size)) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileError(path: path, reason: Self.reason(errno))
            }
            if count == 0 { return result }
            if result.count + count > maximumBytes {
                throw FileError(path: path, reason: "it is larger than \(maximumBytes >> 20) MiB")
            }
            result.append(contentsOf: chunk[0..<count])
        }
    }

    /// Writes `text` to `path` whole: into a temporary file beside it, then renamed over it, so a
    /// reader never sees half a file.
    public static func save(_ text: String, to path: String) throws(FileError) {
        try save(bytes: Array(text.utf8), to: path)
    }

    /// Writes `bytes` to `path` whole, as `save(_:to:)` writes text.
    public static func save(bytes all: [UInt8], to path: String) throws(FileError) {
        let temporary = path + ".metro6-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw FileError(path: path, reason: Self.reason(errno), writing: true)
        }
        var bytes = all[...]
        while !bytes.isEmpty {
            let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 {
                let reason = Self.reason(errno)
                close(descriptor)
                unlink(temporary)
                throw FileError(path: path, reason: reason, writing: true)
            }
            bytes = bytes.dropFirst(count)
        }
        if close(descriptor) != 0 || rename(temporary, path) != 0 {
            let reason = Self.reason(errno)
            unlink(temporary)
            throw FileError(path: path, reason: reason, writing: true)
        }
    }

    /// The system's words for `code`, lower-cased to sit inside a sentence.
    static func reason(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        let words = String(cString: text)
        return words.prefix(1).lowercased() + words.dropFirst()
    }
}

/// A file that cannot be read or written: which file and why, in one line.
public struct FileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The path as given.
    public var path: String
    /// The system's reason ("no such file or directory", "permission denied", "it is a directory").
    public var reason: String
    /// Whether writing failed (else reading).
    public var writing: Bool

    /// `path` could not be read (or written) for `reason`.
    public init(path: String, reason: String, writing: Bool = false) {
        self.path = path
        self.reason = reason
        self.writing = writing
    }

    public var description: String {
        "cannot \(writing ? "write" : "read") \(PrintableText.escape(path)): \(reason)"
    }
}
