#!/usr/bin/env bash
# REGISTER benchmark with digest authentication (not part of the test command). Each SIPp call of
# register_bench.xml is one registration: REGISTER, 401, REGISTER with credentials, 200, then the same binding
# removed (Expires: 0). At each rate it prints achieved registrations/s, failed, retransmissions and the CPU time
# the registrar spent per registration (user + system of all its threads and processes, from /proc).
# Usage: register-bench.sh [HOST:PORT] [SECONDS] RATE...      e.g. register-bench.sh 127.0.0.1:5060 10 200 500 1000
#   SERVER_PID      our server's process (default: the jboss-modules process)
#   KAMAILIO=1      also start Kamailio with kamailio/kamailio-registrar-auth.cfg on 127.0.0.1:KAMAILIO_PORT
#                   (default 5090) and measure it at the same rates in the same run, after our server at each rate;
#   KAMAILIO=only   Kamailio alone (no server needed)
#   SIPP_LOCAL_PORT SIPp's port (default 15161)
#   BENCH_USERS     how many users the registrations spread over (default 100: bench000.. with password benchNNN-pw;
#                   one user per call in turn, so no user passes the registrar's per-user binding limit). They are added
#                   to our server's Elytron realm SipeeRealm for the run with JBOSS_CLI (default: the provisioned
#                   WildFly's jboss-cli.sh, connected to 127.0.0.1:9990) and removed after, and to Kamailio's db_text
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
target=${1:-127.0.0.1:5060}; secs=${2:-20}; shift 2 || true
rates=${*:-200 500 1000}
kamailio=${KAMAILIO:-0}
kamailio_port=${KAMAILIO_PORT:-5090}
users=${BENCH_USERS:-100}
jboss_cli=${JBOSS_CLI:-$here/../arquillian-tests/target/wildfly-34.0.1.Final/bin/jboss-cli.sh}
hz=$(getconf CLK_TCK)
work=$(mktemp -d)
kamailio_pid=

# pid...: user + system ticks of these processes (each one's /proc stat sums its threads)
cpu_ticks() {
  local total=0 pid
  for pid in "$@"; do
    total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
  done
  echo "$total"
}

# the bench users: SIPp's injection file, Kamailio's subscriber table, CLI for our realm (add or remove)
names() { for i in $(seq 0 $((users - 1))); do printf 'bench%03d\n' "$i"; done; }
{ echo SEQUENTIAL; names | awk '{print $1 ";[authentication username=" $1 " password=" $1 "-pw];"}'; } > "$work/users.csv"
mkdir -p "$work/db"
printf 'id(int,auto) table_name(string) table_version(int)\n0:version:1\n1:subscriber:7\n' > "$work/db/version"
{ echo 'id(int,auto) username(string) domain(string) password(string)'; names | awk '{print NR ":" $1 ":sipee:" $1 "-pw"}'; } \
  > "$work/db/subscriber"
realm_users() {
  names | while read -r name; do
    if [ "$1" = add ]; then
      echo "/subsystem=elytron/filesystem-realm=SipeeRealm:add-identity(identity=$name)"
      echo "/subsystem=elytron/filesystem-realm=SipeeRealm:set-password(identity=$name, clear={password=$name-pw})"
      echo "/subsystem=elytron/filesystem-realm=SipeeRealm:add-identity-attribute(identity=$name, name=groups, value=[phone])"
    else
      echo "/subsystem=elytron/filesystem-realm=SipeeRealm:remove-identity(identity=$name)"
    fi
  done > "$work/$1.cli"
  "$jboss_cli" -c --file="$work/$1.cli" >"$work/$1.log" 2>&1
}
server_users=0

stop_kamailio() {
  if [ "$server_users" = 1 ]; then
    realm_users remove || echo "removing the bench users failed: see $work/remove.log" >&2
  fi
  if [ -n "$kamailio_pid" ] && kill -0 "$kamailio_pid" 2>/dev/null; then
    kill "$kamailio_pid"              # its main process stops the children it forked
    wait "$kamailio_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap stop_kamailio EXIT

server_pids=()
if [ "$kamailio" != only ]; then
  server_pids=("${SERVER_PID:-$(pgrep -f 'jboss-modules.jar' | head -n 1)}")
  [ -n "${server_pids[0]}" ] || { echo "no server process found (set SERVER_PID, or KAMAILIO=only)" >&2; exit 2; }
  realm_users remove || true   # left over from an interrupted run
  realm_users add || { cat "$work/add.log" >&2; echo "adding the bench users with $jboss_cli failed" >&2; exit 2; }
  server_users=1
fi

kamailio_pids=()
if [ "$kamailio" != 0 ]; then
  command -v kamailio >/dev/null || { echo "kamailio not found: apt-get install -y kamailio" >&2; exit 2; }
  KAMAILIO_DB="$work/db" KAMAILIO_PID_FILE="$work/kamailio.pid" "$here/kamailio/run.sh" "$kamailio_port" \
      >"$work/kamailio.log" 2>&1 &
  kamailio_pid=$!
  # bound, and its worker processes forked (they do the work: all of them are measured)
  bound=$(printf '0100007F:%04X' "$kamailio_port")
  for _ in $(seq 100); do
    grep -q " $bound " /proc/net/udp && [ "$(pgrep -c -P "$kamailio_pid")" -gt 0 ] && break
    sleep 0.05
  done
  grep -q " $bound " /proc/net/udp || { cat "$work/kamailio.log" >&2; echo "kamailio did not start" >&2; exit 2; }
  sleep 0.5
  mapfile -t kamailio_pids < <(echo "$kamailio_pid"; pgrep -P "$kamailio_pid")
fi

# name host:port rate pid...: one run of rate*secs registrations
bench() {
  local name=$1 at=$2 rate=$3; shift 3
  local calls=$((rate * secs)) before after ok failed achieved retrans
  before=$(cpu_ticks "$@")
  # an explicit local port: SIPp's "-p 0" would try 5060 first
  (cd "$work" && sipp "$at" -sf "$here/register_bench.xml" -inf "$work/users.csv" \
      -i 127.0.0.1 -p "${SIPP_LOCAL_PORT:-15161}" -r "$rate" -m "$calls" -nostdin \
      -timeout $((secs * 3 + 30))s -trace_screen -screen_file "$work/screen" \
      -trace_stat -stf "$work/stat.csv" -fd 1000 >/dev/null 2>&1) || true
  after=$(cpu_ticks "$@")
  ok=$(awk -F'|' '/Successful call/{gsub(/ /,"",$3); print $3}' "$work/screen")
  failed=$(awk -F'|' '/Failed call/{gsub(/ /,"",$3); print $3}' "$work/screen")
  achieved=$(awk -F'|' '/Call Rate/{gsub(/[ a-z]/,"",$3); print $3}' "$work/screen")
  # cumulative retransmissions: the last line's "Retransmissions(C)" column of the stat file
  retrans=$(awk -F';' 'NR==1{for(i=1;i<=NF;i++) if($i=="Retransmissions(C)") c=i} END{print (c ? $c : "?")}' "$work/stat.csv")
  printf '%-10s %-6s %-7s %-7s %-7s %-11s %-8s %s\n' "$name" "$rate" "$calls" "${ok:-?}" "${failed:-?}" \
      "${achieved:-?}" "$retrans" $(( (after - before) * 1000000 / hz / calls ))
  rm -f "$work/screen" "$work/stat.csv"
  sleep 5   # let transaction timers and nonces drain between runs
}

printf '%-10s %-6s %-7s %-7s %-7s %-11s %-8s %s\n' registrar rate regs ok failed achieved/s retrans cpu_us/reg
for rate in $rates; do
  [ "$kamailio" = only ] || bench sipee "$target" "$rate" "${server_pids[@]}"
  [ "$kamailio" = 0 ] || bench kamailio "127.0.0.1:$kamailio_port" "$rate" "${kamailio_pids[@]}"
done
