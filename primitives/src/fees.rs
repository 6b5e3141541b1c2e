//! The money glue: billing periods, the community's funds, ledger categories
//! and who approved a movement. Shared by the fees pallet (which keeps the
//! ledger), the governance pallet (whose decisions approve spending) and the
//! ratings pallet (which holds back part of the company's pay).

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::marker::PhantomData;
use frame_support::traits::EnsureOriginWithArg;
use scale_info::TypeInfo;

use crate::{
	calendar::Month,
	community::{Area, CommunityId, UnitId},
};
use alloc::vec::Vec;
use sp_core::H256;

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
	fn held_back_share(community: CommunityId, month: Month) -> sp_runtime::Permill;
}

impl HeldBackShare for () {
	fn held_back_share(_: CommunityId, _: Month) -> sp_runtime::Permill {
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
	fn fee_income(community: CommunityId, from: Month, to: Month) -> Self::Balance;
	/// What is held in escrow for fees paid in `from..=to` and not yet
	/// settled.
	fn held_back(community: CommunityId, from: Month, to: Month) -> Self::Balance;
	/// Settles everything held back for fees paid in `from..=to`: pays it
	/// from escrow to the company's `release_to`, or, with `None`, returns
	/// it to the owners' operating fund. Returns the amount settled.
	fn settle_held_back(
		community: CommunityId,
		from: Month,
		to: Month,
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
	Assembly(crate::assembly::ProposalIndex),
	/// The chain's authority (root / the district government).
	Authority,
	/// The contract's rule, applied to the owners' service rating of a
	/// rating period (by its number).
	Rating(crate::ratings::RatingPeriod),
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

// ---- Views: what the fees runtime API shows (dues, arrears, funds, statements, the ledger).

/// One movement of money into or out of a community's fund: the public
/// ledger's line.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
	serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct LedgerEntry<AccountId, Balance, BlockNumber> {
	/// The fund it moved in or out of.
	pub fund: FundKind,
	/// In or out.
	pub direction: Direction,
	/// What it was for.
	pub category: Category,
	/// How much, in the currency's smallest unit.
	pub amount: Balance,
	/// The accounting period it moved in.
	pub period: Month,
	/// For a fee payment: the first and last billing period it paid (fully
	/// or, for the last, partly).
	pub billed: Option<(Month, Month)>,
	/// The unit it concerns, if any (a fee payment, a deposit).
	pub unit: Option<UnitId>,
	/// Who paid (income) or was paid (expense).
	pub counterparty: AccountId,
	/// Hash of the invoice, contract or receipt kept off chain.
	pub document: Option<H256>,
	/// Who approved it.
	pub approved_by: Approver<AccountId>,
	/// The block it was booked in.
	pub block: BlockNumber,
}

/// What a unit owes.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UnitDues<AccountId, Balance> {
	/// Who answers for the unit: its voting owner, or the developer for an
	/// unsold unit.
	pub responsible: Option<AccountId>,
	/// The area it is billed on, 0.01 m².
	pub area: Area,
	/// The current period.
	pub period: Month,
	/// The first period not yet fully paid.
	pub next_due: Month,
	/// Paid towards `next_due` already.
	pub credit: Balance,
	/// Unpaid dues of past periods (arrears, 欠费), including those carried
	/// from before a correction of the unit's area.
	pub arrears: Balance,
	/// Unpaid dues of the months the developer held the unit: the
	/// developer's to pay, never the buyer's.
	pub developer_arrears: Balance,
	/// Unpaid dues of the current period.
	pub current: Balance,
	/// Late fee owed now (after a demand notice, if the contract has one).
	pub late_fee: Balance,
	/// The period a demand notice (催告) was issued in, if one is open.
	pub notice: Option<Month>,
	/// The last period the owner may prepay through.
	pub prepay_limit: Month,
}

/// A unit's maintenance-fund account (分户账): it stays with the unit when
/// it is sold.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MaintenanceView<Balance> {
	/// The scope whose repairs it shares.
	pub scope: crate::community::ScopeId,
	/// The area it shares them by, 0.01 m².
	pub area: Area,
	/// Deposited, all rounds.
	pub deposited: Balance,
	/// Its share of every spend of its scope and of the community, by area.
	pub spent: Balance,
	/// Deposited minus spent, if not negative.
	pub balance: Balance,
	/// What its shares exceeded its deposits by: a top-up is due.
	pub owed: Balance,
	/// Deposit rounds it has paid.
	pub rounds_paid: u32,
}

/// A page of a community's arrears.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ArrearsPage<Balance> {
	/// Arrears of the units on this page.
	pub total: Balance,
	/// The units on this page that owe past periods, with what they owe.
	pub units: Vec<(UnitId, Balance)>,
	/// How many units this page looked at.
	pub scanned: u32,
	/// Where the next page starts, if there is one.
	pub next: Option<UnitId>,
}

/// One fund in a period's statement.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FundStatement<AccountId, Balance> {
	/// Which fund.
	pub fund: FundKind,
	/// Its keyless account.
	pub account: AccountId,
	/// Balance when the period began.
	pub opening: Balance,
	/// Income by category.
	pub income: Vec<(Category, Balance)>,
	/// Expense by category.
	pub expense: Vec<(Category, Balance)>,
	/// Balance when the period ended (or now, for the current period).
	pub closing: Balance,
}

/// A community's statement for a period: every fund's opening and closing
/// balance, and its income and expense by category.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Statement<AccountId, Balance> {
	/// The period.
	pub period: Month,
	/// One entry per fund.
	pub funds: Vec<FundStatement<AccountId, Balance>>,
}

/// A fund's balance now.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FundView<AccountId, Balance> {
	/// Which fund.
	pub fund: FundKind,
	/// Its keyless account.
	pub account: AccountId,
	/// Its balance per the ledger (equal to what the account holds for it).
	pub balance: Balance,
}

/// At most this many units or ledger entries in one page of this API: the runtime clamps
/// a larger `limit` (a `state_call` cannot make it read more).
pub const MAX_PAGE: u32 = 1_000;

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
}
