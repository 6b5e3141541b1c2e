//! # Owners' assembly pallet: decisions counted as the Civil Code counts them
//!
//! Owners decide their community's matters on chain and a passed decision
//! takes effect by itself (民法典 Art. 278; DOMAIN.md "Owners' joint
//! decisions").
//!
//! ## The procedure (DOMAIN.md, "How an owners' assembly runs")
//! 1. **Proposed** by a committee member, or by an owner who gathers
//!    co-sponsors (below).
//! 2. **Announced** (公告, [`Stage::Notice`]): voting opens after the
//!    community's notice period — at least the chain's floor, 15 days on a
//!    production chain — on the dates the notice names. Meanwhile the
//!    proposer may [`withdraw`](Pallet::withdraw) it, and the runtime API's
//!    `turnout` shows who may vote as things stand.
//! 3. **Voting** ([`Stage::Voting`]): the first ballot (or
//!    [`open_voting`](Pallet::open_voting)) takes the snapshot of area and
//!    headcount. Owners vote [online](Pallet::vote), through a
//!    [proxy](Pallet::appoint_proxy) (委托投票: for one proposal or a
//!    period, with the hash of the signed proxy, at most the community's
//!    number of owners per proxy), or [on paper](Pallet::enter_paper_ballot)
//!    (entered by one committee member and countersigned by another or by
//!    the registrar, with the hash of the scan). The owner's own ballot
//!    (online or paper) prevails over the proxy's, and online prevails over
//!    paper; every ballot records who cast it and through which channel,
//!    and the tally is kept by channel too.
//! 4. **Counted** at [`close`](Pallet::close): a failed vote is closed; a
//!    passed one is **published** (公示, [`Stage::Publishing`]) with its
//!    tallies, participation by channel and outcome, and the committee may
//!    [`object`](Pallet::object) with its evidence until the community's
//!    publication period ends.
//! 5. **Enacted** by anyone ([`enact`](Pallet::enact)) once the publication
//!    is over (at close, where the period is 0).
//!
//! The record — proposals, ballots with their channels, paper ballots,
//! objections — is never deleted: it stays queryable for the one-year
//! challenge window (Art. 280) and beyond.
//!
//! ## Proposing
//! A member of the owners' committee (业委会) puts a matter to the owners and
//! it is announced at once. Any owner may instead start an extraordinary
//! assembly: the proposal gathers co-sponsors and opens when they hold
//! ≥ 20 % of the area AND ≥ 20 % of the headcount (of the scope), within
//! `SponsorshipPeriod`. A proposal either dispatches a call (a fee schedule,
//! a maintenance-fund spend, hiring the property company…) or elects the
//! committee. A scoped proposal (one building or stair) is decided by the
//! owners of that scope only, may only be about a local repair from the
//! maintenance fund ([`Matter::can_be_scoped`](linli_primitives::governance::Matter::can_be_scoped)), and its decision acts only
//! within that scope: every community-wide origin refuses it.
//!
//! ## Voting and counting
//! Owners only (tenants and family never vote), one ballot per owner person
//! with that person's summed area; aye, nay or abstain all count as taking
//! part; a ballot may be changed until voting ends. The area and headcount
//! totals are snapshotted when voting opens, and an owner whose weight grew
//! after that (e.g. a unit bought mid-vote) cannot cast the grown weight, so
//! the bar never moves and no unit counts twice. Each ballot changes the
//! tally in O(1) (an election ballot in O(candidates)).
//!
//! Closing (anyone, after the end), with exact integer arithmetic:
//! - participation floor: ≥ 2/3 of the snapshot area AND headcount;
//! - matters (6)–(8): aye ≥ 3/4 of participating area AND headcount;
//! - every other matter: aye > 1/2 of participating area AND headcount
//!   (exactly one half fails, exactly three quarters passes);
//! - if the community opted in (off by default), non-voters are counted
//!   with the side that won a majority of both area and headcount among
//!   those who voted — only once the floor was met by real ballots.
//!
//! A passed proposal dispatches its call with the
//! [`Decision`](linli_primitives::governance::Decision) origin (community,
//! matter, proposal), which the identity and fees pallets accept through
//! `EnsureDecision`; a failed dispatch is recorded as the outcome. An
//! election seats the candidates approved by a majority of participating
//! area and headcount, most approving owners first, then most approving
//! area, then the earlier nomination (the tie rule), and installs them as
//! the committee.
//!
//! ## Where the code lives
//! - `lib.rs`: config, storage, events, errors and the calls;
//! - the rules are in `linli_primitives::assembly`: [`Tally`] adds and
//!   removes ballots, [`Bar`](linli_primitives::assembly::Bar) decides
//!   whether a tally passes (exactly one half fails; exactly three quarters
//!   passes), with the exact [`Fraction`](linli_primitives::fraction::Fraction);
//! - `proposing.rs`: proposals, elections, co-sponsorship, opening the vote;
//! - `voting.rs`: ballots, and ballots following a changed account;
//! - `proxies.rs`: proxy appointments and proxies' ballots;
//!   `paper.rs`: paper ballots;
//! - `closing.rs`: counting, enacting, seating an elected committee;
//!   `publication.rs`: the published result, objections, enacting after it;
//! - `deposits.rs`: proposers' deposits;
//! - `views.rs`: what the runtime API serves; `invariants.rs`: `try_state`.
//!
//! ## Calls
//! | call | origin | event |
//! |---|---|---|
//! | [`propose`](Pallet::propose) | a committee member, or an owner (co-sponsorship) | `Proposed` (+ `VotingOpened`) |
//! | [`propose_election`](Pallet::propose_election) | as `propose` | `Proposed` (+ `VotingOpened`) |
//! | [`propose_by_election`](Pallet::propose_by_election) | as `propose` | `Proposed` (+ `VotingOpened`) |
//! | [`sponsor`](Pallet::sponsor) | an owner of the scope | `Sponsored` (+ `VotingOpened`) |
//! | [`vote`](Pallet::vote) | an owner of the scope | `Voted` |
//! | [`close`](Pallet::close) | anyone, after the end | `Closed`, or `ResultPublished` when it passed (`Enacted` / `CommitteeElected` at once if the publication period is 0) |
//! | [`set_non_voters_follow_majority`](Pallet::set_non_voters_follow_majority) | `RulesOrigin` (a decision on the rules of procedure) | `RulesChanged` |
//! | [`withdraw`](Pallet::withdraw) | the proposer, before voting opens | `Withdrawn`, `Closed` |
//! | [`open_voting`](Pallet::open_voting) | anyone, after the notice | `VotingOpened` |
//! | [`appoint_proxy`](Pallet::appoint_proxy) | an owner | `ProxyAppointed` |
//! | [`revoke_proxy`](Pallet::revoke_proxy) | an owner with a proxy | `ProxyRevoked` |
//! | [`vote_as_proxy`](Pallet::vote_as_proxy) | the owner's proxy | `Voted` (channel `Proxy`) |
//! | [`enter_paper_ballot`](Pallet::enter_paper_ballot) | a committee member | `PaperBallotEntered` |
//! | [`countersign_paper_ballot`](Pallet::countersign_paper_ballot) | another committee member or a registrar | `PaperBallotCountersigned` (+ `Voted`, channel `Paper`) |
//! | [`object`](Pallet::object) | a committee member, during the publication | `ObjectionRecorded` |
//! | [`enact`](Pallet::enact) | anyone, after the publication | `Closed` (+ `Enacted` / `CommitteeElected`) |
//! | [`set_procedure`](Pallet::set_procedure) | `RulesOrigin` | `ProcedureChanged` |
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod closing;
mod deposits;
mod invariants;
mod paper;
mod proposing;
mod proxies;
mod publication;
mod views;
mod voting;
pub mod migrations;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod weights;

pub use linli_primitives::assembly::{
	Action, Ballot, BallotRecord, BallotSource, Channel, ChannelTally, Choice, Outcome, PaperBallot,
	Procedure, Proposal, ProposalIndex, ProposalView, ProxyAppointment, ProxyCover, Route, Stage,
	Tally, Turnout,
};
pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::{boxed::Box, vec::Vec};
	use frame_support::{
		dispatch::{GetDispatchInfo, PostDispatchInfo},
		pallet_prelude::*,
		traits::{fungible, EnsureOriginWithArg},
	};
	use frame_system::pallet_prelude::*;
	use linli_primitives::{
		community::{CommunityId, CommunityInspect, ScopeId, UnitId, VoteWeight},
		governance::{CommitteeInstaller, Decision, Matter},
	};
	use sp_core::H256;
	use sp_runtime::traits::Dispatchable;

	/// The in-code storage version.
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(3);

	/// A proposal of this runtime.
	pub type ProposalOf<T> = Proposal<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;
	/// A proxy appointment of this runtime.
	pub type ProxyAppointmentOf<T> =
		ProxyAppointment<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// The origin of a passed decision.
	#[pallet::origin]
	pub type Origin = Decision;

	/// The balance type of the deposits.
	pub type BalanceOf<T> =
		<<T as Config>::Currency as fungible::Inspect<<T as frame_system::Config>::AccountId>>::Balance;

	/// Why the pallet holds money.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// A proposer's deposit, returned when the proposal closes.
		#[codec(index = 0)]
		ProposalDeposit,
	}

	#[pallet::config]
	pub trait Config:
		frame_system::Config<RuntimeEvent: From<Event<Self>>, RuntimeOrigin: From<Decision>>
	{
		/// Holds proposers' deposits.
		type Currency: fungible::Mutate<Self::AccountId>
			+ fungible::MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;
		/// The runtime's hold reasons.
		type RuntimeHoldReason: From<HoldReason>;
		/// Held from a proposer while the proposal is open: a base…
		#[pallet::constant]
		type ProposalDepositBase: Get<BalanceOf<Self>>;
		/// …and this much per byte of the call it carries.
		#[pallet::constant]
		type ProposalDepositPerByte: Get<BalanceOf<Self>>;
		/// What a decision may dispatch.
		type RuntimeCall: Parameter
			+ Dispatchable<RuntimeOrigin = <Self as frame_system::Config>::RuntimeOrigin, PostInfo = PostDispatchInfo>
			+ GetDispatchInfo
			+ From<frame_system::Call<Self>>;
		/// Communities, owners and their weights.
		type Community: CommunityInspect<Self::AccountId, BlockNumber = BlockNumberFor<Self>>;
		/// Installs an elected committee.
		type Committee: CommitteeInstaller<Self::AccountId, BlockNumberFor<Self>>;
		/// Changes a community's rules of procedure (a decision on matter (1),
		/// or the authority).
		type RulesOrigin: EnsureOriginWithArg<<Self as frame_system::Config>::RuntimeOrigin, CommunityId>;
		/// The largest encoded call a proposal may carry.
		#[pallet::constant]
		type MaxCallSize: Get<u32>;
		/// The largest weight a proposal's call may declare.
		#[pallet::constant]
		type MaxCallWeight: Get<Weight>;
		/// Shortest voting period any chain allows (a development chain's);
		/// a production chain raises it in its genesis
		/// ([`VotingPeriodFloor`]).
		#[pallet::constant]
		type MinVotingPeriod: Get<BlockNumberFor<Self>>;
		/// Longest voting period.
		#[pallet::constant]
		type MaxVotingPeriod: Get<BlockNumberFor<Self>>;
		/// How long owners have to co-sponsor an extraordinary assembly.
		#[pallet::constant]
		type SponsorshipPeriod: Get<BlockNumberFor<Self>>;
		/// Most candidates in a committee election (at most 32).
		#[pallet::constant]
		type MaxCandidates: Get<u32>;
		/// Most proposals a community may have open (gathering sponsors,
		/// announced, voting or publishing their result) at once.
		#[pallet::constant]
		type MaxOpenProposals: Get<u32>;
		/// Most owners one proxy may vote for in a community that set no
		/// rule of its own.
		#[pallet::constant]
		type DefaultMaxOwnersPerProxy: Get<u32>;
		/// The most any community's rule may let one proxy vote for.
		#[pallet::constant]
		type MaxOwnersPerProxy: Get<u32>;
		/// The most units one owner's ballot is recorded for (the
		/// community's limit of units per account).
		#[pallet::constant]
		type MaxUnitsPerVoter: Get<u32>;
		/// Most objections recorded against one published result (one per
		/// committee member).
		#[pallet::constant]
		type MaxObjections: Get<u32>;
		/// The longest notice a community's rules may set.
		#[pallet::constant]
		type MaxNoticePeriod: Get<BlockNumberFor<Self>>;
		/// The longest publication a community's rules may set.
		#[pallet::constant]
		type MaxPublicationPeriod: Get<BlockNumberFor<Self>>;
		/// Measured weights.
		type WeightInfo: WeightInfo;
		/// Sets up communities for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: linli_primitives::community::CommunityBenchmarking<Self::AccountId>;
	}

	/// Every proposal ever made, by index.
	#[pallet::storage]
	pub type Proposals<T: Config> = StorageMap<_, Twox64Concat, ProposalIndex, ProposalOf<T>>;

	/// The call an open proposal dispatches if it passes, SCALE-encoded;
	/// removed when the proposal closes (its hash stays in the proposal).
	#[pallet::storage]
	pub type Calls<T: Config> =
		StorageMap<_, Twox64Concat, ProposalIndex, BoundedVec<u8, T::MaxCallSize>>;

	/// An election's candidates, in nomination order, with the weight
	/// approving each.
	#[pallet::storage]
	pub type Candidates<T: Config> = StorageMap<
		_,
		Twox64Concat,
		ProposalIndex,
		BoundedVec<(T::AccountId, VoteWeight), T::MaxCandidates>,
		ValueQuery,
	>;

	/// The index the next proposal gets.
	#[pallet::storage]
	pub type NextProposal<T> = StorageValue<_, ProposalIndex, ValueQuery>;

	/// Each owner's ballot on each proposal.
	#[pallet::storage]
	pub type Ballots<T: Config> =
		StorageDoubleMap<_, Twox64Concat, ProposalIndex, Blake2_128Concat, T::AccountId, Ballot>;

	/// Each community's proposals that are not closed yet (gathering
	/// sponsors or voting), oldest first (storage version 2).
	#[pallet::storage]
	pub type OpenProposals<T: Config> =
		StorageMap<_, Blake2_128Concat, CommunityId, BoundedVec<ProposalIndex, T::MaxOpenProposals>, ValueQuery>;

	/// The deposit held from each open proposal's proposer.
	#[pallet::storage]
	pub type Deposits<T: Config> = StorageMap<_, Twox64Concat, ProposalIndex, (T::AccountId, BalanceOf<T>)>;

	/// Each co-sponsor's weight on each owners' proposal.
	#[pallet::storage]
	pub type Sponsors<T: Config> =
		StorageDoubleMap<_, Twox64Concat, ProposalIndex, Blake2_128Concat, T::AccountId, VoteWeight>;

	/// This chain's shortest voting period, set in its genesis: a few blocks
	/// on a development chain, days on a production chain, so that no owner
	/// opens, votes and closes a matter alone within a minute. Never below
	/// `MinVotingPeriod`.
	#[pallet::storage]
	pub type VotingPeriodFloor<T: Config> = StorageValue<_, BlockNumberFor<T>, ValueQuery>;

	/// This chain's shortest notice period (公告): 15 days on a production
	/// chain (物业管理条例 Art. 14), set in its genesis; a community's rules
	/// may lengthen it, never shorten it.
	#[pallet::storage]
	pub type NoticePeriodFloor<T: Config> = StorageValue<_, BlockNumberFor<T>, ValueQuery>;

	/// How long a passed result is published before it takes effect in a
	/// community that set no rule of its own (set in the genesis).
	#[pallet::storage]
	pub type DefaultPublicationPeriod<T: Config> = StorageValue<_, BlockNumberFor<T>, ValueQuery>;

	/// Communities' own rules of procedure (notice, publication, proxies);
	/// a community without one follows the chain's defaults.
	#[pallet::storage]
	pub type Procedures<T: Config> =
		StorageMap<_, Blake2_128Concat, CommunityId, Procedure<BlockNumberFor<T>>>;

	/// Each owner's proxy appointment in a community (one at a time).
	#[pallet::storage]
	pub type Proxies<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		CommunityId,
		Blake2_128Concat,
		T::AccountId,
		ProxyAppointmentOf<T>,
	>;

	/// The owners who appointed each proxy in a community (expired and
	/// revoked appointments are pruned when the proxy is next appointed).
	#[pallet::storage]
	pub type ProxyLoads<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		CommunityId,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<T::AccountId, T::MaxOwnersPerProxy>,
		ValueQuery,
	>;

	/// Who cast each counted ballot and through which channel. A ballot
	/// without one was cast online before channels were recorded.
	#[pallet::storage]
	pub type BallotSources<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		ProposalIndex,
		Blake2_128Concat,
		T::AccountId,
		BallotSource<T::AccountId>,
	>;

	/// Each proposal's participation by channel. A proposal without one was
	/// voted on before channels were recorded: all of it online.
	#[pallet::storage]
	pub type ChannelTallies<T: Config> = StorageMap<_, Twox64Concat, ProposalIndex, ChannelTally>;

	/// Paper ballots entered for owners, counted or overridden, kept with
	/// the proposal's record.
	#[pallet::storage]
	pub type PaperBallots<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		ProposalIndex,
		Blake2_128Concat,
		T::AccountId,
		PaperBallot<T::AccountId>,
	>;

	/// Objections the committee recorded against a published result, with
	/// the hash of their evidence.
	#[pallet::storage]
	pub type Objections<T: Config> = StorageMap<
		_,
		Twox64Concat,
		ProposalIndex,
		BoundedVec<(T::AccountId, H256), T::MaxObjections>,
		ValueQuery,
	>;

	/// The weight an owner votes with in a vote during which units they
	/// held or bought changed hands: what they held when it opened, with
	/// the units bought from sellers who had not voted and without those
	/// sold (the cities' rule; `VoterChanges::unit_sold`). Kept with the
	/// proposal's record.
	#[pallet::storage]
	pub type WeightsAfterSales<T: Config> =
		StorageDoubleMap<_, Twox64Concat, ProposalIndex, Blake2_128Concat, T::AccountId, VoteWeight>;

	/// What an owner's ballot in a vote still counts of units they sold
	/// after it counted them (area, and their place in the headcount once
	/// they sold their last unit): the ballot stands for them, and a ballot
	/// cast again keeps them.
	#[pallet::storage]
	pub type StandingAfterSales<T: Config> =
		StorageDoubleMap<_, Twox64Concat, ProposalIndex, Blake2_128Concat, T::AccountId, VoteWeight, ValueQuery>;

	/// The units that took part in each vote (the list published with its
	/// result, by unit id), each with the owner whose ballot counts it. A
	/// unit sold during the vote stays with the ballot that counted it; no
	/// later owner votes with it there. The developer's units are not
	/// listed: its ballot is the developer's.
	#[pallet::storage]
	pub type VotedUnits<T: Config> =
		StorageDoubleMap<_, Twox64Concat, ProposalIndex, Identity, UnitId, T::AccountId>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The chain's shortest voting period in blocks (0: `MinVotingPeriod`).
		pub min_voting_period: BlockNumberFor<T>,
		/// The chain's shortest notice period in blocks (15 days on a
		/// production chain; 0 opens voting at once).
		pub min_notice_period: BlockNumberFor<T>,
		/// How long a passed result is published before it takes effect,
		/// unless a community's rule says otherwise (0: at once).
		pub publication_period: BlockNumberFor<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			assert!(
				self.min_voting_period <= T::MaxVotingPeriod::get(),
				"the shortest voting period exceeds the longest"
			);
			assert!(
				self.min_notice_period <= T::MaxNoticePeriod::get()
					&& self.publication_period <= T::MaxPublicationPeriod::get(),
				"the notice or publication period exceeds its longest"
			);
			VotingPeriodFloor::<T>::put(self.min_voting_period);
			NoticePeriodFloor::<T>::put(self.min_notice_period);
			DefaultPublicationPeriod::<T>::put(self.publication_period);
		}
	}

	/// Communities whose rules of procedure count non-voters with the
	/// majority of those who voted (指导规则 Art. 26). Off unless set.
	#[pallet::storage]
	pub type NonVotersFollowMajority<T> = StorageMap<_, Blake2_128Concat, CommunityId, bool, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A matter was put to the owners.
		Proposed {
			/// The proposal's number.
			proposal: ProposalIndex,
			/// The community.
			community: CommunityId,
			/// The matter (it decides the approval bar).
			matter: Matter,
			/// Who proposed it.
			proposer: T::AccountId,
			/// Committee, or owners' co-sponsorship.
			route: Route,
			/// The building or stair it concerns; `None`: the whole community.
			scope: Option<ScopeId>,
			/// Hash of the proposal's full text, kept off chain.
			text: H256,
		},
		/// An owner co-sponsored an extraordinary assembly.
		Sponsored {
			/// The proposal's number.
			proposal: ProposalIndex,
			/// The co-sponsoring owner.
			who: T::AccountId,
			/// The co-sponsors' weight so far.
			sponsors: VoteWeight,
			/// The owners' totals it is measured against.
			totals: VoteWeight,
		},
		/// Voting opened with these totals (the bar).
		VotingOpened {
			/// The proposal's number.
			proposal: ProposalIndex,
			/// The voting owners' totals when voting opened.
			snapshot: VoteWeight,
			/// The first block votes are no longer taken.
			until: BlockNumberFor<T>,
		},
		/// An owner's ballot was counted (or replaced the owner's earlier one).
		Voted {
			/// The proposal's number.
			proposal: ProposalIndex,
			/// The owner whose ballot it is.
			who: T::AccountId,
			/// The choice.
			choice: Choice,
			/// The owner's area and headcount (1).
			weight: VoteWeight,
			/// Who signed it: the owner, the proxy, or the committee member
			/// who entered a paper ballot.
			cast_by: T::AccountId,
			/// Online, proxy or paper.
			channel: Channel,
		},
		/// A proposal was announced (公告): voting opens at `opens` and ends
		/// before `until`.
		Announced {
			/// The proposal's number.
			proposal: ProposalIndex,
			/// The first block of voting.
			opens: BlockNumberFor<T>,
			/// The first block votes are no longer taken.
			until: BlockNumberFor<T>,
		},
		/// The proposer withdrew a proposal before voting opened.
		Withdrawn {
			/// The proposal's number.
			proposal: ProposalIndex,
		},
		/// An owner appointed a proxy (委托投票).
		ProxyAppointed {
			/// The community.
			community: CommunityId,
			/// The owner.
			owner: T::AccountId,
			/// The proxy.
			proxy: T::AccountId,
			/// One proposal, or every proposal voted on before a block.
			cover: ProxyCover<BlockNumberFor<T>>,
			/// Hash of the signed written proxy.
			evidence: H256,
		},
		/// An owner revoked a proxy; ballots it already cast stand until
		/// the owner votes.
		ProxyRevoked {
			/// The community.
			community: CommunityId,
			/// The owner.
			owner: T::AccountId,
			/// The proxy no longer appointed.
			proxy: T::AccountId,
		},
		/// A committee member entered an owner's paper ballot; it counts
		/// once countersigned.
		PaperBallotEntered {
			/// The proposal's number.
			proposal: ProposalIndex,
			/// The owner who signed the paper.
			owner: T::AccountId,
			/// The committee member who entered it.
			entered_by: T::AccountId,
			/// Hash of the scanned ballot.
			evidence: H256,
		},
		/// A second committee member (or the registrar) countersigned a paper
		/// ballot.
		PaperBallotCountersigned {
			/// The proposal's number.
			proposal: ProposalIndex,
			/// The owner who signed the paper.
			owner: T::AccountId,
			/// The countersigner.
			countersigned_by: T::AccountId,
			/// Whether it counts: `false` when the owner's own online ballot
			/// prevails over it.
			counted: bool,
		},
		/// A passed proposal was counted and its result published (公示): it
		/// takes effect from `until`.
		ResultPublished {
			/// The proposal's number.
			proposal: ProposalIndex,
			/// The votes.
			tally: Tally,
			/// The voting owners' totals the vote was measured against.
			snapshot: VoteWeight,
			/// Participation by channel.
			channels: ChannelTally,
			/// The first block it may be enacted.
			until: BlockNumberFor<T>,
		},
		/// A committee member recorded an objection to a published result.
		ObjectionRecorded {
			/// The proposal's number.
			proposal: ProposalIndex,
			/// The committee member.
			by: T::AccountId,
			/// Hash of the objection and its evidence.
			evidence: H256,
		},
		/// A community's rules of procedure changed.
		ProcedureChanged {
			/// The community.
			community: CommunityId,
			/// The new rules.
			procedure: Procedure<BlockNumberFor<T>>,
		},
		/// The proposal was closed.
		Closed {
			/// The proposal's number.
			proposal: ProposalIndex,
			/// How it ended.
			outcome: Outcome,
			/// The votes.
			tally: Tally,
			/// The voting owners' totals the vote was measured against.
			snapshot: VoteWeight,
		},
		/// A proposer's deposit was held while the proposal is open.
		DepositHeld {
			/// The proposal's number.
			proposal: ProposalIndex,
			/// The proposer.
			who: T::AccountId,
			/// The amount, in the smallest unit.
			amount: BalanceOf<T>,
		},
		/// A proposer's deposit was returned when the proposal closed.
		DepositReturned {
			/// The proposal's number.
			proposal: ProposalIndex,
			/// The proposer.
			who: T::AccountId,
			/// The amount, in the smallest unit.
			amount: BalanceOf<T>,
		},
		/// A passed proposal's call was dispatched.
		Enacted {
			/// The proposal's number.
			proposal: ProposalIndex,
			/// The call's result.
			result: DispatchResult,
		},
		/// An election seated these members.
		CommitteeElected {
			/// The proposal's number.
			proposal: ProposalIndex,
			/// The members seated.
			members: Vec<T::AccountId>,
		},
		/// A community's rule on non-voters changed.
		RulesChanged {
			/// The community.
			community: CommunityId,
			/// Whether owners who do not vote are counted with the majority of those who do.
			non_voters_follow_majority: bool,
		},
		/// An owner's voting account was replaced: the ballots and
		/// sponsorships of `old` in the community's open votes now belong to
		/// `new` (the same person, counted once).
		VoterAccountMoved {
			/// The community.
			community: CommunityId,
			/// The replaced account.
			old: T::AccountId,
			/// The account that now votes for the same person.
			new: T::AccountId,
			/// Open proposals in which a ballot or sponsorship moved.
			proposals: u32,
		},
		/// A unit was sold while this vote was open: its weight stays with
		/// the seller's ballot, or passes to the buyer.
		UnitSoldDuringVote {
			/// The proposal's number.
			proposal: ProposalIndex,
			/// The unit sold.
			unit: UnitId,
			/// Who now owns it.
			buyer: T::AccountId,
			/// Whether the buyer votes with its weight (its seller had not
			/// voted); otherwise the seller's ballot stands for it.
			passes_to_buyer: bool,
			/// What the buyer may now cast in this vote.
			buyer_weight: VoteWeight,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No such community.
		UnknownCommunity,
		/// No such proposal.
		UnknownProposal,
		/// Only owners (of the scope) may do this.
		NotAnOwner,
		/// The scope has no voting owners.
		NoOwners,
		/// The call is larger than `MaxCallSize`.
		CallTooLarge,
		/// The call declares more than `MaxCallWeight`.
		CallTooHeavy,
		/// The voting period is shorter than the chain's shortest
		/// (`MinVotingPeriod`, raised by `VotingPeriodFloor`) or longer than
		/// `MaxVotingPeriod`.
		BadVotingPeriod,
		/// An election is community-wide and about the committee.
		BadElection,
		/// Seats must be odd, 5–11, or 3 in a community of at most 100
		/// households (in a by-election: with the members sitting), and no
		/// more than the candidates.
		BadSeats,
		/// Too many candidates.
		TooManyCandidates,
		/// A candidate is not an owner, is listed twice, or (in a
		/// by-election) already sits on the committee.
		BadCandidate,
		/// The proposal is not gathering sponsors.
		NotSponsoring,
		/// This owner already co-sponsored it.
		AlreadySponsored,
		/// The proposal is not open for votes.
		NotVoting,
		/// Voting has ended.
		VotingEnded,
		/// The choice does not fit the proposal (approvals are for elections,
		/// aye/nay for the rest), or approves a candidate not on the list.
		BadChoice,
		/// This owner's weight grew after voting opened: it is not in the
		/// snapshot and cannot be cast.
		WeightGrewDuringVote,
		/// The proposal is still running.
		TooEarly,
		/// The proposal was already closed.
		AlreadyClosed,
		/// The stored call no longer decodes (the runtime changed).
		UndecodableCall,
		/// The proposer cannot pay the deposit.
		InsufficientDeposit,
		/// The community already has `MaxOpenProposals` proposals open.
		TooManyOpenProposals,
		/// The new account already voted or co-sponsored in an open vote of
		/// the community: moving the old account's part would count one
		/// person twice.
		AccountAlreadyVoted,
		/// Only the whole community's owners decide this matter: a proposal
		/// of one building or stair may only use the maintenance fund for a
		/// local repair.
		MatterNotScopable,
		/// The community has no sitting committee to fill seats of.
		NoCommittee,
		/// The sitting committee is at its legal size: no seat to fill.
		NoVacancy,
		/// The proposal is announced: voting has not opened yet.
		VotingNotOpenYet,
		/// The proposal was not announced for a vote that is still to open
		/// (its vote is open already, or it never was announced).
		NotAnnounced,
		/// Only the proposer may do this.
		NotProposer,
		/// Voting has opened: the proposal can no longer be withdrawn.
		CannotWithdraw,
		/// An owner cannot be their own proxy.
		CannotBeOwnProxy,
		/// The appointment covers a proposal that is not open in this
		/// community, or a period already over.
		BadProxyCover,
		/// The proxy already votes for as many owners as the community's
		/// rule allows.
		ProxyOverLimit,
		/// The owner has no proxy appointed.
		NoProxy,
		/// The owner did not appoint this account (or revoked it).
		NotAppointedProxy,
		/// The owner's appointment does not cover this proposal.
		ProxyDoesNotCover,
		/// The owner voted themself (online or on paper): their ballot
		/// prevails over a proxy's.
		OwnerVotedThemself,
		/// Only a member of the community's committee may do this.
		NotCommitteeMember,
		/// A paper ballot was already entered for this owner.
		PaperBallotExists,
		/// No paper ballot was entered for this owner.
		NoPaperBallot,
		/// The paper ballot was already countersigned.
		AlreadyCountersigned,
		/// A paper ballot is countersigned by a second person: another
		/// committee member or the registrar.
		SameSigner,
		/// The countersigner's scan differs from the one entered.
		EvidenceMismatch,
		/// The proposal's result is not being published.
		NotPublishing,
		/// The publication period is over.
		PublicationOver,
		/// The publication period has not ended: the decision cannot take
		/// effect yet.
		PublicationNotOver,
		/// The result already has `MaxObjections` objections.
		TooManyObjections,
		/// The notice is shorter than the chain's floor or longer than
		/// `MaxNoticePeriod`, the publication longer than
		/// `MaxPublicationPeriod`, or a proxy limit is 0 or above
		/// `MaxOwnersPerProxy`.
		BadProcedure,
		/// The replaced account and the new one are both proxies: together
		/// they would vote for more owners than `MaxOwnersPerProxy`.
		ProxyLoadsTooLarge,
		/// Every unit this owner bought during the vote had been voted by
		/// its seller, whose ballot stands for it: nothing is left to cast.
		UnitsVotedBySellers,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxCandidates::get() <= 32, "approvals are a 32-bit set");
			assert!(T::MinVotingPeriod::get() <= T::MaxVotingPeriod::get());
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Put a `matter` to the owners of `community` (or of `scope`): if it
		/// passes, `call` is dispatched with the decision's origin. `text`
		/// is the hash of the full text. A committee member opens voting at
		/// once for `voting_period` blocks; any other owner starts gathering
		/// co-sponsors (20 % of area and headcount) first.
		///
		/// Origin: signed, a committee member or an owner. Emits `Proposed`
		/// and, when voting opens, `VotingOpened`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::propose(T::MaxCallSize::get()))]
		pub fn propose(
			origin: OriginFor<T>,
			community: CommunityId,
			matter: Matter,
			call: Box<<T as Config>::RuntimeCall>,
			text: H256,
			scope: Option<ScopeId>,
			voting_period: BlockNumberFor<T>,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let size = Self::do_propose_call(who, community, matter, *call, text, scope, voting_period)?;
			Ok(Some(T::WeightInfo::propose(size)).into())
		}

		/// Put the election of the owners' committee to the owners: `seats`
		/// members for a term ending at `term_end`, from `candidates`
		/// (owners, in nomination order). `text` is the hash of the
		/// election notice.
		///
		/// Origin: signed, a committee member or an owner. Emits `Proposed`
		/// and, when voting opens, `VotingOpened`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::propose_election(T::MaxCandidates::get()))]
		pub fn propose_election(
			origin: OriginFor<T>,
			community: CommunityId,
			candidates: Vec<T::AccountId>,
			seats: u32,
			term_end: BlockNumberFor<T>,
			text: H256,
			voting_period: BlockNumberFor<T>,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let n = candidates.len() as u32;
			Self::do_propose_election(who, community, candidates, seats, term_end, text, voting_period)?;
			Ok(Some(T::WeightInfo::propose_election(n)).into())
		}

		/// Put a by-election (补选) to the owners: `seats` vacant seats of the
		/// sitting committee, for the rest of its term, from `candidates`
		/// (owners not on the committee, in nomination order), so that the
		/// committee is back at a legal size. `text` is the hash of the
		/// notice. Counted as an election.
		///
		/// Origin: signed, as `propose_election`. Emits `Proposed` and, when
		/// voting opens, `VotingOpened`; at close, `CommitteeElected` with
		/// the members seated.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::propose_by_election(T::MaxCandidates::get()))]
		pub fn propose_by_election(
			origin: OriginFor<T>,
			community: CommunityId,
			candidates: Vec<T::AccountId>,
			seats: u32,
			text: H256,
			voting_period: BlockNumberFor<T>,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let n = candidates.len() as u32;
			Self::do_propose_by_election(who, community, candidates, seats, text, voting_period)?;
			Ok(Some(T::WeightInfo::propose_by_election(n)).into())
		}

		/// Co-sponsor an owners' proposal with your weight; voting opens
		/// when sponsors hold ≥ 20 % of area and of headcount.
		///
		/// Origin: signed, an owner of the proposal's scope. Emits
		/// `Sponsored` (+ `VotingOpened`).
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::sponsor())]
		pub fn sponsor(origin: OriginFor<T>, proposal: ProposalIndex) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_sponsor(who, proposal)
		}

		/// Vote on an open proposal: aye, nay or abstain, or in an election
		/// the set of candidates you approve. Voting again replaces your
		/// ballot.
		///
		/// Origin: signed, an owner of the proposal's scope whose weight did
		/// not grow since voting opened; after the notice (the first ballot
		/// opens the vote). Emits `Voted` (channel `Online`).
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::vote(T::MaxCandidates::get(), T::MaxUnitsPerVoter::get()))]
		pub fn vote(origin: OriginFor<T>, proposal: ProposalIndex, choice: Choice) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let cast = Self::do_vote(who, proposal, choice)?;
			Ok(Some(T::WeightInfo::vote(cast.candidates, cast.units)).into())
		}

		/// Close a proposal whose voting (or sponsorship) time is over and
		/// count it: a failed one is closed; a passed one is published and
		/// takes effect after the community's publication period (at once
		/// if it is 0). A failed enactment is recorded as the outcome.
		///
		/// Origin: signed, anyone. Emits `Closed`, or `ResultPublished` when
		/// it passed (then `Closed` with `Enacted` or `CommitteeElected` if
		/// it takes effect at once).
		#[pallet::call_index(4)]
		#[pallet::weight(
			T::WeightInfo::close_dispatch()
				.max(T::WeightInfo::close_election(T::MaxCandidates::get()))
				.saturating_add(T::MaxCallWeight::get())
		)]
		pub fn close(origin: OriginFor<T>, proposal: ProposalIndex) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let weight = Self::do_close(proposal)?;
			Ok(Some(weight).into())
		}

		/// Set whether `community` counts non-voters with the majority of
		/// those who voted (off by default; never helps meet the 2/3 floor).
		/// Applies to proposals whose voting opens afterwards.
		///
		/// Origin: `RulesOrigin` for `community`. Emits `RulesChanged`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::set_non_voters_follow_majority())]
		pub fn set_non_voters_follow_majority(
			origin: OriginFor<T>,
			community: CommunityId,
			enabled: bool,
		) -> DispatchResult {
			T::RulesOrigin::ensure_origin(origin, &community)?;
			ensure!(T::Community::community_exists(community), Error::<T>::UnknownCommunity);
			NonVotersFollowMajority::<T>::insert(community, enabled);
			Self::deposit_event(Event::RulesChanged { community, non_voters_follow_majority: enabled });
			Ok(())
		}

		/// Withdraw your proposal before voting opens (while it gathers
		/// sponsors or during its notice); the deposit is returned.
		///
		/// Origin: signed, the proposer. Emits `Withdrawn` and `Closed`.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::withdraw())]
		pub fn withdraw(origin: OriginFor<T>, proposal: ProposalIndex) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_withdraw(who, proposal)
		}

		/// Open the vote of an announced proposal whose notice is over:
		/// snapshot who may vote. The first ballot does the same.
		///
		/// Origin: signed, anyone. Emits `VotingOpened`.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::open_voting())]
		pub fn open_voting(origin: OriginFor<T>, proposal: ProposalIndex) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_open_voting(proposal)
		}

		/// Appoint `proxy` to vote for you in `community`: on one proposal or
		/// on every proposal voted on before a block. `evidence` is the hash
		/// of the signed written proxy (委托书). Replaces your earlier
		/// appointment; your own ballot always prevails over the proxy's.
		///
		/// Origin: signed, an owner of `community`. Emits `ProxyAppointed`.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::appoint_proxy(T::MaxOwnersPerProxy::get()))]
		pub fn appoint_proxy(
			origin: OriginFor<T>,
			community: CommunityId,
			proxy: T::AccountId,
			cover: ProxyCover<BlockNumberFor<T>>,
			evidence: H256,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_appoint_proxy(community, owner, proxy, cover, evidence)
		}

		/// Revoke your proxy in `community`: it casts no further ballot for
		/// you (one it cast stands until you vote yourself).
		///
		/// Origin: signed, an owner with a proxy. Emits `ProxyRevoked`.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::revoke_proxy())]
		pub fn revoke_proxy(origin: OriginFor<T>, community: CommunityId) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_revoke_proxy(community, owner)
		}

		/// Vote for `owner`, whose proxy you are, with the owner's weight.
		/// Refused once the owner voted themself (online or on paper).
		///
		/// Origin: signed, the proxy the owner appointed for this proposal.
		/// Emits `Voted` (channel `Proxy`).
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::vote_as_proxy(T::MaxCandidates::get(), T::MaxUnitsPerVoter::get()))]
		pub fn vote_as_proxy(
			origin: OriginFor<T>,
			proposal: ProposalIndex,
			owner: T::AccountId,
			choice: Choice,
		) -> DispatchResultWithPostInfo {
			let proxy = ensure_signed(origin)?;
			let cast = Self::do_vote_as_proxy(proxy, proposal, owner, choice)?;
			Ok(Some(T::WeightInfo::vote_as_proxy(cast.candidates, cast.units)).into())
		}

		/// Enter `owner`'s signed paper ballot (纸质票) with the hash of its
		/// scan. It counts once a second committee member or the registrar
		/// countersigns it, unless the owner votes online.
		///
		/// Origin: signed, a member of the proposal's community's committee.
		/// Emits `PaperBallotEntered`.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::enter_paper_ballot())]
		pub fn enter_paper_ballot(
			origin: OriginFor<T>,
			proposal: ProposalIndex,
			owner: T::AccountId,
			choice: Choice,
			evidence: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_enter_paper_ballot(who, proposal, owner, choice, evidence)
		}

		/// Countersign the paper ballot entered for `owner`, confirming the
		/// scan `evidence`: it is counted, unless the owner's own online
		/// ballot prevails (then it stays on record only).
		///
		/// Origin: signed, another committee member or a registrar of the
		/// community. Emits `PaperBallotCountersigned` (+ `Voted`).
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::countersign_paper_ballot(T::MaxCandidates::get(), T::MaxUnitsPerVoter::get()))]
		pub fn countersign_paper_ballot(
			origin: OriginFor<T>,
			proposal: ProposalIndex,
			owner: T::AccountId,
			evidence: H256,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let cast = Self::do_countersign_paper_ballot(who, proposal, owner, evidence)?;
			Ok(Some(T::WeightInfo::countersign_paper_ballot(cast.candidates, cast.units)).into())
		}

		/// Record an objection to a result being published (询异), with the
		/// hash of the objection and its evidence, for owners and a court to
		/// see; one per committee member (a second replaces the first). It
		/// does not stop the decision: only a court sets one aside
		/// (Art. 280).
		///
		/// Origin: signed, a member of the proposal's community's committee,
		/// before the publication ends. Emits `ObjectionRecorded`.
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::object())]
		pub fn object(origin: OriginFor<T>, proposal: ProposalIndex, evidence: H256) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_object(who, proposal, evidence)
		}

		/// Enact a passed proposal whose publication is over: dispatch its
		/// call or seat the elected committee.
		///
		/// Origin: signed, anyone. Emits `Closed`, and `Enacted` or
		/// `CommitteeElected`.
		#[pallet::call_index(15)]
		#[pallet::weight(
			T::WeightInfo::close_dispatch()
				.max(T::WeightInfo::close_election(T::MaxCandidates::get()))
				.saturating_add(T::MaxCallWeight::get())
		)]
		pub fn enact(origin: OriginFor<T>, proposal: ProposalIndex) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let weight = Self::do_enact(proposal)?;
			Ok(Some(weight).into())
		}

		/// Set `community`'s rules of procedure: its notice period (at least
		/// the chain's floor, at most `MaxNoticePeriod`), publication period
		/// (at most `MaxPublicationPeriod`) and the most owners one
		/// proxy may vote for. Applies to proposals announced (notice) or
		/// counted (publication) afterwards, and to appointments made
		/// afterwards.
		///
		/// Origin: `RulesOrigin` for `community`. Emits `ProcedureChanged`.
		#[pallet::call_index(16)]
		#[pallet::weight(T::WeightInfo::set_procedure())]
		pub fn set_procedure(
			origin: OriginFor<T>,
			community: CommunityId,
			procedure: Procedure<BlockNumberFor<T>>,
		) -> DispatchResult {
			T::RulesOrigin::ensure_origin(origin, &community)?;
			ensure!(T::Community::community_exists(community), Error::<T>::UnknownCommunity);
			ensure!(
				procedure.notice_period >= NoticePeriodFloor::<T>::get()
					&& procedure.notice_period <= T::MaxNoticePeriod::get()
					&& procedure.publication_period <= T::MaxPublicationPeriod::get()
					&& (1..=T::MaxOwnersPerProxy::get()).contains(&procedure.max_owners_per_proxy),
				Error::<T>::BadProcedure
			);
			Procedures::<T>::insert(community, procedure);
			Self::deposit_event(Event::ProcedureChanged { community, procedure });
			Ok(())
		}
	}
}
