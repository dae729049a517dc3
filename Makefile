# PTI Calendar: the two commands a newcomer needs.
#   make run    build and run the reference platform
#   make test   run every test of the workspace
SHELL := /bin/bash
CARGO ?= cargo

.PHONY: run test lint bench anchors

run:
	./scripts/run.sh

test:
	./scripts/test.sh

lint:
	$(CARGO) fmt --all --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings

bench:
	$(CARGO) bench -p pti-benches --bench core

anchors:
	./benches/run-anchors.sh
