#!/usr/bin/env bash
# Sets up what is missing, builds everything and runs every test: the
# pallets' and the runtime's unit tests, and the end-to-end tests that start
# real nodes (a dev chain, the checked-in chain specs).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

"$ROOT/scripts/setup.sh"
cd "$ROOT"
log "building and testing the workspace"
# The end-to-end tests start node processes: run test binaries one test at
# a time so that nodes do not compete for the two cores.
cargo test --workspace --locked -- --test-threads 1 --nocapture
log "running the pallets' benchmarks as tests (every benchmark's setup and assertions)"
cargo test --locked -p pallet-community -p pallet-property-fees -p pallet-owners-assembly \
	-p pallet-service-ratings \
	--features pallet-community/runtime-benchmarks,pallet-property-fees/runtime-benchmarks \
	--features pallet-owners-assembly/runtime-benchmarks,pallet-service-ratings/runtime-benchmarks \
	--lib benchmarking
