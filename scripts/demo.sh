#!/usr/bin/env bash
# make demo: `stackgate run` on examples/speedtest (validate → up → verify → speed test → down), a readable
# summary, and .stackgate/demo-report.json. Uses the official images when present or pullable, else the
# local builds of test/platform (and says so). HTTPS_PORT/HTTP_PORT move the published ports (443/80).
set -euo pipefail
cd "$(dirname "$0")/.."
cli="${STACKGATE_CLI:-dist/cli/index.js}"
compose_file=examples/speedtest/compose.yaml

# The pinned official image is the default written in the compose file: ${VAR:-image}.
official() { sed -n "s/.*\${$1:-\([^}]*\)}.*/\1/p" "$compose_file" | head -n 1; }

pick() {
  local var="$1" image
  image="$(official "$var")"
  shift
  if [ -n "${!var:-}" ]; then echo "${!var}"; return; fi
  if docker image inspect "$image" >/dev/null 2>&1 || docker pull -q "$image" >/dev/null 2>&1; then
    echo "$image"
    return
  fi
  for local_image in "$@"; do
    if docker image inspect "$local_image" >/dev/null 2>&1; then
      echo "demo: $image cannot be pulled (no registry reachable): using the local build $local_image" >&2
      echo "$local_image"
      return
    fi
  done
  echo "demo: $image cannot be pulled and none of the local builds ($*) exists; run 'make platform'" >&2
  return 1
}

NGINX_IMAGE="$(pick NGINX_IMAGE stackgate/nginx:test)"
SPEEDTEST_IMAGE="$(pick SPEEDTEST_IMAGE stackgate/librespeed-double:test)"
export NGINX_IMAGE SPEEDTEST_IMAGE
echo "demo: nginx image $NGINX_IMAGE, LibreSpeed image $SPEEDTEST_IMAGE"

mkdir -p .stackgate
report=.stackgate/demo-report.json
status=0
node "$cli" run -C examples/speedtest --report "$report" || status=$?
echo
echo "demo: report written to $report:"
cat "$report"
exit "$status"
