#!/usr/bin/env bash
# PNG screenshots of the HTML reports, for the README: the bundled city's report (its top, and its
# subscriber charts) and the probe's report of the network lab's captures, as headless chromium
# lays them out.
#
#   bash Tools/report/screenshots.sh [OUT_DIR]     # default docs/images
#
# METRO6 names the binary (default .build/release/metro6, built when missing); REPLICATIONS the
# city's replications (default 8: the charts show P10-P90 bands).
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-docs/images}
binary=${METRO6:-.build/release/metro6}
replications=${REPLICATIONS:-8}
[ -x "$binary" ] || swift build -c release --product metro6
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome) || {
    echo "error: no chromium on PATH (bash Tools/setup.sh test installs it)" >&2
    exit 2
}
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$binary" report --replications "$replications" --quiet --out "$work/city.html"
# The lab's captures fail checks on purpose (a rogue router, broken IPv6): exit status 1 is expected.
"$binary" probe Tests/ProbeTests/Fixtures/netlab/*.pcap --format html > "$work/probe.html" || [ $? -eq 1 ]

# A page showing only one section of a report: its title and that section.
section() { # PAGE SECTION-ID COPY
    sed "s|</head>|<style>main > section:not(#$2), header nav, .subtitle { display: none; }</style></head>|" \
        "$work/$1" > "$work/$3"
}

shoot() { # PAGE WIDTH,HEIGHT FILE
    "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$work/profile" \
        --window-size="$2" --screenshot="$out/$3" "file://$work/$1" 2>/dev/null
    echo "$out/$3"
}
shoot city.html 1100,1400 report-overview.png
section city.html subscribers city-subscribers.html
shoot city-subscribers.html 1100,1250 report-subscribers.png
shoot probe.html 1100,1300 probe-checks.png
