# PTI Calendar: the two commands a newcomer needs.
#   make run    build and run the reference platform
#   make test   run every test of the workspace
# and the parts of `make test`: test-rust (workspace and bindings), test-web (lint, types, unit
# and browser tests of the portals), test-e2e (browser journeys against a seeded server).
SHELL := /bin/bash
CARGO ?= cargo

.PHONY: run test test-rust test-web test-e2e lint bench anchors

run:
	./scripts/run.sh

test:
	./scripts/test.sh

test-rust:
	./scripts/test.sh rust

test-web:
	./scripts/test.sh web

test-e2e:
	./scripts/test.sh e2e

lint:
	$(CARGO) fmt --all --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings

bench:
	$(CARGO) bench -p pti-benches --bench core

anchors:
	./benches/run-anchors.sh
