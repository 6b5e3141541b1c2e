//! What the runtime API serves: a unit's dues, arrears, funds, a month's
//! statement and the ledger, each bounded inside the runtime.

use crate::pallet::*;
use alloc::vec::Vec;
use linli_primitives::fees::{ArrearsPage, FundStatement, FundView, Statement, UnitDues};
use linli_primitives::{
	calendar::Month,
	community::{CommunityId, CommunityInspect, UnitId},
	fees::FundKind,
};
use sp_runtime::traits::{Saturating, Zero};

impl<T: Config> Pallet<T> {
	/// What `unit` owes now.
	pub fn unit_dues(
		community: CommunityId,
		unit: UnitId,
	) -> Option<UnitDues<T::AccountId, BalanceOf<T>>> {
		let schedules = Schedules::<T>::get(community);
		if schedules.is_empty() {
			return None;
		}
		let info = T::Community::unit(community, &unit)?;
		let now = Self::current_month();
		let account = Self::billing_state(community, &unit, &schedules);
		let carried = Carried::<T>::get(community, unit).unwrap_or_default();
		let arrears = match now.checked_sub(1) {
			Some(last) => {
				Self::unpaid_through(&schedules, info.area, &account, carried.owner, last).ok()?
			}
			None => carried.owner,
		};
		let all = Self::unpaid_through(&schedules, info.area, &account, carried.owner, now).ok()?;
		let terms = Terms::<T>::get(community);
		let (late_fee, notice) = match Notices::<T>::get(community, unit) {
			Some(mut notice) => {
				let outstanding = Self::unpaid_through(
					&schedules,
					info.area,
					&account,
					carried.owner,
					notice.through,
				)
				.ok()?;
				notice.accrue(terms.late_fee.as_ref(), outstanding, now)?;
				(notice.accrued, Some(notice.issued))
			}
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
		let limit = limit.min(linli_primitives::fees::MAX_PAGE);
		let ids = T::Community::units(community, start_after, limit);
		let next = if ids.len() as u32 == limit { ids.last().copied() } else { None };
		let mut page: ArrearsPage<BalanceOf<T>> =
			ArrearsPage { total: Zero::zero(), units: Vec::new(), scanned: ids.len() as u32, next };
		for unit in ids {
			let arrears = Self::unit_dues(community, unit)
				.map_or(Zero::zero(), |d| d.arrears.saturating_add(d.developer_arrears));
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
	pub fn statement(
		community: CommunityId,
		period: Month,
	) -> Statement<T::AccountId, BalanceOf<T>> {
		let funds = FundKind::ALL
			.iter()
			.map(|&fund| {
				let balance = Funds::<T>::get(community, fund).unwrap_or_default().balance;
				// Opening = now − everything that moved from `period` on.
				let (mut later_in, mut later_out) =
					(BalanceOf::<T>::zero(), BalanceOf::<T>::zero());
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
				for (category, flow) in CategoryTotals::<T>::iter_prefix((community, fund, period))
				{
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
	pub fn ledger_page(
		community: CommunityId,
		from: u64,
		limit: u32,
	) -> Vec<(u64, LedgerEntryOf<T>)> {
		let limit = limit.min(linli_primitives::fees::MAX_PAGE);
		let end = LedgerLength::<T>::get(community).min(from.saturating_add(limit.into()));
		(from..end).filter_map(|i| Ledger::<T>::get(community, i).map(|e| (i, e))).collect()
	}
}
