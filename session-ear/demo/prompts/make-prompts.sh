#!/usr/bin/env bash
# Regenerates the IVR demo's spoken prompts (run by hand, once; the build only uses the committed WAVs):
# espeak-ng speaks each text, sox converts it to what the media engine plays, 8 kHz mono G.711 µ-law WAV
# (half the size of 16-bit PCM). Needs: apt-get install -y espeak-ng sox.
set -euo pipefail
out=$(cd "$(dirname "$0")/.." && pwd)/src/main/resources/org/sipee/demo/ivr
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# name | text
prompt() {
  espeak-ng -v en-us -s 175 -w "$tmp/$1.wav" "$2"
  # silence ... reverse ...: trims the silence espeak leaves at both ends; norm: peaks at -3 dBFS, every prompt
  # equally loud; -e u-law -b 8: G.711 µ-law samples
  sox "$tmp/$1.wav" -r 8000 -c 1 -e u-law -b 8 "$out/$1.wav" \
    silence 1 0.02 0.5% reverse silence 1 0.02 0.5% reverse norm -3
  echo "$out/$1.wav: $(soxi -D "$out/$1.wav") s"
}

prompt menu    "Welcome to the sipee demo. Press 1 for the echo test, 2 to leave a voicemail, 3 to hear a tone."
prompt invalid "Sorry, that is not a valid choice."
prompt goodbye "Goodbye."
