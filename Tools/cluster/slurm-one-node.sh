#!/usr/bin/env bash
# A one-node Slurm cluster on this machine, for the integration test of sharded sweeps
# (Tests/metro6Tests/SlurmClusterTests.swift) and for trying the job-array script by hand.
#   bash Tools/cluster/slurm-one-node.sh up DIR     # start munged, slurmctld and slurmd; config in DIR
#   SLURM_CONF=DIR/slurm.conf sbatch --array=0-3 ...
#   bash Tools/cluster/slurm-one-node.sh down DIR   # cancel jobs, stop the daemons, remove DIR's state
# Needs root and Debian's slurm-wlm and munge (bash Tools/setup.sh test installs them). Everything
# it writes is in DIR, except munged's socket and PID file under /run/munge.
set -euo pipefail

action=${1:-}
dir=${2:-}
if [ -z "$action" ] || [ -z "$dir" ]; then
    echo "usage: bash Tools/cluster/slurm-one-node.sh up|down DIR" >&2
    exit 2
fi
export SLURM_CONF="$dir/slurm.conf"

up() {
    [ "$(id -u)" -eq 0 ] || { echo "error: a Slurm cluster needs root" >&2; exit 2; }
    for tool in slurmctld slurmd munged sbatch; do
        command -v "$tool" >/dev/null || { echo "error: $tool is missing: apt-get install slurm-wlm munge" >&2; exit 2; }
    done
    mkdir -p "$dir/spool/ctld" "$dir/spool/d"
    # munge: the key the package made, or one of our own in DIR.
    mkdir -p /run/munge && chown munge:munge /run/munge
    if ! munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
        key=/etc/munge/munge.key
        if [ ! -s "$key" ]; then
            key="$dir/munge.key"
            dd if=/dev/urandom of="$key" bs=1024 count=1 status=none
            chown munge:munge "$key" && chmod 0600 "$key"
        fi
        # Daemons get no terminal and none of the caller's pipes (a caller reading its output would wait for ever).
        runuser -u munge -- /usr/sbin/munged --key-file="$key" --pid-file=/run/munge/munged.pid \
            </dev/null >"$dir/munged.out" 2>&1
        echo "munged" >"$dir/started-munged"
        for _ in $(seq 50); do munge -n | unmunge >/dev/null 2>&1 && break; sleep 0.1; done
    fi
    local host node
    host=$(hostname -s)
    node=$(slurmd -C | head -1 | sed 's/ UpTime=.*//')
    cat >"$SLURM_CONF" <<CONF
ClusterName=metro6-test
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
ReturnToService=2
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
StateSaveLocation=$dir/spool/ctld
SlurmdSpoolDir=$dir/spool/d
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
$node NodeAddr=127.0.0.1
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
    slurmctld -f "$SLURM_CONF" </dev/null >"$dir/slurmctld.out" 2>&1
    slurmd -f "$SLURM_CONF" </dev/null >"$dir/slurmd.out" 2>&1
    for _ in $(seq 100); do
        if sinfo -h -o %t 2>/dev/null | grep -qx idle; then return 0; fi
        sleep 0.2
    done
    echo "error: the node did not become idle; see $dir/slurmctld.log and $dir/slurmd.log" >&2
    exit 1
}

stop() {
    local pidfile=$1
    [ -s "$pidfile" ] || return 0
    local pid
    pid=$(cat "$pidfile")
    kill "$pid" 2>/dev/null || return 0
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
}

down() {
    if [ -f "$SLURM_CONF" ]; then
        scancel --full --quiet --user=root 2>/dev/null || true
        for _ in $(seq 50); do
            [ -z "$(squeue -h 2>/dev/null)" ] && ! pgrep -x slurmstepd >/dev/null && break
            sleep 0.2
        done
        scontrol shutdown >/dev/null 2>&1 || true
    fi
    stop "$dir/slurmd.pid"
    stop "$dir/slurmctld.pid"
    if [ -f "$dir/started-munged" ]; then stop /run/munge/munged.pid; fi
    pkill -x slurmstepd 2>/dev/null || true
}

case "$action" in
up) up ;;
down) down ;;
*)
    echo "usage: bash Tools/cluster/slurm-one-node.sh up|down DIR" >&2
    exit 2
    ;;
esac
