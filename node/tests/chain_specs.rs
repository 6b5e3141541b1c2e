//! The checked-in chain specs (`chain-specs/`) must match what the current
//! runtime generates, and a network started from them must work: the
//! four stakeholders' validators author and finalize blocks.

mod common;

use common::Node;
use std::{path::PathBuf, process::Command, time::Duration};

fn spec_path(name: &str) -> PathBuf {
	PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../chain-specs").join(name)
}

/// A raw chain spec without its wasm code (the `:code` key): the code's
/// bytes depend on where the runtime was compiled (paths end up in panic
/// messages), the rest of the genesis storage must not.
fn without_code(mut spec: serde_json::Value) -> serde_json::Value {
	let top = spec["genesis"]["raw"]["top"].as_object_mut().expect("a raw spec");
	let code = top.remove("0x3a636f6465").expect("the spec carries the runtime code");
	assert!(code.as_str().is_some_and(|c| c.len() > 1000), "the code is a wasm blob");
	spec
}

#[test]
fn checked_in_local_testnet_spec_is_what_the_runtime_generates() {
	let checked_in: serde_json::Value = serde_json::from_str(
		&std::fs::read_to_string(spec_path("local-testnet.json")).expect("chain-specs/local-testnet.json exists"),
	)
	.expect("it is JSON");
	let output = Command::new(env!("CARGO_BIN_EXE_linli-node"))
		.args(["build-spec", "--chain", "local", "--raw", "--disable-default-bootnode"])
		.output()
		.unwrap();
	assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
	let generated: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
	assert_eq!(
		without_code(checked_in),
		without_code(generated),
		"chain-specs/local-testnet.json is stale: run scripts/gen-chain-specs.sh and commit it"
	);
}

/// The peer id of the bootnode's fixed key.
fn peer_id(node_key_file: &std::path::Path) -> String {
	let out = Command::new(env!("CARGO_BIN_EXE_linli-node"))
		.args(["key", "inspect-node-key", "--file", node_key_file.to_str().unwrap()])
		.output()
		.unwrap();
	assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
	String::from_utf8(out.stdout).unwrap().trim().to_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn four_stakeholder_testnet_starts_from_the_checked_in_spec_and_finalizes() {
	let spec = spec_path("local-testnet.json");
	let spec = spec.to_str().unwrap();
	let key_file = std::env::temp_dir().join(format!("linli-bootnode-{}.key", std::process::id()));
	std::fs::write(&key_file, "0000000000000000000000000000000000000000000000000000000000000001").unwrap();
	let boot_peer = peer_id(&key_file);

	let alice = Node::start(
		"alice",
		&["--chain", spec, "--alice", "--validator", "--node-key-file", key_file.to_str().unwrap()],
	);
	let bootnode = format!("/ip4/127.0.0.1/tcp/{}/p2p/{boot_peer}", alice.p2p_port);
	let mut others: Vec<Node> = ["bob", "charlie", "dave"]
		.iter()
		.map(|name| {
			let flag = format!("--{name}");
			Node::start(
				name,
				&["--chain", spec, &flag, "--validator", "--bootnodes", &bootnode, "--unsafe-force-node-key-generation"],
			)
		})
		.collect();

	let mut alice = alice;
	alice.wait_for_rpc(Duration::from_secs(180)).await;
	for node in others.iter_mut() {
		node.wait_for_rpc(Duration::from_secs(180)).await;
	}

	// The checked-in spec runs the current runtime.
	let version: serde_json::Value = alice.rpc("state_getRuntimeVersion", vec![]).await;
	assert_eq!(version["specName"], "linli");
	assert_eq!(version["specVersion"], linli_runtime::VERSION.spec_version);

	// GRANDPA needs three of the four votes: finality proves the network.
	alice
		.wait_until("finalized block", 2, Duration::from_secs(180), || alice.finalized_number())
		.await;
	let peers: serde_json::Value = alice.rpc("system_health", vec![]).await;
	assert_eq!(peers["peers"], 3, "alice sees the three other stakeholders: {peers}");

	for node in others.iter_mut() {
		assert!(node.stop().success());
	}
	assert!(alice.stop().success());
	let _ = std::fs::remove_file(key_file);
}
