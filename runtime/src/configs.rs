//! How each pallet of the runtime is configured.

use frame_support::{
	derive_impl,
	dispatch::DispatchClass,
	parameter_types,
	traits::{
		AsEnsureOriginWithArg, ConstBool, ConstU128, ConstU32, ConstU64, ConstU8, EitherOf,
		MapSuccess, VariantCountOf,
	},
	PalletId,
	weights::{
		constants::WEIGHT_REF_TIME_PER_SECOND,
		ConstantMultiplier, Weight,
	},
};
use frame_system::{
	limits::{BlockLength, BlockWeights},
	EnsureRoot,
};
use linli_primitives::{
	community::{EnsureCommitteeMember, EnsurePropertyManager},
	fees::{ApprovedBy, RootApproves},
	governance::{
		BudgetMatters, CommonPartsMatters, Discard, EnsureDecision, EnsureDecisionIn, PropertyCompanyMatters,
		EnsureRoleDecision, RaiseMaintenanceMatters, RulesMatters, UseMaintenanceMatters,
	},
};
use pallet_transaction_payment::{FungibleAdapter, Multiplier, TargetedFeeAdjustment};
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_runtime::{traits::Bounded, FixedPointNumber, Perbill, Perquintill};
use sp_version::RuntimeVersion;

use super::{
	AccountId, Aura, Balance, Balances, Block, BlockNumber, Calendar, Community, Council, Hash, Nonce, OriginCaller, OwnersAssembly, Scheduler, ValidatorSet,
	PropertyFees,
	PalletInfo, Runtime, RuntimeCall, RuntimeEvent, RuntimeFreezeReason, RuntimeHoldReason,
	RuntimeOrigin, RuntimeTask, System, Timestamp, DAYS, EXISTENTIAL_DEPOSIT, MILLI_UNIT, SLOT_DURATION, UNIT,
	VERSION,
};

/// Share of a block that ordinary transactions may fill; the rest is kept
/// for operational ones.
const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);

parameter_types! {
	pub const BlockHashCount: BlockNumber = 2400;
	pub const Version: RuntimeVersion = VERSION;

	/// Two seconds of compute in a six-second block; an empty block and
	/// each extrinsic's base as measured here (`scripts/benchmark.sh
	/// --runtime`), not the defaults.
	pub RuntimeBlockWeights: BlockWeights = {
		let block = Weight::from_parts(2u64 * WEIGHT_REF_TIME_PER_SECOND, u64::MAX);
		let normal = NORMAL_DISPATCH_RATIO * block;
		BlockWeights::builder()
			.base_block(crate::weights::BlockExecutionWeight::get())
			.for_class(DispatchClass::all(), |class| {
				class.base_extrinsic = crate::weights::ExtrinsicBaseWeight::get();
			})
			.for_class(DispatchClass::Normal, |class| class.max_total = Some(normal))
			.for_class(DispatchClass::Operational, |class| {
				class.max_total = Some(block);
				class.reserved = Some(block - normal);
			})
			.avg_block_initialization(Perbill::from_percent(10))
			.build_or_panic()
	};
	/// 5 MiB blocks; ordinary transactions may fill `NORMAL_DISPATCH_RATIO` of them.
	pub RuntimeBlockLength: BlockLength = BlockLength::builder()
		.max_length(5 * 1024 * 1024)
		.modify_max_length_for_class(DispatchClass::Normal, |max| *max = NORMAL_DISPATCH_RATIO * *max)
		.build();
	/// The generic Substrate address format (addresses start with `5`).
	pub const SS58Prefix: u16 = 42;
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type Block = Block;
	// The extensions every transaction runs, as measured here (not the
	// defaults, priced for RocksDB on other hardware).
	type ExtensionsWeightInfo = crate::weights::frame_system_extensions::WeightInfo<Runtime>;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type BlockHashCount = BlockHashCount;
	/// The node stores state in ParityDB.
	// ParityDB's reads and writes as measured here.
	type DbWeight = crate::weights::ParityDbWeight;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<Balance>;
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = ConstU32<16>;
	type BaseCallFilter = NotKeyPurge;
}

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type DisabledValidators = ();
	type MaxAuthorities = ConstU32<32>;
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	type SlotDuration = pallet_aura::MinimumPeriodTimesTwo<Runtime>;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = ConstU32<32>;
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = ConstU64<0>;
	// No staking, hence no equivocation slashing: validators are the
	// community's known stakeholders.
	type KeyOwnerProof = sp_core::Void;
	type EquivocationReportSystem = ();
}

impl pallet_timestamp::Config for Runtime {
	/// Milliseconds since the Unix epoch.
	type Moment = u64;
	type OnTimestampSet = Aura;
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = ();
}

impl pallet_balances::Config for Runtime {
	type MaxLocks = ConstU32<50>;
	type MaxReserves = ConstU32<50>;
	type ReserveIdentifier = [u8; 8];
	type Balance = Balance;
	type RuntimeEvent = RuntimeEvent;
	type DustRemoval = ();
	type ExistentialDeposit = ConstU128<EXISTENTIAL_DEPOSIT>;
	type AccountStore = System;
	type WeightInfo = pallet_balances::weights::SubstrateWeight<Runtime>;
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type DoneSlashHandler = ();
}

parameter_types! {
	/// 8 planck a picosecond of compute: an extrinsic's base weight costs
	/// about a milli-LNL, a transfer a few.
	pub const WeightFeeFactor: Balance = 8;
	/// 10 micro-LNL a byte: a block filled with the cheapest call (one large
	/// remark) costs tens of LNL, not a fraction of a milli-LNL.
	pub const TransactionByteFee: Balance = 10 * MILLI_UNIT / 1_000;
	/// Fees rise while blocks are more than a quarter full, and fall back.
	pub const TargetBlockFullness: Perquintill = Perquintill::from_percent(25);
	pub AdjustmentVariable: Multiplier = Multiplier::saturating_from_rational(75, 1_000_000);
	pub MinimumMultiplier: Multiplier = Multiplier::saturating_from_rational(1, 10u128);
	pub MaximumMultiplier: Multiplier = Bounded::max_value();
}

impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type OnChargeTransaction = FungibleAdapter<Balances, ()>;
	type OperationalFeeMultiplier = ConstU8<5>;
	type WeightToFee = ConstantMultiplier<Balance, WeightFeeFactor>;
	type LengthToFee = ConstantMultiplier<Balance, TransactionByteFee>;
	// Congestion makes spam dearer block by block.
	type FeeMultiplierUpdate =
		TargetedFeeAdjustment<Self, TargetBlockFullness, AdjustmentVariable, MinimumMultiplier, MaximumMultiplier>;
	type WeightInfo = crate::weights::pallet_transaction_payment::WeightInfo<Runtime>;
}

impl pallet_utility::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = OriginCaller;
	type WeightInfo = pallet_utility::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	/// Held from a multisig call's initiator: a base plus a share per signatory.
	pub const MultisigDepositBase: Balance = 20 * MILLI_UNIT;
	pub const MultisigDepositFactor: Balance = 3 * MILLI_UNIT;
}

impl pallet_multisig::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type Currency = Balances;
	type DepositBase = MultisigDepositBase;
	type DepositFactor = MultisigDepositFactor;
	// An owners' committee has at most 11 members; leave room for the other
	// stakeholders signing together with it.
	type MaxSignatories = ConstU32<32>;
	type WeightInfo = pallet_multisig::weights::SubstrateWeight<Runtime>;
	type BlockNumberProvider = System;
}

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = pallet_sudo::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	/// A committee's term is at most five years (DOMAIN.md).
	pub const MaxCommitteeTerm: BlockNumber = 5 * 365 * DAYS;
}

impl pallet_community::Config for Runtime {
	// The district authority (root until a district-governance pallet lands).
	type CreateOrigin = EnsureRoot<AccountId>;
	// The district authority, or the community's owners, each role by its
	// own matter (`Role::decided_by`): the company by (4), registrars and the
	// developer's account by (9); the committee only by election.
	type AdminOrigin = EitherOf<AsEnsureOriginWithArg<EnsureRoot<AccountId>>, EnsureRoleDecision>;
	type MaxNameLength = ConstU32<64>;
	type MaxRegistrars = ConstU32<4>;
	type MaxCommitteeSize = ConstU32<11>;
	type MaxPropertyManagers = ConstU32<8>;
	// 5,000 units register in ten calls.
	type MaxUnitsPerCall = ConstU32<500>;
	type MaxResidentsPerUnit = ConstU32<16>;
	type MaxUnitsPerAccount = ConstU32<64>;
	type MaxCommitteeTerm = MaxCommitteeTerm;
	// Ballots in open votes follow an owner whose key a registrar replaced.
	type VoterChanges = OwnersAssembly;
	type UnitChanges = PropertyFees;
	// A registrar's replacement of a lost key waits a week for the old key to
	// object (the owner may accept at once with it).
	type RotationDelay = ConstU32<{ 7 * DAYS }>;
	type WeightInfo = pallet_community::weights::SubstrateWeight<Runtime>;
}

// Billing and rating periods are calendar months in Beijing time, of the
// block timestamp; a dev chain (genesis `advanceable`) may move its calendar
// ahead so that a community's year can be lived through in minutes.
impl pallet_calendar::Config for Runtime {
	type Time = Timestamp;
	// On an advanceable (dev or test) chain, the sudo key.
	type AdvanceOrigin = EnsureRoot<AccountId>;
	type MaxMonthsPerAdvance = ConstU32<12>;
	type WeightInfo = pallet_calendar::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	pub const PropertyFeesPalletId: PalletId = PalletId(*b"linli/fe");
	/// At most 1.5 % a month (≈ 0.05 %/day; courts cut 1 %/day as excessive).
	pub const MaxLateFeeRate: Perbill = Perbill::from_parts(15_000_000);
	/// Liquidated damages above 30 % of the loss are presumed excessive.
	pub const MaxLateFeeCap: Perbill = Perbill::from_percent(30);
	/// Emergencies may take 5 % of the maintenance fund a month without a
	/// vote unless the owners set another share (a large estate's fund of
	/// millions of 元 still covers a lift or a pump); never more than 20 %.
	pub const DefaultEmergencyCap: Perbill = Perbill::from_percent(5);
	pub const MaxEmergencyCap: Perbill = Perbill::from_percent(20);
}

/// The district authority (root), or a decision of the community's owners
/// on one of the matters `M`.
type RootOrOwners<M> = EitherOf<RootApproves<AccountId>, EnsureDecision<AccountId, M>>;

/// The property company's accounts, recorded as the approver.
type PropertyManager = ApprovedBy<EnsurePropertyManager<Community, AccountId>>;

impl pallet_property_fees::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Community = Community;
	type Clock = Calendar;
	type HeldBackShare = crate::ServiceRatings;
	type PalletId = PropertyFeesPalletId;
	// The owners decide, each on its matter of 民法典 Art. 278; the district
	// authority (root) may still act where a community has no working
	// assembly.
	type ScheduleOrigin = RootOrOwners<PropertyCompanyMatters>;
	type BudgetOrigin = RootOrOwners<BudgetMatters>;
	// A decision of one building's owners pays only for that building.
	type MaintenanceSpendOrigin =
		EitherOf<RootApproves<AccountId>, EnsureDecisionIn<AccountId, UseMaintenanceMatters>>;
	type MaintenanceRaiseOrigin = RootOrOwners<RaiseMaintenanceMatters>;
	type PublicIncomeSpendOrigin = RootOrOwners<CommonPartsMatters>;
	type ManagerOrigin = PropertyManager;
	// DOMAIN.md: in an emergency the 业委会 or the 物业 spends and owners
	// are notified — here on two keys, one of them the committee's, within
	// a monthly cap of the fund.
	type EmergencyOrigin =
		EitherOf<EnsureCommitteeMember<Community, AccountId>, EnsurePropertyManager<Community, AccountId>>;
	type DefaultEmergencyCap = DefaultEmergencyCap;
	type MaxEmergencyCap = MaxEmergencyCap;
	type MaxPendingEmergencies = ConstU32<8>;
	// 1 元: a fee payment below it must settle the unit's dues.
	type MinimumPayment = ConstU128<UNIT>;
	// Twenty price changes a year for three years, and more than any estate
	// has seen.
	type MaxSchedules = ConstU32<64>;
	type MaxMaintenanceRounds = ConstU32<16>;
	// A year ahead at most, and only with the owner's consent.
	type MaxPrepaidPeriods = ConstU8<12>;
	type MaxLateFeeRate = MaxLateFeeRate;
	type MaxLateFeeCap = MaxLateFeeCap;
	type WeightInfo = pallet_property_fees::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Community;
}

parameter_types! {
	/// The heaviest call an owners' decision may carry: a quarter of a
	/// block's compute.
	pub OwnersCallMaxWeight: Weight = Weight::from_parts(WEIGHT_REF_TIME_PER_SECOND / 2, 1024 * 1024);
}

parameter_types! {
	/// Held from a proposer until the proposal closes: 10 LNL and 0.01 LNL
	/// a byte of its call (a 4 KiB call holds about 51 LNL).
	pub const ProposalDepositBase: Balance = 10 * UNIT;
	pub const ProposalDepositPerByte: Balance = 10 * MILLI_UNIT;
}

impl pallet_owners_assembly::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type ProposalDepositBase = ProposalDepositBase;
	type ProposalDepositPerByte = ProposalDepositPerByte;
	type RuntimeCall = RuntimeCall;
	type Community = Community;
	type Committee = Community;
	// The rules of procedure are the owners' (matter 1), or the authority's.
	type RulesOrigin = EitherOf<
		AsEnsureOriginWithArg<EnsureRoot<AccountId>>,
		MapSuccess<EnsureDecision<AccountId, RulesMatters>, Discard>,
	>;
	type MaxCallSize = ConstU32<4096>;
	type MaxCallWeight = OwnersCallMaxWeight;
	// Short votes are possible (a demo, an urgent ordinary matter); the
	// committee sets each vote's length, up to a quarter of a year.
	type MinVotingPeriod = ConstU32<10>;
	type MaxVotingPeriod = ConstU32<{ 90 * DAYS }>;
	type SponsorshipPeriod = ConstU32<{ 30 * DAYS }>;
	type MaxCandidates = ConstU32<32>;
	// A community rarely has more than a handful of matters before its owners
	// at once; the bound keeps a rotated key's ballots O(1) to move.
	type MaxOpenProposals = ConstU32<32>;
	// A community's rules may let one proxy vote for up to 20 owners (a
	// family or a building's representative); 5 unless they say so.
	type DefaultMaxOwnersPerProxy = ConstU32<5>;
	type MaxOwnersPerProxy = ConstU32<20>;
	type MaxUnitsPerVoter = <Runtime as pallet_community::Config>::MaxUnitsPerAccount;
	type MaxObjections = ConstU32<16>;
	// A notice of up to two months, a publication of up to one.
	type MaxNoticePeriod = ConstU32<{ 60 * DAYS }>;
	type MaxPublicationPeriod = ConstU32<{ 30 * DAYS }>;
	type WeightInfo = pallet_owners_assembly::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Community;
}

impl pallet_service_ratings::Config for Runtime {
	type Community = Community;
	type Funds = PropertyFees;
	type Clock = Calendar;
	// Rating terms are part of the company's contract: the owners decide
	// (matter 4), or the district authority.
	type TermsOrigin = EitherOf<
		AsEnsureOriginWithArg<EnsureRoot<AccountId>>,
		MapSuccess<EnsureDecision<AccountId, PropertyCompanyMatters>, Discard>,
	>;
	type MaxCustomCategories = ConstU32<10>;
	type MaxCategoryName = ConstU32<64>;
	type WeightInfo = pallet_service_ratings::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Community;
}

// ---- The stakeholders' council and chain governance (no sudo key needed).

/// The council's `pallet-collective` instance.
pub type CouncilInstance = pallet_collective::Instance1;

/// At least three quarters of the council: approves root calls and changes
/// the council's own membership.
pub type CouncilSupermajority = pallet_collective::EnsureProportionAtLeast<AccountId, CouncilInstance, 3, 4>;

/// More than half of the council: cancels a root call while it waits.
pub type CouncilMajority = pallet_collective::EnsureProportionMoreThan<AccountId, CouncilInstance, 1, 2>;

parameter_types! {
	/// What a council member holds while a motion of theirs is open.
	pub const ProposalHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::Council(pallet_collective::HoldReason::ProposalSubmission);
	/// The hold for a motion when none is open: 10 tokens ...
	pub const MotionDepositBase: Balance = 10 * UNIT;
	/// ... doubling with every motion already open, so that no member can
	/// fill the council's 32 slots and block a cancel.
	pub MotionDepositRatio: sp_runtime::FixedU128 = sp_runtime::FixedU128::from_u32(2);
	/// The heaviest motion or scheduled call: half a block.
	pub HalfBlock: Weight = Perbill::from_percent(50) * RuntimeBlockWeights::get().max_block;
	/// What the scheduler may use of a block.
	pub SchedulerMaxWeight: Weight = Perbill::from_percent(80) * RuntimeBlockWeights::get().max_block;
}

impl pallet_collective::Config<CouncilInstance> for Runtime {
	type RuntimeOrigin = RuntimeOrigin;
	type Proposal = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	/// A motion not decided within three days closes.
	type MotionDuration = ConstU32<{ 3 * DAYS }>;
	type MaxProposals = ConstU32<32>;
	type MaxMembers = ConstU32<16>;
	type DefaultVote = pallet_collective::PrimeDefaultVote;
	type WeightInfo = pallet_collective::weights::SubstrateWeight<Runtime>;
	// Membership goes through `CouncilMembership` only.
	type SetMembersOrigin = frame_system::EnsureNever<()>;
	type MaxProposalWeight = HalfBlock;
	type DisapproveOrigin = CouncilMajority;
	type KillOrigin = CouncilMajority;
	type Consideration = frame_support::traits::fungible::HoldConsideration<
		AccountId,
		Balances,
		ProposalHoldReason,
		pallet_collective::deposit::Geometric<MotionDepositRatio, MotionDepositBase>,
		u32,
	>;
}

/// The council's members change only by its own root: three quarters, then
/// the enactment delay (so a member cannot be voted out, nor the council
/// emptied, between two blocks).
impl pallet_membership::Config<pallet_membership::Instance1> for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type AddOrigin = EnsureRoot<AccountId>;
	type RemoveOrigin = EnsureRoot<AccountId>;
	type SwapOrigin = EnsureRoot<AccountId>;
	type ResetOrigin = EnsureRoot<AccountId>;
	// No prime: with one, silent members would vote as the prime does.
	type PrimeOrigin = frame_system::EnsureNever<()>;
	type MembershipInitialized = Council;
	type MembershipChanged = Council;
	type MaxMembers = ConstU32<16>;
	type WeightInfo = pallet_membership::weights::SubstrateWeight<Runtime>;
}

impl pallet_scheduler::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeOrigin = RuntimeOrigin;
	type PalletsOrigin = OriginCaller;
	type RuntimeCall = RuntimeCall;
	type MaximumWeight = SchedulerMaxWeight;
	type ScheduleOrigin = EnsureRoot<AccountId>;
	type OriginPrivilegeCmp = frame_support::traits::EqualPrivilegeOnly;
	type MaxScheduledPerBlock = ConstU32<50>;
	type WeightInfo = pallet_scheduler::weights::SubstrateWeight<Runtime>;
	// Only the small `chainGovernance.enact(id)` is scheduled: it is always
	// inline, no preimage store is needed.
	type Preimages = ();
	type BlockNumberProvider = System;
}

impl pallet_chain_governance::Config for Runtime {
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = OriginCaller;
	type Scheduler = Scheduler;
	type Preimages = ();
	type CallFilter = NotGovernanceMachinery;
	type ApproveOrigin = CouncilSupermajority;
	type CancelOrigin = CouncilMajority;
	type Approvals = pallet_chain_governance::CollectiveApprovals<Runtime, CouncilInstance>;
	/// A dev chain's delay; production presets set two days in genesis.
	type MinEnactmentDelay = ConstU32<2>;
	/// A month: a longer delay would freeze the council's root.
	type MaxEnactmentDelay = ConstU32<{ 30 * DAYS }>;
	type MaxCallSize = ConstU32<2048>;
	type MaxCallWeight = HalfBlock;
	type MaxPending = ConstU32<16>;
	type MaxCouncil = ConstU32<16>;
	type WeightInfo = pallet_chain_governance::weights::SubstrateWeight<Runtime>;
}

/// The calls the council may enact as root: all but the scheduler's and
/// `chainGovernance.enact`/`enactAsRoot`, which could move an approved call
/// ahead of its delay.
pub struct NotGovernanceMachinery;
impl frame_support::traits::Contains<RuntimeCall> for NotGovernanceMachinery {
	fn contains(call: &RuntimeCall) -> bool {
		!matches!(
			call,
			RuntimeCall::Scheduler(_) |
				RuntimeCall::ChainGovernance(
					pallet_chain_governance::Call::enact { .. } |
						pallet_chain_governance::Call::enact_as_root { .. }
				)
		)
	}
}

/// The most validators a chain may have: Aura's and GRANDPA's
/// `MaxAuthorities`.
pub type MaxValidators = ConstU32<32>;

/// Who validates: changed only by root, that is the council after its
/// enactment delay (or a development chain's sudo).
impl pallet_validator_set::Config for Runtime {
	type ManageOrigin = EnsureRoot<AccountId>;
	type MaxValidators = MaxValidators;
	type WeightInfo = pallet_validator_set::weights::SubstrateWeight<Runtime>;
}

/// Sessions (of `validatorSet.sessionLength` blocks, fixed at genesis) hand
/// the validator set's keys to Aura and GRANDPA.
impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = AccountId;
	/// Only a validator (or an account that already holds keys) sets keys.
	type ValidatorIdOf = pallet_validator_set::ValidatorOf<Runtime>;
	type ShouldEndSession = ValidatorSet;
	type NextSessionRotation = ValidatorSet;
	type SessionManager = ValidatorSet;
	type SessionHandler = <crate::SessionKeys as sp_runtime::traits::OpaqueKeys>::KeyTypeIdProviders;
	type Keys = crate::SessionKeys;
	/// No staking, hence no offences to disable a validator for: a
	/// misbehaving validator is removed by the council.
	type DisablingStrategy = ();
	type WeightInfo = pallet_session::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	/// Only validators set keys, and the council chose them: no deposit.
	type KeyDeposit = ConstU128<0>;
}

/// The calls no one may make: `session.purge_keys`, by which a validator
/// would leave the set that validates without the council (its keys stay
/// registered after a removal; no deposit is held for them).
pub struct NotKeyPurge;
impl frame_support::traits::Contains<RuntimeCall> for NotKeyPurge {
	fn contains(call: &RuntimeCall) -> bool {
		!matches!(call, RuntimeCall::Session(pallet_session::Call::purge_keys { .. }))
	}
}
