//! The pallet's logic: billing arithmetic, the ledger, the calls' bodies,
//! the runtime API's views and the `try_state` invariants.

use crate::{pallet::*, types::*, LedgerEntry};
use alloc::vec::Vec;
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{
		fungible::{InspectHold, MutateHold},
		tokens::{Fortitude, Precision, Preservation, Restriction},
	},
};
use linli_primitives::{
	community::{Area, CommunityId, CommunityInspect, ScopeId, UnitId},
	fees::{Approver, Category, Direction, Emergency, FundKind, Period, MAINTENANCE_TOP_UP_FLOOR},
};
use pallet_property_fees_runtime_api::{ArrearsPage, FundStatement, FundView, Statement, UnitDues};
use sp_core::H256;
use sp_runtime::traits::{CheckedAdd, CheckedMul, CheckedSub, SaturatedConversion, Saturating, Zero};

/// The spend pool of the whole community (a scope's is `Some(scope)`).
const COMMUNITY_POOL: Option<ScopeId> = None;

/// Billing arithmetic over a community's schedule history. Every function
/// walks the schedules (bounded by `MaxSchedules`), never the units.
impl<T: Config> Pallet<T> {
	/// The last period schedule `i` applies to (`None`: open-ended).
	fn segment_end(schedules: &[FeeSchedule<BalanceOf<T>>], i: usize) -> Option<Period> {
		schedules.get(i + 1).map(|next| next.effective_from.saturating_sub(1))
	}

	/// The schedule in force in `period`.
	pub(crate) fn schedule_at(
		schedules: &[FeeSchedule<BalanceOf<T>>],
		period: Period,
	) -> Option<&FeeSchedule<BalanceOf<T>>> {
		schedules.iter().rev().find(|s| s.effective_from <= period)
	}

	/// Dues of `area` for the periods `from..=to`, each at its own price.
	pub(crate) fn dues_between(
		schedules: &[FeeSchedule<BalanceOf<T>>],
		area: Area,
		from: Period,
		to: Period,
	) -> Result<BalanceOf<T>, Error<T>> {
		let mut total = BalanceOf::<T>::zero();
		for (i, schedule) in schedules.iter().enumerate() {
			let start = from.max(schedule.effective_from);
			let end = Self::segment_end(schedules, i).map_or(to, |e| e.min(to));
			if start > end {
				continue;
			}
			let months: BalanceOf<T> = (end - start + 1).into();
			let part = Self::monthly_due(schedule.price_per_m2, area)?
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
		account: &mut UnitAccount<BalanceOf<T>>,
		pool: &mut BalanceOf<T>,
		limit: Period,
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
			let end = Self::segment_end(schedules, i).unwrap_or(Period::MAX);
			if account.next_due > end || account.next_due < schedule.effective_from {
				continue;
			}
			let last = end.min(limit);
			let due = Self::monthly_due(schedule.price_per_m2, area)?;
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

	/// A unit's account: in [`Billing`], else storage version 1's, else
	/// (a unit of version 1 that never paid) due from the first schedule.
	pub(crate) fn unit_account(
		community: CommunityId,
		unit: &UnitId,
		schedules: &[FeeSchedule<BalanceOf<T>>],
	) -> UnitAccount<BalanceOf<T>> {
		Billing::<T>::get(community, unit)
			.or_else(|| UnitAccounts::<T>::get(community, unit))
			.unwrap_or_else(|| UnitAccount {
				next_due: schedules.first().map_or(0, |s| s.effective_from),
				credit: Zero::zero(),
			})
	}

	/// Stores `unit`'s account in [`Billing`] and keeps the due-month counts:
	/// the unit leaves the month it was due in and joins its new one.
	pub(crate) fn store_account(
		community: CommunityId,
		unit: &UnitId,
		account: &UnitAccount<BalanceOf<T>>,
	) -> DispatchResult {
		match Billing::<T>::get(community, unit) {
			Some(old) if old.next_due == account.next_due => {},
			Some(old) => {
				Self::count_due(community, account.next_due)?;
				Self::uncount_due(community, old.next_due);
			},
			None => {
				UnitAccounts::<T>::remove(community, unit);
				BilledUnits::<T>::try_mutate(community, |n| {
					*n = n.checked_add(1).ok_or(Error::<T>::Overflow)?;
					Ok::<_, Error<T>>(())
				})?;
				Self::count_due(community, account.next_due)?;
			},
		}
		Billing::<T>::insert(community, unit, account);
		Ok(())
	}

	fn count_due(community: CommunityId, month: Period) -> DispatchResult {
		DueMonths::<T>::try_mutate(community, month, |n| {
			*n = n.checked_add(1).ok_or(Error::<T>::Overflow)?;
			Ok::<_, Error<T>>(())
		})?;
		OldestDue::<T>::mutate(community, |oldest| *oldest = Some(oldest.map_or(month, |o| o.min(month))));
		Ok(())
	}

	/// One unit less is due in `month`. If the oldest due month is then
	/// empty, it moves to the next month with a unit, looking at most
	/// [`DUE_SCAN`](crate::DUE_SCAN) months ahead: it stays a lower bound,
	/// and a bound left on an empty month (nothing found within the scan)
	/// moves on with the next payment, so it never sticks.
	fn uncount_due(community: CommunityId, month: Period) {
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
	fn nobody_owes_before(community: CommunityId, month: Period) -> bool {
		BilledUnits::<T>::get(community) == T::Community::unit_count(community) &&
			UnitAccounts::<T>::iter_prefix(community).next().is_none() &&
			OldestDue::<T>::get(community).is_none_or(|oldest| oldest >= month)
	}

	/// What is still unpaid through period `to`: the owner-side `carried`
	/// dues, then the months from `next_due`.
	pub(crate) fn unpaid_through(
		schedules: &[FeeSchedule<BalanceOf<T>>],
		area: Area,
		account: &UnitAccount<BalanceOf<T>>,
		carried: BalanceOf<T>,
		to: Period,
	) -> Result<BalanceOf<T>, Error<T>> {
		if account.next_due > to {
			return Ok(carried);
		}
		Self::dues_between(schedules, area, account.next_due, to)?
			.saturating_sub(account.credit)
			.checked_add(&carried)
			.ok_or(Error::<T>::Overflow)
	}

	/// Adds the late fee of the months since the notice was last accrued,
	/// on the arrears it named that are still unpaid, within the cap.
	pub(crate) fn accrue_late_fee(
		notice: &mut DemandNotice<BalanceOf<T>>,
		outstanding: BalanceOf<T>,
		terms: &ContractTerms,
		now: Period,
	) -> Result<(), Error<T>> {
		if now <= notice.accrued_to {
			return Ok(());
		}
		if let Some(late_fee) = terms.late_fee {
			let months: BalanceOf<T> = (now - notice.accrued_to).into();
			// Only the arrears the notice named bear a late fee.
			let fee = late_fee
				.monthly_rate
				.mul_floor(outstanding.min(notice.principal))
				.checked_mul(&months)
				.ok_or(Error::<T>::Overflow)?;
			let room = late_fee.cap.mul_floor(notice.principal).saturating_sub(notice.charged);
			let fee = fee.min(room);
			notice.accrued = notice.accrued.checked_add(&fee).ok_or(Error::<T>::Overflow)?;
			notice.charged = notice.charged.checked_add(&fee).ok_or(Error::<T>::Overflow)?;
		}
		notice.accrued_to = now;
		Ok(())
	}
}

/// The ledger: every movement of money goes through `book_in` / `book_out`.
impl<T: Config> Pallet<T> {
	pub(crate) fn ensure_community(community: CommunityId) -> DispatchResult {
		ensure!(T::Community::community_exists(community), Error::<T>::UnknownCommunity);
		Ok(())
	}

	/// Moves `amount` from `payer` into `fund` (held there) and books it.
	#[allow(clippy::too_many_arguments)]
	pub(crate) fn book_in(
		community: CommunityId,
		fund: FundKind,
		category: Category,
		amount: BalanceOf<T>,
		payer: &T::AccountId,
		unit: Option<UnitId>,
		billed: Option<(Period, Period)>,
		document: Option<H256>,
		approved_by: ApproverOf<T>,
	) -> Result<u64, DispatchError> {
		let account = Self::fund_account(community, fund);
		let mut state = match Funds::<T>::get(community, fund) {
			Some(state) => state,
			None => {
				// A fund's account holds everything on hold and nothing free:
				// our provider reference keeps it alive whatever its balance.
				frame_system::Pallet::<T>::inc_providers(&account);
				FundState::default()
			},
		};
		T::Currency::transfer_and_hold(
			&HoldReason::Fund.into(),
			payer,
			&account,
			amount,
			Precision::Exact,
			Preservation::Preserve,
			Fortitude::Polite,
		)?;
		state.balance = state.balance.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
		state.income = state.income.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
		Funds::<T>::insert(community, fund, state);
		Self::record(
			community,
			LedgerEntry {
				fund,
				direction: Direction::In,
				category,
				amount,
				period: Self::current_period(),
				billed,
				unit,
				counterparty: payer.clone(),
				document,
				approved_by,
				block: frame_system::Pallet::<T>::block_number(),
			},
		)
	}

	/// Pays `amount` out of `fund` to `payee` and books it.
	pub(crate) fn book_out(
		community: CommunityId,
		fund: FundKind,
		category: Category,
		amount: BalanceOf<T>,
		payee: &T::AccountId,
		document: Option<H256>,
		approved_by: ApproverOf<T>,
	) -> Result<u64, DispatchError> {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		// Money paid to a fund account would sit there outside every
		// fund's books (only `book_in` holds money in a fund).
		ensure!(!Self::is_fund_account(community, payee), Error::<T>::PayeeIsAFund);
		let mut state = Funds::<T>::get(community, fund).unwrap_or_default();
		state.balance = state.balance.checked_sub(&amount).ok_or(Error::<T>::InsufficientFund)?;
		state.expense = state.expense.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
		T::Currency::transfer_on_hold(
			&HoldReason::Fund.into(),
			&Self::fund_account(community, fund),
			payee,
			amount,
			Precision::Exact,
			Restriction::Free,
			Fortitude::Polite,
		)?;
		Funds::<T>::insert(community, fund, state);
		Self::record(
			community,
			LedgerEntry {
				fund,
				direction: Direction::Out,
				category,
				amount,
				period: Self::current_period(),
				billed: None,
				unit: None,
				counterparty: payee.clone(),
				document,
				approved_by,
				block: frame_system::Pallet::<T>::block_number(),
			},
		)
	}

	/// Books `fees` paid now under `model`: the rating rule's share held
	/// back into escrow (for the month's rating period), the rest into the
	/// operating fund, and the company's remuneration earned under 酬金制.
	/// Returns what was held back.
	#[allow(clippy::too_many_arguments)]
	pub(crate) fn book_fees(
		community: CommunityId,
		model: Option<ContractModel>,
		fees: BalanceOf<T>,
		payer: &T::AccountId,
		unit: Option<UnitId>,
		billed: Option<(Period, Period)>,
		approved_by: ApproverOf<T>,
	) -> Result<BalanceOf<T>, DispatchError> {
		use frame_support::traits::fungible::Inspect;
		use linli_primitives::fees::HeldBackShare;
		if fees.is_zero() {
			return Ok(Zero::zero());
		}
		let now = Self::current_period();
		let split = FeeSplit::of(
			fees,
			model,
			T::HeldBackShare::held_back_share(community, now),
			T::Currency::minimum_balance(),
		);
		let operating = fees.saturating_sub(split.held_back);
		if !operating.is_zero() {
			Self::book_in(
				community,
				FundKind::Operating,
				Category::PropertyFee,
				operating,
				payer,
				unit,
				billed,
				None,
				approved_by.clone(),
			)?;
		}
		if !split.held_back.is_zero() {
			Self::book_in(
				community,
				FundKind::Escrow,
				Category::HeldBack,
				split.held_back,
				payer,
				unit,
				billed,
				None,
				approved_by,
			)?;
			Escrowed::<T>::try_mutate(community, now, |held| {
				*held = held.checked_add(&split.held_back).ok_or(Error::<T>::Overflow)?;
				Ok::<_, Error<T>>(())
			})?;
		}
		if !split.remuneration.is_zero() {
			RemunerationDue::<T>::try_mutate(community, |due| {
				*due = due.checked_add(&split.remuneration).ok_or(Error::<T>::Overflow)?;
				Ok::<_, Error<T>>(())
			})?;
		}
		Ok(split.held_back)
	}

	/// Moves `amount` held in `from` to be held in `to` (both of
	/// `community`), booking it out of one and into the other.
	pub(crate) fn transfer_between(
		community: CommunityId,
		from: FundKind,
		to: FundKind,
		category: Category,
		amount: BalanceOf<T>,
		approved_by: ApproverOf<T>,
	) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let (from_account, to_account) = (Self::fund_account(community, from), Self::fund_account(community, to));
		let mut source = Funds::<T>::get(community, from).unwrap_or_default();
		source.balance = source.balance.checked_sub(&amount).ok_or(Error::<T>::InsufficientFund)?;
		source.expense = source.expense.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
		let mut dest = match Funds::<T>::get(community, to) {
			Some(state) => state,
			None => {
				frame_system::Pallet::<T>::inc_providers(&to_account);
				FundState::default()
			},
		};
		dest.balance = dest.balance.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
		dest.income = dest.income.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
		T::Currency::transfer_on_hold(
			&HoldReason::Fund.into(),
			&from_account,
			&to_account,
			amount,
			Precision::Exact,
			Restriction::OnHold,
			Fortitude::Polite,
		)?;
		Funds::<T>::insert(community, from, source);
		Funds::<T>::insert(community, to, dest);
		let entry = |fund, direction, counterparty: &T::AccountId| LedgerEntry {
			fund,
			direction,
			category,
			amount,
			period: Self::current_period(),
			billed: None,
			unit: None,
			counterparty: counterparty.clone(),
			document: None,
			approved_by: approved_by.clone(),
			block: frame_system::Pallet::<T>::block_number(),
		};
		Self::record(community, entry(from, Direction::Out, &to_account))?;
		Self::record(community, entry(to, Direction::In, &from_account))?;
		Ok(())
	}

	/// Appends `entry` to the ledger and adds it to the running totals.
	fn record(community: CommunityId, entry: LedgerEntryOf<T>) -> Result<u64, DispatchError> {
		let add = |flow: &mut Flow<BalanceOf<T>>| -> Result<(), Error<T>> {
			let side = match entry.direction {
				Direction::In => &mut flow.income,
				Direction::Out => &mut flow.expense,
			};
			*side = side.checked_add(&entry.amount).ok_or(Error::<T>::Overflow)?;
			Ok(())
		};
		PeriodTotals::<T>::try_mutate((community, entry.fund, entry.period), add)?;
		CategoryTotals::<T>::try_mutate((community, entry.fund, entry.period, entry.category), add)?;
		let index = LedgerLength::<T>::get(community);
		LedgerLength::<T>::insert(community, index.checked_add(1).ok_or(Error::<T>::Overflow)?);
		Ledger::<T>::insert(community, index, entry);
		Ok(index)
	}
}

/// The calls' bodies.
impl<T: Config> Pallet<T> {
	pub(crate) fn do_set_fee_schedule(
		community: CommunityId,
		schedule: FeeSchedule<BalanceOf<T>>,
		approved_by: ApproverOf<T>,
	) -> DispatchResult {
		Self::ensure_community(community)?;
		ensure!(schedule.effective_from >= Self::current_period(), Error::<T>::RetroactiveSchedule);
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
				let next = schedules.get(1).map(|s| s.effective_from).ok_or(Error::<T>::TooManySchedules)?;
				ensure!(Self::nobody_owes_before(community, next), Error::<T>::TooManySchedules);
				let pruned = schedules.remove(0);
				Self::deposit_event(Event::FeeSchedulePruned { community, effective_from: pruned.effective_from });
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
				late_fee.monthly_rate <= T::MaxLateFeeRate::get() &&
					late_fee.cap <= T::MaxLateFeeCap::get(),
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
	) -> Result<u32, DispatchError> {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let schedules = Self::schedules_of(community)?;
		let info = T::Community::unit(community, &unit).ok_or(Error::<T>::UnknownUnit)?;
		let now = Self::current_period();
		let terms = Terms::<T>::get(community);
		let mut account = Self::unit_account(community, &unit, &schedules);
		let mut carried = Carried::<T>::get(community, unit).unwrap_or_default();
		let mut notice = Notices::<T>::get(community, unit);
		if let Some(notice) = notice.as_mut() {
			let outstanding = Self::unpaid_through(&schedules, info.area, &account, carried.owner, notice.through)?;
			Self::accrue_late_fee(notice, outstanding, &terms, now)?;
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
		if !pool.is_zero() {
			let consents = info.responsible.as_ref() == Some(&payer) ||
				T::Community::residency(community, &unit, &payer).is_some_and(|r| r.is_owner());
			ensure!(consents, Error::<T>::PrepaymentNeedsOwner);
			let limit = now.saturating_add(terms.max_prepaid_periods.into());
			Self::settle(&schedules, info.area, &mut account, &mut pool, limit)?;
			ensure!(pool.is_zero(), Error::<T>::PrepaymentCapExceeded);
		}
		// Tiny payments would let anyone fill a community's ledger: below
		// the minimum, only a payment that settles all that is owed is taken.
		if amount < T::MinimumPayment::get() {
			// The developer's carry is the developer's to settle too.
			let carry = if developer_pays { carried.owner.saturating_add(carried.developer) } else { carried.owner };
			let still_owed = Self::unpaid_through(&schedules, info.area, &account, carry, now)?;
			let late_fee_open = notice.as_ref().is_some_and(|n| !n.accrued.is_zero());
			ensure!(still_owed.is_zero() && !late_fee_open, Error::<T>::PaymentTooSmall);
		}

		// The late fee was taken from the payment: never more than it.
		let fees = amount.checked_sub(&late_fee).ok_or(Error::<T>::Overflow)?;
		let last = if account.credit.is_zero() { account.next_due.saturating_sub(1) } else { account.next_due };
		let billed = (last >= first && fees > to_carried).then_some((first, last));
		let held_back = Self::book_fees(
			community,
			Self::schedule_at(&schedules, now).map(|s| s.model),
			fees,
			&payer,
			Some(unit),
			billed,
			Approver::Payer,
		)?;
		if !late_fee.is_zero() {
			Self::book_in(
				community,
				FundKind::Operating,
				Category::LateFee,
				late_fee,
				&payer,
				Some(unit),
				None,
				None,
				Approver::Payer,
			)?;
		}
		Self::store_account(community, &unit, &account)?;
		Self::store_carried(community, unit, carried);
		if let Some(notice) = notice {
			let outstanding = Self::unpaid_through(&schedules, info.area, &account, carried.owner, notice.through)?;
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
		Ok(schedules.len() as u32)
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
		carried.developer = carried.developer.checked_sub(&amount).ok_or(Error::<T>::MoreThanDeveloperArrears)?;
		ensure!(
			amount >= T::MinimumPayment::get() || carried.developer.is_zero(),
			Error::<T>::PaymentTooSmall
		);
		let now = Self::current_period();
		let model = Self::schedule_at(&Schedules::<T>::get(community), now).map(|s| s.model);
		let held_back = Self::book_fees(community, model, amount, &payer, Some(unit), None, Approver::Payer)?;
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
	fn store_carried(community: CommunityId, unit: UnitId, carried: CarriedDues<BalanceOf<T>>) {
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
	fn carry_past_months(
		community: CommunityId,
		unit: &UnitId,
		area: Area,
		to_developer: bool,
		through: Option<Period>,
	) -> Result<BalanceOf<T>, DispatchError> {
		let schedules = Schedules::<T>::get(community);
		if schedules.is_empty() {
			return Ok(Zero::zero());
		}
		let now = Self::current_period();
		let mut account = Self::unit_account(community, unit, &schedules);
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
			let mut developer = carried.developer.checked_add(&carried.owner).ok_or(Error::<T>::Overflow)?;
			developer = developer.checked_add(&past).ok_or(Error::<T>::Overflow)?;
			if let Some(mut notice) = Notices::<T>::take(community, unit) {
				let outstanding =
					Self::unpaid_through(&schedules, area, &account, carried.owner, notice.through)?;
				Self::accrue_late_fee(&mut notice, outstanding, &Terms::<T>::get(community), now)?;
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
			account = UnitAccount { next_due: last.saturating_add(1), credit: Zero::zero() };
		}
		Self::store_account(community, unit, &account)?;
		Self::store_carried(community, *unit, carried);
		Ok(past)
	}

	pub(crate) fn do_roll_up_arrears(community: CommunityId, unit: UnitId) -> DispatchResult {
		let schedules = Self::schedules_of(community)?;
		let info = T::Community::unit(community, &unit).ok_or(Error::<T>::UnknownUnit)?;
		let now = Self::current_period();
		let from = Self::unit_account(community, &unit, &schedules).next_due;
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
		let now = Self::current_period();
		let through = now.checked_sub(1).ok_or(Error::<T>::NothingOverdue)?;
		let account = Self::unit_account(community, &unit, &schedules);
		let carried = Carried::<T>::get(community, unit).unwrap_or_default();
		let arrears = Self::unpaid_through(&schedules, info.area, &account, carried.owner, through)?;
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

	pub(crate) fn do_approve_budget(
		community: CommunityId,
		category: Category,
		amount: BalanceOf<T>,
		from: Period,
		to: Period,
		approved_by: ApproverOf<T>,
	) -> DispatchResult {
		Self::ensure_community(community)?;
		ensure!(!category.is_income() && !category.is_internal(), Error::<T>::WrongCategory);
		ensure!(category != Category::Remuneration, Error::<T>::RemunerationNotBudgeted);
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		ensure!(from <= to && to >= Self::current_period(), Error::<T>::InvalidPeriodRange);
		let line = NextBudget::<T>::get(community);
		Budgets::<T>::insert(
			community,
			line,
			BudgetLine { category, approved: amount, spent: Zero::zero(), from, to, approved_by: approved_by.clone() },
		);
		NextBudget::<T>::insert(community, line.checked_add(1).ok_or(Error::<T>::Overflow)?);
		Self::deposit_event(Event::BudgetApproved { community, line, category, amount, from, to, approved_by });
		Ok(())
	}

	pub(crate) fn do_record_expense(
		community: CommunityId,
		category: Category,
		amount: BalanceOf<T>,
		payee: T::AccountId,
		document: H256,
		budget_line: Option<u32>,
		approved_by: ApproverOf<T>,
	) -> DispatchResult {
		ensure!(!category.is_income() && !category.is_internal(), Error::<T>::WrongCategory);
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let now = Self::current_period();
		let schedules = Schedules::<T>::get(community);
		let schedule = Self::schedule_at(&schedules, now).ok_or(Error::<T>::NoFeeSchedule)?;
		let remuneration_model = matches!(schedule.model, ContractModel::Remuneration { .. });
		// The remuneration the company earned and has not drawn is its
		// money: no other expense may spend it.
		let mut due = RemunerationDue::<T>::get(community);
		if category == Category::Remuneration {
			ensure!(budget_line.is_none(), Error::<T>::RemunerationNotBudgeted);
			due = if remuneration_model {
				due.checked_sub(&amount).ok_or(Error::<T>::RemunerationExceeded)?
			} else {
				due.saturating_sub(amount)
			};
		} else if remuneration_model {
			ensure!(budget_line.is_some(), Error::<T>::BudgetLineRequired);
		}
		let balance = Funds::<T>::get(community, FundKind::Operating).unwrap_or_default().balance;
		if let Some(left) = balance.checked_sub(&amount) {
			ensure!(left >= due, Error::<T>::RemunerationReserved);
		}
		if let Some(id) = budget_line {
			Budgets::<T>::try_mutate(community, id, |line| -> DispatchResult {
				let line = line.as_mut().ok_or(Error::<T>::UnknownBudgetLine)?;
				ensure!(line.category == category, Error::<T>::BudgetCategoryMismatch);
				ensure!(line.from <= now && now <= line.to, Error::<T>::BudgetLineNotCurrent);
				let spent = line.spent.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
				ensure!(spent <= line.approved, Error::<T>::BudgetExceeded);
				line.spent = spent;
				Ok(())
			})?;
		}
		let entry =
			Self::book_out(community, FundKind::Operating, category, amount, &payee, Some(document), approved_by)?;
		RemunerationDue::<T>::insert(community, due);
		Self::deposit_event(Event::ExpenseRecorded {
			community,
			category,
			amount,
			payee,
			document,
			budget_line,
			entry,
		});
		Ok(())
	}

	pub(crate) fn do_record_public_income(
		community: CommunityId,
		category: Category,
		amount: BalanceOf<T>,
		payer: T::AccountId,
		document: H256,
	) -> DispatchResult {
		Self::ensure_community(community)?;
		ensure!(category.is_public_income(), Error::<T>::WrongCategory);
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		ensure!(amount >= T::MinimumPayment::get(), Error::<T>::PaymentTooSmall);
		let entry = Self::book_in(
			community,
			FundKind::PublicIncome,
			category,
			amount,
			&payer,
			None,
			None,
			Some(document),
			Approver::Payer,
		)?;
		Self::deposit_event(Event::PublicIncomeRecorded { community, category, amount, payer, document, entry });
		Ok(())
	}

	pub(crate) fn do_spend_public_income(
		community: CommunityId,
		category: Category,
		amount: BalanceOf<T>,
		payee: T::AccountId,
		document: H256,
		approved_by: ApproverOf<T>,
	) -> DispatchResult {
		Self::ensure_community(community)?;
		ensure!(!category.is_income() && !category.is_internal(), Error::<T>::WrongCategory);
		let entry = Self::book_out(
			community,
			FundKind::PublicIncome,
			category,
			amount,
			&payee,
			Some(document),
			approved_by.clone(),
		)?;
		Self::deposit_event(Event::PublicIncomeSpent {
			community,
			category,
			amount,
			payee,
			document,
			approved_by,
			entry,
		});
		Ok(())
	}

	pub(crate) fn do_open_maintenance_round(
		community: CommunityId,
		price_per_m2: BalanceOf<T>,
		approved_by: ApproverOf<T>,
	) -> DispatchResult {
		Self::ensure_community(community)?;
		ensure!(!price_per_m2.is_zero(), Error::<T>::ZeroAmount);
		let pruned = PrunedRounds::<T>::get(community);
		let (round, pruned) = MaintenanceRounds::<T>::try_mutate(community, |rounds| {
			// When full, the oldest top-up goes once every unit has paid it
			// (a unit that paid a later round paid it too); the first
			// deposit stays, every new unit owes it.
			let mut pruned = pruned;
			if rounds.is_full() {
				let units = T::Community::unit_count(community);
				let live = rounds.len() as u32;
				let settled = (pruned + 1..pruned + live).any(|r| RoundPayers::<T>::get(community, r) >= units);
				ensure!(rounds.len() > 1 && settled, Error::<T>::TooManyMaintenanceRounds);
				rounds.remove(1);
				pruned += 1;
				RoundPayers::<T>::remove(community, pruned);
				Self::deposit_event(Event::MaintenanceRoundPruned { community, round: pruned });
			}
			rounds.try_push(price_per_m2).map_err(|_| Error::<T>::TooManyMaintenanceRounds)?;
			Ok::<_, Error<T>>((rounds.len() as u32 - 1 + pruned, pruned))
		})?;
		PrunedRounds::<T>::insert(community, pruned);
		Self::deposit_event(Event::MaintenanceRoundOpened { community, round, price_per_m2, approved_by });
		Ok(())
	}

	pub(crate) fn do_deposit_maintenance(
		community: CommunityId,
		unit: UnitId,
		payer: T::AccountId,
	) -> DispatchResult {
		let rounds = MaintenanceRounds::<T>::get(community);
		ensure!(!rounds.is_empty(), Error::<T>::NoMaintenanceRound);
		let info = T::Community::unit(community, &unit).ok_or(Error::<T>::UnknownUnit)?;
		// Top-ups every unit of their time paid are gone: a unit registered
		// later owes the first deposit, then the rounds still kept.
		let pruned = PrunedRounds::<T>::get(community);
		let mut round = MaintenancePaid::<T>::get(community, unit);
		if round >= 1 && round <= pruned {
			round = pruned + 1;
		}
		let index = if round == 0 { 0 } else { round - pruned };
		let price = *rounds.get(index as usize).ok_or(Error::<T>::MaintenancePaidUp)?;
		let amount = Self::monthly_due(price, info.area)?;
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let entry = Self::book_in(
			community,
			FundKind::Maintenance,
			Category::MaintenanceDeposit,
			amount,
			&payer,
			Some(unit),
			None,
			None,
			Approver::Payer,
		)?;
		Self::credit_maintenance(community, unit, info.scope, info.area, amount)?;
		if round == 0 {
			FirstDeposits::<T>::try_mutate(community, |total| {
				*total = total.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
				Ok::<_, Error<T>>(())
			})?;
		}
		MaintenancePaid::<T>::insert(community, unit, round.checked_add(1).ok_or(Error::<T>::Overflow)?);
		RoundPayers::<T>::mutate(community, round, |n| *n = n.saturating_add(1));
		Self::deposit_event(Event::MaintenanceDeposited { community, unit, payer, round, amount, entry });
		Ok(())
	}

	#[allow(clippy::too_many_arguments)]
	pub(crate) fn do_spend_maintenance(
		community: CommunityId,
		scope: Option<linli_primitives::community::ScopeId>,
		amount: BalanceOf<T>,
		payee: T::AccountId,
		document: H256,
		approved_by: ApproverOf<T>,
	) -> DispatchResult {
		Self::ensure_community(community)?;
		Self::charge_maintenance(community, scope, amount)?;
		let entry = Self::book_out(
			community,
			FundKind::Maintenance,
			Category::MajorRepair,
			amount,
			&payee,
			Some(document),
			approved_by.clone(),
		)?;
		Self::deposit_event(Event::MaintenanceSpent { community, scope, amount, payee, document, approved_by, entry });
		Self::warn_if_maintenance_low(community);
		Ok(())
	}

	/// How much more emergencies may take from `community`'s maintenance
	/// fund this month without a vote.
	pub fn emergency_headroom(community: CommunityId) -> BalanceOf<T> {
		let cap = EmergencyCaps::<T>::get(community).unwrap_or_else(T::DefaultEmergencyCap::get);
		let balance = Funds::<T>::get(community, FundKind::Maintenance).unwrap_or_default().balance;
		EmergencySpending::headroom(EmergencySpent::<T>::get(community), Self::current_period(), balance, cap)
	}

	#[allow(clippy::too_many_arguments)]
	pub(crate) fn do_propose_emergency(
		community: CommunityId,
		who: T::AccountId,
		emergency: Emergency,
		scope: Option<linli_primitives::community::ScopeId>,
		amount: BalanceOf<T>,
		payee: T::AccountId,
		invoice: H256,
	) -> DispatchResult {
		Self::ensure_community(community)?;
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		ensure!(invoice != H256::zero(), Error::<T>::MissingInvoice);
		ensure!(scope.is_some() || !emergency.is_of_one_building(), Error::<T>::EmergencyNeedsScope);
		ensure!(!Self::is_fund_account(community, &payee), Error::<T>::PayeeIsAFund);
		ensure!(amount <= Self::emergency_headroom(community), Error::<T>::EmergencyCapExceeded);
		Self::ensure_scope_can_pay(community, scope, amount)?;
		let pending = PendingEmergencies::<T>::get(community);
		ensure!(pending < T::MaxPendingEmergencies::get(), Error::<T>::TooManyPendingEmergencies);
		let repair = NextEmergencyRepair::<T>::get(community);
		NextEmergencyRepair::<T>::insert(community, repair.checked_add(1).ok_or(Error::<T>::Overflow)?);
		PendingEmergencies::<T>::insert(community, pending + 1);
		EmergencyRepairs::<T>::insert(
			community,
			repair,
			EmergencyRepair {
				emergency,
				scope,
				amount,
				payee: payee.clone(),
				invoice,
				proposed_by: who.clone(),
				proposed_at: frame_system::Pallet::<T>::block_number(),
			},
		);
		Self::deposit_event(Event::EmergencyRepairProposed {
			community,
			repair,
			emergency,
			scope,
			amount,
			payee,
			invoice,
			proposed_by: who,
		});
		Ok(())
	}

	pub(crate) fn do_approve_emergency(community: CommunityId, repair: u32, who: T::AccountId) -> DispatchResult {
		let pending = EmergencyRepairs::<T>::get(community, repair).ok_or(Error::<T>::UnknownEmergencyRepair)?;
		ensure!(who != pending.proposed_by, Error::<T>::SecondKeyRequired);
		ensure!(
			T::Community::is_committee_member(community, &who) ||
				T::Community::is_committee_member(community, &pending.proposed_by),
			Error::<T>::CommitteeKeyRequired
		);
		// The cap is checked again: the fund or the month's spending may
		// have changed since the announcement; so is the scope rule (a
		// repair announced before it existed).
		ensure!(pending.amount <= Self::emergency_headroom(community), Error::<T>::EmergencyCapExceeded);
		ensure!(
			pending.scope.is_some() || !pending.emergency.is_of_one_building(),
			Error::<T>::EmergencyNeedsScope
		);
		let approved_by = Approver::Account(who);
		Self::charge_maintenance(community, pending.scope, pending.amount)?;
		let entry = Self::book_out(
			community,
			FundKind::Maintenance,
			Category::EmergencyRepair,
			pending.amount,
			&pending.payee,
			Some(pending.invoice),
			approved_by.clone(),
		)?;
		let now = Self::current_period();
		EmergencySpent::<T>::mutate(community, |spent| {
			let so_far = spent.filter(|s| s.period == now).map_or(Zero::zero(), |s| s.spent);
			*spent = Some(EmergencySpending { period: now, spent: so_far.saturating_add(pending.amount) });
		});
		EmergencyRepairs::<T>::remove(community, repair);
		PendingEmergencies::<T>::mutate(community, |n| *n = n.saturating_sub(1));
		Self::deposit_event(Event::EmergencyRepairNotified {
			community,
			repair,
			emergency: pending.emergency,
			scope: pending.scope,
			amount: pending.amount,
			payee: pending.payee,
			document: pending.invoice,
			proposed_by: pending.proposed_by,
			approved_by,
			entry,
		});
		Self::warn_if_maintenance_low(community);
		Ok(())
	}

	/// Adds a unit's `amount` deposited to its maintenance account (opened
	/// at its registration; a unit of storage version 1 opens it here).
	pub(crate) fn credit_maintenance(
		community: CommunityId,
		unit: UnitId,
		scope: ScopeId,
		area: Area,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		let amount: u128 = amount.saturated_into();
		let account = match MaintenanceAccounts::<T>::get(community, unit) {
			Some(mut account) => {
				Self::apply_pools(community, &account, false)?;
				account.deposited = account.deposited.checked_add(amount).ok_or(Error::<T>::Overflow)?;
				account
			},
			// A unit of storage version 1 (registered before units had
			// maintenance accounts) joins at its first deposit.
			None => Self::new_maintenance_account(community, scope, area, amount),
		};
		Self::apply_pools(community, &account, true)?;
		MaintenanceAccounts::<T>::insert(community, unit, account);
		Ok(())
	}

	/// A maintenance account that joins its pools now: it shares only the
	/// spends from now on.
	fn new_maintenance_account(community: CommunityId, scope: ScopeId, area: Area, deposited: u128) -> MaintenanceAccount {
		MaintenanceAccount {
			scope,
			area,
			deposited,
			charged: 0,
			scope_index: SpendPools::<T>::get(community, Some(scope)).index,
			community_index: SpendPools::<T>::get(community, COMMUNITY_POOL).index,
		}
	}

	/// Adds a member to (`join`) or removes it from the pools of its scope
	/// and of the community, as of its last settlement.
	fn apply_pools(community: CommunityId, account: &MaintenanceAccount, join: bool) -> DispatchResult {
		for (scope, own_index) in [(Some(account.scope), account.scope_index), (None, account.community_index)] {
			SpendPools::<T>::try_mutate(community, scope, |pool| {
				pool.apply(account, own_index, join).ok_or(Error::<T>::Overflow)
			})?;
		}
		Ok(())
	}

	/// Whether the units of `scope` hold `amount` in the maintenance fund
	/// (a community-wide spend is bounded by the fund itself).
	pub(crate) fn ensure_scope_can_pay(
		community: CommunityId,
		scope: Option<ScopeId>,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		let Some(scope) = scope else { return Ok(()) };
		let pool = SpendPools::<T>::get(community, Some(scope));
		ensure!(pool.area > 0, Error::<T>::NoUnitsInScope);
		let held = pool.balance(SpendPools::<T>::get(community, COMMUNITY_POOL).index).unwrap_or(0);
		let wanted = amount.saturated_into::<u128>().checked_mul(SPEND_INDEX_SCALE);
		ensure!(wanted.is_some_and(|w| w <= held), Error::<T>::ScopeFundInsufficient);
		Ok(())
	}

	/// Shares `amount` spent from the maintenance fund among the units of
	/// `scope` (or of the whole community) by area. A community-wide spend
	/// first uses the money deposited before units had accounts.
	pub(crate) fn charge_maintenance(
		community: CommunityId,
		scope: Option<ScopeId>,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		Self::ensure_scope_can_pay(community, scope, amount)?;
		let mut amount: u128 = amount.saturated_into();
		if scope.is_none() {
			let legacy: u128 = LegacyMaintenance::<T>::get(community).saturated_into();
			let from_legacy = legacy.min(amount);
			if from_legacy > 0 {
				LegacyMaintenance::<T>::insert(community, (legacy - from_legacy).saturated_into::<BalanceOf<T>>());
				amount -= from_legacy;
			}
			if amount == 0 {
				return Ok(());
			}
		}
		let unshared = SpendPools::<T>::try_mutate(community, scope, |pool| {
			ensure!(pool.area > 0, Error::<T>::NoUnitsInScope);
			pool.share(amount).map(|(_, unshared)| unshared).ok_or(Error::<T>::Overflow)
		})?;
		UnsharedSpend::<T>::try_mutate(community, |total| {
			*total = total.checked_add(unshared).ok_or(Error::<T>::Overflow)?;
			Ok::<_, Error<T>>(())
		})?;
		Ok(())
	}

	/// Settles a unit's shares at its old scope and area and moves it to
	/// the new ones: later spends are shared by the corrected facts.
	pub(crate) fn move_maintenance_account(
		community: CommunityId,
		unit: &UnitId,
		scope: ScopeId,
		area: Area,
	) -> DispatchResult {
		let Some(mut account) = MaintenanceAccounts::<T>::get(community, unit) else { return Ok(()) };
		Self::apply_pools(community, &account, false)?;
		let community_index = SpendPools::<T>::get(community, COMMUNITY_POOL).index;
		account
			.settle(SpendPools::<T>::get(community, Some(account.scope)).index, community_index)
			.ok_or(Error::<T>::Overflow)?;
		account.scope = scope;
		account.area = area;
		account.scope_index = SpendPools::<T>::get(community, Some(scope)).index;
		Self::apply_pools(community, &account, true)?;
		MaintenanceAccounts::<T>::insert(community, unit, account);
		Ok(())
	}

	/// A unit's maintenance account as the runtime API shows it.
	pub fn maintenance_view(
		community: CommunityId,
		unit: UnitId,
	) -> Option<pallet_property_fees_runtime_api::MaintenanceView<BalanceOf<T>>> {
		let account = MaintenanceAccounts::<T>::get(community, unit)?;
		let scope_index = SpendPools::<T>::get(community, Some(account.scope)).index;
		let community_index = SpendPools::<T>::get(community, COMMUNITY_POOL).index;
		// Shares round up to the planck: the balance shown is never more
		// than the unit holds, and deposited = spent + balance − owed.
		let spent = account.charged.checked_add(account.pending(scope_index, community_index)?)?.div_ceil(SPEND_INDEX_SCALE);
		let (balance, owed) = (account.deposited.saturating_sub(spent), spent.saturating_sub(account.deposited));
		Some(pallet_property_fees_runtime_api::MaintenanceView {
			scope: account.scope,
			area: account.area,
			deposited: account.deposited.saturated_into(),
			spent: spent.saturated_into(),
			balance: balance.saturated_into(),
			owed: owed.saturated_into(),
			rounds_paid: MaintenancePaid::<T>::get(community, unit),
		})
	}

	/// `MaintenanceFundLow` when the fund fell below 30 % of the first
	/// deposits.
	fn warn_if_maintenance_low(community: CommunityId) {
		let balance = Funds::<T>::get(community, FundKind::Maintenance).unwrap_or_default().balance;
		let first_deposits = FirstDeposits::<T>::get(community);
		if balance < MAINTENANCE_TOP_UP_FLOOR.mul_ceil(first_deposits) {
			Self::deposit_event(Event::MaintenanceFundLow { community, balance, first_deposits });
		}
	}
}

impl<T: Config> linli_primitives::fees::CommunityFunds<T::AccountId> for Pallet<T> {
	type Balance = BalanceOf<T>;

	fn fee_income(community: CommunityId, from: Period, to: Period) -> BalanceOf<T> {
		(from..=to).fold(Zero::zero(), |total: BalanceOf<T>, period| {
			total
				.saturating_add(
					CategoryTotals::<T>::get((community, FundKind::Operating, period, Category::PropertyFee))
						.income,
				)
				.saturating_add(Escrowed::<T>::get(community, period))
		})
	}

	fn held_back(community: CommunityId, from: Period, to: Period) -> BalanceOf<T> {
		(from..=to).fold(Zero::zero(), |total: BalanceOf<T>, period| {
			total.saturating_add(Escrowed::<T>::get(community, period))
		})
	}

	fn settle_held_back(
		community: CommunityId,
		from: Period,
		to: Period,
		release_to: Option<&T::AccountId>,
		approved_by: ApproverOf<T>,
	) -> Result<BalanceOf<T>, DispatchError> {
		let mut amount = BalanceOf::<T>::zero();
		for period in from..=to {
			amount = amount.checked_add(&Escrowed::<T>::take(community, period)).ok_or(Error::<T>::Overflow)?;
		}
		if amount.is_zero() {
			return Ok(amount);
		}
		match release_to {
			Some(payee) => {
				Self::book_out(community, FundKind::Escrow, Category::PerformancePay, amount, payee, None, approved_by)?;
			},
			None => Self::transfer_between(
				community,
				FundKind::Escrow,
				FundKind::Operating,
				Category::HeldBackReturned,
				amount,
				approved_by,
			)?,
		}
		Ok(amount)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn add_fee_income(community: CommunityId, amount: BalanceOf<T>) {
		use frame_support::traits::fungible::{Inspect, Mutate};
		let payer: T::AccountId = frame_benchmarking::account("fee payer", 0, 0);
		T::Currency::set_balance(&payer, amount.saturating_mul(2u32.into()).saturating_add(T::Currency::minimum_balance()));
		let model = Self::schedule_at(&Schedules::<T>::get(community), Self::current_period()).map(|s| s.model);
		Self::book_fees(community, model, amount, &payer, None, None, Approver::Payer).expect("a funded payer pays in");
	}
}

impl<T: Config> linli_primitives::community::UnitChanges for Pallet<T> {
	fn unit_registered(community: CommunityId, unit: &UnitId, scope: ScopeId, area: Area) -> DispatchResult {
		// Billed from the month it was registered, never before.
		Self::store_account(community, unit, &UnitAccount { next_due: Self::current_period(), credit: Zero::zero() })?;
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

/// What the runtime API serves.
impl<T: Config> Pallet<T> {
	/// What `unit` owes now.
	pub fn unit_dues(community: CommunityId, unit: UnitId) -> Option<UnitDues<T::AccountId, BalanceOf<T>>> {
		let schedules = Schedules::<T>::get(community);
		if schedules.is_empty() {
			return None;
		}
		let info = T::Community::unit(community, &unit)?;
		let now = Self::current_period();
		let account = Self::unit_account(community, &unit, &schedules);
		let carried = Carried::<T>::get(community, unit).unwrap_or_default();
		let arrears = match now.checked_sub(1) {
			Some(last) => Self::unpaid_through(&schedules, info.area, &account, carried.owner, last).ok()?,
			None => carried.owner,
		};
		let all = Self::unpaid_through(&schedules, info.area, &account, carried.owner, now).ok()?;
		let terms = Terms::<T>::get(community);
		let (late_fee, notice) = match Notices::<T>::get(community, unit) {
			Some(mut notice) => {
				let outstanding =
					Self::unpaid_through(&schedules, info.area, &account, carried.owner, notice.through).ok()?;
				Self::accrue_late_fee(&mut notice, outstanding, &terms, now).ok()?;
				(notice.accrued, Some(notice.issued))
			},
			None => (Zero::zero(), None),
		};
		Some(UnitDues {
			responsible: info.responsible,
			area: info.area,
			period: now,
			next_due: account.next_due,
			credit: account.credit,
			arrears,
			developer_arrears: carried.developer,
			current: all.saturating_sub(arrears),
			late_fee,
			notice,
			prepay_limit: now.saturating_add(terms.max_prepaid_periods.into()),
		})
	}

	/// Arrears of up to `limit` units of `community` after `start_after`.
	pub fn arrears_page(
		community: CommunityId,
		start_after: Option<UnitId>,
		limit: u32,
	) -> ArrearsPage<BalanceOf<T>> {
		let limit = limit.min(pallet_property_fees_runtime_api::MAX_PAGE);
		let ids = T::Community::units(community, start_after, limit);
		let next = if ids.len() as u32 == limit { ids.last().copied() } else { None };
		let mut page: ArrearsPage<BalanceOf<T>> = ArrearsPage { total: Zero::zero(), units: Vec::new(), scanned: ids.len() as u32, next };
		for unit in ids {
			let arrears =
				Self::unit_dues(community, unit).map_or(Zero::zero(), |d| d.arrears.saturating_add(d.developer_arrears));
			if !arrears.is_zero() {
				page.total = page.total.saturating_add(arrears);
				page.units.push((unit, arrears));
			}
		}
		page
	}

	/// Balances of `community`'s funds.
	pub fn fund_views(community: CommunityId) -> Vec<FundView<T::AccountId, BalanceOf<T>>> {
		FundKind::ALL
			.iter()
			.map(|&fund| FundView {
				fund,
				account: Self::fund_account(community, fund),
				balance: Funds::<T>::get(community, fund).unwrap_or_default().balance,
			})
			.collect()
	}

	/// `community`'s statement for `period`. Reads every period a fund was
	/// active in (off chain only).
	pub fn statement(community: CommunityId, period: Period) -> Statement<T::AccountId, BalanceOf<T>> {
		let funds = FundKind::ALL
			.iter()
			.map(|&fund| {
				let balance = Funds::<T>::get(community, fund).unwrap_or_default().balance;
				// Opening = now − everything that moved from `period` on.
				let (mut later_in, mut later_out) = (BalanceOf::<T>::zero(), BalanceOf::<T>::zero());
				for (p, flow) in PeriodTotals::<T>::iter_prefix((community, fund)) {
					if p >= period {
						later_in = later_in.saturating_add(flow.income);
						later_out = later_out.saturating_add(flow.expense);
					}
				}
				let opening = balance.saturating_add(later_out).saturating_sub(later_in);
				let flow = PeriodTotals::<T>::get((community, fund, period));
				let mut income = Vec::new();
				let mut expense = Vec::new();
				for (category, flow) in CategoryTotals::<T>::iter_prefix((community, fund, period)) {
					if !flow.income.is_zero() {
						income.push((category, flow.income));
					}
					if !flow.expense.is_zero() {
						expense.push((category, flow.expense));
					}
				}
				income.sort();
				expense.sort();
				FundStatement {
					fund,
					account: Self::fund_account(community, fund),
					opening,
					income,
					expense,
					closing: opening.saturating_add(flow.income).saturating_sub(flow.expense),
				}
			})
			.collect();
		Statement { period, funds }
	}

	/// Up to `limit` ledger entries of `community` from index `from`.
	pub fn ledger_page(community: CommunityId, from: u64, limit: u32) -> Vec<(u64, LedgerEntryOf<T>)> {
		let limit = limit.min(pallet_property_fees_runtime_api::MAX_PAGE);
		let end = LedgerLength::<T>::get(community).min(from.saturating_add(limit.into()));
		(from..end).filter_map(|i| Ledger::<T>::get(community, i).map(|e| (i, e))).collect()
	}
}

/// Invariants, checked by `try_state` (and after every test).
impl<T: Config> Pallet<T> {
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		// Every fund: held balance == ledger balance == income − expense ==
		// the sum of its ledger entries, of its period totals, of its
		// category totals.
		let mut from_ledger: BTreeMap<(CommunityId, FundKind), Flow<BalanceOf<T>>> = BTreeMap::new();
		// Each unit's first maintenance deposit: its earliest deposit entry
		// (rounds are paid in order).
		let mut first_deposit: BTreeMap<(CommunityId, UnitId), (u64, BalanceOf<T>)> = BTreeMap::new();
		for (community, index, entry) in Ledger::<T>::iter() {
			ensure!(index < LedgerLength::<T>::get(community), "ledger entry beyond the ledger's length");
			if let (Category::MaintenanceDeposit, Some(unit)) = (entry.category, entry.unit) {
				let first = first_deposit.entry((community, unit)).or_insert((index, entry.amount));
				if index < first.0 {
					*first = (index, entry.amount);
				}
			}
			let flow = from_ledger.entry((community, entry.fund)).or_default();
			match entry.direction {
				Direction::In => flow.income += entry.amount,
				Direction::Out => flow.expense += entry.amount,
			}
		}
		for (community, length) in LedgerLength::<T>::iter() {
			ensure!(
				Ledger::<T>::iter_prefix(community).count() as u64 == length,
				"ledger has a gap"
			);
		}
		for (community, fund, state) in Funds::<T>::iter() {
			let held = T::Currency::balance_on_hold(
				&HoldReason::Fund.into(),
				&Self::fund_account(community, fund),
			);
			ensure!(held == state.balance, "a fund's account does not hold its ledger balance");
			ensure!(
				state.income.checked_sub(&state.expense) == Some(state.balance),
				"a fund's balance is not its income minus its expense"
			);
			let ledger = from_ledger.remove(&(community, fund)).unwrap_or_default();
			ensure!(
				ledger.income == state.income && ledger.expense == state.expense,
				"a fund's totals differ from its ledger entries"
			);
			let mut by_period = Flow::<BalanceOf<T>>::default();
			for (period, flow) in PeriodTotals::<T>::iter_prefix((community, fund)) {
				by_period.income += flow.income;
				by_period.expense += flow.expense;
				let mut by_category = Flow::<BalanceOf<T>>::default();
				for (_, c) in CategoryTotals::<T>::iter_prefix((community, fund, period)) {
					by_category.income += c.income;
					by_category.expense += c.expense;
				}
				ensure!(by_category == flow, "a period's category totals differ from its total");
			}
			ensure!(
				by_period.income == state.income && by_period.expense == state.expense,
				"a fund's period totals differ from its totals"
			);
		}
		ensure!(from_ledger.is_empty(), "ledger entries of a fund with no state");

		// Every unit in `Billing` is counted in its due month, and no unit is
		// due before the community's oldest due month.
		let mut due_months: BTreeMap<(CommunityId, Period), u32> = BTreeMap::new();
		let mut billed: BTreeMap<CommunityId, u32> = BTreeMap::new();
		for (community, unit, account) in Billing::<T>::iter() {
			ensure!(!UnitAccounts::<T>::contains_key(community, unit), "a unit billed twice");
			ensure!(
				OldestDue::<T>::get(community).is_some_and(|oldest| oldest <= account.next_due),
				"a unit due before the oldest due month"
			);
			*due_months.entry((community, account.next_due)).or_default() += 1;
			*billed.entry(community).or_default() += 1;
		}
		for (community, month, count) in DueMonths::<T>::iter() {
			ensure!(due_months.remove(&(community, month)) == Some(count), "a due month miscounted");
		}
		ensure!(due_months.is_empty(), "units not counted in their due month");
		for (community, count) in BilledUnits::<T>::iter() {
			ensure!(billed.remove(&community).unwrap_or(0) == count, "billed units miscounted");
		}
		ensure!(billed.is_empty(), "billed units not counted");
		for (community, unit, account) in Billing::<T>::iter().chain(UnitAccounts::<T>::iter()) {
			let schedules = Schedules::<T>::get(community);
			if let (Some(info), Some(schedule)) =
				(T::Community::unit(community, &unit), Self::schedule_at(&schedules, account.next_due))
			{
				let due = Self::monthly_due(schedule.price_per_m2, info.area)
					.map_err(|_| "monthly due overflows")?;
				// A month already begun is settled by every payment; credit
				// towards a later one may cover it after a lower area or
				// price, until the next payment settles it.
				ensure!(
					account.credit.is_zero() || account.credit < due || account.next_due >= Self::current_period(),
					"a unit's credit covers a whole period already due"
				);
			}
		}
		for (community, unit, notice) in Notices::<T>::iter() {
			ensure!(notice.accrued <= notice.charged, "a notice's unpaid late fee exceeds its total");
			ensure!(notice.through < notice.issued, "a notice demands a period not yet past");
			let schedules = Schedules::<T>::get(community);
			let account = Self::unit_account(community, &unit, &schedules);
			let carried = Carried::<T>::get(community, unit).unwrap_or_default();
			if let Some(info) = T::Community::unit(community, &unit) {
				let outstanding = Self::unpaid_through(&schedules, info.area, &account, carried.owner, notice.through)
					.map_err(|_| "dues overflow")?;
				ensure!(
					!outstanding.is_zero() || !notice.accrued.is_zero(),
					"a settled notice is still open"
				);
			}
		}
		for (_, schedules) in Schedules::<T>::iter() {
			ensure!(
				schedules.windows(2).all(|w| w[0].effective_from < w[1].effective_from),
				"schedules out of order"
			);
		}
		for (_, _, line) in Budgets::<T>::iter() {
			ensure!(line.spent <= line.approved, "a budget line is overspent");
		}
		let mut first_deposits: BTreeMap<CommunityId, BalanceOf<T>> = BTreeMap::new();
		for ((community, _), (_, amount)) in first_deposit {
			*first_deposits.entry(community).or_default() += amount;
		}
		for (community, total) in FirstDeposits::<T>::iter() {
			ensure!(
				first_deposits.remove(&community).unwrap_or_default() == total,
				"first deposits differ from the units' first deposit entries"
			);
		}
		ensure!(first_deposits.values().all(|t| t.is_zero()), "first deposits not totalled");
		// Payers are counted per round since storage version 2: never more
		// than the units that paid it.
		let mut paid_round: BTreeMap<(CommunityId, u32), u32> = BTreeMap::new();
		for (community, _, paid) in MaintenancePaid::<T>::iter() {
			for round in 0..paid {
				*paid_round.entry((community, round)).or_default() += 1;
			}
		}
		for (community, round, payers) in RoundPayers::<T>::iter() {
			let live = MaintenanceRounds::<T>::get(community).len() as u32 + PrunedRounds::<T>::get(community);
			ensure!(round < live && (round == 0 || round > PrunedRounds::<T>::get(community)), "payers of a round not kept");
			ensure!(payers <= paid_round.get(&(community, round)).copied().unwrap_or(0), "a round's payers overcounted");
		}
		for (community, _, paid) in MaintenancePaid::<T>::iter() {
			ensure!(
				paid as usize <= MaintenanceRounds::<T>::get(community).len() + PrunedRounds::<T>::get(community) as usize,
				"a unit paid a round that does not exist"
			);
		}
		// Emergencies: the pending count is the pending repairs, each
		// numbered below the next number; a month's emergency spending is
		// exactly its emergency-repair ledger entries, within the cap's bound.
		let mut pending: BTreeMap<CommunityId, u32> = BTreeMap::new();
		for (community, repair, entry) in EmergencyRepairs::<T>::iter() {
			ensure!(repair < NextEmergencyRepair::<T>::get(community), "an emergency repair beyond the next number");
			ensure!(!entry.amount.is_zero(), "an emergency repair of nothing");
			*pending.entry(community).or_default() += 1;
		}
		for (community, count) in PendingEmergencies::<T>::iter() {
			ensure!(pending.remove(&community).unwrap_or(0) == count, "pending emergencies miscounted");
			ensure!(count <= T::MaxPendingEmergencies::get(), "too many pending emergencies");
		}
		ensure!(pending.is_empty(), "pending emergencies not counted");
		for (community, spending) in EmergencySpent::<T>::iter() {
			let booked = CategoryTotals::<T>::get((
				community,
				FundKind::Maintenance,
				spending.period,
				Category::EmergencyRepair,
			))
			.expense;
			ensure!(spending.spent == booked, "emergency spending differs from its ledger entries");
		}
		for (_, cap) in EmergencyCaps::<T>::iter() {
			ensure!(cap <= T::MaxEmergencyCap::get(), "an emergency cap above the maximum");
		}
		for (community, unit, carried) in Carried::<T>::iter() {
			ensure!(!carried.is_empty(), "an empty carried entry is kept");
			ensure!(T::Community::unit(community, &unit).is_some(), "dues carried by an unknown unit");
		}
		// The units' maintenance accounts add up to their pools, and to the
		// fund: its balance (plus what rounding left unshared) is what the
		// units hold (less what they owe) plus the money of before accounts.
		let mut pools: BTreeMap<(CommunityId, Option<ScopeId>), SpendPool> = BTreeMap::new();
		let mut units_net: BTreeMap<CommunityId, (u128, u128)> = BTreeMap::new();
		for (community, unit, account) in MaintenanceAccounts::<T>::iter() {
			ensure!(T::Community::unit(community, &unit).is_some(), "a maintenance account of an unknown unit");
			for (scope, own_index) in [(Some(account.scope), account.scope_index), (None, account.community_index)] {
				pools.entry((community, scope)).or_default().apply(&account, own_index, true).ok_or("pool overflow")?;
			}
			let scope_index = SpendPools::<T>::get(community, Some(account.scope)).index;
			let community_index = SpendPools::<T>::get(community, COMMUNITY_POOL).index;
			let shares = account
				.charged
				.checked_add(account.pending(scope_index, community_index).ok_or("a share overflows")?)
				.ok_or("shares overflow")?;
			let (deposits, charged) = units_net.entry(community).or_default();
			*deposits += account.deposited * SPEND_INDEX_SCALE;
			*charged += shares;
		}
		for (community, scope, pool) in SpendPools::<T>::iter() {
			let expected = pools.remove(&(community, scope)).unwrap_or_default();
			ensure!(
				SpendPool { index: pool.index, ..expected } == pool,
				"a spend pool differs from its members' accounts"
			);
		}
		ensure!(pools.is_empty(), "maintenance accounts outside their pools");
		for (community, fund, state) in Funds::<T>::iter() {
			if fund != FundKind::Maintenance {
				continue;
			}
			let (deposits, charged) = units_net.remove(&community).unwrap_or_default();
			let legacy: u128 = LegacyMaintenance::<T>::get(community).saturated_into();
			let balance: u128 = state.balance.saturated_into();
			ensure!(
				balance * SPEND_INDEX_SCALE + UnsharedSpend::<T>::get(community) + charged ==
					legacy * SPEND_INDEX_SCALE + deposits,
				"the units' maintenance accounts do not add up to the fund"
			);
		}
		// Before a community's first deposit its units' accounts are empty.
		ensure!(
			units_net.values().all(|(deposits, charged)| *deposits == 0 && *charged == 0),
			"maintenance money in accounts without a fund"
		);
		// The escrow holds exactly the pay held back and not yet settled.
		let mut escrowed: BTreeMap<CommunityId, BalanceOf<T>> = BTreeMap::new();
		for (community, _, held) in Escrowed::<T>::iter() {
			ensure!(!held.is_zero(), "an empty escrow entry is kept");
			*escrowed.entry(community).or_default() += held;
		}
		for (community, fund, state) in Funds::<T>::iter() {
			if fund == FundKind::Escrow {
				ensure!(
					escrowed.remove(&community).unwrap_or_default() == state.balance,
					"the escrow's balance differs from the pay held back"
				);
			}
		}
		ensure!(escrowed.is_empty(), "pay held back without an escrow");
		// The company's undrawn remuneration stays in the operating fund.
		for (community, due) in RemunerationDue::<T>::iter() {
			let balance = Funds::<T>::get(community, FundKind::Operating).unwrap_or_default().balance;
			ensure!(due <= balance, "the operating fund holds less than the remuneration due");
		}
		Ok(())
	}
}
