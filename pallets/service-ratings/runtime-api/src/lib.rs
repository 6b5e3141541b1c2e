//! The service-ratings pallet's runtime API: scores per category and period,
//! and a community's rating history with what each period's score decided.
//!
//! Its types live in `linli_primitives::ratings`, shared with the pallet.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;
use codec::Codec;
use linli_primitives::community::CommunityId;
pub use linli_primitives::ratings::{
	Aggregate, CategoryId, PeriodScores, RatingPeriod, RatingTerms, Settlement, Shortfall,
	MAX_PAGE, STANDARD_CATEGORIES,
};

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
