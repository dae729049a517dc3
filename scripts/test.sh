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
step bindings/test.sh
cd reference-app/web
step npm run --silent lint
step npm run --silent typecheck
step npx vitest run
step npx vite build --logLevel warn
step npx playwright test
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
