#!/usr/bin/env bash
# Installs what the demo and the tests need on a fresh Debian machine:
# a Docker engine, the CNCF Distribution registry, skopeo (the benchmark's peer),
# htpasswd for bcrypt entries, openssl for the test token server's signing cert,
# busybox-static for test base images; then npm ci.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive
need=()
for cmd in dockerd:docker.io docker-registry:docker-registry skopeo:skopeo htpasswd:apache2-utils openssl:openssl git:git chromium:chromium; do
  command -v "${cmd%%:*}" >/dev/null 2>&1 || need+=("${cmd#*:}")
done
# The tests' base image copies /bin/busybox into FROM scratch: it must be the static one.
dpkg -s busybox-static >/dev/null 2>&1 || need+=(busybox-static)
if [ "${#need[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
  $SUDO apt-get update -qq
  # Only what is missing: a runner that already has a Docker engine keeps its own.
  $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" ca-certificates >/dev/null
fi
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ] || [ "${CI:-}" = true ]; then
  npm ci --no-audit --no-fund
fi
