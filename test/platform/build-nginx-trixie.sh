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
base_image="stackgate/nginx:test"
image="stackgate/nginx:1.26"
suite="trixie"
minor="1.26"
packages="nginx,gettext-base,ca-certificates"

base_id="$(docker image inspect --format '{{.Id}}' "$base_image")"
recipe_hash="$({
  echo "$suite $packages $base_id"
  cat "$0"
} | sha256sum | cut -c1-16)"
recipe_env="STACKGATE_RECIPE=$recipe_hash"

docker tag "$base_image" stackgate/nginx:1.22
if docker image inspect --format '{{range .Config.Env}}{{println .}}{{end}}' "$image" 2>/dev/null |
  grep -qx "$recipe_env"; then
  exit 0
fi

mkdir -p "$cache"
tarball="$cache/rootfs-$suite-$recipe_hash.tar"
work="$(mktemp -d "$cache/build-$suite.XXXXXX")"
trap 'rm -rf "$work"' EXIT

if [ ! -f "$tarball" ]; then
  rootfs="$work/rootfs"
  echo "platform: debootstrap $suite ($packages) from $mirror"
  debootstrap --variant=minbase --include="$packages" "$suite" "$rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 ||
    {
      tail -n 30 "$work/debootstrap.log" >&2
      echo "platform: debootstrap $suite failed (log above)" >&2
      exit 1
    }
  # The official image runs workers as user nginx (uid 101).
  if ! chroot "$rootfs" getent passwd nginx >/dev/null; then
    chroot "$rootfs" groupadd --system --gid 101 nginx
    chroot "$rootfs" useradd --system --uid 101 --gid nginx --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin nginx
  fi
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
  : >"$rootfs/etc/resolv.conf"
  : >"$rootfs/etc/hostname"
  rm -rf "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* \
    "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/locale/* "$rootfs"/var/log/*.log \
    "$rootfs"/var/log/apt/*
  rm -f "$cache"/rootfs-"$suite"-*.tar
  tar --numeric-owner -C "$rootfs" -cf "$work/rootfs.tar" .
  mv "$work/rootfs.tar" "$tarball"
  rm -rf "$rootfs"
fi

echo "platform: importing $image ($suite)"
docker import \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change "ENV $recipe_env" \
  --change 'ENTRYPOINT ["/docker-entrypoint.sh"]' \
  --change 'CMD ["nginx", "-g", "daemon off;"]' \
  --change 'EXPOSE 80' \
  "$tarball" stackgate/nginx-trixie-rootfs:import >/dev/null
# docker import cannot set STOPSIGNAL; the legacy builder needs no registry for a local FROM.
printf 'FROM stackgate/nginx-trixie-rootfs:import\nSTOPSIGNAL SIGQUIT\n' >"$work/Dockerfile"
DOCKER_BUILDKIT=0 docker build --quiet --tag "$image" "$work" >/dev/null 2>"$work/build.err" || {
  cat "$work/build.err" >&2
  exit 1
}
docker image rm stackgate/nginx-trixie-rootfs:import >/dev/null
# The tag promises a version: check it against the nginx inside.
version="$(docker run --rm --entrypoint nginx "$image" -v 2>&1 | sed -n 's|^nginx version: nginx/||p')"
case "$version" in
"$minor".*) echo "platform: $image is built (nginx $version, recipe $recipe_hash)" ;;
*)
  echo "platform: $suite ships nginx ${version:-?}, not $minor.x; update minor= in $0" >&2
  exit 1
  ;;
esac
