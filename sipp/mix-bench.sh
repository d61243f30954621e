#!/usr/bin/env bash
# Conference and bridge load benchmark (not part of the test command): the RTP engine under test
# (org.sipee.bench.MixLoadServer, test scope) alone in one JVM, the phones (MixLoadClient) in another, over loopback
# UDP. Every phone sends a 20 ms G.711 tone to its own stream on the engine and plays out what comes back. For each
# level it settles 10 s, measures a steady window of SECONDS, closes everything, and prints a row of two markdown tables:
#   conferences: PARTICIPANTS engine streams joined to MediaConference rooms of each size in ROOMS, one phone each;
#   bridges: BRIDGES calls of two engine streams joined by MediaEngine.bridge, a phone on each leg, for each CODECS.
# Usage: mix-bench.sh [SECONDS]     e.g. mix-bench.sh 30
#   PARTICIPANTS  default "10 50 100";  ROOMS  participants per room, default "5 all" (all: one room of everyone)
#   BRIDGES       default "100 500";    CODECS default "PCMU PCMU-PCMA" (leg a's codec, or leg a's-leg b's)
#                 PARTICIPANTS= or BRIDGES= (empty) leaves that table out
#   SERVER_RTP    the engine's RTP range, default 42000-44999; CLIENT_RTP the phones', default 45000-49999
#   JAVA_OPTS for both JVMs; MVN_FLAGS e.g. -o
# Columns: "at phones" is what the phones received (the mix, or the far phone through the bridge), "at server" what
# the engine's streams received from the phones, both over the window. Loss counts sequence gaps; late packets came
# after their playout time (the jitter buffer dropped them); jitter is RFC 3550 A.8 at both ends. "audible" is the
# share of the phones' played-out frames with sound (a relay or mix that underruns sends silence, not loss),
# "concealed" the share the phones' own packet-loss concealment made up (no packet in time).
# "dropped" are frames the rooms' inputs or the bridges' feeds dropped to bound their delay. Server CPU is the whole
# JVM's (/proc), "loops" its RTP event-loop threads' (which also tick the rooms); per participant, or per bridged
# call, per second. The phones share the two cores: their JVM's CPU and the rest of the machine's are shown too.
# A warm-up pass (100 participants in rooms of 5, 200 bridged calls, 10 s each, not shown) runs first for the JIT.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-30}
participants=${PARTICIPANTS-10 50 100}; rooms=${ROOMS:-5 all}
bridges=${BRIDGES-100 500}; codecs=${CODECS:-PCMU PCMU-PCMA}
server_rtp=${SERVER_RTP:-42000-44999}; client_rtp=${CLIENT_RTP:-45000-49999}
work=$(mktemp -d)

mvn -q ${MVN_FLAGS:-} -pl sip-container test-compile dependency:build-classpath -Dmdep.outputFile="$work/cp" >&2
cp="sip-container/target/test-classes:sip-container/target/classes:$(cat "$work/cp")"

server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
java ${JAVA_OPTS:-} -cp "$cp" org.sipee.bench.MixLoadServer "$server_rtp" > "$work/server.log" 2>&1 &
server=$!
until grep -qs '^MixLoadServer:' "$work/server.log"; do
  kill -0 "$server" 2>/dev/null || { cat "$work/server.log" >&2; exit 2; }
  sleep 0.2
done
control=$(sed -n 's/^MixLoadServer: control \([0-9]*\) .*/\1/p' "$work/server.log")

# one run of the phones; its stdout is a single "result key=value ..." line
run() { # MODE COUNT LAYOUT SECONDS
  java ${JAVA_OPTS:-} -cp "$cp" org.sipee.bench.MixLoadClient "$1" "$2" "$3" "$control" "$server" "$4" "$client_rtp" \
      | grep '^result '
}
val() { tr ' ' '\n' <<<"$1" | awk -F= -v k="$2" '$1 == k {print $2}'; }
row() { # the columns both tables share, after the first two
  echo "| $(val "$1" sent) / $(val "$1" received) ($(val "$1" sentPct) / $(val "$1" receivedPct))" \
       "| $(val "$1" lossPct) / $(val "$1" inLossPct) | $(val "$1" latePct) / $(val "$1" inLatePct)" \
       "| $(val "$1" jitterMeanMs) / $(val "$1" jitterP99Ms) / $(val "$1" inJitterMeanMs) | $(val "$1" audiblePct) / $(val "$1" concealedPct) | $(val "$1" relayDropped)" \
       "| $(val "$1" serverUsPerUnitSec) ($(val "$1" serverCorePctPerUnit)) | $(val "$1" loopsUsPerUnitSec)" \
       "| $(val "$1" serverCorePct) / $(val "$1" loopsCorePct) | $(val "$1" clientCorePct) | $(val "$1" otherCorePct) |"
}
shared="packets sent / received (% of 50/s) | loss % at phones / at server | late % at phones / at server | jitter ms at phones mean / p99, at server mean | audible / concealed % | dropped"
shared_sep="--- | --- | --- | --- | --- | ---"

echo "warm-up, load before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
run conference 100 5 10 > /dev/null
run bridge 200 PCMU-PCMA 10 > /dev/null

if [ -n "$participants" ]; then
  echo "| participants | rooms | $shared | server CPU µs per participant·s (% core each) | loops µs per participant·s | server / loops % core | phones % core | other processes % core |"
  echo "| --- | --- | $shared_sep | --- | --- | --- | --- | --- |"
  for n in $participants; do
    for size in $rooms; do
      [ "$size" = all ] && size=$n
      r=$(run conference "$n" "$size" "$secs")
      echo "| $n | $(( (n + size - 1) / size )) × $size $(row "$r")"
    done
  done
  echo
fi
if [ -n "$bridges" ]; then
  echo "| bridged calls | codecs | $shared | server CPU µs per call·s (% core each) | loops µs per call·s | server / loops % core | phones % core | other processes % core |"
  echo "| --- | --- | $shared_sep | --- | --- | --- | --- | --- |"
  for n in $bridges; do
    for c in $codecs; do
      r=$(run bridge "$n" "$c" "$secs")
      echo "| $n | $c $(row "$r")"
    done
  done
fi
