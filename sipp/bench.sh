#!/usr/bin/env bash
# Load benchmark (not part of the test command): SIPp's built-in uac at the given rates against a
# running server, printing achieved calls/s, failed calls, retransmissions and the CPU time the
# server JVM spent per call (user + system, all threads, from /proc).
# Usage: bench.sh [HOST:PORT] [SECONDS] RATE...      e.g. bench.sh 127.0.0.1:5060 20 500 1000 2000
# The server PID is found by its jboss-modules command line; set SERVER_PID to override.
set -euo pipefail
target=${1:-127.0.0.1:5060}; secs=${2:-20}; shift 2 || true
rates=${*:-500 1000 2000}
pid=${SERVER_PID:-$(pgrep -f 'jboss-modules.jar' | head -n 1)}
[ -n "$pid" ] || { echo "no server process found (set SERVER_PID)" >&2; exit 2; }
hz=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
work=$(mktemp -d)

printf '%-6s %-8s %-8s %-8s %-12s %-8s %s\n' rate calls ok failed achieved/s retrans cpu_us/call
for rate in $rates; do
  calls=$((rate * secs))
  before=$(cpu_ticks)
  # an explicit local port: SIPp's "-p 0" would try 5060 first
  (cd "$work" && sipp -sn uac "$target" -i 127.0.0.1 -p "${SIPP_LOCAL_PORT:-15160}" -r "$rate" -m "$calls" -d 0 -nostdin \
      -timeout $((secs * 3 + 30))s -trace_screen -screen_file "$work/screen" \
      -trace_stat -stf "$work/stat.csv" -fd 1000 >/dev/null 2>&1) || true
  after=$(cpu_ticks)
  ok=$(awk -F'|' '/Successful call/{gsub(/ /,"",$3); print $3}' "$work/screen")
  failed=$(awk -F'|' '/Failed call/{gsub(/ /,"",$3); print $3}' "$work/screen")
  achieved=$(awk -F'|' '/Call Rate/{gsub(/[ a-z]/,"",$3); print $3}' "$work/screen")
  # cumulative retransmissions: the last line's "Retransmissions(C)" column of the stat file
  retrans=$(awk -F';' 'NR==1{for(i=1;i<=NF;i++) if($i=="Retransmissions(C)") c=i} END{print (c ? $c : "?")}' "$work/stat.csv")
  cpu_us=$(( (after - before) * 1000000 / hz / calls ))
  printf '%-6s %-8s %-8s %-8s %-12s %-8s %s\n' "$rate" "$calls" "${ok:-?}" "${failed:-?}" "${achieved:-?}" "$retrans" "$cpu_us"
  rm -f "$work"/*
  sleep 5   # let the server's transaction timers drain between rates
done
rm -rf "$work"
