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
