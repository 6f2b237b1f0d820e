#!/usr/bin/env bash
# Tools/bench/gate.sh - the benchmark gate: instruction counts of fixed metro6 workloads, measured
# with callgrind (valgrind), against the committed thresholds in Benchmarks/instruction-gate.json.
#
# Usage: Tools/bench/gate.sh            check: exit 1 when a workload needs more instructions than
#                                       its threshold (a slower engine, model, scheduler or probe)
#        Tools/bench/gate.sh --update   measure and write new thresholds (measured × 1.10)
#
# Instruction counts, unlike seconds, repeat exactly for the same binary and inputs whatever else
# the machine does, so the gate is sound on a noisy 2-core CI machine. The 10% margin covers the
# small differences between machines (glibc picks memcpy variants by CPU); a regression that
# matters (an O(n²) pass, a lost fast path) is far larger. Each workload is small: under
# callgrind (about 50x slower) the whole gate takes under a minute after a release build.
set -euo pipefail
cd "$(dirname "$0")/../.."
thresholds=Benchmarks/instruction-gate.json
mode=${1:-check}
command -v valgrind >/dev/null || { echo "error: valgrind is not installed (apt-get install valgrind)" >&2; exit 2; }
swift build -c release --product metro6 >/dev/null
# valgrind 3.19 cannot read the toolchain's DWARF 5 ("possibly corrupted debuginfo"): the gate
# measures a copy without debug information, which runs the same instructions.
bin=$(mktemp)
objcopy --strip-debug .build/release/metro6 "$bin"
zeek=Tests/ProbeTests/Fixtures/zeek

# name|arguments (one replication and one thread: the count does not depend on scheduling)
workloads=(
    "network-and-centre|run Scenarios/tiny/every-section.yaml --threads 1 --format json"
    "bundled-city-year|run --months 12 --threads 1 --format json"
    "easy-scheduler|compute --synthetic 20000 --cores 512 --scheduler easy --format json"
    "probe-captures|probe $zeek/dns-edns-ecs.pcap $zeek/wikipedia.pcap $zeek/quic-decrypt-fail-google-de-51833.pcap $zeek/Teredo.pcap $zeek/ipv6.pcap --format json"
    "probe-generated|bench probe --packets 20000 --repeat 1 --format json"
    "phold-engine|bench phold --lps 1024 --population 4 --events 200000 --format json"
)

# Swift seeds its hash functions per process; fixed seeds make the counts repeat exactly.
export SWIFT_DETERMINISTIC_HASHING=1
results=$(mktemp)
trap 'rm -f "$results" "$bin"' EXIT
for workload in "${workloads[@]}"; do
    name=${workload%%|*}
    read -r -a arguments <<<"${workload#*|}"
    # callgrind reports "Collected : N" on standard error; the program's status is its own.
    count=$( (valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" "${arguments[@]}" 2>&1 >/dev/null || true) |
        sed -n 's/.*Collected : \([0-9]*\).*/\1/p')
    [ -n "$count" ] || { echo "error: no instruction count for $name" >&2; exit 2; }
    echo "$name $count" >>"$results"
done

python3 - "$mode" "$thresholds" "$results" <<'PY'
import json, sys
mode, path, results = sys.argv[1:4]
measured = dict(line.split() for line in open(results))
measured = {name: int(count) for name, count in measured.items()}
if mode == "--update":
    json.dump({name: {"instructions": round(count * 1.10), "measured": count} for name, count in measured.items()},
              open(path, "w"), indent=2, sort_keys=True)
    open(path, "a").write("\n")
    print(f"wrote {path}")
    sys.exit(0)
limits = json.load(open(path))
failed = False
print(f"{'workload':<22} {'instructions':>15} {'threshold':>15} {'ratio':>7}")
for name, count in measured.items():
    if name not in limits:
        print(f"{name:<22} {count:>15,} {'(none)':>15}   run Tools/bench/gate.sh --update"); failed = True; continue
    limit = limits[name]["instructions"]
    ratio = count / limits[name]["measured"]
    verdict = "ok" if count <= limit else "REGRESSION"
    failed |= count > limit
    print(f"{name:<22} {count:>15,} {limit:>15,} {ratio:>7.3f}  {verdict}")
sys.exit(1 if failed else 0)
PY
