//! The money glue: billing periods, the community's funds, ledger categories
//! and who approved a movement. Shared by the fees pallet (which keeps the
//! ledger), the governance pallet (whose decisions approve spending) and the
//! ratings pallet (which holds back part of the company's pay).

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::marker::PhantomData;
use frame_support::traits::EnsureOriginWithArg;
use scale_info::TypeInfo;

use crate::community::CommunityId;

/// A billing period: a calendar month, counted from January 1970
/// (`0` = 1970-01, `682` = 2026-11). Fees are billed per month (DOMAIN.md).
pub type Period = u32;

/// The period of a calendar month; `month` is 1–12.
pub const fn period_of(year: u32, month: u32) -> Period {
	(year - 1970) * 12 + (month - 1)
}

/// The calendar month of a period: `(year, month 1–12)`.
pub const fn year_month(period: Period) -> (u32, u32) {
	(1970 + period / 12, period % 12 + 1)
}

/// The period containing a UNIX time in milliseconds (UTC+8, the time zone
/// Chinese contracts bill in).
pub fn period_of_unix_millis(millis: u64) -> Period {
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
	period_of(year as u32, month as u32)
}

/// The UNIX time in milliseconds at which `period` begins (midnight of the
/// 1st, Beijing time).
pub fn period_start_unix_millis(period: Period) -> u64 {
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

/// Which period it is now.
pub trait PeriodClock {
	/// The current billing period.
	fn current_period() -> Period;

	/// Moves the clock to the start of `period` (benchmarks only).
	#[cfg(feature = "runtime-benchmarks")]
	fn set_current_period(period: Period);
}

/// A community's funds. Each is a keyless account derived from the
/// community, whose every movement is a ledger entry.
#[derive(
	Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Encode, Decode, DecodeWithMemTracking,
	MaxEncodedLen, TypeInfo, Debug,
)]
#[derive(serde::Serialize, serde::Deserialize)]
pub enum FundKind {
	/// The operating fund: property fees in, the company's expenses out.
	Operating,
	/// The special maintenance fund (专项维修资金), owned jointly by owners.
	Maintenance,
	/// Income from common parts (公共收益): parking, advertising.
	PublicIncome,
	/// The share of the company's pay held back until the owners' rating
	/// of its service decides whether it is paid.
	Escrow,
}

impl FundKind {
	/// Every fund, in a fixed order.
	pub const ALL: [FundKind; 4] =
		[FundKind::Operating, FundKind::Maintenance, FundKind::PublicIncome, FundKind::Escrow];
}

/// Whether money entered or left a fund.
#[derive(
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
	Debug,
)]
#[derive(serde::Serialize, serde::Deserialize)]
pub enum Direction {
	/// Income.
	In,
	/// Expense.
	Out,
}

/// What a movement of money was for, as the disclosure rules (民法典 Art. 943)
/// itemise it.
#[derive(
	Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Encode, Decode, DecodeWithMemTracking,
	MaxEncodedLen, TypeInfo, Debug,
)]
#[derive(serde::Serialize, serde::Deserialize)]
pub enum Category {
	// Income.
	/// Property fees (物业费).
	PropertyFee,
	/// Late fees (违约金) after a demand notice.
	LateFee,
	/// A unit's deposit into the maintenance fund (首期/续筹).
	MaintenanceDeposit,
	/// Parking income from common parts.
	Parking,
	/// Advertising income from common parts.
	Advertising,
	/// Other income from common parts (venue rent, interest, …).
	OtherPublicIncome,
	// Expenses.
	/// Wages and social insurance of service staff.
	Staff,
	/// Cleaning (保洁).
	Cleaning,
	/// Greenery (绿化).
	Greenery,
	/// Security and order (秩序维护).
	Security,
	/// Routine upkeep of shared facilities (维修养护).
	FacilityUpkeep,
	/// Power and water of common areas.
	Utilities,
	/// Insurance of common parts.
	Insurance,
	/// Office and administration.
	Administration,
	/// The company's remuneration (酬金) under the remuneration model.
	Remuneration,
	/// Repair, renewal or rebuilding of shared parts the owners approved
	/// (maintenance fund).
	MajorRepair,
	/// An emergency repair paid without a vote (maintenance fund).
	EmergencyRepair,
	/// Anything else, explained by the document.
	Other,
	/// A share of the company's pay moved into escrow pending the service
	/// rating (out of the operating fund, into escrow).
	HeldBack,
	/// Held-back pay released to the company: its service was rated well.
	PerformancePay,
	/// Held-back pay returned to the owners' operating fund: the rating
	/// (or its quorum) fell short.
	HeldBackReturned,
}

impl Category {
	/// Whether this category books money into a fund.
	pub fn is_income(&self) -> bool {
		matches!(
			self,
			Category::PropertyFee |
				Category::LateFee | Category::MaintenanceDeposit |
				Category::Parking | Category::Advertising |
				Category::OtherPublicIncome
		)
	}

	/// Whether only the pallets book this category (escrow movements): no
	/// one records it by hand.
	pub fn is_internal(&self) -> bool {
		matches!(self, Category::HeldBack | Category::PerformancePay | Category::HeldBackReturned)
	}

	/// Whether a payer may book this category into the public-income fund.
	pub fn is_public_income(&self) -> bool {
		matches!(self, Category::Parking | Category::Advertising | Category::OtherPublicIncome)
	}
}

/// The emergencies for which the maintenance fund may be spent without a vote
/// (owners are notified instead).
#[derive(
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
	Debug,
)]
#[derive(serde::Serialize, serde::Deserialize)]
pub enum Emergency {
	/// A leaking roof.
	RoofLeak,
	/// An elevator found unsafe.
	UnsafeElevator,
	/// A failed water pump.
	WaterPumpFailure,
	/// A façade at risk of falling.
	FacadeAtRisk,
	/// Failed drainage.
	DrainageFailure,
	/// A fault of the fire system that an authority ordered fixed.
	FireSystemFault,
}

impl Emergency {
	/// Whether the emergency is of one building's own parts (its roof, its
	/// elevator, its façade): the repair is then split among that
	/// building's units only (DOMAIN.md: by area among the units of the
	/// affected scope), never charged to the whole community. Pumps,
	/// drainage and the fire system may serve the whole estate.
	pub const fn is_of_one_building(self) -> bool {
		matches!(self, Self::RoofLeak | Self::UnsafeElevator | Self::FacadeAtRisk)
	}
}

/// The share of a community's property fees held back from the company, as
/// the fees are paid, until the owners rate its service of that month (the
/// service-ratings pallet's rule; `()`: nothing is held back).
pub trait HeldBackShare {
	/// The share held back of fees paid in `month`; zero when no rating
	/// period covers the month.
	fn held_back_share(community: CommunityId, month: Period) -> sp_runtime::Permill;
}

impl HeldBackShare for () {
	fn held_back_share(_: CommunityId, _: Period) -> sp_runtime::Permill {
		sp_runtime::Permill::zero()
	}
}

/// How the ratings pallet settles the part of the company's pay that the
/// fees pallet held back in escrow when fees were paid. Implemented by the
/// fees pallet.
pub trait CommunityFunds<AccountId> {
	/// The currency's balance.
	type Balance;
	/// Property fees paid to `community` in the accounting periods
	/// `from..=to`: into the operating fund and held back in escrow.
	fn fee_income(community: CommunityId, from: Period, to: Period) -> Self::Balance;
	/// What is held in escrow for fees paid in `from..=to` and not yet
	/// settled.
	fn held_back(community: CommunityId, from: Period, to: Period) -> Self::Balance;
	/// Settles everything held back for fees paid in `from..=to`: pays it
	/// from escrow to the company's `release_to`, or, with `None`, returns
	/// it to the owners' operating fund. Returns the amount settled.
	fn settle_held_back(
		community: CommunityId,
		from: Period,
		to: Period,
		release_to: Option<&AccountId>,
		approved_by: Approver<AccountId>,
	) -> Result<Self::Balance, sp_runtime::DispatchError>;
	/// Books `amount` of property fees paid now, held back by the
	/// community's rule, paid by a funded benchmark account (benchmarks
	/// only).
	#[cfg(feature = "runtime-benchmarks")]
	fn add_fee_income(community: CommunityId, amount: Self::Balance);
}

/// Who approved a movement of money: kept in every ledger entry.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
#[derive(serde::Serialize, serde::Deserialize)]
pub enum Approver<AccountId> {
	/// The payer itself (a payment into a fund).
	Payer,
	/// A signed account acting in its role (property manager, committee
	/// member).
	Account(AccountId),
	/// A decision of the owners' assembly, by its proposal index.
	Assembly(u32),
	/// The chain's authority (root / the district government).
	Authority,
	/// The contract's rule, applied to the owners' service rating of a
	/// rating period (by its number).
	Rating(u32),
}

/// The maintenance fund must be topped up when it falls below this share of
/// the first deposits (DOMAIN.md, 专项维修资金).
pub const MAINTENANCE_TOP_UP_FLOOR: sp_runtime::Perbill = sp_runtime::Perbill::from_percent(30);

/// Root, recorded as [`Approver::Authority`], for any community (or
/// [`Jurisdiction`](crate::governance::Jurisdiction) within one).
pub struct RootApproves<AccountId>(PhantomData<AccountId>);

impl<O, AccountId, Arg> EnsureOriginWithArg<O, Arg> for RootApproves<AccountId>
where
	O: Into<Result<frame_system::RawOrigin<AccountId>, O>> + From<frame_system::RawOrigin<AccountId>>,
{
	type Success = Approver<AccountId>;

	fn try_origin(o: O, _: &Arg) -> Result<Self::Success, O> {
		match o.into() {
			Ok(frame_system::RawOrigin::Root) => Ok(Approver::Authority),
			Ok(other) => Err(other.into()),
			Err(o) => Err(o),
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin(_: &Arg) -> Result<O, ()> {
		Ok(frame_system::RawOrigin::Root.into())
	}
}

/// A signed role check (e.g. [`crate::community::EnsureCommitteeMember`]),
/// recorded as [`Approver::Account`] of the signer.
pub struct ApprovedBy<E>(PhantomData<E>);

impl<O, E, AccountId> EnsureOriginWithArg<O, CommunityId> for ApprovedBy<E>
where
	E: EnsureOriginWithArg<O, CommunityId, Success = AccountId>,
{
	type Success = Approver<AccountId>;

	fn try_origin(o: O, community: &CommunityId) -> Result<Self::Success, O> {
		E::try_origin(o, community).map(Approver::Account)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin(community: &CommunityId) -> Result<O, ()> {
		E::try_successful_origin(community)
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_buildings_own_parts_are_its_own_emergencies() {
		let of_one_building: Vec<_> = [
			Emergency::RoofLeak,
			Emergency::UnsafeElevator,
			Emergency::WaterPumpFailure,
			Emergency::FacadeAtRisk,
			Emergency::DrainageFailure,
			Emergency::FireSystemFault,
		]
		.into_iter()
		.filter(|e| e.is_of_one_building())
		.collect();
		assert_eq!(of_one_building, [Emergency::RoofLeak, Emergency::UnsafeElevator, Emergency::FacadeAtRisk]);
	}

	#[test]
	fn periods_are_calendar_months_in_beijing_time() {
		assert_eq!(period_of(1970, 1), 0);
		assert_eq!(period_of(2026, 11), 682);
		assert_eq!(year_month(682), (2026, 11));
		assert_eq!(year_month(period_of(2024, 12)), (2024, 12));
		// 2026-11-23 00:00:00 UTC.
		assert_eq!(period_of_unix_millis(1_795_392_000_000), period_of(2026, 11));
		// 2024-02-29 16:00 UTC is 2024-03-01 00:00 in Beijing.
		assert_eq!(period_of_unix_millis(1_709_222_400_000), period_of(2024, 3));
		assert_eq!(period_of_unix_millis(1_709_222_399_999), period_of(2024, 2));
		assert_eq!(period_of_unix_millis(0), 0);
	}

	#[test]
	fn a_period_starts_at_beijing_midnight_of_the_first() {
		for period in [1, 11, 12, 600, period_of(2024, 2), period_of(2024, 3), period_of(2026, 11)] {
			let start = period_start_unix_millis(period);
			assert_eq!(period_of_unix_millis(start), period);
			assert_eq!(period_of_unix_millis(start - 1), period - 1);
		}
		// 2026-11-01 00:00 in Beijing is 2026-10-31 16:00 UTC.
		assert_eq!(period_start_unix_millis(period_of(2026, 11)), 1_793_462_400_000);
	}
}
