//! Months: the unit in which fees are billed, funds are accounted and the
//! service is rated. A [`Month`] counts calendar months from January 1970
//! in Beijing time (UTC+8), the time zone Chinese contracts bill in.

use codec::{Decode, Encode};
use scale_info::TypeInfo;

/// A calendar month, counted from January 1970
/// (`0` = 1970-01, `682` = 2026-11). Fees are billed per month (DOMAIN.md);
/// ratings and the calendar count in months too.
pub type Month = u32;

/// The month number of a calendar month; `month` is 1–12.
pub const fn month_of(year: u32, month: u32) -> Month {
	(year - 1970) * 12 + (month - 1)
}

/// The calendar month of a month number: `(year, month 1–12)`.
pub const fn year_month(period: Month) -> (u32, u32) {
	(1970 + period / 12, period % 12 + 1)
}

/// The month containing a UNIX time in milliseconds (UTC+8, the time zone
/// Chinese contracts bill in).
pub fn month_of_unix_millis(millis: u64) -> Month {
	const BEIJING_OFFSET_MS: u64 = 8 * 3_600_000;
	let days = ((millis + BEIJING_OFFSET_MS) / 86_400_000) as i64;
	// Howard Hinnant's `civil_from_days`: exact proleptic Gregorian dates.
	let z = days + 719_468;
	let era = z.div_euclid(146_097);
	let doe = z - era * 146_097;
	let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
	let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	let mp = (5 * doy + 2) / 153;
	let month = if mp < 10 { mp + 3 } else { mp - 9 };
	let year = yoe + era * 400 + if month <= 2 { 1 } else { 0 };
	month_of(year as u32, month as u32)
}

/// The UNIX time in milliseconds at which the month `period` begins (midnight of the
/// 1st, Beijing time).
pub fn month_start_unix_millis(period: Month) -> u64 {
	const BEIJING_OFFSET_MS: i64 = 8 * 3_600_000;
	let (year, month) = year_month(period);
	// Howard Hinnant's `days_from_civil`.
	let y = year as i64 - if month <= 2 { 1 } else { 0 };
	let era = y.div_euclid(400);
	let yoe = y - era * 400;
	let m = month as i64;
	let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5;
	let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	let days = era * 146_097 + doe - 719_468;
	(days * 86_400_000 - BEIJING_OFFSET_MS).max(0) as u64
}

/// Which month it is now (the calendar pallet, or a test clock).
pub trait MonthClock {
	/// The current month.
	fn current_month() -> Month;

	/// Moves the clock to the start of `month` (benchmarks only).
	#[cfg(feature = "runtime-benchmarks")]
	fn set_current_month(month: Month);
}

/// The chain's calendar month, as the calendar pallet's runtime API shows it.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Today {
	/// The month number (months since 1970-01).
	pub period: Month,
	/// Its year.
	pub year: u32,
	/// Its month, 1–12.
	pub month: u32,
	/// How many months the calendar runs ahead of the block timestamp
	/// (0 on a production chain).
	pub months_ahead: u32,
	/// Whether the calendar may be moved ahead (a dev or test chain).
	pub advanceable: bool,
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn months_are_calendar_months_in_beijing_time() {
		assert_eq!(month_of(1970, 1), 0);
		assert_eq!(month_of(2026, 11), 682);
		assert_eq!(year_month(682), (2026, 11));
		assert_eq!(year_month(month_of(2024, 12)), (2024, 12));
		// 2026-11-23 00:00:00 UTC.
		assert_eq!(month_of_unix_millis(1_795_392_000_000), month_of(2026, 11));
		// 2024-02-29 16:00 UTC is 2024-03-01 00:00 in Beijing.
		assert_eq!(month_of_unix_millis(1_709_222_400_000), month_of(2024, 3));
		assert_eq!(month_of_unix_millis(1_709_222_399_999), month_of(2024, 2));
		assert_eq!(month_of_unix_millis(0), 0);
	}

	#[test]
	fn a_month_starts_at_beijing_midnight_of_the_first() {
		for period in [1, 11, 12, 600, month_of(2024, 2), month_of(2024, 3), month_of(2026, 11)] {
			let start = month_start_unix_millis(period);
			assert_eq!(month_of_unix_millis(start), period);
			assert_eq!(month_of_unix_millis(start - 1), period - 1);
		}
		// 2026-11-01 00:00 in Beijing is 2026-10-31 16:00 UTC.
		assert_eq!(month_start_unix_millis(month_of(2026, 11)), 1_793_462_400_000);
	}
}
