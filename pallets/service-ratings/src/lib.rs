//! # Service-ratings pallet: satisfaction scores that decide part of the
//! property company's pay
//!
//! Residents rate the property services; the scores are public and the
//! contract's consequence happens by itself (DOMAIN.md "Service-quality
//! evaluation").
//!
//! - **Categories**: the six service areas of DOMAIN.md (客服, 房屋管理,
//!   维修养护, 秩序维护, 保洁, 绿化), plus up to `MaxCustomCategories` of the
//!   community's own.
//! - **Periods**: per community, `months_per_period` calendar months (a
//!   quarter, say) from `first_period`, by the fees pallet's billing clock.
//! - **Ratings**: one per household (unit) per category per period, given by
//!   a verified owner, co-owner or tenant of the unit, 1–5 stars, with an
//!   optional hash of a written comment kept off chain. A household's later
//!   rating in the same period replaces its earlier one (whoever of its
//!   residents gives it).
//! - **Aggregates** per category and overall (count, sum of stars, ratings
//!   of ≥ 4 stars) change in O(1) per rating and are kept for every period.
//! - **Consequence**: the contract's `held_back` share of every property-fee
//!   payment goes into escrow as it is paid (the fees pallet asks this
//!   pallet's [`HeldBackShare`](linli_primitives::fees::HeldBackShare)), so
//!   the company cannot spend it before the owners rate; under 酬金制 the
//!   share comes out of the company's remuneration. When a period has ended
//!   anyone may close it: what was held for its months is released to the
//!   company if overall satisfaction ≥ `threshold` (80 %: the grade-1 bar)
//!   and at least `quorum` of households rated, or returned to the owners'
//!   operating fund otherwise — every movement a ledger entry of the fees
//!   pallet.
//!
//! ## Where the code lives
//! - `lib.rs`: config, storage, events, errors and the calls;
//! - the rules are in `linli_primitives::ratings`: a rating of
//!   [`SATISFIED_STARS`](linli_primitives::ratings::SATISFIED_STARS) or more
//!   is satisfied, and an [`Aggregate`] adds and removes ratings;
//! - [`types`]: the stored types; `rating.rs`: rating;
//! - `settlement.rs`: closing a period, and the held-back share;
//! - `views.rs`: what the runtime API serves; `invariants.rs`: `try_state`.
//!
//! ## Calls
//! | call | origin | event |
//! |---|---|---|
//! | [`set_rating_terms`](Pallet::set_rating_terms) | `TermsOrigin` (owners' decision on the company's contract) | `RatingTermsSet` |
//! | [`add_category`](Pallet::add_category) | `TermsOrigin` | `CategoryAdded` |
//! | [`rate`](Pallet::rate) | a verified owner or tenant of the unit | `Rated` |
//! | [`close_period`](Pallet::close_period) | anyone, after the period | `PeriodClosed` |
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod invariants;
pub mod migrations;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
mod rating;
mod settlement;
pub mod types;
mod views;
pub mod weights;

pub use linli_primitives::ratings::{
	Aggregate, CategoryId, PeriodScores, RatingPeriod, RatingTerms, Settlement, Shortfall, STANDARD_CATEGORIES,
};
pub use types::{PeriodRecord, Rating};
pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{pallet_prelude::*, traits::EnsureOriginWithArg};
	use frame_system::pallet_prelude::*;
	use linli_primitives::{
		calendar::MonthClock,
		community::{CommunityId, CommunityInspect, UnitId},
		fees::CommunityFunds,
	};
	use sp_core::H256;

	/// The in-code storage version.
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	/// The funds' balance type.
	pub type BalanceOf<T> =
		<<T as Config>::Funds as CommunityFunds<<T as frame_system::Config>::AccountId>>::Balance;

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Communities, units and residents.
		type Community: CommunityInspect<Self::AccountId>;
		/// The funds' ledger: fee income, escrow.
		type Funds: CommunityFunds<Self::AccountId, Balance: frame_support::traits::tokens::Balance>;
		/// Which billing month it is.
		type Clock: MonthClock;
		/// Sets a community's rating terms and categories (the owners'
		/// decision on the company's contract, or the authority).
		type TermsOrigin: EnsureOriginWithArg<Self::RuntimeOrigin, CommunityId>;
		/// How many categories of its own a community may add.
		#[pallet::constant]
		type MaxCustomCategories: Get<u32>;
		/// Longest name of a community's own category, in bytes.
		#[pallet::constant]
		type MaxCategoryName: Get<u32>;
		/// Measured weights.
		type WeightInfo: WeightInfo;
		/// Sets up communities for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: linli_primitives::community::CommunityBenchmarking<Self::AccountId>;
	}

	/// A community's rating terms.
	#[pallet::storage]
	pub type Terms<T: Config> = StorageMap<_, Blake2_128Concat, CommunityId, RatingTerms<T::AccountId>>;

	/// A community's own categories (ids 6, 7, … in this order).
	#[pallet::storage]
	pub type CustomCategories<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		CommunityId,
		BoundedVec<BoundedVec<u8, T::MaxCategoryName>, T::MaxCustomCategories>,
		ValueQuery,
	>;

	/// Every household's rating, by community, period, unit and category.
	#[pallet::storage]
	pub type Ratings<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Blake2_128Concat, CommunityId>,
			NMapKey<Twox64Concat, RatingPeriod>,
			NMapKey<Identity, UnitId>,
			NMapKey<Twox64Concat, CategoryId>,
		),
		Rating<T::AccountId>,
	>;

	/// How many categories a household rated in a period.
	#[pallet::storage]
	pub type HouseholdRatings<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Blake2_128Concat, CommunityId>,
			NMapKey<Twox64Concat, RatingPeriod>,
			NMapKey<Identity, UnitId>,
		),
		u8,
		ValueQuery,
	>;

	/// Aggregates per category and period.
	#[pallet::storage]
	pub type Aggregates<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Blake2_128Concat, CommunityId>,
			NMapKey<Twox64Concat, RatingPeriod>,
			NMapKey<Twox64Concat, CategoryId>,
		),
		Aggregate,
		ValueQuery,
	>;

	/// Each period's overall aggregate, households and settlement.
	#[pallet::storage]
	pub type Periods<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		CommunityId,
		Twox64Concat,
		RatingPeriod,
		PeriodRecord<BalanceOf<T>>,
		ValueQuery,
	>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A community's rating terms were set.
		RatingTermsSet {
			/// The community.
			community: CommunityId,
			/// The terms.
			terms: RatingTerms<T::AccountId>,
		},
		/// A community added a category of its own.
		CategoryAdded {
			/// The community.
			community: CommunityId,
			/// The new category's number.
			category: CategoryId,
			/// Its name, UTF-8.
			name: Vec<u8>,
		},
		/// A household rated a category (replacing `replaced`, its earlier
		/// rating this period, if any).
		Rated {
			/// The community.
			community: CommunityId,
			/// The rating period.
			period: RatingPeriod,
			/// The unit.
			unit: UnitId,
			/// The category rated.
			category: CategoryId,
			/// 1–5 stars.
			stars: u8,
			/// The resident who gave the rating.
			by: T::AccountId,
			/// Hash of a written comment, kept off chain.
			comment: Option<H256>,
			/// The stars of the household's earlier rating this period, if this one replaced it.
			replaced: Option<u8>,
		},
		/// A period was closed and its held-back pay settled.
		PeriodClosed {
			/// The community.
			community: CommunityId,
			/// The rating period.
			period: RatingPeriod,
			/// All the period's ratings together.
			overall: Aggregate,
			/// Households that rated at least one category.
			households_rated: u32,
			/// What closing it decided.
			settlement: Settlement<BalanceOf<T>>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No such community.
		UnknownCommunity,
		/// The community has no rating terms.
		NoRatingTerms,
		/// A period lasts 1–12 months.
		BadPeriodLength,
		/// The first period and the period length cannot change once set:
		/// past periods are numbered by them.
		TermsFixed,
		/// No such category.
		UnknownCategory,
		/// The community has no room for another category.
		TooManyCategories,
		/// The category name is empty or too long.
		BadCategoryName,
		/// Stars are 1 to 5.
		BadStars,
		/// Only a verified owner, co-owner or tenant of the unit rates it.
		NotAResident,
		/// The first rating period has not begun.
		NotStarted,
		/// The period has not ended yet.
		PeriodNotOver,
		/// The period was already closed.
		AlreadyClosed,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(
				STANDARD_CATEGORIES.len() as u32 + T::MaxCustomCategories::get() <= u8::MAX as u32,
				"category ids are bytes"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Set `community`'s rating terms: the periods (fixed once set),
		/// the share of fees held back from the company, the satisfaction
		/// threshold, the households' quorum, and the company's account.
		///
		/// Origin: `TermsOrigin` for `community`. Emits `RatingTermsSet`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::set_rating_terms())]
		pub fn set_rating_terms(
			origin: OriginFor<T>,
			community: CommunityId,
			terms: RatingTerms<T::AccountId>,
		) -> DispatchResult {
			T::TermsOrigin::ensure_origin(origin, &community)?;
			ensure!(T::Community::community_exists(community), Error::<T>::UnknownCommunity);
			ensure!((1..=12).contains(&terms.months_per_period), Error::<T>::BadPeriodLength);
			if let Some(old) = Terms::<T>::get(community) {
				ensure!(
					old.first_period == terms.first_period && old.months_per_period == terms.months_per_period,
					Error::<T>::TermsFixed
				);
			}
			Terms::<T>::insert(community, &terms);
			Self::deposit_event(Event::RatingTermsSet { community, terms });
			Ok(())
		}

		/// Add a category of `community`'s own, named `name` (UTF-8).
		///
		/// Origin: `TermsOrigin` for `community`. Emits `CategoryAdded`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::add_category())]
		pub fn add_category(origin: OriginFor<T>, community: CommunityId, name: Vec<u8>) -> DispatchResult {
			T::TermsOrigin::ensure_origin(origin, &community)?;
			ensure!(T::Community::community_exists(community), Error::<T>::UnknownCommunity);
			ensure!(!name.is_empty(), Error::<T>::BadCategoryName);
			let bounded: BoundedVec<u8, T::MaxCategoryName> =
				name.clone().try_into().map_err(|_| Error::<T>::BadCategoryName)?;
			let category = CustomCategories::<T>::try_mutate(community, |list| {
				list.try_push(bounded).map_err(|_| Error::<T>::TooManyCategories)?;
				Ok::<_, Error<T>>((STANDARD_CATEGORIES.len() + list.len() - 1) as CategoryId)
			})?;
			Self::deposit_event(Event::CategoryAdded { community, category, name });
			Ok(())
		}

		/// Rate `category` of the property services this period for `unit`:
		/// 1–5 stars and, optionally, the hash of a written comment kept off
		/// chain. Rating again this period replaces the household's rating.
		///
		/// Origin: signed, a verified owner, co-owner or tenant of `unit`.
		/// Emits `Rated`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::rate())]
		pub fn rate(
			origin: OriginFor<T>,
			community: CommunityId,
			unit: UnitId,
			category: CategoryId,
			stars: u8,
			comment: Option<H256>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_rate(who, community, unit, category, stars, comment)
		}

		/// Close `period` of `community` once it has ended: release what was
		/// held back of the fees paid in its months to the company if
		/// satisfaction and quorum were met, or return it to the owners'
		/// operating fund.
		///
		/// Origin: signed, anyone. Emits `PeriodClosed`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::close_period())]
		pub fn close_period(origin: OriginFor<T>, community: CommunityId, period: RatingPeriod) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_close_period(community, period)
		}
	}


}
