#!/usr/bin/env bash
# Sets up what is missing, builds the node and runs a development chain:
# one validator (Alice), fresh state, RPC on ws://127.0.0.1:9944.
# Extra arguments go to linli-node (e.g. --rpc-port 9955).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

"$ROOT/scripts/setup.sh"
build_node
log "starting a dev chain: connect Polkadot.js apps or @polkadot/api to ws://127.0.0.1:9944"
exec "$NODE_BIN" --dev --rpc-cors all "$@"
