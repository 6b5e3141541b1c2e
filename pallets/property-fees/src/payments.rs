//! Fees and their collection: the fee schedule and the contract's terms,
//! a payment, the developer's carried dues, rolling old months up into
//! arrears, and the demand notice that starts a late fee.

use crate::{pallet::*, types::*};
use frame_support::{ensure, pallet_prelude::*};
use linli_primitives::{
	calendar::Month,
	community::{Area, CommunityId, CommunityInspect, UnitId},
	fees::{Approver, Category, FundKind},
};
use sp_core::H256;
use sp_runtime::traits::{CheckedAdd, CheckedSub, Saturating, Zero};

/// What a payment went through, for the weight it is charged.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct PaymentTaken {
	/// The fee schedules walked.
	pub schedules: u32,
	/// Whether it was a plain payment of dues: no demand notice or late
	/// fee, no prepayment, nothing carried, nothing held back in escrow,
	/// no remuneration booked (`pay_plain_fees` measures exactly this).
	pub plain: bool,
}

impl<T: Config> Pallet<T> {
	pub(crate) fn do_set_fee_schedule(
		community: CommunityId,
		schedule: FeeSchedule<BalanceOf<T>>,
		approved_by: ApproverOf<T>,
	) -> DispatchResult {
		Self::ensure_community(community)?;
		ensure!(schedule.effective_from >= Self::current_month(), Error::<T>::RetroactiveSchedule);
		Schedules::<T>::try_mutate(community, |schedules| -> DispatchResult {
			if let Some(first) = schedules.first() {
				ensure!(
					schedule.effective_from >= first.effective_from,
					Error::<T>::ScheduleBeforeBillingStart
				);
			}
			// Only schedules not yet in force are replaced.
			schedules.retain(|s| s.effective_from < schedule.effective_from);
			// When full, the oldest schedule goes if no unit owes a month it
			// priced (the next one then starts the billing).
			if schedules.is_full() {
				let next = schedules
					.get(1)
					.map(|s| s.effective_from)
					.ok_or(Error::<T>::TooManySchedules)?;
				ensure!(Self::nobody_owes_before(community, next), Error::<T>::TooManySchedules);
				let pruned = schedules.remove(0);
				Self::deposit_event(Event::FeeSchedulePruned {
					community,
					effective_from: pruned.effective_from,
				});
			}
			schedules.try_push(schedule.clone()).map_err(|_| Error::<T>::TooManySchedules)?;
			Ok(())
		})?;
		Self::deposit_event(Event::FeeScheduleSet { community, schedule, approved_by });
		Ok(())
	}

	pub(crate) fn do_set_contract_terms(
		community: CommunityId,
		terms: ContractTerms,
		approved_by: ApproverOf<T>,
	) -> DispatchResult {
		Self::ensure_community(community)?;
		ensure!(
			terms.max_prepaid_periods <= T::MaxPrepaidPeriods::get(),
			Error::<T>::PrepaymentCapTooHigh
		);
		if let Some(late_fee) = terms.late_fee {
			ensure!(
				late_fee.monthly_rate <= T::MaxLateFeeRate::get()
					&& late_fee.cap <= T::MaxLateFeeCap::get(),
				Error::<T>::LateFeeTooHigh
			);
		}
		Terms::<T>::insert(community, terms);
		Self::deposit_event(Event::ContractTermsSet { community, terms, approved_by });
		Ok(())
	}

	/// Returns how many schedules the payment walked (its weight).
	pub(crate) fn do_pay_fees(
		community: CommunityId,
		unit: UnitId,
		payer: T::AccountId,
		amount: BalanceOf<T>,
	) -> Result<PaymentTaken, DispatchError> {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let schedules = Self::schedules_of(community)?;
		let info = T::Community::unit(community, &unit).ok_or(Error::<T>::UnknownUnit)?;
		let now = Self::current_month();
		let terms = Terms::<T>::get(community);
		let mut account = Self::billing_state(community, &unit, &schedules);
		let mut carried = Carried::<T>::get(community, unit).unwrap_or_default();
		let mut notice = Notices::<T>::get(community, unit);
		let had_notice = notice.is_some();
		if let Some(notice) = notice.as_mut() {
			let outstanding = Self::unpaid_through(
				&schedules,
				info.area,
				&account,
				carried.owner,
				notice.through,
			)?;
			notice.accrue(terms.late_fee.as_ref(), outstanding, now).ok_or(Error::<T>::Overflow)?;
		}

		// The developer's own months first when the developer pays; then
		// dues carried from before an area correction, past and current
		// periods, the late fee, and (with the owner's consent) future
		// periods.
		let mut pool = amount;
		let mut to_carried = BalanceOf::<T>::zero();
		let developer_pays = T::Community::developer(community).as_ref() == Some(&payer);
		if developer_pays {
			to_carried = pool.min(carried.developer);
			carried.developer -= to_carried;
			pool -= to_carried;
		}
		let owner_carried = pool.min(carried.owner);
		carried.owner -= owner_carried;
		pool -= owner_carried;
		to_carried += owner_carried;
		let first = account.next_due.max(schedules.first().map_or(0, |s| s.effective_from));
		Self::settle(&schedules, info.area, &mut account, &mut pool, now)?;
		let mut late_fee = BalanceOf::<T>::zero();
		if let Some(notice) = notice.as_mut() {
			late_fee = pool.min(notice.accrued);
			notice.accrued -= late_fee;
			pool -= late_fee;
		}
		let prepays = !pool.is_zero();
		if prepays {
			let consents = info.responsible.as_ref() == Some(&payer)
				|| T::Community::residency(community, &unit, &payer).is_some_and(|r| r.is_owner());
			ensure!(consents, Error::<T>::PrepaymentNeedsOwner);
			let limit = now.saturating_add(terms.max_prepaid_periods.into());
			Self::settle(&schedules, info.area, &mut account, &mut pool, limit)?;
			ensure!(pool.is_zero(), Error::<T>::PrepaymentCapExceeded);
		}
		// Tiny payments would let anyone fill a community's ledger: below
		// the minimum, only a payment that settles all that is owed is taken.
		if amount < T::MinimumPayment::get() {
			// The developer's carry is the developer's to settle too.
			let carry = if developer_pays {
				carried.owner.saturating_add(carried.developer)
			} else {
				carried.owner
			};
			let still_owed = Self::unpaid_through(&schedules, info.area, &account, carry, now)?;
			let late_fee_open = notice.as_ref().is_some_and(|n| !n.accrued.is_zero());
			ensure!(still_owed.is_zero() && !late_fee_open, Error::<T>::PaymentTooSmall);
		}

		// The late fee was taken from the payment: never more than it.
		let fees = amount.checked_sub(&late_fee).ok_or(Error::<T>::Overflow)?;
		let last = if account.credit.is_zero() {
			account.next_due.saturating_sub(1)
		} else {
			account.next_due
		};
		let billed = (last >= first && fees > to_carried).then_some((first, last));
		let model = Self::schedule_at(&schedules, now).map(|s| s.model);
		let held_back = Self::book_fees(
			community,
			model,
			fees,
			&payer,
			Some(unit),
			billed,
			now,
		)?;
		if !late_fee.is_zero() {
			let movement = Movement::new(
				FundKind::Operating,
				Category::LateFee,
				late_fee,
				&payer,
				Approver::Payer,
				now,
			);
			Self::book_in(community, movement.for_unit(unit))?;
		}
		Self::store_billing_state(community, &unit, &account)?;
		Self::store_carried(community, unit, carried);
		if let Some(notice) = notice {
			let outstanding = Self::unpaid_through(
				&schedules,
				info.area,
				&account,
				carried.owner,
				notice.through,
			)?;
			if outstanding.is_zero() && notice.accrued.is_zero() {
				Notices::<T>::remove(community, unit);
				Self::deposit_event(Event::DemandNoticeSettled { community, unit });
			} else {
				Notices::<T>::insert(community, unit, notice);
			}
		}
		Self::deposit_event(Event::FeesPaid {
			community,
			unit,
			payer,
			fees,
			late_fee,
			held_back,
			carried: to_carried,
			billed,
			next_due: account.next_due,
			credit: account.credit,
		});
		let plain = !had_notice
			&& !prepays
			&& to_carried.is_zero()
			&& held_back.is_zero()
			&& !matches!(model, Some(ContractModel::Remuneration { .. }));
		Ok(PaymentTaken { schedules: schedules.len() as u32, plain })
	}

	pub(crate) fn do_pay_developer_arrears(
		community: CommunityId,
		unit: UnitId,
		payer: T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		Self::ensure_community(community)?;
		let mut carried = Carried::<T>::get(community, unit).unwrap_or_default();
		carried.developer =
			carried.developer.checked_sub(&amount).ok_or(Error::<T>::MoreThanDeveloperArrears)?;
		ensure!(
			amount >= T::MinimumPayment::get() || carried.developer.is_zero(),
			Error::<T>::PaymentTooSmall
		);
		let now = Self::current_month();
		let model = Self::schedule_at(&Schedules::<T>::get(community), now).map(|s| s.model);
		let held_back = Self::book_fees(community, model, amount, &payer, Some(unit), None, now)?;
		Self::store_carried(community, unit, carried);
		Self::deposit_event(Event::DeveloperArrearsPaid {
			community,
			unit,
			payer,
			amount,
			held_back,
			left: carried.developer,
		});
		Ok(())
	}

	/// Keeps `carried` dues, or removes the entry once nothing is carried.
	pub(crate) fn store_carried(
		community: CommunityId,
		unit: UnitId,
		carried: CarriedDues<BalanceOf<T>>,
	) {
		if carried.is_empty() {
			Carried::<T>::remove(community, unit);
		} else {
			Carried::<T>::insert(community, unit, carried);
		}
	}

	/// Moves what `unit` owes for the months before the current one out of
	/// its monthly account into a fixed amount carried by `to_developer`'s
	/// side or the owner's: the months were billed at the facts of their
	/// time, and later corrections or a delivery must not re-price or
	/// re-assign them. `area` is the area the past months were billed at;
	/// `through` stops the carry at an earlier month than the last one.
	pub(crate) fn carry_past_months(
		community: CommunityId,
		unit: &UnitId,
		area: Area,
		to_developer: bool,
		through: Option<Month>,
	) -> Result<BalanceOf<T>, DispatchError> {
		let schedules = Schedules::<T>::get(community);
		if schedules.is_empty() {
			return Ok(Zero::zero());
		}
		let now = Self::current_month();
		let mut account = Self::billing_state(community, unit, &schedules);
		let mut carried = Carried::<T>::get(community, unit).unwrap_or_default();
		// The last month carried: the one before now, or an earlier one.
		let last = now.checked_sub(1).map(|l| through.map_or(l, |t| t.min(l)));
		let past = match last {
			Some(last) => Self::unpaid_through(&schedules, area, &account, Zero::zero(), last)?,
			None => Zero::zero(),
		};
		if to_developer {
			// The owner-side carry of a developer-held unit was the
			// developer's too, and so is an open demand notice's late fee.
			let mut developer =
				carried.developer.checked_add(&carried.owner).ok_or(Error::<T>::Overflow)?;
			developer = developer.checked_add(&past).ok_or(Error::<T>::Overflow)?;
			if let Some(mut notice) = Notices::<T>::take(community, unit) {
				let outstanding = Self::unpaid_through(
					&schedules,
					area,
					&account,
					carried.owner,
					notice.through,
				)?;
				notice
					.accrue(Terms::<T>::get(community).late_fee.as_ref(), outstanding, now)
					.ok_or(Error::<T>::Overflow)?;
				developer = developer.checked_add(&notice.accrued).ok_or(Error::<T>::Overflow)?;
			}
			carried = CarriedDues { owner: Zero::zero(), developer };
		} else {
			carried.owner = carried.owner.checked_add(&past).ok_or(Error::<T>::Overflow)?;
		}
		// Credit paid towards a month not yet begun stays credit: a lower
		// area or price may make it cover the month, and the next payment
		// settles it (it never becomes prepayment by itself).
		if let Some(last) = last.filter(|last| account.next_due <= *last) {
			account = BillingState { next_due: last.saturating_add(1), credit: Zero::zero() };
		}
		Self::store_billing_state(community, unit, &account)?;
		Self::store_carried(community, *unit, carried);
		Ok(past)
	}

	pub(crate) fn do_roll_up_arrears(community: CommunityId, unit: UnitId) -> DispatchResult {
		let schedules = Self::schedules_of(community)?;
		let info = T::Community::unit(community, &unit).ok_or(Error::<T>::UnknownUnit)?;
		let now = Self::current_month();
		let from = Self::billing_state(community, &unit, &schedules).next_due;
		// With a demand notice open, only the months it demanded roll up:
		// the late fee runs on what is still unpaid of them (paid first),
		// never on later months.
		let through = Notices::<T>::get(community, unit).map(|n| n.through);
		let to = through.map_or(now.saturating_sub(1), |t| t.min(now.saturating_sub(1)));
		ensure!(from < now && from <= to, Error::<T>::NothingToRollUp);
		let amount = Self::carry_past_months(community, &unit, info.area, false, through)?;
		Self::deposit_event(Event::ArrearsRolledUp { community, unit, from, to, amount });
		Ok(())
	}

	/// Returns how many schedules it walked (its weight).
	pub(crate) fn do_issue_demand_notice(
		community: CommunityId,
		unit: UnitId,
		document: H256,
	) -> Result<u32, DispatchError> {
		let schedules = Self::schedules_of(community)?;
		let info = T::Community::unit(community, &unit).ok_or(Error::<T>::UnknownUnit)?;
		ensure!(!Notices::<T>::contains_key(community, unit), Error::<T>::NoticeAlreadyOpen);
		let now = Self::current_month();
		let through = now.checked_sub(1).ok_or(Error::<T>::NothingOverdue)?;
		let account = Self::billing_state(community, &unit, &schedules);
		let carried = Carried::<T>::get(community, unit).unwrap_or_default();
		let arrears =
			Self::unpaid_through(&schedules, info.area, &account, carried.owner, through)?;
		ensure!(!arrears.is_zero(), Error::<T>::NothingOverdue);
		let grace = Terms::<T>::get(community).late_fee.map_or(0, |l| l.grace_periods);
		let accrued_to = now.saturating_add(grace.into());
		Notices::<T>::insert(
			community,
			unit,
			DemandNotice {
				issued: now,
				through,
				principal: arrears,
				accrued: Zero::zero(),
				charged: Zero::zero(),
				accrued_to,
			},
		);
		Self::deposit_event(Event::DemandNoticeIssued {
			community,
			unit,
			arrears,
			through,
			late_fee_from: accrued_to.saturating_add(1),
			document,
		});
		Ok(schedules.len() as u32)
	}
}
