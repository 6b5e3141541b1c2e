//! A test runtime: balances, the real identity pallet (through the glue
//! trait only) and the fees pallet, with a settable billing clock.

use crate as pallet_property_fees;
use frame_support::{
	derive_impl,
	traits::{AsEnsureOriginWithArg, ConstU128},
};
use frame_system::EnsureRoot;
use linli_primitives::{
	community::{Area, CommunityId, ResidentRole, UnitId, UnitStatus},
	fees::RootApproves,
};
use pallet_community::NewUnit;
use sp_core::H256;

/// Wide enough for the funds' sub-accounts (`modl` + pallet id + fund +
/// community) to stay distinct, as they are with the runtime's 32 bytes.
pub type AccountId = u128;
pub type Balance = u128;

linli_test_support::construct_test_runtime!(Test {
	0 => System: frame_system,
	1 => Balances: pallet_balances,
	2 => Community: pallet_community,
	3 => Fees: pallet_property_fees,
});

linli_test_support::impl_system_and_balances!(Test, ExistentialDeposit = ConstU128<1>);

linli_test_support::impl_community_config!(Test {
	AdminOrigin = AsEnsureOriginWithArg<EnsureRoot<AccountId>>,
	VoterChanges = (),
	UnitChanges = Fees,
	MaxUnitsPerCall = 500,
	MaxCommitteeTerm = 1_000,
});

linli_test_support::impl_fees_config!(Test {
	HeldBackShare = (),
	ScheduleOrigin = RootApproves<AccountId>,
	BudgetOrigin = RootApproves<AccountId>,
	MaintenanceSpendOrigin = RootApproves<AccountId>,
	MaintenanceRaiseOrigin = RootApproves<AccountId>,
	PublicIncomeSpendOrigin = RootApproves<AccountId>,
});

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
pub use linli_test_support::{Now, YUAN};

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
	let accounts = [ALICE, BOB, CAROL, TENANT, STRANGER, PARKING_OPERATOR, DEVELOPER, MANAGER];
	let mut ext = TestExternalities::new(
		linli_test_support::endowed::<Test>(accounts, 1_000_000 * YUAN),
		|| {
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
		let units = [(1, AREA_1, UnitStatus::Delivered), (2, AREA_2, UnitStatus::Delivered)]
			.into_iter()
			.chain([(3, AREA_3, UnitStatus::Delivered), (4, AREA_4, UnitStatus::DeveloperHeld)])
			.map(|(n, area, status)| NewUnit {
				id: unit(n),
				scope: 1 + (n as u32 % 2),
				area,
				status,
			})
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
	ext
}

pub use linli_test_support::CheckedExternalities as TestExternalities;
