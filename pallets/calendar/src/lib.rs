//! # Calendar pallet: which month it is on chain
//!
//! Property fees are billed and services rated by calendar month in Beijing
//! time (DOMAIN.md). This pallet is the one place that says which month it
//! is: the month of the block timestamp, plus `MonthsAhead`.
//!
//! On a production chain `MonthsAhead` is always 0 and the calendar simply
//! follows the clock. A dev or test chain is created `advanceable` (in its
//! genesis) so that a community's year — twelve bills, a rating quarter, a
//! late payer's grace months — can be lived through in minutes: the
//! `AdvanceOrigin` moves the calendar ahead, never back, so every period
//! the other pallets see still comes after the one before.
//!
//! It implements [`MonthClock`](linli_primitives::calendar::MonthClock) for the fees and ratings pallets.
//!
//! ## Calls
//! | call | origin | event |
//! |---|---|---|
//! | [`advance`](Pallet::advance) | `AdvanceOrigin` (root), on an advanceable chain | `CalendarAdvanced` |
//!
//! ## Runtime API
//! `CalendarApi::today` (`pallet-calendar-runtime-api`): the current period,
//! its year and month, and how far the calendar was moved ahead.
#![cfg_attr(not(feature = "std"), no_std)]

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod migrations;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod weights;

pub use linli_primitives::calendar::Today;
pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{pallet_prelude::*, traits::Time};
	use frame_system::pallet_prelude::*;
	use linli_primitives::calendar::{Month, MonthClock, month_of_unix_millis, year_month};

	/// The in-code storage version.
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The block timestamp, in milliseconds since the Unix epoch.
		type Time: Time<Moment = u64>;
		/// May move an advanceable calendar ahead.
		type AdvanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// The most months one `advance` may skip.
		#[pallet::constant]
		type MaxMonthsPerAdvance: Get<u32>;
		/// Measured weights.
		type WeightInfo: WeightInfo;
	}

	/// Whether the calendar may be moved ahead of the clock: set in the
	/// genesis of dev and test chains only.
	#[pallet::storage]
	pub type Advanceable<T: Config> = StorageValue<_, bool, ValueQuery>;

	/// How many months the calendar runs ahead of the block timestamp.
	#[pallet::storage]
	pub type MonthsAhead<T: Config> = StorageValue<_, u32, ValueQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// A dev or test chain whose calendar may be moved ahead.
		pub advanceable: bool,
		#[serde(skip)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			Advanceable::<T>::put(self.advanceable);
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// The calendar was moved `months` ahead; it is now `period`
		/// (`year`-`month`).
		CalendarAdvanced {
			/// How many months it moved.
			months: u32,
			/// The month it is now (months since 1970-01).
			period: Month,
			/// Its year.
			year: u32,
			/// Its month, 1–12.
			month: u32,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// This chain's calendar follows the clock; it cannot be moved.
		NotAdvanceable,
		/// Moving by zero months changes nothing.
		ZeroMonths,
		/// More months than `MaxMonthsPerAdvance` at once.
		TooManyMonths,
		/// The calendar would run past the last representable month.
		Overflow,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Move the calendar `months` ahead (1 to `MaxMonthsPerAdvance`), as
		/// if that many months passed without a block. Bills fall due, rating
		/// periods end and grace months run out as they would in real time.
		///
		/// Origin: `AdvanceOrigin`, and only on a chain created advanceable.
		/// Emits `CalendarAdvanced`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::advance())]
		pub fn advance(origin: OriginFor<T>, months: u32) -> DispatchResult {
			T::AdvanceOrigin::ensure_origin(origin)?;
			ensure!(Advanceable::<T>::get(), Error::<T>::NotAdvanceable);
			ensure!(months > 0, Error::<T>::ZeroMonths);
			ensure!(months <= T::MaxMonthsPerAdvance::get(), Error::<T>::TooManyMonths);
			let ahead = MonthsAhead::<T>::get().checked_add(months).ok_or(Error::<T>::Overflow)?;
			let period = Self::clock_period().checked_add(ahead).ok_or(Error::<T>::Overflow)?;
			MonthsAhead::<T>::put(ahead);
			let (year, month) = year_month(period);
			Self::deposit_event(Event::CalendarAdvanced { months, period, year, month });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// The month of the block timestamp alone.
		pub fn clock_period() -> Month {
			month_of_unix_millis(T::Time::now())
		}

		/// The current month and how it came about.
		pub fn today() -> Today {
			let period = <Self as MonthClock>::current_month();
			let (year, month) = year_month(period);
			Today {
				period,
				year,
				month,
				months_ahead: MonthsAhead::<T>::get(),
				advanceable: Advanceable::<T>::get(),
			}
		}

		/// A calendar that may not move has never moved.
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			ensure!(
				Advanceable::<T>::get() || MonthsAhead::<T>::get() == 0,
				"a calendar that is not advanceable runs ahead of the clock"
			);
			Ok(())
		}
	}

	impl<T: Config> MonthClock for Pallet<T> {
		fn current_month() -> Month {
			Self::clock_period().saturating_add(MonthsAhead::<T>::get())
		}

		/// Benchmarks start from a zero timestamp and only move forward.
		#[cfg(feature = "runtime-benchmarks")]
		fn set_current_month(period: Month) {
			let clock = Self::clock_period();
			debug_assert!(clock <= period, "benchmarks cannot move the calendar before the clock");
			Advanceable::<T>::put(true);
			MonthsAhead::<T>::put(period.saturating_sub(clock));
		}
	}
}
