//! What the runtime API serves: a period's scores and a community's history.

use crate::{pallet::*, CategoryId, PeriodScores, RatingPeriod, STANDARD_CATEGORIES};
use alloc::vec::Vec;
use linli_primitives::community::CommunityId;

impl<T: Config> Pallet<T> {
	/// A period's scores, for the runtime API.
	pub fn scores(
		community: CommunityId,
		period: RatingPeriod,
	) -> Option<PeriodScores<BalanceOf<T>>> {
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
	pub fn history(
		community: CommunityId,
		from: RatingPeriod,
		limit: u32,
	) -> Vec<PeriodScores<BalanceOf<T>>> {
		let Some(now) = Terms::<T>::get(community).and_then(|t| Self::period_now(&t)) else {
			return Vec::new();
		};
		let limit = limit.min(linli_primitives::ratings::MAX_PAGE);
		(from..=now).take(limit as usize).filter_map(|p| Self::scores(community, p)).collect()
	}
}
