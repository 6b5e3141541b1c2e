//! A test runtime: balances, the real identity pallet (through the glue
//! trait only) and the fees pallet, with a settable billing clock.

use crate as pallet_property_fees;
use frame_support::{
	derive_impl, parameter_types,
	traits::{AsEnsureOriginWithArg, ConstU128, ConstU32, ConstU64, ConstU8, EitherOf},
	PalletId,
};
use frame_system::EnsureRoot;
use linli_primitives::{
	community::{
		Area, CommunityId, EnsureCommitteeMember, EnsurePropertyManager, ResidentRole, UnitId,
		UnitStatus,
	},
	fees::{period_of, ApprovedBy, Period, PeriodClock, RootApproves},
};
use pallet_community::NewUnit;
use sp_core::H256;
use sp_runtime::{BuildStorage, Perbill};

/// Wide enough for the funds' sub-accounts (`modl` + pallet id + fund +
/// community) to stay distinct, as they are with the runtime's 32 bytes.
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

parameter_types! {
	pub const DefaultEmergencyCap: sp_runtime::Perbill = sp_runtime::Perbill::from_percent(5);
	pub const MaxEmergencyCap: sp_runtime::Perbill = sp_runtime::Perbill::from_percent(20);
	pub const MaxCommitteeTerm: u64 = 1_000;
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
	type MaxCommitteeTerm = MaxCommitteeTerm;
	type VoterAccountChanged = ();
	type UnitChanges = Fees;
	type RotationDelay = ConstU64<10>;
	type WeightInfo = ();
}

parameter_types! {
	/// The billing period "now" in tests.
	pub static Now: Period = period_of(2026, 1);
	pub const FeesPalletId: PalletId = PalletId(*b"linli/fe");
	pub const MaxLateFeeRate: Perbill = Perbill::from_percent(3);
	pub const MaxLateFeeCap: Perbill = Perbill::from_percent(30);
}

pub struct TestClock;
impl PeriodClock for TestClock {
	fn current_period() -> Period {
		Now::get()
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn set_current_period(period: Period) {
		Now::set(period)
	}
}

type Manager = ApprovedBy<EnsurePropertyManager<Community, AccountId>>;

impl pallet_property_fees::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Community = Community;
	type Clock = TestClock;
	type HeldBackShare = ();
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

// The cast of the tests.
pub const REGISTRAR: AccountId = 10;
pub const DEVELOPER: AccountId = 11;
pub const MANAGER: AccountId = 20;
pub const CONTRACTOR: AccountId = 30;
pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CAROL: AccountId = 3;
pub const TENANT: AccountId = 4;
pub const STRANGER: AccountId = 5;
pub const PARKING_OPERATOR: AccountId = 6;

/// The community every test uses.
pub const C: CommunityId = 0;
/// Price grades of DOMAIN.md, per m²·month, with the runtime's 12 decimals
/// scaled down to 6 here (1 元 = 1_000_000).
pub const YUAN: Balance = 1_000_000;

pub fn unit(n: u8) -> UnitId {
	H256::repeat_byte(n)
}

/// Unit 1: Alice's, 89.12 m². Unit 2: Bob's, 120.00 m². Unit 3: Carol's,
/// 65.37 m², with a tenant. Unit 4: the developer's, unsold, 100.00 m².
pub const AREA_1: Area = 89_12;
pub const AREA_2: Area = 120_00;
pub const AREA_3: Area = 65_37;
pub const AREA_4: Area = 100_00;

/// Externalities with community `C` (registrar, developer, property
/// manager), four units, and endowed residents; `try_state` runs after the
/// test.
pub fn new_test_ext() -> TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: [ALICE, BOB, CAROL, TENANT, STRANGER, PARKING_OPERATOR, DEVELOPER, MANAGER]
			.iter()
			.map(|a| (*a, 1_000_000 * YUAN))
			.collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		Now::set(period_of(2026, 1));
		let root = RuntimeOrigin::root;
		Community::create_community(root(), b"Harmony Garden".to_vec(), REGISTRAR, Some(DEVELOPER))
			.unwrap();
		Community::set_property_managers(root(), C, vec![MANAGER]).unwrap();
		let units = [(1, AREA_1, UnitStatus::Delivered), (2, AREA_2, UnitStatus::Delivered)]
			.into_iter()
			.chain([(3, AREA_3, UnitStatus::Delivered), (4, AREA_4, UnitStatus::DeveloperHeld)])
			.map(|(n, area, status)| NewUnit { id: unit(n), scope: 1 + (n as u32 % 2), area, status })
			.collect();
		Community::register_units(RuntimeOrigin::signed(REGISTRAR), C, units).unwrap();
		for (who, n, role) in [
			(ALICE, 1, ResidentRole::Owner),
			(BOB, 2, ResidentRole::Owner),
			(CAROL, 3, ResidentRole::Owner),
			(TENANT, 3, ResidentRole::Tenant),
		] {
			Community::verify_resident(
				RuntimeOrigin::signed(REGISTRAR),
				C,
				unit(n),
				who,
				role,
				H256::repeat_byte(0xA0 + n),
			)
			.unwrap();
		}
		System::reset_events();
	});
	TestExternalities(ext)
}

/// Runs a test, then checks both pallets' invariants on the final state.
pub struct TestExternalities(pub sp_io::TestExternalities);

impl TestExternalities {
	pub fn execute_with<R>(&mut self, test: impl FnOnce() -> R) -> R {
		self.0.execute_with(|| {
			let r = test();
			Fees::do_try_state().expect("fees try_state invariants hold after the test");
			Community::do_try_state().expect("community try_state invariants hold after the test");
			r
		})
	}
}
