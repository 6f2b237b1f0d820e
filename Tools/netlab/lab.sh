#!/usr/bin/env bash
# A small access network in Linux network namespaces, run by real, unmodified daemons from Debian:
# the probe's live tests capture on it, and an engineer can try the probe on it by hand.
#
#   host (h0) ---- (r0) router (r1) ---- (s0) server
#   2001:db8:1::/64, 192.0.2.0/25    2001:db8:2::/64, 198.51.100.0/24, MTU 1280
#
# The router forwards both families and runs what a subcommand starts: radvd, dnsmasq (DHCPv6
# IA_NA and DNS), ISC dhcpd (DHCPv6 IA_PD), unbound (DNS64) with tayga (NAT64 on a TUN device),
# a second radvd on the host link (a rogue router), and nftables rules. The server answers HTTP
# on both families. Only documentation prefixes and ranges are used; nothing leaves the lab.
#
#   bash Tools/netlab/lab.sh up DIR               # namespaces, links, addresses, the HTTP server
#   bash Tools/netlab/lab.sh start DIR PART...    # radvd dnsmasq dhcpd-pd dns64 nat64 rogue-ra
#                                                 # block-ipv6-tcp
#   bash Tools/netlab/lab.sh scenario DIR NAME    # up, then the parts scenario NAME needs
#   bash Tools/netlab/lab.sh traffic DIR NAME     # the host's side of scenario NAME
#   bash Tools/netlab/lab.sh host DIR CMD...      # run a command in the host namespace
#   bash Tools/netlab/lab.sh router DIR CMD...    # ... in the router's
#   bash Tools/netlab/lab.sh down DIR             # every daemon and namespace gone
#
# Scenarios (parts; what the host does):
#   dhcpv6             radvd dnsmasq: RS, DHCPv6 IA_NA, AAAA query, HTTP over IPv6 and IPv4
#   prefix-delegation  radvd dhcpd-pd: DHCPv6 IA_PD
#   happy-eyeballs     radvd dnsmasq block-ipv6-tcp: HTTP to a dual-stacked name (IPv6 dropped)
#   rogue-ra           radvd rogue-ra: RS, waiting for every answer
#   nat64              radvd dns64 nat64: ipv4only.arpa, HTTP to an IPv4-only name through NAT64
#   small-mtu          radvd: echoes too big for the router's 1280-byte link
#
# DIR holds the daemons' configuration, pid files, leases and logs. Needs root (CI runs as root).
set -euo pipefail

command=${1:?usage: lab.sh up|start|scenario|traffic|host|router|down DIR ...}
dir=${2:?usage: lab.sh up|start|scenario|traffic|host|router|down DIR ...}
shift 2
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)

# Namespace names from the folder, so that labs in different folders never meet.
id=$(printf '%s' "$dir" | md5sum | cut -c1-8)
H=m6h-$id R=m6r-$id S=m6s-$id

# The lab's facts, written once: the tests read them back from the configuration they describe.
HOST_PREFIX=2001:db8:1::/64
ROUTER_V6=2001:db8:1::1
SERVER_V6=2001:db8:2::80
ROUTER_V4=192.0.2.1
HOST_V4=192.0.2.2
SERVER_V4=198.51.100.80
NAT64_PREFIX=2001:db8:64::/96
NAT64_POOL=203.0.113.0/24
ADVERTISED_MTU=1480
PD_POOL_START=2001:db8:100::
PD_POOL_END=2001:db8:1ff::

run_in() {
    local ns=$1
    shift
    ip netns exec "$ns" "$@"
}

# Runs a daemon in namespace $1 in the background; its pid goes to DIR/NAME.pid, output to DIR/NAME.log.
daemon() {
    local ns=$1 name=$2
    shift 2
    ip netns exec "$ns" "$@" >"$dir/$name.log" 2>&1 &
    echo $! >"$dir/$name.pid"
}

# Waits until namespace $1 has a socket listening on UDP/TCP port $2.
wait_port() {
    for _ in $(seq 100); do
        run_in "$1" ss -Hlnu "sport = :$2" | grep -q . && return 0
        run_in "$1" ss -Hlnt "sport = :$2" | grep -q . && return 0
        sleep 0.05
    done
    echo "lab: nothing listens on port $2 in $1" >&2
    return 1
}

up() {
    for ns in "$H" "$R" "$S"; do ip netns add "$ns"; done
    ip link add h0 netns "$H" type veth peer name r0 netns "$R"
    ip link add r1 netns "$R" type veth peer name s0 netns "$S"
    for ns in "$H" "$R" "$S"; do run_in "$ns" ip link set lo up; done
    # No duplicate address detection: addresses are usable at once and the tests do not wait.
    run_in "$H" sysctl -qw net.ipv6.conf.h0.accept_dad=0
    run_in "$R" sysctl -qw net.ipv6.conf.r0.accept_dad=0 net.ipv6.conf.r1.accept_dad=0
    run_in "$S" sysctl -qw net.ipv6.conf.s0.accept_dad=0
    # The host takes router advertisements (as a CPE's LAN client does) but forms no address from
    # them by itself until asked; its IPv6 address comes from the RA prefix.
    run_in "$H" sysctl -qw net.ipv6.conf.h0.accept_ra=2 net.ipv6.conf.h0.autoconf=1
    run_in "$H" ip link set h0 address 02:00:00:00:01:02
    run_in "$R" ip link set r0 address 02:00:00:00:01:01
    run_in "$R" ip link set r1 address 02:00:00:00:02:01
    run_in "$S" ip link set s0 address 02:00:00:00:02:80
    run_in "$R" ip link set r1 mtu 1280
    run_in "$S" ip link set s0 mtu 1280
    run_in "$H" ip link set h0 up
    run_in "$R" ip link set r0 up
    run_in "$R" ip link set r1 up
    run_in "$S" ip link set s0 up
    run_in "$R" ip -6 addr add "$ROUTER_V6/64" dev r0
    run_in "$R" ip -6 addr add 2001:db8:2::1/64 dev r1
    run_in "$R" ip addr add "$ROUTER_V4/25" dev r0
    run_in "$R" ip addr add 198.51.100.1/24 dev r1
    run_in "$H" ip addr add "$HOST_V4/25" dev h0
    run_in "$H" ip route add default via "$ROUTER_V4"
    run_in "$S" ip -6 addr add "$SERVER_V6/64" dev s0
    run_in "$S" ip addr add "$SERVER_V4/24" dev s0
    run_in "$S" ip -6 route add default via 2001:db8:2::1
    run_in "$S" ip route add default via 198.51.100.1
    run_in "$R" sysctl -qw net.ipv6.conf.all.forwarding=1 net.ipv4.ip_forward=1
    # The host's resolver is the router (ip netns exec mounts this over /etc/resolv.conf).
    mkdir -p "/etc/netns/$H"
    printf 'nameserver %s\noptions timeout:1 attempts:1\n' "$ROUTER_V6" >"/etc/netns/$H/resolv.conf"
    # The server answers HTTP on both families (python's http.server binds :: dual-stacked).
    mkdir -p "$dir/www"
    head -c 4000 /dev/zero | tr '\0' 'x' >"$dir/www/index.html"
    daemon "$S" http python3 -m http.server --bind :: --directory "$dir/www" 80
    wait_port "$S" 80
}

start_radvd() {
    cat >"$dir/radvd.conf" <<EOF
interface r0 {
    AdvSendAdvert on;
    MinRtrAdvInterval 3;
    MaxRtrAdvInterval 10;
    AdvManagedFlag on;
    AdvOtherConfigFlag on;
    AdvLinkMTU $ADVERTISED_MTU;
    AdvDefaultLifetime 1800;
    AdvRASrcAddress { fe80::ff:fe00:101; };
    prefix $HOST_PREFIX {
        AdvOnLink on;
        AdvAutonomous on;
        AdvValidLifetime 86400;
        AdvPreferredLifetime 14400;
    };
    RDNSS $ROUTER_V6 {
        AdvRDNSSLifetime 600;
    };
};
EOF
    daemon "$R" radvd radvd --nodaemon -C "$dir/radvd.conf" -p "$dir/radvd.self-pid" -m stderr
}

start_rogue_ra() {
    # A second router on the host link, from another link-local address, advertising a ULA
    # prefix the operator never planned (a misconfigured CPE or an attacker).
    run_in "$R" ip -6 addr add fe80::bad/64 dev r0
    cat >"$dir/rogue-radvd.conf" <<EOF
interface r0 {
    AdvSendAdvert on;
    MinRtrAdvInterval 3;
    MaxRtrAdvInterval 10;
    AdvDefaultLifetime 600;
    AdvRASrcAddress { fe80::bad; };
    prefix fd00:bad::/64 { };
};
EOF
    daemon "$R" rogue-radvd radvd --nodaemon -C "$dir/rogue-radvd.conf" -p "$dir/rogue-radvd.self-pid" -m stderr
}

start_dnsmasq() {
    # DHCPv6 addresses (IA_NA) and DNS: a dual-stacked name, an IPv4-only one and ipv4only.arpa.
    cat >"$dir/dnsmasq.conf" <<EOF
no-resolv
no-hosts
bind-interfaces
interface=r0
listen-address=$ROUTER_V6,$ROUTER_V4
dhcp-range=::1000,::1fff,constructor:r0,64,3600
dhcp-option=option6:dns-server,[$ROUTER_V6]
host-record=www.example.test,$SERVER_V4,$SERVER_V6
host-record=v4only.example.test,$SERVER_V4
host-record=ipv4only.arpa,192.0.0.170
host-record=ipv4only.arpa,192.0.0.171
dhcp-leasefile=$dir/dnsmasq.leases
log-dhcp
EOF
    daemon "$R" dnsmasq dnsmasq --keep-in-foreground --conf-file="$dir/dnsmasq.conf" --pid-file="$dir/dnsmasq.self-pid" --log-facility=-
    wait_port "$R" 547
    wait_port "$R" 53
}

start_dhcpd_pd() {
    # Prefix delegation (IA_PD), which dnsmasq does not serve: ISC dhcpd, /56s from a /48 range.
    cat >"$dir/dhcpd6.conf" <<EOF
default-lease-time 3600;
max-lease-time 7200;
subnet6 2001:db8:1::/64 {
    prefix6 $PD_POOL_START $PD_POOL_END /56;
}
EOF
    touch "$dir/dhcpd6.leases"
    daemon "$R" dhcpd dhcpd -6 -f -d -cf "$dir/dhcpd6.conf" -lf "$dir/dhcpd6.leases" -pf "$dir/dhcpd.self-pid" r0
    wait_port "$R" 547
}

start_dns64() {
    # unbound on the router's addresses, synthesising AAAA records in the network-specific NAT64
    # prefix from the A records of the names dnsmasq (on the router's loopback) serves.
    cat >"$dir/dnsmasq-names.conf" <<EOF
no-resolv
no-hosts
bind-interfaces
listen-address=127.0.0.1
port=5353
host-record=v4only.example.test,$SERVER_V4
host-record=ipv4only.arpa,192.0.0.170
host-record=ipv4only.arpa,192.0.0.171
EOF
    daemon "$R" dnsmasq-names dnsmasq --keep-in-foreground --conf-file="$dir/dnsmasq-names.conf" --pid-file="$dir/dnsmasq-names.self-pid" --log-facility=-
    cat >"$dir/unbound.conf" <<EOF
server:
    interface: $ROUTER_V6
    interface: $ROUTER_V4
    access-control: ::/0 allow
    access-control: 0.0.0.0/0 allow
    username: ""
    chroot: ""
    directory: "$dir"
    pidfile: "$dir/unbound.self-pid"
    use-syslog: no
    logfile: ""
    module-config: "dns64 iterator"
    dns64-prefix: $NAT64_PREFIX
    do-not-query-localhost: no
    domain-insecure: "test"
    domain-insecure: "arpa"
    local-zone: "arpa." transparent
    local-zone: "test." transparent
forward-zone:
    name: "example.test"
    forward-addr: 127.0.0.1@5353
forward-zone:
    name: "ipv4only.arpa"
    forward-addr: 127.0.0.1@5353
EOF
    wait_port "$R" 5353
    daemon "$R" unbound unbound -d -c "$dir/unbound.conf"
    wait_port "$R" 53
}

start_nat64() {
    mkdir -p "$dir/tayga"
    cat >"$dir/tayga.conf" <<EOF
tun-device nat64
ipv4-addr 203.0.113.1
prefix $NAT64_PREFIX
dynamic-pool $NAT64_POOL
data-dir $dir/tayga
EOF
    run_in "$R" tayga -c "$dir/tayga.conf" --mktun >/dev/null
    run_in "$R" ip link set nat64 up
    run_in "$R" ip -6 route add "$NAT64_PREFIX" dev nat64
    run_in "$R" ip route add "$NAT64_POOL" dev nat64
    daemon "$R" tayga tayga -c "$dir/tayga.conf" -d
}

start_block_ipv6_tcp() {
    # IPv6 TCP through the router dropped without an answer (a broken IPv6 path); IPv4 passes.
    run_in "$R" nft add table inet m6lab
    run_in "$R" nft add chain inet m6lab forward '{ type filter hook forward priority 0; policy accept; }'
    run_in "$R" nft add rule inet m6lab forward meta nfproto ipv6 meta l4proto tcp drop
}

start_parts() {
    for part in "$@"; do
        case "$part" in
        radvd) start_radvd ;;
        rogue-ra) start_rogue_ra ;;
        dnsmasq) start_dnsmasq ;;
        dhcpd-pd) start_dhcpd_pd ;;
        dns64) start_dns64 ;;
        nat64) start_nat64 ;;
        block-ipv6-tcp) start_block_ipv6_tcp ;;
        *)
            echo "lab: no part named $part" >&2
            exit 2
            ;;
        esac
    done
}

# The parts each scenario needs.
scenario_parts() {
    case "$1" in
    dhcpv6) echo radvd dnsmasq ;;
    prefix-delegation) echo radvd dhcpd-pd ;;
    happy-eyeballs) echo radvd dnsmasq block-ipv6-tcp ;;
    rogue-ra) echo radvd rogue-ra ;;
    nat64) echo radvd dns64 nat64 ;;
    small-mtu) echo radvd ;;
    *)
        echo "lab: no scenario named $1 (dhcpv6 prefix-delegation happy-eyeballs rogue-ra nat64 small-mtu)" >&2
        return 2
        ;;
    esac
}

# The host's side of a scenario; what curl reached is printed ("reached ADDRESS").
traffic() {
    local dhclient=(dhclient -6 -1 -sf /bin/true -lf "$dir/dhclient6.leases" -pf "$dir/dhclient6.pid")
    case "$1" in
    dhcpv6)
        run_in "$H" rdisc6 -1 h0 >/dev/null
        run_in "$H" "${dhclient[@]}" h0
        run_in "$H" dig +tries=1 AAAA www.example.test >/dev/null
        run_in "$H" curl -sS -o /dev/null -w 'reached %{remote_ip}\n' http://www.example.test/
        run_in "$H" curl -sS -4 -o /dev/null -w 'reached %{remote_ip}\n' http://www.example.test/
        ;;
    prefix-delegation) run_in "$H" "${dhclient[@]}" -P h0 ;;
    happy-eyeballs)
        run_in "$H" rdisc6 -1 h0 >/dev/null
        run_in "$H" curl -sS -o /dev/null -w 'reached %{remote_ip}\n' http://www.example.test/
        ;;
    rogue-ra) run_in "$H" rdisc6 -m -w 1500 h0 >/dev/null ;;
    nat64)
        run_in "$H" rdisc6 -1 h0 >/dev/null
        run_in "$H" dig +tries=1 AAAA ipv4only.arpa >/dev/null
        run_in "$H" curl -sS -o /dev/null -w 'reached %{remote_ip}\n' http://v4only.example.test/
        ;;
    small-mtu)
        run_in "$H" rdisc6 -1 h0 >/dev/null
        # Too big for the router's 1280-byte link: the first echo draws a Packet Too Big.
        run_in "$H" ping -6 -c 2 -i 0.2 -s 1400 -M do "$SERVER_V6" >/dev/null 2>&1 || true
        ;;
    *) scenario_parts "$1" >/dev/null ;;
    esac
}

down() {
    for pidfile in "$dir"/*.pid; do
        [ -e "$pidfile" ] || continue
        kill "$(cat "$pidfile" 2>/dev/null)" 2>/dev/null || true
    done
    sleep 0.2
    for pidfile in "$dir"/*.pid; do
        [ -e "$pidfile" ] || continue
        kill -9 "$(cat "$pidfile" 2>/dev/null)" 2>/dev/null || true
        rm -f "$pidfile"
    done
    # Whatever still runs in the namespaces (a command a test left behind) goes too.
    for ns in "$H" "$R" "$S"; do
        if ip netns pids "$ns" >/dev/null 2>&1; then
            ip netns pids "$ns" | xargs -r kill -9 2>/dev/null || true
            ip netns del "$ns" 2>/dev/null || true
        fi
        rm -rf "/etc/netns/$ns"
    done
}

case "$command" in
up) up ;;
start) start_parts "$@" ;;
scenario)
    parts=$(scenario_parts "${1:?usage: lab.sh scenario DIR NAME}")
    up
    # shellcheck disable=SC2086 # the parts are words
    start_parts $parts
    ;;
traffic) traffic "${1:?usage: lab.sh traffic DIR NAME}" ;;
host)
    # The command gets SIGINT and SIGTERM back as signals that stop it, whatever its parent
    # blocked or ignored (a test runner often does), so that it can be stopped as Ctrl-C would.
    exec ip netns exec "$H" python3 -c '
import os, signal, sys
signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGINT, signal.SIGTERM])
for number in (signal.SIGINT, signal.SIGTERM):
    signal.signal(number, signal.SIG_DFL)
os.execvp(sys.argv[1], sys.argv[1:])' "$@"
    ;;
router) exec ip netns exec "$R" "$@" ;;
down) down ;;
*)
    echo "usage: lab.sh up|start|scenario|traffic|host|router|down DIR ..." >&2
    exit 2
    ;;
esac
