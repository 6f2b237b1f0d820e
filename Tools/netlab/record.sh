#!/usr/bin/env bash
# Records each lab scenario (lab.sh) as tcpdump sees it on the host's link: the captures in
# Tests/ProbeTests/Fixtures/netlab/ were made with this, from Debian 12's daemons.
#
#   bash Tools/netlab/record.sh OUTDIR [SCENARIO...]   # default: every scenario
#
# Needs root and the lab's packages (bash Tools/setup.sh test installs them).
set -euo pipefail
out=${1:?usage: record.sh OUTDIR [SCENARIO...]}
shift
scenarios=("$@")
[ ${#scenarios[@]} -gt 0 ] || scenarios=(dhcpv6 prefix-delegation happy-eyeballs rogue-ra nat64 small-mtu)
lab="$(cd "$(dirname "$0")" && pwd)/lab.sh"
mkdir -p "$out"
out=$(cd "$out" && pwd)

for scenario in "${scenarios[@]}"; do
    dir=$(mktemp -d)
    trap 'bash "$lab" down "$dir"; rm -rf "$dir"' EXIT
    bash "$lab" scenario "$dir" "$scenario"
    bash "$lab" host "$dir" tcpdump -i h0 --immediate-mode -U -w "$out/$scenario.pcap" 2>"$dir/tcpdump.err" &
    recorder=$!
    until grep -q "listening on" "$dir/tcpdump.err"; do sleep 0.05; done
    bash "$lab" traffic "$dir" "$scenario"
    sleep 0.5
    kill -INT "$recorder"
    wait "$recorder" || true
    bash "$lab" down "$dir"
    rm -rf "$dir"
    trap - EXIT
    echo "$scenario: $(tcpdump -r "$out/$scenario.pcap" 2>/dev/null | wc -l) packets"
done
