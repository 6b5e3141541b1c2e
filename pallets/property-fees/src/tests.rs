//! Tests of the property-fees pallet. Every test ends with both pallets'
//! `try_state` (each fund's ledger equals what its account holds).

use codec::Encode;
use crate::{mock::*, pallet::*, types::*, Error, Event};
use frame_support::{
	assert_noop, assert_ok,
	dispatch::GetDispatchInfo,
	traits::{
		fungible::{Inspect, InspectHold},
		Get,
	},
};
use linli_primitives::{
	calendar::{month_of, Month},
	community::{CommunityId, CommunityInspect, UnitId},
	fees::{Approver, Category, Direction, Emergency, FundKind},
};
use sp_core::H256;
use sp_runtime::{DispatchError, Perbill, Permill};

const JAN: Month = month_of(2026, 1);
/// 0.35 元/m²·month, the lowest grade price of DOMAIN.md.
const PRICE_035: Balance = 35 * YUAN / 100;
const PRICE_050: Balance = 50 * YUAN / 100;
/// Unit 1's monthly due at 0.35: 89.12 m² × 0.35 = 31.192 元, exact.
const DUE_1_035: Balance = 31_192_000;
/// Unit 1's monthly due at 0.50: 44.56 元.
const DUE_1_050: Balance = 44_560_000;

fn doc(n: u8) -> H256 {
	H256::repeat_byte(n)
}

fn signed(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn root() -> RuntimeOrigin {
	RuntimeOrigin::root()
}

fn lump_sum_from(period: Month, price: Balance) {
	assert_ok!(Fees::set_fee_schedule(root(), C, price, ContractModel::LumpSum, period));
}

fn fees_events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Fees(e) => Some(e),
			_ => None,
		})
		.collect()
}

fn last_event() -> Event<Test> {
	fees_events().pop().expect("an event")
}

fn held(fund: FundKind) -> Balance {
	Balances::balance_on_hold(&HoldReason::Fund.into(), &Fees::fund_account(C, fund))
}

fn fund_balance(fund: FundKind) -> Balance {
	Funds::<Test>::get(C, fund).unwrap_or_default().balance
}

fn dues(n: u8) -> linli_primitives::fees::UnitDues<AccountId, Balance> {
	Fees::unit_dues(C, unit(n)).expect("unit has dues")
}

#[test]
fn monthly_due_is_price_times_area_rounded_half_up() {
	new_test_ext().execute_with(|| {
		assert_eq!(Fees::price_by_area(PRICE_035, AREA_1).ok(), Some(DUE_1_035));
		// 1.00 元 × 65.37 m² = 65.37 元.
		assert_eq!(Fees::price_by_area(YUAN, AREA_3).ok(), Some(65_370_000));
		// 0.01 m² at 3,500.5 units: rounds half up; 3,500.49: down.
		assert_eq!(Fees::price_by_area(350_050, 1).ok(), Some(3_501));
		assert_eq!(Fees::price_by_area(350_049, 1).ok(), Some(3_500));
		assert!(matches!(Fees::price_by_area(Balance::MAX, 2), Err(Error::<Test>::Overflow)));
	});
}

#[test]
fn fee_schedule_needs_its_origin_and_never_bills_the_past() {
	new_test_ext().execute_with(|| {
		let set = |o, c, from| Fees::set_fee_schedule(o, c, PRICE_035, ContractModel::LumpSum, from);
		assert_noop!(set(signed(ALICE), C, JAN), DispatchError::BadOrigin);
		assert_noop!(set(signed(MANAGER), C, JAN), DispatchError::BadOrigin);
		assert_noop!(set(root(), 7, JAN), Error::<Test>::UnknownCommunity);
		assert_noop!(set(root(), C, JAN - 1), Error::<Test>::RetroactiveSchedule);

		assert_ok!(set(root(), C, JAN + 2));
		assert_eq!(
			last_event(),
			Event::FeeScheduleSet {
				community: C,
				schedule: FeeSchedule {
					effective_from: JAN + 2,
					price_per_m2: PRICE_035,
					model: ContractModel::LumpSum
				},
				approved_by: Approver::Authority,
			}
		);
		// Billing cannot start earlier than it was announced to.
		assert_noop!(set(root(), C, JAN + 1), Error::<Test>::ScheduleBeforeBillingStart);
		// A later schedule replaces those not yet in force from its start.
		assert_ok!(Fees::set_fee_schedule(root(), C, PRICE_050, ContractModel::LumpSum, JAN + 6));
		assert_ok!(Fees::set_fee_schedule(root(), C, YUAN, ContractModel::LumpSum, JAN + 4));
		let prices: Vec<_> =
			Schedules::<Test>::get(C).iter().map(|s| (s.effective_from, s.price_per_m2)).collect();
		assert_eq!(prices, vec![(JAN + 2, PRICE_035), (JAN + 4, YUAN)]);
		// The history is bounded (8 in the mock).
		for i in 0..6 {
			assert_ok!(Fees::set_fee_schedule(root(), C, YUAN, ContractModel::LumpSum, JAN + 10 + i));
		}
		assert_noop!(set(root(), C, JAN + 30), Error::<Test>::TooManySchedules);
	});
}

#[test]
fn dues_accrue_lazily_at_each_periods_own_price() {
	new_test_ext().execute_with(|| {
		lump_sum_from(JAN, PRICE_035);
		Now::set(JAN + 1);
		// Raised from April; January to March stay at 0.35.
		lump_sum_from(JAN + 3, PRICE_050);
		Now::set(JAN + 5); // June
		let d = dues(1);
		assert_eq!(d.next_due, JAN);
		assert_eq!(d.arrears, 3 * DUE_1_035 + 2 * DUE_1_050);
		assert_eq!(d.current, DUE_1_050);
		assert_eq!(d.responsible, Some(ALICE));

		let total = 3 * DUE_1_035 + 3 * DUE_1_050;
		let before = Balances::balance(&ALICE);
		assert_ok!(Fees::pay_fees(signed(ALICE), C, unit(1), total));
		assert_eq!(Balances::balance(&ALICE), before - total);
		assert_eq!(
			last_event(),
			Event::FeesPaid {
				community: C,
				unit: unit(1),
				payer: ALICE,
				fees: total,
				late_fee: 0,
				held_back: 0,
				carried: 0,
				billed: Some((JAN, JAN + 5)),
				next_due: JAN + 6,
				credit: 0,
			}
		);
		assert_eq!(dues(1).arrears + dues(1).current, 0);
		assert_eq!(held(FundKind::Operating), total);
		assert_eq!(fund_balance(FundKind::Operating), total);
		let entry = Ledger::<Test>::get(C, 0).unwrap();
		assert_eq!(
			(entry.fund, entry.direction, entry.category, entry.amount, entry.unit, entry.billed),
			(FundKind::Operating, Direction::In, Category::PropertyFee, total, Some(unit(1)), Some((JAN, JAN + 5)))
		);
		assert_eq!((entry.counterparty, entry.approved_by, entry.period), (ALICE, Approver::Payer, JAN + 5));
	});
}

#[test]
fn partial_payments_become_credit_and_count_towards_the_oldest_period() {
	new_test_ext().execute_with(|| {
		lump_sum_from(JAN, PRICE_035);
		Now::set(JAN + 2);
		// One and a half months.
		assert_ok!(Fees::pay_fees(signed(ALICE), C, unit(1), DUE_1_035 + DUE_1_035 / 2));
		let d = dues(1);
		assert_eq!((d.next_due, d.credit), (JAN + 1, DUE_1_035 / 2));
		assert_eq!(d.arrears, DUE_1_035 / 2);
		assert_eq!(d.current, DUE_1_035);
		assert!(matches!(last_event(), Event::FeesPaid { billed: Some((JAN, b)), .. } if b == JAN + 1));
		// The rest of February and March.
		assert_ok!(Fees::pay_fees(signed(ALICE), C, unit(1), DUE_1_035 / 2 + DUE_1_035));
		assert!(matches!(
			last_event(),
			Event::FeesPaid { billed: Some((f, l)), next_due, credit: 0, .. }
				if f == JAN + 1 && l == JAN + 2 && next_due == JAN + 3
		));
		assert_noop!(Fees::pay_fees(signed(ALICE), C, unit(1), 0), Error::<Test>::ZeroAmount);
		assert_noop!(Fees::pay_fees(signed(ALICE), C, unit(9), 1), Error::<Test>::UnknownUnit);
		assert_noop!(Fees::pay_fees(RuntimeOrigin::none(), C, unit(1), 1), DispatchError::BadOrigin);
	});
}

#[test]
fn nothing_is_billed_without_a_schedule() {
	new_test_ext().execute_with(|| {
		assert_noop!(Fees::pay_fees(signed(ALICE), C, unit(1), YUAN), Error::<Test>::NoFeeSchedule);
		assert_noop!(Fees::pay_fees(signed(ALICE), C + 99, unit(1), YUAN), Error::<Test>::UnknownCommunity);
		assert_eq!(Fees::unit_dues(C, unit(1)), None);
	});
}

#[test]
fn prepayment_is_capped_and_needs_the_owner() {
	new_test_ext().execute_with(|| {
		lump_sum_from(JAN, PRICE_035);
		// No prepayment by default: only the current period may be paid.
		assert_noop!(
			Fees::pay_fees(signed(ALICE), C, unit(1), 2 * DUE_1_035),
			Error::<Test>::PrepaymentCapExceeded
		);
		let terms = ContractTerms { max_prepaid_periods: 3, late_fee: None };
		assert_noop!(Fees::set_contract_terms(signed(ALICE), C, terms), DispatchError::BadOrigin);
		assert_noop!(
			Fees::set_contract_terms(root(), C, ContractTerms { max_prepaid_periods: 25, late_fee: None }),
			Error::<Test>::PrepaymentCapTooHigh
		);
		assert_ok!(Fees::set_contract_terms(root(), C, terms));
		assert_eq!(
			last_event(),
			Event::ContractTermsSet { community: C, terms, approved_by: Approver::Authority }
		);
		// A tenant or anyone else pays what is due, not the future.
		assert_noop!(
			Fees::pay_fees(signed(TENANT), C, unit(3), 2 * Fees::price_by_area(PRICE_035, AREA_3).unwrap()),
			Error::<Test>::PrepaymentNeedsOwner
		);
		assert_ok!(Fees::pay_fees(signed(STRANGER), C, unit(1), DUE_1_035));
		// The owner prepays up to three more months, not a fen beyond.
		assert_noop!(
			Fees::pay_fees(signed(ALICE), C, unit(1), 3 * DUE_1_035 + 1),
			Error::<Test>::PrepaymentCapExceeded
		);
		assert_ok!(Fees::pay_fees(signed(ALICE), C, unit(1), 2 * DUE_1_035 + 7));
		assert_eq!((dues(1).next_due, dues(1).credit), (JAN + 3, 7));
		assert_ok!(Fees::pay_fees(signed(ALICE), C, unit(1), DUE_1_035 - 7));
		assert_eq!((dues(1).next_due, dues(1).credit), (JAN + 4, 0));
		assert_noop!(Fees::pay_fees(signed(ALICE), C, unit(1), 1), Error::<Test>::PrepaymentCapExceeded);
		// Prepaid months stay paid at their price when the price changes.
		lump_sum_from(JAN + 2, PRICE_050);
		Now::set(JAN + 4);
		assert_eq!(dues(1).arrears, 0);
		assert_eq!(dues(1).current, DUE_1_050);
	});
}

#[test]
fn the_developer_answers_for_its_unsold_units() {
	new_test_ext().execute_with(|| {
		lump_sum_from(JAN, PRICE_035);
		assert_ok!(Fees::set_contract_terms(root(), C, ContractTerms { max_prepaid_periods: 12, late_fee: None }));
		Now::set(JAN + 2);
		let due = Fees::price_by_area(PRICE_035, AREA_4).unwrap();
		assert_eq!(due, 35_000_000);
		let d = dues(4);
		assert_eq!((d.responsible, d.arrears, d.current), (Some(DEVELOPER), 2 * due, due));
		// The developer is the unit's responsible account: it may prepay.
		assert_ok!(Fees::pay_fees(signed(DEVELOPER), C, unit(4), 6 * due));
		assert_eq!(dues(4).next_due, JAN + 6);
		assert_eq!(fund_balance(FundKind::Operating), 6 * due);
	});
}

fn late_fee_terms() -> ContractTerms {
	ContractTerms {
		max_prepaid_periods: 0,
		late_fee: Some(LateFeeTerms {
			monthly_rate: Perbill::from_percent(1),
			cap: Perbill::from_percent(5),
			grace_periods: 1,
		}),
	}
}

#[test]
fn late_fees_are_off_unless_the_contract_provides_them() {
	new_test_ext().execute_with(|| {
		lump_sum_from(JAN, PRICE_035);
		Now::set(JAN + 3);
		assert_ok!(Fees::issue_demand_notice(signed(MANAGER), C, unit(1), doc(1)));
		Now::set(JAN + 12);
		assert_eq!(dues(1).late_fee, 0);
		assert_eq!(dues(1).notice, Some(JAN + 3));
		// Paying the arrears settles the notice; no late fee was booked.
		let owed = dues(1).arrears + dues(1).current;
		assert_ok!(Fees::pay_fees(signed(ALICE), C, unit(1), owed));
		assert!(fees_events().contains(&Event::DemandNoticeSettled { community: C, unit: unit(1) }));
		assert_eq!(Notices::<Test>::get(C, unit(1)), None);
		assert!(Ledger::<Test>::iter_prefix_values(C).all(|e| e.category != Category::LateFee));
	});
}

#[test]
fn late_fees_start_after_the_notice_and_its_grace_and_are_capped() {
	new_test_ext().execute_with(|| {
		let too_high = |rate, cap| ContractTerms {
			max_prepaid_periods: 0,
			late_fee: Some(LateFeeTerms { monthly_rate: rate, cap, grace_periods: 0 }),
		};
		// 1 %/day (~30 %/month) is what courts cut: the runtime caps it.
		assert_noop!(
			Fees::set_contract_terms(root(), C, too_high(Perbill::from_percent(30), Perbill::from_percent(5))),
			Error::<Test>::LateFeeTooHigh
		);
		assert_noop!(
			Fees::set_contract_terms(root(), C, too_high(Perbill::from_percent(1), Perbill::from_percent(31))),
			Error::<Test>::LateFeeTooHigh
		);
		assert_ok!(Fees::set_contract_terms(root(), C, late_fee_terms()));
		lump_sum_from(JAN, PRICE_035);

		// Nothing overdue in the first month: no notice.
		assert_noop!(
			Fees::issue_demand_notice(signed(MANAGER), C, unit(1), doc(1)),
			Error::<Test>::NothingOverdue
		);
		Now::set(JAN + 3);
		// Only the property company issues notices.
		assert_noop!(Fees::issue_demand_notice(signed(ALICE), C, unit(1), doc(1)), DispatchError::BadOrigin);
		assert_noop!(
			Fees::issue_demand_notice(signed(MANAGER), C, unit(9), doc(1)),
			Error::<Test>::UnknownUnit
		);
		// Without a notice, no late fee ever.
		Now::set(JAN + 3);
		assert_eq!(dues(1).late_fee, 0);
		assert_ok!(Fees::issue_demand_notice(signed(MANAGER), C, unit(1), doc(1)));
		let principal = 3 * DUE_1_035;
		assert_eq!(
			last_event(),
			Event::DemandNoticeIssued {
				community: C,
				unit: unit(1),
				arrears: principal,
				through: JAN + 2,
				late_fee_from: JAN + 5,
				document: doc(1),
			}
		);
		assert_noop!(
			Fees::issue_demand_notice(signed(MANAGER), C, unit(1), doc(2)),
			Error::<Test>::NoticeAlreadyOpen
		);
		// The grace month: nothing yet.
		Now::set(JAN + 4);
		assert_eq!(dues(1).late_fee, 0);
		// Two months after the grace: 2 × 1 % of the arrears demanded.
		Now::set(JAN + 6);
		assert_eq!(dues(1).late_fee, 2 * Perbill::from_percent(1).mul_floor(principal));
		// Never more than 5 % of the arrears demanded, however long.
		Now::set(JAN + 40);
		let cap = Perbill::from_percent(5).mul_floor(principal);
		assert_eq!(dues(1).late_fee, cap);

		// A partial payment goes to the oldest dues first, never to the fee.
		assert_ok!(Fees::pay_fees(signed(ALICE), C, unit(1), principal));
		assert!(matches!(last_event(), Event::FeesPaid { late_fee: 0, .. }));
		assert_eq!(dues(1).late_fee, cap);
		// Then the dues up to now, then the late fee.
		let rest = dues(1).arrears + dues(1).current;
		assert_ok!(Fees::pay_fees(signed(ALICE), C, unit(1), rest + cap));
		let events = fees_events();
		assert!(events.contains(&Event::DemandNoticeSettled { community: C, unit: unit(1) }));
		assert!(matches!(events.last(), Some(Event::FeesPaid { late_fee, fees, .. }) if *late_fee == cap && *fees == rest));
		let late: Vec<_> = Ledger::<Test>::iter_prefix_values(C)
			.filter(|e| e.category == Category::LateFee)
			.map(|e| e.amount)
			.collect();
		assert_eq!(late, vec![cap]);
	});
}

#[test]
fn late_fees_run_only_on_the_demanded_arrears_still_unpaid() {
	new_test_ext().execute_with(|| {
		assert_ok!(Fees::set_contract_terms(root(), C, late_fee_terms()));
		lump_sum_from(JAN, PRICE_035);
		Now::set(JAN + 2);
		assert_ok!(Fees::issue_demand_notice(signed(MANAGER), C, unit(1), doc(1)));
		// Two months demanded; grace ends after JAN + 3.
		Now::set(JAN + 4);
		let one_month = Perbill::from_percent(1).mul_floor(2 * DUE_1_035);
		assert_eq!(dues(1).late_fee, one_month);
		// Paying one of the two demanded months crystallises the first
		// month's fee and halves the base for the months after.
		assert_ok!(Fees::pay_fees(signed(ALICE), C, unit(1), DUE_1_035));
		Now::set(JAN + 5);
		assert_eq!(dues(1).late_fee, one_month + Perbill::from_percent(1).mul_floor(DUE_1_035));
	});
}

#[test]
fn arrears_never_touch_an_owners_vote() {
	new_test_ext().execute_with(|| {
		let weight = Community::vote_weight(C, None, &BOB);
		let totals = Community::vote_totals(C, None);
		lump_sum_from(JAN, PRICE_035);
		Now::set(JAN + 12);
		assert_ok!(Fees::issue_demand_notice(signed(MANAGER), C, unit(2), doc(1)));
		assert!(dues(2).arrears > 0);
		assert_eq!(Community::vote_weight(C, None, &BOB), weight);
		assert!(weight.is_some());
		assert_eq!(Community::vote_totals(C, None), totals);
		assert!(Community::is_resident(C, &BOB));
	});
}

#[test]
fn the_company_spends_the_operating_fund_under_lump_sum_with_invoices() {
	new_test_ext().execute_with(|| {
		lump_sum_from(JAN, PRICE_035);
		assert_ok!(Fees::pay_fees(signed(ALICE), C, unit(1), DUE_1_035));
		let expense = |o, cat, amount| Fees::record_expense(o, C, cat, amount, CONTRACTOR, doc(9), None);
		assert_noop!(expense(signed(ALICE), Category::Cleaning, 1), DispatchError::BadOrigin);
		assert_noop!(expense(root(), Category::Cleaning, 1), DispatchError::BadOrigin);
		assert_noop!(expense(signed(MANAGER), Category::PropertyFee, 1), Error::<Test>::WrongCategory);
		assert_noop!(expense(signed(MANAGER), Category::Cleaning, 0), Error::<Test>::ZeroAmount);
		assert_noop!(
			expense(signed(MANAGER), Category::Cleaning, DUE_1_035 + 1),
			Error::<Test>::InsufficientFund
		);
		assert_ok!(expense(signed(MANAGER), Category::Cleaning, 10 * YUAN));
		assert_eq!(
			last_event(),
			Event::ExpenseRecorded {
				community: C,
				category: Category::Cleaning,
				amount: 10 * YUAN,
				payee: CONTRACTOR,
				document: doc(9),
				budget_line: None,
				entry: 1,
			}
		);
		assert_eq!(Balances::balance(&CONTRACTOR), 10 * YUAN);
		assert_eq!(held(FundKind::Operating), DUE_1_035 - 10 * YUAN);
		let entry = Ledger::<Test>::get(C, 1).unwrap();
		assert_eq!(
			(entry.direction, entry.document, entry.approved_by),
			(Direction::Out, Some(doc(9)), Approver::Account(MANAGER))
		);
	});
}

#[test]
fn under_remuneration_every_expense_fits_an_approved_budget_line() {
	new_test_ext().execute_with(|| {
		let model = ContractModel::Remuneration { share: Permill::from_percent(10) };
		assert_ok!(Fees::set_fee_schedule(root(), C, PRICE_035, model, JAN));
		Now::set(JAN + 9);
		let paid = 10 * DUE_1_035;
		assert_ok!(Fees::pay_fees(signed(ALICE), C, unit(1), paid));
		assert_eq!(RemunerationDue::<Test>::get(C), paid / 10);

		let expense = |cat, amount, line| {
			Fees::record_expense(signed(MANAGER), C, cat, amount, CONTRACTOR, doc(3), line)
		};
		assert_noop!(expense(Category::Cleaning, YUAN, None), Error::<Test>::BudgetLineRequired);
		assert_noop!(expense(Category::Cleaning, YUAN, Some(0)), Error::<Test>::UnknownBudgetLine);

		let approve = |o, cat, amount, from, to| Fees::approve_budget(o, C, cat, amount, from, to);
		assert_noop!(approve(signed(MANAGER), Category::Cleaning, 50 * YUAN, JAN, JAN + 11), DispatchError::BadOrigin);
		assert_noop!(approve(root(), Category::Parking, 50 * YUAN, JAN, JAN + 11), Error::<Test>::WrongCategory);
		assert_noop!(
			approve(root(), Category::Remuneration, 50 * YUAN, JAN, JAN + 11),
			Error::<Test>::RemunerationNotBudgeted
		);
		assert_noop!(approve(root(), Category::Cleaning, 0, JAN, JAN + 11), Error::<Test>::ZeroAmount);
		assert_noop!(
			approve(root(), Category::Cleaning, 50 * YUAN, JAN + 11, JAN),
			Error::<Test>::InvalidPeriodRange
		);
		assert_ok!(approve(root(), Category::Cleaning, 50 * YUAN, JAN, JAN + 11));
		assert_eq!(
			last_event(),
			Event::BudgetApproved {
				community: C,
				line: 0,
				category: Category::Cleaning,
				amount: 50 * YUAN,
				from: JAN,
				to: JAN + 11,
				approved_by: Approver::Authority,
			}
		);
		assert_ok!(approve(root(), Category::Greenery, 50 * YUAN, JAN + 10, JAN + 11));

		assert_noop!(expense(Category::Security, YUAN, Some(0)), Error::<Test>::BudgetCategoryMismatch);
		assert_noop!(expense(Category::Greenery, YUAN, Some(1)), Error::<Test>::BudgetLineNotCurrent);
		assert_ok!(expense(Category::Cleaning, 30 * YUAN, Some(0)));
		assert_noop!(expense(Category::Cleaning, 20 * YUAN + 1, Some(0)), Error::<Test>::BudgetExceeded);
		assert_ok!(expense(Category::Cleaning, 20 * YUAN, Some(0)));
		assert_eq!(Budgets::<Test>::get(C, 0).unwrap().spent, 50 * YUAN);

		// The company's remuneration: its share of fees collected, no more.
		assert_noop!(
			expense(Category::Remuneration, YUAN, Some(0)),
			Error::<Test>::RemunerationNotBudgeted
		);
		assert_noop!(
			expense(Category::Remuneration, paid / 10 + 1, None),
			Error::<Test>::RemunerationExceeded
		);
		assert_ok!(expense(Category::Remuneration, paid / 10, None));
		assert_eq!(RemunerationDue::<Test>::get(C), 0);
	});
}

#[test]
fn public_income_comes_in_from_anyone_and_leaves_only_by_the_owners_decision() {
	new_test_ext().execute_with(|| {
		let income = |cat, amount| Fees::record_public_income(signed(PARKING_OPERATOR), C, cat, amount, doc(4));
		assert_noop!(income(Category::PropertyFee, YUAN), Error::<Test>::WrongCategory);
		assert_noop!(income(Category::Parking, 0), Error::<Test>::ZeroAmount);
		assert_noop!(
			Fees::record_public_income(signed(PARKING_OPERATOR), 7, Category::Parking, YUAN, doc(4)),
			Error::<Test>::UnknownCommunity
		);
		assert_noop!(
			Fees::record_public_income(RuntimeOrigin::none(), C, Category::Parking, YUAN, doc(4)),
			DispatchError::BadOrigin
		);
		assert_ok!(income(Category::Parking, 800 * YUAN));
		assert_ok!(income(Category::Advertising, 200 * YUAN));
		assert_eq!(
			last_event(),
			Event::PublicIncomeRecorded {
				community: C,
				category: Category::Advertising,
				amount: 200 * YUAN,
				payer: PARKING_OPERATOR,
				document: doc(4),
				entry: 1,
			}
		);
		assert_eq!(held(FundKind::PublicIncome), 1_000 * YUAN);

		let spend = |o, cat, amount| Fees::spend_public_income(o, C, cat, amount, CONTRACTOR, doc(5));
		assert_noop!(spend(signed(MANAGER), Category::Greenery, YUAN), DispatchError::BadOrigin);
		assert_noop!(spend(root(), Category::Parking, YUAN), Error::<Test>::WrongCategory);
		assert_noop!(spend(root(), Category::Greenery, 1_000 * YUAN + 1), Error::<Test>::InsufficientFund);
		// A fund's account is no payee: the money would leave the books.
		for fund in FundKind::ALL {
			assert_noop!(
				Fees::spend_public_income(root(), C, Category::Greenery, YUAN, Fees::fund_account(C, fund), doc(5)),
				Error::<Test>::PayeeIsAFund
			);
		}
		assert_ok!(spend(root(), Category::Greenery, 300 * YUAN));
		assert_eq!(fund_balance(FundKind::PublicIncome), 700 * YUAN);
		assert_eq!(Balances::balance(&CONTRACTOR), 300 * YUAN);
	});
}

#[test]
fn maintenance_fund_deposits_by_area_and_spends_by_decision_or_emergency() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			Fees::deposit_maintenance(signed(ALICE), C, unit(1)),
			Error::<Test>::NoMaintenanceRound
		);
		// The city's first-deposit rate: 100 元/m².
		assert_noop!(Fees::open_maintenance_round(signed(ALICE), C, 100 * YUAN), DispatchError::BadOrigin);
		assert_noop!(Fees::open_maintenance_round(root(), C, 0), Error::<Test>::ZeroAmount);
		assert_ok!(Fees::open_maintenance_round(root(), C, 100 * YUAN));
		let deposit_1 = 8_912 * YUAN;
		assert_ok!(Fees::deposit_maintenance(signed(ALICE), C, unit(1)));
		assert_eq!(
			last_event(),
			Event::MaintenanceDeposited {
				community: C,
				unit: unit(1),
				payer: ALICE,
				round: 0,
				amount: deposit_1,
				entry: 0,
			}
		);
		assert_noop!(Fees::deposit_maintenance(signed(ALICE), C, unit(1)), Error::<Test>::MaintenancePaidUp);
		assert_noop!(Fees::deposit_maintenance(signed(ALICE), C, unit(9)), Error::<Test>::UnknownUnit);
		assert_noop!(Fees::deposit_maintenance(RuntimeOrigin::none(), C, unit(2)), DispatchError::BadOrigin);
		// The developer deposits for its unsold unit.
		assert_ok!(Fees::deposit_maintenance(signed(DEVELOPER), C, unit(4)));
		let first = deposit_1 + 10_000 * YUAN;
		assert_eq!(FirstDeposits::<Test>::get(C), first);
		assert_eq!(held(FundKind::Maintenance), first);

		// An owners' decision for the estate's lifts.
		let spend = |o, amount| Fees::spend_maintenance(o, C, None, amount, CONTRACTOR, doc(6));
		assert_noop!(spend(signed(MANAGER), YUAN), DispatchError::BadOrigin);
		assert_noop!(spend(root(), first + 1), Error::<Test>::InsufficientFund);
		assert_noop!(spend(root(), 0), Error::<Test>::ZeroAmount);
		assert_ok!(spend(root(), 13_000 * YUAN));
		assert!(matches!(last_event(), Event::MaintenanceSpent { scope: None, approved_by: Approver::Authority, .. }));

		// An emergency skips the vote, never on one key, within the cap.
		let announce = |o, amount, payee, invoice| {
			Fees::emergency_repair(o, C, Emergency::RoofLeak, Some(1), amount, payee, invoice)
		};
		assert_noop!(announce(signed(ALICE), 1_000 * YUAN, CONTRACTOR, doc(7)), DispatchError::BadOrigin);
		assert_noop!(announce(root(), 1_000 * YUAN, CONTRACTOR, doc(7)), DispatchError::BadOrigin);
		assert_noop!(announce(signed(MANAGER), 1_000 * YUAN, CONTRACTOR, H256::zero()), Error::<Test>::MissingInvoice);
		assert_noop!(announce(signed(MANAGER), 0, CONTRACTOR, doc(7)), Error::<Test>::ZeroAmount);
		// The attack: a building's lift charged to the whole estate.
		assert_noop!(
			Fees::emergency_repair(signed(MANAGER), C, Emergency::UnsafeElevator, None, YUAN, CONTRACTOR, doc(7)),
			Error::<Test>::EmergencyNeedsScope
		);
		assert_noop!(
			announce(signed(MANAGER), YUAN, Fees::fund_account(C, FundKind::Operating), doc(7)),
			Error::<Test>::PayeeIsAFund
		);
		// The default cap is 5 % of the fund a month (295.6 元 of 5,912).
		assert_eq!(Fees::emergency_headroom(C), 295_600_000);
		assert_noop!(announce(signed(MANAGER), 1_000 * YUAN, CONTRACTOR, doc(7)), Error::<Test>::EmergencyCapExceeded);
		// The owners' rule may raise it, up to the runtime's 20 %.
		let cap = |o, percent| Fees::set_emergency_cap(o, C, Perbill::from_percent(percent));
		assert_noop!(cap(signed(MANAGER), 20), DispatchError::BadOrigin);
		assert_noop!(cap(root(), 21), Error::<Test>::EmergencyCapTooHigh);
		assert_ok!(cap(root(), 20));
		assert_ok!(announce(signed(MANAGER), 1_000 * YUAN, CONTRACTOR, doc(7)));
		assert_eq!(
			last_event(),
			Event::EmergencyRepairProposed {
				community: C,
				repair: 0,
				emergency: Emergency::RoofLeak,
				scope: Some(1),
				amount: 1_000 * YUAN,
				payee: CONTRACTOR,
				invoice: doc(7),
				proposed_by: MANAGER,
			}
		);
		// Announced is not paid.
		assert_eq!(held(FundKind::Maintenance), first - 13_000 * YUAN);
		// The attack: one key approves its own repair, or two company keys
		// approve each other's.
		assert_noop!(Fees::approve_emergency_repair(signed(MANAGER), C, 0), Error::<Test>::SecondKeyRequired);
		assert_ok!(Community::set_property_managers(root(), C, vec![MANAGER, STRANGER]));
		assert_noop!(Fees::approve_emergency_repair(signed(STRANGER), C, 0), Error::<Test>::CommitteeKeyRequired);
		assert_noop!(Fees::approve_emergency_repair(signed(ALICE), C, 0), DispatchError::BadOrigin);
		// A committee member is the second key: the fund pays, owners are
		// notified, and told the fund now needs topping up.
		assert_ok!(Community::set_committee(root(), C, vec![ALICE, BOB, CAROL], 100));
		assert_noop!(Fees::approve_emergency_repair(signed(ALICE), C, 1), Error::<Test>::UnknownEmergencyRepair);
		assert_ok!(Fees::approve_emergency_repair(signed(ALICE), C, 0));
		let events = fees_events();
		let n = events.len();
		assert_eq!(
			events[n - 2],
			Event::EmergencyRepairNotified {
				community: C,
				repair: 0,
				emergency: Emergency::RoofLeak,
				scope: Some(1),
				amount: 1_000 * YUAN,
				payee: CONTRACTOR,
				document: doc(7),
				proposed_by: MANAGER,
				approved_by: Approver::Account(ALICE),
				entry: 3,
			}
		);
		assert_eq!(
			events[n - 1],
			Event::MaintenanceFundLow { community: C, balance: 4_912 * YUAN, first_deposits: first }
		);
		let last = Ledger::<Test>::get(C, 3).unwrap();
		assert_eq!(last.category, Category::EmergencyRepair);
		assert_noop!(Fees::approve_emergency_repair(signed(BOB), C, 0), Error::<Test>::UnknownEmergencyRepair);
		// The month's cap counts what emergencies already took: 20 % of
		// 5,912 less the 1,000 spent leaves 182.4 元; beyond it, a vote.
		assert_eq!(Fees::emergency_headroom(C), 182_400_000);
		assert_noop!(announce(signed(BOB), 200 * YUAN, CONTRACTOR, doc(8)), Error::<Test>::EmergencyCapExceeded);
		// At most two wait at once (the mock's limit); a veto withdraws one.
		assert_ok!(announce(signed(BOB), 100 * YUAN, CONTRACTOR, doc(8)));
		assert_ok!(announce(signed(MANAGER), 50 * YUAN, CONTRACTOR, doc(9)));
		assert_noop!(announce(signed(CAROL), YUAN, CONTRACTOR, doc(10)), Error::<Test>::TooManyPendingEmergencies);
		assert_noop!(Fees::cancel_emergency_repair(signed(TENANT), C, 2), DispatchError::BadOrigin);
		assert_ok!(Fees::cancel_emergency_repair(signed(CAROL), C, 2));
		assert_eq!(last_event(), Event::EmergencyRepairCancelled { community: C, repair: 2, by: CAROL });
		assert_noop!(Fees::cancel_emergency_repair(signed(CAROL), C, 2), Error::<Test>::UnknownEmergencyRepair);
		assert_ok!(Fees::approve_emergency_repair(signed(MANAGER), C, 1));
		// A new month, a new cap: 20 % of 4,812.
		Now::set(JAN + 1);
		assert_eq!(Fees::emergency_headroom(C), 962_400_000);

		// The owners raise a top-up round: each unit owes again by area.
		assert_ok!(Fees::open_maintenance_round(root(), C, 50 * YUAN));
		assert_ok!(Fees::deposit_maintenance(signed(ALICE), C, unit(1)));
		assert!(matches!(last_event(), Event::MaintenanceDeposited { round: 1, amount, .. } if amount == 4_456 * YUAN));
		// Top-ups do not move the 30 % bar.
		assert_eq!(FirstDeposits::<Test>::get(C), first);
	});
}

#[test]
fn two_committee_members_may_order_an_emergency_repair() {
	new_test_ext().execute_with(|| {
		assert_ok!(Fees::open_maintenance_round(root(), C, 100 * YUAN));
		assert_ok!(Fees::deposit_maintenance(signed(BOB), C, unit(2)));
		assert_ok!(Community::set_committee(root(), C, vec![ALICE, BOB, CAROL], 100));
		assert_ok!(Fees::emergency_repair(
			signed(CAROL),
			C,
			Emergency::WaterPumpFailure,
			None,
			YUAN,
			CONTRACTOR,
			doc(8)
		));
		assert_ok!(Fees::approve_emergency_repair(signed(BOB), C, 0));
		assert!(fees_events().iter().any(|e| matches!(
			e,
			Event::EmergencyRepairNotified { proposed_by: CAROL, approved_by: Approver::Account(BOB), .. }
		)));
		assert_eq!(Balances::balance(&CONTRACTOR), YUAN);
	});
}

#[test]
fn statement_shows_each_funds_opening_flows_and_closing_per_period() {
	new_test_ext().execute_with(|| {
		lump_sum_from(JAN, PRICE_035);
		assert_ok!(Fees::pay_fees(signed(ALICE), C, unit(1), DUE_1_035));
		assert_ok!(Fees::record_expense(signed(MANAGER), C, Category::Cleaning, 10 * YUAN, CONTRACTOR, doc(1), None));
		Now::set(JAN + 1);
		assert_ok!(Fees::pay_fees(signed(BOB), C, unit(2), 2 * Fees::price_by_area(PRICE_035, AREA_2).unwrap()));
		assert_ok!(Fees::record_expense(signed(MANAGER), C, Category::Staff, 20 * YUAN, CONTRACTOR, doc(2), None));
		assert_ok!(Fees::record_expense(signed(MANAGER), C, Category::Cleaning, 5 * YUAN, CONTRACTOR, doc(3), None));
		assert_ok!(Fees::record_public_income(signed(PARKING_OPERATOR), C, Category::Parking, 7 * YUAN, doc(4)));
		Now::set(JAN + 3);

		let bob = 2 * 42_000_000;
		let operating = |s: &linli_primitives::fees::Statement<AccountId, Balance>| {
			s.funds.iter().find(|f| f.fund == FundKind::Operating).unwrap().clone()
		};
		let jan = operating(&Fees::statement(C, JAN));
		assert_eq!(jan.opening, 0);
		assert_eq!(jan.income, vec![(Category::PropertyFee, DUE_1_035)]);
		assert_eq!(jan.expense, vec![(Category::Cleaning, 10 * YUAN)]);
		assert_eq!(jan.closing, DUE_1_035 - 10 * YUAN);
		let feb = operating(&Fees::statement(C, JAN + 1));
		assert_eq!(feb.opening, jan.closing);
		assert_eq!(feb.income, vec![(Category::PropertyFee, bob)]);
		assert_eq!(feb.expense, vec![(Category::Staff, 20 * YUAN), (Category::Cleaning, 5 * YUAN)]);
		assert_eq!(feb.closing, jan.closing + bob - 25 * YUAN);
		// A quiet month: opening = closing = the balance then.
		let mar = operating(&Fees::statement(C, JAN + 2));
		assert_eq!((mar.opening, mar.closing), (feb.closing, feb.closing));
		assert_eq!(mar.closing, fund_balance(FundKind::Operating));
		assert!(mar.income.is_empty() && mar.expense.is_empty());

		let funds = Fees::fund_views(C);
		assert_eq!(funds.len(), 4);
		assert_eq!(funds[0].balance, feb.closing);
		assert_eq!(funds[2].balance, 7 * YUAN);
		assert_eq!(funds[2].account, Fees::fund_account(C, FundKind::PublicIncome));

		let page = Fees::ledger_page(C, 1, 3);
		assert_eq!(page.iter().map(|(i, _)| *i).collect::<Vec<_>>(), vec![1, 2, 3]);
		assert_eq!(page[0].1.category, Category::Cleaning);
		assert_eq!(Fees::ledger_page(C, 6, 10).len(), 0);
	});
}

#[test]
fn a_payment_too_small_to_settle_anything_whole_is_refused() {
	new_test_ext().execute_with(|| {
		lump_sum_from(JAN, PRICE_035);
		// The attack: a permanent ledger entry for one planck.
		let before = LedgerLength::<Test>::get(C);
		assert_noop!(Fees::pay_fees(signed(STRANGER), C, unit(1), 1), Error::<Test>::PaymentTooSmall);
		assert_noop!(
			Fees::record_public_income(signed(STRANGER), C, Category::Parking, 1, doc(1)),
			Error::<Test>::PaymentTooSmall
		);
		assert_eq!(LedgerLength::<Test>::get(C), before);
		// The minimum itself is taken.
		let min = <Test as Config>::MinimumPayment::get();
		assert_ok!(Fees::pay_fees(signed(ALICE), C, unit(1), min));
		assert_ok!(Fees::record_public_income(signed(PARKING_OPERATOR), C, Category::Parking, min, doc(1)));
	});
}

#[test]
fn a_runtime_api_page_is_clamped_inside_the_runtime() {
	new_test_ext().execute_with(|| {
		let max = linli_primitives::fees::MAX_PAGE;
		for _ in 0..=max {
			assert_ok!(Fees::record_public_income(signed(ALICE), C, Category::Parking, 10_000, doc(1)));
		}
		// The attack: `state_call` of `ledger(limit = u32::MAX)` would read the
		// whole ledger; the runtime returns one page.
		assert_eq!(LedgerLength::<Test>::get(C), max as u64 + 1);
		let page = Fees::ledger_page(C, 0, u32::MAX);
		assert_eq!(page.len() as u32, max);
		assert_eq!(page.last().unwrap().0, max as u64 - 1);
		// The rest comes with the next page.
		assert_eq!(Fees::ledger_page(C, max as u64, u32::MAX).len(), 1);
		assert!(Fees::arrears_page(C, None, u32::MAX).scanned <= max);
	});
}

#[test]
fn arrears_are_listed_per_unit_and_totalled_per_community() {
	new_test_ext().execute_with(|| {
		lump_sum_from(JAN, PRICE_035);
		Now::set(JAN + 2);
		assert_ok!(Fees::pay_fees(signed(ALICE), C, unit(1), 3 * DUE_1_035));
		assert_ok!(Fees::pay_fees(signed(CAROL), C, unit(3), Fees::price_by_area(PRICE_035, AREA_3).unwrap()));
		let expected = |n: u8| dues(n).arrears;
		let all = Fees::arrears_page(C, None, 10);
		assert_eq!(all.scanned, 4);
		assert_eq!(all.next, None);
		assert_eq!(all.total, expected(2) + expected(3) + expected(4));
		assert_eq!(all.units.len(), 3);
		assert!(!all.units.iter().any(|(u, _)| *u == unit(1)));
		// Pages of two cover the same units.
		let first = Fees::arrears_page(C, None, 2);
		let second = Fees::arrears_page(C, first.next, 2);
		assert_eq!(first.scanned + second.scanned, 4);
		assert_eq!(first.total + second.total, all.total);
	});
}

#[test]
fn a_stray_transfer_to_a_fund_account_does_not_blur_the_books() {
	new_test_ext().execute_with(|| {
		lump_sum_from(JAN, PRICE_035);
		assert_ok!(Fees::pay_fees(signed(ALICE), C, unit(1), DUE_1_035));
		let fund = Fees::fund_account(C, FundKind::Operating);
		assert_ok!(Balances::transfer_allow_death(signed(STRANGER), fund, 5 * YUAN));
		// What the fund holds is still exactly its ledger (try_state checks).
		assert_eq!(held(FundKind::Operating), DUE_1_035);
		assert_noop!(
			Fees::record_expense(signed(MANAGER), C, Category::Other, DUE_1_035 + 1, CONTRACTOR, doc(1), None),
			Error::<Test>::InsufficientFund
		);
	});
}

fn big_unit(i: u32) -> UnitId {
	let mut id = [0u8; 32];
	id[..4].copy_from_slice(&i.to_be_bytes());
	H256(id)
}

/// A payment in a community of 100,000 units costs what it costs in one of
/// four: the same weight, and a storage proof that grows only with the
/// trie's depth, not with the units.
#[test]
fn a_payment_costs_the_same_with_a_hundred_thousand_units() {
	let mut ext = new_test_ext();
	let big: CommunityId = 1;
	ext.execute_with(|| {
		assert_ok!(Community::create_community(root(), b"Big Estate".to_vec(), REGISTRAR, None));
		for batch in 0..200u32 {
			let units = (0..500u32)
				.map(|i| pallet_community::NewUnit {
						id: big_unit(batch * 500 + i),
						scope: batch % 20,
						area: 90_00,
						status: linli_primitives::community::UnitStatus::Delivered,
					})
				.collect();
			assert_ok!(Community::register_units(signed(REGISTRAR), big, units));
		}
		assert_eq!(Community::unit_count(big), 100_000);
		let last = big_unit(99_999);
		assert_ok!(Community::verify_resident(signed(REGISTRAR), big, last, BOB, linli_primitives::community::ResidentRole::Owner, doc(1)));
		for c in [C, big] {
			assert_ok!(Fees::set_fee_schedule(root(), c, PRICE_035, ContractModel::LumpSum, JAN));
		}
		// Both units have the same area as each other.
		assert_ok!(Community::update_unit(signed(REGISTRAR), C, unit(2), 1, 90_00));
		// 100,000 registration events would otherwise be in the proof.
		System::reset_events();
	});
	ext.0.commit_all().unwrap();
	let last = big_unit(99_999);
	let pay = |c: CommunityId, u: UnitId| {
		let call = RuntimeCall::Fees(crate::Call::pay_fees { community: c, unit: u, amount: 31_500_000 });
		let info = call.get_dispatch_info();
		let post = call.dispatch(signed(BOB)).expect("payment succeeds");
		(info.call_weight, post.actual_weight)
	};
	use sp_runtime::traits::Dispatchable;
	let (small, small_proof) = ext.0.execute_and_prove(|| pay(C, unit(2)));
	ext.0.execute_with(System::reset_events);
	ext.0.commit_all().unwrap();
	let (large, large_proof) = ext.0.execute_and_prove(|| pay(big, last));
	assert_eq!(small, large, "declared and actual weight do not depend on the number of units");
	assert!(small.0.ref_time() > 0);
	let (small_proof, large_proof) = (small_proof.encoded_size(), large_proof.encoded_size());
	println!("payment proof: {small_proof} bytes with 4 units, {large_proof} bytes with 100,000 units");
	// 100,000 units are megabytes of storage; the proof grows by a few trie
	// levels (a few hundred bytes each) only.
	assert!(large_proof < small_proof + 4 * 1024, "{large_proof} vs {small_proof}");
	ext.execute_with(|| {
		assert_eq!(Fees::unit_dues(big, last).unwrap().next_due, JAN + 1);
	});
}

/// 100.00 m² at 0.35 元: 35 元 a month.
const DUE_4_035: Balance = 35 * YUAN;

fn register(n: u8, area: linli_primitives::community::Area, status: linli_primitives::community::UnitStatus) {
	assert_ok!(pallet_community::Pallet::<Test>::register_units(
		signed(REGISTRAR),
		C,
		vec![pallet_community::NewUnit { id: unit(n), scope: 1, area, status }]
	));
}

/// The attack: a unit registered in June is billed from January, served a
/// demand notice for months before it existed and charged a late fee on
/// them. It is billed from the month it was registered.
#[test]
fn a_unit_owes_nothing_for_the_months_before_it_was_registered() {
	new_test_ext().execute_with(|| {
		lump_sum_from(JAN, PRICE_035);
		Now::set(JAN + 5);
		register(5, AREA_1, linli_primitives::community::UnitStatus::Delivered);
		assert_eq!((dues(5).next_due, dues(5).arrears, dues(5).current), (JAN + 5, 0, DUE_1_035));
		assert_noop!(Fees::issue_demand_notice(signed(MANAGER), C, unit(5), doc(1)), Error::<Test>::NothingOverdue);
		// The units that existed owe the five months.
		assert_eq!(dues(1).arrears, 5 * DUE_1_035);
		// A schedule that starts later: nothing is owed before it.
		Now::set(JAN + 6);
		register(6, AREA_1, linli_primitives::community::UnitStatus::Delivered);
		lump_sum_from(JAN + 8, PRICE_050);
		Now::set(JAN + 9);
		assert_eq!(dues(6).arrears, 2 * DUE_1_035 + DUE_1_050);
	});
}

/// The attack: the registrar corrects a unit's area upwards and every
/// unpaid past month is re-priced at the new area. A correction applies
/// from the month it is made; the earlier months are carried at the area
/// they were billed on, and a demand notice's late fee runs only on what it
/// named.
#[test]
fn an_area_correction_applies_from_the_month_it_is_made() {
	new_test_ext().execute_with(|| {
		lump_sum_from(JAN, PRICE_035);
		Now::set(JAN + 3);
		assert_eq!(dues(1).arrears, 3 * DUE_1_035);
		assert_ok!(pallet_community::Pallet::<Test>::update_unit(signed(REGISTRAR), C, unit(1), 1, 2 * AREA_1));
		let d = dues(1);
		assert_eq!((d.arrears, d.current, d.next_due, d.developer_arrears), (3 * DUE_1_035, 2 * DUE_1_035, JAN + 3, 0));
		// Corrected again: the past stays as it was.
		assert_ok!(pallet_community::Pallet::<Test>::update_unit(signed(REGISTRAR), C, unit(1), 1, AREA_1));
		assert_eq!((dues(1).arrears, dues(1).current), (3 * DUE_1_035, DUE_1_035));
		assert_ok!(Fees::pay_fees(signed(ALICE), C, unit(1), 3 * DUE_1_035));
		assert!(matches!(
			last_event(),
			Event::FeesPaid { carried, billed: None, next_due, .. } if carried == 3 * DUE_1_035 && next_due == JAN + 3
		));
		assert_eq!((dues(1).arrears, dues(1).current), (0, DUE_1_035));
		assert!(Carried::<Test>::get(C, unit(1)).is_none());
	});
}

/// The attack: the developer leaves its unsold unit's fees unpaid, delivers
/// it, and the buyer inherits the debt (and its demand notice). The months
/// the developer held it stay the developer's, paid only from its account.
#[test]
fn the_months_the_developer_held_a_unit_stay_the_developers() {
	new_test_ext().execute_with(|| {
		lump_sum_from(JAN, PRICE_035);
		assert_ok!(Fees::set_contract_terms(
			root(),
			C,
			ContractTerms {
				max_prepaid_periods: 0,
				late_fee: Some(LateFeeTerms {
					monthly_rate: Perbill::from_percent(1),
					cap: Perbill::from_percent(10),
					grace_periods: 0,
				}),
			}
		));
		Now::set(JAN + 3);
		assert_eq!(dues(4).responsible, Some(DEVELOPER));
		assert_ok!(Fees::issue_demand_notice(signed(MANAGER), C, unit(4), doc(1)));
		Now::set(JAN + 4);
		// One month of late fee on the 105 元 noticed: 1.05 元.
		let late_fee = 105 * YUAN / 100;
		assert_eq!((dues(4).arrears, dues(4).late_fee), (4 * DUE_4_035, late_fee));
		assert_ok!(pallet_community::Pallet::<Test>::transfer_ownership(
			signed(REGISTRAR),
			C,
			unit(4),
			STRANGER,
			H256::repeat_byte(0xB4)
		));
		let d = dues(4);
		assert_eq!(
			(d.responsible, d.arrears, d.late_fee, d.notice, d.developer_arrears, d.current),
			(Some(STRANGER), 0, 0, None, 4 * DUE_4_035 + late_fee, DUE_4_035)
		);
		assert_noop!(Fees::issue_demand_notice(signed(MANAGER), C, unit(4), doc(2)), Error::<Test>::NothingOverdue);
		// The buyer pays its own month; more would be a prepayment the
		// contract does not allow — never the developer's debt.
		assert_noop!(
			Fees::pay_fees(signed(STRANGER), C, unit(4), 2 * DUE_4_035),
			Error::<Test>::PrepaymentCapExceeded
		);
		assert_ok!(Fees::pay_fees(signed(STRANGER), C, unit(4), DUE_4_035));
		assert_eq!(dues(4).developer_arrears, 4 * DUE_4_035 + late_fee);
		// The attack: the developer fills the ledger with 1-planck payments
		// towards a debt it does not settle.
		assert_noop!(Fees::pay_fees(signed(DEVELOPER), C, unit(4), 1), Error::<Test>::PaymentTooSmall);
		// The developer pays its months.
		assert_ok!(Fees::pay_fees(signed(DEVELOPER), C, unit(4), 4 * DUE_4_035 + late_fee));
		assert!(matches!(last_event(), Event::FeesPaid { carried, billed: None, .. } if carried == 4 * DUE_4_035 + late_fee));
		assert_eq!(dues(4).developer_arrears, 0);
		assert!(Carried::<Test>::get(C, unit(4)).is_none());
	});
}

/// A developer's carried dues stay payable when its account is gone: any
/// account may pay them on purpose, never by accident.
#[test]
fn a_developers_debt_stays_payable_when_its_account_is_gone() {
	new_test_ext().execute_with(|| {
		lump_sum_from(JAN, PRICE_035);
		Now::set(JAN + 2);
		assert_ok!(pallet_community::Pallet::<Test>::transfer_ownership(
			signed(REGISTRAR),
			C,
			unit(4),
			STRANGER,
			H256::repeat_byte(0xB4)
		));
		let debt = 2 * DUE_4_035;
		assert_eq!(dues(4).developer_arrears, debt);
		assert_ok!(Community::set_developer(root(), C, None));
		let pay = |who, amount| Fees::pay_developer_arrears(signed(who), C, unit(4), amount);
		assert_noop!(pay(BOB, 0), Error::<Test>::ZeroAmount);
		assert_noop!(pay(BOB, debt + 1), Error::<Test>::MoreThanDeveloperArrears);
		assert_noop!(pay(BOB, 1), Error::<Test>::PaymentTooSmall);
		assert_noop!(
			Fees::pay_developer_arrears(signed(BOB), C, unit(1), YUAN),
			Error::<Test>::MoreThanDeveloperArrears
		);
		assert_noop!(
			Fees::pay_developer_arrears(RuntimeOrigin::none(), C, unit(4), YUAN),
			DispatchError::BadOrigin
		);
		let operating = fund_balance(FundKind::Operating);
		assert_ok!(pay(BOB, YUAN));
		assert_eq!(
			last_event(),
			Event::DeveloperArrearsPaid { community: C, unit: unit(4), payer: BOB, amount: YUAN, held_back: 0, left: debt - YUAN }
		);
		assert_eq!(fund_balance(FundKind::Operating), operating + YUAN);
		let entry = Ledger::<Test>::get(C, LedgerLength::<Test>::get(C) - 1).unwrap();
		assert_eq!((entry.category, entry.unit, entry.counterparty), (Category::PropertyFee, Some(unit(4)), BOB));
		// The rest settles it.
		assert_ok!(pay(BOB, debt - YUAN));
		assert!(Carried::<Test>::get(C, unit(4)).is_none());
		assert_eq!(dues(4).developer_arrears, 0);
	});
}

/// Every unit deposits 100 元 per m²: unit 1 8,912 元 and unit 3 6,537 元
/// in scope 2; unit 2 12,000 元 and the developer's unit 4 10,000 元 in
/// scope 1.
fn everyone_deposits() {
	assert_ok!(Fees::open_maintenance_round(root(), C, 100 * YUAN));
	for (who, n) in [(ALICE, 1), (BOB, 2), (CAROL, 3), (DEVELOPER, 4)] {
		assert_ok!(Fees::deposit_maintenance(signed(who), C, unit(n)));
	}
}

fn maintenance(n: u8) -> linli_primitives::fees::MaintenanceView<Balance> {
	Fees::maintenance_view(C, unit(n)).expect("every registered unit has a maintenance account")
}

/// The attack: the owners of one building vote a repair that costs more
/// than their units ever deposited, and spend the other buildings' money.
/// A building's repair is paid only from its own units' accounts, split
/// among them by area.
#[test]
fn a_buildings_repair_is_paid_from_its_own_units_accounts_by_area() {
	new_test_ext().execute_with(|| {
		assert_eq!(maintenance(1).deposited, 0);
		assert_eq!(Fees::maintenance_view(C, UnitId::repeat_byte(0xEE)), None);
		everyone_deposits();
		assert_eq!(fund_balance(FundKind::Maintenance), 37_449 * YUAN);
		let spend = |scope, amount| Fees::spend_maintenance(root(), C, scope, amount, CAROL, doc(7));
		assert_noop!(spend(Some(2), 15_449 * YUAN + 1), Error::<Test>::ScopeFundInsufficient);
		assert_noop!(spend(Some(9), YUAN), Error::<Test>::NoUnitsInScope);
		assert_ok!(spend(Some(2), 10_000 * YUAN));
		// 10,000 元 over 154.49 m²: 8,912/15,449 of it on unit 1.
		let (one, three) = (maintenance(1), maintenance(3));
		assert_eq!(one.spent, (10_000 * YUAN * 8_912).div_ceil(15_449));
		assert!((10_000 * YUAN..=10_000 * YUAN + 1).contains(&(one.spent + three.spent)));
		assert_eq!((one.deposited, one.balance, one.owed, one.rounds_paid), (8_912 * YUAN, 8_912 * YUAN - one.spent, 0, 1));
		// The other building's units are untouched.
		assert_eq!((maintenance(2).spent, maintenance(2).balance), (0, 12_000 * YUAN));
		// What is left of scope 2 is all it may still spend.
		let left = one.balance + three.balance;
		assert_noop!(spend(Some(2), left + 2), Error::<Test>::ScopeFundInsufficient);
		// An emergency of scope 2 is bound by the same accounts.
		assert_noop!(
			Fees::emergency_repair(signed(MANAGER), C, Emergency::RoofLeak, Some(9), YUAN, CAROL, doc(8)),
			Error::<Test>::NoUnitsInScope
		);
	});
}

/// The attack: a unit that never deposited escaped its share of its
/// building's repair, and the units that did paid it all. Every unit of
/// the scope now shares it by area; a share beyond the deposits is owed.
#[test]
fn a_unit_that_never_deposited_owes_its_share_of_a_repair() {
	new_test_ext().execute_with(|| {
		assert_ok!(Fees::open_maintenance_round(root(), C, 100 * YUAN));
		// Of scope 2 (units 1 and 3), only unit 1 deposits: 8,912 元.
		assert_ok!(Fees::deposit_maintenance(signed(ALICE), C, unit(1)));
		assert_ok!(Fees::spend_maintenance(root(), C, Some(2), 1_000 * YUAN, CAROL, doc(7)));
		// 1,000 元 over 154.49 m²: 65.37/154.49 of it is unit 3's, owed.
		let (one, three) = (maintenance(1), maintenance(3));
		assert_eq!(three.owed, (1_000 * YUAN * 6_537).div_ceil(15_449));
		assert_eq!((three.deposited, three.balance, three.spent), (0, 0, three.owed));
		assert_eq!(one.spent, (1_000 * YUAN * 8_912).div_ceil(15_449));
		assert_eq!(one.balance, 8_912 * YUAN - one.spent);
		// The scope may spend only what it holds net of what it owes.
		let net = one.balance - three.owed;
		assert_noop!(
			Fees::spend_maintenance(root(), C, Some(2), net + 2, CAROL, doc(8)),
			Error::<Test>::ScopeFundInsufficient
		);
		// Unit 3's deposit first pays what it owes.
		assert_ok!(Fees::deposit_maintenance(signed(CAROL), C, unit(3)));
		let three = maintenance(3);
		assert_eq!((three.balance, three.owed), (6_537 * YUAN - three.spent, 0));
	});
}

/// A community-wide repair is shared by every unit's account by area; a
/// unit's balance stays with the unit when it is sold; a correction of its
/// scope or area changes its share of later spends only.
#[test]
fn a_community_repair_is_shared_by_area_and_the_balance_stays_with_the_unit() {
	new_test_ext().execute_with(|| {
		everyone_deposits();
		// 3,744.9 元 over 374.49 m²: 10 元 per m².
		assert_ok!(Fees::spend_maintenance(root(), C, None, 3_7449 * YUAN / 10, CAROL, doc(7)));
		for (n, area) in [(1, AREA_1), (2, AREA_2), (3, AREA_3), (4, AREA_4)] {
			let view = maintenance(n);
			assert_eq!(view.spent, 10 * YUAN * area as Balance / 100);
			assert_eq!(view.balance, 90 * YUAN * area as Balance / 100);
		}
		let before = maintenance(1);
		assert_ok!(pallet_community::Pallet::<Test>::transfer_ownership(
			signed(REGISTRAR),
			C,
			unit(1),
			STRANGER,
			H256::repeat_byte(0xB1)
		));
		assert_eq!(maintenance(1), before);
		// Unit 1 moves to scope 1 and doubles its area: a repair of scope 1
		// now falls on it, by its new area; its past shares stay.
		assert_ok!(pallet_community::Pallet::<Test>::update_unit(signed(REGISTRAR), C, unit(1), 1, 2 * AREA_1));
		assert_eq!((maintenance(1).scope, maintenance(1).spent), (1, before.spent));
		let (area_1, area_2, area_4) = (2 * AREA_1 as Balance, AREA_2 as Balance, AREA_4 as Balance);
		let repair = (area_1 + area_2 + area_4) * YUAN / 100;
		assert_ok!(Fees::spend_maintenance(root(), C, Some(1), repair, CAROL, doc(8)));
		assert_eq!(maintenance(1).spent, before.spent + area_1 * YUAN / 100);
		assert_eq!(maintenance(3).spent, 10 * YUAN * AREA_3 as Balance / 100);
	});
}

/// The limit that never cleared: after `MaxSchedules` schedules no price
/// could ever change again. The oldest schedule goes once no unit owes a
/// month it priced; while one does, the error says so.
#[test]
fn the_oldest_schedule_rolls_off_once_no_unit_owes_its_months() {
	new_test_ext().execute_with(|| {
		let max = <Test as Config>::MaxSchedules::get();
		for i in 0..max {
			lump_sum_from(JAN + i, PRICE_035 + i as Balance);
		}
		let next = || Fees::set_fee_schedule(root(), C, PRICE_050, ContractModel::LumpSum, JAN + max);
		// Every unit still owes January.
		assert_noop!(next(), Error::<Test>::TooManySchedules);
		for n in 1..=4u8 {
			let january = dues(n).current;
			assert_ok!(Fees::pay_fees(signed(ALICE), C, unit(n), january));
		}
		assert_eq!(OldestDue::<Test>::get(C), Some(JAN + 1));
		assert_ok!(next());
		assert!(fees_events().contains(&Event::FeeSchedulePruned { community: C, effective_from: JAN }));
		let schedules = Schedules::<Test>::get(C);
		assert_eq!((schedules.len() as u32, schedules[0].effective_from), (max, JAN + 1));
		// February is owed by all: the next one waits again.
		assert_noop!(
			Fees::set_fee_schedule(root(), C, PRICE_050, ContractModel::LumpSum, JAN + max + 1),
			Error::<Test>::TooManySchedules
		);
	});
}

/// The oldest due month is a lower bound found by a bounded scan. A scan
/// that found nothing left it on an empty month for good, and with it the
/// oldest schedule could never roll off: the bound now moves on with the
/// next payment.
#[test]
fn the_oldest_due_month_never_sticks_on_an_empty_month() {
	new_test_ext().execute_with(|| {
		lump_sum_from(JAN, PRICE_035);
		Now::set(JAN);
		let terms = ContractTerms { max_prepaid_periods: 24, late_fee: None };
		assert_ok!(Fees::set_contract_terms(root(), C, terms));
		let months = |n: u8, k: u32| {
			let area = [AREA_1, AREA_2, AREA_3, AREA_4][n as usize - 1];
			k as Balance * Fees::price_by_area(PRICE_035, area).unwrap()
		};
		// Unit 1 pays into month 15, the others into month 26: nothing is
		// due within the twelve months the scan looks ahead of January.
		assert_ok!(Fees::pay_fees(signed(ALICE), C, unit(1), months(1, 14)));
		for (who, n) in [(BOB, 2), (CAROL, 3), (DEVELOPER, 4)] {
			assert_ok!(Fees::pay_fees(signed(who), C, unit(n), months(n, 25)));
		}
		assert_eq!(OldestDue::<Test>::get(C), Some(JAN + 12));
		// Unit 1 pays one more month: the bound moves on to it.
		assert_ok!(Fees::pay_fees(signed(ALICE), C, unit(1), months(1, 1)));
		assert_eq!(OldestDue::<Test>::get(C), Some(JAN + 15));
		// So the schedules before month 15 can roll off.
		let max = <Test as Config>::MaxSchedules::get();
		for i in 1..max {
			lump_sum_from(JAN + 14 + i, PRICE_035);
		}
		assert_ok!(Fees::set_fee_schedule(root(), C, PRICE_050, ContractModel::LumpSum, JAN + 14 + max));
		assert!(fees_events().contains(&Event::FeeSchedulePruned { community: C, effective_from: JAN }));
	});
}

/// Credit paid towards a month not yet begun stays credit when the area
/// is corrected downwards, even when it now covers the month: it never
/// turns into prepayment by itself (a correction there and back would
/// otherwise pay months at the wrong area, and a tenant's payment would
/// become prepayment the owner never agreed to). The next payment settles
/// it at the new area.
#[test]
fn credit_stays_credit_after_a_correction_until_the_next_payment() {
	new_test_ext().execute_with(|| {
		lump_sum_from(JAN, PRICE_035);
		Now::set(JAN);
		let terms = ContractTerms { max_prepaid_periods: 3, late_fee: None };
		assert_ok!(Fees::set_contract_terms(root(), C, terms));
		// January and half of February at 89.12 m².
		assert_ok!(Fees::pay_fees(signed(ALICE), C, unit(1), DUE_1_035 + DUE_1_035 / 2));
		assert_eq!((dues(1).next_due, dues(1).credit), (JAN + 1, DUE_1_035 / 2));
		// 0.01 m² and back (the attack of a mistyped correction): nothing
		// is paid that was not paid before.
		let correct = |area| pallet_community::Pallet::<Test>::update_unit(signed(REGISTRAR), C, unit(1), 1, area);
		assert_ok!(correct(1));
		assert_eq!((dues(1).next_due, dues(1).credit), (JAN + 1, DUE_1_035 / 2));
		assert_ok!(correct(AREA_1));
		assert_eq!((dues(1).next_due, dues(1).credit), (JAN + 1, DUE_1_035 / 2));
		// At 20 m² (7 元 a month) the credit covers two months; the owner's
		// next payment of one month settles February, March and April and
		// leaves 1.596 元 towards May.
		assert_ok!(correct(20_00));
		let due = Fees::price_by_area(PRICE_035, 20_00).unwrap();
		Now::set(JAN + 1);
		assert_eq!(dues(1).current, 0);
		assert_ok!(Fees::pay_fees(signed(ALICE), C, unit(1), due));
		assert_eq!((dues(1).next_due, dues(1).credit), (JAN + 4, DUE_1_035 / 2 + due - 3 * due));
	});
}

/// One unit that never pays held on to the oldest schedule, and with it
/// every new price once the schedules are full. Its months roll up into a
/// fixed amount it carries: it owes the same, and the schedule can go.
#[test]
fn a_unit_that_never_pays_cannot_block_new_prices_for_good() {
	new_test_ext().execute_with(|| {
		let max = <Test as Config>::MaxSchedules::get();
		for i in 0..max {
			lump_sum_from(JAN + i, PRICE_035);
		}
		Now::set(JAN + 2);
		for (who, n) in [(BOB, 2), (CAROL, 3), (DEVELOPER, 4)] {
			let owed = dues(n).arrears + dues(n).current;
			assert_ok!(Fees::pay_fees(signed(who), C, unit(n), owed));
		}
		let next = || Fees::set_fee_schedule(root(), C, PRICE_050, ContractModel::LumpSum, JAN + max);
		assert_noop!(next(), Error::<Test>::TooManySchedules);
		let before = dues(1);
		assert_eq!(before.arrears, 2 * DUE_1_035);
		// Bad input: nothing to roll up, an unknown unit, no origin.
		assert_noop!(Fees::roll_up_arrears(signed(STRANGER), C, unit(2)), Error::<Test>::NothingToRollUp);
		assert_noop!(Fees::roll_up_arrears(signed(STRANGER), C, UnitId::repeat_byte(0xEE)), Error::<Test>::UnknownUnit);
		assert_noop!(Fees::roll_up_arrears(RuntimeOrigin::none(), C, unit(1)), DispatchError::BadOrigin);
		assert_ok!(Fees::roll_up_arrears(signed(STRANGER), C, unit(1)));
		assert_eq!(
			last_event(),
			Event::ArrearsRolledUp { community: C, unit: unit(1), from: JAN, to: JAN + 1, amount: 2 * DUE_1_035 }
		);
		// It owes exactly what it owed.
		let after = dues(1);
		assert_eq!((after.arrears, after.current, after.next_due), (before.arrears, before.current, JAN + 2));
		assert_ok!(next());
		assert!(fees_events().contains(&Event::FeeSchedulePruned { community: C, effective_from: JAN }));
		assert_ok!(Fees::pay_fees(signed(ALICE), C, unit(1), after.arrears + after.current));
		assert_eq!(dues(1).arrears + dues(1).current, 0);
	});
}

/// The attack: with a demand notice open, rolling up the later unpaid
/// months too made the late fee run on months the notice never named. Only
/// the months it demanded roll up; the late fee runs on what is left of
/// them.
#[test]
fn a_roll_up_never_raises_a_late_fee() {
	new_test_ext().execute_with(|| {
		lump_sum_from(JAN, PRICE_035);
		let late_fee = LateFeeTerms { monthly_rate: Perbill::from_percent(1), cap: Perbill::from_percent(10), grace_periods: 0 };
		assert_ok!(Fees::set_contract_terms(root(), C, ContractTerms { max_prepaid_periods: 0, late_fee: Some(late_fee) }));
		Now::set(JAN + 3);
		assert_ok!(Fees::issue_demand_notice(signed(MANAGER), C, unit(1), doc(1)));
		// Two of the three months demanded are paid.
		assert_ok!(Fees::pay_fees(signed(ALICE), C, unit(1), 2 * DUE_1_035));
		Now::set(JAN + 5);
		assert_ok!(Fees::roll_up_arrears(signed(STRANGER), C, unit(1)));
		assert_eq!(
			last_event(),
			Event::ArrearsRolledUp { community: C, unit: unit(1), from: JAN + 2, to: JAN + 2, amount: DUE_1_035 }
		);
		// Two months of 1 % on the one month still unpaid of the three.
		let d = dues(1);
		assert_eq!((d.late_fee, d.arrears, d.next_due), (2 * (DUE_1_035 / 100), 3 * DUE_1_035, JAN + 3));
		assert_noop!(Fees::roll_up_arrears(signed(STRANGER), C, unit(1)), Error::<Test>::NothingToRollUp);
	});
}

/// Maintenance rounds stopped at `MaxMaintenanceRounds`. The oldest top-up
/// goes once every unit has paid it; a unit registered later owes the first
/// deposit and the rounds still kept.
#[test]
fn the_oldest_top_up_rolls_off_once_every_unit_paid_it() {
	new_test_ext().execute_with(|| {
		let max = <Test as Config>::MaxMaintenanceRounds::get();
		for _ in 0..max {
			assert_ok!(Fees::open_maintenance_round(root(), C, 10 * YUAN));
		}
		let open = || Fees::open_maintenance_round(root(), C, 20 * YUAN);
		assert_noop!(open(), Error::<Test>::TooManyMaintenanceRounds);
		// Every unit pays the first deposit and the first top-up; unit 4 is
		// the developer's.
		for (who, n) in [(ALICE, 1), (BOB, 2), (CAROL, 3), (DEVELOPER, 4)] {
			assert_ok!(Fees::deposit_maintenance(signed(who), C, unit(n)));
			if n < 4 {
				assert_ok!(Fees::deposit_maintenance(signed(who), C, unit(n)));
			}
		}
		assert_noop!(open(), Error::<Test>::TooManyMaintenanceRounds);
		assert_ok!(Fees::deposit_maintenance(signed(DEVELOPER), C, unit(4)));
		assert_ok!(open());
		assert!(fees_events().contains(&Event::MaintenanceRoundPruned { community: C, round: 1 }));
		assert!(matches!(last_event(), Event::MaintenanceRoundOpened { round, .. } if round == max));
		// A unit registered now: the first deposit, then round 2.
		register(5, AREA_1, linli_primitives::community::UnitStatus::Delivered);
		assert_ok!(Fees::deposit_maintenance(signed(ALICE), C, unit(5)));
		assert!(matches!(last_event(), Event::MaintenanceDeposited { round: 0, .. }));
		assert_ok!(Fees::deposit_maintenance(signed(ALICE), C, unit(5)));
		assert!(matches!(last_event(), Event::MaintenanceDeposited { round: 2, .. }));
		// The older units go on with round 2 as well.
		assert_ok!(Fees::deposit_maintenance(signed(ALICE), C, unit(1)));
		assert!(matches!(last_event(), Event::MaintenanceDeposited { round: 2, .. }));
		for _ in 0..max - 2 {
			assert_ok!(Fees::deposit_maintenance(signed(ALICE), C, unit(1)));
		}
		assert_noop!(Fees::deposit_maintenance(signed(ALICE), C, unit(1)), Error::<Test>::MaintenancePaidUp);
	});
}

/// A payment is charged for what it did: a plain payment of dues pays the
/// plain payment's measured weight; one that settles a demand notice (or
/// prepays) pays the full one. Both are declared at the full one.
#[test]
fn a_plain_payment_is_charged_as_a_plain_payment() {
	use frame_support::dispatch::GetDispatchInfo;
	new_test_ext().execute_with(|| {
		lump_sum_from(JAN, PRICE_035);
		Now::set(JAN + 3);
		let full = Fees::pay_fees_weight(1);
		let plain = Fees::paid_fees_weight(crate::PaymentTaken { schedules: 1, plain: true });
		assert!(plain.ref_time() < full.ref_time());
		let call = crate::Call::<Test>::pay_fees { community: C, unit: unit(1), amount: DUE_1_035 };
		assert_eq!(call.get_dispatch_info().call_weight, Fees::pay_fees_weight(<Test as Config>::MaxSchedules::get()));
		// Unit 1 pays a month of its dues: plain.
		let post = Fees::pay_fees(signed(ALICE), C, unit(1), DUE_1_035).unwrap();
		assert_eq!(post.actual_weight, Some(plain));
		// Unit 2 is served a demand notice: its payment settles it.
		assert_ok!(Fees::issue_demand_notice(signed(MANAGER), C, unit(2), doc(1)));
		let owed = dues(2).arrears + dues(2).current;
		let post = Fees::pay_fees(signed(BOB), C, unit(2), owed).unwrap();
		assert_eq!(post.actual_weight, Some(full));
		// Unit 1 prepays beyond its dues: not plain either.
		assert_ok!(Fees::set_contract_terms(root(), C, ContractTerms { max_prepaid_periods: 6, late_fee: None }));
		let owed = dues(1).arrears + dues(1).current;
		let post = Fees::pay_fees(signed(ALICE), C, unit(1), owed + DUE_1_035).unwrap();
		assert_eq!(post.actual_weight, Some(full));
	});
}
