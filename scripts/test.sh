#!/usr/bin/env bash
# Runs the tests, and closes with one line counting every test that ran.
#   scripts/test.sh            everything (what `make test` and CI run)
#   scripts/test.sh rust       the Rust workspace: engine unit, property and conformance-vector
#                              tests, the reference app against PostgreSQL, the SQL data of the
#                              query macros checked current; then the Python, Node and mobile
#                              bindings on the same vectors
#   scripts/test.sh web        the web app: lint, type check, unit tests, build, initial JS
#                              budget, browser tests against a static preview
#   scripts/test.sh e2e        the browser journeys against pti-server on a freshly seeded
#                              database, serving the web build
# Several parts may be named (`scripts/test.sh web e2e`).
set -euo pipefail
cd "$(dirname "$0")/.."
parts=("$@")
[ ${#parts[@]} -eq 0 ] && parts=(rust web e2e)
./scripts/setup.sh
# `#[sqlx::test]` makes a database per test, so it needs a superuser connection.
export DATABASE_URL=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}
pg_base=${DATABASE_URL%/*}
target_dir="${CARGO_TARGET_DIR:-target}"
case "$target_dir" in /*) ;; *) target_dir="$(pwd)/$target_dir" ;; esac
server_bin="$target_dir/debug/pti-server"
log=$(mktemp)
server_pid=
cleanup() {
  # (`|| true`: under `set -e` a server already gone must not fail the run.)
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  rm -f "$log"
}
trap cleanup EXIT
step() { local t0=$SECONDS; echo "== $*"; "$@" 2>&1 | tee -a "$log"; echo "   ($((SECONDS - t0)) s)"; }

# The offline data of sqlx's query macros (reference-app/.sqlx) must match the queries and
# the migrated schema: regenerated from a fresh database and compared with what is committed.
check_sqlx_data() {
  local fresh
  fresh=$(mktemp -d)
  ./scripts/sqlx-prepare.sh "$fresh"
  if ! diff -r "$fresh" reference-app/.sqlx; then
    echo "reference-app/.sqlx is stale: run scripts/sqlx-prepare.sh and commit it" >&2
    rm -rf "$fresh"
    return 1
  fi
  rm -rf "$fresh"
}

test_rust() {
  step cargo test --workspace
  step cargo build -p reference-app --bin pti-server
  step check_sqlx_data
  step bindings/test.sh
}

web_built=
test_web() {
  web_built=1
  cd reference-app/web
  step npm run --silent lint
  step npm run --silent typecheck
  step npx vitest run
  step npx vite build --logLevel warn
  step node scripts/initial-js.mjs
  step npx playwright test
  cd - >/dev/null
}

# Waits until the server answers ready; if it never does, prints its log and fails.
wait_ready() {
  local url=$1 server_log=$2
  for _ in $(seq 1 150); do
    curl -fsS "$url/health/ready" >/dev/null 2>&1 && return 0
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.2
  done
  echo "pti-server never became ready at $url; its log:" >&2
  cat "$server_log" >&2
  return 1
}

# The journeys in Chromium against pti-server on a freshly seeded database, serving this
# build (limits raised: every test signs up and searches from one address).
test_e2e() {
  step cargo build -p reference-app --bin pti-server
  [ -n "$web_built" ] || (cd reference-app/web && step npx vite build --logLevel warn)
  local port=${PTI_E2E_PORT:-8181}
  local url="http://127.0.0.1:$port" server_log=/tmp/pti-e2e-server.log
  export PTI_E2E_DATABASE_URL=${PTI_E2E_DATABASE_URL:-$pg_base/pti_e2e}
  DATABASE_URL=$PTI_E2E_DATABASE_URL step "$server_bin" seed --reset
  DATABASE_URL=$PTI_E2E_DATABASE_URL PTI_ADDR=127.0.0.1:$port PTI_WEB_DIR="$(pwd)/reference-app/web/dist" \
    PTI_SECRETS_KEY=ZTJlLWpvdXJuZXlzLXNlY3JldHMta2V5LTMyLWJ5dGU= \
    PTI_RATE_LIMITS=auth=2000,search=20000,default=50000 RUST_LOG=warn "$server_bin" serve >"$server_log" 2>&1 &
  server_pid=$!
  wait_ready "$url" "$server_log"
  (cd reference-app/web && PTI_WEB_URL=$url PTI_SERVER_URL=$url step npx playwright test --project=journeys --project=journeys-mobile --project=journeys-tenant --project=journeys-tenant-768)
  kill "$server_pid" 2>/dev/null || true
  server_pid=
}

for part in "${parts[@]}"; do
  case "$part" in
    rust) test_rust ;;
    web) test_web ;;
    e2e) test_e2e ;;
    *) echo "scripts/test.sh: unknown part '$part' (rust, web, e2e)" >&2; exit 2 ;;
  esac
done

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
