#!/usr/bin/env bash
# Installs what the real-DNS test (test/e2e/dns-check.test.ts) needs: dnsmasq, nginx and openssl.
# Idempotent: does nothing when the binaries are already there. The test starts its own dnsmasq and
# nginx on loopback; the packages must not leave system services running, so service starts are
# refused while installing (policy-rc.d exit 101) and any nginx the package started is stopped.
set -euo pipefail

need=()
command -v dnsmasq >/dev/null 2>&1 || need+=(dnsmasq-base)
command -v nginx >/dev/null 2>&1 || need+=(nginx-light)
command -v openssl >/dev/null 2>&1 || need+=(openssl)
if [ ${#need[@]} -eq 0 ]; then
  echo "setup-dns: dnsmasq, nginx and openssl present"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "setup-dns: missing ${need[*]}; run this script as root (it uses apt-get)" >&2
  exit 1
fi

created_policy=''
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
  chmod +x /usr/sbin/policy-rc.d
  created_policy=1
fi
cleanup() { if [ -n "$created_policy" ]; then rm -f /usr/sbin/policy-rc.d; fi; }
trap cleanup EXIT

export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# nginx-light (bookworm) is gone in later releases, where the plain nginx package is as small.
for i in "${!need[@]}"; do
  if [ "${need[$i]}" = nginx-light ] && ! apt-cache show nginx-light >/dev/null 2>&1; then need[$i]=nginx; fi
done
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
# A package's postinst may still have started nginx where no init system honours policy-rc.d.
if [ -f /run/nginx.pid ]; then
  kill "$(cat /run/nginx.pid)" 2>/dev/null || true
fi
echo "setup-dns: installed ${need[*]}"
