//! The property-fees pallet's runtime API: what a resident's wallet, the
//! committee's dashboard or an auditor can look up — a unit's dues, the
//! community's arrears, fund balances, a period's statement, the ledger.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;
use codec::{Codec, Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use linli_primitives::{
	community::{Area, CommunityId, UnitId},
	fees::{Approver, Category, Direction, FundKind, Period},
};
use scale_info::TypeInfo;
use sp_core::H256;

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
	pub period: Period,
	/// For a fee payment: the first and last billing period it paid (fully
	/// or, for the last, partly).
	pub billed: Option<(Period, Period)>,
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
	pub period: Period,
	/// The first period not yet fully paid.
	pub next_due: Period,
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
	pub notice: Option<Period>,
	/// The last period the owner may prepay through.
	pub prepay_limit: Period,
}

/// A unit's maintenance-fund account (分户账): it stays with the unit when
/// it is sold.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MaintenanceView<Balance> {
	/// The scope whose repairs it shares.
	pub scope: linli_primitives::community::ScopeId,
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
	pub period: Period,
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

sp_api::decl_runtime_apis! {
	/// Dues, arrears, funds, statements and the ledger of communities.
	#[api_version(2)]
	pub trait PropertyFeesApi<AccountId, Balance, BlockNumber>
	where
		AccountId: Codec,
		Balance: Codec,
		BlockNumber: Codec,
	{
		/// What a unit owes now; `None` for an unknown unit or a community
		/// without a fee schedule.
		fn unit_dues(community: CommunityId, unit: UnitId) -> Option<UnitDues<AccountId, Balance>>;
		/// Up to `limit` (at most [`MAX_PAGE`]) units' arrears, starting
		/// after `start_after`.
		fn arrears(community: CommunityId, start_after: Option<UnitId>, limit: u32) -> ArrearsPage<Balance>;
		/// The balances of a community's funds.
		fn funds(community: CommunityId) -> Vec<FundView<AccountId, Balance>>;
		/// A community's statement for `period`.
		fn statement(community: CommunityId, period: Period) -> Statement<AccountId, Balance>;
		/// Up to `limit` (at most [`MAX_PAGE`]) ledger entries of a community
		/// from index `from`.
		fn ledger(community: CommunityId, from: u64, limit: u32) -> Vec<(u64, LedgerEntry<AccountId, Balance, BlockNumber>)>;
		/// A unit's maintenance-fund account (every unit has one from its
		/// registration; a unit registered under storage version 1 from its
		/// first deposit); `None` for an unknown unit.
		#[api_version(2)]
		fn maintenance_account(community: CommunityId, unit: UnitId) -> Option<MaintenanceView<Balance>>;
	}
}
