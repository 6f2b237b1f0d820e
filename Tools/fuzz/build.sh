#!/usr/bin/env bash
# Tools/fuzz/build.sh - build and run the libFuzzer target for the Packets decoders.
#
# Usage: Tools/fuzz/build.sh [SECONDS]   (default 60; 0 only builds)
#
# Compiles Sources/Packets with FuzzPackets.swift into one binary with
# `swiftc -sanitize=fuzzer,address`, extracts every frame of the corpus captures
# (Tests/ProbeTests/Fixtures) as seeds (first byte = link type index, see FuzzPackets.swift),
# then fuzzes for SECONDS. Crashers land in Tools/fuzz/crashes/; turn each into a regression test.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
seconds="${1:-60}"
out="$here/bin"
mkdir -p "$out" "$out/corpus" "$here/crashes"

mapfile -t sources < <(find "$root/Sources/Packets" -name '*.swift' | sort)
# gold warns once per ASan helper symbol ("Cannot export local symbol"); nothing is wrong.
swiftc -swift-version 6 -O -sanitize=fuzzer,address -parse-as-library -module-name Packets \
    "${sources[@]}" "$here/FuzzPackets.swift" -o "$out/fuzz-packets" \
    2> >(grep -v 'Cannot export local symbol' >&2)
echo "built $out/fuzz-packets" >&2

seeds="$out/seeds"
if [ ! -d "$seeds" ]; then
    python3 "$here/extract_seeds.py" "$root/Tests/ProbeTests/Fixtures" "$seeds"
fi
[ "$seconds" = 0 ] && exit 0
cd "$here/crashes"
"$out/fuzz-packets" -max_total_time="$seconds" -max_len=4096 -print_final_stats=1 \
    "$out/corpus" "$seeds" 2>&1 | tail -20
