#!/usr/bin/env bash
# The test platform: Docker engine + compose v2, a running dockerd, the local nginx/backend images and
# the crossplane venv. Idempotent; a second run only checks and costs seconds. Runs as root on Debian
# bookworm with no network but Debian's archive (and PyPI for crossplane).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
log_dir="$root/.cache/platform"
dockerd_log="$log_dir/dockerd.log"
trixie_sources="/etc/apt/sources.list.d/stackgate-trixie.sources"
trixie_preferences="/etc/apt/preferences.d/stackgate-trixie"
mkdir -p "$log_dir"

die() {
  echo "platform: $*" >&2
  exit 1
}

[ "$(id -u)" = 0 ] || die "setup.sh must run as root (it installs packages and starts dockerd)"

# The Debian archive URI of this machine's bookworm sources (deb822 or one-line format); never hardcoded.
debian_mirror() {
  local file line uris suites
  for file in /etc/apt/sources.list.d/*.sources; do
    [ -f "$file" ] || continue
    uris="" suites=""
    while IFS= read -r line || [ -n "$line" ]; do
      case "$line" in
      URIs:*) uris="${line#URIs:}" ;;
      Suites:*) suites="${line#Suites:}" ;;
      "" | " ")
        if [[ " $suites " == *" bookworm "* ]] && [ -n "$uris" ]; then
          set -- $uris
          echo "$1"
          return 0
        fi
        uris="" suites=""
        ;;
      esac
    done < <(cat "$file"; echo)
  done
  for file in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$file" ] || continue
    # deb [options] URI SUITE COMPONENTS...
    line="$(sed -E -n 's/^deb[[:space:]]+(\[[^]]*\][[:space:]]+)?([^[:space:]]+)[[:space:]]+bookworm[[:space:]].*/\2/p' "$file" | head -n 1)"
    if [ -n "$line" ]; then
      echo "$line"
      return 0
    fi
  done
  return 1
}

mirror="${STACKGATE_DEBIAN_MIRROR:-$(debian_mirror || true)}"
[ -n "$mirror" ] || die "no Debian bookworm source found in /etc/apt/sources.list{,.d/}; set STACKGATE_DEBIAN_MIRROR"

# Writes a file only when its content changes; returns 0 if it changed.
write_if_changed() {
  local path="$1" content="$2"
  if [ -f "$path" ] && [ "$(cat "$path")" = "$content" ]; then
    return 1
  fi
  printf '%s\n' "$content" >"$path"
}

# compose v2 is only in trixie: add trixie, pinned so that nothing but docker-compose comes from it.
configure_trixie() {
  local changed=1
  write_if_changed "$trixie_sources" "Types: deb
URIs: $mirror
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg" && changed=0
  write_if_changed "$trixie_preferences" "# stackgate test platform: only docker-compose (v2) may come from trixie.
Package: *
Pin: release n=trixie
Pin-Priority: -10

Package: docker-compose
Pin: release n=trixie
Pin-Priority: 990" && changed=0
  return $changed
}

compose_works() {
  docker compose version --short 2>/dev/null | grep -Eq '^v?2\.'
}

install_packages() {
  local missing=() need_update=1
  command -v dockerd >/dev/null || missing+=(docker.io)
  command -v debootstrap >/dev/null || missing+=(debootstrap)
  command -v openssl >/dev/null || missing+=(openssl)
  if ! dpkg-query -W -f '${db:Status-Abbrev} ${Version}' docker-compose 2>/dev/null | grep -q '^ii *2\.'; then
    missing+=(docker-compose)
  fi
  if configure_trixie; then need_update=0; fi
  [ ${#missing[@]} -gt 0 ] || return 0
  if [ $need_update -ne 0 ] && ! apt-cache policy docker-compose 2>/dev/null | grep -q 'Candidate: 2\.'; then
    need_update=0
  fi
  if [ $need_update -eq 0 ]; then
    echo "platform: apt-get update"
    apt-get update -qq
  fi
  echo "platform: installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Debian's docker-compose puts the plugin under /usr/libexec; a docker client in /usr/local/bin (as on
# this machine image) may not look there, so link it where every client looks.
link_compose_plugin() {
  compose_works && return 0
  local plugin
  for plugin in /usr/libexec/docker/cli-plugins/docker-compose /usr/lib/docker/cli-plugins/docker-compose; do
    if [ -x "$plugin" ]; then
      mkdir -p /usr/local/lib/docker/cli-plugins
      ln -sf "$plugin" /usr/local/lib/docker/cli-plugins/docker-compose
      break
    fi
  done
  compose_works || die "'docker compose' (v2) does not work with $(command -v docker); see 'docker compose version'"
}

start_dockerd() {
  docker info >/dev/null 2>&1 && return 0
  local pid='' stale deadline=$((SECONDS + 60))
  until docker info >/dev/null 2>&1; do
    if [ -z "$pid" ] && ! pgrep -x dockerd >/dev/null; then
      # A dockerd killed with SIGKILL (as at the end of a session) leaves its pid file behind, and a
      # new one then refuses to start ("pid file found, ensure docker is not running").
      stale="$(cat /var/run/docker.pid 2>/dev/null || true)"
      if [ -n "$stale" ] && [ "$(cat "/proc/$stale/comm" 2>/dev/null)" != dockerd ]; then
        rm -f /var/run/docker.pid
      fi
      echo "platform: starting dockerd (log: $dockerd_log)"
      # setsid: dockerd must outlive this script and the test run that started it. From a background
      # job setsid does not fork, so $! is dockerd itself.
      setsid dockerd >>"$dockerd_log" 2>&1 </dev/null &
      pid=$!
    elif [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then
      tail -n 20 "$dockerd_log" >&2 || true
      die "dockerd exited during start-up (log: $dockerd_log)"
    fi
    if [ $SECONDS -ge $deadline ]; then
      tail -n 20 "$dockerd_log" >&2 || true
      die "dockerd did not answer 'docker info' within 60 s (log: $dockerd_log)"
    fi
    sleep 0.2
  done
}

write_images_env() {
  write_if_changed "$here/images.env" "# Local test images built by test/platform/setup.sh; compose fixtures use \${NGINX_IMAGE:-...}.
NGINX_IMAGE=stackgate/nginx:test
BACKEND_IMAGE=stackgate/backend:test
SPEEDTEST_IMAGE=stackgate/librespeed-double:test
OPENVPN_IMAGE=stackgate/openvpn:test" || true
}

install_packages
link_compose_plugin
start_dockerd
"$here/build-images.sh" "$mirror"
# Debian with openvpn, openssl, iproute2, iptables and curl, for the OpenVPN tunnel e2e test.
"$here/build-openvpn-image.sh" "$mirror"
# trixie's nginx 1.26 beside bookworm's 1.22, for the version-aware rules' scenarios.
"$here/build-nginx-trixie.sh" "$mirror"
# The LibreSpeed-protocol test double (no registry here serves LibreSpeed itself).
"$here/build-librespeed-double.sh"
write_images_env
"$here/setup-python.sh"
# dnsmasq + nginx + openssl on the host, for the real-DNS e2e test.
if [ -x "$here/setup-dns.sh" ]; then
  "$here/setup-dns.sh" >/dev/null
fi
echo "platform: ready ($(docker version --format 'engine {{.Server.Version}}'), $(docker compose version --short 2>/dev/null | sed 's/^/compose /'))"
