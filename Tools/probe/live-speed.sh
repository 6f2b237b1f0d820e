#!/usr/bin/env bash
# Tools/probe/live-speed.sh - how fast `metro6 probe --interface` keeps up: tcpreplay sends a
# generated capture from the lab's router onto the host's link at each rate, the live probe and
# tcpdump (the peer, in the same run) capture on the host's side, and the table gives packets sent,
# received by each, and the kernel's drops (pcap_stats). Needs root, the lab's packages and
# tcpreplay (Debian: tcpreplay); a release build of metro6.
#
# Usage: Tools/probe/live-speed.sh METRO6_BINARY [RATE ...]   (packets per second; default
#        100000 200000 400000, and "top" for tcpreplay's --topspeed)
# PACKETS (default 400000) packets are sent at each rate. TCPDUMP=no leaves tcpdump out (three
# capturing processes on two cores slow the generator down).
set -euo pipefail
binary=${1:?usage: live-speed.sh METRO6_BINARY [RATE ...]}
shift
rates=("$@")
[ ${#rates[@]} -gt 0 ] || rates=(100000 200000 400000 top)
packets=${PACKETS:-400000}
here="$(cd "$(dirname "$0")" && pwd)"
lab="$here/../netlab/lab.sh"
work=$(mktemp -d)
trap 'bash "$lab" down "$work/lab" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

mkdir -p "$here/bin"
[ -x "$here/bin/gencap" ] && [ "$here/bin/gencap" -nt "$here/gencap.c" ] || "${CC:-cc}" -O2 -Wall -o "$here/bin/gencap" "$here/gencap.c"
"$here/bin/gencap" "$packets" "$work/traffic.pcap" 1 >/dev/null
bash "$lab" up "$work/lab"

# The probe's packets read, or one of the kernel's counts ($1), from its JSON report $2.
json_field() { python3 -c "import json,sys; f=json.load(open(sys.argv[2]))['files'][0]; print(f['packets'] if sys.argv[1]=='packets' else f['live'][sys.argv[1]])" "$1" "$2"; }

echo "| rate asked (pps) | sent | rate reached (pps) | probe read | probe kernel drops | probe peak RSS MB | tcpdump read | tcpdump kernel drops |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
for rate in "${rates[@]}"; do
    rm -f "$work"/*.err "$work"/*.json "$work"/*.pcap.out
    bash "$lab" host "$work/lab" /usr/bin/time -f "peak %M KB" "$binary" probe --interface h0 --format json \
        >"$work/probe.json" 2>"$work/probe.err" &
    probe=$!
    tcpdump=
    if [ "${TCPDUMP:-yes}" = yes ]; then
        bash "$lab" host "$work/lab" tcpdump -i h0 --immediate-mode -w /dev/null 2>"$work/tcpdump.err" &
        tcpdump=$!
    else
        printf 'listening on (not run)\n' >"$work/tcpdump.err"
    fi
    until grep -q "listening on" "$work/probe.err" && grep -q "listening on" "$work/tcpdump.err"; do sleep 0.05; done
    speed=(--pps="$rate")
    [ "$rate" = top ] && speed=(--topspeed)
    bash "$lab" router "$work/lab" tcpreplay -q -i r0 "${speed[@]}" "$work/traffic.pcap" >"$work/tcpreplay.out" 2>&1
    sleep 1
    # SIGINT to the probe itself (under time) and to tcpdump.
    pkill -INT -f "$binary probe --interface h0" || true
    wait "$probe" || true
    if [ -n "$tcpdump" ]; then
        kill -INT "$tcpdump"
        wait "$tcpdump" || true
    fi
    sent=$(sed -n 's/.*Successful packets: *\([0-9]*\).*/\1/p' "$work/tcpreplay.out")
    reached=$(sed -n 's/.*Rated: [0-9.]* Bps, [0-9.]* Mbps, \([0-9.]*\) pps.*/\1/p' "$work/tcpreplay.out")
    tcpdump_read=$(sed -n 's/^\([0-9]*\) packets captured.*/\1/p' "$work/tcpdump.err")
    tcpdump_drops=$(sed -n 's/^\([0-9]*\) packets dropped by kernel.*/\1/p' "$work/tcpdump.err")
    [ -n "$tcpdump_read" ] || tcpdump_read=- tcpdump_drops=-
    rss=$(sed -n 's/^peak \([0-9]*\) KB/\1/p' "$work/probe.err")
    echo "| $rate | $sent | ${reached%.*} | $(json_field packets "$work/probe.json") | $(json_field droppedByKernel "$work/probe.json") | $((rss / 1024)) | $tcpdump_read | $tcpdump_drops |"
done
echo
echo "- $(nproc) CPUs, $(uname -r), $(tcpreplay --version 2>&1 | head -1), $(tcpdump --version 2>&1 | head -1)"
echo "- $packets packets of gencap (seed 1) per rate; the probe's and tcpdump's reads include the host's own packets (a few)"
