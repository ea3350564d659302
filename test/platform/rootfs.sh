# shellcheck shell=bash
# Sourced by the build-*.sh scripts: the steps every local image shares (no registry here). A script's
# recipe hash includes this file, so a change here rebuilds every image that uses it.

# The recipe of a build: its script, this file and whatever else the caller adds on stdin.
recipe_of() {
  local script="$1"
  {
    cat
    cat "$script" "${BASH_SOURCE[0]}"
  } | sha256sum | cut -c1-16
}

# True when the image carries the recipe's STACKGATE_RECIPE=<hash> in its environment.
image_has_recipe() {
  docker image inspect --format '{{range .Config.Env}}{{println .}}{{end}}' "$1" 2>/dev/null | grep -qx "$2"
}

# debootstrap_into ROOTFS SUITE PACKAGES MIRROR LOG: a minbase Debian with PACKAGES; the log's tail on failure.
debootstrap_into() {
  local rootfs="$1" suite="$2" packages="$3" mirror="$4" log="$5"
  echo "platform: debootstrap $suite ($packages) from $mirror"
  debootstrap --variant=minbase --include="$packages" "$suite" "$rootfs" "$mirror" >"$log" 2>&1 || {
    tail -n 30 "$log" >&2
    echo "platform: debootstrap $suite failed (log above)" >&2
    return 1
  }
}

# The official nginx image runs its workers as user nginx (uid 101); Debian may have given 101 away.
add_nginx_user() {
  local rootfs="$1"
  chroot "$rootfs" getent passwd nginx >/dev/null && return 0
  if chroot "$rootfs" getent passwd 101 >/dev/null; then
    chroot "$rootfs" groupadd --system nginx
    chroot "$rootfs" useradd --system --gid nginx --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin nginx
  else
    chroot "$rootfs" groupadd --system --gid 101 nginx
    chroot "$rootfs" useradd --system --uid 101 --gid nginx --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin nginx
  fi
}

# pack_rootfs ROOTFS TARBALL PREFIX: empties what Docker provides at run time (the build host's must not
# leak in) and the package caches, then writes the tarball, replacing older ones named PREFIX*.tar.
pack_rootfs() {
  local rootfs="$1" tarball="$2" prefix="$3"
  : >"$rootfs/etc/resolv.conf"
  : >"$rootfs/etc/hostname"
  rm -rf "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* \
    "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/locale/* "$rootfs"/var/log/*.log \
    "$rootfs"/var/log/apt/*
  rm -f "$prefix"*.tar
  tar --numeric-owner -C "$rootfs" -cf "$tarball.partial" .
  mv "$tarball.partial" "$tarball"
}

# import_nginx_rootfs TARBALL RECIPE_ENV TAG WORK: the rootfs as an image laid out like the official nginx
# one. docker import cannot set STOPSIGNAL, so a one-line build on top adds it (the legacy builder needs no
# registry for a local FROM).
import_nginx_rootfs() {
  local tarball="$1" recipe_env="$2" tag="$3" work="$4"
  local rootfs_image="stackgate/import-${tag//[\/:]/-}"
  docker import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change "ENV $recipe_env" \
    --change 'ENTRYPOINT ["/docker-entrypoint.sh"]' \
    --change 'CMD ["nginx", "-g", "daemon off;"]' \
    --change 'EXPOSE 80' \
    "$tarball" "$rootfs_image" >/dev/null
  printf 'FROM %s\nSTOPSIGNAL SIGQUIT\n' "$rootfs_image" >"$work/Dockerfile"
  build_from "$work" "$tag"
  docker image rm "$rootfs_image" >/dev/null
}

# build_from CONTEXT TAG: docker build with the legacy builder (no registry for a local FROM), quiet
# unless it fails.
build_from() {
  local context="$1" tag="$2"
  DOCKER_BUILDKIT=0 docker build --quiet --tag "$tag" "$context" >/dev/null 2>"$context/build.err" || {
    cat "$context/build.err" >&2
    return 1
  }
}
