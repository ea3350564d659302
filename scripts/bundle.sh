#!/usr/bin/env bash
# Bundles one compiled entry point with ncc into an ESM dist folder, with licenses.txt: the licence of every
# npm package in the bundle. That list comes from the build's webpack stats (scripts/third-party-licenses.ts)
# because ncc's own --license leaves out packages webpack concatenated into the entry (see that script).
set -euo pipefail
entry="$1"; out="$2"
rm -rf "$out"
stats="$(mktemp)"
trap 'rm -f "$stats"' EXIT
npx ncc build "$entry" -o "$out" --quiet --target es2022 --stats-out "$stats"
node "$(dirname "$0")/../lib/scripts/third-party-licenses.js" "$stats" "$out/licenses.txt"
# Pure-ASCII chunks start faster (see scripts/ascii-chunks.ts).
node "$(dirname "$0")/../lib/scripts/ascii-chunks.js" "$out"
