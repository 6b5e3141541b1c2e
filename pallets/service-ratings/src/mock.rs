//! A test runtime: balances, the identity pallet, the fees pallet (whose
//! funds hold the escrow) and the ratings pallet, with a settable clock.

use crate as pallet_service_ratings;
use frame_support::{
	derive_impl, parameter_types,
	traits::{AsEnsureOriginWithArg, ConstU128, ConstU32, ConstU64, ConstU8, EitherOf},
	PalletId,
};
use frame_system::EnsureRoot;
use linli_primitives::{calendar::{Month, MonthClock, month_of}, 
	community::{CommunityId, EnsureCommitteeMember, EnsurePropertyManager, ResidentRole, UnitId, UnitStatus},
	fees::{ApprovedBy, RootApproves},
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
	pub type ServiceRatings = pallet_service_ratings;
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
	type ExistentialDeposit = ExistentialDeposit;
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

impl pallet_community::Config for Test {
	type CreateOrigin = EnsureRoot<AccountId>;
	type AdminOrigin = AsEnsureOriginWithArg<EnsureRoot<AccountId>>;
	type MaxNameLength = ConstU32<32>;
	type MaxRegistrars = ConstU32<3>;
	type MaxCommitteeSize = ConstU32<11>;
	type MaxPropertyManagers = ConstU32<3>;
	type MaxUnitsPerCall = ConstU32<500>;
	type MaxResidentsPerUnit = ConstU32<6>;
	type MaxUnitsPerAccount = ConstU32<4>;
	type MaxCommitteeTerm = ConstU64<10_000>;
	type VoterAccountChanged = ();
	type UnitChanges = Fees;
	type RotationDelay = ConstU64<10>;
	type WeightInfo = ();
}

parameter_types! {
	pub static ExistentialDeposit: Balance = 1;
	pub const DefaultEmergencyCap: sp_runtime::Perbill = sp_runtime::Perbill::from_percent(5);
	pub const MaxEmergencyCap: sp_runtime::Perbill = sp_runtime::Perbill::from_percent(20);
	pub static Now: Month = month_of(2026, 1);
	pub const FeesPalletId: PalletId = PalletId(*b"linli/fe");
	pub const MaxLateFeeRate: Perbill = Perbill::from_percent(3);
	pub const MaxLateFeeCap: Perbill = Perbill::from_percent(30);
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

type Manager = ApprovedBy<EnsurePropertyManager<Community, AccountId>>;

impl pallet_property_fees::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Community = Community;
	type Clock = TestClock;
	type HeldBackShare = ServiceRatings;
	type PalletId = FeesPalletId;
	type ScheduleOrigin = RootApproves<AccountId>;
	type BudgetOrigin = RootApproves<AccountId>;
	type ManagerOrigin = Manager;
	type MaintenanceSpendOrigin = RootApproves<AccountId>;
	type MaintenanceRaiseOrigin = RootApproves<AccountId>;
	type EmergencyOrigin = EitherOf<EnsureCommitteeMember<Community, AccountId>, EnsurePropertyManager<Community, AccountId>>;
	type DefaultEmergencyCap = DefaultEmergencyCap;
	type MaxEmergencyCap = MaxEmergencyCap;
	type MaxPendingEmergencies = ConstU32<2>;
	type MinimumPayment = ConstU128<{ YUAN / 100 }>;
	type PublicIncomeSpendOrigin = RootApproves<AccountId>;
	type MaxSchedules = ConstU32<8>;
	type MaxMaintenanceRounds = ConstU32<4>;
	type MaxPrepaidPeriods = ConstU8<24>;
	type MaxLateFeeRate = MaxLateFeeRate;
	type MaxLateFeeCap = MaxLateFeeCap;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Community;
}

impl pallet_service_ratings::Config for Test {
	type Community = Community;
	type Funds = Fees;
	type Clock = TestClock;
	type TermsOrigin = AsEnsureOriginWithArg<EnsureRoot<AccountId>>;
	type MaxCustomCategories = ConstU32<2>;
	type MaxCategoryName = ConstU32<16>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Community;
}

pub const REGISTRAR: AccountId = 1_000;
pub const DEVELOPER: AccountId = 1_001;
pub const MANAGER: AccountId = 1_002;
pub const TENANT: AccountId = 1_003;
pub const FAMILY: AccountId = 1_004;
pub const OUTSIDER: AccountId = 1_005;
pub const COMPANY: AccountId = 1_006;
pub const C: CommunityId = 0;
pub const YUAN: Balance = 1_000_000;

pub fn unit(n: u32) -> UnitId {
	let mut id = [0u8; 32];
	id[..4].copy_from_slice(&n.to_be_bytes());
	H256(id)
}

/// Community `C`: ten 100.00 m² units, unit `n` owned by account `n`, a
/// tenant in unit 1 and a family member in unit 2; property fees of 1 元/m²
/// a month from January 2026.
pub fn new_test_ext() -> TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: (1..=10).chain([TENANT, FAMILY, OUTSIDER, MANAGER]).map(|a| (a, 1_000_000 * YUAN)).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		Now::set(month_of(2026, 1));
		let root = RuntimeOrigin::root;
		Community::create_community(root(), b"Harmony Garden".to_vec(), REGISTRAR, Some(DEVELOPER)).unwrap();
		Community::set_property_managers(root(), C, vec![MANAGER]).unwrap();
		let units = (1..=10)
			.map(|n| NewUnit { id: unit(n), scope: 1, area: 100_00, status: UnitStatus::Delivered })
			.collect();
		Community::register_units(RuntimeOrigin::signed(REGISTRAR), C, units).unwrap();
		let verify = |who, n, role| {
			Community::verify_resident(RuntimeOrigin::signed(REGISTRAR), C, unit(n), who, role, H256::zero()).unwrap()
		};
		for n in 1..=10u32 {
			verify(n as AccountId, n, ResidentRole::Owner);
		}
		verify(TENANT, 1, ResidentRole::Tenant);
		verify(FAMILY, 2, ResidentRole::FamilyMember);
		Fees::set_fee_schedule(root(), C, YUAN, pallet_property_fees::ContractModel::LumpSum, month_of(2026, 1))
			.unwrap();
		System::reset_events();
	});
	TestExternalities(ext)
}

/// Runs a test, then checks the pallets' invariants on the final state.
pub struct TestExternalities(pub sp_io::TestExternalities);

impl TestExternalities {
	pub fn execute_with<R>(&mut self, test: impl FnOnce() -> R) -> R {
		self.0.execute_with(|| {
			let r = test();
			ServiceRatings::do_try_state().expect("ratings try_state invariants hold after the test");
			Fees::do_try_state().expect("fees try_state invariants hold after the test");
			Community::do_try_state().expect("community try_state invariants hold after the test");
			r
		})
	}
}
