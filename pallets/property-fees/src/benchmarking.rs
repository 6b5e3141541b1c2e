//! Benchmarks of every call at its worst case. `scripts/benchmark.sh
//! pallet_property_fees` turns them into `weights.rs`.
//!
//! `pay_fees` and `issue_demand_notice` take the number of schedules a
//! unit's dues span (`s`) and the number of units in the community (`u`):
//! the measured slope in `u` is what shows billing does not grow with the
//! community.

use super::*;
use crate::{types::Movement, Pallet as Fees};
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::{
	BoundedVec,
	traits::{
	fungible::{Inspect, Mutate},
	EnsureOriginWithArg, Get,
},
};
use frame_system::RawOrigin;
use linli_primitives::{
	calendar::{Month, MonthClock},
	community::{CommunityBenchmarking, CommunityId, UnitId},
	fees::{Approver, Category, Emergency, FundKind},
	governance::Jurisdiction,
};
use sp_core::H256;
use sp_runtime::{
	traits::{Bounded, Zero},
	Permill,
};

const MAX_UNITS: u32 = crate::BENCHMARKED_UNITS;
/// A period well after 1970, where benchmarks start.
const START: Month = 672; // 2026-01

fn price<T: Config>() -> BalanceOf<T> {
	// Per m²: with a 100 m² unit a month's due is 100 × the minimum balance.
	T::Currency::minimum_balance().max(1u32.into())
}

fn endow<T: Config>(who: &T::AccountId) {
	T::Currency::set_balance(who, BalanceOf::<T>::max_value() / 4u32.into());
}

/// A community with `units` units of 100 m²; the first is owned by `owner`.
fn community<T: Config>(units: u32, owner: &T::AccountId) -> (CommunityId, Vec<UnitId>) {
	// Units are billed from the month they are registered.
	T::Clock::set_current_month(START);
	let c = T::BenchmarkHelper::create_community();
	let ids = T::BenchmarkHelper::add_units(c, units.max(1), 100_00);
	T::BenchmarkHelper::add_owner(c, ids[0], owner.clone());
	endow::<T>(owner);
	(c, ids)
}

/// `s` schedules from `START`, one a month, the last under 酬金制.
fn schedules<T: Config>(c: CommunityId, s: u32) {
	let list: Vec<_> = (0..s)
		.map(|i| FeeSchedule {
			effective_from: START + i,
			price_per_m2: price::<T>() * (i + 1).into(),
			model: if i + 1 == s {
				ContractModel::Remuneration { share: Permill::from_percent(10) }
			} else {
				ContractModel::LumpSum
			},
		})
		.collect();
	Schedules::<T>::insert(c, BoundedVec::try_from(list).expect("s <= MaxSchedules"));
}

/// Late fees on, the most prepayment allowed.
fn generous_terms<T: Config>(c: CommunityId) {
	Terms::<T>::insert(
		c,
		ContractTerms {
			max_prepaid_periods: T::MaxPrepaidPeriods::get(),
			late_fee: Some(LateFeeTerms {
				monthly_rate: T::MaxLateFeeRate::get(),
				cap: T::MaxLateFeeCap::get(),
				grace_periods: 0,
			}),
		},
	);
}

/// An origin that `O` accepts for `c`: its own, or a property manager's
/// (the runtime's role-based origins have no standalone successful origin).
fn origin<T: Config, O>(c: CommunityId) -> T::RuntimeOrigin
where
	O: EnsureOriginWithArg<T::RuntimeOrigin, CommunityId>,
{
	O::try_successful_origin(&c).unwrap_or_else(|_| {
		let manager: T::AccountId = account("manager", 0, 0);
		T::BenchmarkHelper::add_property_manager(c, manager.clone());
		RawOrigin::Signed(manager).into()
	})
}

/// Puts `amount` into `c`'s `fund` from a funded account.
/// `amount` deposited into the maintenance fund by `unit` (of scope 1,
/// 100.00 m²), in its account.
fn deposit<T: Config>(c: CommunityId, unit: UnitId, amount: BalanceOf<T>) {
	fill::<T>(c, FundKind::Maintenance, amount);
	Fees::<T>::credit_maintenance(c, unit, 1, 100_00, amount).expect("a unit's first deposit");
}

fn fill<T: Config>(c: CommunityId, fund: FundKind, amount: BalanceOf<T>) {
	let payer: T::AccountId = account("payer", 0, 0);
	endow::<T>(&payer);
	let movement = Movement::new(fund, Category::Other, amount, &payer, Approver::Payer, Fees::<T>::current_month());
	Fees::<T>::book_in(c, movement).expect("a funded payer pays in");
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn set_fee_schedule() -> Result<(), BenchmarkError> {
		let owner: T::AccountId = account("owner", 0, 0);
		let (c, _) = community::<T>(1, &owner);
		T::Clock::set_current_month(START);
		// A full history but one: the new schedule is appended.
		schedules::<T>(c, T::MaxSchedules::get() - 1);
		let from = START + T::MaxSchedules::get();
		let origin = T::ScheduleOrigin::try_successful_origin(&c).map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, c, price::<T>(), ContractModel::LumpSum, from);

		assert_eq!(Schedules::<T>::get(c).len() as u32, T::MaxSchedules::get());
		Ok(())
	}

	#[benchmark]
	fn set_contract_terms() -> Result<(), BenchmarkError> {
		let owner: T::AccountId = account("owner", 0, 0);
		let (c, _) = community::<T>(1, &owner);
		let origin = T::ScheduleOrigin::try_successful_origin(&c).map_err(|_| BenchmarkError::Weightless)?;
		let terms = ContractTerms { max_prepaid_periods: T::MaxPrepaidPeriods::get(), late_fee: None };

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, c, terms);

		assert_eq!(Terms::<T>::get(c), terms);
		Ok(())
	}

	/// The owner pays dues spanning `s` schedules, an open late fee, and the
	/// most prepayment allowed, in a community of `u` units.
	#[benchmark]
	fn pay_fees(s: Linear<1, { T::MaxSchedules::get() }>, u: Linear<1, MAX_UNITS>) {
		let owner: T::AccountId = account("owner", 0, 0);
		let (c, ids) = community::<T>(u, &owner);
		schedules::<T>(c, s);
		generous_terms::<T>(c);
		let unit = ids[0];
		T::Clock::set_current_month(START + s + 1);
		Fees::<T>::do_issue_demand_notice(c, unit, H256::zero()).expect("the unit is in arrears");
		T::Clock::set_current_month(START + s + 3);
		let dues = Fees::<T>::unit_dues(c, unit).expect("the unit has dues");
		assert!(!dues.late_fee.is_zero());
		let month = Fees::<T>::price_by_area(Schedules::<T>::get(c).last().unwrap().price_per_m2, 100_00)
			.expect("no overflow");
		let prepay = month * u32::from(T::MaxPrepaidPeriods::get()).into();
		let amount = dues.arrears + dues.current + dues.late_fee + prepay;

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), c, unit, amount);

		assert!(!Notices::<T>::contains_key(c, unit));
		let expected = START + s + 3 + u32::from(T::MaxPrepaidPeriods::get()) + 1;
		assert_eq!(Billing::<T>::get(c, unit).map(|a| a.next_due), Some(expected));
	}

	/// A plain payment: the owner pays the dues of `s` schedules' months
	/// and nothing else (no notice or late fee, no prepayment, nothing
	/// carried or held back, 包干制), in a community of `u` units.
	#[benchmark]
	fn pay_plain_fees(s: Linear<1, { T::MaxSchedules::get() }>, u: Linear<1, MAX_UNITS>) {
		let owner: T::AccountId = account("owner", 0, 0);
		let (c, ids) = community::<T>(u, &owner);
		schedules::<T>(c, s);
		let mut list = Schedules::<T>::get(c);
		if let Some(last) = list.last_mut() {
			last.model = ContractModel::LumpSum;
		}
		Schedules::<T>::insert(c, list);
		let unit = ids[0];
		T::Clock::set_current_month(START + s + 3);
		let dues = Fees::<T>::unit_dues(c, unit).expect("the unit has dues");
		let amount = dues.arrears + dues.current;

		#[extrinsic_call]
		pay_fees(RawOrigin::Signed(owner), c, unit, amount);

		assert_eq!(Billing::<T>::get(c, unit).map(|a| a.next_due), Some(START + s + 4));
	}

	/// Part of a developer's carried dues, paid by another account, under
	/// 酬金制 (the remuneration is booked too).
	#[benchmark]
	fn pay_developer_arrears() {
		let owner: T::AccountId = account("owner", 0, 0);
		let (c, ids) = community::<T>(1, &owner);
		schedules::<T>(c, 1);
		let amount = T::MinimumPayment::get().max(T::Currency::minimum_balance()) * 10u32.into();
		Carried::<T>::insert(c, ids[0], CarriedDues { owner: Zero::zero(), developer: amount * 2u32.into() });

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), c, ids[0], amount);

		assert_eq!(Carried::<T>::get(c, ids[0]).map(|d| d.developer), Some(amount));
	}

	/// What the community pallet's `update_unit` costs here: a unit that
	/// owes every month of the most schedules kept and holds maintenance
	/// money gets a new scope and area (its months are carried, its
	/// maintenance account moves pools).
	#[benchmark]
	fn unit_corrected() {
		use linli_primitives::community::UnitChanges;
		let owner: T::AccountId = account("owner", 0, 0);
		let (c, ids) = community::<T>(1, &owner);
		schedules::<T>(c, T::MaxSchedules::get());
		deposit::<T>(c, ids[0], T::Currency::minimum_balance() * 100u32.into());
		T::Clock::set_current_month(START + T::MaxSchedules::get() + 1);

		#[block]
		{
			<Fees<T> as UnitChanges>::unit_corrected(c, &ids[0], (1, 100_00), (2, 50_00)).expect("a known unit");
		}

		assert!(Carried::<T>::get(c, ids[0]).is_some());
	}

	/// What a delivery costs here: the developer's unpaid months of the
	/// most schedules kept and an open demand notice's late fee become the
	/// developer's carried dues.
	#[benchmark]
	fn unit_delivered() {
		use linli_primitives::community::UnitChanges;
		let owner: T::AccountId = account("owner", 0, 0);
		let (c, ids) = community::<T>(1, &owner);
		let s = T::MaxSchedules::get();
		schedules::<T>(c, s);
		generous_terms::<T>(c);
		T::Clock::set_current_month(START + s + 1);
		Fees::<T>::do_issue_demand_notice(c, ids[0], H256::zero()).expect("the unit is in arrears");
		T::Clock::set_current_month(START + s + 3);

		#[block]
		{
			<Fees<T> as UnitChanges>::unit_delivered(c, &ids[0]).expect("a known unit");
		}

		assert!(Carried::<T>::get(c, ids[0]).is_some_and(|d| !d.developer.is_zero()));
	}

	/// A unit that owes every month of the most schedules kept.
	#[benchmark]
	fn roll_up_arrears() {
		let owner: T::AccountId = account("owner", 0, 0);
		let (c, ids) = community::<T>(1, &owner);
		schedules::<T>(c, T::MaxSchedules::get());
		T::Clock::set_current_month(START + T::MaxSchedules::get() + 1);

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), c, ids[0]);

		assert_eq!(Billing::<T>::get(c, ids[0]).map(|a| a.next_due), Some(START + T::MaxSchedules::get() + 1));
		assert!(Carried::<T>::get(c, ids[0]).is_some());
	}

	#[benchmark]
	fn issue_demand_notice(s: Linear<1, { T::MaxSchedules::get() }>, u: Linear<1, MAX_UNITS>) {
		let owner: T::AccountId = account("owner", 0, 0);
		let (c, ids) = community::<T>(u, &owner);
		schedules::<T>(c, s);
		generous_terms::<T>(c);
		T::Clock::set_current_month(START + s + 1);
		let origin = origin::<T, T::ManagerOrigin>(c);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, c, ids[0], H256::zero());

		assert!(Notices::<T>::contains_key(c, ids[0]));
	}

	#[benchmark]
	fn approve_budget() -> Result<(), BenchmarkError> {
		let owner: T::AccountId = account("owner", 0, 0);
		let (c, _) = community::<T>(1, &owner);
		T::Clock::set_current_month(START);
		let origin = T::BudgetOrigin::try_successful_origin(&c).map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, c, Category::Cleaning, price::<T>(), START, START + 11);

		assert!(Budgets::<T>::contains_key(c, 0));
		Ok(())
	}

	/// Under 酬金制, within a budget line.
	#[benchmark]
	fn record_expense() {
		let owner: T::AccountId = account("owner", 0, 0);
		let (c, _) = community::<T>(1, &owner);
		T::Clock::set_current_month(START);
		schedules::<T>(c, 1);
		let amount = T::Currency::minimum_balance() * 10u32.into();
		fill::<T>(c, FundKind::Operating, amount);
		Budgets::<T>::insert(
			c,
			0,
			BudgetLine {
				category: Category::Cleaning,
				approved: amount,
				spent: Zero::zero(),
				from: START,
				to: START,
				approved_by: Approver::Authority,
			},
		);
		let origin = origin::<T, T::ManagerOrigin>(c);
		let payee: T::AccountId = account("payee", 0, 0);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, c, Category::Cleaning, amount, payee.clone(), H256::zero(), Some(0));

		assert_eq!(T::Currency::balance(&payee), amount);
	}

	/// The first income of the fund (which opens its account).
	#[benchmark]
	fn record_public_income() {
		let owner: T::AccountId = account("owner", 0, 0);
		let (c, _) = community::<T>(1, &owner);
		let amount = (T::Currency::minimum_balance() * 10u32.into()).max(T::MinimumPayment::get());

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), c, Category::Parking, amount, H256::zero());

		assert_eq!(Funds::<T>::get(c, FundKind::PublicIncome).map(|f| f.balance), Some(amount));
	}

	#[benchmark]
	fn spend_public_income() -> Result<(), BenchmarkError> {
		let owner: T::AccountId = account("owner", 0, 0);
		let (c, _) = community::<T>(1, &owner);
		let amount = T::Currency::minimum_balance() * 10u32.into();
		fill::<T>(c, FundKind::PublicIncome, amount);
		let origin =
			T::PublicIncomeSpendOrigin::try_successful_origin(&c).map_err(|_| BenchmarkError::Weightless)?;
		let payee: T::AccountId = account("payee", 0, 0);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, c, Category::Greenery, amount, payee.clone(), H256::zero());

		assert_eq!(T::Currency::balance(&payee), amount);
		Ok(())
	}

	#[benchmark]
	fn open_maintenance_round() -> Result<(), BenchmarkError> {
		let owner: T::AccountId = account("owner", 0, 0);
		let (c, _) = community::<T>(1, &owner);
		let rounds = alloc::vec![price::<T>(); T::MaxMaintenanceRounds::get() as usize - 1];
		MaintenanceRounds::<T>::insert(c, BoundedVec::try_from(rounds).expect("fits"));
		let origin =
			T::MaintenanceRaiseOrigin::try_successful_origin(&c).map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, c, price::<T>());

		assert_eq!(MaintenanceRounds::<T>::get(c).len() as u32, T::MaxMaintenanceRounds::get());
		Ok(())
	}

	/// The first deposit (which also counts towards the 30 % bar).
	#[benchmark]
	fn deposit_maintenance() {
		let owner: T::AccountId = account("owner", 0, 0);
		let (c, ids) = community::<T>(1, &owner);
		MaintenanceRounds::<T>::insert(c, BoundedVec::try_from(alloc::vec![price::<T>()]).expect("fits"));

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), c, ids[0]);

		assert_eq!(MaintenancePaid::<T>::get(c, ids[0]), 1);
		assert!(!FirstDeposits::<T>::get(c).is_zero());
	}

	/// A spend that leaves the fund below 30 % of the first deposits.
	#[benchmark]
	fn spend_maintenance() -> Result<(), BenchmarkError> {
		let owner: T::AccountId = account("owner", 0, 0);
		let (c, ids) = community::<T>(1, &owner);
		let amount = T::Currency::minimum_balance() * 10u32.into();
		deposit::<T>(c, ids[0], amount);
		FirstDeposits::<T>::insert(c, amount);
		let origin =
			T::MaintenanceSpendOrigin::try_successful_origin(&Jurisdiction { community: c, scope: Some(1) })
				.map_err(|_| BenchmarkError::Weightless)?;
		let payee: T::AccountId = account("payee", 0, 0);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, c, Some(1), amount, payee.clone(), H256::zero());

		assert_eq!(T::Currency::balance(&payee), amount);
		Ok(())
	}

	/// Announcing an emergency repair (the first key).
	#[benchmark]
	fn emergency_repair() {
		let owner: T::AccountId = account("owner", 0, 0);
		let (c, ids) = community::<T>(1, &owner);
		let amount = T::Currency::minimum_balance() * 10u32.into();
		deposit::<T>(c, ids[0], amount * 100u32.into());
		let origin = origin::<T, T::EmergencyOrigin>(c);
		let payee: T::AccountId = account("payee", 0, 0);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, c, Emergency::RoofLeak, Some(1), amount, payee, H256::repeat_byte(1));

		assert_eq!(PendingEmergencies::<T>::get(c), 1);
	}

	/// The second key: the fund pays and falls below 30 % of the first
	/// deposits.
	#[benchmark]
	fn approve_emergency_repair() {
		let owner: T::AccountId = account("owner", 0, 0);
		let (c, ids) = community::<T>(1, &owner);
		let amount = T::Currency::minimum_balance() * 10u32.into();
		deposit::<T>(c, ids[0], amount * 100u32.into());
		FirstDeposits::<T>::insert(c, amount * 1_000u32.into());
		let manager: T::AccountId = account("manager", 0, 0);
		T::BenchmarkHelper::add_property_manager(c, manager.clone());
		let members = T::BenchmarkHelper::add_committee(c);
		let payee: T::AccountId = account("payee", 0, 0);
		Fees::<T>::do_propose_emergency(c, manager, Emergency::RoofLeak, Some(1), amount, payee.clone(), H256::repeat_byte(1))
			.expect("within the cap");

		#[extrinsic_call]
		_(RawOrigin::Signed(members[0].clone()), c, 0);

		assert_eq!(T::Currency::balance(&payee), amount);
	}

	#[benchmark]
	fn cancel_emergency_repair() {
		let owner: T::AccountId = account("owner", 0, 0);
		let (c, ids) = community::<T>(1, &owner);
		let amount = T::Currency::minimum_balance() * 10u32.into();
		deposit::<T>(c, ids[0], amount * 100u32.into());
		let manager: T::AccountId = account("manager", 0, 0);
		T::BenchmarkHelper::add_property_manager(c, manager.clone());
		let payee: T::AccountId = account("payee", 0, 0);
		Fees::<T>::do_propose_emergency(c, manager.clone(), Emergency::DrainageFailure, None, amount, payee, H256::repeat_byte(1))
			.expect("within the cap");

		#[extrinsic_call]
		_(RawOrigin::Signed(manager), c, 0);

		assert_eq!(PendingEmergencies::<T>::get(c), 0);
	}

	#[benchmark]
	fn set_emergency_cap() -> Result<(), BenchmarkError> {
		let owner: T::AccountId = account("owner", 0, 0);
		let (c, _) = community::<T>(1, &owner);
		let origin = T::MaintenanceSpendOrigin::try_successful_origin(&Jurisdiction { community: c, scope: None })
			.map_err(|_| BenchmarkError::Weightless)?;
		let cap = T::MaxEmergencyCap::get();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, c, cap);

		assert_eq!(EmergencyCaps::<T>::get(c), Some(cap));
		Ok(())
	}

	impl_benchmark_test_suite!(Fees, crate::mock::new_test_ext().0, crate::mock::Test);
}
