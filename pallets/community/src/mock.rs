//! A test runtime with the community pallet.

use crate as pallet_community;
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, ConstU64, EnsureOriginWithArg},
};
use frame_system::{EnsureRoot, RawOrigin};
use linli_primitives::governance::RoleOf;
use sp_runtime::BuildStorage;

pub type AccountId = u64;
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
	pub type Community = pallet_community;
}

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

parameter_types! {
	pub const MaxCommitteeTerm: u64 = 1_000;
}

impl pallet_community::Config for Test {
	type CreateOrigin = EnsureRoot<AccountId>;
	type AdminOrigin = TestAdminOrigin;
	type MaxNameLength = ConstU32<32>;
	type MaxRegistrars = ConstU32<3>;
	type MaxCommitteeSize = ConstU32<11>;
	type MaxPropertyManagers = ConstU32<3>;
	type MaxUnitsPerCall = ConstU32<200>;
	type MaxResidentsPerUnit = ConstU32<6>;
	type MaxUnitsPerAccount = ConstU32<4>;
	type MaxCommitteeTerm = MaxCommitteeTerm;
	type VoterAccountChanged = ();
	type UnitChanges = ();
	type RotationDelay = ConstU64<10>;
	type WeightInfo = ();
}

/// Externalities with no communities; `try_state` runs after the test.
pub fn new_test_ext() -> TestExternalities {
	let storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	TestExternalities(ext)
}

/// Runs a test, then checks the pallet's invariants on the final state.
pub struct TestExternalities(sp_io::TestExternalities);

impl TestExternalities {
	pub fn execute_with<R>(&mut self, test: impl FnOnce() -> R) -> R {
		self.0.execute_with(|| {
			let r = test();
			Community::do_try_state().expect("try_state invariants hold after the test");
			r
		})
	}
}

