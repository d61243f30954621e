#!/usr/bin/env bash
# CPU profile of the deployed server under SIPp's built-in uac (not part of the test command): a warm-up of WARMUP
# seconds (default 20) at RATE, then RATE calls/s while a JFR recording (JFR_SETTINGS) and a per-thread CPU
# snapshot (/proc/PID/task/*/stat, user + system) cover the middle SECONDS. Prints the server's CPU µs per call by
# thread group (thread names with their numbers stripped), and from JFR's execution samples (Java threads running
# Java code only: GC and JIT threads are in the thread table) the share of samples, and its µs per call, of the top
# methods (self), of the libraries the sampled top frame belongs to (self), of the libraries anywhere on the stack
# (inclusive), and the hottest stacks (top STACK_DEPTH frames).
# Usage: profile.sh [RATE] [SECONDS] [HOST:PORT]    e.g. profile.sh 2000 30
#   SERVER_PID default the jboss-modules process; KEEP_JFR=FILE keeps the recording; TOP (25), STACK_DEPTH (6)
#   JFR_SETTINGS default "default" (20 ms samples; "profile" samples every 10 ms and also traces allocations: at 2000/s
#                on two cores that overhead pushed the server past its capacity in a trial run)
#   SIPP_LOCAL_PORT default 15160
#   NO_JFR=1     the thread table alone: starting a recording makes the JIT compile again for a while, which then
#                shows in the window (compiler threads, slower code); without it the figures match overload.sh's cpu part
set -euo pipefail
rate=${1:-2000}; secs=${2:-30}; target=${3:-127.0.0.1:5060}
warmup=${WARMUP:-20}
pid=${SERVER_PID:-$(pgrep -f 'jboss-modules.jar' | head -n 1)}
[ -n "$pid" ] || { echo "no server process found (set SERVER_PID)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
jfr_file=${KEEP_JFR:-$work/profile.jfr}

# Java thread names by native id (/proc's comm is cut at 15 characters: the adapter's threads are all
# "default-threads", their Java names "default-threads - N (sipee-io-1)")
java_names() { jcmd "$pid" Thread.print | sed -nE 's/^"([^"]*)".* nid=(0x[0-9a-f]+).*/\2 \1/p'; }
# per-thread ticks: "tid ticks name"
threads() {
  java_names > "$work/names"
  python3 - "$pid" "$work/names" <<'EOF'
import os, sys
pid = sys.argv[1]
names = {}
for line in open(sys.argv[2]):
    nid, name = line.rstrip("\n").split(" ", 1)
    names[str(int(nid, 16))] = name
for tid in os.listdir(f"/proc/{pid}/task"):
    try:
        s = open(f"/proc/{pid}/task/{tid}/stat").read()
    except OSError:
        continue
    name = names.get(tid) or s[s.index("(") + 1:s.rindex(")")]
    f = s[s.rindex(")") + 2:].split()
    print(tid, int(f[11]) + int(f[12]), name.replace(" ", "_"))
EOF
}

# the load: warm-up, then the measured window in the middle of one SIPp run
total=$((warmup + secs + 10))
(cd "$work" && sipp -sn uac "$target" -i 127.0.0.1 -p "${SIPP_LOCAL_PORT:-15160}" -r "$rate" -m $((rate * total)) -d 0 \
    -nostdin -timeout $((total * 3 + 30))s -trace_screen -screen_file "$work/screen" >/dev/null 2>&1) &
sipp_job=$!
sleep "$warmup"
threads > "$work/t0"
[ "${NO_JFR:-0}" = 1 ] || jcmd "$pid" JFR.start name=sipee-profile settings="${JFR_SETTINGS:-default}" duration="${secs}s" filename="$jfr_file" >/dev/null
t0=$(date +%s.%N)
sleep "$secs"
threads > "$work/t1"
t1=$(date +%s.%N)
wait "$sipp_job" || true
sleep 2
ok=$(awk -F'|' '/Successful call/{gsub(/ /,"",$3); print $3}' "$work/screen")
failed=$(awk -F'|' '/Failed call/{gsub(/ /,"",$3); print $3}' "$work/screen")
achieved=$(awk -F'|' '/Call Rate/{gsub(/[ a-z]/,"",$3); print $3}' "$work/screen")
echo "SIPp uac at $rate/s for $total s: ok ${ok:-?}, failed ${failed:-?}, achieved ${achieved:-?}/s; window $secs s"
if [ "${NO_JFR:-0}" = 1 ]; then echo '{"recording": {"events": []}}' > "$work/samples.json"
else jfr print --events jdk.ExecutionSample --stack-depth 64 --json "$jfr_file" > "$work/samples.json"; fi

python3 - "$work/t0" "$work/t1" "$t0" "$t1" "$rate" "$(getconf CLK_TCK)" "$work/samples.json" "${TOP:-25}" \
    "${STACK_DEPTH:-6}" <<'EOF'
import json, re, sys, collections
t0f, t1f, start, end, rate, hz, samples, top, depth = sys.argv[1:]
elapsed = float(end) - float(start); calls = float(rate) * elapsed; hz = int(hz); top = int(top); depth = int(depth)

def load(f):
    d = {}
    for line in open(f):
        tid, ticks, name = line.split(" ", 2)
        d[tid] = (int(ticks), name.strip().replace("_", " "))
    return d
a, b = load(t0f), load(t1f)
def group(name):
    m = re.search(r"\((sipee-[a-z-]+)-\d+\)$", name)   # a JCA Work of the adapter: its own name
    if m:
        return m.group(1)
    n = re.sub(r" \((Activ|ActiveMQ).*", " (ActiveMQ)", name)
    n = re.sub(r"[-#_ ]?\d+$", "", n)
    n = re.sub(r"\d+", "N", n)
    return n
groups = collections.Counter()
for tid, (ticks, name) in b.items():
    groups[group(name)] += ticks - a.get(tid, (0, name))[0]
total = sum(groups.values())
us = lambda ticks: ticks * 1e6 / hz / calls
print(f"\n== server CPU by thread group: {us(total):.0f} µs/call in all ({total / hz / elapsed * 100:.0f} % of a core)")
print(f"{'thread group':32} {'µs/call':>8} {'share':>7}")
for g, t in groups.most_common():
    if t > 0:
        print(f"{g:32} {us(t):8.1f} {100 * t / total:6.1f}%")

ev = json.load(open(samples))["recording"]["events"]
def frames(e):
    st = e["values"].get("stackTrace") or {}
    out = []
    for fr in st.get("frames", []):
        m = fr["method"]
        out.append(m["type"]["name"].replace("/", ".") + "." + m["name"])
    return out
def lib(frame):
    rules = [("org.sipee.demo", "org.sipee.demo"), ("org.sipee.session", "org.sipee.session"),
             ("org.sipee.rar", "org.sipee.rar"), ("org.sipee.media", "org.sipee.media"),
             ("org.sipee.sip", "org.sipee.sip"), ("org.sipee", "org.sipee (other)"),
             ("org.apache.activemq", "Artemis"), ("jakarta.jms", "JMS API"), ("org.wildfly.extension.messaging", "WildFly messaging"),
             ("org.jboss.weld", "Weld/CDI"), ("org.jboss.logmanager", "logging"), ("java.util.logging", "logging"),
             ("org.jboss.logging", "logging"), ("io.netty", "Netty"), ("org.jboss.jca", "IronJacamar"),
             ("org.jboss.as.connector", "IronJacamar"), ("org.jboss.threads", "jboss-threads"),
             ("org.wildfly.security", "Elytron"), ("org.jboss.as", "WildFly other"), ("org.jboss.modules", "jboss-modules"),
             ("sun.nio", "JDK NIO"), ("java.nio", "JDK NIO"), ("sun.security", "JDK crypto/security"),
             ("java.util.concurrent", "JDK j.u.concurrent"), ("java.", "JDK other"), ("jdk.", "JDK other"),
             ("sun.", "JDK other")]
    for p, n in rules:
        if frame.startswith(p):
            return n
    return frame.split(".")[0] + "." + (frame.split(".")[1] if "." in frame else "")
self_m, self_lib, incl_lib, stacks, by_thread = (collections.Counter() for _ in range(5))
n = 0
for e in ev:
    fs = frames(e)
    if not fs:
        continue
    n += 1
    self_m[fs[0]] += 1
    self_lib[lib(fs[0])] += 1
    for l in set(lib(f) for f in fs):
        incl_lib[l] += 1
    stacks[" < ".join(fs[:depth])] += 1
    th = e["values"].get("sampledThread") or {}
    by_thread[group(th.get("javaName") or th.get("osName") or "?")] += 1
# Java-sampled CPU: the thread groups that have samples (approximation: samples are spread over their CPU)
java_ticks = sum(t for g, t in groups.items() if g in by_thread)
per_sample = us(java_ticks) / n if n else 0
print(f"\n== JFR execution samples: {n} (threads with samples: {us(java_ticks):.0f} µs/call; one sample ≈ {per_sample:.3f} µs/call)")
def table(title, c, k):
    print(f"\n-- {title}")
    print(f"{'':8} {'share':>7} {'µs/call':>8}")
    for key, v in c.most_common(k):
        print(f"{v:8d} {100 * v / n:6.1f}% {v * per_sample:8.1f}  {key}")
table("library of the top frame (self)", self_lib, 40)
table("library anywhere on the stack (inclusive)", incl_lib, 40)
table(f"top {top} methods (self)", self_m, top)
table(f"top {top} stacks (top {depth} frames, innermost first)", stacks, top)
table("sampled threads", by_thread, 20)
EOF
