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

use crate::{
	AccountId, Balance, BalancesConfig, BlockNumber, CalendarConfig, CommunityConfig, OwnersAssemblyConfig,
	RuntimeGenesisConfig, SudoConfig, CouncilMembershipConfig, ChainGovernanceConfig, SessionConfig, SessionKeys,
	ValidatorSetConfig, DAYS, HOURS, UNIT,
};
use linli_primitives::community::{salted_commitment, ResidentRole, UnitId, UnitStatus};
use pallet_community::{GenesisCommunity, NewUnit};
use sp_core::H256;
use alloc::{vec, vec::Vec};
use sp_runtime::traits::{BlakeTwo256, Hash as _};
use frame_support::build_struct_json_patch;
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::{self, PresetId};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

/// What each endowed account starts with.
pub const ENDOWMENT: Balance = 1_000_000 * UNIT;

/// How long a root call the stakeholders' council approved waits before it
/// acts, on a chain without a sudo key: two days, so that everyone sees
/// what is coming and the council can still cancel it.
pub const PRODUCTION_ENACTMENT_DELAY: BlockNumber = 2 * DAYS;

/// The same on a development chain: five blocks (30 s).
pub const DEV_ENACTMENT_DELAY: BlockNumber = 5;

/// The shortest owners' vote on a chain without a sudo key: three days (a
/// development chain keeps the runtime's ten blocks).
pub const PRODUCTION_MIN_VOTING_PERIOD: BlockNumber = 3 * DAYS;

/// The shortest notice of an owners' vote on a chain without a sudo key:
/// 15 days (物业管理条例 Art. 14). A development chain opens votes at once.
pub const PRODUCTION_MIN_NOTICE_PERIOD: BlockNumber = 15 * DAYS;

/// How long a passed owners' decision is published before it takes effect
/// on a chain without a sudo key, unless a community's rules say otherwise:
/// 7 days. A development chain enacts at once.
pub const PRODUCTION_PUBLICATION_PERIOD: BlockNumber = 7 * DAYS;

/// The notice floor a chain that began before the procedure gets on upgrade:
/// a production chain's (one without a sudo key), or none on a development
/// chain, as its genesis would have set.
pub struct NoticeFloorOfThisChain;
impl frame_support::traits::Get<BlockNumber> for NoticeFloorOfThisChain {
	fn get() -> BlockNumber {
		if pallet_sudo::Key::<crate::Runtime>::get().is_some() { 0 } else { PRODUCTION_MIN_NOTICE_PERIOD }
	}
}

/// The publication period such a chain gets, likewise.
pub struct PublicationPeriodOfThisChain;
impl frame_support::traits::Get<BlockNumber> for PublicationPeriodOfThisChain {
	fn get() -> BlockNumber {
		if pallet_sudo::Key::<crate::Runtime>::get().is_some() { 0 } else { PRODUCTION_PUBLICATION_PERIOD }
	}
}

/// The fewest validators a production chain may shrink to: one server for
/// each of the four stakeholders. GRANDPA finalizes while more than two
/// thirds are up, so four survive one fault; the council may lower it
/// (`validatorSet.set_minimum_validators`) if a stakeholder leaves for good.
pub const PRODUCTION_MIN_VALIDATORS: u32 = 4;

/// Blocks per session on a chain without a sudo key: an hour. The validator
/// set changes at a session's end (a change enacted in session `s` validates
/// from `s + 2`, so within two hours), and session charges a whole block for
/// each rotation (no ordinary transaction fits in it): one block an hour.
pub const PRODUCTION_SESSION_LENGTH: BlockNumber = HOURS;

/// The same on a development chain: ten blocks (a minute).
pub const DEV_SESSION_LENGTH: BlockNumber = 10;

/// A validator: its account (which the council adds or removes, and which
/// sets its session keys) and its keys, Aura (authoring) and GRANDPA
/// (finality).
#[derive(Clone)]
pub struct Validator {
	pub account: AccountId,
	pub aura: AuraId,
	pub grandpa: GrandpaId,
}

/// A community stakeholder that runs a validator in the local testnet.
pub struct Stakeholder {
	/// Who it is, for people reading the chain spec.
	pub role: &'static str,
	/// Its validator: the account (pays fees, signs as that stakeholder,
	/// sits on the council) and its keys.
	pub validator: Validator,
}

fn dev_validator(sr: Sr25519Keyring, ed: Ed25519Keyring) -> Validator {
	Validator { account: sr.to_account_id(), aura: sr.public().into(), grandpa: ed.public().into() }
}

/// The four stakeholders of the local testnet, in validator order. Their
/// keys are the well-known development keys (`--alice`, `--bob`, …): this
/// preset is for trying a four-validator network on one machine, never for
/// a real community, whose stakeholders generate their own keys.
pub fn local_stakeholders() -> Vec<Stakeholder> {
	let s = |role, sr: Sr25519Keyring, ed| Stakeholder { role, validator: dev_validator(sr, ed) };
	vec![
		s("owners' committee (业委会)", Sr25519Keyring::Alice, Ed25519Keyring::Alice),
		s("property company (物业)", Sr25519Keyring::Bob, Ed25519Keyring::Bob),
		s("residents' committee (居委会)", Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
		s("street office (街道)", Sr25519Keyring::Dave, Ed25519Keyring::Dave),
	]
}

/// Who plays which part in the demo community.
pub struct DemoRoles {
	/// Verifies residents.
	pub registrar: AccountId,
	/// Acts for the property company.
	pub property_manager: AccountId,
	/// Acts for the developer.
	pub developer: AccountId,
	/// Three owners who form the owners' committee (36 households ≤ 100).
	pub committee: [AccountId; 3],
	/// An owner of two units: one person, summed area.
	pub two_unit_owner: AccountId,
	/// Co-owner of the first committee member's unit.
	pub co_owner: AccountId,
	/// A tenant.
	pub tenant: AccountId,
}

/// The demo registrar's secret, from which it draws a salt per record. A
/// real registrar keeps its secret (or its random salts) off chain; the
/// demo's is published because its community is fiction.
pub const DEMO_REGISTER_SECRET: &[u8] = b"linli demo register: a published secret, for fiction only";

/// The demo registrar's salt for one record: blake2-256 of the secret and
/// the record.
fn demo_salt(record: &[u8]) -> [u8; 32] {
	BlakeTwo256::hash(&[DEMO_REGISTER_SECRET, record].concat()).0
}

/// A unit's commitment in the demo, salted as a real registrar salts it:
/// the unit's code `"<building>-<room>"` under the register's salt.
pub fn demo_unit(building: u32, room: u32) -> UnitId {
	let code = alloc::format!("{building}-{room}");
	salted_commitment(&demo_salt(code.as_bytes()), code.as_bytes())
}

/// A resident's identity commitment in the demo: the account stands in for
/// the documents, under the register's salt.
fn demo_identity(who: &AccountId) -> H256 {
	let record = AsRef::<[u8]>::as_ref(who);
	salted_commitment(&demo_salt(record), record)
}

/// An account for a demo owner who does not use a development key.
pub fn demo_owner(building: u32, room: u32) -> AccountId {
	AccountId::new(BlakeTwo256::hash_of(&(b"linli-demo-owner", building, room)).0)
}

/// The demo community 邻里示范小区: three buildings of twelve units each;
/// the last three units of building 3 are still held by the developer, and
/// three delivered units have no verified owner yet.
pub fn demo_community(roles: DemoRoles) -> GenesisCommunity<AccountId> {
	const AREAS: [u64; 4] = [89_50, 120_25, 143_00, 76_80];
	let mut units = Vec::new();
	let mut residents = Vec::new();
	let owner = |who: &AccountId, b, r| (demo_unit(b, r), who.clone(), ResidentRole::Owner, demo_identity(who));
	for building in 1..=3u32 {
		for room in 1..=12u32 {
			let developer_held = building == 3 && room > 9;
			units.push(NewUnit {
				id: demo_unit(building, room),
				scope: building,
				area: AREAS[(room % 4) as usize],
				status: if developer_held { UnitStatus::DeveloperHeld } else { UnitStatus::Delivered },
			});
			let unverified = building == 2 && room > 9;
			let named = matches!((building, room), (1, 1) | (1, 2) | (2, 1) | (2, 2) | (3, 1));
			if !developer_held && !unverified && !named {
				residents.push(owner(&demo_owner(building, room), building, room));
			}
		}
	}
	let [c1, c2, c3] = roles.committee.clone();
	residents.extend([
		owner(&c1, 1, 1),
		owner(&c2, 1, 2),
		owner(&c3, 2, 1),
		owner(&roles.two_unit_owner, 2, 2),
		owner(&roles.two_unit_owner, 3, 1),
		(demo_unit(1, 1), roles.co_owner.clone(), ResidentRole::CoOwner, demo_identity(&roles.co_owner)),
		(demo_unit(1, 3), roles.tenant.clone(), ResidentRole::Tenant, demo_identity(&roles.tenant)),
	]);
	GenesisCommunity {
		name: "邻里示范小区 Linli Demo Garden".into(),
		registrar: roles.registrar,
		developer: Some(roles.developer),
		units,
		residents,
		committee: roles.committee.to_vec(),
		property_managers: vec![roles.property_manager],
	}
}

/// The genesis of a Linli chain: validators, endowed accounts, an optional
/// sudo key (development only) and the communities it starts with. A
/// development chain's calendar may be moved ahead by its sudo key.
pub fn linli_genesis(
	validators: Vec<Validator>,
	endowed: Vec<AccountId>,
	sudo: Option<AccountId>,
	council: Vec<AccountId>,
	communities: Vec<GenesisCommunity<AccountId>>,
) -> Value {
	let advanceable = sudo.is_some();
	// Only a development chain (the one with a sudo key) votes in minutes;
	// every other chain's owners have at least three days.
	let min_voting_period: BlockNumber = if advanceable { 0 } else { PRODUCTION_MIN_VOTING_PERIOD };
	let min_notice_period: BlockNumber = if advanceable { 0 } else { PRODUCTION_MIN_NOTICE_PERIOD };
	let publication_period: BlockNumber = if advanceable { 0 } else { PRODUCTION_PUBLICATION_PERIOD };
	let enactment_delay: BlockNumber = if advanceable { DEV_ENACTMENT_DELAY } else { PRODUCTION_ENACTMENT_DELAY };
	// A development chain validates alone.
	let min_validators = if advanceable { 1 } else { PRODUCTION_MIN_VALIDATORS };
	let session_length = if advanceable { DEV_SESSION_LENGTH } else { PRODUCTION_SESSION_LENGTH };
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: endowed.iter().cloned().map(|who| (who, ENDOWMENT)).collect::<Vec<_>>(),
		},
		// Aura's and GRANDPA's authorities come from the session keys.
		validator_set: ValidatorSetConfig {
			validators: validators.iter().map(|v| v.account.clone()).collect::<Vec<_>>(),
			min_validators,
			session_length,
		},
		session: SessionConfig {
			keys: validators
				.iter()
				.map(|v| {
					let keys = SessionKeys { aura: v.aura.clone(), grandpa: v.grandpa.clone() };
					(v.account.clone(), v.account.clone(), keys)
				})
				.collect::<Vec<_>>(),
		},
		sudo: SudoConfig { key: sudo },
		council_membership: CouncilMembershipConfig { members: council.try_into().expect("a council of at most 16") },
		chain_governance: ChainGovernanceConfig { enactment_delay },
		calendar: CalendarConfig { advanceable },
		community: CommunityConfig { communities: communities.clone() },
		owners_assembly: OwnersAssemblyConfig { min_voting_period, min_notice_period, publication_period },
	})
}

/// The `development` preset: Alice validates alone and holds the sudo key;
/// the demo community's roles are played by the dev accounts.
pub fn development_config_genesis() -> Value {
	use Sr25519Keyring::*;
	let roles = DemoRoles {
		registrar: Eve.to_account_id(),
		property_manager: Ferdie.to_account_id(),
		developer: One.to_account_id(),
		committee: [Alice.to_account_id(), Bob.to_account_id(), Charlie.to_account_id()],
		two_unit_owner: Dave.to_account_id(),
		co_owner: AliceStash.to_account_id(),
		tenant: Two.to_account_id(),
	};
	linli_genesis(
		vec![dev_validator(Alice, Ed25519Keyring::Alice)],
		Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect(),
		Some(Alice.to_account_id()),
		local_stakeholders().into_iter().map(|s| s.validator.account).collect(),
		vec![demo_community(roles)],
	)
}

/// The `local_testnet` preset: the four stakeholders validate; no sudo key.
/// In the demo community the owners' committee member Alice sits on the
/// committee, Bob acts for the property company and Charlie (the residents'
/// committee) is the registrar.
pub fn local_testnet_genesis() -> Value {
	use Sr25519Keyring::*;
	let stakeholders = local_stakeholders();
	let roles = DemoRoles {
		registrar: Charlie.to_account_id(),
		property_manager: Bob.to_account_id(),
		developer: One.to_account_id(),
		committee: [Alice.to_account_id(), Eve.to_account_id(), Ferdie.to_account_id()],
		two_unit_owner: AliceStash.to_account_id(),
		co_owner: BobStash.to_account_id(),
		tenant: Two.to_account_id(),
	};
	linli_genesis(
		stakeholders.iter().map(|s| s.validator.clone()).collect(),
		Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect(),
		None,
		stakeholders.iter().map(|s| s.validator.account.clone()).collect(),
		vec![demo_community(roles)],
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

/// Merges the JSON `patch` into `base`, as a node merges a preset over the
/// default genesis config (objects key by key, anything else replaced).
#[cfg(feature = "std")]
fn merge_json(base: &mut Value, patch: Value) {
	match (base, patch) {
		(Value::Object(base), Value::Object(patch)) =>
			for (key, value) in patch {
				merge_json(base.entry(key).or_insert(Value::Null), value);
			},
		(base, patch) => *base = patch,
	}
}

/// The genesis storage of preset `name`, built as a node builds it: the
/// preset's JSON patched over the default config, then every pallet's
/// genesis. For tests and tools that start from a preset's state.
#[cfg(feature = "std")]
pub fn preset_storage(name: &str) -> Result<sp_core::storage::Storage, alloc::string::String> {
	use sp_runtime::BuildStorage;
	let patch = get_preset(&PresetId::from(name)).ok_or_else(|| alloc::format!("no preset {name}"))?;
	let mut config = serde_json::to_value(RuntimeGenesisConfig::default()).map_err(|e| e.to_string())?;
	merge_json(&mut config, serde_json::from_slice(&patch).map_err(|e| e.to_string())?);
	let config: RuntimeGenesisConfig = serde_json::from_value(config).map_err(|e| e.to_string())?;
	config.build_storage()
}
