//! What the fees pallet does when a unit's facts change
//! ([`UnitChanges`](linli_primitives::community::UnitChanges)): a new unit
//! gets its billing and maintenance accounts; a corrected area or a
//! delivered unit closes the months billed under the old facts.

use crate::{pallet::*, types::*};
use frame_support::pallet_prelude::*;
use linli_primitives::community::{Area, CommunityId, CommunityInspect, ScopeId, UnitId};
use sp_runtime::traits::Zero;

impl<T: Config> linli_primitives::community::UnitChanges for Pallet<T> {
	fn unit_registered(
		community: CommunityId,
		unit: &UnitId,
		scope: ScopeId,
		area: Area,
	) -> DispatchResult {
		// Billed from the month it was registered, never before.
		Self::store_billing_state(
			community,
			unit,
			&BillingState { next_due: Self::current_month(), credit: Zero::zero() },
		)?;
		// It shares every spend from now on, deposited or not (a share
		// beyond its deposits is what it owes).
		let account = Self::new_maintenance_account(community, scope, area, 0);
		Self::apply_pools(community, &account, true)?;
		MaintenanceAccounts::<T>::insert(community, unit, account);
		Ok(())
	}

	fn unit_corrected(
		community: CommunityId,
		unit: &UnitId,
		(_, old_area): (ScopeId, Area),
		(scope, area): (ScopeId, Area),
	) -> DispatchResult {
		Self::carry_past_months(community, unit, old_area, false, None)?;
		Self::move_maintenance_account(community, unit, scope, area)
	}

	fn unit_delivered(community: CommunityId, unit: &UnitId) -> DispatchResult {
		let area = T::Community::unit(community, unit).ok_or(Error::<T>::UnknownUnit)?.area;
		Self::carry_past_months(community, unit, area, true, None).map(|_| ())
	}

	fn max_weight() -> Weight {
		use crate::weights::WeightInfo;
		// The heavier of the two measured changes (a registration does a
		// part of either), plus the due-month scan a benchmark cannot force.
		T::WeightInfo::unit_corrected()
			.max(T::WeightInfo::unit_delivered())
			.saturating_add(T::DbWeight::get().reads(crate::DUE_SCAN as u64))
	}
}
