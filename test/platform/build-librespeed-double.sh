#!/usr/bin/env bash
# Builds stackgate/librespeed-double:test with no registry: the local stackgate/nginx:test image (a
# Debian bookworm rootfs) plus the project's Node 24 binary and the LibreSpeed-protocol TEST DOUBLE of
# test/librespeed-double/ (not LibreSpeed: no registry here serves LibreSpeed's own backend, see
# REFERENCE.md §8.3). The image is labelled with a hash of this recipe (this script, the double's
# sources, the node binary's version), so a second run only inspects it.
# Usage: build-librespeed-double.sh   (after build-images.sh; needs node_modules for tsc)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
sources="$root/test/librespeed-double"
image="stackgate/librespeed-double:test"
base_image="stackgate/nginx:test"
node_bin="$(readlink -f "$root/.tools/bin/node")"
tsc="$root/node_modules/.bin/tsc"
# shellcheck source=test/platform/rootfs.sh
. "$here/rootfs.sh"

[ -x "$node_bin" ] || { echo "librespeed-double: no node in .tools/bin (run make tools)" >&2; exit 1; }
[ -x "$tsc" ] || { echo "librespeed-double: no $tsc (run make deps)" >&2; exit 1; }
docker image inspect "$base_image" >/dev/null 2>&1 ||
  { echo "librespeed-double: $base_image is missing (run build-images.sh first)" >&2; exit 1; }

recipe_hash="$({
  "$node_bin" --version
  docker image inspect --format '{{.Id}}' "$base_image"
  for f in "$sources"/*.ts; do
    echo "== ${f##*/}"
    cat "$f"
  done
} | recipe_of "$0")"

current="$(docker image inspect --format '{{index .Config.Labels "stackgate.recipe"}}' "$image" 2>/dev/null || true)"
[ "$current" = "$recipe_hash" ] && exit 0

context="$(mktemp -d)"
trap 'rm -rf "$context"' EXIT
mkdir -p "$context/double"
"$tsc" --outDir "$context/double" --rootDir "$sources" --target ES2024 --module NodeNext \
  --moduleResolution NodeNext --types node --typeRoots "$root/node_modules/@types" --strict \
  --skipLibCheck "$sources"/*.ts
printf '{"type":"module"}\n' >"$context/double/package.json"
cp "$node_bin" "$context/node"
cat >"$context/Dockerfile" <<EOF
FROM $base_image
COPY node /usr/local/bin/node
COPY double/ /opt/librespeed-double/
LABEL stackgate.recipe="$recipe_hash" \\
      org.opencontainers.image.description="LibreSpeed-protocol test double of the stackgate tests (not LibreSpeed)"
ENV WEBPORT=8080
EXPOSE 8080
USER 65534:65534
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=2s --timeout=3s --start-period=10s --retries=15 \\
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.WEBPORT||8080)+'/').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT []
CMD ["node", "/opt/librespeed-double/main.js"]
EOF
echo "platform: building $image (recipe $recipe_hash)"
build_from "$context" "$image"
docker image prune --force --filter "label=stackgate.recipe" --filter "dangling=true" >/dev/null || true
echo "platform: image $image is built"
