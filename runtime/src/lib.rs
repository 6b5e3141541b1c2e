//! # The Linli runtime
//!
//! A chain for residential communities (小区): the community's stakeholders
//! run the validators (Aura block production, GRANDPA finality), residents
//! sign transactions from any Substrate wallet, and the domain pallets
//! (identity, fees, governance, ratings) are composed here.
//!
//! - [`configs`]: how each pallet is configured.
//! - [`apis`]: the runtime APIs the node and clients call.
//! - [`genesis_config_presets`]: the `development` and `local_testnet` genesis.
#![cfg_attr(not(feature = "std"), no_std)]
// `construct_runtime`/`#[runtime]` expand to large types.
#![recursion_limit = "256"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

use alloc::vec::Vec;

pub mod apis;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarks;
pub mod configs;
pub mod genesis_config_presets;
pub mod nonce_in_turn;
#[cfg(feature = "std")]
pub mod signing;
pub mod weights;

use sp_runtime::{generic, impl_opaque_keys, traits::BlakeTwo256};
use sp_version::{runtime_version, RuntimeVersion};

pub use frame_system::Call as SystemCall;
pub use linli_primitives::{
	AccountId, Balance, BlockNumber, Hash, Nonce, Signature, MILLI_UNIT, TOKEN_DECIMALS,
	TOKEN_SYMBOL, UNIT,
};
pub use pallet_balances::Call as BalancesCall;
#[cfg(any(feature = "std", test))]
pub use sp_runtime::BuildStorage;

/// Opaque types: what the node needs to know of blocks without knowing the
/// runtime's concrete extrinsic format.
pub mod opaque {
	use super::*;
	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// Opaque block header type.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Opaque block type.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
	/// Opaque block identifier type.
	pub type BlockId = generic::BlockId<Block>;
}

impl_opaque_keys! {
	/// The keys a validator holds: Aura (block authoring) and GRANDPA (finality).
	pub struct SessionKeys {
		pub aura: Aura,
		pub grandpa: Grandpa,
	}
}

/// Declares the runtime's version with `spec_version` `$spec` (the
/// attribute reads literals only, hence a macro).
macro_rules! linli_runtime_version {
	($spec:tt) => {
		/// The runtime's version. Bump `spec_version` with every change of
		/// logic; bump `transaction_version` when a call's index or
		/// arguments change.
		#[runtime_version]
		pub const VERSION: RuntimeVersion = RuntimeVersion {
			spec_name: alloc::borrow::Cow::Borrowed("linli"),
			impl_name: alloc::borrow::Cow::Borrowed("linli-node"),
			authoring_version: 1,
			spec_version: $spec,
			impl_version: 1,
			apis: apis::RUNTIME_API_VERSIONS,
			transaction_version: 1,
			system_version: 1,
		};
	};
}

#[cfg(not(feature = "next-spec-version"))]
linli_runtime_version!(110);
// The same runtime one version on: the wasm the end-to-end test upgrades a
// running network to (`scripts/e2e-testnet.sh`). Never deployed.
#[cfg(feature = "next-spec-version")]
linli_runtime_version!(111);

/// Target block time. Blocks come at most this often (one Aura slot).
pub const MILLI_SECS_PER_BLOCK: u64 = 6000;

/// An Aura slot. It cannot change once the chain has started.
pub const SLOT_DURATION: u64 = MILLI_SECS_PER_BLOCK;

/// Blocks per minute, hour and day, for periods expressed in blocks.
pub const MINUTES: BlockNumber = 60_000 / (MILLI_SECS_PER_BLOCK as BlockNumber);
pub const HOURS: BlockNumber = MINUTES * 60;
pub const DAYS: BlockNumber = HOURS * 24;

/// An account below this balance is reaped.
pub const EXISTENTIAL_DEPOSIT: Balance = MILLI_UNIT;

/// The address format: an account id (or index, unused here).
pub type Address = sp_runtime::MultiAddress<AccountId, ()>;

/// Block header type as expected by this runtime.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;

/// Block type as expected by this runtime.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;

/// A block that is decoded only as far as it is used.
pub type SignedBlock = generic::SignedBlock<Block>;

/// The transaction extensions every signed transaction carries, in order.
pub type TxExtension = (
	frame_system::AuthorizeCall<Runtime>,
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	// frame_system's nonce check, ranking a transaction by its turn.
	nonce_in_turn::CheckNonceInTurn<Runtime>,
	frame_system::CheckWeight<Runtime>,
	pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
	// Lets wallets check the metadata they decode the call with (RFC-78).
	frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
	frame_system::WeightReclaim<Runtime>,
);

/// Unchecked extrinsic type as expected by this runtime.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;

/// The payload being signed in transactions.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Storage migrations run on the next runtime upgrade (pallets' own
/// migrations are listed here when they land).
#[allow(unused_parens)]
type Migrations = (
	pallet_community::migrations::v2::MigrateV1ToV2<Runtime>,
	pallet_community::migrations::v3::MigrateV2ToV3<Runtime>,
	pallet_owners_assembly::migrations::v2::MigrateV1ToV2<Runtime>,
	pallet_owners_assembly::migrations::v3::MigrateV2ToV3<
		Runtime,
		genesis_config_presets::NoticeFloorOfThisChain,
		genesis_config_presets::PublicationPeriodOfThisChain,
	>,
	pallet_property_fees::migrations::v2::MigrateV1ToV2<Runtime>,
);

/// Dispatches blocks and transactions to the pallets.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

// The pallets, in order. Indices are part of the transaction format: never
// reuse or reorder them. 0–19: the substrate base; 20 and up: Linli's own.
#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;

	#[runtime::pallet_index(2)]
	pub type Aura = pallet_aura;

	#[runtime::pallet_index(3)]
	pub type Grandpa = pallet_grandpa;

	#[runtime::pallet_index(4)]
	pub type Balances = pallet_balances;

	#[runtime::pallet_index(5)]
	pub type TransactionPayment = pallet_transaction_payment;

	#[runtime::pallet_index(6)]
	pub type Utility = pallet_utility;

	#[runtime::pallet_index(7)]
	pub type Multisig = pallet_multisig;

	// Present so that a development chain can be driven by one key; no
	// non-development preset sets a sudo key, and without one it is inert.
	#[runtime::pallet_index(8)]
	pub type Sudo = pallet_sudo;

	// The stakeholders' council and the delay before it acts as root.
	#[runtime::pallet_index(9)]
	pub type Scheduler = pallet_scheduler;

	#[runtime::pallet_index(10)]
	pub type Council = pallet_collective<Instance1>;

	#[runtime::pallet_index(11)]
	pub type CouncilMembership = pallet_membership<Instance1>;

	// Who validates: the set (changed only by the council's root) and the
	// sessions that hand its keys to Aura and GRANDPA. The set's genesis
	// is built before session's, which asks it for the first validators.
	#[runtime::pallet_index(12)]
	pub type ValidatorSet = pallet_validator_set;

	#[runtime::pallet_index(13)]
	pub type Session = pallet_session;

	// Linli's own pallets.
	#[runtime::pallet_index(19)]
	pub type Calendar = pallet_calendar;

	#[runtime::pallet_index(20)]
	pub type Community = pallet_community;

	#[runtime::pallet_index(21)]
	pub type PropertyFees = pallet_property_fees;

	#[runtime::pallet_index(22)]
	pub type OwnersAssembly = pallet_owners_assembly;

	#[runtime::pallet_index(23)]
	pub type ServiceRatings = pallet_service_ratings;

	#[runtime::pallet_index(24)]
	pub type ChainGovernance = pallet_chain_governance;
}

#[cfg(test)]
mod tests;
