#!/usr/bin/env bash
# Regenerates the Kotlin and Swift sources of the uniffi bindings into generated/{kotlin,swift}
# (committed: phone projects take them from here), from a debug build of the library.
#   bindings/mobile/generate.sh                 Kotlin + Swift into generated/
#   bindings/mobile/generate.sh python DIR      uniffi's Python into DIR (for the tests)
# Honours CARGO_TARGET_DIR. Library mode: the interface is read from the built library itself.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
target="${CARGO_TARGET_DIR:-$here/../../target}"
cd "$here"
cargo build -q -p pti-calendar-mobile --features cli --lib --bin uniffi-bindgen
lib="$target/debug/libpti_calendar_mobile.so"
bindgen() { "$target/debug/uniffi-bindgen" generate --library "$lib" --no-format "$@"; }

if [ "${1:-}" = python ]; then
  bindgen --language python --out-dir "${2:?usage: generate.sh python DIR}"
  cp "$lib" "$2/"
  exit 0
fi

rm -rf generated/kotlin generated/swift
bindgen --language kotlin --out-dir generated/kotlin
bindgen --language swift --out-dir generated/swift
