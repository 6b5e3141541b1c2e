//! # Owners' assembly pallet: decisions counted as the Civil Code counts them
//!
//! Owners decide their community's matters on chain and a passed decision
//! takes effect by itself (民法典 Art. 278; DOMAIN.md "Owners' joint
//! decisions").
//!
//! ## Proposing
//! A member of the owners' committee (业委会) puts a matter to the owners and
//! voting opens at once. Any owner may instead start an extraordinary
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
//! - `closing.rs`: counting, enacting, seating an elected committee;
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
//! | [`close`](Pallet::close) | anyone, after the end | `Closed` (+ `Enacted` / `CommitteeElected`) |
//! | [`set_non_voters_follow_majority`](Pallet::set_non_voters_follow_majority) | `RulesOrigin` (a decision on the rules of procedure) | `RulesChanged` |
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod closing;
mod deposits;
mod invariants;
mod proposing;
mod views;
mod voting;
pub mod migrations;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod weights;

pub use linli_primitives::assembly::{
	Action, Ballot, Choice, Outcome, Proposal, ProposalIndex, ProposalView, Route, Stage, Tally,
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
		community::{CommunityId, CommunityInspect, ScopeId, VoteWeight},
		governance::{CommitteeInstaller, Decision, Matter},
	};
	use sp_core::H256;
	use sp_runtime::traits::Dispatchable;

	/// The in-code storage version.
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(2);

	/// A proposal of this runtime.
	pub type ProposalOf<T> = Proposal<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;

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
		/// Most proposals a community may have open (gathering sponsors or
		/// voting) at once.
		#[pallet::constant]
		type MaxOpenProposals: Get<u32>;
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

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The chain's shortest voting period in blocks (0: `MinVotingPeriod`).
		pub min_voting_period: BlockNumberFor<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			assert!(
				self.min_voting_period <= T::MaxVotingPeriod::get(),
				"the shortest voting period exceeds the longest"
			);
			VotingPeriodFloor::<T>::put(self.min_voting_period);
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
		/// An owner voted (or changed the vote).
		Voted {
			/// The proposal's number.
			proposal: ProposalIndex,
			/// The voter.
			who: T::AccountId,
			/// The choice.
			choice: Choice,
			/// The owner's area and headcount (1).
			weight: VoteWeight,
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
		/// not grow since voting opened. Emits `Voted`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::vote(T::MaxCandidates::get()))]
		pub fn vote(origin: OriginFor<T>, proposal: ProposalIndex, choice: Choice) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let candidates = Self::do_vote(who, proposal, choice)?;
			Ok(Some(T::WeightInfo::vote(candidates)).into())
		}

		/// Close a proposal whose voting (or sponsorship) time is over:
		/// count it, and enact it if it passed. A failed enactment is
		/// recorded as the outcome.
		///
		/// Origin: signed, anyone. Emits `Closed`, and `Enacted` or
		/// `CommitteeElected` when it passed.
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
	}
}
