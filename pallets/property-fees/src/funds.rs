//! The operating and public-income funds: the budget the owners approve,
//! the company's expenses against it, public income and its spending; and
//! the escrow of held-back pay the ratings pallet settles
//! ([`CommunityFunds`](linli_primitives::fees::CommunityFunds)).

use crate::{pallet::*, types::*};
use frame_support::{ensure, pallet_prelude::*};
use linli_primitives::{
	calendar::Month,
	community::CommunityId,
	fees::{Approver, Category, FundKind},
};
use sp_core::H256;
use sp_runtime::traits::{CheckedAdd, CheckedSub, Saturating, Zero};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_approve_budget(
		community: CommunityId,
		category: Category,
		amount: BalanceOf<T>,
		from: Month,
		to: Month,
		approved_by: ApproverOf<T>,
	) -> DispatchResult {
		Self::ensure_community(community)?;
		ensure!(!category.is_income() && !category.is_internal(), Error::<T>::WrongCategory);
		ensure!(category != Category::Remuneration, Error::<T>::RemunerationNotBudgeted);
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		ensure!(from <= to && to >= Self::current_month(), Error::<T>::InvalidPeriodRange);
		let line = NextBudget::<T>::get(community);
		Budgets::<T>::insert(
			community,
			line,
			BudgetLine {
				category,
				approved: amount,
				spent: Zero::zero(),
				from,
				to,
				approved_by: approved_by.clone(),
			},
		);
		NextBudget::<T>::insert(community, line.checked_add(1).ok_or(Error::<T>::Overflow)?);
		Self::deposit_event(Event::BudgetApproved {
			community,
			line,
			category,
			amount,
			from,
			to,
			approved_by,
		});
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
		let now = Self::current_month();
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
		let movement =
			Movement::new(FundKind::Operating, category, amount, &payee, approved_by, now);
		let entry = Self::book_out(community, movement.on(document))?;
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
		let movement = Movement::new(
			FundKind::PublicIncome,
			category,
			amount,
			&payer,
			Approver::Payer,
			Self::current_month(),
		);
		let entry = Self::book_in(community, movement.on(document))?;
		Self::deposit_event(Event::PublicIncomeRecorded {
			community,
			category,
			amount,
			payer,
			document,
			entry,
		});
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
		let movement = Movement::new(
			FundKind::PublicIncome,
			category,
			amount,
			&payee,
			approved_by.clone(),
			Self::current_month(),
		);
		let entry = Self::book_out(community, movement.on(document))?;
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
}

impl<T: Config> linli_primitives::fees::CommunityFunds<T::AccountId> for Pallet<T> {
	type Balance = BalanceOf<T>;

	fn fee_income(community: CommunityId, from: Month, to: Month) -> BalanceOf<T> {
		(from..=to).fold(Zero::zero(), |total: BalanceOf<T>, period| {
			total
				.saturating_add(
					CategoryTotals::<T>::get((
						community,
						FundKind::Operating,
						period,
						Category::PropertyFee,
					))
					.income,
				)
				.saturating_add(Escrowed::<T>::get(community, period))
		})
	}

	fn held_back(community: CommunityId, from: Month, to: Month) -> BalanceOf<T> {
		(from..=to).fold(Zero::zero(), |total: BalanceOf<T>, period| {
			total.saturating_add(Escrowed::<T>::get(community, period))
		})
	}

	fn settle_held_back(
		community: CommunityId,
		from: Month,
		to: Month,
		release_to: Option<&T::AccountId>,
		approved_by: ApproverOf<T>,
	) -> Result<BalanceOf<T>, DispatchError> {
		let mut amount = BalanceOf::<T>::zero();
		for period in from..=to {
			amount = amount
				.checked_add(&Escrowed::<T>::take(community, period))
				.ok_or(Error::<T>::Overflow)?;
		}
		if amount.is_zero() {
			return Ok(amount);
		}
		match release_to {
			Some(payee) => {
				let movement = Movement::new(
					FundKind::Escrow,
					Category::PerformancePay,
					amount,
					payee,
					approved_by,
					Self::current_month(),
				);
				Self::book_out(community, movement)?;
			}
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
		T::Currency::set_balance(
			&payer,
			amount.saturating_mul(2u32.into()).saturating_add(T::Currency::minimum_balance()),
		);
		let now = Self::current_month();
		let model = Self::schedule_at(&Schedules::<T>::get(community), now).map(|s| s.model);
		Self::book_fees(community, model, amount, &payer, None, None, now)
			.expect("a funded payer pays in");
	}
}
