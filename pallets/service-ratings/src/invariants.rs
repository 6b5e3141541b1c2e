//! The `try_state` invariants: every aggregate is the sum of its ratings;
//! a settled period holds nothing more in escrow.

use crate::{pallet::*, Aggregate, CategoryId, RatingPeriod};
use frame_support::ensure;
use linli_primitives::{
	community::{CommunityId, UnitId},
	fees::CommunityFunds,
};
use sp_runtime::traits::Zero;

impl<T: Config> Pallet<T> {
	/// Every aggregate equals the ratings it sums; a settled period holds
	/// nothing more in escrow and never settled more than its fees.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		let mut by_category: BTreeMap<(CommunityId, RatingPeriod, CategoryId), Aggregate> =
			BTreeMap::new();
		let mut overall: BTreeMap<(CommunityId, RatingPeriod), Aggregate> = BTreeMap::new();
		let mut households: BTreeMap<(CommunityId, RatingPeriod, UnitId), u8> = BTreeMap::new();
		for ((c, p, unit, category), rating) in Ratings::<T>::iter() {
			ensure!(linli_primitives::ratings::STARS.contains(&rating.stars), "a rating outside 1–5 stars");
			by_category.entry((c, p, category)).or_default().add(rating.stars);
			overall.entry((c, p)).or_default().add(rating.stars);
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
				ensure!(
					settlement.held_back <= settlement.fee_income,
					"a settlement held back more than the fees"
				);
			}
		}
		Ok(())
	}
}
