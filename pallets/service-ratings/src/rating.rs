//! Rating: a household's stars for a category this rating period, counted
//! into the category's and the period's [`Aggregate`] as they are given.

use crate::{pallet::*, types::*, CategoryId, RatingPeriod, RatingTerms, STANDARD_CATEGORIES};
use frame_support::{ensure, pallet_prelude::*};
use linli_primitives::{
	calendar::{Month, MonthClock},
	community::{CommunityId, CommunityInspect, ResidentRole, UnitId},
};
use sp_core::H256;

impl<T: Config> Pallet<T> {
	/// The billing months `(first, last)` of `period` under `terms`.
	pub fn months_of(terms: &RatingTerms<T::AccountId>, period: RatingPeriod) -> (Month, Month) {
		let length = terms.months_per_period as u32;
		let first = terms.first_period.saturating_add(period.saturating_mul(length));
		(first, first.saturating_add(length - 1))
	}

	/// The rating period the current month is in.
	pub fn period_now(terms: &RatingTerms<T::AccountId>) -> Option<RatingPeriod> {
		let now = T::Clock::current_month();
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
		ensure!(linli_primitives::ratings::STARS.contains(&stars), Error::<T>::BadStars);
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
		Aggregates::<T>::mutate((community, period, category), |agg| {
			if let Some(old) = &old {
				agg.remove(old.stars);
			}
			agg.add(stars);
		});
		if let Some(old) = &old {
			record.overall.remove(old.stars);
		} else {
			HouseholdRatings::<T>::mutate((community, period, unit), |n| {
				if *n == 0 {
					record.households_rated += 1;
				}
				*n += 1;
			});
		}
		record.overall.add(stars);
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
}
