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
	Action, Ballot, BallotRecord, BallotSource, Channel, ChannelTally, Choice, Outcome,
	PaperBallot, Procedure, Proposal, ProposalIndex, ProposalView, ProxyAppointment, ProxyCover,
	Route, Stage, Tally, Turnout, MAX_PAGE,
};
use linli_primitives::community::{CommunityId, UnitId};

sp_api::decl_runtime_apis! {
	/// The record of owners' decisions. Version 2 adds the procedure: turnout
	/// during the vote, who cast each ballot and how, paper ballots,
	/// proxies, objections and each community's rules of procedure; version
	/// 3 the published list of the units that voted.
	#[api_version(2)]
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
		/// Who may vote and who took part so far, by channel (during the
		/// notice: the owners as they stand now).
		#[api_version(2)]
		fn turnout(index: ProposalIndex) -> Option<Turnout>;
		/// `owner`'s part in a vote: the counted ballot, who cast it and
		/// how, and any paper ballot entered for them.
		#[api_version(2)]
		fn ballot_record(index: ProposalIndex, owner: AccountId) -> Option<BallotRecord<AccountId>>;
		/// Up to `limit` (at most [`MAX_PAGE`]) counted ballots of a
		/// proposal with their records, after `start_after` (the published
		/// list of who voted how and through which channel).
		#[api_version(2)]
		fn ballot_records(index: ProposalIndex, start_after: Option<AccountId>, limit: u32) -> Vec<BallotRecord<AccountId>>;
		/// The objections recorded against a published result: who, and
		/// the hash of the evidence.
		#[api_version(2)]
		fn objections(index: ProposalIndex) -> Vec<(AccountId, sp_core::H256)>;
		/// `owner`'s proxy appointment in `community`.
		#[api_version(2)]
		fn proxy(community: CommunityId, owner: AccountId) -> Option<ProxyAppointment<AccountId, BlockNumber>>;
		/// `community`'s rules of procedure (its own or the chain's).
		#[api_version(2)]
		fn procedure(community: CommunityId) -> Procedure<BlockNumber>;
		/// Up to `limit` (at most [`MAX_PAGE`]) units that took part in a
		/// vote, by unit id (never a name), after `start_after`: the list
		/// published with the result. The developer's unsold units are not
		/// listed; its ballot is on `ballot_records`.
		#[api_version(3)]
		fn voted_units(index: ProposalIndex, start_after: Option<UnitId>, limit: u32) -> Vec<UnitId>;
	}
}
