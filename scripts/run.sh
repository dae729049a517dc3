#!/usr/bin/env bash
# Builds and runs the reference platform.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo run --release -p reference-app --bin pti-server -- "${@:-serve}"
