#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Gives up root once a live capture is open, as `tcpdump -Z` does: the packets that follow are
/// parsed by a process that can no longer do harm with what a crafted packet might make it do.
public enum PrivilegeDrop {
    /// The user a root process switches to when none is named.
    public static let defaultUser = "nobody"

    /// Whether the process runs as root (and so should drop to a user after opening).
    public static var isRoot: Bool { geteuid() == 0 }

    /// Switches the process to `user`: its supplementary groups, group and user, in that order
    /// (the user last, since it takes away the right to change the others). Checked afterwards:
    /// root cannot be regained.
    public static func switchUser(to user: String) throws(CaptureError) {
        guard let entry = unsafe getpwnam(user) else {
            throw .cannotDropPrivileges(user: user, reason: "no such user")
        }
        let (uid, gid) = unsafe (entry.pointee.pw_uid, entry.pointee.pw_gid)
        guard initgroups(user, gid) == 0 else { throw failure(user, "initgroups") }
        guard setgid(gid) == 0 else { throw failure(user, "setgid") }
        guard setuid(uid) == 0 else { throw failure(user, "setuid") }
        guard uid == 0 || (setuid(0) != 0 && geteuid() == uid && getegid() == gid) else {
            throw .cannotDropPrivileges(user: user, reason: "root could be regained after the switch")
        }
    }

    private static func failure(_ user: String, _ call: String) -> CaptureError {
        .cannotDropPrivileges(user: user, reason: "\(call): \(String(cString: strerror(errno)))")
    }
}
