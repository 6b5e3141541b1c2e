//! Runtime-level tests: genesis presets and metadata.

use crate::{
	genesis_config_presets::{local_stakeholders, preset_names, ENDOWMENT},
	Runtime, RuntimeGenesisConfig,
};
use codec::Decode;
use frame_metadata::{v15::RuntimeMetadataV15, RuntimeMetadata, RuntimeMetadataPrefixed};
use frame_support::{
	genesis_builder_helper::{build_state, get_preset},
	traits::Get,
};
use scale_info::TypeDef;
use sp_genesis_builder::PresetId;
use sp_keyring::Sr25519Keyring;

/// Merges the JSON `patch` into `base`, as a node merges a preset over the
/// default genesis config (objects key by key, anything else replaced).
fn merge(base: &mut serde_json::Value, patch: serde_json::Value) {
	match (base, patch) {
		(serde_json::Value::Object(base), serde_json::Value::Object(patch)) =>
			for (key, value) in patch {
				merge(base.entry(key).or_insert(serde_json::Value::Null), value);
			},
		(base, patch) => *base = patch,
	}
}

/// Builds the genesis state of preset `name` the way a node does (preset
/// JSON patched over the default config, then `build_state`) and runs `f`
/// in it.
fn with_preset_state<R>(name: &str, f: impl FnOnce() -> R) -> R {
	let patch = get_preset::<RuntimeGenesisConfig>(&Some(PresetId::from(name)), |id| {
		crate::genesis_config_presets::get_preset(id)
	})
	.unwrap_or_else(|| panic!("preset {name} exists"));
	let mut config = serde_json::to_value(RuntimeGenesisConfig::default()).unwrap();
	merge(&mut config, serde_json::from_slice(&patch).unwrap());
	let mut ext = sp_io::TestExternalities::default();
	ext.execute_with(|| {
		build_state::<RuntimeGenesisConfig>(serde_json::to_vec(&config).unwrap())
			.expect("the preset builds a genesis state");
		f()
	})
}

#[test]
fn runtime_offers_exactly_the_documented_presets() {
	let names: Vec<String> =
		preset_names().into_iter().map(|p| String::from_utf8(p.into()).unwrap()).collect();
	assert_eq!(names, vec!["development".to_string(), "local_testnet".to_string()]);
	assert!(crate::genesis_config_presets::get_preset(&PresetId::from("staging")).is_none());
}

#[test]
fn every_preset_builds_a_valid_genesis() {
	for preset in preset_names() {
		let name = String::from_utf8(preset.into()).unwrap();
		with_preset_state(&name, || {
			let aura = pallet_aura::Authorities::<Runtime>::get();
			let grandpa = pallet_grandpa::Pallet::<Runtime>::grandpa_authorities();
			assert!(!aura.is_empty(), "{name}: no block author");
			assert_eq!(aura.len(), grandpa.len(), "{name}: every validator has both keys");
			let endowed = Sr25519Keyring::well_known().count() as u128;
			assert_eq!(
				pallet_balances::TotalIssuance::<Runtime>::get(),
				endowed * ENDOWMENT,
				"{name}: issuance is the sum of the endowments"
			);
			for key in Sr25519Keyring::well_known() {
				assert_eq!(
					pallet_balances::Pallet::<Runtime>::free_balance(key.to_account_id()),
					ENDOWMENT
				);
			}
		});
	}
}

#[test]
fn development_has_one_validator_and_a_sudo_key() {
	with_preset_state("development", || {
		assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), 1);
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), Some(Sr25519Keyring::Alice.to_account_id()));
	});
}

#[test]
fn local_testnet_has_the_four_stakeholders_and_no_superuser() {
	with_preset_state("local_testnet", || {
		let aura = pallet_aura::Authorities::<Runtime>::get();
		let stakeholders = local_stakeholders();
		assert_eq!(stakeholders.len(), 4);
		assert_eq!(
			aura.into_inner(),
			stakeholders.iter().map(|s| s.validator.aura.clone()).collect::<Vec<_>>()
		);
		let grandpa: Vec<_> = pallet_grandpa::Pallet::<Runtime>::grandpa_authorities()
			.into_iter()
			.map(|(id, weight)| {
				assert_eq!(weight, 1, "stakeholders have equal finality votes");
				id
			})
			.collect();
		assert_eq!(
			grandpa,
			stakeholders.iter().map(|s| s.validator.grandpa.clone()).collect::<Vec<_>>()
		);
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), None, "no superuser outside development");
	});
}

fn metadata_v15() -> RuntimeMetadataV15 {
	let bytes = Runtime::metadata_at_version(15).expect("v15 metadata is served");
	let prefixed = RuntimeMetadataPrefixed::decode(&mut &bytes[..]).expect("metadata decodes");
	match prefixed.1 {
		RuntimeMetadata::V15(m) => m,
		_ => panic!("asked for v15"),
	}
}

#[test]
fn metadata_carries_the_doc_comments_of_every_call() {
	let metadata = metadata_v15();
	let mut checked = 0;
	for pallet in &metadata.pallets {
		let Some(calls) = &pallet.calls else { continue };
		let ty = metadata.types.resolve(calls.ty.id).expect("call type is in the registry");
		let TypeDef::Variant(variants) = &ty.type_def else { panic!("calls are an enum") };
		for call in &variants.variants {
			assert!(
				call.docs.iter().any(|line| !line.trim().is_empty()),
				"{}::{} has no documentation",
				pallet.name,
				call.name
			);
			checked += 1;
		}
	}
	assert!(checked > 20, "only {checked} calls found");
	let balances = metadata.pallets.iter().find(|p| p.name == "Balances").unwrap();
	let ty = metadata.types.resolve(balances.calls.as_ref().unwrap().ty.id).unwrap();
	let TypeDef::Variant(variants) = &ty.type_def else { unreachable!() };
	let transfer = variants.variants.iter().find(|v| v.name == "transfer_keep_alive").unwrap();
	assert!(transfer.docs.join(" ").contains("Same as the"), "{:?}", transfer.docs);
}

#[test]
fn signed_transactions_carry_the_metadata_hash_extension() {
	let metadata = metadata_v15();
	let names: Vec<_> =
		metadata.extrinsic.signed_extensions.iter().map(|e| e.identifier.as_str()).collect();
	assert!(names.contains(&"CheckMetadataHash"), "{names:?}");
	assert!(names.contains(&"ChargeTransactionPayment"), "{names:?}");
	assert!(names.contains(&"CheckNonce"), "{names:?}");
}

#[test]
fn runtime_identifies_itself_as_linli() {
	assert_eq!(crate::VERSION.spec_name, "linli");
	assert_eq!(
		<Runtime as frame_system::Config>::SS58Prefix::get(),
		42,
		"wallets show generic Substrate addresses"
	);
}

#[test]
fn both_presets_start_with_the_demo_community_counted_by_the_rules() {
	use linli_primitives::community::{CommunityInspect, VoteWeight};
	for preset in ["development", "local_testnet"] {
		with_preset_state(preset, || {
			type Community = pallet_community::Pallet<Runtime>;
			Community::do_try_state().expect("community invariants hold at genesis");
			assert_eq!(Community::unit_count(0), 36);
			// 33 units count: all but the three delivered units without a
			// verified owner. Owners: 25 single-unit owners, three committee
			// members, one person with two units, and the developer for its
			// three units — 30 people.
			let areas = [89_50u64, 120_25, 143_00, 76_80];
			let counted: u64 = (1..=3u32)
				.flat_map(|b| (1..=12u32).map(move |r| (b, r)))
				.filter(|&(b, r)| !(b == 2 && r > 9))
				.map(|(_, r)| areas[(r % 4) as usize])
				.sum();
			assert_eq!(Community::vote_totals(0, None), VoteWeight { area: counted, headcount: 30 });
			let view = Community::community_view(0, None).unwrap();
			assert_eq!(view.committee.len(), 3);
			assert_eq!(view.property_managers.len(), 1);
		});
	}
}

#[test]
fn a_full_batch_of_units_fits_in_one_block() {
	use frame_support::dispatch::GetDispatchInfo;
	let max_units = <Runtime as pallet_community::Config>::MaxUnitsPerCall::get();
	let units: Vec<_> = (0..max_units)
		.map(|i| pallet_community::NewUnit {
			id: sp_core::H256::from_low_u64_be(i as u64),
			scope: 1,
			area: 100_00,
			status: linli_primitives::community::UnitStatus::Delivered,
		})
		.collect();
	let call = crate::RuntimeCall::Community(pallet_community::Call::register_units { community: 0, units });
	let weight = call.get_dispatch_info().call_weight;
	let limits = crate::configs::RuntimeBlockWeights::get();
	let max = limits.get(frame_support::dispatch::DispatchClass::Normal).max_extrinsic.unwrap();
	assert!(weight.all_lte(max), "{weight:?} > {max:?}");
	// So a 5,000-unit community registers in 5,000 / MaxUnitsPerCall blocks at most.
	assert!(5_000u32.div_ceil(max_units) <= 10);
}
