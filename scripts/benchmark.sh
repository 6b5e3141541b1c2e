#!/usr/bin/env bash
# Measures weights on this machine and writes them where the runtime reads
# them. Builds linli-node (release) with the runtime-benchmarks feature first.
#
#   scripts/benchmark.sh <pallet_crate_name> [output]   a Linli pallet's calls,
#       e.g. pallet_community -> pallets/community/src/weights.rs
#   scripts/benchmark.sh --runtime   what every extrinsic pays besides its
#       call, into runtime/src/weights/: the transaction extensions
#       (frame_system_extensions, pallet_transaction_payment), an empty
#       block's and a no-op extrinsic's execution (`benchmark overhead`), and
#       ParityDB's reads and writes (`benchmark storage`)
#
# LINLI_NODE_BIN: a node already built with runtime-benchmarks (no build).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

target="${1:?usage: scripts/benchmark.sh <pallet_crate_name> [output file] | --runtime}"
bin="${LINLI_NODE_BIN:-$CARGO_TARGET_DIR/release/linli-node}"
if [ -z "${LINLI_NODE_BIN:-}" ]; then
	"$ROOT/scripts/setup.sh"
	# frame-benchmarking-cli links a test runtime whose wasm only `benchmark
	# storage` on a parachain uses; its wasm build looks itself up in our
	# workspace's metadata, where it is absent (an optional dependency), and
	# fails. Skip that one wasm; ours is built as usual.
	export SKIP_FRAME_STORAGE_ACCESS_TEST_RUNTIME_WASM_BUILD=1
	cargo build --locked --manifest-path "$ROOT/Cargo.toml" --release -p linli-node --features runtime-benchmarks
fi

# One pallet's benchmarks into `output`, with `template` (or the CLI's own).
bench_pallet() {
	local pallet=$1 output=$2 template=${3:-}
	"$bin" benchmark pallet \
		--chain dev \
		--pallet "$pallet" \
		--extrinsic '*' \
		--steps 50 \
		--repeat 20 \
		--wasm-execution compiled \
		--heap-pages 4096 \
		${template:+--template "$template"} \
		--output "$output"
	log "wrote $output"
}

if [ "$target" = --runtime ]; then
	weights="$ROOT/runtime/src/weights"
	mkdir -p "$weights"
	bench_pallet frame_system_extensions "$weights/frame_system_extensions.rs"
	bench_pallet pallet_transaction_payment "$weights/pallet_transaction_payment.rs"
	"$bin" benchmark overhead --chain dev --wasm-execution compiled --weight-path "$weights"
	db=$(mktemp -d)
	trap 'rm -rf "$db"' EXIT
	# Writes are measured in batches (the CLI's default batch is larger
	# than a dev chain's whole state, which then measures nothing).
	"$bin" benchmark storage --chain dev --base-path "$db" --database paritydb --state-version 1 \
		--batch-size 10 --weight-path "$weights"
	# The generated files name crates the runtime reaches through frame_support.
	sed -i -e 's/use sp_core::parameter_types;/use frame_support::parameter_types;/' \
		-e 's/use sp_weights::/use frame_support::weights::/' \
		"$weights/block_weights.rs" "$weights/extrinsic_weights.rs" "$weights/paritydb_weights.rs"
	log "wrote $weights"
else
	dir_name="${target#pallet_}"; dir_name="${dir_name//_/-}"
	bench_pallet "$target" "${2:-$ROOT/pallets/$dir_name/src/weights.rs}" "$ROOT/scripts/frame-weight-template.hbs"
fi
