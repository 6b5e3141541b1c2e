#!/usr/bin/env bash
# Regenerates the checked-in chain specs from the current runtime. Run it
# after any change to the runtime or its genesis presets, and commit the
# result; the test suite fails while a checked-in spec is stale.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

build_node
mkdir -p "$ROOT/chain-specs"
# Raw: the genesis storage itself, so every node that starts from the spec
# has the same genesis whatever runtime it was built with.
"$NODE_BIN" build-spec --chain local --raw --disable-default-bootnode 2>/dev/null \
	>"$ROOT/chain-specs/local-testnet.json"
log "wrote chain-specs/local-testnet.json"
