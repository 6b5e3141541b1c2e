#!/usr/bin/env bash
# Drives a running dev chain with @polkadot/api (the library behind
# Polkadot.js apps): the metadata check, bad input, a community's year, and
# the stakeholders' council governing the chain; then a minute of load.
#
#   scripts/e2e.sh              starts its own `linli-node --dev` (fresh
#                               state, free ports) and stops it afterwards
#   LINLI_WS=ws://127.0.0.1:9944 scripts/e2e.sh
#                               uses a node you started (scripts/run-dev.sh)
#   LINLI_SNAPSHOT=<file>       afterwards writes the chain's state to <file>
#                               (for runtime/tests/try_runtime.rs)
#
# Needs the built node (scripts/test.sh or scripts/run-dev.sh builds it) and
# Node.js ≥ 18 with npm; installs the client's locked packages into e2e/.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

command -v node >/dev/null || { log "Node.js is needed: apt-get install nodejs npm"; exit 1; }
cd "$ROOT/e2e"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then
	log "installing the client's packages (npm ci)"
	npm ci --no-audit --no-fund --loglevel=error
fi

node_pid=""
POOL_LIMIT=4096
stop_node() { [ -n "$node_pid" ] && kill -INT "$node_pid" 2>/dev/null && wait "$node_pid" 2>/dev/null || true; }
trap stop_node EXIT
if [ -z "${LINLI_WS:-}" ]; then
	[ -x "$NODE_BIN" ] || { log "no node at $NODE_BIN: run scripts/test.sh or scripts/run-dev.sh first"; exit 1; }
	port=$(free_port)
	base=$(mktemp -d)
	log "starting linli-node --dev on ws://127.0.0.1:$port (log: $base/node.log)"
	# A pool of 4,096 ready transactions (and 409 future ones): the load test
	# fills it and sees the node refuse the rest with a reason. It watches
	# every transaction it sends (one subscription each) on one connection.
	"$NODE_BIN" --dev --base-path "$base" --rpc-port "$port" --port 0 --pool-limit "$POOL_LIMIT" \
		--rpc-max-subscriptions-per-connection 65536 \
		--no-prometheus --no-telemetry --no-mdns >"$base/node.log" 2>&1 &
	node_pid=$!
	export LINLI_WS="ws://127.0.0.1:$port"
	wait_for_first_block "$port" "$node_pid" "$base/node.log"
fi

log "metadata: every Linli call, event, error and storage item decodes without custom types"
node src/metadata.mjs
log "bad input is rejected and the chain goes on"
node src/bad-input.mjs
log "a year in the life of a community"
node src/year.mjs
log "the stakeholders' council acts as root only after its delay"
node src/council.mjs
if [ -n "${LINLI_SNAPSHOT:-}" ]; then
	log "the chain's state after its year, for try-runtime: $LINLI_SNAPSHOT"
	node src/snapshot.mjs "$LINLI_SNAPSHOT"
fi
log "load: a minute of mixed Linli extrinsics, more than the blocks take"
# A node of yours: its pool limit is yours (8,192 unless you set one).
[ -n "$node_pid" ] || POOL_LIMIT="${LINLI_POOL_LIMIT:-8192}"
LINLI_NODE_PID="$node_pid" LINLI_POOL_LIMIT="$POOL_LIMIT" node src/load.mjs
