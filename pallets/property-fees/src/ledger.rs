//! The ledger: every movement of money goes through [`Pallet::book_in`] or
//! [`Pallet::book_out`], and each is a public [`LedgerEntry`] that says
//! which fund, how much, what for, who paid or was paid, and who approved.

use crate::{pallet::*, types::*, LedgerEntry};
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{
		fungible::MutateHold,
		tokens::{Fortitude, Precision, Preservation, Restriction},
	},
};
use linli_primitives::{calendar::Month, 
	community::{CommunityId, CommunityInspect, UnitId},
	fees::{Category, Direction, FundKind},
};
use sp_core::H256;
use sp_runtime::traits::{CheckedAdd, CheckedSub, Saturating, Zero};

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
		billed: Option<(Month, Month)>,
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
				period: Self::current_month(),
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
				period: Self::current_month(),
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
		billed: Option<(Month, Month)>,
		approved_by: ApproverOf<T>,
	) -> Result<BalanceOf<T>, DispatchError> {
		use frame_support::traits::fungible::Inspect;
		use linli_primitives::fees::HeldBackShare;
		if fees.is_zero() {
			return Ok(Zero::zero());
		}
		let now = Self::current_month();
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
			period: Self::current_month(),
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
	pub(crate) fn record(community: CommunityId, entry: LedgerEntryOf<T>) -> Result<u64, DispatchError> {
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
