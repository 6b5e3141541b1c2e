//! The service-ratings pallet's runtime API: scores per category and period,
//! and a community's rating history with what each period's score decided.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;
use codec::{Codec, Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use linli_primitives::{community::CommunityId, fees::Period};
use scale_info::TypeInfo;
use sp_runtime::{Perbill, Permill};

/// A rating period's number: 0 is the first period of the community's
/// rating terms.
pub type RatingPeriod = u32;

/// A rating category: 0–5 are the six service areas of DOMAIN.md
/// (customer service, building management, maintenance of shared
/// facilities, security and order, cleaning, greenery); 6 and up are the
/// community's own, in the order it added them.
pub type CategoryId = u8;

/// The six standard categories.
pub const STANDARD_CATEGORIES: [&str; 6] = [
	"客服 customer service",
	"房屋管理 building management",
	"维修养护 maintenance of shared facilities",
	"秩序维护 security and order",
	"保洁 cleaning",
	"绿化 greenery",
];

/// A community's rating terms, from its property-service contract.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
	serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct RatingTerms<AccountId> {
	/// The billing period (month) the first rating period starts in.
	pub first_period: Period,
	/// Months per rating period (3: quarterly).
	pub months_per_period: u8,
	/// Share of the property fees collected in a rating period held back
	/// from the company until the period is rated.
	pub held_back: Permill,
	/// Overall satisfaction (share of ratings with ≥ 4 stars) at or above
	/// which the held-back pay is released (80 %: the grade-1 bar).
	pub threshold: Perbill,
	/// Share of households that must rate for the result to count.
	pub quorum: Perbill,
	/// Where released pay goes: the property company's account.
	pub company: AccountId,
}

/// Ratings of one category (or all) in one period.
#[derive(
	Clone, Copy, PartialEq, Eq, Default, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen,
	TypeInfo, Debug, serde::Serialize, serde::Deserialize,
)]
pub struct Aggregate {
	/// Ratings given.
	pub count: u32,
	/// Their stars, summed.
	pub sum: u32,
	/// Ratings of 4 or 5 stars.
	pub satisfied: u32,
}

impl Aggregate {
	/// The share of satisfied ratings (zero when there are none).
	pub fn satisfaction(&self) -> Perbill {
		if self.count == 0 {
			Perbill::zero()
		} else {
			Perbill::from_rational(self.satisfied, self.count)
		}
	}
}

/// Why held-back pay went back to the owners.
#[derive(
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
	serde::Serialize, serde::Deserialize,
)]
pub enum Shortfall {
	/// Too few households rated.
	Quorum,
	/// Satisfaction was below the threshold.
	Satisfaction,
}

/// What closing a period decided.
#[derive(
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
	serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct Settlement<Balance> {
	/// Fees collected in the period.
	pub fee_income: Balance,
	/// Held back from them.
	pub held_back: Balance,
	/// `None`: released to the company; otherwise returned, and why.
	pub returned: Option<Shortfall>,
	/// Households of the community when it closed.
	pub households: u32,
}

/// A period's scores.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PeriodScores<Balance> {
	/// The period.
	pub period: RatingPeriod,
	/// Its first and last billing month.
	pub months: (Period, Period),
	/// Each category: id, name, ratings, satisfaction.
	pub categories: Vec<(CategoryId, Vec<u8>, Aggregate, Perbill)>,
	/// All ratings together.
	pub overall: Aggregate,
	/// Overall satisfaction.
	pub satisfaction: Perbill,
	/// Households that rated at least one category.
	pub households_rated: u32,
	/// What closing it decided, once closed.
	pub settlement: Option<Settlement<Balance>>,
}

/// At most this many periods in one page of this API: the runtime clamps
/// a larger `limit` (a `state_call` cannot make it read more).
pub const MAX_PAGE: u32 = 100;

sp_api::decl_runtime_apis! {
	/// Service ratings.
	pub trait ServiceRatingsApi<AccountId, Balance>
	where
		AccountId: Codec,
		Balance: Codec,
	{
		/// A community's rating terms.
		fn terms(community: CommunityId) -> Option<RatingTerms<AccountId>>;
		/// The current rating period, if the terms have started.
		fn current_period(community: CommunityId) -> Option<RatingPeriod>;
		/// Scores of one period.
		fn scores(community: CommunityId, period: RatingPeriod) -> Option<PeriodScores<Balance>>;
		/// Up to `limit` (at most [`MAX_PAGE`]) periods' scores from `from` on.
		fn history(community: CommunityId, from: RatingPeriod, limit: u32) -> Vec<PeriodScores<Balance>>;
	}
}
