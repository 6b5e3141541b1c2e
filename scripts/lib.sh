# Shared by the scripts: where the build goes, and the one-time setup.
# Sourced, not run.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Builds live outside the checkout so that every clone (and CI) reuses them.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/linli-target}"
NODE_BIN="$CARGO_TARGET_DIR/debug/linli-node"

log() { printf '\033[1m[linli]\033[0m %s\n' "$*" >&2; }

# Builds the node the way `scripts/test.sh` does (same targets, hence the
# same feature set), so that running and testing share one build.
build_node() {
	log "building linli-node (first build: ~25 min on 2 cores)"
	cargo build --manifest-path "$ROOT/Cargo.toml" --workspace --all-targets --locked
}

# A free TCP port on this machine.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# Waits (at most 2 minutes) until the node with RPC port $1 and pid $2 has
# made its first block; if it dies first, prints its log $3 and fails.
wait_for_first_block() {
	local port=$1 pid=$2 node_log=$3
	for _ in $(seq 120); do
		curl -sf -H 'content-type: application/json' \
			-d '{"jsonrpc":"2.0","id":1,"method":"chain_getHeader","params":[]}' \
			"http://127.0.0.1:$port" | grep -q '"number":"0x[1-9a-f]' && return 0
		kill -0 "$pid" 2>/dev/null || { cat "$node_log"; return 1; }
		sleep 1
	done
}
