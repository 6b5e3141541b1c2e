//! try-runtime on a lived chain: the state of a dev chain after the `e2e`
//! year (`e2e/src/snapshot.mjs`, written by `scripts/e2e.sh` when
//! `LINLI_SNAPSHOT` names a file) goes through this runtime's upgrade — every
//! migration with its `pre_upgrade`/`post_upgrade` checks — and then every
//! pallet's `try_state` invariants. An upgrade that breaks a lived chain
//! fails here, before it reaches one.
//!
//! Run by `scripts/test.sh` (needs the `try-runtime` feature):
//! `LINLI_SNAPSHOT=<file> cargo nextest run -p linli-runtime --features try-runtime --test try_runtime`
#![cfg(feature = "try-runtime")]

use frame_try_runtime::UpgradeCheckSelect;
use linli_runtime::{Executive, Runtime};
use std::collections::BTreeMap;

/// The snapshot's storage, as externalities.
fn lived_chain() -> (sp_io::TestExternalities, u64) {
	let path = std::env::var("LINLI_SNAPSHOT").expect("LINLI_SNAPSHOT names the snapshot scripts/e2e.sh wrote");
	let snapshot: serde_json::Value =
		serde_json::from_str(&std::fs::read_to_string(&path).expect("the snapshot is readable")).expect("JSON");
	let bytes = |v: &serde_json::Value| {
		let hex = v.as_str().expect("hex").trim_start_matches("0x");
		(0..hex.len()).step_by(2).map(|i| u8::from_str_radix(&hex[i..i + 2], 16).expect("hex")).collect::<Vec<u8>>()
	};
	let top: BTreeMap<Vec<u8>, Vec<u8>> = snapshot["pairs"]
		.as_array()
		.expect("pairs")
		.iter()
		.map(|pair| (bytes(&pair[0]), bytes(&pair[1])))
		.collect();
	assert!(top.len() > 100, "a lived chain has state ({} keys)", top.len());
	let number = snapshot["number"].as_u64().expect("the block number");
	let storage = sp_core::storage::Storage { top, children_default: Default::default() };
	(sp_io::TestExternalities::new(storage), number)
}

#[test]
fn the_upgrade_and_every_invariant_hold_on_a_chain_that_lived_a_year() {
	let (mut ext, number) = lived_chain();
	ext.execute_with(|| {
		assert_eq!(frame_system::Pallet::<Runtime>::block_number() as u64, number, "the snapshot's block");
		assert!(
			pallet_property_fees::Ledger::<Runtime>::iter().count() > 0,
			"the year moved money: the invariants have something to check"
		);
		Executive::try_runtime_upgrade(UpgradeCheckSelect::All).expect("migrations and try_state hold");
	});
}

/// The check has teeth: a ledger entry gone (money the funds hold that the
/// public ledger no longer shows) fails it.
#[test]
fn a_broken_invariant_on_the_lived_chain_fails_the_check() {
	let (mut ext, _) = lived_chain();
	ext.execute_with(|| {
		let (community, index, _) = pallet_property_fees::Ledger::<Runtime>::iter().next().expect("an entry");
		pallet_property_fees::Ledger::<Runtime>::remove(community, index);
		assert!(Executive::try_runtime_upgrade(UpgradeCheckSelect::All).is_err());
	});
}
