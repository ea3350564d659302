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

nginx_image="stackgate/nginx:test"
backend_image="stackgate/backend:test"
rootfs_image="stackgate/nginx-rootfs:import"
suite="bookworm"
packages="nginx,gettext-base,ca-certificates"

recipe_hash="$({
  echo "$suite $packages"
  cat "$0"
  for f in "$image_files"/*; do
    echo "== ${f##*/}"
    cat "$f"
  done
} | sha256sum | cut -c1-16)"
recipe_env="STACKGATE_RECIPE=$recipe_hash"

image_is_current() {
  docker image inspect --format '{{range .Config.Env}}{{println .}}{{end}}' "$1" 2>/dev/null |
    grep -qx "$recipe_env"
}

if image_is_current "$nginx_image" && image_is_current "$backend_image"; then
  exit 0
fi

mkdir -p "$cache"
tarball="$cache/rootfs-$recipe_hash.tar"

build_rootfs() {
  local work rootfs
  work="$(mktemp -d "$cache/build.XXXXXX")"
  # shellcheck disable=SC2064 # expand now: $work is local
  trap "rm -rf '$work'" EXIT
  rootfs="$work/rootfs"
  echo "platform: debootstrap $suite ($packages) from $mirror"
  debootstrap --variant=minbase --include="$packages" "$suite" "$rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 ||
    {
      tail -n 30 "$work/debootstrap.log" >&2
      echo "platform: debootstrap failed (log above)" >&2
      return 1
    }

  # The official image runs workers as user nginx (uid 101).
  if chroot "$rootfs" getent passwd 101 >/dev/null; then
    chroot "$rootfs" groupadd --system nginx
    chroot "$rootfs" useradd --system --gid nginx --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin nginx
  else
    chroot "$rootfs" groupadd --system --gid 101 nginx
    chroot "$rootfs" useradd --system --uid 101 --gid nginx --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin nginx
  fi

  # /etc/nginx as in the official image: no sites-*, modules-*, snippets or Debian-only extras, so a
  # config that works here needs no file the official image lacks.
  local etc="$rootfs/etc/nginx"
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

  # Docker provides these at run time; the build host's must not leak into the image.
  : >"$rootfs/etc/resolv.conf"
  : >"$rootfs/etc/hostname"
  rm -rf "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* \
    "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/locale/* "$rootfs"/var/log/*.log \
    "$rootfs"/var/log/apt/*

  rm -f "$cache"/rootfs-*.tar
  tar --numeric-owner -C "$rootfs" -cf "$work/rootfs.tar" .
  mv "$work/rootfs.tar" "$tarball"
  rm -rf "$work"
  trap - EXIT
}

[ -f "$tarball" ] || build_rootfs

# docker import cannot set STOPSIGNAL, so a one-line build on top of the imported rootfs adds it; the
# legacy builder needs no registry for a local FROM.
build_from() {
  local context="$1" tag="$2"
  DOCKER_BUILDKIT=0 docker build --quiet --tag "$tag" "$context" >/dev/null 2>"$context/build.err" || {
    cat "$context/build.err" >&2
    return 1
  }
}

echo "platform: importing $nginx_image"
docker import \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change "ENV $recipe_env" \
  --change 'ENTRYPOINT ["/docker-entrypoint.sh"]' \
  --change 'CMD ["nginx", "-g", "daemon off;"]' \
  --change 'EXPOSE 80' \
  "$tarball" "$rootfs_image" >/dev/null
context="$(mktemp -d)"
trap 'rm -rf "$context"' EXIT
printf 'FROM %s\nSTOPSIGNAL SIGQUIT\n' "$rootfs_image" >"$context/Dockerfile"
build_from "$context" "$nginx_image"

echo "platform: building $backend_image"
cp "$image_files/backend.conf.template" "$context/default.conf.template"
printf '%s\n' "FROM $nginx_image" 'COPY default.conf.template /etc/nginx/templates/' 'ENV PORT=80' \
  >"$context/Dockerfile"
build_from "$context" "$backend_image"
docker image rm "$rootfs_image" >/dev/null
echo "platform: images $nginx_image and $backend_image are built (recipe $recipe_hash)"
