import CMappingGuard

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
/// is read the ordinary way. A file truncated by another process while it is mapped (tcpdump's
/// ring buffer reopens its oldest file with O_TRUNC) would make the next read of the lost pages
/// fault with SIGBUS and kill the process; the mapping is therefore registered with
/// `CMappingGuard`, which turns that fault into zero pages and a mark, `truncated`, that the
/// reader checks after every packet.
///
/// The one place in the probe that maps memory: the pointers never leave this type, and the
/// stream it returns is owned by whoever closes it (libpcap's `pcap_close`), while the mapping
/// lives until this value is dropped, which must be after the stream is closed.
struct MappedFile: ~Copyable {
    /// Bytes kept mapped behind the reading position before they are handed back: far more than
    /// one stdio buffer, so a page is never released under a read.
    static let keptBehind = 1 << 20

    private let base: UnsafeMutableRawPointer?
    /// The mapping's slot in `CMappingGuard`; -1 when not mapped.
    private let guardSlot: Int32
    /// The guard's mark for the slot (`metro6_guard_mark`); nil when not mapped.
    private let mark: UnsafePointer<Int32>?
    /// The file's size in bytes when it was mapped; 0 when it was not.
    let size: Int
    /// A read-only stream over the mapping; nil when the file was not mapped.
    let stream: UnsafeMutablePointer<FILE>?
    private let pageSize: Int

    /// Maps the file at `path`. When it is not a regular non-empty file or cannot be opened or
    /// mapped, `stream` is nil and the caller reads it the ordinary way, which reports the error.
    init(path: String) {
        pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
        (base, guardSlot, size, stream) = unsafe Self.map(path)
        mark = unsafe metro6_guard_mark(guardSlot)
    }

    /// No mapping: for inputs read the ordinary way.
    init() {
        pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
        (base, guardSlot, size, stream) = (nil, -1, 0, nil)
        mark = nil
    }

    /// Whether the file was found truncated under the mapping: what was read since the last
    /// check may be zeros instead of the file's bytes. Read by the thread that reads the
    /// stream (the guard marks the mapping on the thread that faulted).
    var truncated: Bool { unsafe mark.map { unsafe $0.pointee != 0 } ?? false }

    /// A mapping of the whole file, its guard slot and a stream over it, or nils.
    private static func map(
        _ path: String
    ) -> (UnsafeMutableRawPointer?, Int32, Int, UnsafeMutablePointer<FILE>?) {
        let none: (UnsafeMutableRawPointer?, Int32, Int, UnsafeMutablePointer<FILE>?) = (nil, -1, 0, nil)
        // Told by the path first: opening a named pipe would wait for its writer, and closing it
        // again would break the pipe under the writer.
        var status = stat()
        guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return none }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return none }
        defer { close(descriptor) }
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, status.st_size > 0
        else { return none }
        let size = Int(status.st_size)
        guard let mapping = unsafe mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0),
            unsafe mapping != UnsafeMutableRawPointer(bitPattern: -1)
        else { return none }
        // Unguarded, a truncation could kill the process: then the file is not mapped.
        let slot = unsafe metro6_guard_register(mapping, size)
        guard slot >= 0 else {
            _ = unsafe munmap(mapping, size)
            return none
        }
        _ = unsafe madvise(mapping, size, MADV_SEQUENTIAL)
        guard let stream = unsafe fmemopen(mapping, size, "r") else {
            metro6_guard_unregister(slot)
            _ = unsafe munmap(mapping, size)
            return none
        }
        return unsafe (mapping, slot, size, stream)
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
        guard let base = unsafe base else { return }
        metro6_guard_unregister(guardSlot)
        _ = unsafe munmap(base, size)
    }
}
