//! The owners' assembly's runtime API: the full record of every proposal —
//! its text hash, the call it enacts, who could vote (the snapshot totals),
//! the tallies, turnout and outcome — so that a decision can be checked or
//! challenged in court within the year the law allows (Art. 280).
//!
//! Its types live in `linli_primitives::assembly`, shared with the pallet.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;
use codec::Codec;
pub use linli_primitives::assembly::{
	Action, Ballot, Choice, Outcome, Proposal, ProposalIndex, ProposalView, Route, Stage, Tally,
	MAX_PAGE,
};
use linli_primitives::community::CommunityId;

sp_api::decl_runtime_apis! {
	/// The record of owners' decisions.
	pub trait OwnersAssemblyApi<AccountId, BlockNumber>
	where
		AccountId: Codec,
		BlockNumber: Codec,
	{
		/// A proposal, or `None`.
		fn proposal(index: ProposalIndex) -> Option<ProposalView<AccountId, BlockNumber>>;
		/// Up to `limit` (at most [`MAX_PAGE`]) proposals of `community` from
		/// index `from` on.
		fn proposals(community: CommunityId, from: ProposalIndex, limit: u32) -> Vec<ProposalView<AccountId, BlockNumber>>;
		/// `who`'s ballot on a proposal.
		fn ballot(index: ProposalIndex, who: AccountId) -> Option<Ballot>;
	}
}
