#!/usr/bin/env bash
# A second local nginx for the version-aware rules: Debian trixie's nginx (1.26), laid out exactly like
# stackgate/nginx:test (whose /etc/nginx, entrypoint and html it copies), tagged stackgate/nginx:1.26.
# stackgate/nginx:test is also tagged stackgate/nginx:1.22. The validator reads the version from those tags
# as it does from nginx:1.26. Kept apart from build-images.sh so that the shared bookworm images keep their
# recipe hash. The rootfs tarball is cached under .cache/platform/ and keyed by a hash of this recipe.
# Usage: build-nginx-trixie.sh MIRROR   (MIRROR: the Debian archive URI, read from apt sources by setup.sh)
set -euo pipefail

mirror="${1:?usage: build-nginx-trixie.sh MIRROR}"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cache="$root/.cache/platform"
# shellcheck source=test/platform/rootfs.sh
. "$here/rootfs.sh"

base_image="stackgate/nginx:test"
image="stackgate/nginx:1.26"
suite="trixie"
minor="1.26"
packages="nginx,gettext-base,ca-certificates"

base_id="$(docker image inspect --format '{{.Id}}' "$base_image")"
recipe_hash="$(echo "$suite $packages $base_id" | recipe_of "$0")"
recipe_env="STACKGATE_RECIPE=$recipe_hash"

docker tag "$base_image" stackgate/nginx:1.22
image_has_recipe "$image" "$recipe_env" && exit 0

mkdir -p "$cache"
tarball="$cache/rootfs-$suite-$recipe_hash.tar"
work="$(mktemp -d "$cache/build-$suite.XXXXXX")"
trap 'rm -rf "$work"' EXIT

if [ ! -f "$tarball" ]; then
  rootfs="$work/rootfs"
  debootstrap_into "$rootfs" "$suite" "$packages" "$mirror" "$work/debootstrap.log"
  add_nginx_user "$rootfs"
  # The layout of the bookworm image (official-image /etc/nginx, entrypoint, html), so the two differ
  # only in the nginx they run.
  rm -rf "$rootfs/etc/nginx" "$rootfs/usr/share/nginx/html"
  container="$(docker create "$base_image")"
  for path in /etc/nginx /usr/share/nginx/html /docker-entrypoint.sh /docker-entrypoint.d; do
    mkdir -p "$rootfs$(dirname "$path")"
    docker cp --archive "$container:$path" "$rootfs$(dirname "$path")/" >/dev/null
  done
  docker rm "$container" >/dev/null
  ln -sf /dev/stdout "$rootfs/var/log/nginx/access.log"
  ln -sf /dev/stderr "$rootfs/var/log/nginx/error.log"
  pack_rootfs "$rootfs" "$tarball" "$cache/rootfs-$suite-"
  rm -rf "$rootfs"
fi

echo "platform: importing $image ($suite)"
import_nginx_rootfs "$tarball" "$recipe_env" "$image" "$work"
# The tag promises a version: check it against the nginx inside.
version="$(docker run --rm --entrypoint nginx "$image" -v 2>&1 | sed -n 's|^nginx version: nginx/||p')"
case "$version" in
"$minor".*) echo "platform: $image is built (nginx $version, recipe $recipe_hash)" ;;
*)
  echo "platform: $suite ships nginx ${version:-?}, not $minor.x; update minor= in $0" >&2
  exit 1
  ;;
esac
