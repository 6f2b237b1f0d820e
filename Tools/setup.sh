#!/usr/bin/env bash
# Metro6 set-up: installs what is missing, builds, and runs the main job or the test suite.
#
#   bash Tools/setup.sh run    # install, build (release), run the main job and print its summary
#   bash Tools/setup.sh test   # install what the tests need too, then run the whole test suite
#
# Idempotent: packages already present are not reinstalled; the build is incremental.
# Needs Debian/Ubuntu (apt) and the Swift toolchain on PATH; sudo is used only when not root.
set -euo pipefail

mode=${1:-run}
case "$mode" in
run | test) ;;
*)
    echo "usage: bash Tools/setup.sh run|test" >&2
    exit 2
    ;;
esac

cd "$(dirname "$0")/.."

# What building and running need (libpcap for the probe, SQLite for results, pkg-config to find them).
packages=(pkg-config libpcap-dev libsqlite3-dev)
# What the tests need on top of that (tshark is the independent decoder the probe is checked against;
# sqlite3 reads sweep results in the documented examples; Slurm and munge make the one-node cluster
# that runs a sharded sweep; the daemons, clients and tcpdump make the network lab the live probe is
# checked on, Tools/netlab/lab.sh; chromium, headless, lays out the HTML reports the tests read back).
test_packages=(iproute2 valgrind binutils python3 tshark sqlite3 slurm-wlm munge
    tcpdump radvd dnsmasq-base isc-dhcp-server isc-dhcp-client unbound tayga nftables ndisc6
    bind9-dnsutils iputils-ping curl chromium)
# Daemons the lab starts itself, in its namespaces: never as the machine's services.
lab_services=(unbound radvd isc-dhcp-server isc-dhcp-server6)

wanted=("${packages[@]}")
[ "$mode" = test ] && wanted+=("${test_packages[@]}")

missing=()
for package in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if [ ${#missing[@]} -gt 0 ]; then
    if ! command -v apt-get >/dev/null; then
        echo "error: missing packages (${missing[*]}) and no apt-get to install them" >&2
        exit 1
    fi
    sudo=()
    [ "$(id -u)" -ne 0 ] && sudo=(sudo)
    echo "Installing: ${missing[*]}"
    "${sudo[@]}" apt-get update -qq
    # tshark's package asks whether non-root users may capture: no (the tests read files).
    echo "wireshark-common wireshark-common/install-setuid boolean false" | "${sudo[@]}" debconf-set-selections
    # Services stay stopped while installing (policy-rc.d), and are disabled afterwards: the lab
    # runs its own copies, and a resolver or DHCP server on the machine is not what was asked for.
    policy=/usr/sbin/policy-rc.d
    own_policy=false
    if [ ! -e "$policy" ]; then
        printf '#!/bin/sh\nexit 101\n' | "${sudo[@]}" tee "$policy" >/dev/null
        "${sudo[@]}" chmod +x "$policy"
        own_policy=true
    fi
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    if [ "$own_policy" = true ]; then "${sudo[@]}" rm -f "$policy"; fi
    if [ "$mode" = test ] && command -v systemctl >/dev/null && [ -d /run/systemd/system ]; then
        "${sudo[@]}" systemctl disable --now "${lab_services[@]}" >/dev/null 2>&1 || true
    fi
fi

if ! command -v swift >/dev/null; then
    echo "error: the Swift toolchain (6.1 or later) is not on PATH" >&2
    exit 1
fi

if [ "$mode" = run ]; then
    swift build -c release --product metro6
    # The main job: the bundled Shenzhen 2011 scenario, one replication, as a readable summary.
    .build/release/metro6 run
else
    swift test
    # The fuzzers (libFuzzer + AddressSanitizer): kept crashers replayed, then 45 s per harness.
    bash Tools/fuzz/run.sh 45
    # The benchmark gate: instruction counts of fixed workloads against Benchmarks/instruction-gate.json.
    bash Tools/bench/gate.sh
fi
