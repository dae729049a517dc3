#!/usr/bin/env bash
# Builds the Python and Node bindings from scratch and runs their tests:
#   Python: venv in bindings/python/.venv, maturin develop (debug: CI builds one profile), pytest, mypy --strict
#   Node:   npm ci in bindings/node, napi build --platform (debug), node --test, tsc --noEmit
# Exits non-zero on any failure. Prints the elapsed time of each step.
# Usage: bindings/test.sh [python|node]...   (default: both)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
python="${PYTHON:-python3}"
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(python node)

need() {
  command -v "$1" >/dev/null 2>&1 || { echo "bindings/test.sh: '$1' is missing: $2" >&2; exit 127; }
}

step() {
  local name="$1"; shift
  local t0=$SECONDS
  echo "==> $name"
  if ! "$@"; then
    echo "FAILED: $name ($((SECONDS - t0)) s)" >&2
    exit 1
  fi
  echo "<== $name: $((SECONDS - t0)) s"
}

need cargo "install Rust (https://rustup.rs)"

run_python() {
  need "$python" "install Python >= 3.9 (or set PYTHON)"
  "$python" -c 'import sys, venv, ensurepip; assert sys.version_info >= (3, 9)' 2>/dev/null \
    || { echo "bindings/test.sh: $python needs to be >= 3.9 with venv and ensurepip" >&2; exit 127; }
  cd "$here/python"
  local venv="$here/python/.venv"
  step "python: venv + tools" bash -c "[ -x '$venv/bin/python' ] || '$python' -m venv '$venv'; \
    '$venv/bin/python' -m pip install -q --disable-pip-version-check \
      'maturin>=1.16,<2' pytest mypy python-dateutil types-python-dateutil"
  step "python: maturin develop" "$venv/bin/maturin" develop -q
  step "python: pytest" "$venv/bin/python" -m pytest -q
  step "python: mypy --strict" "$venv/bin/python" -m mypy
}

run_node() {
  need node "install Node.js >= 18"
  need npm "install npm"
  cd "$here/node"
  step "node: npm ci" npm ci --no-audit --no-fund --loglevel=error
  step "node: napi build --platform" npx napi build --platform
  step "node: node --test" node --test --test-reporter=dot test/
  step "node: tsc --noEmit" npx tsc -p test/tsconfig.json
}

total=$SECONDS
for t in "${targets[@]}"; do
  case "$t" in
    python) (run_python) ;;
    node) (run_node) ;;
    *) echo "bindings/test.sh: unknown target '$t' (python|node)" >&2; exit 2 ;;
  esac
done
echo "bindings/test.sh: all passed in $((SECONDS - total)) s"
