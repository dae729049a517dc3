#!/usr/bin/env bash
# Runs every test: the Rust workspace (engine unit, property and conformance-vector tests, the
# reference app against PostgreSQL), the Python and Node bindings (the same vectors), then the
# web app (lint, type check, unit tests, build, browser tests), and
# closes with one line counting every test that ran.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
# `#[sqlx::test]` makes a database per test, so it needs a superuser connection.
export DATABASE_URL=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
step() { local t0=$SECONDS; echo "== $*"; "$@" 2>&1 | tee -a "$log"; echo "   ($((SECONDS - t0)) s)"; }
step cargo test --workspace
step cargo build -p reference-app --bin pti-server
step bindings/test.sh
target_dir="${CARGO_TARGET_DIR:-target}"
case "$target_dir" in /*) ;; *) target_dir="$(pwd)/$target_dir" ;; esac
server_bin="$target_dir/debug/pti-server"
cd reference-app/web
step npm run --silent lint
step npm run --silent typecheck
step npx vitest run
step npx vite build --logLevel warn
step node scripts/initial-js.mjs
step npx playwright test
# The client journeys in Chromium against pti-server on a freshly seeded database, serving this
# build (limits raised: every test signs up and searches from one address).
e2e_port=${PTI_E2E_PORT:-8181}
export PTI_E2E_DATABASE_URL=${PTI_E2E_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/pti_e2e}
DATABASE_URL=$PTI_E2E_DATABASE_URL step "$server_bin" seed --reset
DATABASE_URL=$PTI_E2E_DATABASE_URL PTI_ADDR=127.0.0.1:$e2e_port PTI_WEB_DIR="$(pwd)/dist" \
  PTI_RATE_LIMITS=auth=2000,search=20000,default=50000 RUST_LOG=warn "$server_bin" serve >/tmp/pti-e2e-server.log 2>&1 &
server_pid=$!
# (`|| true`: under `set -e` a server already gone must not fail the run.)
trap 'kill $server_pid 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$e2e_port/health/ready" >/dev/null 2>&1 && break
  sleep 0.2
done
PTI_WEB_URL=http://127.0.0.1:$e2e_port PTI_SERVER_URL=http://127.0.0.1:$e2e_port step npx playwright test --project=journeys --project=journeys-mobile
kill $server_pid 2>/dev/null || true
# cargo: "test result: ok. N passed; M failed"; vitest: "Tests  N passed"; playwright: "N passed (";
# pytest: "N passed in"; node --test (spec or TAP): "# pass N".
passed=$(sed 's/\x1b\[[0-9;]*m//g' "$log" | awk '
  /test result:/ { for (i = 1; i <= NF; i++) if ($i ~ /^passed;?$/) n += $(i - 1) }
  /^ *Tests +[0-9]+ passed/ { n += $2 }
  /^ +[0-9]+ passed \(/ { n += $1 }
  /^[0-9]+ passed(,| in)/ { n += $1 }
  /^# pass [0-9]+/ { n += $3 }
  END { print n + 0 }')
echo "all tests: $passed passed, 0 failed"
