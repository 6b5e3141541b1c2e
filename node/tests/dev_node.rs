//! End to end: a real `linli-node --dev`, a real RPC client, a signed
//! transfer from a dev account that must end up in a finalized block.

mod common;

use codec::Encode;
use common::Node;
use frame_system::EventRecord;
use jsonrpsee::core::client::SubscriptionClientT;
use jsonrpsee::rpc_params;
use linli_runtime::{
	signing::{self, ChainAnchor},
	AccountId, Balance, BalancesCall, Hash, Nonce, Runtime, RuntimeEvent, UNIT,
};
use sp_core::{crypto::Ss58Codec, Pair};
use sp_keyring::Sr25519Keyring;
use std::time::Duration;

type AccountInfo = frame_system::AccountInfo<Nonce, pallet_balances::AccountData<Balance>>;

async fn free_balance(node: &Node, who: &AccountId, at: Hash) -> Balance {
	let key = frame_system::Account::<Runtime>::hashed_key_for(who);
	node.storage::<AccountInfo>(key, at).await.map(|info| info.data.free).unwrap_or(0)
}

#[tokio::test(flavor = "multi_thread")]
async fn dev_node_finalizes_a_signed_transfer() {
	let mut node = Node::start("dev", &["--dev"]);
	node.wait_for_rpc(Duration::from_secs(180)).await;

	// The chain must author and finalize on its own.
	let first_block =
		node.wait_until("block", 1, Duration::from_secs(60), || node.best_number()).await;
	let first_finalized = node
		.wait_until("finalized block", 1, Duration::from_secs(60), || node.finalized_number())
		.await;
	println!("first block after {first_block:?}, first finalized block after {first_finalized:?}");

	let alice = Sr25519Keyring::Alice;
	// A fresh account, so its balance before is certainly zero.
	let recipient = sp_core::sr25519::Pair::from_string("//Linli//e2e-recipient", None).unwrap();
	let recipient: AccountId = recipient.public().into();
	let amount = 10 * UNIT;

	let genesis_hash: Hash = node.rpc("chain_getBlockHash", vec![0.into()]).await;
	let start: Hash = node.rpc("chain_getFinalizedHead", vec![]).await;
	let start_number = node.block_number(start).await;
	let alice_before = free_balance(&node, &alice.to_account_id(), start).await;
	assert_eq!(free_balance(&node, &recipient, start).await, 0);
	let nonce: Nonce = node
		.rpc("system_accountNextIndex", vec![alice.to_account_id().to_ss58check().into()])
		.await;

	let call = BalancesCall::transfer_keep_alive { dest: recipient.clone().into(), value: amount };
	let anchor = ChainAnchor { genesis_hash, block_hash: start, block_number: start_number };
	let xt = signing::sign(call.into(), &alice.pair(), nonce, &anchor);
	let xt_hex = sp_core::bytes::to_hex(&xt.encode(), false);

	let ws = node.ws().await;
	let mut watch = ws
		.subscribe::<serde_json::Value, _>(
			"author_submitAndWatchExtrinsic",
			rpc_params![xt_hex],
			"author_unwatchExtrinsic",
		)
		.await
		.expect("the transaction is accepted into the pool");

	let mut included = None;
	let finalized = loop {
		let status = tokio::time::timeout(Duration::from_secs(90), watch.next())
			.await
			.unwrap_or_else(|_| panic!("no finality within 90 s:\n{}", node.log()))
			.expect("subscription open")
			.expect("status decodes");
		if let Some(block) = status.get("inBlock") {
			included = Some(block.clone());
		}
		if let Some(block) = status.get("finalized") {
			break serde_json::from_value::<Hash>(block.clone()).unwrap();
		}
		for bad in ["invalid", "dropped", "usurped", "finalityTimeout", "retracted"] {
			assert!(status.get(bad).is_none() && status != bad, "transaction {bad}: {status}");
		}
	};
	assert!(included.take().is_some(), "the transaction was seen in a block before finality");

	// Balances in the finalized block: exactly the amount moved, and Alice
	// paid exactly the fee the chain reported.
	let events = node
		.storage::<Vec<EventRecord<RuntimeEvent, Hash>>>(
			// `System::Events` (the storage item is private to frame-system).
			[sp_io::hashing::twox_128(b"System"), sp_io::hashing::twox_128(b"Events")].concat(),
			finalized,
		)
		.await
		.expect("the block has events");
	let transferred = events.iter().any(|r| {
		matches!(&r.event, RuntimeEvent::Balances(pallet_balances::Event::Transfer { from, to, amount: a })
			if *from == alice.to_account_id() && *to == recipient && *a == amount)
	});
	assert!(transferred, "no Transfer event in the finalized block: {events:?}");
	let fee = events
		.iter()
		.find_map(|r| match &r.event {
			RuntimeEvent::TransactionPayment(
				pallet_transaction_payment::Event::TransactionFeePaid { who, actual_fee, .. },
			) if *who == alice.to_account_id() => Some(*actual_fee),
			_ => None,
		})
		.expect("Alice paid a fee");
	assert!(fee > 0 && fee < UNIT, "fee {fee} is positive and small");

	assert_eq!(free_balance(&node, &recipient, finalized).await, amount);
	assert_eq!(free_balance(&node, &alice.to_account_id(), finalized).await, alice_before - amount - fee);
	assert!(node.finalized_number().await >= node.block_number(finalized).await);

	// The community pallet's RPC serves the demo community of the dev preset.
	let info: serde_json::Value = node.rpc("community_info", vec![0.into(), serde_json::Value::Null]).await;
	assert_eq!(info["unitCount"], 36, "{info}");
	assert_eq!(info["totals"]["headcount"], 30, "{info}");
	assert_eq!(info["committee"].as_array().map(|c| c.len()), Some(3), "{info}");
	let alice_json = serde_json::to_value(alice.to_account_id()).unwrap();
	let me: serde_json::Value = node.rpc("community_resident", vec![0.into(), alice_json.clone()]).await;
	assert_eq!(me["isCommitteeMember"], true, "{me}");
	assert_eq!(me["isOwner"], true, "{me}");
	let unit = linli_runtime::genesis_config_presets::demo_unit(1, 1);
	let unit_view: serde_json::Value =
		node.rpc("community_unit", vec![0.into(), serde_json::to_value(unit).unwrap()]).await;
	assert_eq!(unit_view["voter"], alice_json, "{unit_view}");
	assert_eq!(unit_view["area"], 120_25, "{unit_view}");

	// The fees pallet's RPC: the demo community's four funds, each at its
	// own keyless account, empty; no schedule yet, so no dues.
	let funds: serde_json::Value = node.rpc("fees_funds", vec![0.into()]).await;
	let funds = funds.as_array().expect("a list of funds").clone();
	assert_eq!(funds.len(), 4, "{funds:?}");
	for (fund, kind) in funds.iter().zip(["Operating", "Maintenance", "PublicIncome", "Escrow"]) {
		assert_eq!(fund["fund"], kind);
		assert_eq!(fund["balance"], 0);
		let kind = serde_json::from_value(fund["fund"].clone()).unwrap();
		let account = linli_runtime::PropertyFees::fund_account(0, kind);
		assert_eq!(fund["account"], serde_json::to_value(account).unwrap());
	}
	let dues: serde_json::Value =
		node.rpc("fees_unitDues", vec![0.into(), serde_json::to_value(unit).unwrap()]).await;
	assert!(dues.is_null(), "{dues}");
	let statement: serde_json::Value = node.rpc("fees_statement", vec![0.into(), 682.into()]).await;
	assert_eq!(statement["funds"].as_array().map(|f| f.len()), Some(4), "{statement}");

	// The ratings' RPC: no terms yet.
	let terms: serde_json::Value = node.rpc("ratings_terms", vec![0.into()]).await;
	assert!(terms.is_null(), "{terms}");

	// The assembly's RPC: no proposal yet.
	let proposals: serde_json::Value =
		node.rpc("assembly_proposals", vec![0.into(), 0.into(), 10.into()]).await;
	assert_eq!(proposals, serde_json::json!([]));
	let none: serde_json::Value = node.rpc("assembly_proposal", vec![0.into()]).await;
	assert!(none.is_null(), "{none}");
	let turnout: serde_json::Value = node.rpc("assembly_turnout", vec![0.into()]).await;
	assert!(turnout.is_null(), "{turnout}");
	let units: serde_json::Value =
		node.rpc("assembly_votedUnits", vec![0.into(), serde_json::Value::Null, 10.into()]).await;
	assert_eq!(units, serde_json::json!([]));
	// A dev chain's procedure: no notice, no publication, five owners a proxy.
	let procedure: serde_json::Value = node.rpc("assembly_procedure", vec![0.into()]).await;
	assert_eq!(
		procedure,
		serde_json::json!({"noticePeriod": 0, "publicationPeriod": 0, "maxOwnersPerProxy": 5}),
	);

	drop(watch);
	drop(ws);
	let status = node.stop();
	assert!(status.success(), "linli-node exits cleanly on SIGINT, got {status}");

	// The chain was stored in ParityDB.
	let db = node.base_path().join("chains/linli_dev/paritydb/full");
	assert!(db.is_dir(), "no ParityDB database at {}", db.display());
}

#[test]
fn rocksdb_is_not_compiled_in() {
	let lock = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../Cargo.lock")).unwrap();
	assert!(lock.contains("name = \"parity-db\""));
	assert!(!lock.contains("name = \"librocksdb-sys\""), "a dependency pulls in RocksDB");
}
