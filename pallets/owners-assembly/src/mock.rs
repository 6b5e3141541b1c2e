//! A test runtime: balances, the identity pallet, the fees pallet and the
//! assembly, wired as the runtime wires them (the fees and identity
//! pallets accept the assembly's decisions).

use crate as pallet_owners_assembly;
use frame_support::{
	derive_impl, parameter_types,
	traits::{AsEnsureOriginWithArg, ConstU128, ConstU32, ConstU64, ConstU8, EitherOf, MapSuccess},
	weights::Weight,
	PalletId,
};
use frame_system::EnsureRoot;
use linli_primitives::{calendar::{Month, MonthClock, month_of}, 
	community::{Area, CommunityId, EnsureCommitteeMember, EnsurePropertyManager, ResidentRole, UnitId, UnitStatus},
	fees::{ApprovedBy, RootApproves},
	governance::{
		BudgetMatters, CommonPartsMatters, Discard, EnsureDecision, EnsureDecisionIn, PropertyCompanyMatters,
		EnsureRoleDecision, RaiseMaintenanceMatters, RulesMatters, UseMaintenanceMatters,
	},
};
use pallet_community::NewUnit;
use sp_core::H256;
use sp_runtime::{BuildStorage, Perbill};

pub type AccountId = u128;
pub type Balance = u128;
type Block = frame_system::mocking::MockBlock<Test>;

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
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(2)]
	pub type Community = pallet_community;
	#[runtime::pallet_index(3)]
	pub type Fees = pallet_property_fees;
	#[runtime::pallet_index(4)]
	pub type Assembly = pallet_owners_assembly;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = sp_runtime::traits::IdentityLookup<AccountId>;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = Balance;
	type ExistentialDeposit = ConstU128<1>;
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

/// Root, or a decision of the community's owners, as in the runtime.
pub type RootOr<M> = EitherOf<RootApproves<AccountId>, EnsureDecision<AccountId, M>>;

impl pallet_community::Config for Test {
	type CreateOrigin = EnsureRoot<AccountId>;
	type AdminOrigin = EitherOf<AsEnsureOriginWithArg<EnsureRoot<AccountId>>, EnsureRoleDecision>;
	type MaxNameLength = ConstU32<32>;
	type MaxRegistrars = ConstU32<3>;
	type MaxCommitteeSize = ConstU32<11>;
	type MaxPropertyManagers = ConstU32<3>;
	type MaxUnitsPerCall = ConstU32<500>;
	type MaxResidentsPerUnit = ConstU32<6>;
	type MaxUnitsPerAccount = ConstU32<4>;
	type MaxCommitteeTerm = ConstU64<10_000>;
	type VoterAccountChanged = Assembly;
	type UnitChanges = Fees;
	type RotationDelay = ConstU64<10>;
	type WeightInfo = ();
}

parameter_types! {
	pub const DefaultEmergencyCap: sp_runtime::Perbill = sp_runtime::Perbill::from_percent(5);
	pub const MaxEmergencyCap: sp_runtime::Perbill = sp_runtime::Perbill::from_percent(20);
	pub static Now: Month = month_of(2026, 1);
	pub const FeesPalletId: PalletId = PalletId(*b"linli/fe");
	pub const MaxLateFeeRate: Perbill = Perbill::from_percent(3);
	pub const MaxLateFeeCap: Perbill = Perbill::from_percent(30);
	pub MaxCallWeight: Weight = Weight::from_parts(1_000_000_000_000, 1_000_000);
}

pub struct TestClock;
impl MonthClock for TestClock {
	fn current_month() -> Month {
		Now::get()
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn set_current_month(period: Month) {
		Now::set(period)
	}
}

impl pallet_property_fees::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Community = Community;
	type Clock = TestClock;
	type HeldBackShare = ();
	type PalletId = FeesPalletId;
	type ScheduleOrigin = RootOr<PropertyCompanyMatters>;
	type BudgetOrigin = RootOr<BudgetMatters>;
	type ManagerOrigin = ApprovedBy<EnsurePropertyManager<Community, AccountId>>;
	type MaintenanceSpendOrigin = EitherOf<RootApproves<AccountId>, EnsureDecisionIn<AccountId, UseMaintenanceMatters>>;
	type MaintenanceRaiseOrigin = RootOr<RaiseMaintenanceMatters>;
	type EmergencyOrigin = EitherOf<EnsureCommitteeMember<Community, AccountId>, EnsurePropertyManager<Community, AccountId>>;
	type DefaultEmergencyCap = DefaultEmergencyCap;
	type MaxEmergencyCap = MaxEmergencyCap;
	type MaxPendingEmergencies = ConstU32<2>;
	type MinimumPayment = ConstU128<10_000>;
	type PublicIncomeSpendOrigin = RootOr<CommonPartsMatters>;
	type MaxSchedules = ConstU32<8>;
	type MaxMaintenanceRounds = ConstU32<4>;
	type MaxPrepaidPeriods = ConstU8<24>;
	type MaxLateFeeRate = MaxLateFeeRate;
	type MaxLateFeeCap = MaxLateFeeCap;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Community;
}

impl pallet_owners_assembly::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type ProposalDepositBase = ConstU128<1_000>;
	type ProposalDepositPerByte = ConstU128<10>;
	type RuntimeCall = RuntimeCall;
	type Community = Community;
	type Committee = Community;
	type RulesOrigin = EitherOf<
		AsEnsureOriginWithArg<EnsureRoot<AccountId>>,
		MapSuccess<EnsureDecision<AccountId, RulesMatters>, Discard>,
	>;
	type MaxCallSize = ConstU32<1024>;
	type MaxCallWeight = MaxCallWeight;
	type MinVotingPeriod = ConstU64<5>;
	type MaxVotingPeriod = ConstU64<1_000>;
	type SponsorshipPeriod = ConstU64<50>;
	type MaxCandidates = ConstU32<16>;
	type MaxOpenProposals = ConstU32<8>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Community;
}

// The cast: the registrar, the developer, the property manager, and owners
// 1..=N (owner n owns unit n unless a test says otherwise).
pub const REGISTRAR: AccountId = 1_000;
pub const DEVELOPER: AccountId = 1_001;
pub const MANAGER: AccountId = 1_002;
pub const TENANT: AccountId = 1_003;
pub const OUTSIDER: AccountId = 1_005;

pub const C: CommunityId = 0;

pub fn unit(n: u32) -> UnitId {
	let mut id = [0u8; 32];
	id[..4].copy_from_slice(&n.to_be_bytes());
	H256(id)
}

/// Community `C`: unit `i + 1` owned by `owners[i].0` with area
/// `owners[i].1` (odd units in scope 1, even in scope 2), then the
/// developer's unsold units; a committee of owners 1, 2 and 3.
pub fn estate(owners: &[(AccountId, Area)], developer_held: &[Area]) {
	let root = RuntimeOrigin::root;
	Community::create_community(root(), b"Harmony Garden".to_vec(), REGISTRAR, Some(DEVELOPER)).unwrap();
	Community::set_property_managers(root(), C, vec![MANAGER]).unwrap();
	let n = owners.len() as u32;
	let units = owners
		.iter()
		.enumerate()
		.map(|(i, (_, area))| (i as u32 + 1, *area, UnitStatus::Delivered))
		.chain(developer_held.iter().enumerate().map(|(i, a)| (n + 1 + i as u32, *a, UnitStatus::DeveloperHeld)))
		.map(|(i, area, status)| NewUnit { id: unit(i), scope: 2 - i % 2, area, status })
		.collect();
	Community::register_units(RuntimeOrigin::signed(REGISTRAR), C, units).unwrap();
	for (i, (who, _)) in owners.iter().enumerate() {
		owner(*who, i as u32 + 1);
	}
	Community::set_committee(root(), C, vec![1, 2, 3], 5_000).unwrap();
	System::reset_events();
	// Votes open in a later block than the owners were registered in.
	System::set_block_number(2);
}

/// `n` owners (accounts 1..=n) of one 100.00 m² unit each.
pub fn equal_estate(n: u32) {
	let owners: alloc::vec::Vec<_> = (1..=n).map(|i| (i as AccountId, 100_00)).collect();
	estate(&owners, &[]);
}

/// Verifies `who` as the owner of unit `n`.
pub fn owner(who: AccountId, n: u32) {
	Community::verify_resident(
		RuntimeOrigin::signed(REGISTRAR),
		C,
		unit(n),
		who,
		ResidentRole::Owner,
		H256::repeat_byte(n as u8),
	)
	.unwrap();
}

/// A tenant of unit 1.
pub fn tenant() {
	Community::verify_resident(RuntimeOrigin::signed(REGISTRAR), C, unit(1), TENANT, ResidentRole::Tenant, H256::zero())
		.unwrap();
}

/// Externalities with endowed accounts and nothing else; `try_state` of all
/// three Linli pallets runs after the test.
pub fn new_test_ext() -> TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: (1..=40).chain([DEVELOPER, MANAGER, TENANT, OUTSIDER]).map(|a| (a, 1_000_000_000)).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		Now::set(month_of(2026, 1));
	});
	TestExternalities(ext)
}

/// Runs a test, then checks the pallets' invariants on the final state.
pub struct TestExternalities(pub sp_io::TestExternalities);

impl TestExternalities {
	pub fn execute_with<R>(&mut self, test: impl FnOnce() -> R) -> R {
		self.0.execute_with(|| {
			let r = test();
			Assembly::do_try_state().expect("assembly try_state invariants hold after the test");
			Fees::do_try_state().expect("fees try_state invariants hold after the test");
			Community::do_try_state().expect("community try_state invariants hold after the test");
			r
		})
	}
}
