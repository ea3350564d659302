#!/usr/bin/env bash
# crossplane (nginx Inc's reference parser, PyPI) in a venv at .tools/py, for the differential parser test.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
venv="$root/.tools/py"
version="0.5.8"

if [ -x "$venv/bin/crossplane" ] && "$venv/bin/python" -c "
import importlib.metadata, sys
sys.exit(importlib.metadata.version('crossplane') != '$version')" 2>/dev/null; then
  exit 0
fi

python="$(command -v python3)" || { echo "platform: python3 is missing" >&2; exit 1; }
if ! "$python" -m venv --help >/dev/null 2>&1 || ! "$python" -c 'import ensurepip' 2>/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-venv >/dev/null
  python=/usr/bin/python3
fi
rm -rf "$venv"
"$python" -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check "crossplane==$version"
echo "platform: crossplane $version installed in $venv"
