//! Genesis presets: the starting state of a Linli chain.
//!
//! - `development`: one validator (Alice), every dev account endowed, Alice
//!   holds the sudo key so that a developer can drive the chain alone.
//! - `local_testnet`: four validators, one for each stakeholder of a
//!   community — the owners' committee (业委会), the property company (物业),
//!   the residents' committee (居委会) and the street office (街道) — and **no
//!   sudo key**: authority over the chain comes from the community's own
//!   governance.
//!
//! Both presets are built by [`linli_genesis`], which is the one place the
//! domain pallets add their genesis (communities, units, residents).

use crate::{AccountId, Balance, BalancesConfig, RuntimeGenesisConfig, SudoConfig, UNIT};
use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::{self, PresetId};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

/// What each endowed account starts with.
pub const ENDOWMENT: Balance = 1_000_000 * UNIT;

/// A validator's keys: Aura (authoring) and GRANDPA (finality).
#[derive(Clone)]
pub struct Validator {
	pub aura: AuraId,
	pub grandpa: GrandpaId,
}

/// A community stakeholder that runs a validator in the local testnet.
pub struct Stakeholder {
	/// Who it is, for people reading the chain spec.
	pub role: &'static str,
	/// Its account (pays fees, signs as that stakeholder).
	pub account: AccountId,
	/// Its validator keys.
	pub validator: Validator,
}

fn dev_validator(sr: Sr25519Keyring, ed: Ed25519Keyring) -> Validator {
	Validator { aura: sr.public().into(), grandpa: ed.public().into() }
}

/// The four stakeholders of the local testnet, in validator order. Their
/// keys are the well-known development keys (`--alice`, `--bob`, …): this
/// preset is for trying a four-validator network on one machine, never for
/// a real community, whose stakeholders generate their own keys.
pub fn local_stakeholders() -> Vec<Stakeholder> {
	let s = |role, sr: Sr25519Keyring, ed| Stakeholder {
		role,
		account: sr.to_account_id(),
		validator: dev_validator(sr, ed),
	};
	vec![
		s("owners' committee (业委会)", Sr25519Keyring::Alice, Ed25519Keyring::Alice),
		s("property company (物业)", Sr25519Keyring::Bob, Ed25519Keyring::Bob),
		s("residents' committee (居委会)", Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
		s("street office (街道)", Sr25519Keyring::Dave, Ed25519Keyring::Dave),
	]
}

/// The genesis of a Linli chain: validators, endowed accounts and an
/// optional sudo key (development only).
pub fn linli_genesis(
	validators: Vec<Validator>,
	endowed: Vec<AccountId>,
	sudo: Option<AccountId>,
) -> Value {
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: endowed.iter().cloned().map(|who| (who, ENDOWMENT)).collect::<Vec<_>>(),
		},
		aura: pallet_aura::GenesisConfig {
			authorities: validators.iter().map(|v| v.aura.clone()).collect::<Vec<_>>(),
		},
		grandpa: pallet_grandpa::GenesisConfig {
			authorities: validators.iter().map(|v| (v.grandpa.clone(), 1)).collect::<Vec<_>>(),
		},
		sudo: SudoConfig { key: sudo },
	})
}

/// The `development` preset: Alice validates alone and holds the sudo key.
pub fn development_config_genesis() -> Value {
	linli_genesis(
		vec![dev_validator(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
		Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect(),
		Some(Sr25519Keyring::Alice.to_account_id()),
	)
}

/// The `local_testnet` preset: the four stakeholders validate; no sudo key.
pub fn local_testnet_genesis() -> Value {
	let stakeholders = local_stakeholders();
	linli_genesis(
		stakeholders.iter().map(|s| s.validator.clone()).collect(),
		Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect(),
		None,
	)
}

/// The preset called `id`, as JSON bytes, or `None` if there is none.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => development_config_genesis(),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_testnet_genesis(),
		_ => return None,
	};
	Some(
		serde_json::to_string(&patch)
			.expect("serialization to json is expected to work. qed.")
			.into_bytes(),
	)
}

/// The names of the presets this runtime offers.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
	]
}
