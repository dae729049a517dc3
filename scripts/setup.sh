#!/usr/bin/env bash
# Installs what the tests need on a fresh Debian machine, idempotently: Debian's Chromium for
# the browser tests, poppler's pdftotext for the tests that read PDF documents, and the web
# app's npm packages (from package-lock.json).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1 || ! command -v pdftotext >/dev/null 2>&1; then
  echo "== installing chromium and poppler-utils from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium poppler-utils >/dev/null
fi
# The database and cache the reference app's tests talk to (started before a session; restart
# them if they stopped).
if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  echo "== starting PostgreSQL"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start
fi
if command -v redis-cli >/dev/null 2>&1 && ! redis-cli -h 127.0.0.1 ping >/dev/null 2>&1; then
  echo "== starting Redis"
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no
fi
command -v node >/dev/null 2>&1 || { echo "node is required (Debian: apt-get install nodejs npm)"; exit 1; }
echo "== npm ci (reference-app/web)"
(cd reference-app/web && npm ci --no-audit --no-fund --loglevel=error)
