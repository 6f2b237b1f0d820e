// libFuzzer entry point for the SWF reader, built by Tools/fuzz/run.sh (METRO6_FUZZ=1 adds this
// target to the package). Input bytes are a trace: it is parsed leniently (bad lines skipped and
// counted, as `metro6 compute` does) and its first 500 jobs run under FCFS and EASY on the
// trace's MaxProcs or 64 processors. A bad header may throw; crashes and sanitizer reports are
// what the fuzzer looks for.
import ComputeModel
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let trace = try? SWFTrace(text: text, file: "fuzz.swf") else { return 0 }
    _ = trace.problems.map(\.description)
    let jobs = Array(trace.jobs.prefix(500))
    let processors = min(trace.maximumProcessors ?? 64, 4_096)
    for scheduler in [SchedulerKind.fcfs, .easy] {
        let result = BatchSimulation(processors: processors, scheduler: scheduler, backfillDepth: 50).run(
            jobs)
        _ = result.summary
    }
    return 0
}

/// The executable's entry point (see Tools/fuzz/Support).
@_cdecl("FuzzSWF_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { data, size in fuzzOne(data, size) }
}
