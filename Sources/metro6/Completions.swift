import ArgumentParser

/// What the shell completes for each kind of argument (`metro6 --generate-completion-script`):
/// written once here and named where the arguments are declared.
extension CompletionKind {
    static let scenarioFile = CompletionKind.file(extensions: ["yaml", "yml", "json"])
    static let captureFile = CompletionKind.file(extensions: ["pcap", "pcapng", "cap"])
    static let resultsFile = CompletionKind.file(extensions: ["sqlite"])
    static let anyFile = CompletionKind.file()
    /// The network interfaces the kernel knows (Linux's sysfs list).
    static let networkInterface = CompletionKind.shellCommand("ls /sys/class/net 2>/dev/null")
}
