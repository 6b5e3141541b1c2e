#!/usr/bin/env bash
# Throughput, side by side in one run: transfers, fee payments, votes and
# ratings included and finalized per second by a dev node of its own
# (e2e/src/throughput.mjs says what is sent and what is printed).
#
#   scripts/bench-throughput.sh           the release node (built first):
#                                         2,000 accounts and units, 6 each
#                                         per workload (12,000 per workload)
#   scripts/bench-throughput.sh --smoke   the debug node, 50 accounts, 4 each,
#                                         every extrinsic must succeed (CI)
#
# Environment: LINLI_BENCH_ACCOUNTS, LINLI_BENCH_PER_ACCOUNT,
# LINLI_BENCH_WORKLOADS (e.g. transfer,payment), LINLI_NODE_BIN (a node of
# your choice; no build then).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if [ "${1:-}" = --smoke ]; then
	bin="${LINLI_NODE_BIN:-$NODE_BIN}"
	[ -x "$bin" ] || build_node
	export LINLI_BENCH_ACCOUNTS="${LINLI_BENCH_ACCOUNTS:-50}" LINLI_BENCH_PER_ACCOUNT="${LINLI_BENCH_PER_ACCOUNT:-4}"
	export LINLI_BENCH_STRICT=1
else
	bin="${LINLI_NODE_BIN:-$CARGO_TARGET_DIR/release/linli-node}"
	if [ -z "${LINLI_NODE_BIN:-}" ]; then
		log "building the release node (first build: ~32 min on 2 cores)"
		cargo build --manifest-path "$ROOT/Cargo.toml" --release --locked -p linli-node
	fi
fi

cd "$ROOT/e2e"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then
	npm ci --no-audit --no-fund --loglevel=error
fi
port=$(free_port)
metrics=$(free_port)
base=$(mktemp -d)
log "starting $bin --dev on ws://127.0.0.1:$port (log: $base/node.log)"
# A pool that holds a whole workload: what is measured is the blocks, not
# the pool's limit.
"$bin" --dev --base-path "$base" --rpc-port "$port" --port 0 --prometheus-port "$metrics" \
	--pool-limit 100000 --pool-kbytes 204800 --rpc-max-connections 1000 \
	--no-telemetry --no-mdns >"$base/node.log" 2>&1 &
node_pid=$!
trap 'kill -INT "$node_pid" 2>/dev/null; wait "$node_pid" 2>/dev/null; rm -rf "$base"' EXIT
wait_for_first_block "$port" "$node_pid" "$base/node.log"
LINLI_WS="ws://127.0.0.1:$port" LINLI_PROMETHEUS="http://127.0.0.1:$metrics/metrics" node src/throughput.mjs
