#!/usr/bin/env bash
# make screenshot: docs/images/job-summary.png, the README's picture of a real job summary.
# It runs the real action entry points (dist/stack-main, then dist/stack-post at "job end", as a job with
# `uses: stackgate/stackgate/stack` does; its main validates first) on examples/speedtest with the
# runner's file protocol (GITHUB_STEP_SUMMARY, GITHUB_OUTPUT, GITHUB_STATE), renders the
# summary markdown to HTML (scripts/render-summary.ts) and screenshots it in headless Chromium
# (Debian's chromium package, installed here when missing). Not part of make test.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
export PATH="$root/.tools/bin:$PATH"
out="${1:-docs/images/job-summary.png}"

# The summary marks results with emoji (✅/❌), which Chromium draws only with a colour emoji font.
if ! command -v chromium >/dev/null 2>&1 || ! dpkg -s fonts-noto-color-emoji >/dev/null 2>&1; then
  echo "screenshot: installing Debian's chromium and fonts-noto-color-emoji packages"
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium fonts-noto-color-emoji >/dev/null
fi

# The official images when present or pullable, else the local builds of test/platform (and says so).
compose_file=examples/speedtest/compose.yaml
pick() {
  local var="$1" fallback="$2" image
  image="$(sed -n "s/.*\${$var:-\([^}]*\)}.*/\1/p" "$compose_file" | head -n 1)"
  if [ -n "${!var:-}" ]; then echo "${!var}"; return; fi
  if docker image inspect "$image" >/dev/null 2>&1 || docker pull -q "$image" >/dev/null 2>&1; then
    echo "$image"; return
  fi
  echo "screenshot: $image cannot be pulled (no registry reachable): using the local build $fallback" >&2
  echo "$fallback"
}
NGINX_IMAGE="$(pick NGINX_IMAGE stackgate/nginx:test)"
SPEEDTEST_IMAGE="$(pick SPEEDTEST_IMAGE stackgate/librespeed-double:test)"
export NGINX_IMAGE SPEEDTEST_IMAGE

free_port() { node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })'; }
HTTPS_PORT="${HTTPS_PORT:-$(free_port)}"
HTTP_PORT="${HTTP_PORT:-$(free_port)}"
export HTTPS_PORT HTTP_PORT

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export RUNNER_TEMP="$work/runner-temp" GITHUB_STEP_SUMMARY="$work/summary.md"
export GITHUB_OUTPUT="$work/output" GITHUB_STATE="$work/state" GITHUB_ENV="$work/env"
mkdir -p "$RUNNER_TEMP"
: > "$GITHUB_STEP_SUMMARY"; : > "$GITHUB_OUTPUT"; : > "$GITHUB_STATE"; : > "$GITHUB_ENV"

# The runner passes state to the post step as STATE_<name>; read the heredoc blocks main wrote.
load_state() {
  node -e '
    const text = require("fs").readFileSync(process.argv[1], "utf8");
    for (const m of text.matchAll(/^([^<\n]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) console.log(`STATE_${m[1]}=${m[3]}`);
  ' "$GITHUB_STATE"
}

project="docs-screenshot-$$"
echo "screenshot: the stack action (project $project, https on 127.0.0.1:$HTTPS_PORT)"
status=0
env 'INPUT_WORKING-DIRECTORY=examples/speedtest' "INPUT_PROJECT-NAME=$project" \
  'INPUT_KEEP-RUNNING=false' 'INPUT_SPEEDTEST=true' 'INPUT_VERIFY=true' 'INPUT_TIMEOUT=180' \
  node dist/stack-main/index.js || status=$?
# The post step always runs, as at job end; it takes down whatever main left.
env $(load_state) node dist/stack-post/index.js || true
if [ "$status" -ne 0 ]; then
  echo "screenshot: the stack action failed (exit $status); not replacing $out" >&2
  exit "$status"
fi

html="$work/summary.html"
node lib/scripts/render-summary.js "$GITHUB_STEP_SUMMARY" "$html" 'stackgate/stack'
cp "$GITHUB_STEP_SUMMARY" "$work/summary.keep.md"

chrome=(chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1
  --virtual-time-budget=10000 --user-data-dir="$work/chromium")
# First pass: the page's height once mermaid has drawn; second pass: the screenshot at that height.
height="$("${chrome[@]}" --window-size=1000,800 --dump-dom "file://$html" 2>/dev/null |
  sed -n 's/.*data-height="\([0-9]*\)".*/\1/p' | head -n 1)"
height="${height:-1600}"
mkdir -p "$(dirname "$out")"
"${chrome[@]}" --window-size="1000,$height" --screenshot="$root/$out" "file://$html" 2>/dev/null
echo "screenshot: wrote $out (1000x$height) from this summary:"
cat "$work/summary.keep.md"
