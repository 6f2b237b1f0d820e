#!/usr/bin/env bash
# Tools/phold-compare.sh - PHOLD events/s of metro6 against its peers, as a markdown table.
#
# Builds the peers (Tools/peers/build.sh), then for N=1024 and N=65536 LPs (E=16, R=0.9, L=0.1,
# K=20,000,000, seed 1) runs:
#   metro6             $METRO6_BIN bench phold ... --format json $METRO6_ARGS
#   C++ heap4, stdpq   Tools/peers/bin/phold_heap --queue heap4|stdpq   (-O3 -march=x86-64-v2)
#   ns-3 heap, priority, map
#                      Tools/peers/bin/phold_ns3 --scheduler ...  (Debian ns-3 3.37, logging
#                      compiled in: slower than ns-3's --build-profile=optimized). map runs K/10
#                      events and is reported in events/s like the others.
# Each run is pinned with `taskset -c 1` (when taskset and a second CPU exist) and measured with
# /usr/bin/time -v for max RSS. events/s is the tool's own figure (event loop only, set-up
# excluded). Ratios are to the best ns-3 row and to C++ heap4 of the same configuration.
#
# Usage: Tools/phold-compare.sh [--quick]        (--quick divides every K by 10)
# Environment:
#   METRO6_BIN         metro6 binary (default .build/release/metro6, relative to the repo root);
#                      if it does not exist the metro6 row is skipped with a note
#   METRO6_ARGS        extra arguments for metro6, e.g. "--calendar heap"
#   PHOLD_EXPONENTIAL  Exp(1) sampler of the peers: ziggurat (default: the one metro6 uses, so all
#                      rows, metro6 included, print the same checksum) or log (-log(1-u))
#   PHOLD_REPEAT       runs per row, the fastest is reported (default 1)
# The checksum column shows that rows did the same work: equal checksums, same events processed.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

quick=0
for arg in "$@"; do
    case "$arg" in
        --quick) quick=1 ;;
        -h|--help) sed -n '2,26p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "phold-compare.sh: unknown argument '$arg' (try --help)" >&2; exit 2 ;;
    esac
done

metro6="${METRO6_BIN:-.build/release/metro6}"
read -r -a metro6_args <<<"${METRO6_ARGS:-}"
expo="${PHOLD_EXPONENTIAL:-ziggurat}"
repeat="${PHOLD_REPEAT:-1}"
case "$expo" in log|ziggurat) ;; *) echo "phold-compare.sh: PHOLD_EXPONENTIAL must be log or ziggurat" >&2; exit 2 ;; esac
[[ "$repeat" =~ ^[1-9][0-9]*$ ]] || { echo "phold-compare.sh: PHOLD_REPEAT must be a positive integer" >&2; exit 2; }

Tools/peers/build.sh || { echo "phold-compare.sh: building the peers failed" >&2; exit 1; }
peers="$root/Tools/peers/bin"

if [ ! -x /usr/bin/time ]; then
    echo "phold-compare.sh: installing the 'time' package for /usr/bin/time -v" >&2
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq time >&2 \
        || { $sudo apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq time >&2; } \
        || { echo "phold-compare.sh: cannot install 'time'" >&2; exit 1; }
fi

pin=()
if command -v taskset >/dev/null && [ "$(nproc)" -ge 2 ]; then
    pin=(taskset -c 1)
else
    echo "phold-compare.sh: note: runs are not pinned (no taskset or a single CPU)" >&2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

notes=()
failed=0
rows=()  # "config|implementation|events/s|rss_mb|checksum|events"

# run CONFIG LABEL COMMAND...  -> appends a row (best events/s of $repeat runs)
run() {
    local config="$1" label="$2"
    shift 2
    local best="" rss="" sum="" events="" i line eps kb
    for ((i = 1; i <= repeat; i++)); do
        echo "phold-compare.sh: [$config] $label ($i/$repeat): $*" >&2
        if ! /usr/bin/time -v -o "$work/time" "${pin[@]}" "$@" >"$work/out" 2>"$work/err"; then
            echo "phold-compare.sh: $label failed:" >&2
            tail -5 "$work/err" >&2
            rows+=("$config|$label|failed|||")
            failed=1
            return
        fi
        line="$(grep -m1 '^{' "$work/out" || true)"
        eps="$(grep -o '"eventsPerSecond":[0-9.eE+-]*' <<<"$line" | cut -d: -f2)"
        kb="$(sed -n 's/.*Maximum resident set size (kbytes): *//p' "$work/time")"
        if [ -z "$eps" ]; then
            echo "phold-compare.sh: $label printed no JSON result:" >&2
            cat "$work/out" >&2
            rows+=("$config|$label|failed|||")
            failed=1
            return
        fi
        if [ -z "$best" ] || awk -v a="$eps" -v b="$best" 'BEGIN { exit !(a > b) }'; then
            best="$eps"
            rss="$(awk -v k="${kb:-0}" 'BEGIN { printf "%.1f", k / 1024 }')"
        fi
        sum="$(grep -o '"checksum":"[0-9a-fA-F]*"' <<<"$line" | cut -d'"' -f4)"
        events="$(grep -o '"events":[0-9]*' <<<"$line" | cut -d: -f2)"
    done
    rows+=("$config|$label|$best|$rss|$sum|$events")
}

configs=("1024 16 0.9 0.1 20000000" "65536 16 0.9 0.1 20000000")
for cfg in "${configs[@]}"; do
    read -r n e r l k <<<"$cfg"
    ((quick)) && k=$((k / 10))
    kmap=$((k / 10))
    name="N=$n E=$e R=$r L=$l K=$k"
    common=(--lps "$n" --population "$e" --remote "$r" --lookahead "$l" --seed 1)
    if [ -x "$metro6" ]; then
        run "$name" "metro6${METRO6_ARGS:+ $METRO6_ARGS}" "$metro6" bench phold "${common[@]}" --events "$k" \
            --format json "${metro6_args[@]}"
    else
        rows+=("$name|metro6|skipped|||")
    fi
    run "$name" "C++ heap4" "$peers/phold_heap" "${common[@]}" --events "$k" --queue heap4 --exponential "$expo"
    run "$name" "C++ stdpq" "$peers/phold_heap" "${common[@]}" --events "$k" --queue stdpq --exponential "$expo"
    run "$name" "ns-3 heap" "$peers/phold_ns3" "${common[@]}" --events "$k" --scheduler heap --exponential "$expo"
    run "$name" "ns-3 priority" "$peers/phold_ns3" "${common[@]}" --events "$k" --scheduler priority --exponential "$expo"
    run "$name" "ns-3 map (K/10)" "$peers/phold_ns3" "${common[@]}" --events "$kmap" --scheduler map --exponential "$expo"
done
[ -x "$metro6" ] || notes+=("metro6 rows skipped: $metro6 does not exist (build it with \`swift build -c release\` or set METRO6_BIN)")

# ---------------------------------------------------------------- table
echo
echo "PHOLD, seed 1, peers' Exp(1) sampler: $expo$( ((quick)) && echo ', --quick (K/10)'), best of $repeat run(s), $(uname -m), $(nproc) CPUs$( ((${#pin[@]})) && echo ', pinned to CPU 1')"
echo
echo "| config | implementation | events/s | ratio to ns-3 best | ratio to C++ heap4 | max RSS MB | checksum |"
echo "|---|---|---:|---:|---:|---:|---|"
printf '%s\n' "${rows[@]}" | awk -F'|' '
    { cfg[NR] = $1; impl[NR] = $2; eps[NR] = $3; rss[NR] = $4; sum[NR] = $5; n = NR
      if ($3 ~ /^[0-9.eE+-]+$/) {
          if ($2 ~ /^ns-3/ && $3 + 0 > ns3[$1]) ns3[$1] = $3 + 0
          if ($2 == "C++ heap4") heap[$1] = $3 + 0
      } }
    function ratio(x, base) { return base > 0 ? sprintf("%.2f", x / base) : "-" }
    END {
        for (i = 1; i <= n; i++) {
            if (eps[i] ~ /^[0-9.eE+-]+$/)
                printf "| %s | %s | %.0f | %s | %s | %s | %s |\n", cfg[i], impl[i], eps[i],
                       ratio(eps[i], ns3[cfg[i]]), ratio(eps[i], heap[cfg[i]]), rss[i], sum[i]
            else
                printf "| %s | %s | %s | - | - | - | - |\n", cfg[i], impl[i], eps[i]
        }
    }'
echo
# Same work? Within a configuration every full-K row must print one checksum (the K/10 map row
# differs by construction; metro6 matches only with PHOLD_EXPONENTIAL=ziggurat).
for cfg in "${configs[@]}"; do
    read -r n _ <<<"$cfg"
    sums="$(printf '%s\n' "${rows[@]}" | awk -F'|' -v n="N=$n " 'index($1, n) == 1 && $5 != "" && $2 !~ /K\/10/ && ($2 !~ /^metro6/ || z) { print $5 }' z="$([ "$expo" = ziggurat ] && echo 1)" | sort -u)"
    if [ "$(printf '%s' "$sums" | grep -c .)" -gt 1 ]; then
        notes+=("N=$n: checksums differ between rows that should have done the same work: $(echo $sums)")
    fi
done
[ "$expo" = log ] && notes+=("metro6 samples Exp(1) with a ziggurat, the peers here with -log(1-u): their checksums differ by design (PHOLD_EXPONENTIAL=ziggurat makes them comparable)")
notes+=("ns-3 is Debian's libns3-dev 3.37 with NS_LOG compiled in: slower than an ns-3 built with --build-profile=optimized")
for note in "${notes[@]}"; do echo "- $note"; done
exit "$failed"
