#!/usr/bin/env bash
# EASY backfilling speed: metro6 beside the plain Python reference (Tools/compute/easy_reference.py)
# on the same synthetic traces (power-of-two widths up to 64, lognormal run times, overestimated
# requests, load 0.85, 2,048 cores), and how metro6's cost grows from 100k to 1M jobs.
#
# Usage: Tools/compute/compare.sh [--no-python]    (METRO6_BIN overrides .build/release/metro6)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
bin="${METRO6_BIN:-.build/release/metro6}"
[ -x "$bin" ] || swift build -c release --product metro6 >/dev/null
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
pin=()
command -v taskset >/dev/null && pin=(taskset -c 1)

echo "| jobs | implementation | simulation CPU s | jobs per CPU-second |"
echo "|---:|---|---:|---:|"
declare -A seconds
for jobs in 100000 1000000; do
    trace="$work/synthetic-$jobs.swf"
    "$bin" compute --synthetic "$jobs" --cores 2048 --load 0.85 --seed 1 --write-trace "$trace" --format json >/dev/null
    best=""
    for _ in 1 2 3; do
        s=$("${pin[@]}" "$bin" compute --trace "$trace" --scheduler easy --format json |
            python3 -c 'import json,sys; print(json.load(sys.stdin)["simulationSeconds"])')
        if [ -z "$best" ] || python3 -c "import sys; sys.exit(0 if $s < $best else 1)"; then best=$s; fi
    done
    seconds[$jobs]=$best
    printf '| %s | metro6 EASY | %.3f | %.0f |\n' "$jobs" "$best" "$(python3 -c "print($jobs / $best)")"
    if [ "${1:-}" != "--no-python" ]; then
        line=$("${pin[@]}" python3 Tools/compute/easy_reference.py "$trace" --cores 2048 --scheduler easy --backfill-depth 500)
        cpu=$(echo "$line" | sed -E 's/.* in ([0-9.]+) CPU s.*/\1/')
        printf '| %s | Python reference EASY | %.3f | %.0f |\n' "$jobs" "$cpu" "$(python3 -c "print($jobs / $cpu)")"
    fi
done
python3 -c "print(f'\nmetro6: 1M jobs took {${seconds[1000000]} / ${seconds[100000]}:.2f}x the time of 100k jobs (10x the jobs)')"
