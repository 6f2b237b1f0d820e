#!/usr/bin/env bash
# Tools/probe/compare.sh - speed and memory of `metro6 probe` beside the libpcap floor, tcpdump
# and tshark, on the same deterministic captures, as markdown tables.
#
# Usage: Tools/probe/compare.sh METRO6_BINARY [N ...]     (default N: 5000000)
#        METRO6_BINARY=... Tools/probe/compare.sh [N ...]  the same, the binary from the environment
#        "skip" as the binary leaves the metro6 rows out (until `metro6 probe` exists).
#
# For each N, Tools/probe/bin/gencap writes (once; kept in CAPDIR) a mixed capture of N packets
# (see gencap.c: IPv4/IPv6 TCP, DNS, ICMPv6, DHCPv6, VLAN/QinQ, tunnels, PPPoE, fragments, a few
# malformed frames; ~600 bytes a frame). Then each reader runs over it under
# `/usr/bin/time -f '%U %S %M'` (user CPU s, system CPU s, peak RSS KB), pinned with
# `taskset -c 1` when there are two CPUs or more, its standard output sent to /dev/null:
#   libpcap floor  bin/pcapfloor FILE                     pcap_next_ex and nothing else: no reader
#                                                         that opens the file with pcap_open_offline
#                                                         can beat it
#   mapped floor   bin/pcapfloor --mapped FILE            the same, reading the way metro6 reads a
#                                                         regular file (a memory mapping, no read(2)
#                                                         copy): metro6 / mapped floor is metro6's
#                                                         own work alone
#   metro6         METRO6_BINARY probe FILE --format json (exit status 0 or 1: 1 = a check failed)
#   tcpdump        TZ=UTC tcpdump -n -r FILE              decodes and prints one line a packet
#   tshark         tshark -q -z io,phs -r FILE            full dissection, protocol hierarchy
# The figure of merit is packets per CPU-second (user + sys, not wall time, so that neither the
# disk nor a busy second core enters), best of REPEAT runs; peak RSS is that of the best run.
# The ratio table divides metro6's packets per CPU-second by each peer's: above 1, metro6 is faster.
#
# Why TZ=UTC: with TZ unset, glibc's localtime() checks /etc/localtime (a stat(2)) on every call,
# and tcpdump formats every packet's timestamp with it: one system call per packet, which made
# tcpdump 1.7x slower on the IPv6 TCP part of these captures (up to ~3x on simpler traffic). That
# would measure glibc's time-zone handling, not tcpdump's decoding.
# About tcpdump's figure: its IPv4 address cache (addrtoname.c) hashes an address on its first 12
# bits in memory order, which on little-endian machines is the first octet and a half, so the
# ~4,200 clients in 198.18.0.0/15 share one bucket and ~40% of tcpdump's time is that chain walk.
# Any capture with thousands of hosts in one /16 (a real LAN) does the same to it.
# Why tshark has a limit: it is by far the slowest, and keeps state for every packet (its memory
# grows by ~0.6 KB a packet), so it runs only for N <= TSHARK_MAX.
#
# Missing Debian packages (tcpdump, tshark, libpcap-dev, time, gcc) are installed with apt-get,
# through sudo when not root; tshark's "may non-root users capture?" question is pre-answered no.
#
# Environment:
#   CAPDIR      where the captures are kept (default /tmp/metro6-probe-bench); a capture is reused
#               while gencap.c is unchanged (its name carries a hash of the source), and replaced
#               when it changed
#   REPEAT      runs per measurement, the best is kept (default 2)
#   TSHARK_MAX  largest N that tshark runs on (default 5000000)
#   ROUNDS      when set, measure differently: ROUNDS interleaved rounds per N of the floor, then
#               metro6 (then BASELINE, another metro6 binary, when set), one run each, and print
#               each round's CPU seconds and ratios with their medians. On a machine whose speed
#               drifts, ratios taken within one round are steadier than bests taken minutes apart.
#               tcpdump and tshark are not run in this mode.
#   BASELINE    a second metro6 binary for ROUNDS mode (e.g. the build before a change)
#   OUT         also write the report to this file
#   CC          C compiler for gencap and pcapfloor (default cc)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
me="compare.sh"

usage() { sed -n '5,7p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }
fail() { echo "$me: error: $*" >&2; exit 1; }

# ---------------------------------------------------------------- arguments
case "${1:-}" in -h | --help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "${BASH_SOURCE[0]}"; exit 0 ;; esac
if [ $# -ge 1 ] && ! [[ "$1" =~ ^[0-9]+$ ]]; then
    metro6="$1"
    shift
elif [ -n "${METRO6_BINARY:-}" ]; then
    metro6="$METRO6_BINARY"
else
    usage
fi
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(5000000)
for n in "${sizes[@]}"; do
    [[ "$n" =~ ^[1-9][0-9]*$ ]] || fail "N must be a positive integer, not '$n'"
done
if [ "$metro6" != skip ]; then
    resolved="$(command -v -- "$metro6" || true)"
    if [ -z "$resolved" ] || [ ! -x "$resolved" ]; then
        fail "metro6 binary '$metro6' not found or not executable (use 'skip' to leave it out)"
    fi
    metro6="$(cd "$(dirname "$resolved")" && pwd)/$(basename "$resolved")"
fi
capdir="${CAPDIR:-/tmp/metro6-probe-bench}"
repeat="${REPEAT:-2}"
tshark_max="${TSHARK_MAX:-5000000}"
rounds="${ROUNDS:-}"
baseline="${BASELINE:-}"
[[ "$repeat" =~ ^[1-9][0-9]*$ ]] || fail "REPEAT must be a positive integer"
[[ "$tshark_max" =~ ^[0-9]+$ ]] || fail "TSHARK_MAX must be a non-negative integer"
[ -z "$rounds" ] || [[ "$rounds" =~ ^[1-9][0-9]*$ ]] || fail "ROUNDS must be a positive integer"
if [ -n "$rounds" ] && [ "$metro6" = skip ]; then fail "ROUNDS needs a metro6 binary"; fi
if [ -n "$baseline" ]; then
    [ -x "$baseline" ] || fail "BASELINE '$baseline' is not an executable"
fi

# ---------------------------------------------------------------- packages
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
missing=()
for package in tcpdump tshark libpcap-dev time; do
    installed "$package" || missing+=("$package")
done
command -v "${CC:-cc}" >/dev/null || missing+=(gcc)
if [ ${#missing[@]} -gt 0 ]; then
    command -v apt-get >/dev/null || fail "missing packages (${missing[*]}) and no apt-get to install them"
    sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    echo "$me: installing ${missing[*]}" >&2
    # tshark's wireshark-common asks whether non-root users may capture: answer no, ask nothing.
    echo "wireshark-common wireshark-common/install-setuid boolean false" | "${sudo[@]}" debconf-set-selections
    "${sudo[@]}" apt-get update -qq >&2
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2 \
        || fail "apt-get install ${missing[*]} failed"
fi

# ---------------------------------------------------------------- tools
bin="$here/bin"
mkdir -p "$bin"
build() { # build NAME EXTRA-LINK-FLAGS...: recompiles bin/NAME when older than NAME.c
    local name="$1"
    shift
    if [ ! -x "$bin/$name" ] || [ "$here/$name.c" -nt "$bin/$name" ]; then
        echo "$me: building bin/$name" >&2
        "${CC:-cc}" -O2 -Wall -o "$bin/$name" "$here/$name.c" "$@"
    fi
}
build gencap
build pcapfloor -lpcap

pin=()
if command -v taskset >/dev/null && [ "$(nproc)" -ge 2 ]; then
    pin=(taskset -c 1)
else
    echo "$me: note: runs are not pinned (no taskset or a single CPU)" >&2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# ---------------------------------------------------------------- captures
mkdir -p "$capdir"
version="$(sha256sum "$here/gencap.c" | cut -c1-12)"
capture() { echo "$capdir/gencap-$1-seed1-$version.pcap"; }
for n in "${sizes[@]}"; do
    file="$(capture "$n")"
    # Captures of this N from another gencap.c are stale, and large: remove them.
    find "$capdir" -maxdepth 1 -name "gencap-$n-seed1-*.pcap*" ! -name "$(basename "$file")" -delete
    if [ ! -s "$file" ]; then
        echo "$me: generating $file" >&2
        "$bin/gencap" "$n" "$file.partial" 1
        mv "$file.partial" "$file"
    fi
done

# ---------------------------------------------------------------- measurements
# cpu COMMAND...: one run's CPU seconds (user + sys), pinned; exit statuses 0 and 1 both count.
cpu() {
    local rc=0
    /usr/bin/time -f '%U %S' -o "$work/time" "${pin[@]}" "$@" >/dev/null 2>"$work/stderr" || rc=$?
    if [ "$rc" -gt 1 ]; then
        tail -n 5 "$work/stderr" >&2
        fail "exited with status $rc: $*"
    fi
    tail -n 1 "$work/time" | awk '{ printf "%.2f", $1 + $2 }'
}

if [ -n "$rounds" ]; then
    {
        echo "Interleaved rounds: $(date -u +%Y-%m-%d), $(nproc) CPUs$([ ${#pin[@]} -gt 0 ] && echo ', pinned to CPU 1'); CPU s = user + sys"
        for n in "${sizes[@]}"; do
            file="$(capture "$n")"
            echo
            echo "N = $n"
            echo
            # Ratios of packets per CPU-second: metro6 / floor, metro6 / mapped floor.
            if [ -n "$baseline" ]; then
                echo "| round | floor | mapped floor | baseline | metro6 | metro6 / baseline (CPU) | metro6 / floor | metro6 / mapped floor |"
                echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
            else
                echo "| round | floor | mapped floor | metro6 | metro6 / floor | metro6 / mapped floor |"
                echo "|---:|---:|---:|---:|---:|---:|"
            fi
            for ((round = 1; round <= rounds; round++)); do
                echo "$me: N=$n round $round/$rounds" >&2
                floor="$(cpu "$bin/pcapfloor" "$file")"
                mapped="$(cpu "$bin/pcapfloor" --mapped "$file")"
                base=""
                [ -z "$baseline" ] || base="$(cpu "$baseline" probe "$file" --format json)"
                probe="$(cpu "$metro6" probe "$file" --format json)"
                awk -v r="$round" -v f="$floor" -v p="$mapped" -v b="$base" -v m="$probe" 'BEGIN {
                    if (b != "") printf "| %d | %.2f | %.2f | %.2f | %.2f | %.3f | %.3f | %.3f |\n", r, f, p, b, m, m / b, f / m, p / m
                    else printf "| %d | %.2f | %.2f | %.2f | %.3f | %.3f |\n", r, f, p, m, f / m, p / m }'
            done | tee "$work/rounds"
            echo
            awk -F'|' -v has_base="$baseline" '
                function median(a, k,   i, j, t) {
                    for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
                    return k % 2 ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2
                }
                {
                    k++
                    floorRatio[k] = $(NF - 2) + 0
                    mappedRatio[k] = $(NF - 1) + 0
                    if (has_base != "") baseRatio[k] = $(NF - 3) + 0
                }
                END {
                    printf "median metro6 / floor: %.3f; median metro6 / mapped floor: %.3f", median(floorRatio, k), median(mappedRatio, k)
                    if (has_base != "") printf "; median metro6 / baseline CPU: %.3f", median(baseRatio, k)
                    print ""
                }' "$work/rounds"
        done
        echo
        echo "- metro6: $metro6"
        [ -z "$baseline" ] || echo "- baseline: $baseline"
    } >"$work/report"
    cat "$work/report"
    [ -z "${OUT:-}" ] || cp "$work/report" "$OUT"
    exit 0
fi

rows=() # "tool|N|cpu seconds|peak RSS KB", or "tool|N|failed" / "tool|N|skipped: why"
failed=0

# measure TOOL N OK-STATUSES STDOUT COMMAND...: best CPU time of $repeat runs of COMMAND, appended
# to rows. OK-STATUSES lists the exit statuses that count as success ("0" or "0 1"); STDOUT is where
# the command's standard output goes. Returns 1 if a run failed.
measure() {
    local tool="$1" n="$2" ok="$3" stdout="$4"
    shift 4
    local i rc user sys kb cpu best="" best_kb=""
    for ((i = 1; i <= repeat; i++)); do
        echo "$me: N=$n $tool ($i/$repeat)" >&2
        rc=0
        /usr/bin/time -f '%U %S %M' -o "$work/time" "${pin[@]}" "$@" >"$stdout" 2>"$work/stderr" || rc=$?
        if [[ " $ok " != *" $rc "* ]]; then
            echo "$me: $tool exited with status $rc: $*" >&2
            tail -n 5 "$work/stderr" >&2
            rows+=("$tool|$n|failed")
            failed=1
            return 1
        fi
        # GNU time writes "Command exited with non-zero status N" first when N != 0.
        read -r user sys kb < <(tail -n 1 "$work/time")
        cpu="$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')"
        if [ -z "$best" ] || awk -v a="$cpu" -v b="$best" 'BEGIN { exit !(a < b) }'; then
            best="$cpu"
            best_kb="$kb"
        fi
    done
    rows+=("$tool|$n|$best|$best_kb")
}

for n in "${sizes[@]}"; do
    file="$(capture "$n")"
    if measure "libpcap floor" "$n" 0 "$work/floor" "$bin/pcapfloor" "$file"; then
        read -r got _ <"$work/floor"
        [ "$got" = "$n" ] || fail "pcapfloor read $got packets from $file, expected $n"
    fi
    measure "mapped floor" "$n" 0 /dev/null "$bin/pcapfloor" --mapped "$file" || true
    if [ "$metro6" = skip ]; then
        rows+=("metro6|$n|skipped: METRO6_BINARY=skip")
    else
        measure metro6 "$n" "0 1" /dev/null "$metro6" probe "$file" --format json || true
    fi
    measure tcpdump "$n" 0 /dev/null env TZ=UTC tcpdump -n -r "$file" || true
    if [ "$n" -le "$tshark_max" ]; then
        measure tshark "$n" 0 /dev/null tshark -q -z io,phs -r "$file" || true
    else
        rows+=("tshark|$n|skipped: N > TSHARK_MAX=$tshark_max")
    fi
done

# ---------------------------------------------------------------- report
# An awk function both tables use: 1234567 -> 1,234,567.
commas='function commas(x,   s) { s = sprintf("%.0f", x); while (s ~ /[0-9][0-9][0-9][0-9]/) sub(/[0-9][0-9][0-9]($|,)/, ",&", s); return s }'
{
    cpu_model="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
    echo "Packet probe speed: $(date -u +%Y-%m-%d), ${cpu_model:-$(uname -m)}, $(nproc) CPUs$([ ${#pin[@]} -gt 0 ] && echo ', pinned to CPU 1'), best of $repeat run(s)"
    echo
    echo "| tool | N | CPU s | packets per CPU-second | peak RSS MB |"
    echo "|---|---:|---:|---:|---:|"
    printf '%s\n' "${rows[@]}" | awk -F'|' "$commas"'
        $3 ~ /^[0-9.]+$/ {
            pps = $3 > 0 ? commas($2 / $3) : "-"
            printf "| %s | %s | %.2f | %s | %.1f |\n", $1, commas($2), $3, pps, $4 / 1024
            next
        }
        { printf "| %s | %s | %s | - | - |\n", $1, commas($2), $3 }'
    echo
    echo "metro6's packets per CPU-second divided by each peer's (above 1: metro6 is faster):"
    echo
    echo "| N | metro6 / floor | metro6 / mapped floor | metro6 / tcpdump | metro6 / tshark |"
    echo "|---:|---:|---:|---:|---:|"
    printf '%s\n' "${rows[@]}" | awk -F'|' "$commas"'
        function ratio(n, tool) { return (n SUBSEP "metro6") in cpu && (n SUBSEP tool) in cpu && cpu[n, "metro6"] > 0 ? sprintf("%.2f", cpu[n, tool] / cpu[n, "metro6"]) : "-" }
        !($2 in seen) { seen[$2] = 1; order[++count] = $2 }
        $3 ~ /^[0-9.]+$/ { cpu[$2, $1] = $3 }
        END {
            for (i = 1; i <= count; i++) {
                n = order[i]
                printf "| %s | %s | %s | %s | %s |\n", commas(n), ratio(n, "libpcap floor"), ratio(n, "mapped floor"), ratio(n, "tcpdump"), ratio(n, "tshark")
            }
        }'
    echo
    echo "- captures: gencap N (seed 1) in $capdir, $(for n in "${sizes[@]}"; do du -m "$(capture "$n")" | awk -v n="$n" '{ printf "N=%s %s MB; ", n, $1 }'; done | sed 's/; $//')"
    echo "- $(tcpdump --version 2>&1 | head -n 1), $(tcpdump --version 2>&1 | sed -n 's/^libpcap version \([^ ]*\).*/libpcap \1/p')"
    echo "- $(tshark --version 2>/dev/null | head -n 1)"
    [ "$metro6" = skip ] || echo "- metro6: $metro6"
} >"$work/report"
cat "$work/report"
if [ -n "${OUT:-}" ]; then
    cp "$work/report" "$OUT"
    echo "$me: report written to $OUT" >&2
fi
exit "$failed"
