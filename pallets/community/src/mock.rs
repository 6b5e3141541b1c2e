//! A test runtime with the community pallet.

use crate as pallet_community;
use frame_support::{derive_impl, traits::EnsureOriginWithArg};
use frame_system::RawOrigin;
use linli_primitives::governance::RoleOf;
use sp_runtime::BuildStorage;

pub type AccountId = u64;
type Block = frame_system::mocking::MockBlock<Test>;

linli_test_support::construct_test_runtime!(Test {
	0 => System: frame_system,
	1 => Community: pallet_community,
});

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

/// The account that stands for the district authority's "admin" of a
/// community in tests: root, or a signed `ADMIN_OF_1` for community 1 only
/// (to show `AdminOrigin` is per community).
pub const ADMIN_OF_1: AccountId = 999;

pub struct TestAdminOrigin;
impl EnsureOriginWithArg<RuntimeOrigin, RoleOf> for TestAdminOrigin {
	type Success = ();
	fn try_origin(o: RuntimeOrigin, role: &RoleOf) -> Result<(), RuntimeOrigin> {
		match o.clone().into() {
			Ok(RawOrigin::Root) => Ok(()),
			Ok(RawOrigin::Signed(who)) if who == ADMIN_OF_1 && role.community == 1 => Ok(()),
			_ => Err(o),
		}
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin(_: &RoleOf) -> Result<RuntimeOrigin, ()> {
		Ok(RuntimeOrigin::root())
	}
}

linli_test_support::impl_community_config!(Test {
	AdminOrigin = TestAdminOrigin,
	VoterChanges = (),
	UnitChanges = (),
	MaxUnitsPerCall = 200,
	MaxCommitteeTerm = 1_000,
});

/// Externalities with no communities; `try_state` runs after the test.
pub fn new_test_ext() -> TestExternalities {
	let storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let mut ext = TestExternalities::new(storage, Community::do_try_state);
	ext.0.execute_with(|| System::set_block_number(1));
	ext
}

pub use linli_test_support::CheckedExternalities as TestExternalities;
