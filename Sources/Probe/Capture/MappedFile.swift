#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A regular file mapped read-only into memory, with a stdio stream over the mapping
/// (`fmemopen`) for libpcap to read from.
///
/// Why: reading a capture through `read(2)` makes the kernel copy every byte into stdio's buffer;
/// a mapping lets the kernel map the page cache instead. On the benchmark captures this takes
/// libpcap's reading from ~0.32 to ~0.25 CPU seconds per million packets (see docs/probe.md).
/// Mapped pages that have been read count in the process's resident memory, so the reader hands
/// them back behind itself (`release(from:before:)`) and memory stays flat however long the file is.
///
/// Only regular, non-empty files are mapped; anything else (standard input, a pipe, a device)
/// is read the ordinary way. A file that is truncated by another process while it is mapped
/// makes the next read of the lost pages fault (SIGBUS): capture tools append to their files and
/// rotate them, they do not truncate them.
///
/// The one place in the probe that maps memory: the pointers never leave this type, and the
/// stream it returns is owned by whoever closes it (libpcap's `pcap_close`), while the mapping
/// lives until this value is dropped, which must be after the stream is closed.
struct MappedFile: ~Copyable {
    /// Bytes kept mapped behind the reading position before they are handed back: far more than
    /// one stdio buffer, so a page is never released under a read.
    static let keptBehind = 1 << 20

    private let base: UnsafeMutableRawPointer?
    /// The file's size in bytes when it was mapped; 0 when it was not.
    let size: Int
    /// A read-only stream over the mapping; nil when the file was not mapped.
    let stream: UnsafeMutablePointer<FILE>?
    private let pageSize: Int

    /// Maps the file at `path`. When it is not a regular non-empty file or cannot be opened or
    /// mapped, `stream` is nil and the caller reads it the ordinary way, which reports the error.
    init(path: String) {
        pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
        (base, size, stream) = unsafe Self.map(path)
    }

    /// No mapping: for inputs read the ordinary way.
    init() {
        pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
        (base, size, stream) = (nil, 0, nil)
    }

    /// A mapping of the whole file and a stream over it, or nils.
    private static func map(_ path: String) -> (UnsafeMutableRawPointer?, Int, UnsafeMutablePointer<FILE>?) {
        // Told by the path first: opening a named pipe would wait for its writer, and closing it
        // again would break the pipe under the writer.
        var status = stat()
        guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return (nil, 0, nil) }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return (nil, 0, nil) }
        defer { close(descriptor) }
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, status.st_size > 0
        else { return (nil, 0, nil) }
        let size = Int(status.st_size)
        guard let mapping = unsafe mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0),
            unsafe mapping != UnsafeMutableRawPointer(bitPattern: -1)
        else { return (nil, 0, nil) }
        _ = unsafe madvise(mapping, size, MADV_SEQUENTIAL)
        guard let stream = unsafe fmemopen(mapping, size, "r") else {
            _ = unsafe munmap(mapping, size)
            return (nil, 0, nil)
        }
        return unsafe (mapping, size, stream)
    }

    /// Hands back to the kernel the pages from `released` (a page boundary; 0 at first) up to
    /// more than `keptBehind` bytes before `offset`, the stream's reading position: they stay in
    /// the page cache but leave this process's memory. Returns where the released part now ends.
    func release(from released: Int, before offset: Int) -> Int {
        guard let base = unsafe base else { return released }
        let pages = (min(offset, size) - Self.keptBehind - released) / pageSize
        guard pages > 0, released >= 0 else { return released }
        let length = pages * pageSize
        _ = unsafe madvise(base + released, length, MADV_DONTNEED)
        return released + length
    }

    deinit {
        if let base = unsafe base { _ = unsafe munmap(base, size) }
    }
}
