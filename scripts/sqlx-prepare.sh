#!/usr/bin/env bash
# Regenerates the offline data of sqlx's query macros (reference-app/.sqlx, or the directory
# given) from a freshly migrated database, as `cargo sqlx prepare` would, without sqlx-cli:
# the macros write one file per query when SQLX_OFFLINE_DIR is set.
#   scripts/sqlx-prepare.sh [dir]
# Needs a built pti-server (for its `migrate` command) and PostgreSQL at $DATABASE_URL's host.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-reference-app/.sqlx}
mkdir -p "$out"
out=$(cd "$out" && pwd)
base=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}
base=${base%/*}
target_dir="${CARGO_TARGET_DIR:-target}"
case "$target_dir" in /*) ;; *) target_dir="$(pwd)/$target_dir" ;; esac
psql "$base/postgres" -qc "DROP DATABASE IF EXISTS pti_sqlx_prepare" -c "CREATE DATABASE pti_sqlx_prepare"
DATABASE_URL=$base/pti_sqlx_prepare "$target_dir/debug/pti-server" migrate >/dev/null
rm -f "$out"/query-*.json
# The macros run again only when their crate recompiles.
touch -c reference-app/src/lib.rs reference-app/tests/api/main.rs
SQLX_OFFLINE=false SQLX_OFFLINE_DIR=$out DATABASE_URL=$base/pti_sqlx_prepare \
  cargo check -q -p reference-app --all-targets
touch -c reference-app/src/lib.rs reference-app/tests/api/main.rs
