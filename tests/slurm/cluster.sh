#!/usr/bin/env bash
# A single-node Slurm cluster on localhost for the shard test (../shared/notes/slurm-single-node.md):
#   tests/slurm/cluster.sh start DIR   # munged + slurmctld + slurmd, state and logs in DIR; prints SLURM_CONF
#   tests/slurm/cluster.sh stop DIR    # stops them by the pids in DIR (never by name)
# Needs root and Debian's slurm-wlm and munge (.ci/install-deps installs them).
set -euo pipefail
action=$1
dir=$(realpath -m "$2")
conf="$dir/slurm.conf"
case "$action" in
start)
  mkdir -p "$dir"/{state,spool,log}
  # munge: its own key (the package's is shared by nothing here), run as user munge
  mkdir -p /run/munge /var/log/munge /var/lib/munge /etc/munge
  [ -s /etc/munge/munge.key ] || { dd if=/dev/urandom bs=1 count=1024 of=/etc/munge/munge.key 2>/dev/null; }
  chown munge:munge /run/munge /var/log/munge /var/lib/munge /etc/munge /etc/munge/munge.key
  chmod 0700 /etc/munge; chmod 0400 /etc/munge/munge.key
  if ! munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
    su -s /bin/sh munge -c "/usr/sbin/munged --pid-file=/run/munge/munged-planner.pid"
    cp /run/munge/munged-planner.pid "$dir/munged.pid" 2>/dev/null || true
  fi
  for _ in $(seq 50); do munge -n 2>/dev/null | unmunge >/dev/null 2>&1 && break; sleep 0.1; done
  munge -n | unmunge >/dev/null
  host=$(hostname -s)
  port=$((16817 + RANDOM % 1000))
  cat > "$conf" <<CONF
ClusterName=planner-test
SlurmctldHost=$host
SlurmctldPort=$port
SlurmdPort=$((port + 1000))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
MpiDefault=none
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
NodeName=$host CPUs=$(nproc) State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
  /usr/sbin/slurmctld -i -f "$conf"
  /usr/sbin/slurmd -f "$conf"
  export SLURM_CONF="$conf"
  for _ in $(seq 100); do
    sinfo -h -o %t 2>/dev/null | grep -qE '^(idle|mix)' && break
    sleep 0.2
  done
  sinfo -h -o %t | grep -qE '^(idle|mix)' || { echo "slurm node did not come up; logs in $dir/log" >&2; exit 1; }
  echo "$conf"
  ;;
stop)
  pids=()
  for f in slurmd.pid slurmctld.pid munged.pid; do
    [ -s "$dir/$f" ] && pids+=("$(cat "$dir/$f")")
  done
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  # wait (up to 10 s) until they have exited: slurmctld writes its state on the way out, and a
  # caller removing DIR at once raced it ("Directory not empty")
  for _ in $(seq 50); do
    alive=0
    for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && alive=1; done
    [ "$alive" = 0 ] && break
    sleep 0.2
  done
  ;;
esac
