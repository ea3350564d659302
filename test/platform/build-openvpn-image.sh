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
# shellcheck source=test/platform/rootfs.sh
. "$here/rootfs.sh"

image="stackgate/openvpn:test"
suite="bookworm"
packages="openvpn,openssl,iproute2,iptables,procps,curl,ca-certificates"

recipe_hash="$(echo "$suite $packages" | recipe_of "$0")"
recipe_env="STACKGATE_RECIPE=$recipe_hash"
image_has_recipe "$image" "$recipe_env" && exit 0

mkdir -p "$cache"
tarball="$cache/openvpn-rootfs-$recipe_hash.tar"
work="$(mktemp -d "$cache/openvpn-build.XXXXXX")"
trap 'rm -rf "$work"' EXIT

if [ ! -f "$tarball" ]; then
  debootstrap_into "$work/rootfs" "$suite" "$packages" "$mirror" "$work/debootstrap.log"
  pack_rootfs "$work/rootfs" "$tarball" "$cache/openvpn-rootfs-"
  rm -rf "$work/rootfs"
fi

echo "platform: importing $image"
docker import \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change "ENV $recipe_env" \
  --change 'CMD ["sleep", "infinity"]' \
  "$tarball" "$image" >/dev/null
echo "platform: image $image is built (recipe $recipe_hash)"
