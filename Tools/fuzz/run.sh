#!/usr/bin/env bash
# Tools/fuzz/run.sh - build the libFuzzer harnesses (AddressSanitizer), replay every kept crasher,
# then fuzz each harness for SECONDS. CI runs it through `bash Tools/setup.sh test`.
#
# Usage: Tools/fuzz/run.sh [SECONDS] [HARNESS ...]   (default 60 seconds; all three harnesses)
#
# Harnesses (Tools/fuzz/NAME/, added to the package when METRO6_FUZZ=1):
#   scenario  the scenario loader: YAML/JSON -> validate -> three months of a run -> JSON report
#   swf       the SWF reader and both batch schedulers
#   packets   the packet decoders (the first byte picks the link type)
# Seeds: the bundled scenarios, the test fixtures' traces and the frames of the test captures.
# Kept crashers: Tools/fuzz/regressions/HARNESS/, replayed first; a new crasher is written to
# Tools/fuzz/crashes/HARNESS/ and the script exits 1: fix it, then move the file to regressions/
# (the test suite replays that folder too). Leak reports are off: global constants initialised
# once are reported as leaks by LeakSanitizer, and memory errors are what this run is for.
# FUZZ_SEED sets libFuzzer's seed (1 by default, so CI explores the same way each run; give another
# for a fresh search).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
seconds="${1:-60}"
shift || true
harnesses=("$@")
[ ${#harnesses[@]} -eq 0 ] && harnesses=(scenario swf packets)
scratch="$root/.build-fuzz"
work="$here/bin"
export ASAN_OPTIONS=detect_leaks=0

product() {
    case "$1" in
    scenario) echo FuzzScenario ;;
    swf) echo FuzzSWF ;;
    packets) echo FuzzPackets ;;
    *)
        echo "unknown harness: $1 (scenario, swf or packets)" >&2
        exit 2
        ;;
    esac
}

seed() {
    local name="$1" dir="$work/seeds/$1"
    [ -d "$dir" ] && return
    mkdir -p "$dir"
    case "$name" in
    scenario) find "$root/Scenarios" -name '*.yaml' -exec cp {} "$dir/" \; ;;
    swf) cp "$root"/Tests/ComputeModelTests/Fixtures/*.swf "$dir/" ;;
    packets) python3 "$here/extract_seeds.py" "$root/Tests/ProbeTests/Fixtures" "$dir" ;;
    esac
}

failed=0
for name in "${harnesses[@]}"; do
    binary="$(product "$name")"
    # gold warns once per ASan helper symbol ("Cannot export local symbol"); nothing is wrong.
    mkdir -p "$work"
    if ! METRO6_FUZZ=1 swift build -c release --scratch-path "$scratch" --product "$binary" \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library >"$work/$name.build.log" 2>&1; then
        grep -v 'Cannot export local symbol' "$work/$name.build.log" >&2
        echo "error: $binary did not build" >&2
        exit 1
    fi
    executable="$scratch/release/$binary"
    seed "$name"
    regressions="$here/regressions/$name"
    if compgen -G "$regressions/*" >/dev/null; then
        echo "== $name: replaying $(ls "$regressions" | wc -l) kept crashers" >&2
        "$executable" -timeout=60 "$regressions"/* >/dev/null 2>&1 || {
            echo "error: a kept $name crasher fails again" >&2
            failed=1
        }
    fi
    [ "$seconds" = 0 ] && continue
    crashes="$here/crashes/$name"
    corpus="$work/corpus/$name"
    mkdir -p "$crashes" "$corpus"
    echo "== $name: fuzzing for $seconds s" >&2
    if ! "$executable" -seed="${FUZZ_SEED:-1}" -max_total_time="$seconds" -max_len=65536 -timeout=30 -rss_limit_mb=3072 \
        -artifact_prefix="$crashes/" -print_final_stats=1 "$corpus" "$work/seeds/$name" 2>"$work/$name.log"; then
        echo "error: $name found a crasher in $crashes (log: $work/$name.log):" >&2
        grep -E 'ERROR|Fatal error|SUMMARY|Test unit written' "$work/$name.log" | head -5 >&2
        failed=1
    else
        grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' "$work/$name.log" >&2
    fi
done
exit "$failed"
