#!/usr/bin/env bash
# Sets up what is missing, builds everything and runs every test: the
# pallets' and the runtime's unit tests, the end-to-end tests that start
# real nodes (a dev chain, the checked-in chain specs), the pallets'
# benchmarks as tests, random calls against the runtime (runtime/tests/fuzz),
# and the @polkadot/api client scripts against a dev chain (scripts/e2e.sh:
# ending with a minute of load) and against the four-validator network of
# the checked-in spec (scripts/e2e-testnet.sh: a runtime upgrade, validator
# changes, validators killed and restarted, fresh nodes syncing; it builds
# the upgrade's wasm, one more small wasm build); and a smoke run of the
# throughput benchmark (scripts/bench-throughput.sh --smoke).
#
# One build of the workspace serves the unit tests, the node tests and the
# client scripts. The benchmarks need the pallets compiled with
# `runtime-benchmarks`, a second (small: ~200 crates, ~1.5 min) build that
# never reaches the node or the runtime the other tests run.
#
# The client scripts mostly wait for the dev chain's 6-second blocks, so
# they run beside the other tests once everything is compiled.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

"$ROOT/scripts/setup.sh"
cd "$ROOT"
BENCH_PACKAGES=(-p pallet-community -p pallet-property-fees -p pallet-owners-assembly
	-p pallet-service-ratings -p pallet-calendar -p pallet-chain-governance -p pallet-validator-set
	--features pallet-community/runtime-benchmarks,pallet-property-fees/runtime-benchmarks
	--features pallet-owners-assembly/runtime-benchmarks,pallet-service-ratings/runtime-benchmarks
	--features pallet-calendar/runtime-benchmarks,pallet-chain-governance/runtime-benchmarks
	--features pallet-validator-set/runtime-benchmarks --lib)

log "building the workspace and its tests"
# LINLI_TIMINGS=1 writes cargo's build-time report (target/cargo-timings/).
cargo nextest run --workspace --locked --no-run ${LINLI_TIMINGS:+--timings}
log "building the pallets with their benchmarks"
cargo nextest run --locked "${BENCH_PACKAGES[@]}" --no-run
# try-runtime: the runtime's upgrade and invariants on the state the client
# scripts leave, and random calls with every invariant checked after each
# (native only: the try-runtime wasm is never needed here).
TRY_RUNTIME=(--locked -p linli-runtime --features try-runtime)
log "building the runtime with try-runtime"
SKIP_WASM_BUILD=1 cargo nextest run "${TRY_RUNTIME[@]}" --test try_runtime --test fuzz --no-run

e2e_log="$(mktemp)"
export LINLI_SNAPSHOT="$(mktemp -t linli-snapshot.XXXXXX.json)"
log "a real client against a dev chain (metadata, bad input, a community's year), in the background: $e2e_log"
"$ROOT/scripts/e2e.sh" >"$e2e_log" 2>&1 &
e2e_pid=$!
trap 'kill "$e2e_pid" 2>/dev/null || true' EXIT

log "pallet, primitives and runtime tests (in parallel)"
cargo nextest run --workspace --locked -E 'not package(linli-node)'
log "random input against the runtime: 10,000 calls, a fixed seed, every invariant after each (runtime/tests/fuzz)"
SKIP_WASM_BUILD=1 cargo nextest run "${TRY_RUNTIME[@]}" --test fuzz --no-capture
log "node tests: real nodes, one test at a time"
cargo nextest run --workspace --locked -E 'package(linli-node)' --test-threads 1
log "the council governs a running four-validator network (a runtime upgrade, a validator added and one removed), which survives faults"
"$ROOT/scripts/e2e-testnet.sh"
log "the pallets' benchmarks as tests (every benchmark's setup and assertions)"
cargo nextest run --locked "${BENCH_PACKAGES[@]}" -E 'test(/benchmarking::/)'
log "the throughput benchmark, a smoke run on a dev node of its own (50 accounts, 4 of each workload, all must succeed)"
"$ROOT/scripts/bench-throughput.sh" --smoke

log "waiting for the client scripts"
e2e_status=0
wait "$e2e_pid" || e2e_status=$?
trap - EXIT
cat "$e2e_log"
[ "$e2e_status" -eq 0 ] || { log "the client scripts failed ($e2e_status)"; exit "$e2e_status"; }
log "try-runtime on the dev chain after its year: every migration and every pallet's invariants"
SKIP_WASM_BUILD=1 cargo nextest run "${TRY_RUNTIME[@]}" --test try_runtime
