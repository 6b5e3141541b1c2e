//! A test runtime: balances, the identity pallet, the fees pallet (whose
//! funds hold the escrow) and the ratings pallet, with a settable clock.

use crate as pallet_service_ratings;
use frame_support::{
	derive_impl, parameter_types,
	traits::{AsEnsureOriginWithArg, ConstU32},
};
use frame_system::EnsureRoot;
use linli_primitives::{
	calendar::month_of,
	community::{CommunityId, ResidentRole, UnitStatus},
	fees::RootApproves,
};
use pallet_community::NewUnit;
use sp_core::H256;

pub type AccountId = u128;
pub type Balance = u128;

linli_test_support::construct_test_runtime!(Test {
	0 => System: frame_system,
	1 => Balances: pallet_balances,
	2 => Community: pallet_community,
	3 => Fees: pallet_property_fees,
	4 => ServiceRatings: pallet_service_ratings,
});

linli_test_support::impl_system_and_balances!(Test, ExistentialDeposit = ExistentialDeposit);

linli_test_support::impl_community_config!(Test {
	AdminOrigin = AsEnsureOriginWithArg<EnsureRoot<AccountId>>,
	VoterChanges = (),
	UnitChanges = Fees,
	MaxUnitsPerCall = 500,
	MaxCommitteeTerm = 10_000,
});

parameter_types! {
	pub static ExistentialDeposit: Balance = 1;
}

linli_test_support::impl_fees_config!(Test {
	HeldBackShare = ServiceRatings,
	ScheduleOrigin = RootApproves<AccountId>,
	BudgetOrigin = RootApproves<AccountId>,
	MaintenanceSpendOrigin = RootApproves<AccountId>,
	MaintenanceRaiseOrigin = RootApproves<AccountId>,
	PublicIncomeSpendOrigin = RootApproves<AccountId>,
});

impl pallet_service_ratings::Config for Test {
	type Community = Community;
	type Funds = Fees;
	type Clock = linli_test_support::TestClock;
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
pub use linli_test_support::{unit_id as unit, Now, YUAN};

/// Community `C`: ten 100.00 m² units, unit `n` owned by account `n`, a
/// tenant in unit 1 and a family member in unit 2; property fees of 1 元/m²
/// a month from January 2026.
pub fn new_test_ext() -> TestExternalities {
	let accounts = (1..=10).chain([TENANT, FAMILY, OUTSIDER, MANAGER]);
	let mut ext = TestExternalities::new(
		linli_test_support::endowed::<Test>(accounts, 1_000_000 * YUAN),
		|| {
			ServiceRatings::do_try_state()?;
			Fees::do_try_state()?;
			Community::do_try_state()
		},
	);
	ext.0.execute_with(|| {
		System::set_block_number(1);
		let root = RuntimeOrigin::root;
		Community::create_community(root(), b"Harmony Garden".to_vec(), REGISTRAR, Some(DEVELOPER))
			.unwrap();
		Community::set_property_managers(root(), C, vec![MANAGER]).unwrap();
		let units = (1..=10)
			.map(|n| NewUnit { id: unit(n), scope: 1, area: 100_00, status: UnitStatus::Delivered })
			.collect();
		Community::register_units(RuntimeOrigin::signed(REGISTRAR), C, units).unwrap();
		let verify = |who, n, role| {
			Community::verify_resident(
				RuntimeOrigin::signed(REGISTRAR),
				C,
				unit(n),
				who,
				role,
				H256::zero(),
			)
			.unwrap()
		};
		for n in 1..=10u32 {
			verify(n as AccountId, n, ResidentRole::Owner);
		}
		verify(TENANT, 1, ResidentRole::Tenant);
		verify(FAMILY, 2, ResidentRole::FamilyMember);
		Fees::set_fee_schedule(
			root(),
			C,
			YUAN,
			pallet_property_fees::ContractModel::LumpSum,
			month_of(2026, 1),
		)
		.unwrap();
		System::reset_events();
	});
	ext
}

pub use linli_test_support::CheckedExternalities as TestExternalities;
