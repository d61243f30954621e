#!/usr/bin/env bash
# Runs every functional SIPp scenario of this folder against a running server and fails
# (exit 1) if any call of any scenario fails.  Usage: run-scenarios.sh [HOST:PORT]
# (uac_target.xml and forking_test.xml are the other way round, SIPp as the callee of our engine:
# sip-container's SippUacTargetTest runs them.)
# The multi-party runs (B2BUA, conference, blind transfer) start several SIPps at once, the callees in the
# background on the fixed ports the demo calls: they need the server on this host.
set -euo pipefail
target=${1:-127.0.0.1:5060}
here=$(cd "$(dirname "$0")" && pwd)
logs=${SIPP_LOG_DIR:-$(mktemp -d)}
command -v sipp >/dev/null || { echo "sipp not found: apt-get install -y sip-tester" >&2; exit 2; }

# SIPp's "-p 0" still tries 5060 first, so each scenario binds an explicit port of its own
# (never the server's): SIPP_LOCAL_PORT, SIPP_LOCAL_PORT+1, ...
local_port=${SIPP_LOCAL_PORT:-15060}
failed=0
last_status=0
# name status: one SIPp's verdict, from its exit status and logs in $logs/name
report() {
  local name=$1 status=$2 out="$logs/$1"
  if [ "$status" -eq 0 ]; then
    echo "PASS $name ($(awk -F'|' '/Successful call/{gsub(/ /,"",$3); print $3}' "$out/screen.log") calls)"
  else
    echo "FAIL $name: see $out (screen.log, errors.log)"
    { tail -n 20 "$out/errors.log" && echo; } 2>/dev/null || true   # SIPp's log ends without a newline
    failed=1
  fi
}
# name | sipp arguments
run() {
  local name=$1; shift
  local out="$logs/$name"
  mkdir -p "$out"
  local_port=$((local_port + 1))
  last_status=0
  (cd "$out" && sipp "$target" -i 127.0.0.1 -p "$local_port" -nostdin -timeout 60s -timeout_error \
        -trace_err -error_file "$out/errors.log" -trace_screen -screen_file "$out/screen.log" "$@" \
        >"$out/stdout.log" 2>&1) || last_status=$?
  report "$name" "$last_status"
}

# Several SIPps at once: callees of the server (UAS) on the fixed ports it calls, and callers started at
# different times. Each gets a media port of its own (-mp: SIPp binds it and the next but one).
# The demo's forward target for sip:9NUMBER@ (system property sipee.demo.forwardTo, default 127.0.0.1:5080), and
# where blind_transfer_transferor.xml's REFER sends the call (-key transfer_to)
callee_port=5080
transfer_to=127.0.0.1:5081
media_port=${SIPP_MEDIA_PORT:-16000}
# Digest authentication (realm "sipee"): the demo's development user answers the server's 401/407 challenges.
# SIPp 3.6 signs sip:HOST:PORT unless -auth_uri names the Request-URI (USER@HOST:PORT), which INVITEs need.
auth=(-au "${SIPP_AUTH_USER:-alice}" -ap "${SIPP_AUTH_PASSWORD:-alice-password}")
party_pids=()
party_names=()
# port: waits (5 s at most) until 127.0.0.1:port is bound over UDP, so the first INVITE does not wait for a
# retransmission; without /proc the retransmission covers it
await_bound() {
  local local_address
  local_address=$(printf '0100007F:%04X' "$1")
  for _ in $(seq 100); do
    grep -q " $local_address " /proc/net/udp 2>/dev/null && return 0
    sleep 0.05
  done
}
# name port | sipp arguments: one SIPp in the background (port 0: the next local port); await_parties judges it
start() {
  local name=$1 port=$2; shift 2
  local out="$logs/$name"
  mkdir -p "$out"
  if [ "$port" -eq 0 ]; then
    local_port=$((local_port + 1))
    port=$local_port
  fi
  media_port=$((media_port + 4))
  (cd "$out" && exec sipp "$target" -i 127.0.0.1 -p "$port" -mp "$media_port" -nostdin -timeout 60s -timeout_error \
        -trace_err -error_file "$out/errors.log" -trace_screen -screen_file "$out/screen.log" "$@" \
        >"$out/stdout.log" 2>&1) &
  party_pids+=("$!")
  party_names+=("$name")
  await_bound "$port"
}
# [caller's status]: waits for every SIPp started in the background and judges each. If their caller failed
# (status other than 0), whoever is still waiting for the call gets 5 s, then is stopped and fails (its own
# -timeout would hold the run up for a minute; a stopped SIPp exits with 0, hence the explicit verdict).
await_parties() {
  local caller_status=${1:-0} i pid status
  for i in "${!party_pids[@]}"; do
    pid=${party_pids[$i]}
    status=0
    if [ "$caller_status" -ne 0 ]; then
      for _ in $(seq 50); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
      done
      if kill "$pid" 2>/dev/null; then
        echo "${party_names[$i]}: still waiting 5 s after its caller failed, stopped" \
          >>"$logs/${party_names[$i]}/errors.log"
        status=1
      fi
    fi
    wait "$pid" || status=$?
    report "${party_names[$i]}" "$status"
  done
  party_pids=()
  party_names=()
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
# Registration with digest authentication (RFC 3261 §10, §22): 401, credentials, 200 listing our binding, then the
# un-REGISTER (Expires: 0) leaves none of ours; calls overlap, each with a Contact of its own
run register_auth            -sf "$here/register_auth.xml"          -s alice "${auth[@]}" -m 10 -r 10
# Without credentials a call to a registered user, or through the forwarding route, gets 407 and nothing else
run invite_unauthenticated   -sf "$here/invite_unauthenticated.xml" -s alice -m 5 -r 10
run invite_unauthenticated_9 -sf "$here/invite_unauthenticated.xml" -s 9123  -m 5 -r 10
# With them, the forwarded call goes through: 407, the INVITE again with Proxy-Authorization, 200, ACK, BYE
start invite_auth_callee  "$callee_port" -sf "$here/b2bua_callee.xml" -rtp_echo -m 5
run   invite_auth         -sf "$here/invite_auth.xml"       -s 9123 "${auth[@]}" -auth_uri "9123@$target" -m 5 -r 10 -l 5
await_parties "$last_status"
# The back-to-back user agent (sip:9NUMBER@ calls sip:NUMBER@127.0.0.1:5080): the callee's SIPp first, then the
# caller. Ringing and answer passed on, PCMA to PCMU transcoded (the callee echoes; pcaps need root), BYE passed on
start b2bua_callee        "$callee_port" -sf "$here/b2bua_callee.xml" -rtp_echo -m 5
run   b2bua_call          -sf "$here/b2bua_caller.xml"      -s 9123 "${auth[@]}" -auth_uri "9123@$target" \
      -m 5 -r 10 -l 5 -d 2000
await_parties "$last_status"
# a refusal passed on as it is: the callee's 486 reaches the caller as 486 Busy Here
start b2bua_busy_callee   "$callee_port" -sf "$here/uas_busy.xml" -m 5
run   b2bua_busy          -sf "$here/b2bua_busy_caller.xml" -s 9123 "${auth[@]}" -auth_uri "9123@$target" -m 5 -r 10
await_parties "$last_status"
# the caller's CANCEL cancels the server's INVITE to the callee (RFC 3261 §9): 200 and 487 on both legs
start b2bua_ringing_callee "$callee_port" -sf "$here/b2bua_ringing_callee.xml" -m 5
run   b2bua_cancel        -sf "$here/call_cancel.xml"       -s 9123 "${auth[@]}" -auth_uri "9123@$target" -m 5 -r 10
await_parties "$last_status"
# A conference room (sip:conf-ROOM@): three members join a second apart and leave at different times, so the
# room holds 1, 2, 3, 2, 1, then none (A: 0-6 s, B: 1-7 s, C: 2-4 s); then the closed room's name opens a new one
room=conf-sipp$$
start conference_a 0 -sf "$here/conference_member.xml" -s "$room" -m 1 -d 6000
sleep 1
start conference_b 0 -sf "$here/conference_member.xml" -s "$room" -m 1 -d 6000
sleep 1
start conference_c 0 -sf "$here/conference_member.xml" -s "$room" -m 1 -d 2000
await_parties
run   conference_reopened -sf "$here/conference_member.xml" -s "$room" -m 1 -d 1000
# Blind transfer, the server as the transferee (RFC 5589 §6): A calls B through the B2BUA, REFERs it to C and hangs
# up after the final NOTIFY; B and C talk until B hangs up and the server BYEs C
start transfer_b "$callee_port"      -sf "$here/blind_transfer_b.xml" -m 1
start transfer_c "${transfer_to##*:}" -sf "$here/blind_transfer_c.xml" -m 1
run   blind_transfer      -sf "$here/blind_transfer_transferor.xml" -s 9123 -key transfer_to "$transfer_to" \
      "${auth[@]}" -auth_uri "9123@$target" -m 1
await_parties "$last_status"
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
