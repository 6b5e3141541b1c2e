#!/usr/bin/env bash
# Starts the four-stakeholder local testnet on this machine (loopback only),
# from chain-specs/local-testnet.json:
#   alice   owners' committee (业委会)      ws://127.0.0.1:9944
#   bob     property company (物业)        ws://127.0.0.1:9945
#   charlie residents' committee (居委会)  ws://127.0.0.1:9946
#   dave    street office (街道)           ws://127.0.0.1:9947
# Ctrl-C stops all four. State is kept in $LINLI_TESTNET_DIR (default: a
# fresh temporary directory).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

"$ROOT/scripts/setup.sh"
build_node

DIR="${LINLI_TESTNET_DIR:-$(mktemp -d -t linli-testnet.XXXXXX)}"
SPEC="$ROOT/chain-specs/local-testnet.json"
mkdir -p "$DIR"
# A fixed key for the bootnode (alice), so the others know its peer id.
printf %s 0000000000000000000000000000000000000000000000000000000000000001 >"$DIR/alice.node-key"
BOOT_PEER="$("$NODE_BIN" key inspect-node-key --file "$DIR/alice.node-key")"
BOOTNODE="/ip4/127.0.0.1/tcp/30333/p2p/$BOOT_PEER"

pids=()
trap 'kill -INT "${pids[@]}" 2>/dev/null; wait' EXIT INT TERM
i=0
for name in alice bob charlie dave; do
	extra=(--bootnodes "$BOOTNODE" --unsafe-force-node-key-generation)
	[ "$name" = alice ] && extra=(--node-key-file "$DIR/alice.node-key")
	"$NODE_BIN" --chain "$SPEC" --"$name" --validator \
		--base-path "$DIR/$name" \
		--listen-addr "/ip4/127.0.0.1/tcp/$((30333 + i))" \
		--rpc-port "$((9944 + i))" --prometheus-port "$((9615 + i))" --rpc-cors all \
		--no-mdns "${extra[@]}" >"$DIR/$name.log" 2>&1 &
	pids+=("$!")
	log "$name: ws://127.0.0.1:$((9944 + i)), log $DIR/$name.log"
	i=$((i + 1))
done
log "testnet running; Ctrl-C stops it"
wait
