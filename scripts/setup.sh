#!/usr/bin/env bash
# Installs what the tests need on a fresh Debian machine, idempotently: Debian's Chromium for
# the browser tests and the web app's npm packages (from package-lock.json).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1; then
  echo "== installing chromium from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
fi
command -v node >/dev/null 2>&1 || { echo "node is required (Debian: apt-get install nodejs npm)"; exit 1; }
echo "== npm ci (reference-app/web)"
(cd reference-app/web && npm ci --no-audit --no-fund --loglevel=error)
