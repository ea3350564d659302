#!/usr/bin/env bash
# Builds the local test images with no registry: a debootstrap Debian rootfs with Debian's nginx, laid
# out like the official nginx image, imported with `docker import`; the backend image is that image plus
# a template that listens on $PORT. The rootfs tarball is cached under .cache/platform/ and keyed by a
# hash of this recipe, so a second run only inspects the images.
# Usage: build-images.sh MIRROR   (MIRROR: the Debian archive URI, read from apt sources by setup.sh)
set -euo pipefail

mirror="${1:?usage: build-images.sh MIRROR}"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cache="$root/.cache/platform"
image_files="$here/image"
# shellcheck source=test/platform/rootfs.sh
. "$here/rootfs.sh"

nginx_image="stackgate/nginx:test"
backend_image="stackgate/backend:test"
suite="bookworm"
packages="nginx,gettext-base,ca-certificates"

recipe_hash="$({
  echo "$suite $packages"
  for f in "$image_files"/*; do
    echo "== ${f##*/}"
    cat "$f"
  done
} | recipe_of "$0")"
recipe_env="STACKGATE_RECIPE=$recipe_hash"

if image_has_recipe "$nginx_image" "$recipe_env" && image_has_recipe "$backend_image" "$recipe_env"; then
  exit 0
fi

mkdir -p "$cache"
tarball="$cache/rootfs-$suite-$recipe_hash.tar"
work="$(mktemp -d "$cache/build.XXXXXX")"
trap 'rm -rf "$work"' EXIT

if [ ! -f "$tarball" ]; then
  rootfs="$work/rootfs"
  debootstrap_into "$rootfs" "$suite" "$packages" "$mirror" "$work/debootstrap.log"
  add_nginx_user "$rootfs"
  # /etc/nginx as in the official image: no sites-*, modules-*, snippets or Debian-only extras, so a
  # config that works here needs no file the official image lacks.
  etc="$rootfs/etc/nginx"
  rm -rf "$etc"/sites-available "$etc"/sites-enabled "$etc"/modules-available "$etc"/modules-enabled \
    "$etc"/snippets "$etc"/fastcgi.conf "$etc"/proxy_params "$etc"/koi-utf "$etc"/koi-win "$etc"/win-utf
  mkdir -p "$etc/conf.d" "$rootfs/usr/share/nginx/html" "$rootfs/docker-entrypoint.d"
  install -m 0644 "$image_files/nginx.conf" "$etc/nginx.conf"
  install -m 0644 "$image_files/default.conf" "$etc/conf.d/default.conf"
  install -m 0644 "$image_files/index.html" "$image_files/50x.html" "$rootfs/usr/share/nginx/html/"
  install -m 0755 "$image_files/docker-entrypoint.sh" "$rootfs/docker-entrypoint.sh"
  if [ -d "$rootfs/usr/lib/nginx/modules" ]; then
    ln -sfn /usr/lib/nginx/modules "$etc/modules"
  fi
  ln -sf /dev/stdout "$rootfs/var/log/nginx/access.log"
  ln -sf /dev/stderr "$rootfs/var/log/nginx/error.log"
  pack_rootfs "$rootfs" "$tarball" "$cache/rootfs-$suite-"
  rm -rf "$rootfs"
fi

echo "platform: importing $nginx_image"
import_nginx_rootfs "$tarball" "$recipe_env" "$nginx_image" "$work"

echo "platform: building $backend_image"
cp "$image_files/backend.conf.template" "$work/default.conf.template"
printf '%s\n' "FROM $nginx_image" 'COPY default.conf.template /etc/nginx/templates/' 'ENV PORT=80' \
  >"$work/Dockerfile"
build_from "$work" "$backend_image"
echo "platform: images $nginx_image and $backend_image are built (recipe $recipe_hash)"
