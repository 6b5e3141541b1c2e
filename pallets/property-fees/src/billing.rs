//! Billing arithmetic over a community's fee schedules: what a month costs
//! a unit, what it owes up to a month, its account, and which months are
//! still due. Every function walks the schedules (bounded by
//! `MaxSchedules`), never the units.

use crate::{pallet::*, types::*};
use frame_support::pallet_prelude::*;
use linli_primitives::{
	calendar::Month,
	community::{Area, CommunityId, CommunityInspect, UnitId},
};
use sp_runtime::traits::{CheckedAdd, CheckedMul, SaturatedConversion, Saturating, Zero};

impl<T: Config> Pallet<T> {
	/// The last period schedule `i` applies to (`None`: open-ended).
	pub(crate) fn segment_end(schedules: &[FeeSchedule<BalanceOf<T>>], i: usize) -> Option<Month> {
		schedules.get(i + 1).map(|next| next.effective_from.saturating_sub(1))
	}

	/// The schedule in force in `period`.
	pub(crate) fn schedule_at(
		schedules: &[FeeSchedule<BalanceOf<T>>],
		period: Month,
	) -> Option<&FeeSchedule<BalanceOf<T>>> {
		schedules.iter().rev().find(|s| s.effective_from <= period)
	}

	/// Dues of `area` for the periods `from..=to`, each at its own price.
	pub(crate) fn dues_between(
		schedules: &[FeeSchedule<BalanceOf<T>>],
		area: Area,
		from: Month,
		to: Month,
	) -> Result<BalanceOf<T>, Error<T>> {
		let mut total = BalanceOf::<T>::zero();
		for (i, schedule) in schedules.iter().enumerate() {
			let start = from.max(schedule.effective_from);
			let end = Self::segment_end(schedules, i).map_or(to, |e| e.min(to));
			if start > end {
				continue;
			}
			let months: BalanceOf<T> = (end - start + 1).into();
			let part = Self::price_by_area(schedule.price_per_m2, area)?
				.checked_mul(&months)
				.ok_or(Error::<T>::Overflow)?;
			total = total.checked_add(&part).ok_or(Error::<T>::Overflow)?;
		}
		Ok(total)
	}

	/// Pays periods of `account` in order from `pool` (plus the account's
	/// credit), up to and including `limit`. What is left below a period's
	/// due becomes credit while periods up to `limit` remain; anything left
	/// once `limit` is paid stays in `pool`.
	pub(crate) fn settle(
		schedules: &[FeeSchedule<BalanceOf<T>>],
		area: Area,
		account: &mut BillingState<BalanceOf<T>>,
		pool: &mut BalanceOf<T>,
		limit: Month,
	) -> Result<(), Error<T>> {
		*pool = pool.checked_add(&account.credit).ok_or(Error::<T>::Overflow)?;
		account.credit = Zero::zero();
		// Months before the first schedule cost nothing.
		if let Some(first) = schedules.first() {
			account.next_due = account.next_due.max(first.effective_from);
		}
		for (i, schedule) in schedules.iter().enumerate() {
			if account.next_due > limit {
				break;
			}
			let end = Self::segment_end(schedules, i).unwrap_or(Month::MAX);
			if account.next_due > end || account.next_due < schedule.effective_from {
				continue;
			}
			let last = end.min(limit);
			let due = Self::price_by_area(schedule.price_per_m2, area)?;
			if due.is_zero() {
				// Free periods (a zero price, or a zero area) pass at once.
				account.next_due = last.saturating_add(1);
				continue;
			}
			let months = last - account.next_due + 1;
			let paid: u32 = (*pool / due).min(months.into()).saturated_into();
			*pool -= due * paid.into();
			account.next_due += paid;
			if paid < months {
				break;
			}
		}
		if account.next_due <= limit {
			account.credit = core::mem::take(pool);
		}
		Ok(())
	}

	/// A community's fee schedules; an unknown community is told apart
	/// from one without a schedule (a read only on that error path).
	pub(crate) fn schedules_of(
		community: CommunityId,
	) -> Result<BoundedVec<FeeSchedule<BalanceOf<T>>, T::MaxSchedules>, DispatchError> {
		let schedules = Schedules::<T>::get(community);
		if schedules.is_empty() {
			Self::ensure_community(community)?;
			return Err(Error::<T>::NoFeeSchedule.into());
		}
		Ok(schedules)
	}

	/// Where a unit's billing stands: in [`Billing`], else in storage
	/// version 1's `UnitAccounts`, else (a unit of version 1 that never
	/// paid) due from the first schedule.
	pub(crate) fn billing_state(
		community: CommunityId,
		unit: &UnitId,
		schedules: &[FeeSchedule<BalanceOf<T>>],
	) -> BillingState<BalanceOf<T>> {
		Billing::<T>::get(community, unit)
			.or_else(|| UnitAccounts::<T>::get(community, unit))
			.unwrap_or_else(|| BillingState {
				next_due: schedules.first().map_or(0, |s| s.effective_from),
				credit: Zero::zero(),
			})
	}

	/// Stores where `unit`'s billing stands in [`Billing`] and keeps the due-month counts:
	/// the unit leaves the month it was due in and joins its new one.
	pub(crate) fn store_billing_state(
		community: CommunityId,
		unit: &UnitId,
		account: &BillingState<BalanceOf<T>>,
	) -> DispatchResult {
		match Billing::<T>::get(community, unit) {
			Some(old) if old.next_due == account.next_due => {}
			Some(old) => {
				Self::count_due(community, account.next_due)?;
				Self::uncount_due(community, old.next_due);
			}
			None => {
				UnitAccounts::<T>::remove(community, unit);
				BilledUnits::<T>::try_mutate(community, |n| {
					*n = n.checked_add(1).ok_or(Error::<T>::Overflow)?;
					Ok::<_, Error<T>>(())
				})?;
				Self::count_due(community, account.next_due)?;
			}
		}
		Billing::<T>::insert(community, unit, account);
		Ok(())
	}

	pub(crate) fn count_due(community: CommunityId, month: Month) -> DispatchResult {
		DueMonths::<T>::try_mutate(community, month, |n| {
			*n = n.checked_add(1).ok_or(Error::<T>::Overflow)?;
			Ok::<_, Error<T>>(())
		})?;
		OldestDue::<T>::mutate(community, |oldest| {
			*oldest = Some(oldest.map_or(month, |o| o.min(month)))
		});
		Ok(())
	}

	/// One unit less is due in `month`. If the oldest due month is then
	/// empty, it moves to the next month with a unit, looking at most
	/// [`DUE_SCAN`](crate::DUE_SCAN) months ahead: it stays a lower bound,
	/// and a bound left on an empty month (nothing found within the scan)
	/// moves on with the next payment, so it never sticks.
	pub(crate) fn uncount_due(community: CommunityId, month: Month) {
		DueMonths::<T>::mutate_exists(community, month, |n| {
			let left = n.unwrap_or(0).saturating_sub(1);
			*n = (left > 0).then_some(left);
		});
		let Some(mut oldest) = OldestDue::<T>::get(community) else { return };
		if DueMonths::<T>::contains_key(community, oldest) {
			return;
		}
		for _ in 0..crate::DUE_SCAN {
			oldest = oldest.saturating_add(1);
			if DueMonths::<T>::contains_key(community, oldest) {
				break;
			}
		}
		OldestDue::<T>::insert(community, oldest);
	}

	/// Whether no unit can owe a month before `month`: every unit is
	/// counted, none of version 1 is left, and none is due before it.
	pub(crate) fn nobody_owes_before(community: CommunityId, month: Month) -> bool {
		BilledUnits::<T>::get(community) == T::Community::unit_count(community)
			&& UnitAccounts::<T>::iter_prefix(community).next().is_none()
			&& OldestDue::<T>::get(community).is_none_or(|oldest| oldest >= month)
	}

	/// What is still unpaid through period `to`: the owner-side `carried`
	/// dues, then the months from `next_due`.
	pub(crate) fn unpaid_through(
		schedules: &[FeeSchedule<BalanceOf<T>>],
		area: Area,
		account: &BillingState<BalanceOf<T>>,
		carried: BalanceOf<T>,
		to: Month,
	) -> Result<BalanceOf<T>, Error<T>> {
		if account.next_due > to {
			return Ok(carried);
		}
		Self::dues_between(schedules, area, account.next_due, to)?
			.saturating_sub(account.credit)
			.checked_add(&carried)
			.ok_or(Error::<T>::Overflow)
	}
}
