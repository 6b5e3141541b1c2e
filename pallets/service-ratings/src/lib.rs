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
pub mod migrations;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod weights;

pub use pallet_service_ratings_runtime_api::{
	Aggregate, CategoryId, PeriodScores, RatingPeriod, RatingTerms, Settlement, Shortfall, STANDARD_CATEGORIES,
};
pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
	use frame_support::{pallet_prelude::*, traits::EnsureOriginWithArg};
	use frame_system::pallet_prelude::*;
	use linli_primitives::{
		community::{CommunityId, CommunityInspect, ResidentRole, UnitId},
		fees::{Approver, CommunityFunds, Period, PeriodClock},
	};
	use scale_info::TypeInfo;
	use sp_core::H256;
	use sp_runtime::traits::Zero;

	/// The in-code storage version.
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	/// The funds' balance type.
	pub type BalanceOf<T> =
		<<T as Config>::Funds as CommunityFunds<<T as frame_system::Config>::AccountId>>::Balance;

	/// One household's rating of one category in one period.
	#[derive(Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug)]
	pub struct Rating<AccountId> {
		/// 1–5.
		pub stars: u8,
		/// The resident who gave it.
		pub by: AccountId,
		/// Hash of a written comment kept off chain.
		pub comment: Option<H256>,
	}

	/// A period's running summary.
	#[derive(
		Clone, PartialEq, Eq, Default, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
	)]
	pub struct PeriodRecord<Balance> {
		/// All ratings together.
		pub overall: Aggregate,
		/// Households that rated at least one category.
		pub households_rated: u32,
		/// What closing it decided, once closed.
		pub settlement: Option<Settlement<Balance>>,
	}

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
		type Clock: PeriodClock;
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
		RatingTermsSet { community: CommunityId, terms: RatingTerms<T::AccountId> },
		/// A community added a category of its own.
		CategoryAdded { community: CommunityId, category: CategoryId, name: Vec<u8> },
		/// A household rated a category (replacing `replaced`, its earlier
		/// rating this period, if any).
		Rated {
			community: CommunityId,
			period: RatingPeriod,
			unit: UnitId,
			category: CategoryId,
			stars: u8,
			by: T::AccountId,
			comment: Option<H256>,
			replaced: Option<u8>,
		},
		/// A period was closed and its held-back pay settled.
		PeriodClosed {
			community: CommunityId,
			period: RatingPeriod,
			overall: Aggregate,
			households_rated: u32,
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

	impl<T: Config> Pallet<T> {
		/// The billing months `(first, last)` of `period` under `terms`.
		pub fn months_of(terms: &RatingTerms<T::AccountId>, period: RatingPeriod) -> (Period, Period) {
			let length = terms.months_per_period as u32;
			let first = terms.first_period.saturating_add(period.saturating_mul(length));
			(first, first.saturating_add(length - 1))
		}

		/// The rating period the current month is in.
		pub fn period_now(terms: &RatingTerms<T::AccountId>) -> Option<RatingPeriod> {
			let now = T::Clock::current_period();
			now.checked_sub(terms.first_period).map(|m| m / terms.months_per_period as u32)
		}

		fn category_count(community: CommunityId) -> usize {
			STANDARD_CATEGORIES.len() + CustomCategories::<T>::decode_len(community).unwrap_or(0)
		}

		pub(crate) fn do_rate(
			who: T::AccountId,
			community: CommunityId,
			unit: UnitId,
			category: CategoryId,
			stars: u8,
			comment: Option<H256>,
		) -> DispatchResult {
			let terms = Terms::<T>::get(community).ok_or(Error::<T>::NoRatingTerms)?;
			ensure!((category as usize) < Self::category_count(community), Error::<T>::UnknownCategory);
			ensure!((1..=5).contains(&stars), Error::<T>::BadStars);
			ensure!(
				matches!(
					T::Community::residency(community, &unit, &who),
					Some(ResidentRole::Owner | ResidentRole::CoOwner | ResidentRole::Tenant)
				),
				Error::<T>::NotAResident
			);
			let period = Self::period_now(&terms).ok_or(Error::<T>::NotStarted)?;
			let key = (community, period, unit, category);
			let old = Ratings::<T>::get(key);
			let mut record = Periods::<T>::get(community, period);
			let change = |agg: &mut Aggregate, stars: u8, add: bool| {
				let satisfied = u32::from(stars >= 4);
				if add {
					agg.count += 1;
					agg.sum += stars as u32;
					agg.satisfied += satisfied;
				} else {
					agg.count -= 1;
					agg.sum -= stars as u32;
					agg.satisfied -= satisfied;
				}
			};
			Aggregates::<T>::mutate((community, period, category), |agg| {
				if let Some(old) = &old {
					change(agg, old.stars, false);
				}
				change(agg, stars, true);
			});
			if let Some(old) = &old {
				change(&mut record.overall, old.stars, false);
			} else {
				HouseholdRatings::<T>::mutate((community, period, unit), |n| {
					if *n == 0 {
						record.households_rated += 1;
					}
					*n += 1;
				});
			}
			change(&mut record.overall, stars, true);
			Periods::<T>::insert(community, period, record);
			Ratings::<T>::insert(key, Rating { stars, by: who.clone(), comment });
			Self::deposit_event(Event::Rated {
				community,
				period,
				unit,
				category,
				stars,
				by: who,
				comment,
				replaced: old.map(|o| o.stars),
			});
			Ok(())
		}

		pub(crate) fn do_close_period(community: CommunityId, period: RatingPeriod) -> DispatchResult {
			let terms = Terms::<T>::get(community).ok_or(Error::<T>::NoRatingTerms)?;
			let (first, last) = Self::months_of(&terms, period);
			ensure!(T::Clock::current_period() > last, Error::<T>::PeriodNotOver);
			let mut record = Periods::<T>::get(community, period);
			ensure!(record.settlement.is_none(), Error::<T>::AlreadyClosed);

			let households = T::Community::unit_count(community);
			// Exact: rated / households ≥ quorum, satisfied / count ≥ threshold.
			let at_least = |num: u32, den: u32, bar: sp_runtime::Perbill| {
				(num as u64) * 1_000_000_000 >= (den as u64) * bar.deconstruct() as u64
			};
			let returned = if !at_least(record.households_rated, households, terms.quorum) {
				Some(Shortfall::Quorum)
			} else if record.overall.count == 0 ||
				!at_least(record.overall.satisfied, record.overall.count, terms.threshold)
			{
				Some(Shortfall::Satisfaction)
			} else {
				None
			};

			// The pay was held back in escrow as the fees came in: the
			// company could not spend it before the owners rated.
			let fee_income = T::Funds::fee_income(community, first, last);
			let release_to = returned.is_none().then_some(&terms.company);
			let held_back =
				T::Funds::settle_held_back(community, first, last, release_to, Approver::Rating(period))?;
			let settlement = Settlement { fee_income, held_back, returned, households };
			record.settlement = Some(settlement);
			Periods::<T>::insert(community, period, record.clone());
			Self::deposit_event(Event::PeriodClosed {
				community,
				period,
				overall: record.overall,
				households_rated: record.households_rated,
				settlement,
			});
			Ok(())
		}

		/// A period's scores, for the runtime API.
		pub fn scores(community: CommunityId, period: RatingPeriod) -> Option<PeriodScores<BalanceOf<T>>> {
			let terms = Terms::<T>::get(community)?;
			let record = Periods::<T>::get(community, period);
			let custom = CustomCategories::<T>::get(community);
			let names = STANDARD_CATEGORIES
				.iter()
				.map(|n| n.as_bytes().to_vec())
				.chain(custom.into_iter().map(|n| n.into_inner()));
			let categories = names
				.enumerate()
				.map(|(id, name)| {
					let agg = Aggregates::<T>::get((community, period, id as CategoryId));
					(id as CategoryId, name, agg, agg.satisfaction())
				})
				.collect();
			Some(PeriodScores {
				period,
				months: Self::months_of(&terms, period),
				categories,
				overall: record.overall,
				satisfaction: record.overall.satisfaction(),
				households_rated: record.households_rated,
				settlement: record.settlement,
			})
		}

		/// Up to `limit` periods' scores from `from` on, up to the current one.
		pub fn history(community: CommunityId, from: RatingPeriod, limit: u32) -> Vec<PeriodScores<BalanceOf<T>>> {
			let Some(now) = Terms::<T>::get(community).and_then(|t| Self::period_now(&t)) else {
				return Vec::new();
			};
			let limit = limit.min(pallet_service_ratings_runtime_api::MAX_PAGE);
			(from..=now).take(limit as usize).filter_map(|p| Self::scores(community, p)).collect()
		}

		/// Every aggregate equals the ratings it sums; a settled period holds
		/// nothing more in escrow and never settled more than its fees.
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			use alloc::collections::btree_map::BTreeMap;
			let mut by_category: BTreeMap<(CommunityId, RatingPeriod, CategoryId), Aggregate> = BTreeMap::new();
			let mut overall: BTreeMap<(CommunityId, RatingPeriod), Aggregate> = BTreeMap::new();
			let mut households: BTreeMap<(CommunityId, RatingPeriod, UnitId), u8> = BTreeMap::new();
			for ((c, p, unit, category), rating) in Ratings::<T>::iter() {
				ensure!((1..=5).contains(&rating.stars), "a rating outside 1–5 stars");
				for agg in [by_category.entry((c, p, category)).or_default(), overall.entry((c, p)).or_default()] {
					agg.count += 1;
					agg.sum += rating.stars as u32;
					agg.satisfied += u32::from(rating.stars >= 4);
				}
				*households.entry((c, p, unit)).or_default() += 1;
			}
			for ((c, p, category), agg) in Aggregates::<T>::iter() {
				ensure!(
					by_category.get(&(c, p, category)).copied().unwrap_or_default() == agg,
					"a category aggregate differs from its ratings"
				);
			}
			for ((c, p, unit), n) in HouseholdRatings::<T>::iter() {
				ensure!(households.get(&(c, p, unit)) == Some(&n), "a household count differs");
			}
			for (c, p, record) in Periods::<T>::iter() {
				ensure!(
					overall.get(&(c, p)).copied().unwrap_or_default() == record.overall,
					"a period's overall aggregate differs from its ratings"
				);
				let rated = households.keys().filter(|(hc, hp, _)| *hc == c && *hp == p).count() as u32;
				ensure!(rated == record.households_rated, "households rated differ");
				if let (Some(settlement), Some(terms)) = (record.settlement, Terms::<T>::get(c)) {
					let (first, last) = Self::months_of(&terms, p);
					ensure!(
						T::Funds::held_back(c, first, last).is_zero(),
						"a settled period still holds pay in escrow"
					);
					ensure!(settlement.held_back <= settlement.fee_income, "a settlement held back more than the fees");
				}
			}
			Ok(())
		}
	}

	impl<T: Config> linli_primitives::fees::HeldBackShare for Pallet<T> {
		fn held_back_share(community: CommunityId, month: Period) -> sp_runtime::Permill {
			Terms::<T>::get(community)
				.filter(|terms| month >= terms.first_period)
				.map_or(sp_runtime::Permill::zero(), |terms| terms.held_back)
		}
	}
}
