#!/usr/bin/env bash
# The stakeholders' council governs a running four-validator network
# started from chain-specs/local-testnet.json (e2e/src/testnet.mjs): a real
# runtime upgrade, a fifth validator added, one removed. Then the same
# network survives faults (e2e/src/faults.mjs): validators SIGKILLed and
# restarted, every node at once, fresh nodes syncing from genesis.
#
# Builds the upgrade's wasm first: the same runtime with spec_version + 1
# (the runtime's `next-spec-version` feature, built by runtime/next with
# LINLI_BUILD_NEXT_RUNTIME=1; the wasm gets its own file name, so the node's
# runtime is untouched). The spec's enactment delay is shortened for the
# test, to three blocks, the session to ten, and the spec's code is this
# tree's runtime (e2e/src/testnet-spec.mjs); all else is the checked-in spec.
#
# Needs the built node (scripts/test.sh builds it). Takes ~12 min.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

command -v node >/dev/null || { log "Node.js is needed: apt-get install nodejs npm"; exit 1; }
[ -x "$NODE_BIN" ] || { log "no node at $NODE_BIN: run scripts/test.sh first"; exit 1; }
WASM="$CARGO_TARGET_DIR/debug/wbuild/linli-runtime/linli_runtime.compact.compressed.wasm"
[ -f "$WASM" ] || { log "no runtime wasm at $WASM: run scripts/test.sh first"; exit 1; }
wasm_before="$(sha256sum <"$WASM")"
log "building the upgrade's wasm (the runtime with spec_version + 1)"
LINLI_BUILD_NEXT_RUNTIME=1 cargo build --locked --manifest-path "$ROOT/Cargo.toml" -p linli-runtime-next
NEXT_WASM="$CARGO_TARGET_DIR/debug/wbuild/linli-runtime/linli_runtime_next_spec_version.compact.compressed.wasm"
[ -f "$NEXT_WASM" ] || { log "no wasm at $NEXT_WASM"; exit 1; }
# The two builds share the runtime's wasm project: the node's runtime must
# be untouched by the second.
[ "$(sha256sum <"$WASM")" = "$wasm_before" ] || { log "building the next runtime changed $WASM"; exit 1; }

cd "$ROOT/e2e"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then
	npm ci --no-audit --no-fund --loglevel=error
fi

DIR="$(mktemp -d -t linli-e2e-testnet.XXXXXX)"
node src/testnet-spec.mjs "$ROOT/chain-specs/local-testnet.json" "$DIR/spec.json" 3 10 "$WASM"

printf %s 0000000000000000000000000000000000000000000000000000000000000001 >"$DIR/alice.node-key"
boot_peer="$("$NODE_BIN" key inspect-node-key --file "$DIR/alice.node-key")"
declare -A rpc pid
pids=()
stop_all() {
	for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && kill -INT "$p"; done
	wait 2>/dev/null || true
}
trap stop_all EXIT
bootnode=""
# Eve's node validates too once the council adds her; her keys come from
# her own node (author_rotateKeysWithOwner), not from --eve's dev keys.
for name in alice bob charlie dave eve; do
	p2p=$(free_port); rpc[$name]=$(free_port)
	extra=(--bootnodes "$bootnode" --unsafe-force-node-key-generation)
	[ "$name" = alice ] && extra=(--node-key-file "$DIR/alice.node-key")
	identity=(--"$name")
	[ "$name" = eve ] && identity=(--name eve)
	args=(--chain "$DIR/spec.json" "${identity[@]}" --validator --base-path "$DIR/$name"
		--listen-addr "/ip4/127.0.0.1/tcp/$p2p" --rpc-port "${rpc[$name]}"
		--no-prometheus --no-telemetry --no-mdns "${extra[@]}")
	# e2e/src/faults.mjs restarts the node with the same arguments.
	python3 -c 'import json, sys; print(json.dumps(sys.argv[1:]))' "${args[@]}" >"$DIR/$name.args.json"
	"$NODE_BIN" "${args[@]}" >"$DIR/$name.log" 2>&1 &
	pid[$name]=$!
	echo "$!" >"$DIR/$name.pid"
	pids+=("$!")
	[ "$name" = alice ] && bootnode="/ip4/127.0.0.1/tcp/$p2p/p2p/$boot_peer"
done
log "five nodes from the checked-in spec (logs: $DIR)"
started=""
for _ in $(seq 180); do
	curl -sf -H 'content-type: application/json' \
		-d '{"jsonrpc":"2.0","id":1,"method":"chain_getHeader","params":[]}' "http://127.0.0.1:${rpc[alice]}" |
		grep -q '"number":"0x[2-9a-f]' && { started=1; break; }
	kill -0 "${pid[alice]}" 2>/dev/null || { tail -n 20 "$DIR/alice.log"; exit 1; }
	sleep 1
done
[ -n "$started" ] || { log "no block #2 within 180 s"; tail -n 20 "$DIR/alice.log"; exit 1; }

status=0
# LINLI_E2E_ONLY=faults: only the faults, on the spec's own four validators.
validators=alice,bob,charlie,eve
if [ "${LINLI_E2E_ONLY:-}" = faults ]; then
	validators=alice,bob,charlie,dave
	kill -INT "${pid[eve]}"
else
	LINLI_WS="ws://127.0.0.1:${rpc[alice]}" LINLI_WS_EVE="ws://127.0.0.1:${rpc[eve]}" LINLI_NEXT_WASM="$NEXT_WASM" \
		LINLI_DAVE_PID="${pid[dave]}" node src/testnet.mjs || status=$?
fi
if [ "$status" -eq 0 ]; then
	log "faults: validators SIGKILLed and restarted, every node at once, fresh nodes syncing"
	LINLI_NODE_BIN="$NODE_BIN" LINLI_NET_DIR="$DIR" LINLI_BOOTNODE="$bootnode" LINLI_VALIDATORS="$validators" \
		node src/faults.mjs || status=$?
fi
if [ "$status" -ne 0 ]; then
	for name in alice bob charlie dave eve fifth-full fifth-warp; do
		[ -f "$DIR/$name.log" ] && { log "--- $name.log (last lines)"; tail -n 40 "$DIR/$name.log"; }
	done
	exit "$status"
fi
stop_all
trap - EXIT
rm -rf "$DIR"
