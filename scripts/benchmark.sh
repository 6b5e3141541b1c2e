#!/usr/bin/env bash
# Measures a Linli pallet's call weights and writes its weights.rs:
#   scripts/benchmark.sh <pallet_crate_name> [output]   e.g. pallet_community
# Builds linli-node (release) with the runtime-benchmarks feature first.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

pallet="${1:?usage: scripts/benchmark.sh <pallet_crate_name> [output file]}"
dir_name="${pallet#pallet_}"; dir_name="${dir_name//_/-}"
output="${2:-$ROOT/pallets/$dir_name/src/weights.rs}"

"$ROOT/scripts/setup.sh"
# frame-benchmarking-cli links a test runtime whose wasm only `benchmark
# storage` on a parachain uses; its wasm build looks itself up in our
# workspace's metadata, where it is absent (an optional dependency), and
# fails. Skip that one wasm; ours is built as usual.
export SKIP_FRAME_STORAGE_ACCESS_TEST_RUNTIME_WASM_BUILD=1
cargo build --locked --manifest-path "$ROOT/Cargo.toml" --release -p linli-node --features runtime-benchmarks
"$CARGO_TARGET_DIR/release/linli-node" benchmark pallet \
	--chain dev \
	--pallet "$pallet" \
	--extrinsic '*' \
	--steps 50 \
	--repeat 20 \
	--wasm-execution compiled \
	--heap-pages 4096 \
	--template "$ROOT/scripts/frame-weight-template.hbs" \
	--output "$output"
log "wrote $output"
