#!/usr/bin/env bash
# Builds and runs the reference platform: the web portals (Vite build), the server (release),
# the database (migrated, and seeded with the demo data when empty), then serves everything on
# PTI_ADDR (default http://127.0.0.1:8080). Arguments other than none are passed to pti-server
# instead (e.g. `scripts/run.sh seed --reset`).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
target="${CARGO_TARGET_DIR:-target}"
(cd reference-app/web && npx vite build --logLevel warn)
cargo build --release -p reference-app --bin pti-server
server="$target/release/pti-server"
if [ $# -gt 0 ]; then
  exec "$server" "$@"
fi
"$server" seed
echo "PTI Calendar on http://${PTI_ADDR:-127.0.0.1:8080}/ (API docs at /api/docs)"
exec "$server" serve
