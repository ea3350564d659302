#!/usr/bin/env bash
# Builds stackgate/openvpn:test with no registry, the way build-images.sh builds nginx: a debootstrap
# Debian bookworm rootfs with Debian's openvpn, openssl, iproute2, iptables (nft backend), procps and
# curl, imported with `docker import`. The OpenVPN tunnel e2e test runs server and clients on it. The
# rootfs tarball is cached under .cache/platform/ and keyed by a hash of this recipe; the image carries
# STACKGATE_RECIPE=<hash>, so a second run only inspects it.
# Usage: build-openvpn-image.sh MIRROR   (MIRROR: the Debian archive URI, read from apt sources by setup.sh)
set -euo pipefail

mirror="${1:?usage: build-openvpn-image.sh MIRROR}"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cache="$root/.cache/platform"

image="stackgate/openvpn:test"
suite="bookworm"
packages="openvpn,openssl,iproute2,iptables,procps,curl,ca-certificates"

recipe_hash="$({
  echo "$suite $packages"
  cat "$0"
} | sha256sum | cut -c1-16)"
recipe_env="STACKGATE_RECIPE=$recipe_hash"

if docker image inspect --format '{{range .Config.Env}}{{println .}}{{end}}' "$image" 2>/dev/null |
  grep -qx "$recipe_env"; then
  exit 0
fi

mkdir -p "$cache"
tarball="$cache/openvpn-rootfs-$recipe_hash.tar"

build_rootfs() {
  local work rootfs
  work="$(mktemp -d "$cache/openvpn-build.XXXXXX")"
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
  # Docker provides these at run time; the build host's must not leak into the image.
  : >"$rootfs/etc/resolv.conf"
  : >"$rootfs/etc/hostname"
  rm -rf "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* \
    "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/locale/* "$rootfs"/var/log/*.log \
    "$rootfs"/var/log/apt/*
  rm -f "$cache"/openvpn-rootfs-*.tar
  tar --numeric-owner -C "$rootfs" -cf "$work/rootfs.tar" .
  mv "$work/rootfs.tar" "$tarball"
  rm -rf "$work"
  trap - EXIT
}

[ -f "$tarball" ] || build_rootfs

echo "platform: importing $image"
docker import \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change "ENV $recipe_env" \
  --change 'CMD ["sleep", "infinity"]' \
  "$tarball" "$image" >/dev/null
echo "platform: image $image is built (recipe $recipe_hash)"
