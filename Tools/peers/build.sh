#!/usr/bin/env bash
# Tools/peers/build.sh - builds the C++ peers of `metro6 bench phold` into Tools/peers/bin/:
#   bin/phold_heap  hand-written 4-ary heap / std::priority_queue loop (phold_heap.cpp)
#   bin/phold_ns3   PHOLD on ns-3's simulator (phold_ns3.cc), linked against Debian's libns3-dev
#
# Idempotent: installs only what is missing (g++, libns3-dev; Debian packages through apt-get)
# and recompiles a peer only when it is missing or older than its sources or this script.
# Usage: Tools/peers/build.sh [--force]      (CXX and PEER_CXXFLAGS override the compiler/flags)
#
# Flags: -O3 -march=x86-64-v2 on x86-64 (plain -O3 elsewhere), never -march=native, so the
# binaries run on any x86-64-v2 machine and the comparison does not depend on the build host.
# ns-3 comes from Debian (libns3-dev 3.37). Its libraries are built with NS_LOG logging compiled
# in, so it is slower than an ns-3 built with `./ns3 configure --build-profile=optimized`.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bin="$here/bin"
force=0
for arg in "$@"; do
    case "$arg" in
        --force) force=1 ;;
        -h|--help) sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "build.sh: unknown argument '$arg'" >&2; exit 2 ;;
    esac
done

fail() { echo "build.sh: error: $*" >&2; exit 1; }

# ---------------------------------------------------------------- packages
need=()
for pkg in g++ libns3-dev; do
    dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if ((${#need[@]})); then
    command -v apt-get >/dev/null || fail "missing ${need[*]} and no apt-get to install them (a Debian machine is expected)"
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || fail "missing ${need[*]}; run as root or install them: apt-get install -y ${need[*]}"
        sudo="sudo"
    fi
    echo "build.sh: installing ${need[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq >&2 || fail "apt-get update failed"
    $sudo apt-get install -y -qq "${need[@]}" >&2 || fail "apt-get install ${need[*]} failed"
fi
[ -f /usr/include/ns3/simulator.h ] || fail "libns3-dev is installed but /usr/include/ns3/simulator.h is missing"

# ---------------------------------------------------------------- compile
cxx="${CXX:-g++}"
command -v "$cxx" >/dev/null || fail "compiler '$cxx' not found"
if [ -n "${PEER_CXXFLAGS:-}" ]; then
    flags=($PEER_CXXFLAGS)
elif [ "$(uname -m)" = x86_64 ]; then
    flags=(-O3 -march=x86-64-v2)
else
    flags=(-O3)
fi
mkdir -p "$bin"

# build OUTPUT SOURCE [extra compiler arguments...]
build() {
    local out="$1" src="$2"
    shift 2
    local dep stale=$force
    [ -x "$out" ] || stale=1
    for dep in "$src" "$here/phold_common.h" "${BASH_SOURCE[0]}"; do
        [ "$dep" -nt "$out" ] && stale=1
    done
    if [ "$stale" = 0 ]; then
        echo "build.sh: $(basename "$out") is up to date" >&2
        return
    fi
    echo "build.sh: $cxx -std=c++17 ${flags[*]} -o bin/$(basename "$out") $(basename "$src") $*" >&2
    "$cxx" -std=c++17 "${flags[@]}" -Wall -Wextra -o "$out.tmp" "$src" "$@" \
        || fail "compiling $(basename "$src") failed"
    mv -f "$out.tmp" "$out"
}

build "$bin/phold_heap" "$here/phold_heap.cpp"
build "$bin/phold_ns3" "$here/phold_ns3.cc" -I/usr/include -lns3-core

# Smoke test: both must run and agree on a tiny configuration.
a="$("$bin/phold_heap" --lps 8 --population 2 --events 1000 --seed 7)" || fail "bin/phold_heap does not run"
b="$("$bin/phold_ns3" --lps 8 --population 2 --events 1000 --seed 7 2>/dev/null)" || fail "bin/phold_ns3 does not run"
[ "${a##*checksum}" = "${b##*checksum}" ] || fail "peers disagree on a tiny run: $a vs $b"
echo "build.sh: peers ready in $bin" >&2
