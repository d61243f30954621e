#!/usr/bin/env bash
# Applies sipee-server.cli to the provisioned WildFly (JBOSS_HOME, first argument), from the dist's own
# standalone-full.xml each time, so a changed script is applied on the next build and nothing is applied twice. The
# configured file is kept beside it and put back on every build: a test run that was killed leaves its deployments
# in standalone-full.xml, and the run profile would then deploy them twice.
set -euo pipefail
jboss_home="$1"
here="$(cd "$(dirname "$0")" && pwd)"
config="$jboss_home/standalone/configuration"
stamp="$config/.sipee-server.cli.sha256"
want="$(sha256sum "$here/sipee-server.cli" | cut -d' ' -f1)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -f "$config/standalone-full.xml.sipee" ]; then
  cp "$config/standalone-full.xml.sipee" "$config/standalone-full.xml"
  exit 0
fi
[ -f "$config/standalone-full.xml.dist" ] || cp "$config/standalone-full.xml" "$config/standalone-full.xml.dist"
cp "$config/standalone-full.xml.dist" "$config/standalone-full.xml"
rm -rf "$config/sipee-realm"
out="$(mktemp)"
if ! "$jboss_home/bin/jboss-cli.sh" --file="$here/sipee-server.cli" >"$out" 2>&1 || grep -q '"outcome" => "failed"' "$out"; then
  cat "$out" >&2
  echo "configure-server.sh: applying sipee-server.cli to $jboss_home failed" >&2
  exit 1
fi
rm -f "$out"
cp "$config/standalone-full.xml" "$config/standalone-full.xml.sipee"
echo "$want" > "$stamp"
echo "configure-server.sh: sipee-server.cli applied to $config/standalone-full.xml"
