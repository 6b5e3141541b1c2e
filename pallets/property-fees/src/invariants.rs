//! The `try_state` invariants: every fund's balance equals its ledger,
//! every derived total equals what it is derived from.

use crate::{pallet::*, types::*};
use frame_support::{ensure, pallet_prelude::*, traits::fungible::InspectHold};
use linli_primitives::{
	calendar::Month,
	community::{CommunityId, CommunityInspect, ScopeId, UnitId},
	fees::{Category, Direction, FundKind},
};
use sp_runtime::traits::{CheckedSub, SaturatedConversion, Zero};

impl<T: Config> Pallet<T> {
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		// Every fund: held balance == ledger balance == income − expense ==
		// the sum of its ledger entries, of its period totals, of its
		// category totals.
		let mut from_ledger: BTreeMap<(CommunityId, FundKind), Flow<BalanceOf<T>>> =
			BTreeMap::new();
		// Each unit's first maintenance deposit: its earliest deposit entry
		// (rounds are paid in order).
		let mut first_deposit: BTreeMap<(CommunityId, UnitId), (u64, BalanceOf<T>)> =
			BTreeMap::new();
		for (community, index, entry) in Ledger::<T>::iter() {
			ensure!(
				index < LedgerLength::<T>::get(community),
				"ledger entry beyond the ledger's length"
			);
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
		let mut due_months: BTreeMap<(CommunityId, Month), u32> = BTreeMap::new();
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
			ensure!(
				due_months.remove(&(community, month)) == Some(count),
				"a due month miscounted"
			);
		}
		ensure!(due_months.is_empty(), "units not counted in their due month");
		for (community, count) in BilledUnits::<T>::iter() {
			ensure!(billed.remove(&community).unwrap_or(0) == count, "billed units miscounted");
		}
		ensure!(billed.is_empty(), "billed units not counted");
		for (community, unit, account) in Billing::<T>::iter().chain(UnitAccounts::<T>::iter()) {
			let schedules = Schedules::<T>::get(community);
			if let (Some(info), Some(schedule)) = (
				T::Community::unit(community, &unit),
				Self::schedule_at(&schedules, account.next_due),
			) {
				let due = Self::price_by_area(schedule.price_per_m2, info.area)
					.map_err(|_| "monthly due overflows")?;
				// A month already begun is settled by every payment; credit
				// towards a later one may cover it after a lower area or
				// price, until the next payment settles it.
				ensure!(
					account.credit.is_zero()
						|| account.credit < due
						|| account.next_due >= Self::current_month(),
					"a unit's credit covers a whole period already due"
				);
			}
		}
		for (community, unit, notice) in Notices::<T>::iter() {
			ensure!(
				notice.accrued <= notice.charged,
				"a notice's unpaid late fee exceeds its total"
			);
			ensure!(notice.through < notice.issued, "a notice demands a period not yet past");
			let schedules = Schedules::<T>::get(community);
			let account = Self::billing_state(community, &unit, &schedules);
			let carried = Carried::<T>::get(community, unit).unwrap_or_default();
			if let Some(info) = T::Community::unit(community, &unit) {
				let outstanding = Self::unpaid_through(
					&schedules,
					info.area,
					&account,
					carried.owner,
					notice.through,
				)
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
			let live = MaintenanceRounds::<T>::get(community).len() as u32
				+ PrunedRounds::<T>::get(community);
			ensure!(
				round < live && (round == 0 || round > PrunedRounds::<T>::get(community)),
				"payers of a round not kept"
			);
			ensure!(
				payers <= paid_round.get(&(community, round)).copied().unwrap_or(0),
				"a round's payers overcounted"
			);
		}
		for (community, _, paid) in MaintenancePaid::<T>::iter() {
			ensure!(
				paid as usize
					<= MaintenanceRounds::<T>::get(community).len()
						+ PrunedRounds::<T>::get(community) as usize,
				"a unit paid a round that does not exist"
			);
		}
		// Emergencies: the pending count is the pending repairs, each
		// numbered below the next number; a month's emergency spending is
		// exactly its emergency-repair ledger entries, within the cap's bound.
		let mut pending: BTreeMap<CommunityId, u32> = BTreeMap::new();
		for (community, repair, entry) in EmergencyRepairs::<T>::iter() {
			ensure!(
				repair < NextEmergencyRepair::<T>::get(community),
				"an emergency repair beyond the next number"
			);
			ensure!(!entry.amount.is_zero(), "an emergency repair of nothing");
			*pending.entry(community).or_default() += 1;
		}
		for (community, count) in PendingEmergencies::<T>::iter() {
			ensure!(
				pending.remove(&community).unwrap_or(0) == count,
				"pending emergencies miscounted"
			);
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
			ensure!(
				T::Community::unit(community, &unit).is_some(),
				"dues carried by an unknown unit"
			);
		}
		// The units' maintenance accounts add up to their pools, and to the
		// fund: its balance (plus what rounding left unshared) is what the
		// units hold (less what they owe) plus the money of before accounts.
		let mut pools: BTreeMap<(CommunityId, Option<ScopeId>), SpendPool> = BTreeMap::new();
		let mut units_net: BTreeMap<CommunityId, (u128, u128)> = BTreeMap::new();
		for (community, unit, account) in MaintenanceAccounts::<T>::iter() {
			ensure!(
				T::Community::unit(community, &unit).is_some(),
				"a maintenance account of an unknown unit"
			);
			for (scope, own_index) in
				[(Some(account.scope), account.scope_index), (None, account.community_index)]
			{
				pools
					.entry((community, scope))
					.or_default()
					.apply(&account, own_index, true)
					.ok_or("pool overflow")?;
			}
			let scope_index = SpendPools::<T>::get(community, Some(account.scope)).index;
			let community_index = SpendPools::<T>::get(community, COMMUNITY_POOL).index;
			let shares = account
				.charged
				.checked_add(
					account.pending(scope_index, community_index).ok_or("a share overflows")?,
				)
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
				balance * SPEND_INDEX_SCALE + UnsharedSpend::<T>::get(community) + charged
					== legacy * SPEND_INDEX_SCALE + deposits,
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
			let balance =
				Funds::<T>::get(community, FundKind::Operating).unwrap_or_default().balance;
			ensure!(due <= balance, "the operating fund holds less than the remuneration due");
		}
		Ok(())
	}
}
