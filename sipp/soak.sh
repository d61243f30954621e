#!/usr/bin/env bash
# Soak test (not part of the test command) against the deployed server (mvn -Prun install): for SECONDS it holds a
# mix of three SIPp runs at once, all to the demo's sip:service@ (ToneAnswerer):
#   short   SIPp's built-in uac, SHORT_RATE calls/s (default 100), hung up at once (-d 0)
#   media   HELD concurrent calls (default 50) of HELD_SECS (30) each with SDP, the tone echoed back (-rtp_echo),
#           continuously replaced (-l HELD: a new call as soon as one ends)
#   reinvite hold_resume.xml (re-INVITE a=sendonly, then a=sendrecv, BYE) at REINVITE_RATE calls/s (default 5)
# Before it, a warm-up of WARMUP seconds (default 30) of the same mix, then the calls drain; at the start and at the
# end (after the calls drained and the server's transactions expired, DRAIN seconds, default 40: timer J/H are 32 s)
# it samples the server: heap used after a forced GC (jcmd GC.run, GC.heap_info), live threads (/proc/PID/task),
# open file descriptors (/proc/PID/fd) and bound UDP sockets (ss -uanp); every 60 s a progress line (no GC).
# Usage: soak.sh [SECONDS] [HOST:PORT]      e.g. soak.sh 300
# Exits 1 if any scenario had failed calls, or if the end sample grew beyond the noise thresholds over the start:
#   heap    HEAP_GROWTH_KIB (default 32768: 32 MiB, about 10 % of the idle heap; the broker's and caches' retained
#           sizes after a full GC move by a few MiB between samples at rest)
#   threads THREAD_GROWTH (default 4: pools that grow on demand up to their core sizes, e.g. Artemis)
#   fds     FD_GROWTH (default 16); udp UDP_GROWTH (default 0: every RTP/RTCP socket of an ended call is closed)
#   SERVER_PID default: the jboss-modules process; ports: SIPp 15170-15172, RTP echo 16100
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
secs=${1:-1800}; target=${2:-127.0.0.1:5060}
short_rate=${SHORT_RATE:-100}; held=${HELD:-50}; held_secs=${HELD_SECS:-30}; reinvite_rate=${REINVITE_RATE:-5}
warmup=${WARMUP:-30}; drain=${DRAIN:-40}
heap_growth=${HEAP_GROWTH_KIB:-32768}; thread_growth=${THREAD_GROWTH:-4}; fd_growth=${FD_GROWTH:-16}
udp_growth=${UDP_GROWTH:-0}
pid=${SERVER_PID:-$(pgrep -f 'jboss-modules.jar' | head -n 1)}
[ -n "$pid" ] || { echo "no server process found (set SERVER_PID)" >&2; exit 2; }
work=$(mktemp -d)
sipp_pids=()
cleanup() { local p; for p in "${sipp_pids[@]}"; do kill "$p" 2>/dev/null; done; rm -rf "$work"; }
trap cleanup EXIT

heap_kib() { jcmd "$pid" GC.run >/dev/null; jcmd "$pid" GC.heap_info | sed -n 's/.* used \([0-9]*\)K.*/\1/p' | head -n 1; }
threads() { ls "/proc/$pid/task" | wc -l; }
fds() { ls "/proc/$pid/fd" | wc -l; }
udp() { ss -uanp | grep -c "pid=$pid,"; }
sample() { echo "$(heap_kib) $(threads) $(fds) $(udp)"; }

# the three runs of the mix for DURATION seconds, in the background, each in its own directory under PHASE
start_mix() { # PHASE DURATION
  local phase=$1 d=$2 dir
  sipp_pids=()
  run() { # NAME PORT ARGS...
    local name=$1 port=$2; shift 2
    dir="$work/$phase-$name"; mkdir -p "$dir"
    (cd "$dir" && exec sipp "$@" "$target" -i 127.0.0.1 -p "$port" -nostdin -timeout $((d * 2 + held_secs + 120))s \
        -trace_screen -screen_file "$dir/screen" >/dev/null 2>&1) &
    sipp_pids+=($!)
  }
  run short 15170 -sn uac -d 0 -r "$short_rate" -m $((short_rate * d))
  # -r above HELD/HELD_SECS so that -l keeps HELD calls up; the call count covers DURATION
  run media 15171 -sn uac -d $((held_secs * 1000)) -rtp_echo -mp 16100 -l "$held" \
      -r $(( (held + held_secs - 1) / held_secs + 1 )) -m $(( held * d / held_secs + held ))
  run reinvite 15172 -sf "$here/hold_resume.xml" -mp 16200 -r "$reinvite_rate" -m $((reinvite_rate * d))
}
wait_mix() { local p; for p in "${sipp_pids[@]}"; do wait "$p" 2>/dev/null; done; sipp_pids=(); }
result() { # PHASE NAME: "ok failed"
  awk -F'|' '/Successful call/{gsub(/ /,"",$3); ok=$3} /Failed call/{gsub(/ /,"",$3); f=$3} END {print ok+0, (f == "" ? "?" : f)}' \
      "$work/$1-$2/screen" 2>/dev/null || echo "? ?"
}

echo "soak.sh: $secs s against $target (server pid $pid): $short_rate short calls/s, $held held calls of $held_secs s" \
     "with media, $reinvite_rate hold/resume calls/s"
echo "warm-up: $warmup s of the mix, then $drain s to drain"
start_mix warmup "$warmup"; wait_mix; sleep "$drain"
read -r heap0 thr0 fd0 udp0 <<<"$(sample)"
echo "start: heap after GC ${heap0} KiB, threads $thr0, fds $fd0, UDP sockets $udp0"

start_mix soak "$secs"
t0=$(date +%s)
while :; do
  alive=0; for p in "${sipp_pids[@]}"; do kill -0 "$p" 2>/dev/null && alive=1; done
  [ $alive = 1 ] || break
  sleep 10
  el=$(( $(date +%s) - t0 ))
  if (( el % 60 < 10 )); then
    echo "t=${el}s: heap (no GC) $(jcmd "$pid" GC.heap_info | sed -n 's/.* used \([0-9]*\)K.*/\1/p' | head -n 1) KiB," \
         "threads $(threads), fds $(fds), UDP sockets $(udp), server CPU $(ps -o %cpu= -p "$pid")%"
  fi
done
wait_mix
echo "calls done after $(( $(date +%s) - t0 )) s; $drain s to drain"
sleep "$drain"
read -r heap1 thr1 fd1 udp1 <<<"$(sample)"
echo "end:   heap after GC ${heap1} KiB, threads $thr1, fds $fd1, UDP sockets $udp1"

status=0
echo
printf '%-10s %-8s %-8s %s\n' scenario ok failed expected
for name in short media reinvite; do
  read -r ok failed <<<"$(result soak "$name")"
  case $name in
    short) expected=$((short_rate * secs)) ;;
    media) expected=$(( held * secs / held_secs + held )) ;;
    reinvite) expected=$((reinvite_rate * secs)) ;;
  esac
  printf '%-10s %-8s %-8s %s\n' "$name" "$ok" "$failed" "$expected"
  [ "$failed" = 0 ] && [ "$ok" = "$expected" ] || status=1
done
check() { # NAME START END THRESHOLD
  local g=$(( $3 - $2 )) verdict=ok
  (( g > $4 )) && { verdict=GREW; status=1; }
  printf '%-10s %-10s %-10s %-8s (threshold %s) %s\n' "$1" "$2" "$3" "$g" "$4" "$verdict"
}
echo
printf '%-10s %-10s %-10s %-8s\n' sample start end growth
check heap_KiB "$heap0" "$heap1" "$heap_growth"
check threads "$thr0" "$thr1" "$thread_growth"
check fds "$fd0" "$fd1" "$fd_growth"
check udp "$udp0" "$udp1" "$udp_growth"
echo "soak: $([ $status = 0 ] && echo PASS || echo FAIL)"
exit $status
