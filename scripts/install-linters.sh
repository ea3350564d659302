#!/usr/bin/env bash
# The workflow/action linters and the runner emulator, installed into .tools/ (check first, then install,
# so a second run costs about a second): actionlint and act from the Go module proxy, zizmor and
# check-jsonschema in a venv at .tools/lint-py, and Debian's shellcheck, which is required: actionlint
# silently drops its shell-script checks when that binary is missing.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
bin="$root/.tools/bin"
venv="$root/.tools/lint-py"
actionlint_version="1.7.12"
act_version="0.2.89"
zizmor_version="1.32.0"
check_jsonschema_version="0.39.0"

die() {
  echo "install-linters: $*" >&2
  exit 1
}
mkdir -p "$bin"
# Go's official tarball installs to /usr/local/go, which a non-login shell may not have on PATH.
command -v go >/dev/null || [ ! -x /usr/local/go/bin/go ] || export PATH="$PATH:/usr/local/go/bin"

# actionlint -version prints the version on its first line ("v1.7.12").
if ! [ -x "$bin/actionlint" ] || [ "$("$bin/actionlint" -version 2>/dev/null | head -n 1)" != "v$actionlint_version" ]; then
  command -v go >/dev/null || die "go is missing: it builds actionlint and act from the Go module proxy"
  GOBIN="$bin" go install "github.com/rhysd/actionlint/cmd/actionlint@v$actionlint_version"
  echo "install-linters: actionlint $actionlint_version installed in $bin"
fi

# act --version prints "act version 0.2.89".
if ! [ -x "$bin/act" ] || [ "$("$bin/act" --version 2>/dev/null)" != "act version $act_version" ]; then
  command -v go >/dev/null || die "go is missing: it builds actionlint and act from the Go module proxy"
  GOBIN="$bin" go install -ldflags "-X main.version=$act_version" "github.com/nektos/act@v$act_version"
  echo "install-linters: act $act_version installed in $bin"
fi

if ! command -v shellcheck >/dev/null; then
  [ "$(id -u)" = 0 ] || die "shellcheck is missing; install Debian's shellcheck package (needs root)"
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends shellcheck >/dev/null 2>&1; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends shellcheck >/dev/null
  fi
  echo "install-linters: shellcheck installed"
fi

py_current() {
  [ -x "$venv/bin/zizmor" ] && [ -x "$venv/bin/check-jsonschema" ] && "$venv/bin/python" -c "
import importlib.metadata as m, sys
sys.exit(m.version('zizmor') != '$zizmor_version' or m.version('check-jsonschema') != '$check_jsonschema_version')" 2>/dev/null
}
if ! py_current; then
  python="$(command -v python3)" || die "python3 is missing"
  if ! "$python" -c 'import ensurepip, venv' 2>/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-venv >/dev/null
    python=/usr/bin/python3
  fi
  [ -x "$venv/bin/pip" ] || "$python" -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check \
    "zizmor==$zizmor_version" "check-jsonschema==$check_jsonschema_version"
  echo "install-linters: zizmor $zizmor_version, check-jsonschema $check_jsonschema_version installed in $venv"
fi
for tool in zizmor check-jsonschema; do ln -sf "../lint-py/bin/$tool" "$bin/$tool"; done
