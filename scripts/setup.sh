#!/usr/bin/env bash
# Installs what building Linli needs and is missing; safe to run again.
#   - the wasm targets and rust-src (the runtime is compiled to wasm)
#   - protoc (Debian's protobuf-compiler; libp2p's build needs it)
#   - libssl-dev and pkg-config (the node links the system's OpenSSL rather
#     than compiling one, see .cargo/config.toml)
#   - Node.js and npm (Debian's nodejs, npm) for the @polkadot/api client
#     scripts in e2e/
#   - cargo-nextest, the test runner of scripts/test.sh (built from
#     crates.io if the machine does not have it)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

command -v cargo >/dev/null || { log "cargo not found: install Rust with rustup first"; exit 1; }

installed_targets="$(rustup target list --installed)"
for target in wasm32v1-none wasm32-unknown-unknown; do
	if ! grep -qx "$target" <<<"$installed_targets"; then
		log "adding Rust target $target"
		rustup target add "$target"
	fi
done
if ! rustup component list --installed | grep -q '^rust-src'; then
	log "adding rust-src"
	rustup component add rust-src
fi

missing=()
command -v protoc >/dev/null || missing+=(protobuf-compiler)
command -v pkg-config >/dev/null || missing+=(pkg-config)
[ -e /usr/include/openssl/ssl.h ] || missing+=(libssl-dev)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
	log "installing ${missing[*]}"
	SUDO=""
	[ "$(id -u)" = 0 ] || SUDO="sudo"
	$SUDO apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if ! cargo nextest --version >/dev/null 2>&1; then
	log "installing cargo-nextest (a few minutes, once)"
	cargo install cargo-nextest --locked
fi
log "toolchain ready (target dir: $CARGO_TARGET_DIR)"
