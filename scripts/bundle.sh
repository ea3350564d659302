#!/usr/bin/env bash
# Bundles one compiled entry point with ncc into an ESM dist folder.
set -euo pipefail
entry="$1"; out="$2"
rm -rf "$out"
npx ncc build "$entry" -o "$out" --license licenses.txt --quiet --target es2022
