//! A test runtime: the system pallet and the calendar, over a settable
//! block timestamp.

use crate as pallet_calendar;
use frame_support::{derive_impl, parameter_types, traits::ConstU32};
use frame_system::EnsureRoot;
use linli_primitives::calendar::{month_of, month_start_unix_millis};
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

linli_test_support::construct_test_runtime!(Test {
	0 => System: frame_system,
	1 => Calendar: pallet_calendar,
});

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

parameter_types! {
	/// The block timestamp, in Unix milliseconds.
	pub static NowMillis: u64 = 0;
}

/// The test's block timestamp.
pub struct TestTime;
impl frame_support::traits::Time for TestTime {
	type Moment = u64;
	fn now() -> u64 {
		NowMillis::get()
	}
}

impl pallet_calendar::Config for Test {
	type Time = TestTime;
	type AdvanceOrigin = EnsureRoot<u64>;
	type MaxMonthsPerAdvance = ConstU32<24>;
	type WeightInfo = ();
}

/// Sets the block timestamp to `day` of `year`-`month`, midday Beijing time.
pub fn set_date(year: u32, month: u32, day: u64) {
	NowMillis::set(
		month_start_unix_millis(month_of(year, month)) + (day - 1) * 86_400_000 + 12 * 3_600_000,
	);
}

/// A chain whose calendar is `advanceable`, on 2026-11-15; the calendar's
/// `try_state` runs after the test.
pub fn new_test_ext(advanceable: bool) -> TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_calendar::GenesisConfig::<Test> { advanceable, ..Default::default() }
		.assimilate_storage(&mut storage)
		.unwrap();
	let mut ext = TestExternalities::new(storage, Calendar::do_try_state);
	ext.0.execute_with(|| {
		System::set_block_number(1);
		set_date(2026, 11, 15);
	});
	ext
}

pub use linli_test_support::CheckedExternalities as TestExternalities;
