//! The owners' rating of the property service: categories, the terms of
//! the service contract that tie pay to the rating, and what each rating
//! period decided. Shared by the ratings pallet and its runtime API.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use crate::{calendar::Month, fraction::Fraction};
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
	pub first_period: Month,
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

/// A household is satisfied with a category when it gives it at least this
/// many stars (of 5): the measure the grade-1 bar (80 % satisfied) counts.
pub const SATISFIED_STARS: u8 = 4;

/// The stars a rating may give: 1 to 5.
pub const STARS: core::ops::RangeInclusive<u8> = 1..=5;

/// Whether a rating of `stars` counts as satisfied.
pub const fn is_satisfied(stars: u8) -> bool {
	stars >= SATISFIED_STARS
}

impl Aggregate {
	/// Counts a rating of `stars`.
	pub fn add(&mut self, stars: u8) {
		self.count = self.count.saturating_add(1);
		self.sum = self.sum.saturating_add(stars.into());
		self.satisfied = self.satisfied.saturating_add(is_satisfied(stars).into());
	}

	/// Takes back a rating of `stars` (it is being replaced).
	pub fn remove(&mut self, stars: u8) {
		self.count = self.count.saturating_sub(1);
		self.sum = self.sum.saturating_sub(stars.into());
		self.satisfied = self.satisfied.saturating_sub(is_satisfied(stars).into());
	}

	/// Whether at least `bar` of the ratings are satisfied, exactly; never
	/// with no ratings at all.
	pub fn is_satisfied_at(&self, bar: Perbill) -> bool {
		self.count > 0 && Fraction::from(bar).is_reached_by(self.satisfied.into(), self.count.into())
	}

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
	pub months: (Month, Month),
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

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn four_stars_or_more_is_satisfied() {
		let satisfied: alloc::vec::Vec<u8> = (1..=5).filter(|s| is_satisfied(*s)).collect();
		assert_eq!(satisfied, [4, 5]);
	}

	#[test]
	fn an_aggregate_adds_and_removes_ratings() {
		let mut agg = Aggregate::default();
		for stars in [5, 4, 3, 4, 5] {
			agg.add(stars);
		}
		assert_eq!(agg, Aggregate { count: 5, sum: 21, satisfied: 4 });
		assert!(agg.is_satisfied_at(Perbill::from_percent(80)));
		agg.remove(4);
		agg.add(2);
		assert_eq!(agg, Aggregate { count: 5, sum: 19, satisfied: 3 });
		// 3 of 5 is 60 %: below the grade-1 bar of 80 %.
		assert!(!agg.is_satisfied_at(Perbill::from_percent(80)));
		assert!(agg.is_satisfied_at(Perbill::from_percent(60)));
		assert!(!Aggregate::default().is_satisfied_at(Perbill::zero()));
	}
}
