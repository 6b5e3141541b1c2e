//! A test runtime: session (one-block sessions on request, `UintAuthorityId`
//! keys) managed by this pallet, as the runtime wires them.

use crate as pallet_validator_set;
use frame_support::{
	derive_impl,
	traits::{ConstU128, ConstU32},
};
use frame_system::EnsureRoot;
use sp_runtime::{testing::UintAuthorityId, BuildStorage};

pub type AccountId = u128;

linli_test_support::construct_test_runtime!(Test {
	0 => System: frame_system,
	1 => Balances: pallet_balances,
	2 => ValidatorSet: pallet_validator_set,
	3 => Session: pallet_session,
});

linli_test_support::impl_system_and_balances!(Test, ExistentialDeposit = ConstU128<1>);

impl pallet_session::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = AccountId;
	type ValidatorIdOf = pallet_validator_set::ValidatorOf<Test>;
	type ShouldEndSession = ValidatorSet;
	type NextSessionRotation = ValidatorSet;
	type SessionManager = ValidatorSet;
	type SessionHandler = pallet_session::TestSessionHandler;
	type Keys = UintAuthorityId;
	type DisablingStrategy = ();
	type WeightInfo = ();
	type Currency = Balances;
	type KeyDeposit = ConstU128<0>;
}

impl pallet_validator_set::Config for Test {
	type ManageOrigin = EnsureRoot<AccountId>;
	type MaxValidators = ConstU32<6>;
	type WeightInfo = ();
}

/// Blocks per session in the tests.
pub const SESSION_LENGTH: u64 = 5;

/// The four genesis validators (accounts 1–4, keys 1–4).
pub const GENESIS: [AccountId; 4] = [1, 2, 3, 4];
/// A fifth server's account, endowed but not validating.
pub const NEWCOMER: AccountId = 5;
/// An account with no part in validation.
pub const STRANGER: AccountId = 9;

/// Four validators with keys, a minimum of three, sessions of five
/// blocks; `try_state` runs after the test.
pub fn new_test_ext() -> TestExternalities {
	let mut storage = linli_test_support::endowed::<Test>([1, 2, 3, 4, NEWCOMER, 6, STRANGER], 1_000);
	pallet_validator_set::GenesisConfig::<Test> {
		validators: GENESIS.to_vec(),
		min_validators: 3,
		session_length: SESSION_LENGTH,
	}
		.assimilate_storage(&mut storage)
		.unwrap();
	pallet_session::GenesisConfig::<Test> {
		keys: GENESIS.iter().map(|&v| (v, v, UintAuthorityId(v as u64))).collect(),
		non_authority_keys: vec![],
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = TestExternalities::new(storage, check);
	ext.0.execute_with(|| System::set_block_number(1));
	ext
}

fn check() -> Result<(), sp_runtime::TryRuntimeError> {
	ValidatorSet::do_try_state()
}

/// Ends the current session (as session's `on_initialize` does at a
/// session's last block).
pub fn rotate() {
	Session::rotate_session();
}

pub use linli_test_support::CheckedExternalities as TestExternalities;
