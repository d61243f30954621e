#!/usr/bin/env bash
# Runs Kamailio (Debian package kamailio) in the foreground with kamailio-registrar-auth.cfg on 127.0.0.1:PORT (UDP),
# users from db/ beside this script (or the db_text folder KAMAILIO_DB names). Usage: run.sh [PORT [FORWARD_HOST:PORT]] (defaults 5090, 127.0.0.1:5080).
# 1 GB shared memory: at thousands of registrations/s the default 64 MB runs out (../shared/bench/README.md).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
port=${1:-5090}
forward=${2:-127.0.0.1:5080}
exec kamailio -f "$here/kamailio-registrar-auth.cfg" -l "udp:127.0.0.1:$port" -DD -E -m 1024 -M 64 \
  -A "DBURL=\"text://${KAMAILIO_DB:-$here/db}\"" -A "FORWARD=\"$forward\"" -P "${KAMAILIO_PID_FILE:-/tmp/kamailio-$port.pid}"
