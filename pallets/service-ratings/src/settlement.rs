//! Settling a period: the held-back share of the company's pay is released
//! if enough households rated and enough were satisfied, or returned to
//! the owners' operating fund, by the fees pallet's ledger.

use crate::{pallet::*, RatingPeriod, Settlement, Shortfall};
use frame_support::{ensure, pallet_prelude::*};
use linli_primitives::{
	calendar::{Month, MonthClock},
	community::{CommunityId, CommunityInspect},
	fees::{Approver, CommunityFunds},
	fraction::Fraction,
};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_close_period(community: CommunityId, period: RatingPeriod) -> DispatchResult {
		let terms = Terms::<T>::get(community).ok_or(Error::<T>::NoRatingTerms)?;
		let (first, last) = Self::months_of(&terms, period);
		ensure!(T::Clock::current_month() > last, Error::<T>::PeriodNotOver);
		let mut record = Periods::<T>::get(community, period);
		ensure!(record.settlement.is_none(), Error::<T>::AlreadyClosed);

		let households = T::Community::unit_count(community);
		// Exact: rated / households ≥ quorum, satisfied / count ≥ threshold.
		let quorum = Fraction::from(terms.quorum);
		let returned = if !quorum.is_reached_by(record.households_rated.into(), households.into()) {
			Some(Shortfall::Quorum)
		} else if !record.overall.is_satisfied_at(terms.threshold) {
			Some(Shortfall::Satisfaction)
		} else {
			None
		};

		// The pay was held back in escrow as the fees came in: the
		// company could not spend it before the owners rated.
		let fee_income = T::Funds::fee_income(community, first, last);
		let release_to = returned.is_none().then_some(&terms.company);
		let held_back = T::Funds::settle_held_back(
			community,
			first,
			last,
			release_to,
			Approver::Rating(period),
		)?;
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
}

impl<T: Config> linli_primitives::fees::HeldBackShare for Pallet<T> {
	fn held_back_share(community: CommunityId, month: Month) -> sp_runtime::Permill {
		Terms::<T>::get(community)
			.filter(|terms| month >= terms.first_period)
			.map_or(sp_runtime::Permill::zero(), |terms| terms.held_back)
	}
}
