// libFuzzer entry point for the scenario loader, built by Tools/fuzz/run.sh (METRO6_FUZZ=1 adds
// this target to the package). Input bytes are a scenario file (YAML or JSON): it is loaded and
// checked as `metro6 validate` does; when it is valid, its first three months run as `metro6 run`
// does, with one replication, and the JSON report must encode. Scenario errors are expected;
// crashes, sanitizer reports, timeouts and non-finite output are what the fuzzer looks for.
import Foundation
import FuzzSupport
import Report
import Runner
import Scenario

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let inputs = try? ScenarioLoader.inputs(text: text, file: "fuzz.yaml") else { return 0 }
    let short = inputs.limited(to: min(inputs.central.months, 3))
    guard let report = try? RunResult(inputs: short, seed: 1, replications: 1, threads: 1) else { return 0 }
    // The contract: an accepted scenario's report is finite, so the JSON encoder never refuses it.
    guard (try? report.json()) != nil else {
        fatalError("an accepted scenario gave a report with NaN or infinity")
    }
    _ = TextRenderer.render(report.document)
    _ = HTMLRenderer.render(report.document)
    return 0
}

/// The executable's entry point (see Tools/fuzz/Support).
@_cdecl("FuzzScenario_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { data, size in fuzzOne(data, size) }
}
