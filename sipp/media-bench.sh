#!/usr/bin/env bash
# Media load benchmark (not part of the test command): the engine's own load client
# (org.sipee.bench.MediaLoadClient, test scope) holds CALLS concurrent calls with bidirectional G.711 media
# (a tone out, echoed back by the target) for SECONDS, for each CALLS given, and prints a markdown table.
# Usage: media-bench.sh [HOST:PORT] [SECONDS] CALLS...     e.g. media-bench.sh 127.0.0.1:5090 30 200 500 1000
#   SERVER_PID   the target's JVM (CPU, heap, leaked ports); without it those columns stay empty
#   STANDALONE=1 start the engine alone (StandaloneUas, which echoes sip:echo@ calls) on PORT, stop it after;
#                its own counters then give the late packets of the outbound direction too
#   RAMP         calls (and BYEs) per second, default 100
#   SERVER_RTP   the target's RTP range, default 30000-39999; CLIENT_RTP default 40000-49999
#   CLIENT_SIP_PORT default 5091; JAVA_OPTS for both JVMs; MVN_FLAGS e.g. -o
# Columns: "back" is what the client received (the echo), measured over the steady window; "out" is what the
# target received: loss from its RTCP reports, late packets from its counters (STANDALONE, whole calls).
# Loss counts sequence gaps; late packets came after their playout time (the jitter buffer dropped them). A
# packet clock starved of CPU sends fewer packets without gaps: the "% of 50/s" shares show that.
# "other processes" is the rest of the machine's CPU meanwhile (the benchmark shares the two cores).
# A warm-up pass (100 calls, 5 s, not shown) runs first so the JIT has compiled the hot paths.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:-127.0.0.1:5090}; secs=${2:-30}; shift 2 || true
levels=${*:-200 500 1000}
ramp=${RAMP:-100}; server_rtp=${SERVER_RTP:-30000-39999}; client_rtp=${CLIENT_RTP:-40000-49999}
client_sip=${CLIENT_SIP_PORT:-5091}
work=$(mktemp -d)

mvn -q ${MVN_FLAGS:-} -pl sip-container test-compile dependency:build-classpath -Dmdep.outputFile="$work/cp" >&2
cp="sip-container/target/test-classes:sip-container/target/classes:$(cat "$work/cp")"

uas=""
cleanup() {
  if [ -n "$uas" ]; then kill "$uas" 2>/dev/null; wait "$uas" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
if [ "${STANDALONE:-0}" = 1 ]; then
  java ${JAVA_OPTS:-} -cp "$cp" org.sipee.bench.StandaloneUas "${target##*:}" "${server_rtp%-*}" "${server_rtp#*-}" \
      > "$work/uas.log" 2>&1 &
  uas=$!
  until grep -q '^StandaloneUas:' "$work/uas.log"; do
    kill -0 "$uas" 2>/dev/null || { cat "$work/uas.log" >&2; exit 2; }
    sleep 0.2
  done
  SERVER_PID=$uas
fi

# one run of the client; its stdout is a single "result key=value ..." line
run() {
  java ${JAVA_OPTS:-} -cp "$cp" org.sipee.bench.MediaLoadClient "$target" "$1" "$2" "$ramp" "${SERVER_PID:-0}" \
      "$server_rtp" "$client_sip" "$client_rtp"
}
val() { tr ' ' '\n' <<<"$1" | awk -F= -v k="$2" '$1 == k {print $2}'; }

# StandaloneUas's receive totals of ended calls ("rx: expected=E lost=L late=N"), from its next stats line (every 5 s)
uas_rx() {
  [ -n "$uas" ] || { echo "0 0"; return; }
  local lines; lines=$(wc -l < "$work/uas.log")
  while [ "$(wc -l < "$work/uas.log")" -le "$lines" ]; do sleep 0.5; done
  tail -n 1 "$work/uas.log" | sed -n 's/.*rx: expected=\([0-9]*\) lost=[0-9]* late=\([0-9]*\).*/\1 \2/p'
}
pct() { awk -v n="$1" -v d="$2" 'BEGIN { if (d > 0) printf "%.4f", 100 * n / d; else print "-" }'; }

run 100 5 > /dev/null
echo "| calls | up / failed / dropped | packets sent / received (% of 50/s) | loss % back / out | late % back / out | jitter mean / p99 ms | MOS | target CPU µs per stream·s | target % core | client % core | other processes % core | target heap MiB (load / after) | leaked ports |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
read -r expected0 late0 <<<"$(uas_rx)"
for calls in $levels; do
  r=$(run "$calls" "$secs" | grep '^result ')
  read -r expected1 late1 <<<"$(uas_rx)"
  late_out=$(pct $((late1 - late0)) $((expected1 - expected0)))
  expected0=$expected1; late0=$late1
  echo "| $calls | $(val "$r" ok) / $(val "$r" failed) / $(val "$r" dropped)" \
       "| $(val "$r" sent) / $(val "$r" received) ($(val "$r" sentPct) / $(val "$r" receivedPct))" \
       "| $(val "$r" lossPct) / $(val "$r" remoteLossPct) | $(val "$r" latePct) / $late_out" \
       "| $(val "$r" jitterMeanMs) / $(val "$r" jitterP99Ms) | $(val "$r" mos)" \
       "| $(val "$r" serverUsPerStreamSec) | $(val "$r" serverCorePct) | $(val "$r" clientCorePct) | $(val "$r" otherCorePct)" \
       "| $(val "$r" serverHeapMiB) / $(val "$r" serverHeapAfterMiB) | $(val "$r" leakedPorts) |"
done
