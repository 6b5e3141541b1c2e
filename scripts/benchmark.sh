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
cargo build --manifest-path "$ROOT/Cargo.toml" --release -p linli-node --features runtime-benchmarks
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
