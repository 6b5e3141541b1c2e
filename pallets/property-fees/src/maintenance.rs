//! The special maintenance fund (专项维修资金): deposit rounds, each unit's
//! maintenance account, spends shared by area among the units of a scope,
//! and emergency repairs paid without a vote.

use crate::{pallet::*, types::*};
use frame_support::{ensure, pallet_prelude::*};
use linli_primitives::{
	community::{Area, CommunityId, CommunityInspect, ScopeId, UnitId},
	fees::{Approver, Category, Emergency, FundKind, MAINTENANCE_TOP_UP_FLOOR},
};
use sp_core::H256;
use sp_runtime::traits::{CheckedAdd, SaturatedConversion, Zero};

impl<T: Config> Pallet<T> {
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
				let settled = (pruned + 1..pruned + live)
					.any(|r| RoundPayers::<T>::get(community, r) >= units);
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
		Self::deposit_event(Event::MaintenanceRoundOpened {
			community,
			round,
			price_per_m2,
			approved_by,
		});
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
		let amount = Self::price_by_area(price, info.area)?;
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let movement = Movement::new(
			FundKind::Maintenance,
			Category::MaintenanceDeposit,
			amount,
			&payer,
			Approver::Payer,
			Self::current_month(),
		);
		let entry = Self::book_in(community, movement.for_unit(unit))?;
		Self::credit_maintenance(community, unit, info.scope, info.area, amount)?;
		if round == 0 {
			FirstDeposits::<T>::try_mutate(community, |total| {
				*total = total.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
				Ok::<_, Error<T>>(())
			})?;
		}
		MaintenancePaid::<T>::insert(
			community,
			unit,
			round.checked_add(1).ok_or(Error::<T>::Overflow)?,
		);
		RoundPayers::<T>::mutate(community, round, |n| *n = n.saturating_add(1));
		Self::deposit_event(Event::MaintenanceDeposited {
			community,
			unit,
			payer,
			round,
			amount,
			entry,
		});
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
		let movement = Movement::new(
			FundKind::Maintenance,
			Category::MajorRepair,
			amount,
			&payee,
			approved_by.clone(),
			Self::current_month(),
		);
		let entry = Self::book_out(community, movement.on(document))?;
		Self::deposit_event(Event::MaintenanceSpent {
			community,
			scope,
			amount,
			payee,
			document,
			approved_by,
			entry,
		});
		Self::warn_if_maintenance_low(community);
		Ok(())
	}

	/// How much more emergencies may take from `community`'s maintenance
	/// fund this month without a vote.
	pub fn emergency_headroom(community: CommunityId) -> BalanceOf<T> {
		let cap = EmergencyCaps::<T>::get(community).unwrap_or_else(T::DefaultEmergencyCap::get);
		let balance = Funds::<T>::get(community, FundKind::Maintenance).unwrap_or_default().balance;
		EmergencySpending::headroom(
			EmergencySpent::<T>::get(community),
			Self::current_month(),
			balance,
			cap,
		)
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
		ensure!(
			scope.is_some() || !emergency.is_of_one_building(),
			Error::<T>::EmergencyNeedsScope
		);
		ensure!(!Self::is_fund_account(community, &payee), Error::<T>::PayeeIsAFund);
		ensure!(amount <= Self::emergency_headroom(community), Error::<T>::EmergencyCapExceeded);
		Self::ensure_scope_can_pay(community, scope, amount)?;
		let pending = PendingEmergencies::<T>::get(community);
		ensure!(pending < T::MaxPendingEmergencies::get(), Error::<T>::TooManyPendingEmergencies);
		let repair = NextEmergencyRepair::<T>::get(community);
		NextEmergencyRepair::<T>::insert(
			community,
			repair.checked_add(1).ok_or(Error::<T>::Overflow)?,
		);
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

	pub(crate) fn do_approve_emergency(
		community: CommunityId,
		repair: u32,
		who: T::AccountId,
	) -> DispatchResult {
		let pending = EmergencyRepairs::<T>::get(community, repair)
			.ok_or(Error::<T>::UnknownEmergencyRepair)?;
		ensure!(who != pending.proposed_by, Error::<T>::SecondKeyRequired);
		ensure!(
			T::Community::is_committee_member(community, &who)
				|| T::Community::is_committee_member(community, &pending.proposed_by),
			Error::<T>::CommitteeKeyRequired
		);
		// The cap is checked again: the fund or the month's spending may
		// have changed since the announcement; so is the scope rule (a
		// repair announced before it existed).
		ensure!(
			pending.amount <= Self::emergency_headroom(community),
			Error::<T>::EmergencyCapExceeded
		);
		ensure!(
			pending.scope.is_some() || !pending.emergency.is_of_one_building(),
			Error::<T>::EmergencyNeedsScope
		);
		let approved_by = Approver::Account(who);
		Self::charge_maintenance(community, pending.scope, pending.amount)?;
		let now = Self::current_month();
		let movement = Movement::new(
			FundKind::Maintenance,
			Category::EmergencyRepair,
			pending.amount,
			&pending.payee,
			approved_by.clone(),
			now,
		);
		let entry = Self::book_out(community, movement.on(pending.invoice))?;
		EmergencySpent::<T>::mutate(community, |spent| {
			*spent = Some(EmergencySpending::after_spending(*spent, now, pending.amount));
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
				account.deposited =
					account.deposited.checked_add(amount).ok_or(Error::<T>::Overflow)?;
				account
			}
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
	pub(crate) fn new_maintenance_account(
		community: CommunityId,
		scope: ScopeId,
		area: Area,
		deposited: u128,
	) -> MaintenanceAccount {
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
	pub(crate) fn apply_pools(
		community: CommunityId,
		account: &MaintenanceAccount,
		join: bool,
	) -> DispatchResult {
		for (scope, own_index) in
			[(Some(account.scope), account.scope_index), (None, account.community_index)]
		{
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
				LegacyMaintenance::<T>::insert(
					community,
					(legacy - from_legacy).saturated_into::<BalanceOf<T>>(),
				);
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
		let Some(mut account) = MaintenanceAccounts::<T>::get(community, unit) else {
			return Ok(());
		};
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
	) -> Option<linli_primitives::fees::MaintenanceView<BalanceOf<T>>> {
		let account = MaintenanceAccounts::<T>::get(community, unit)?;
		let scope_index = SpendPools::<T>::get(community, Some(account.scope)).index;
		let community_index = SpendPools::<T>::get(community, COMMUNITY_POOL).index;
		// Shares round up to the planck: the balance shown is never more
		// than the unit holds, and deposited = spent + balance − owed.
		let spent = account
			.charged
			.checked_add(account.pending(scope_index, community_index)?)?
			.div_ceil(SPEND_INDEX_SCALE);
		let (balance, owed) =
			(account.deposited.saturating_sub(spent), spent.saturating_sub(account.deposited));
		Some(linli_primitives::fees::MaintenanceView {
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
	pub(crate) fn warn_if_maintenance_low(community: CommunityId) {
		let balance = Funds::<T>::get(community, FundKind::Maintenance).unwrap_or_default().balance;
		let first_deposits = FirstDeposits::<T>::get(community);
		if balance < MAINTENANCE_TOP_UP_FLOOR.mul_ceil(first_deposits) {
			Self::deposit_event(Event::MaintenanceFundLow { community, balance, first_deposits });
		}
	}
}
