#!/usr/bin/env bash
# Sets up what is missing, builds everything and runs every test: the
# pallets' and the runtime's unit tests, the end-to-end tests that start
# real nodes (a dev chain, the checked-in chain specs), and the
# @polkadot/api client scripts against a dev chain (scripts/e2e.sh).
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
	-p pallet-service-ratings -p pallet-calendar \
	--features pallet-community/runtime-benchmarks,pallet-property-fees/runtime-benchmarks \
	--features pallet-owners-assembly/runtime-benchmarks,pallet-service-ratings/runtime-benchmarks \
	--features pallet-calendar/runtime-benchmarks \
	--lib benchmarking
log "a real client against a dev chain: metadata, bad input, a community's year"
"$ROOT/scripts/e2e.sh"
