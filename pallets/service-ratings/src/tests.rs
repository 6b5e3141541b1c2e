//! Tests of the service-ratings pallet. Every test ends with the ratings,
//! fees and identity pallets' `try_state` (the escrow's ledger equals what
//! its account holds).

use linli_primitives::calendar::{Month, month_of};
use crate::{mock::*, pallet::*, Aggregate, RatingTerms, Settlement, Shortfall};
use frame_support::{assert_noop, assert_ok, traits::fungible::Inspect};
use linli_primitives::fees::{Approver, Category, Direction, FundKind};
use sp_core::H256;
use sp_runtime::{DispatchError, Perbill, Permill};

const JAN: Month = month_of(2026, 1);
/// 1 元/m² × 100 m² a month.
const MONTHLY: Balance = 100 * YUAN;

fn signed(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

/// Quarterly periods from January; 10 % held back; 80 % satisfaction and
/// half the households to release it.
fn terms() -> RatingTerms<AccountId> {
	RatingTerms {
		first_period: JAN,
		months_per_period: 3,
		held_back: Permill::from_percent(10),
		threshold: Perbill::from_percent(80),
		quorum: Perbill::from_percent(50),
		company: COMPANY,
	}
}

fn with_terms() {
	assert_ok!(ServiceRatings::set_rating_terms(RuntimeOrigin::root(), C, terms()));
}

/// Every owner pays the quarter: 3,000 元 of fees in the period.
fn everyone_pays_the_quarter() {
	assert_ok!(Fees::set_contract_terms(
		RuntimeOrigin::root(),
		C,
		pallet_property_fees::ContractTerms { max_prepaid_periods: 2, late_fee: None }
	));
	for n in 1..=10 {
		assert_ok!(Fees::pay_fees(signed(n), C, unit(n as u32), 3 * MONTHLY));
	}
}

fn rate(who: AccountId, n: u32, category: u8, stars: u8) -> sp_runtime::DispatchResult {
	ServiceRatings::rate(signed(who), C, unit(n), category, stars, None)
}

fn fund(kind: FundKind) -> Balance {
	pallet_property_fees::Funds::<Test>::get(C, kind).unwrap_or_default().balance
}

fn last_event() -> Event<Test> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::ServiceRatings(e) => Some(e),
			_ => None,
		})
		.last()
		.expect("an event")
}

#[test]
fn terms_need_their_origin_and_fix_the_periods() {
	new_test_ext().execute_with(|| {
		assert_noop!(ServiceRatings::set_rating_terms(signed(1), C, terms()), DispatchError::BadOrigin);
		assert_noop!(ServiceRatings::set_rating_terms(signed(MANAGER), C, terms()), DispatchError::BadOrigin);
		assert_noop!(ServiceRatings::set_rating_terms(RuntimeOrigin::root(), 9, terms()), Error::<Test>::UnknownCommunity);
		for months in [0, 13] {
			assert_noop!(
				ServiceRatings::set_rating_terms(RuntimeOrigin::root(), C, RatingTerms { months_per_period: months, ..terms() }),
				Error::<Test>::BadPeriodLength
			);
		}
		with_terms();
		assert_eq!(last_event(), Event::RatingTermsSet { community: C, terms: terms() });
		// The bar may change; the periods may not.
		assert_ok!(ServiceRatings::set_rating_terms(
			RuntimeOrigin::root(),
			C,
			RatingTerms { threshold: Perbill::from_percent(75), ..terms() }
		));
		assert_noop!(
			ServiceRatings::set_rating_terms(RuntimeOrigin::root(), C, RatingTerms { months_per_period: 1, ..terms() }),
			Error::<Test>::TermsFixed
		);
	});
}

#[test]
fn a_community_adds_categories_of_its_own_within_the_bound() {
	new_test_ext().execute_with(|| {
		with_terms();
		assert_noop!(ServiceRatings::add_category(signed(1), C, b"lifts".to_vec()), DispatchError::BadOrigin);
		assert_noop!(ServiceRatings::add_category(RuntimeOrigin::root(), C, vec![]), Error::<Test>::BadCategoryName);
		assert_noop!(ServiceRatings::add_category(RuntimeOrigin::root(), C, vec![b'x'; 17]), Error::<Test>::BadCategoryName);
		assert_noop!(rate(1, 1, 6, 5), Error::<Test>::UnknownCategory);
		assert_ok!(ServiceRatings::add_category(RuntimeOrigin::root(), C, "电梯 lifts".as_bytes().to_vec()));
		assert_eq!(last_event(), Event::CategoryAdded { community: C, category: 6, name: "电梯 lifts".as_bytes().to_vec() });
		assert_ok!(ServiceRatings::add_category(RuntimeOrigin::root(), C, b"parking".to_vec()));
		assert_noop!(ServiceRatings::add_category(RuntimeOrigin::root(), C, b"more".to_vec()), Error::<Test>::TooManyCategories);
		assert_ok!(rate(1, 1, 7, 4));
		assert_noop!(rate(1, 1, 8, 4), Error::<Test>::UnknownCategory);
		let scores = ServiceRatings::scores(C, 0).unwrap();
		assert_eq!(scores.categories.len(), 8);
		assert_eq!(scores.categories[7].1, b"parking".to_vec());
		assert_eq!(scores.categories[7].2, Aggregate { count: 1, sum: 4, satisfied: 1 });
	});
}

#[test]
fn only_verified_owners_and_tenants_of_the_unit_rate_it() {
	new_test_ext().execute_with(|| {
		assert_noop!(rate(1, 1, 0, 5), Error::<Test>::NoRatingTerms);
		assert_ok!(ServiceRatings::set_rating_terms(
			RuntimeOrigin::root(),
			C,
			RatingTerms { first_period: JAN + 1, ..terms() }
		));
		assert_noop!(rate(1, 1, 0, 5), Error::<Test>::NotStarted);
		Now::set(JAN + 1);
		assert_noop!(rate(1, 1, 0, 0), Error::<Test>::BadStars);
		assert_noop!(rate(1, 1, 0, 6), Error::<Test>::BadStars);
		assert_noop!(rate(OUTSIDER, 1, 0, 5), Error::<Test>::NotAResident);
		assert_noop!(rate(FAMILY, 2, 0, 5), Error::<Test>::NotAResident);
		// An owner rates only their own unit.
		assert_noop!(rate(1, 2, 0, 5), Error::<Test>::NotAResident);
		assert_noop!(ServiceRatings::rate(RuntimeOrigin::none(), C, unit(1), 0, 5, None), DispatchError::BadOrigin);
		assert_ok!(rate(2, 2, 0, 5));
		assert_ok!(ServiceRatings::rate(signed(TENANT), C, unit(1), 0, 3, Some(H256::repeat_byte(7))));
		assert_eq!(
			last_event(),
			Event::Rated {
				community: C,
				period: 0,
				unit: unit(1),
				category: 0,
				stars: 3,
				by: TENANT,
				comment: Some(H256::repeat_byte(7)),
				replaced: None,
			}
		);
		// A revoked resident no longer rates.
		assert_ok!(Community::remove_resident(
			signed(REGISTRAR),
			C,
			unit(1),
			TENANT,
			pallet_community::RemovalReason::MovedOut
		));
		assert_noop!(rate(TENANT, 1, 1, 5), Error::<Test>::NotAResident);
	});
}

#[test]
fn a_household_rates_each_category_once_a_period() {
	new_test_ext().execute_with(|| {
		with_terms();
		assert_ok!(rate(1, 1, 0, 5));
		// The tenant of the same unit: the household's rating is replaced.
		assert_ok!(rate(TENANT, 1, 0, 2));
		assert!(matches!(last_event(), Event::Rated { replaced: Some(5), stars: 2, .. }));
		assert_ok!(rate(1, 1, 1, 4));
		assert_ok!(rate(2, 2, 0, 4));
		let scores = ServiceRatings::scores(C, 0).unwrap();
		assert_eq!(scores.categories[0].2, Aggregate { count: 2, sum: 6, satisfied: 1 });
		assert_eq!(scores.categories[0].3, Perbill::from_percent(50));
		assert_eq!(scores.categories[1].2, Aggregate { count: 1, sum: 4, satisfied: 1 });
		assert_eq!(scores.overall, Aggregate { count: 3, sum: 10, satisfied: 2 });
		assert_eq!(scores.households_rated, 2);
		assert_eq!(scores.months, (JAN, JAN + 2));
	});
}

#[test]
fn a_rating_after_the_period_counts_in_the_next_and_a_period_closes_once() {
	new_test_ext().execute_with(|| {
		with_terms();
		assert_ok!(rate(1, 1, 0, 5));
		assert_noop!(ServiceRatings::close_period(signed(OUTSIDER), C, 0), Error::<Test>::PeriodNotOver);
		Now::set(JAN + 3);
		assert_ok!(rate(1, 1, 0, 1));
		assert_eq!(ServiceRatings::scores(C, 0).unwrap().overall, Aggregate { count: 1, sum: 5, satisfied: 1 });
		assert_eq!(ServiceRatings::scores(C, 1).unwrap().overall, Aggregate { count: 1, sum: 1, satisfied: 0 });
		assert_ok!(ServiceRatings::close_period(signed(OUTSIDER), C, 0));
		assert_noop!(ServiceRatings::close_period(signed(OUTSIDER), C, 0), Error::<Test>::AlreadyClosed);
		assert_noop!(ServiceRatings::close_period(signed(OUTSIDER), C, 1), Error::<Test>::PeriodNotOver);
		assert_noop!(ServiceRatings::close_period(RuntimeOrigin::none(), C, 1), DispatchError::BadOrigin);
		assert_eq!(ServiceRatings::history(C, 0, 10).len(), 2);
	});
}

/// 10 households; 5 rate (the quorum, exactly half); 4 of 5 ratings are
/// satisfied: exactly 80 %. The 10 % held back of 3,000 元 goes to the
/// company, through escrow, in the ledger.
#[test]
fn satisfaction_exactly_at_the_threshold_releases_the_held_back_pay() {
	new_test_ext().execute_with(|| {
		with_terms();
		everyone_pays_the_quarter();
		let income = 3_000 * YUAN;
		// The 10 % was held in escrow as the fees came in.
		assert_eq!(fund(FundKind::Operating), income - 300 * YUAN);
		assert_eq!(fund(FundKind::Escrow), 300 * YUAN);
		for (n, stars) in [(1, 5), (2, 4), (3, 4), (4, 5), (5, 3)] {
			assert_ok!(rate(n as AccountId, n, 4, stars));
		}
		Now::set(JAN + 3);
		let ledger_before = pallet_property_fees::LedgerLength::<Test>::get(C);
		assert_ok!(ServiceRatings::close_period(signed(OUTSIDER), C, 0));
		let settlement = Settlement { fee_income: income, held_back: 300 * YUAN, returned: None, households: 10 };
		assert_eq!(
			last_event(),
			Event::PeriodClosed {
				community: C,
				period: 0,
				overall: Aggregate { count: 5, sum: 21, satisfied: 4 },
				households_rated: 5,
				settlement,
			}
		);
		assert_eq!(Balances::balance(&COMPANY), 300 * YUAN);
		assert_eq!(fund(FundKind::Operating), income - 300 * YUAN);
		assert_eq!(fund(FundKind::Escrow), 0);
		let entries: Vec<_> = (ledger_before..pallet_property_fees::LedgerLength::<Test>::get(C))
			.map(|i| pallet_property_fees::Ledger::<Test>::get(C, i).unwrap())
			.map(|e| (e.fund, e.direction, e.category, e.amount, e.approved_by))
			.collect();
		let held = 300 * YUAN;
		assert_eq!(
			entries,
			vec![(FundKind::Escrow, Direction::Out, Category::PerformancePay, held, Approver::Rating(0))]
		);
		assert_eq!(ServiceRatings::scores(C, 0).unwrap().settlement, Some(settlement));
	});
}

#[test]
fn a_share_below_the_existential_deposit_is_not_held_and_the_period_closes() {
	new_test_ext().execute_with(|| {
		with_terms();
		// 10 % of each 300 元 payment is 30 元: below this deposit, it could
		// neither open the escrow nor reach the company's empty account.
		ExistentialDeposit::set(31 * YUAN);
		everyone_pays_the_quarter();
		ExistentialDeposit::set(1);
		assert_eq!(fund(FundKind::Escrow), 0);
		for (n, stars) in [(1, 5), (2, 4), (3, 4), (4, 5), (5, 5)] {
			assert_ok!(rate(n as AccountId, n, 4, stars));
		}
		Now::set(JAN + 3);
		assert_ok!(ServiceRatings::close_period(signed(OUTSIDER), C, 0));
		let settlement = ServiceRatings::scores(C, 0).unwrap().settlement.unwrap();
		assert_eq!((settlement.fee_income, settlement.held_back), (3_000 * YUAN, 0));
		assert_eq!(fund(FundKind::Operating), 3_000 * YUAN);
	});
}

/// The dodge: the company spends the operating fund before the period
/// closes, so that nothing is left to hold back. The share is in escrow from
/// the moment each fee is paid: the company cannot reach it, and a poor
/// rating returns all of it to the owners.
#[test]
fn the_company_cannot_spend_the_held_back_pay_before_the_rating() {
	new_test_ext().execute_with(|| {
		with_terms();
		everyone_pays_the_quarter();
		let spendable = fund(FundKind::Operating);
		assert_eq!(spendable, 2_700 * YUAN);
		assert_noop!(
			Fees::record_expense(
				signed(MANAGER),
				C,
				Category::Cleaning,
				spendable + 1,
				MANAGER,
				H256::repeat_byte(1),
				None
			),
			pallet_property_fees::Error::<Test>::InsufficientFund
		);
		assert_ok!(Fees::record_expense(
			signed(MANAGER),
			C,
			Category::Cleaning,
			spendable,
			MANAGER,
			H256::repeat_byte(1),
			None
		));
		assert_eq!(fund(FundKind::Operating), 0);
		for (n, stars) in [(1, 1), (2, 2), (3, 1), (4, 2), (5, 1)] {
			assert_ok!(rate(n as AccountId, n, 0, stars));
		}
		Now::set(JAN + 3);
		assert_ok!(ServiceRatings::close_period(signed(OUTSIDER), C, 0));
		let settlement = ServiceRatings::scores(C, 0).unwrap().settlement.unwrap();
		assert_eq!(settlement.returned, Some(Shortfall::Satisfaction));
		assert_eq!(settlement.held_back, 300 * YUAN);
		assert_eq!(fund(FundKind::Operating), 300 * YUAN);
		assert_eq!(fund(FundKind::Escrow), 0);
	});
}

/// 酬金制 with 8 % remuneration and 5 % held back: the hold comes out of the
/// company's remuneration. A good rating pays the company its 8 % in all —
/// 3 % at once, 5 % on release — never the owners' trust money on top.
#[test]
fn under_remuneration_the_held_back_pay_comes_out_of_the_remuneration() {
	new_test_ext().execute_with(|| {
		assert_ok!(ServiceRatings::set_rating_terms(
			RuntimeOrigin::root(),
			C,
			RatingTerms { held_back: Permill::from_percent(5), ..terms() }
		));
		assert_ok!(Fees::set_fee_schedule(
			RuntimeOrigin::root(),
			C,
			YUAN,
			pallet_property_fees::ContractModel::Remuneration { share: Permill::from_percent(8) },
			JAN
		));
		everyone_pays_the_quarter();
		// 3,000 元 paid: 150 held back, 90 (3 %) earned now.
		assert_eq!(fund(FundKind::Escrow), 150 * YUAN);
		assert_eq!(pallet_property_fees::RemunerationDue::<Test>::get(C), 90 * YUAN);
		assert_noop!(
			Fees::record_expense(signed(MANAGER), C, Category::Remuneration, 91 * YUAN, COMPANY, H256::zero(), None),
			pallet_property_fees::Error::<Test>::RemunerationExceeded
		);
		assert_ok!(Fees::record_expense(
			signed(MANAGER),
			C,
			Category::Remuneration,
			90 * YUAN,
			COMPANY,
			H256::zero(),
			None
		));
		for (n, stars) in [(1, 5), (2, 4), (3, 4), (4, 5), (5, 5)] {
			assert_ok!(rate(n as AccountId, n, 4, stars));
		}
		Now::set(JAN + 3);
		assert_ok!(ServiceRatings::close_period(signed(OUTSIDER), C, 0));
		// 8 % of 3,000 元 in all.
		assert_eq!(Balances::balance(&COMPANY), 240 * YUAN);
		assert_eq!(fund(FundKind::Operating), 3_000 * YUAN - 240 * YUAN);
		assert_eq!(pallet_property_fees::RemunerationDue::<Test>::get(C), 0);
	});
}

/// Under 酬金制 the remuneration earned and not drawn is the company's: a
/// budgeted expense of the owners' money cannot spend it.
#[test]
fn an_expense_cannot_spend_the_remuneration_due() {
	new_test_ext().execute_with(|| {
		assert_ok!(Fees::set_fee_schedule(
			RuntimeOrigin::root(),
			C,
			YUAN,
			pallet_property_fees::ContractModel::Remuneration { share: Permill::from_percent(10) },
			JAN
		));
		everyone_pays_the_quarter();
		assert_ok!(Fees::approve_budget(RuntimeOrigin::root(), C, Category::Cleaning, 3_000 * YUAN, JAN, JAN + 2));
		let clean = |amount| {
			Fees::record_expense(signed(MANAGER), C, Category::Cleaning, amount, MANAGER, H256::zero(), Some(0))
		};
		assert_noop!(clean(2_700 * YUAN + 1), pallet_property_fees::Error::<Test>::RemunerationReserved);
		assert_ok!(clean(2_700 * YUAN));
		assert_eq!(fund(FundKind::Operating), 300 * YUAN);
	});
}

#[test]
fn satisfaction_just_below_the_threshold_returns_it_to_the_owners() {
	new_test_ext().execute_with(|| {
		with_terms();
		everyone_pays_the_quarter();
		for (n, stars) in [(1, 5), (2, 4), (3, 4), (4, 5), (5, 3), (6, 4), (7, 5), (8, 4), (9, 2)] {
			assert_ok!(rate(n as AccountId, n, 0, stars));
		}
		// 7 of 9 = 77.8 % < 80 %.
		Now::set(JAN + 3);
		assert_ok!(ServiceRatings::close_period(signed(OUTSIDER), C, 0));
		assert!(matches!(
			last_event(),
			Event::PeriodClosed { settlement: Settlement { returned: Some(Shortfall::Satisfaction), .. }, .. }
		));
		assert_eq!(Balances::balance(&COMPANY), 0);
		assert_eq!(fund(FundKind::Operating), 3_000 * YUAN);
		assert_eq!(fund(FundKind::Escrow), 0);
		assert!(pallet_property_fees::Escrowed::<Test>::iter().next().is_none());
	});
}

#[test]
fn without_the_households_quorum_the_pay_returns_whatever_the_score() {
	new_test_ext().execute_with(|| {
		with_terms();
		everyone_pays_the_quarter();
		// 4 of 10 households, all delighted.
		for n in 1..=4u32 {
			for category in 0..6 {
				assert_ok!(rate(n as AccountId, n, category, 5));
			}
		}
		Now::set(JAN + 4);
		assert_ok!(ServiceRatings::close_period(signed(OUTSIDER), C, 0));
		let closed = last_event();
		assert!(matches!(
			closed,
			Event::PeriodClosed {
				households_rated: 4,
				settlement: Settlement { returned: Some(Shortfall::Quorum), held_back, .. },
				..
			} if held_back == 300 * YUAN
		));
		assert_eq!(Balances::balance(&COMPANY), 0);
		let mut returned = pallet_property_fees::Ledger::<Test>::iter_prefix_values(C)
			.filter(|e| e.category == Category::HeldBackReturned)
			.map(|e| (e.fund, e.direction, e.amount))
			.collect::<Vec<_>>();
		returned.sort_by_key(|(fund, ..)| *fund as u8);
		assert_eq!(
			returned,
			vec![(FundKind::Operating, Direction::In, 300 * YUAN), (FundKind::Escrow, Direction::Out, 300 * YUAN)]
		);
		assert_eq!(fund(FundKind::Operating), 3_000 * YUAN);
	});
}

#[test]
fn a_period_without_fees_holds_nothing_back() {
	new_test_ext().execute_with(|| {
		with_terms();
		for n in 1..=5u32 {
			assert_ok!(rate(n as AccountId, n, 0, 5));
		}
		Now::set(JAN + 3);
		assert_ok!(ServiceRatings::close_period(signed(OUTSIDER), C, 0));
		assert!(matches!(
			last_event(),
			Event::PeriodClosed { settlement: Settlement { held_back: 0, fee_income: 0, returned: None, .. }, .. }
		));
		assert_eq!(pallet_property_fees::LedgerLength::<Test>::get(C), 0);
	});
}
