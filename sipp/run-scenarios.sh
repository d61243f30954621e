#!/usr/bin/env bash
# Runs every functional SIPp scenario of this folder against a running server and fails
# (exit 1) if any call of any scenario fails.  Usage: run-scenarios.sh [HOST:PORT]
# (uac_target.xml and forking_test.xml are the other way round, SIPp as the callee of our engine:
# sip-container's SippUacTargetTest runs them.)
set -euo pipefail
target=${1:-127.0.0.1:5060}
here=$(cd "$(dirname "$0")" && pwd)
logs=${SIPP_LOG_DIR:-$(mktemp -d)}
command -v sipp >/dev/null || { echo "sipp not found: apt-get install -y sip-tester" >&2; exit 2; }

# SIPp's "-p 0" still tries 5060 first, so each scenario binds an explicit port of its own
# (never the server's): SIPP_LOCAL_PORT, SIPP_LOCAL_PORT+1, ...
local_port=${SIPP_LOCAL_PORT:-15060}
failed=0
# name | sipp arguments
run() {
  local name=$1; shift
  local out="$logs/$name"
  mkdir -p "$out"
  local_port=$((local_port + 1))
  if (cd "$out" && sipp "$target" -i 127.0.0.1 -p "$local_port" -nostdin -timeout 60s -timeout_error \
        -trace_err -error_file "$out/errors.log" -trace_screen -screen_file "$out/screen.log" "$@" \
        >"$out/stdout.log" 2>&1); then
    echo "PASS $name ($(awk -F'|' '/Successful call/{gsub(/ /,"",$3); print $3}' "$out/screen.log") calls)"
  else
    echo "FAIL $name: see $out (screen.log, errors.log)"
    tail -n 20 "$out/errors.log" 2>/dev/null || true
    failed=1
  fi
}

run basic_call   -sf "$here/basic_call.xml"   -s demo -m 10 -r 10 -l 10
run call_cancel  -sf "$here/call_cancel.xml"  -s ring -m 10 -r 10
run options_ping -sf "$here/options_ping.xml" -s demo -m 20 -r 20
# The same call over TCP (one connection for all calls, -t t1): the server listens on TCP at the same port.
run tcp_call     -sf "$here/tcp_call.xml"     -s demo -m 10 -r 10 -l 10 -t t1
# SIPp's own built-in caller, as a user would first try it: 100 calls must all succeed.
run builtin_uac  -sn uac -m 100 -r 50
run call_rejection  -sf "$here/call_rejection.xml"  -s busy  -m 10 -r 10
run early_media     -sf "$here/early_media.xml"     -s early -m 10 -r 10 -l 10
run multiple_codecs -sf "$here/multiple_codecs.xml" -s demo  -m 10 -r 10 -l 10
# re-INVITEs in a call (RFC 3261 §14, RFC 3264 §8): hold with sendonly and resume; PCMA first switches the codec
run hold_resume              -sf "$here/hold_resume.xml"              -s demo -m 5 -r 10 -l 5
run multiple_codecs_reinvite -sf "$here/multiple_codecs_reinvite.xml" -s demo -m 5 -r 10 -l 5
# RFC 4028: Session-Expires granted, refreshes by UPDATE and re-INVITE, 422 below Min-SE
run session_timer            -sf "$here/session_timer.xml"            -s demo -m 5 -r 10 -l 5
run session_timer_422        -sf "$here/session_timer_422.xml"        -s demo -m 5 -r 10
# RFC 3262: reliable 183 with SDP, PRACK, and only then the 200 (§3)
run prack                    -sf "$here/prack.xml"                    -s early -m 5 -r 10 -l 5
# The IVR (sip:ivr@): 0 is refused, 2 leads to the voicemail, # ends it with our BYE (RFC 4733 digits from SIPp's pcaps; root)
run ivr_menu                 -sf "$here/ivr_menu.xml"                 -s ivr   -m 2 -r 1 -l 1
# The scenarios where the transport matters, again over TCP (-t t1: one connection for all calls)
run call_cancel_tcp      -sf "$here/call_cancel.xml"      -s ring  -m 5 -r 10 -t t1
run options_ping_tcp     -sf "$here/options_ping.xml"     -s demo  -m 5 -r 10 -t t1
run call_rejection_tcp   -sf "$here/call_rejection.xml"   -s busy  -m 5 -r 10 -t t1
run early_media_tcp      -sf "$here/early_media.xml"      -s early -m 5 -r 10 -l 5 -t t1
run hold_resume_tcp      -sf "$here/hold_resume.xml"      -s demo  -m 5 -r 10 -l 5 -t t1
run session_timer_tcp    -sf "$here/session_timer.xml"    -s demo  -m 5 -r 10 -l 5 -t t1
run prack_tcp            -sf "$here/prack.xml"            -s early -m 5 -r 10 -l 5 -t t1
# One call that never ACKs; the server's BYE comes after 64*T1 (32 s). -nr: see the scenario.
run timeout_test    -sf "$here/timeout_test.xml"    -s demo  -m 1 -nr

echo "sipp logs: $logs"
exit $failed
