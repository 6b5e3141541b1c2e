//! The pallet's stored types (those shared with the runtime API live in
//! `linli_primitives::ratings`).

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use linli_primitives::ratings::{Aggregate, Settlement};
use scale_info::TypeInfo;
use sp_core::H256;

/// One household's rating of one category in one period.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Rating<AccountId> {
	/// 1–5.
	pub stars: u8,
	/// The resident who gave it.
	pub by: AccountId,
	/// Hash of a written comment kept off chain.
	pub comment: Option<H256>,
}

/// A period's running summary.
#[derive(
	Clone,
	PartialEq,
	Eq,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct PeriodRecord<Balance> {
	/// All ratings together.
	pub overall: Aggregate,
	/// Households that rated at least one category.
	pub households_rated: u32,
	/// What closing it decided, once closed.
	pub settlement: Option<Settlement<Balance>>,
}
