//! The ledger: every movement of money goes through [`Pallet::book_in`],
//! [`Pallet::book_out`] or (between two funds) `transfer_between`, which
//! share one rule for a fund's state, and each is a public
//! [`LedgerEntry`](crate::LedgerEntry) that says which fund, how much, what
//! for, who paid or was paid, and who approved.

use crate::{pallet::*, types::*};
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{
		fungible::MutateHold,
		tokens::{Fortitude, Precision, Preservation, Restriction},
	},
};
use linli_primitives::{
	calendar::Month,
	community::{CommunityId, CommunityInspect, UnitId},
	fees::{Approver, Category, Direction, FundKind},
};
use sp_runtime::traits::{CheckedAdd, CheckedSub, Saturating, Zero};

impl<T: Config> Pallet<T> {
	pub(crate) fn ensure_community(community: CommunityId) -> DispatchResult {
		ensure!(T::Community::community_exists(community), Error::<T>::UnknownCommunity);
		Ok(())
	}

	/// Takes `movement.amount` from its payer into its fund (held there)
	/// and books it; returns the ledger index.
	pub(crate) fn book_in(
		community: CommunityId,
		movement: MovementOf<'_, T>,
	) -> Result<u64, DispatchError> {
		let account = Self::fund_account(community, movement.fund);
		let state = Self::fund_after_income(community, movement.fund, movement.amount)?;
		T::Currency::transfer_and_hold(
			&HoldReason::Fund.into(),
			movement.counterparty,
			&account,
			movement.amount,
			Precision::Exact,
			Preservation::Preserve,
			Fortitude::Polite,
		)?;
		Funds::<T>::insert(community, movement.fund, state);
		Self::record(
			community,
			movement.entry(Direction::In, frame_system::Pallet::<T>::block_number()),
		)
	}

	/// Pays `movement.amount` out of its fund to its payee and books it;
	/// returns the ledger index.
	pub(crate) fn book_out(
		community: CommunityId,
		movement: MovementOf<'_, T>,
	) -> Result<u64, DispatchError> {
		let (fund, amount, payee) = (movement.fund, movement.amount, movement.counterparty);
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		// Money paid to a fund account would sit there outside every
		// fund's books (only `book_in` holds money in a fund).
		ensure!(!Self::is_fund_account(community, payee), Error::<T>::PayeeIsAFund);
		let state = Self::fund_after_expense(community, fund, amount)?;
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
			movement.entry(Direction::Out, frame_system::Pallet::<T>::block_number()),
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
		billed: Option<(Month, Month)>,
		now: Month,
	) -> Result<BalanceOf<T>, DispatchError> {
		use frame_support::traits::fungible::Inspect;
		use linli_primitives::fees::HeldBackShare;
		if fees.is_zero() {
			return Ok(Zero::zero());
		}
		let split = FeeSplit::of(
			fees,
			model,
			T::HeldBackShare::held_back_share(community, now),
			T::Currency::minimum_balance(),
		);
		let operating = fees.saturating_sub(split.held_back);
		if !operating.is_zero() {
			let movement = Movement::new(
				FundKind::Operating,
				Category::PropertyFee,
				operating,
				payer,
				Approver::Payer,
				now,
			);
			Self::book_in(community, Movement { unit, billed, ..movement })?;
		}
		if !split.held_back.is_zero() {
			let movement = Movement::new(
				FundKind::Escrow,
				Category::HeldBack,
				split.held_back,
				payer,
				Approver::Payer,
				now,
			);
			Self::book_in(community, Movement { unit, billed, ..movement })?;
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
		let (from_account, to_account) =
			(Self::fund_account(community, from), Self::fund_account(community, to));
		let source = Self::fund_after_expense(community, from, amount)?;
		let dest = Self::fund_after_income(community, to, amount)?;
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
		let (now, block) = (Self::current_month(), frame_system::Pallet::<T>::block_number());
		let out = Movement::new(from, category, amount, &to_account, approved_by.clone(), now);
		Self::record(community, out.entry(Direction::Out, block))?;
		let into = Movement::new(to, category, amount, &from_account, approved_by, now);
		Self::record(community, into.entry(Direction::In, block))?;
		Ok(())
	}

	/// `fund`'s state with `amount` more come in. A fund's account holds
	/// everything on hold and nothing free: from its first income our
	/// provider reference keeps it alive whatever its balance.
	fn fund_after_income(
		community: CommunityId,
		fund: FundKind,
		amount: BalanceOf<T>,
	) -> Result<FundState<BalanceOf<T>>, DispatchError> {
		let mut state = match Funds::<T>::get(community, fund) {
			Some(state) => state,
			None => {
				frame_system::Pallet::<T>::inc_providers(&Self::fund_account(community, fund));
				FundState::default()
			},
		};
		state.balance = state.balance.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
		state.income = state.income.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
		Ok(state)
	}

	/// `fund`'s state with `amount` more gone out.
	fn fund_after_expense(
		community: CommunityId,
		fund: FundKind,
		amount: BalanceOf<T>,
	) -> Result<FundState<BalanceOf<T>>, DispatchError> {
		let mut state = Funds::<T>::get(community, fund).unwrap_or_default();
		state.balance = state.balance.checked_sub(&amount).ok_or(Error::<T>::InsufficientFund)?;
		state.expense = state.expense.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
		Ok(state)
	}

	/// Appends `entry` to the ledger and adds it to the running totals.
	pub(crate) fn record(
		community: CommunityId,
		entry: LedgerEntryOf<T>,
	) -> Result<u64, DispatchError> {
		let add = |flow: &mut Flow<BalanceOf<T>>| -> Result<(), Error<T>> {
			let side = match entry.direction {
				Direction::In => &mut flow.income,
				Direction::Out => &mut flow.expense,
			};
			*side = side.checked_add(&entry.amount).ok_or(Error::<T>::Overflow)?;
			Ok(())
		};
		PeriodTotals::<T>::try_mutate((community, entry.fund, entry.period), add)?;
		CategoryTotals::<T>::try_mutate(
			(community, entry.fund, entry.period, entry.category),
			add,
		)?;
		let index = LedgerLength::<T>::get(community);
		LedgerLength::<T>::insert(community, index.checked_add(1).ok_or(Error::<T>::Overflow)?);
		Ledger::<T>::insert(community, index, entry);
		Ok(index)
	}
}
