#!/usr/bin/env bash
# Runs every test: the Rust workspace (engine unit, property and conformance-vector tests, the
# reference app), then the web app (lint, type check, unit tests, build, browser tests).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
step() { local t0=$SECONDS; echo "== $*"; "$@"; echo "   ($((SECONDS - t0)) s)"; }
step cargo test --workspace
cd reference-app/web
step npm run --silent lint
step npm run --silent typecheck
step npx vitest run
step npx vite build --logLevel warn
step npx playwright test
