//! # Linli test support
//!
//! What every pallet's `mock.rs` would otherwise write again: the system and
//! balances configs of a test runtime ([`impl_system_and_balances!`]), the
//! community pallet's config ([`impl_community_config!`]), the fees
//! pallet's config ([`impl_fees_config!`]), a settable month clock
//! ([`TestClock`]), externalities that check every pallet's `try_state`
//! after each test ([`CheckedExternalities`]), and fixtures ([`unit_id`],
//! [`YUAN`], [`endowed`]).
//!
//! A pallet's own crate cannot be a dependency of this one (its tests would
//! then see two copies of it), so the configs are macros: they expand in
//! the mock, where `pallet_community` and `pallet_property_fees` name the
//! pallets (`use crate as pallet_community;` inside the community pallet).
//! Dev-only: no runtime depends on it.

pub use frame_support;
pub use frame_system;
pub use pallet_balances;
pub use sp_runtime;

use linli_primitives::{
	calendar::{month_of, Month, MonthClock},
	community::UnitId,
};
use sp_core::H256;
use sp_runtime::{BuildStorage, Perbill, TryRuntimeError};

/// One 元 in the tests' currency: the runtime's 12 decimals scaled down to
/// 6 (1 元 = 1_000_000).
pub const YUAN: u128 = 1_000_000;

/// The month every test starts in.
pub const START: Month = month_of(2026, 1);

frame_support::parameter_types! {
	/// The month "now" in tests ([`TestClock`]); every test starts at
	/// [`START`].
	pub static Now: Month = START;
	/// The fees pallet's id.
	pub const FeesPalletId: frame_support::PalletId = frame_support::PalletId(*b"linli/fe");
	/// Emergency repairs: 5 % of the maintenance fund a year by default.
	pub const DefaultEmergencyCap: Perbill = Perbill::from_percent(5);
	/// Emergency repairs: at most 20 % a year by a community's rule.
	pub const MaxEmergencyCap: Perbill = Perbill::from_percent(20);
	/// Late fees: at most 3 % a month.
	pub const MaxLateFeeRate: Perbill = Perbill::from_percent(3);
	/// Late fees: at most 30 % of the principal in all.
	pub const MaxLateFeeCap: Perbill = Perbill::from_percent(30);
}

/// A month clock the test sets with `Now::set`.
pub struct TestClock;

impl MonthClock for TestClock {
	fn current_month() -> Month {
		Now::get()
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn set_current_month(month: Month) {
		Now::set(month)
	}
}

/// Unit `n`'s id: `n` big-endian in the first four bytes.
pub fn unit_id(n: u32) -> UnitId {
	let mut id = [0u8; 32];
	id[..4].copy_from_slice(&n.to_be_bytes());
	H256(id)
}

/// Genesis storage of a test runtime with `accounts` endowed with `amount`
/// each.
pub fn endowed<T: pallet_balances::Config>(
	accounts: impl IntoIterator<Item = T::AccountId>,
	amount: T::Balance,
) -> sp_runtime::Storage {
	let mut storage =
		frame_system::GenesisConfig::<T>::default().build_storage().expect("system genesis builds");
	pallet_balances::GenesisConfig::<T> {
		balances: accounts.into_iter().map(|a| (a, amount)).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.expect("balances genesis builds");
	storage
}

/// Test externalities that run `check` (every pallet's `try_state`) after
/// each test, on the state the test left.
pub struct CheckedExternalities(
	pub sp_io::TestExternalities,
	pub fn() -> Result<(), TryRuntimeError>,
);

impl CheckedExternalities {
	/// Externalities over `storage` at block 1, on [`START`], checked by
	/// `check`.
	pub fn new(storage: sp_runtime::Storage, check: fn() -> Result<(), TryRuntimeError>) -> Self {
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| Now::set(START));
		Self(ext, check)
	}

	/// Runs `test`, then the invariants.
	pub fn execute_with<R>(&mut self, test: impl FnOnce() -> R) -> R {
		let check = self.1;
		self.0.execute_with(|| {
			let r = test();
			check().expect("try_state invariants hold after the test");
			r
		})
	}
}

/// A test runtime `$runtime` of the listed pallets (an instance as
/// `pallet_collective<Instance1>`) at their indices, with
/// every aggregate type the pallets may need (`RuntimeCall`,
/// `RuntimeEvent`, `RuntimeHoldReason`, …).
#[macro_export]
macro_rules! construct_test_runtime {
	($runtime:ident { $($index:literal => $name:ident: $pallet:ident $(<$instance:ident>)?),* $(,)? }) => {
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
			pub struct $runtime;

			$(
				#[runtime::pallet_index($index)]
				pub type $name = $pallet $(<$instance>)?;
			)*
		}
	};
}

/// `frame_system` (accounts are `u128`, wide enough for the funds'
/// sub-accounts to stay distinct, as with the runtime's 32 bytes) and
/// `pallet_balances` for the test runtime `$runtime`, whose `System` and
/// `RuntimeHoldReason` the `#[frame_support::runtime]` macro defined (the
/// mock's crate depends on `frame_support`, `frame_system` and
/// `pallet_balances`, and imports `frame_support::derive_impl`).
#[macro_export]
macro_rules! impl_system_and_balances {
	($runtime:ident, ExistentialDeposit = $ed:ty) => {
		// `derive_impl` needs the preludes by the mock's own paths.
		#[frame_support::derive_impl(frame_system::config_preludes::TestDefaultConfig)]
		impl frame_system::Config for $runtime {
			type Block = $crate::frame_system::mocking::MockBlock<$runtime>;
			type AccountId = u128;
			type Lookup = $crate::sp_runtime::traits::IdentityLookup<u128>;
			type AccountData = $crate::pallet_balances::AccountData<u128>;
		}

		#[frame_support::derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
		impl pallet_balances::Config for $runtime {
			type Balance = u128;
			type ExistentialDeposit = $ed;
			type AccountStore = System;
			type RuntimeHoldReason = RuntimeHoldReason;
		}
	};
}

/// The community pallet's config for `$runtime`: what differs between the
/// mocks is named, the limits are the same everywhere.
#[macro_export]
macro_rules! impl_community_config {
	($runtime:ident {
		AdminOrigin = $admin:ty,
		VoterChanges = $voter:ty,
		UnitChanges = $units:ty,
		MaxUnitsPerCall = $per_call:literal,
		MaxCommitteeTerm = $term:literal $(,)?
	}) => {
		impl pallet_community::Config for $runtime {
			type CreateOrigin = $crate::frame_system::EnsureRoot<
				<$runtime as $crate::frame_system::Config>::AccountId,
			>;
			type AdminOrigin = $admin;
			type MaxNameLength = $crate::frame_support::traits::ConstU32<32>;
			type MaxRegistrars = $crate::frame_support::traits::ConstU32<3>;
			type MaxCommitteeSize = $crate::frame_support::traits::ConstU32<11>;
			type MaxPropertyManagers = $crate::frame_support::traits::ConstU32<3>;
			type MaxUnitsPerCall = $crate::frame_support::traits::ConstU32<$per_call>;
			type MaxResidentsPerUnit = $crate::frame_support::traits::ConstU32<6>;
			type MaxUnitsPerAccount = $crate::frame_support::traits::ConstU32<4>;
			type MaxCommitteeTerm = $crate::frame_support::traits::ConstU64<$term>;
			type VoterChanges = $voter;
			type UnitChanges = $units;
			type RotationDelay = $crate::frame_support::traits::ConstU64<10>;
			type WeightInfo = ();
		}
	};
}

/// The fees pallet's config for `$runtime` (whose `Balances` and
/// `Community` are in scope): who approves what is named, the rest is the
/// same in every mock.
#[macro_export]
macro_rules! impl_fees_config {
	($runtime:ident {
		HeldBackShare = $held:ty,
		ScheduleOrigin = $schedule:ty,
		BudgetOrigin = $budget:ty,
		MaintenanceSpendOrigin = $spend:ty,
		MaintenanceRaiseOrigin = $raise:ty,
		PublicIncomeSpendOrigin = $public:ty $(,)?
	}) => {
		impl pallet_property_fees::Config for $runtime {
			type Currency = Balances;
			type RuntimeHoldReason = RuntimeHoldReason;
			type Community = Community;
			type Clock = $crate::TestClock;
			type HeldBackShare = $held;
			type PalletId = $crate::FeesPalletId;
			type ScheduleOrigin = $schedule;
			type BudgetOrigin = $budget;
			type ManagerOrigin = linli_primitives::fees::ApprovedBy<
				linli_primitives::community::EnsurePropertyManager<Community, u128>,
			>;
			type MaintenanceSpendOrigin = $spend;
			type MaintenanceRaiseOrigin = $raise;
			type EmergencyOrigin = $crate::frame_support::traits::EitherOf<
				linli_primitives::community::EnsureCommitteeMember<Community, u128>,
				linli_primitives::community::EnsurePropertyManager<Community, u128>,
			>;
			type DefaultEmergencyCap = $crate::DefaultEmergencyCap;
			type MaxEmergencyCap = $crate::MaxEmergencyCap;
			type MaxPendingEmergencies = $crate::frame_support::traits::ConstU32<2>;
			type MinimumPayment = $crate::frame_support::traits::ConstU128<{ $crate::YUAN / 100 }>;
			type PublicIncomeSpendOrigin = $public;
			type MaxSchedules = $crate::frame_support::traits::ConstU32<8>;
			type MaxMaintenanceRounds = $crate::frame_support::traits::ConstU32<4>;
			type MaxPrepaidPeriods = $crate::frame_support::traits::ConstU8<24>;
			type MaxLateFeeRate = $crate::MaxLateFeeRate;
			type MaxLateFeeCap = $crate::MaxLateFeeCap;
			type WeightInfo = ();
			#[cfg(feature = "runtime-benchmarks")]
			type BenchmarkHelper = Community;
		}
	};
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn unit_ids_differ_and_sort_by_number() {
		assert_ne!(unit_id(1), unit_id(2));
		assert!(unit_id(1) < unit_id(256));
	}

	#[test]
	fn checked_externalities_reject_a_broken_invariant() {
		fn broken() -> Result<(), TryRuntimeError> {
			Err("broken".into())
		}
		let mut ext = CheckedExternalities::new(Default::default(), broken);
		let result =
			std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| ext.execute_with(|| ())));
		assert!(result.is_err(), "a failing try_state fails the test");
		let mut ok = CheckedExternalities::new(Default::default(), || Ok(()));
		assert_eq!(ok.execute_with(|| Now::get()), START);
	}
}
