#!/usr/bin/env bash
# Overload and capacity benchmark (not part of the test command) against the deployed server (mvn -Prun install) and,
# for the CPU comparison, Kamailio (/work/shared/bench/kamailio-uas.cfg on 127.0.0.1:5080) in the same run. Parts:
#   capacity  the highest rate of LADDER with 0 failed calls (uac_overload.xml: short calls, STEP_SECS per step;
#             stops at the first step with failures, 503s, or SIPp offering under 95 % of the rate: its ceiling)
#   storm     CAPACITY x 2 and x 3 offered for STORM_SECS each: goodput (calls completed with BYE/200 while SIPp was
#             still offering, per second of offering: it may not reach the rate on this machine; a backlog completed
#             after the storm does not count), the share of 503 among the INVITEs' final responses (503 / (503 + 200)),
#             and the calls that completed after the storm ended; then AFTER_RATE/s
#             for STEP_SECS right after: its failed calls (0 once the server sheds instead of collapsing)
#   held      HELD_CALLS concurrent calls to sip:service@ (the demo's tone), ramped at HELD_RATE/s, held HOLD_SECS
#             (SIPp's built-in uac with -d and -rtp_echo: SIPp echoes the tone back to the server's stream); failed
#             calls, and the RTP the server sent and received back on the ended calls (the demo's per-call INFO line
#             "RTP sent N, received M" in server.log: with org.sipee.demo at WARN these stay "-")
#   heap      heap after a forced GC (jcmd GC.run; GC.heap_info "used") with HELD_CALLS calls held minus idle, / calls
#             (measured inside the held run when both parts run; alone it makes its own held run)
#   media     media-bench.sh (the engine's MediaLoadClient, sip:echo@, bidirectional G.711, loss from sequence gaps)
#             for each of MEDIA_LADDER concurrent calls: the largest with 0 failed and < 0.1 % loss both ways
#   cpu       SIPp's built-in uac at CPU_RATE/s for CPU_SECS against the server and then Kamailio (started if nothing
#             listens on 5080, stopped after): CPU µs per call of each (user + system, all threads/processes, /proc),
#             CPU_ROUNDS times in turn; the summary gives the medians (one pair moves by up to 30 % on this machine)
# Usage: overload.sh [HOST:PORT]          e.g. PARTS="capacity storm" overload.sh 127.0.0.1:5060
#   PARTS        default "capacity storm held heap media cpu"
#   LADDER       default "1000 1500 2000 2500 3000 3500 4000"; STEP_SECS 15; CAPACITY skips the ladder for storm
#   STORM_SECS   15; AFTER_RATE 1000; STORM_LIMIT SIPp's -l in the storm (default: all its calls at once, so that
#                SIPp keeps offering the rate while failing calls pile up; SIPp's own default is 3 x rate)
#   HELD_CALLS   1500; HELD_RATE 100; HOLD_SECS default ramp time + 20 s
#   MEDIA_LADDER "500 1000 1500 2000"; MEDIA_SECS 20; SERVER_RTP the server's RTP range (media-bench.sh's leak check),
#                default 10000-29999; MVN_FLAGS for media-bench.sh's build, default "-o"
#   CPU_RATE     2000; CPU_SECS 20; CPU_ROUNDS 3; KAMAILIO_CFG default /work/shared/bench/kamailio-uas.cfg
#   SERVER_PID   default: the jboss-modules process; SERVER_LOG default arquillian-tests/target/run/log/server.log
#   SIPP_LOCAL_PORT default 15160 (SIPp's SIP port); SIPP_MEDIA_PORT default 16000 (held calls' RTP echo)
#   KEEP_WORK=1  keeps SIPp's screens, counts and statistics of every run (the directory is printed at the end)
#   PIN          "SIPP_CPU SERVER_CPU" (e.g. "0 1"): for capacity and storm, SIPp runs on one core and every thread of the
#                server on the other (taskset), so that the load generator's work at 2x/3x does not take the server's
#                CPU; capacity is then the server's on one core. The server's threads get both cores back afterwards.
#   SERVER_CPU_SHARE with PIN, e.g. 0.4: for capacity and storm the server may use only that share of its core (a
#                cgroup v1 CPU quota, 10 ms period), so that SIPp on its own core can offer 2x and 3x the server's
#                capacity (SIPp needs about as much CPU per call as the server does); the quota is lifted afterwards
# SIPp shares the two cores with the server: at 2x/3x offered it may not reach the rate ("achieved" column), and a
# 1500-call held run needs the server's RTP range to hold 1500 streams (each stream takes an RTP and an RTCP port).
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
target=${1:-127.0.0.1:5060}
parts=" ${PARTS:-capacity storm held heap media cpu} "
ladder=${LADDER:-1000 1500 2000 2500 3000 3500 4000}
step_secs=${STEP_SECS:-15}; storm_secs=${STORM_SECS:-15}; after_rate=${AFTER_RATE:-1000}
held_calls=${HELD_CALLS:-1500}; held_rate=${HELD_RATE:-100}
hold_secs=${HOLD_SECS:-$(( (held_calls + held_rate - 1) / held_rate + 20 ))}
media_ladder=${MEDIA_LADDER:-500 1000 1500 2000}; media_secs=${MEDIA_SECS:-20}
cpu_rate=${CPU_RATE:-2000}; cpu_secs=${CPU_SECS:-20}; cpu_rounds=${CPU_ROUNDS:-3}
kamailio_cfg=${KAMAILIO_CFG:-/work/shared/bench/kamailio-uas.cfg}
server_log=${SERVER_LOG:-$here/../arquillian-tests/target/run/log/server.log}
sipp_port=${SIPP_LOCAL_PORT:-15160}; media_port=${SIPP_MEDIA_PORT:-16000}
pid=${SERVER_PID:-$(pgrep -f 'jboss-modules.jar' | head -n 1)}
[ -n "$pid" ] || { echo "no server process found (set SERVER_PID)" >&2; exit 2; }
hz=$(getconf CLK_TCK)
work=$(mktemp -d)
kamailio_started=
summary=()
cleanup() {
  limit_server ""
  if [ -n "$kamailio_started" ]; then
    kill "$(cat "$work/kam.pid")" 2>/dev/null
    # until its children are gone: a run right after would find 5080 still bound and measure a dying Kamailio
    for _ in $(seq 50); do pgrep -f "kamailio -f $kamailio_cfg" > /dev/null || break; sleep 0.2; done
  fi
  if [ -n "${KEEP_WORK:-}" ]; then echo "SIPp's files kept in $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
has() { [[ $parts == *" $1 "* ]]; }
read -r sipp_cpu server_cpu <<<"${PIN:-}"
sipp_cmd=(sipp); [ -n "$sipp_cpu" ] && sipp_cmd=(taskset -c "$sipp_cpu" sipp)
pin_server() { # CPUS: every thread of the server process
  [ -n "$server_cpu" ] && taskset -a -p -c "$1" "$pid" >/dev/null
}
quota_group=/sys/fs/cgroup/cpu/sipee-overload
limit_server() { # SHARE of a core for the server process (cgroup v1 cpu controller), or "" to lift it
  if [ -n "$1" ]; then
    mkdir -p "$quota_group" && echo 10000 > "$quota_group/cpu.cfs_period_us" &&
        awk -v s="$1" 'BEGIN { printf "%d\n", s * 10000 }' > "$quota_group/cpu.cfs_quota_us" &&
        echo "$pid" > "$quota_group/cgroup.procs" || { echo "cannot set a CPU quota ($quota_group)" >&2; exit 2; }
  elif [ -d "$quota_group" ]; then
    echo "$pid" > /sys/fs/cgroup/cpu/cgroup.procs; rmdir "$quota_group"
  fi
}
add() { summary+=("$(printf '%-44s %s' "$1" "$2")"); }

# user + system ticks of these processes (each one's /proc stat sums its threads)
ticks() { local t=0 p; for p in "$@"; do t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat"))); done; echo "$t"; }
# heap used (KiB) after a full GC
heap_kib() { jcmd "$pid" GC.run >/dev/null; jcmd "$pid" GC.heap_info | sed -n 's/.* used \([0-9]*\)K.*/\1/p' | head -n 1; }

# SIPp's cumulative message counter COLUMN (e.g. 503_Recv; the Nth such column with N) from the counts file in DIR,
# as it stood SECONDS into the run (SIPp writes the counts file once a second with -fd 1); 0 if there is none
counter_at() { # DIR NAME N SECONDS
  awk -F';' -v name="$2" -v nth="$3" -v until="$4" '
    NR == 1 { k = 0; for (i = 1; i <= NF; i++) { n = $i; sub(/^[0-9]+_/, "", n); if (n == name && ++k == nth) c = i }; next }
    { split($2, t, ":"); if (c && t[1] * 3600 + t[2] * 60 + t[3] <= until) v = $c }
    END { print v + 0 }' "$1"/*_counts.csv 2>/dev/null
}
counter() { counter_at "$1" "$2" "${3:-1}" 1e12; } # DIR NAME [N]: its value at the end
stat_val() { awk -F';' -v k="$2" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == k) c = i; next } c { v = $c } END { print v }' "$1/stat.csv"; }
screen_val() { awk -F'|' -v k="$2" '$1 ~ k {gsub(/[ a-z]/, "", $3); print $3}' "$1/screen"; }

# one SIPp run of uac_overload.xml (or ARGS...) in its own directory; sets ok failed c503 c200 bye200 retrans achieved
sipp_run() { # NAME RATE CALLS [SIPp args...]
  local name=$1 rate=$2 calls=$3; shift 3
  local d="$work/$name"; mkdir -p "$d"
  local scen=(-sf "$here/uac_overload.xml"); [ $# -gt 0 ] && scen=("$@")
  local limit=$(( calls / rate * 3 + ${HOLD_TIMEOUT:-0} + 60 ))
  # timeout(1) too: a storm run of SIPp 3.6 once outlived its own -timeout by minutes, idle
  (cd "$d" && timeout -s INT $((limit + 30)) "${sipp_cmd[@]}" "${scen[@]}" "$target" -i 127.0.0.1 -p "$sipp_port" -r "$rate" \
      -m "$calls" -nostdin -timeout ${limit}s -trace_screen -screen_file "$d/screen" -trace_counts \
      -trace_stat -stf "$d/stat.csv" -fd 1 ${SIPP_EXTRA:-} >/dev/null 2>&1) || true
  ok=$(screen_val "$d" 'Successful call'); failed=$(screen_val "$d" 'Failed call')
  achieved=$(awk -F'|' '/Call Rate/{gsub(/[ a-z]/,"",$3); print $3}' "$d/screen")
  # SIPp stopped by timeout(1) writes no final screen: the same from its statistics, a line per second (-fd 1);
  # achieved = calls placed per second of the seconds in which it placed any
  [ -n "$ok" ] || ok=$(stat_val "$d" 'SuccessfulCall(C)')
  [ -n "$failed" ] || failed=$(stat_val "$d" 'FailedCall(C)')
  [ -n "$achieved" ] || achieved=$(awk -F';' 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "OutgoingCall(P)") c = i; next }
      c && $c > 0 { n += $c; s++ } END { if (s) printf "%.3f", n / s }' "$d/stat.csv")
  retrans=$(awk -F';' 'NR==1{for(i=1;i<=NF;i++) if($i=="Retransmissions(C)") c=i} END{print (c ? $c : "?")}' "$d/stat.csv")
  c503=$(counter "$d" 503_Recv); c200=$(counter "$d" 200_Recv 1); bye200=$(counter "$d" 200_Recv 2)
  offer_secs=$(awk -F';' 'NR == 1 { for (i = 1; i <= NF; i++) { if ($i == "OutgoingCall(P)") c = i; if ($i == "ElapsedTime(C)") e = i }; next }
      c && $c > 0 { split($e, t, ":"); last = t[1] * 3600 + t[2] * 60 + t[3] } END { print last + 0 }' "$d/stat.csv")
  bye200_offering=$(counter_at "$d" 200_Recv 2 "$offer_secs")
}
row_header() { printf '%-16s %-6s %-7s %-7s %-7s %-7s %-7s %-7s %-9s %-9s %s\n' \
    part rate calls ok failed 503 200 bye200 achieved/s goodput/s 503-share; }
row() { # PART RATE CALLS
  local goodput share
  # calls completed while SIPp offered, per second of offering (it may not reach the rate it was given)
  goodput=$(awk -v n="$bye200_offering" -v s="$offer_secs" 'BEGIN { if (s > 0) printf "%.0f", n / s; else print "?" }')
  share=$(awk -v a="$c503" -v b="$c200" 'BEGIN { if (a + b > 0) printf "%.1f%%", 100 * a / (a + b); else print "-" }')
  printf '%-16s %-6s %-7s %-7s %-7s %-7s %-7s %-7s %-9s %-9s %s\n' \
      "$1" "$2" "$3" "${ok:-?}" "${failed:-?}" "$c503" "$c200" "$bye200" "${achieved:-?}" "$goodput" "$share"
  last_goodput=$goodput; last_share=$share
}
drain() { # after failures the server's transactions (timer B/H: 32 s) and SIPp's last calls need to end
  if [ "${failed:-1}" != 0 ]; then sleep 35; else sleep 5; fi
}

echo "overload.sh against $target (server pid $pid), parts:$parts"
capacity=${CAPACITY:-}
if [ -n "$server_cpu" ]; then
  echo "capacity and storm pinned: SIPp on CPU $sipp_cpu, the server's threads on CPU $server_cpu"
  pin_server "$server_cpu"
  if [ -n "${SERVER_CPU_SHARE:-}" ]; then
    echo "the server limited to ${SERVER_CPU_SHARE} of CPU $server_cpu (cgroup CPU quota)"
    limit_server "$SERVER_CPU_SHARE"
  fi
fi

if has capacity; then
  echo "== capacity: ladder $ladder, $step_secs s per step"; row_header
  sipp_run warmup 500 $((500 * 5)) ; sleep 3   # JIT
  capacity=0
  for rate in $ladder; do
    sipp_run "cap$rate" "$rate" $((rate * step_secs)) -sf "$here/uac_overload.xml" -d 0
    row capacity "$rate" $((rate * step_secs))
    # a step counts when SIPp offered at least 95 % of the rate: beyond, the load generator is the ceiling
    reached=$(awk -v a="${achieved:-0}" -v r="$rate" 'BEGIN { print (a >= 0.95 * r) ? 1 : 0 }')
    if [ "$failed" = 0 ] && [ "$c503" = 0 ] && [ "$reached" = 1 ]; then capacity=$rate; drain; else drain; break; fi
  done
  add "capacity (calls/s, 0 failed, 0 shed, SIPp at >= 95 % of the rate)" "$capacity"
fi

if has storm; then
  [ -n "$capacity" ] && [ "$capacity" != 0 ] || capacity=1000
  echo "== storm: ${storm_secs} s at 2x and 3x $capacity/s, then $after_rate/s for $step_secs s"; row_header
  for x in 2 3; do
    rate=$((capacity * x))
    # SIPp's default call limit (-l, 3 x rate) would stop offering once calls pile up: by default no limit
    SIPP_EXTRA="-l ${STORM_LIMIT:-$((rate * storm_secs))}" sipp_run "storm$x" "$rate" $((rate * storm_secs)) \
        -sf "$here/uac_overload.xml" -d 0
    row "storm ${x}x" "$rate" $((rate * storm_secs))
    add "goodput at ${x}x = $rate/s offered (calls/s)" "$last_goodput (SIPp achieved ${achieved:-?}/s for $offer_secs s, failed $failed, $((bye200 - bye200_offering)) more completed after it)"
    add "503 share of INVITE final responses, ${x}x" "$last_share"
    [ $x = 2 ] && drain
  done
  sipp_run after "$after_rate" $((after_rate * step_secs)) -sf "$here/uac_overload.xml" -d 0
  row "after storm" "$after_rate" $((after_rate * step_secs))
  add "failed calls at $after_rate/s right after the storm" "$failed of $((after_rate * step_secs))"
  drain
fi

# HELD_CALLS held calls with the demo's tone echoed back; samples the heap meanwhile when WITH_HEAP=1
# the demo logs each call's end ("RTP sent N, received M") at FINE: on for the held run only, through the server's CLI
demo_log_level() { # LEVEL, or "" to remove the logger again
  local cli op
  cli=$(ls "$here"/../arquillian-tests/target/wildfly-*/bin/jboss-cli.sh 2>/dev/null | head -n 1)
  [ -n "$cli" ] || return 0
  if [ -n "$1" ]; then op="/subsystem=logging/logger=org.sipee.demo:add(level=$1)"; else op="/subsystem=logging/logger=org.sipee.demo:remove"; fi
  "$cli" -c "$op" >/dev/null 2>&1 || true
}

held_run() {
  local before_log wait_secs
  demo_log_level FINE
  before_log=$(stat -c %s "$server_log" 2>/dev/null || echo 0)
  # idle means no transaction of an earlier part left either: they linger 64*T1 = 32 s after their calls
  if [ "${WITH_HEAP:-0}" = 1 ]; then sleep 35; idle=$(heap_kib); fi
  wait_secs=$(( (held_calls + held_rate - 1) / held_rate + 5 ))
  HOLD_TIMEOUT=$hold_secs SIPP_EXTRA="-d $((hold_secs * 1000)) -rtp_echo -mp $media_port -l $held_calls" \
      sipp_run held "$held_rate" "$held_calls" -sn uac &
  local sipp_job=$!
  if [ "${WITH_HEAP:-0}" = 1 ]; then
    sleep "$wait_secs"
    held_kib=$(heap_kib)
    open_ports=$(ss -uanp | grep -c "pid=$pid,")
  fi
  wait "$sipp_job"
  sleep 2; demo_log_level ""
  # sipp_run ran in a subshell: read its results again
  local d="$work/held"
  ok=$(screen_val "$d" 'Successful call'); failed=$(screen_val "$d" 'Failed call')
  read -r rtp_calls rtp_sent rtp_received <<<"$(tail -c +$((before_log + 1)) "$server_log" 2>/dev/null \
      | sed -n 's/.* ended (.*), RTP sent \([0-9]*\), received \([0-9]*\).*/\1 \2/p' \
      | awk '{n++; s += $1; r += $2} END {print n + 0, s + 0, r + 0}')"
  echo "held: $held_calls calls at $held_rate/s, $hold_secs s each: ok ${ok:-?}, failed ${failed:-?};" \
       "server log: $rtp_calls ended calls, RTP sent $rtp_sent, received back $rtp_received"
  if [ "${WITH_HEAP:-0}" = 1 ]; then
    echo "heap: idle ${idle} KiB, with the calls held ${held_kib} KiB (server's UDP sockets then: $open_ports)"
    heap_per_call=$(awk -v a="$held_kib" -v b="$idle" -v n="$held_calls" -v f="${failed:-0}" \
        'BEGIN { if (n - f > 0) printf "%.1f", (a - b) / (n - f); else print "-" }')
  fi
}

limit_server ""; pin_server "0-$(( $(nproc) - 1 ))"; sipp_cmd=(sipp)

if has held || has heap; then
  echo "== held: $held_calls concurrent calls to sip:service@ (tone, SIPp -rtp_echo), held $hold_secs s"
  WITH_HEAP=0; has heap && WITH_HEAP=1
  held_run
  if has held; then
    add "held calls: $held_calls concurrent, failed" "${failed:-?}"
    add "held calls: RTP sent / received back" "$rtp_sent / $rtp_received over $rtp_calls ended calls$( \
        awk -v s="$rtp_sent" -v r="$rtp_received" 'BEGIN { if (s > 0) printf " (%.2f%% back)", 100 * r / s }')"
  fi
  has heap && add "heap per established call (KiB, after GC)" "$heap_per_call (idle $idle KiB, held $held_kib KiB, $((held_calls - ${failed:-0})) calls)"
  sleep 5
fi

if has media; then
  echo "== media: media-bench.sh $target $media_secs $media_ladder (MediaLoadClient, sip:echo@)"
  SERVER_PID=$pid SERVER_RTP=${SERVER_RTP:-10000-29999} MVN_FLAGS=${MVN_FLAGS:--o} \
      bash "$here/media-bench.sh" "$target" "$media_secs" $media_ladder | tee "$work/media.md"
  # largest level with 0 failed and loss < 0.1 % both ways ("-": not measured counts as 0)
  best=$(awk -F'|' 'NR > 2 {
      calls = $2 + 0; split($3, u, "/"); failed = u[2] + 0; split($5, l, "/"); back = l[1]; out = l[2]
      gsub(/ /, "", back); gsub(/ /, "", out); if (back == "-" || back == "") back = 100; if (out == "-") out = 0
      if (failed == 0 && back + 0 < 0.1 && out + 0 < 0.1 && calls > best) best = calls }
      END { print best + 0 }' "$work/media.md")
  add "media calls held with < 0.1% loss (of $media_ladder)" "$best"
fi

if has cpu; then
  echo "== cpu: SIPp built-in uac at $cpu_rate/s for $cpu_secs s, server then Kamailio, $cpu_rounds rounds"
  if ! ss -uan | grep -q '127.0.0.1:5080 '; then
    kamailio -f "$kamailio_cfg" -P "$work/kam.pid" -DD -E -m 1024 -M 64 > "$work/kam.log" 2>&1 &
    kamailio_started=1
    for _ in $(seq 50); do ss -uan | grep -q '127.0.0.1:5080 ' && break; sleep 0.2; done
  fi
  kam_pids=$(pgrep -f "kamailio -f") || true
  [ -n "$kam_pids" ] || { echo "Kamailio did not start" >&2; cat "$work/kam.log" >&2; }
  printf '%-6s %-10s %-6s %-7s %-7s %-7s %-9s %-8s %s\n' round target rate calls ok failed achieved retrans cpu_us/call
  calls=$((cpu_rate * cpu_secs))
  cpu_failed=0; us_list_server=(); us_list_kamailio=(); ratios=()
  for round in $(seq "$cpu_rounds"); do
    for who in server kamailio; do
      if [ $who = server ]; then t=$target; pids=$pid; else t=127.0.0.1:5080; pids=$kam_pids; fi
      [ -n "$pids" ] || continue
      # a short warm-up at the same rate, not measured
      saved=$target; target=$t
      sipp_run "cpuwarm-$who" "$cpu_rate" $((cpu_rate * 5)) -sn uac -d 0; sleep 3
      before=$(ticks $pids)
      sipp_run "cpu-$who" "$cpu_rate" "$calls" -sn uac -d 0
      after=$(ticks $pids)
      target=$saved
      us=$(( (after - before) * 1000000 / hz / calls ))
      printf '%-6s %-10s %-6s %-7s %-7s %-7s %-9s %-8s %s\n' "$round" "$who" "$cpu_rate" "$calls" "$ok" "$failed" "$achieved" "$retrans" "$us"
      cpu_failed=$((cpu_failed + ${failed//[^0-9]/} + 0))
      eval "us_list_$who+=($us)"
      eval "us_$who=$us"
      sleep 5
    done
    [ -n "${us_server:-}" ] && [ -n "${us_kamailio:-}" ] && [ "$us_kamailio" -gt 0 ] && \
        ratios+=("$(awk -v a="$us_server" -v b="$us_kamailio" 'BEGIN { printf "%.2f", a / b }')")
  done
  median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR) print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
  add "CPU µs/call at $cpu_rate/s: server (median of ${#us_list_server[@]})" "$(median "${us_list_server[@]}") (failed $cpu_failed in all rounds of both)"
  [ ${#us_list_kamailio[@]} -gt 0 ] && add "CPU µs/call at $cpu_rate/s: kamailio (median of ${#us_list_kamailio[@]})" "$(median "${us_list_kamailio[@]}")"
  [ ${#ratios[@]} -gt 0 ] && add "CPU per call, server / Kamailio" "median $(median "${ratios[@]}")x of rounds ${ratios[*]}"
fi

echo
echo "== summary ($target, server pid $pid, $(date -u +%FT%TZ))"
for line in "${summary[@]}"; do echo "$line"; done
