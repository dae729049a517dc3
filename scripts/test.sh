#!/usr/bin/env bash
# Runs every test of the workspace: the engine (unit, property and conformance-vector tests),
# the benchmarks' data builders, and the reference app.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --workspace
