#!/usr/bin/env bash
# The composite action's one step: turns the SG_* env inputs into CLI arguments and runs the bundle.
set -uo pipefail
cli="$GITHUB_ACTION_PATH/dist/cli/index.js"
# A short batch run: a small young generation keeps peak memory down on big configs (docs/benchmarks.md).
export NODE_OPTIONS="${NODE_OPTIONS:-} --max-semi-space-size=2"
case "$SG_COMMAND" in
  validate) ;;
  *) echo "::error title=stackgate::input 'command' must be 'validate', not '$SG_COMMAND'"; exit 2 ;;
esac
args=(validate --format github --fail-on "$SG_FAIL_ON")
while IFS= read -r f; do [ -n "$f" ] && args+=(--compose "$f"); done <<< "$SG_COMPOSE"
while IFS= read -r f; do [ -n "$f" ] && args+=(--nginx "$f"); done <<< "$SG_NGINX"
while IFS= read -r f; do [ -n "$f" ] && args+=(--profile "$f"); done <<< "$SG_PROFILES"
[ -n "$SG_PROXY" ] && args+=(--proxy-service "$SG_PROXY")
node "$cli" "${args[@]}"
code=$?
if [ -n "$SG_SARIF" ]; then
  sarif_args=("${args[@]}")
  sarif_args[2]=sarif
  node "$cli" "${sarif_args[@]}" --fail-on never > "$SG_SARIF"
fi
echo "exit-code=$code" >> "$GITHUB_OUTPUT"
exit "$code"
