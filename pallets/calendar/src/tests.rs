use crate::{mock::*, Advanceable, Error, Event, MonthsAhead, Today};
use frame_support::{assert_noop, assert_ok};
use linli_primitives::calendar::{MonthClock, month_of};
use sp_runtime::DispatchError;

fn now() -> u32 {
	<Calendar as MonthClock>::current_month()
}

#[test]
fn the_calendar_follows_the_block_timestamp_in_beijing_time() {
	new_test_ext(false).execute_with(|| {
		assert_eq!(now(), month_of(2026, 11));
		// 2026-11-30 23:30 Beijing time is 15:30 UTC: still November.
		set_date(2026, 11, 30);
		NowMillis::set(NowMillis::get() + 11 * 3_600_000 + 30 * 60_000);
		assert_eq!(now(), month_of(2026, 11));
		// 2026-12-01 00:00 Beijing time is 16:00 UTC on 11-30: December.
		NowMillis::set(NowMillis::get() + 30 * 60_000);
		assert_eq!(now(), month_of(2026, 12));
		set_date(2027, 1, 1);
		assert_eq!(now(), month_of(2027, 1));
	});
}

#[test]
fn an_advanceable_calendar_moves_ahead_and_stays_ahead_of_the_clock() {
	new_test_ext(true).execute_with(|| {
		assert_ok!(Calendar::advance(RuntimeOrigin::root(), 2));
		assert_eq!(now(), month_of(2027, 1));
		System::assert_last_event(
			Event::CalendarAdvanced { months: 2, period: month_of(2027, 1), year: 2027, month: 1 }.into(),
		);
		assert_ok!(Calendar::advance(RuntimeOrigin::root(), 24));
		assert_eq!(now(), month_of(2029, 1));
		assert_eq!(MonthsAhead::<Test>::get(), 26);
		// Real time passes too: the offset rides on the clock.
		set_date(2026, 12, 2);
		assert_eq!(now(), month_of(2029, 2));
		assert_eq!(
			Calendar::today(),
			Today { period: month_of(2029, 2), year: 2029, month: 2, months_ahead: 26, advanceable: true }
		);
	});
}

#[test]
fn advance_rejects_bad_input_without_changing_anything() {
	new_test_ext(true).execute_with(|| {
		assert_noop!(Calendar::advance(RuntimeOrigin::signed(1), 1), DispatchError::BadOrigin);
		assert_noop!(Calendar::advance(RuntimeOrigin::root(), 0), Error::<Test>::ZeroMonths);
		assert_noop!(Calendar::advance(RuntimeOrigin::root(), 25), Error::<Test>::TooManyMonths);
		MonthsAhead::<Test>::put(u32::MAX - 1);
		assert_noop!(Calendar::advance(RuntimeOrigin::root(), 2), Error::<Test>::Overflow);
		// Within u32 months but past the last representable period.
		MonthsAhead::<Test>::put(u32::MAX - Calendar::clock_period());
		assert_noop!(Calendar::advance(RuntimeOrigin::root(), 1), Error::<Test>::Overflow);
		MonthsAhead::<Test>::kill();
		assert_eq!(now(), month_of(2026, 11));
	});
}

#[test]
fn a_production_calendar_cannot_be_moved() {
	new_test_ext(false).execute_with(|| {
		assert!(!Advanceable::<Test>::get());
		assert_noop!(Calendar::advance(RuntimeOrigin::root(), 1), Error::<Test>::NotAdvanceable);
		assert_eq!(Calendar::today().months_ahead, 0);
	});
}

#[test]
fn try_state_catches_a_moved_production_calendar() {
	new_test_ext(false).execute_with(|| {
		MonthsAhead::<Test>::put(1);
		assert!(Calendar::do_try_state().is_err());
		MonthsAhead::<Test>::kill();
	});
}
