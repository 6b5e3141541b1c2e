//! The record of the owners' assembly: every proposal with its text hash,
//! the call it enacts, who could vote (the snapshot), the tally, turnout and
//! outcome, kept so that a decision can be checked or challenged in court
//! within the year the law allows (Art. 280). Shared by the assembly pallet
//! and its runtime API.

use crate::{
	community::{CommunityId, ScopeId, VoteWeight},
	fraction::Fraction,
	governance::Matter,
};
use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_core::H256;
use sp_runtime::{DispatchError, Weight};

/// A proposal's number, unique on the chain.
pub type ProposalIndex = u32;

/// How a matter reached the owners.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
pub enum Route {
	/// The owners' committee put it to the assembly.
	Committee,
	/// Owners holding ≥ 20 % of area and of headcount asked for it
	/// (extraordinary assembly).
	Owners,
}

/// What passing the proposal does.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
pub enum Action<BlockNumber> {
	/// Dispatch a call (stored with the proposal) with the decision's origin.
	Dispatch {
		/// Blake2-256 hash of the encoded call.
		call_hash: H256,
		/// Its declared weight, charged when the proposal is closed.
		call_weight: Weight,
	},
	/// Elect the owners' committee from the candidates.
	ElectCommittee {
		/// Seats to fill.
		seats: u32,
		/// When the elected committee's term ends.
		term_end: BlockNumber,
	},
	/// Fill vacant seats of the sitting committee from the candidates, for
	/// the rest of its term (a by-election, 补选).
	FillCommitteeSeats {
		/// Seats to fill.
		seats: u32,
		/// The end of the sitting committee's term (the committee the
		/// seats are for).
		term_end: BlockNumber,
	},
}

impl<BlockNumber> Action<BlockNumber> {
	/// Whether owners vote on candidates (an election or a by-election).
	pub fn is_election(&self) -> bool {
		matches!(self, Self::ElectCommittee { .. } | Self::FillCommitteeSeats { .. })
	}
}

/// Where a proposal stands.
#[derive(
	Clone,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
pub enum Stage<BlockNumber> {
	/// Gathering owners' co-sponsorship until a block.
	Sponsoring {
		/// The last block to reach 20 %.
		until: BlockNumber,
	},
	/// Open for votes in `from..until`.
	Voting {
		/// The block voting opened (totals snapshotted).
		from: BlockNumber,
		/// The first block votes are no longer taken.
		until: BlockNumber,
	},
	/// Decided.
	Closed {
		/// The block it was closed.
		at: BlockNumber,
		/// What happened.
		outcome: Outcome,
	},
	/// Announced (公告): voting opens at `opens`, for the proposal's voting
	/// period. Until then the proposer may withdraw it and owners see who
	/// may vote; the snapshot is taken when voting opens.
	Notice {
		/// The first block of voting.
		opens: BlockNumber,
	},
	/// Passed and counted; the result is published (公示) and takes effect
	/// from `until`, after the committee could record objections.
	Publishing {
		/// The block it was counted.
		counted: BlockNumber,
		/// The first block it may be enacted.
		until: BlockNumber,
	},
}

impl<BlockNumber> Stage<BlockNumber> {
	/// Whether the proposal is decided for good (nothing more happens to it).
	pub fn is_closed(&self) -> bool {
		matches!(self, Self::Closed { .. })
	}
}

/// How a proposal ended.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
pub enum Outcome {
	/// Owners' co-sponsorship did not reach 20 % in time.
	NotSponsored,
	/// Fewer than 2/3 of area or of headcount took part.
	NoQuorum,
	/// The quorum was met but the approval bar was not.
	Rejected,
	/// Passed, and its action took effect.
	Enacted,
	/// Passed, but its action failed: the error is kept.
	EnactmentFailed(DispatchError),
	/// Withdrawn by its proposer before voting opened.
	Withdrawn,
}

impl Outcome {
	/// Whether the owners voted on it (it was not ended before voting).
	pub fn was_voted(&self) -> bool {
		!matches!(self, Self::NotSponsored | Self::Withdrawn)
	}
}

/// How a ballot reached the chain.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
pub enum Channel {
	/// Signed by the owner's own account.
	Online,
	/// Cast by the owner's proxy (委托投票).
	Proxy,
	/// A signed paper ballot, entered and countersigned by the committee
	/// (纸质票).
	Paper,
}

impl Channel {
	/// Whether the owner cast it themself (online or on paper): a proxy's
	/// ballot never replaces it.
	pub fn is_owners_own(self) -> bool {
		!matches!(self, Self::Proxy)
	}
}

/// Who cast a counted ballot, and through which channel.
#[derive(
	Clone,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct BallotSource<AccountId> {
	/// The account that signed it: the owner, or the proxy (for a paper
	/// ballot, the committee member who entered it).
	pub cast_by: AccountId,
	/// Online, proxy or paper.
	pub channel: Channel,
}

/// The participation of each channel: how much of the tally came online,
/// through proxies and on paper.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
pub struct ChannelTally {
	/// Ballots signed by the owners' own accounts.
	pub online: VoteWeight,
	/// Ballots cast by proxies.
	pub proxy: VoteWeight,
	/// Paper ballots.
	pub paper: VoteWeight,
}

impl ChannelTally {
	fn side_of(&mut self, channel: Channel) -> &mut VoteWeight {
		match channel {
			Channel::Online => &mut self.online,
			Channel::Proxy => &mut self.proxy,
			Channel::Paper => &mut self.paper,
		}
	}

	/// Counts a ballot of `weight` cast through `channel`.
	pub fn add(&mut self, channel: Channel, weight: VoteWeight) {
		let side = self.side_of(channel);
		*side = side.saturating_add(weight);
	}

	/// Takes a replaced ballot back out.
	pub fn remove(&mut self, channel: Channel, weight: VoteWeight) {
		let side = self.side_of(channel);
		*side = side.saturating_sub(weight);
	}

	/// All channels together (equals the tally's participation).
	pub fn total(&self) -> VoteWeight {
		self.online.saturating_add(self.proxy).saturating_add(self.paper)
	}
}

/// What an owner's proxy appointment covers.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
pub enum ProxyCover<BlockNumber> {
	/// One proposal.
	Proposal(ProposalIndex),
	/// Every proposal voted on before this block (a period's assemblies).
	Until(BlockNumber),
}

/// An owner's appointment of a proxy (委托书), with the hash of the signed
/// written authorisation kept off chain.
#[derive(
	Clone,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct ProxyAppointment<AccountId, BlockNumber> {
	/// Who votes for the owner.
	pub proxy: AccountId,
	/// For which proposals.
	pub cover: ProxyCover<BlockNumber>,
	/// Hash of the signed written proxy.
	pub evidence: H256,
}

impl<AccountId, BlockNumber: PartialOrd> ProxyAppointment<AccountId, BlockNumber> {
	/// Whether it lets the proxy vote on `proposal` at block `now`.
	pub fn covers(&self, proposal: ProposalIndex, now: &BlockNumber) -> bool {
		match &self.cover {
			ProxyCover::Proposal(p) => *p == proposal,
			ProxyCover::Until(until) => now < until,
		}
	}
}

/// A paper ballot entered by one committee member and countersigned by a
/// second (or by the registrar), with the hash of the scanned signed ballot.
/// Kept even when the owner's online ballot prevails over it.
#[derive(
	Clone,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct PaperBallot<AccountId> {
	/// The choice on the paper.
	pub choice: Choice,
	/// Hash of the scan of the signed ballot.
	pub evidence: H256,
	/// The committee member who entered it.
	pub entered_by: AccountId,
	/// The second signer, once countersigned: only then may it count.
	pub countersigned_by: Option<AccountId>,
}

/// A community's rules of procedure for its assemblies, within the law's
/// floors.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct Procedure<BlockNumber> {
	/// Blocks between the notice and the opening of the vote (at least the
	/// chain's floor: 15 days on a production chain).
	pub notice_period: BlockNumber,
	/// Blocks a passed result is published before it takes effect.
	pub publication_period: BlockNumber,
	/// Most owners one proxy may vote for.
	pub max_owners_per_proxy: u32,
}

/// What owners see of a vote while it runs (the cities show it): who may
/// vote, and who took part, by channel.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct Turnout {
	/// The owners who may vote: the snapshot once voting opened, during the
	/// notice the owners as they stand now.
	pub eligible: VoteWeight,
	/// Whether `eligible` is the snapshot (voting opened) or a preview.
	pub snapshotted: bool,
	/// Everyone who took part so far.
	pub participation: VoteWeight,
	/// The same by channel.
	pub channels: ChannelTally,
}

/// One owner's part in a vote, as the record keeps it: the counted ballot
/// and who cast it, and the paper ballot entered for them (which may have
/// been overridden by their own online ballot).
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct BallotRecord<AccountId> {
	/// The owner (a pseudonymous account, never a name).
	pub owner: AccountId,
	/// The counted ballot, if any.
	pub ballot: Option<Ballot>,
	/// Who cast it and how.
	pub source: Option<BallotSource<AccountId>>,
	/// A paper ballot entered for the owner, if any.
	pub paper: Option<PaperBallot<AccountId>>,
}

/// Aye, nay and abstain weights (all three count as participation).
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
pub struct Tally {
	/// In favour.
	pub aye: VoteWeight,
	/// Against.
	pub nay: VoteWeight,
	/// Taking part without a side.
	pub abstain: VoteWeight,
}

impl Tally {
	/// Everyone who took part.
	pub fn participation(&self) -> VoteWeight {
		self.aye.saturating_add(self.nay).saturating_add(self.abstain)
	}

	/// Counts `ballot` (an election's approval counts as taking part on the
	/// aye side; the candidates' approvals are counted apart).
	pub fn add(&mut self, ballot: &Ballot) {
		let side = self.side_of(ballot.choice);
		*side = side.saturating_add(ballot.weight);
	}

	/// Takes `ballot` back out (it is being replaced).
	pub fn remove(&mut self, ballot: &Ballot) {
		let side = self.side_of(ballot.choice);
		*side = side.saturating_sub(ballot.weight);
	}

	fn side_of(&mut self, choice: Choice) -> &mut VoteWeight {
		match choice {
			Choice::Aye | Choice::Approve(_) => &mut self.aye,
			Choice::Nay => &mut self.nay,
			Choice::Abstain => &mut self.abstain,
		}
	}
}

/// What a vote must reach to pass (民法典 Art. 278), once at least
/// [`Bar::PARTICIPATION_FLOOR`] of the owners by area and by headcount took
/// part: more than half, or at least three quarters, of those who took part,
/// by area AND by headcount. Exactly one half is no majority.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Bar {
	/// More than 1/2 of the participants' area and headcount.
	Majority,
	/// At least 3/4 of the participants' area and headcount.
	ThreeQuarters,
}

impl Bar {
	/// Owners taking part must hold at least this share of the snapshot's
	/// area and headcount, by real ballots, for any vote to count.
	pub const PARTICIPATION_FLOOR: Fraction = Fraction::TWO_THIRDS;

	/// Owners holding at least this share of area and headcount may call
	/// an extraordinary assembly by co-sponsoring a proposal.
	pub const SPONSORSHIP_FLOOR: Fraction = Fraction::ONE_FIFTH;

	/// The bar of `matter`.
	pub fn of(matter: Matter) -> Self {
		if matter.needs_three_quarters() {
			Self::ThreeQuarters
		} else {
			Self::Majority
		}
	}

	/// Whether `participation` meets the floor of `snapshot`.
	pub fn quorum_met(participation: &VoteWeight, snapshot: &VoteWeight) -> bool {
		participation.is_at_least(Self::PARTICIPATION_FLOOR, snapshot)
	}

	/// Whether `aye` clears this bar among `counted`.
	pub fn is_cleared_by(self, aye: &VoteWeight, counted: &VoteWeight) -> bool {
		match self {
			Self::Majority => aye.is_more_than(Fraction::HALF, counted),
			Self::ThreeQuarters => aye.is_at_least(Fraction::THREE_QUARTERS, counted),
		}
	}

	/// Whether `tally` passes against the owners' `snapshot`: `None` when
	/// the participation floor is not met, else whether the bar is cleared.
	///
	/// With `non_voters_follow_majority` (a community's rules may say so),
	/// owners who did not vote are counted with the side that won both area
	/// and headcount among those who did; if neither side won both, they
	/// stay uncounted. The floor is always met by real ballots.
	pub fn passes(
		self,
		tally: &Tally,
		snapshot: &VoteWeight,
		non_voters_follow_majority: bool,
	) -> Option<bool> {
		let participation = tally.participation();
		if !Self::quorum_met(&participation, snapshot) {
			return None;
		}
		let (mut aye, mut counted) = (tally.aye, participation);
		if non_voters_follow_majority {
			let non_voters = snapshot.saturating_sub(participation);
			let (aye_won, nay_won) = (tally.aye.outweighs(&tally.nay), tally.nay.outweighs(&tally.aye));
			if aye_won {
				aye = aye.saturating_add(non_voters);
			}
			if aye_won || nay_won {
				counted = counted.saturating_add(non_voters);
			}
		}
		Some(self.is_cleared_by(&aye, &counted))
	}
}

/// One proposal to the owners' assembly: the record kept for good.
#[derive(
	Clone,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct Proposal<AccountId, BlockNumber> {
	/// The community deciding.
	pub community: CommunityId,
	/// The matter (decides the approval bar).
	pub matter: Matter,
	/// What passing does.
	pub action: Action<BlockNumber>,
	/// Hash of the full text, kept off chain.
	pub text: H256,
	/// Only owners of this building/stair vote, if set.
	pub scope: Option<ScopeId>,
	/// Who proposed it.
	pub proposer: AccountId,
	/// Committee or owners' co-sponsorship.
	pub route: Route,
	/// How long voting lasts once open.
	pub voting_period: BlockNumber,
	/// Co-sponsors' weight (owners' route).
	pub sponsors: VoteWeight,
	/// Where it stands.
	pub stage: Stage<BlockNumber>,
	/// The voting owners' totals when voting opened: the bar never moves.
	pub snapshot: VoteWeight,
	/// The votes.
	pub tally: Tally,
	/// Whether non-voters were to be counted with the majority of those
	/// who voted (the community's rule when voting opened).
	pub non_voters_follow_majority: bool,
}

/// An owner's ballot.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
pub enum Choice {
	/// For.
	Aye,
	/// Against.
	Nay,
	/// Taking part without a side.
	Abstain,
	/// In an election: the candidates approved, as a bit set of their
	/// positions in the candidate list (bit 0 = the first).
	Approve(u32),
}

/// A recorded ballot: the choice and the weight it carried.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
pub struct Ballot {
	/// The choice.
	pub choice: Choice,
	/// The owner's area and headcount (1) when cast.
	pub weight: VoteWeight,
}

/// A proposal with its election candidates (if any) and their approvals.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct ProposalView<AccountId, BlockNumber> {
	/// Its number.
	pub index: ProposalIndex,
	/// The record.
	pub proposal: Proposal<AccountId, BlockNumber>,
	/// Election candidates, in list order, with the weight approving each.
	pub candidates: Vec<(AccountId, VoteWeight)>,
	/// The call to dispatch, SCALE-encoded, while the proposal is open
	/// (empty for an election, and once closed: its hash stays in
	/// `proposal.action`).
	pub call: Vec<u8>,
}

/// At most this many proposals in one page of this API: the runtime clamps
/// a larger `limit` (a `state_call` cannot make it read more).
pub const MAX_PAGE: u32 = 100;
