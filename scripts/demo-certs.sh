#!/usr/bin/env bash
# A self-signed certificate for the demo stack (localhost), created once; never committed.
set -euo pipefail
dir="${1:?usage: demo-certs.sh DIR}"
if [ -s "$dir/fullchain.pem" ] && [ -s "$dir/privkey.pem" ]; then exit 0; fi
mkdir -p "$dir"
openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=localhost" \
  -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
  -keyout "$dir/privkey.pem" -out "$dir/fullchain.pem" 2>/dev/null
chmod 600 "$dir/privkey.pem"
