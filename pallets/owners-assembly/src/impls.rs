//! The assembly's logic: opening, sponsoring, voting, counting, enacting,
//! the runtime API's views and the `try_state` invariants.

use crate::{pallet::*, weights::WeightInfo, Action, Ballot, Choice, Outcome, ProposalIndex, ProposalView, Route, Stage};
use alloc::vec::Vec;
use codec::{DecodeLimit, Encode};
use frame_support::{
	dispatch::GetDispatchInfo, ensure, pallet_prelude::*, traits::Get, BoundedVec,
};
use frame_system::pallet_prelude::*;
use linli_primitives::{
	community::{CommunityId, CommunityInspect, ScopeId, VoteWeight},
	governance::{is_legal_committee_size, CommitteeInstaller, Decision, Matter, VoterAccountChanged},
};
use sp_core::H256;
use sp_runtime::{
	traits::{Dispatchable, Saturating, Zero},
	DispatchError,
};

/// How deep a stored call may nest when decoded.
const MAX_CALL_DEPTH: u32 = 256;

/// `a / b >= num / den`, exactly.
fn at_least(a: u64, b: u64, num: u64, den: u64) -> bool {
	(a as u128) * (den as u128) >= (b as u128) * (num as u128)
}

/// `a / b > num / den`, exactly.
fn more_than(a: u64, b: u64, num: u64, den: u64) -> bool {
	(a as u128) * (den as u128) > (b as u128) * (num as u128)
}

/// Whether `part` is at least `num/den` of `whole` by area AND headcount.
fn both_at_least(part: VoteWeight, whole: VoteWeight, num: u64, den: u64) -> bool {
	at_least(part.area, whole.area, num, den) &&
		at_least(part.headcount.into(), whole.headcount.into(), num, den)
}

/// Whether `part` is more than `num/den` of `whole` by area AND headcount.
fn both_more_than(part: VoteWeight, whole: VoteWeight, num: u64, den: u64) -> bool {
	more_than(part.area, whole.area, num, den) &&
		more_than(part.headcount.into(), whole.headcount.into(), num, den)
}

fn add(a: VoteWeight, b: VoteWeight) -> VoteWeight {
	VoteWeight { area: a.area.saturating_add(b.area), headcount: a.headcount.saturating_add(b.headcount) }
}

fn sub(a: VoteWeight, b: VoteWeight) -> VoteWeight {
	VoteWeight { area: a.area.saturating_sub(b.area), headcount: a.headcount.saturating_sub(b.headcount) }
}

/// Whether a vote passes: the participation floor, then the matter's bar.
/// Returns `None` when the floor is not met.
pub fn passes(
	matter: Matter,
	tally: &crate::Tally,
	snapshot: VoteWeight,
	non_voters_follow_majority: bool,
) -> Option<bool> {
	let participation = tally.participation();
	// Participation floor: ≥ 2/3 of area AND headcount, by real ballots.
	if !both_at_least(participation, snapshot, 2, 3) {
		return None;
	}
	let (mut aye, mut counted) = (tally.aye, participation);
	if non_voters_follow_majority {
		// Counted with the side that won both area and headcount among
		// those who voted; if neither did, they stay uncounted.
		let non_voters = sub(snapshot, participation);
		let aye_won = tally.aye.area > tally.nay.area && tally.aye.headcount > tally.nay.headcount;
		let nay_won = tally.nay.area > tally.aye.area && tally.nay.headcount > tally.aye.headcount;
		if aye_won {
			aye = add(aye, non_voters);
		}
		if aye_won || nay_won {
			counted = add(counted, non_voters);
		}
	}
	Some(if matter.needs_three_quarters() {
		both_at_least(aye, counted, 3, 4)
	} else {
		both_more_than(aye, counted, 1, 2)
	})
}

/// What an election seats: a whole committee until its term's end, or the
/// vacant seats of the committee whose term ends then (a by-election).
enum ElectionKind<BlockNumber> {
	Committee(BlockNumber),
	BySeats(BlockNumber),
}

impl<T: Config> Pallet<T> {
	/// The chain's shortest voting period.
	pub fn min_voting_period() -> BlockNumberFor<T> {
		T::MinVotingPeriod::get().max(VotingPeriodFloor::<T>::get())
	}

	fn check_voting_period(period: BlockNumberFor<T>) -> DispatchResult {
		ensure!(
			period >= Self::min_voting_period() && period <= T::MaxVotingPeriod::get(),
			Error::<T>::BadVotingPeriod
		);
		Ok(())
	}

	/// Records a new proposal and routes it: the committee opens voting,
	/// an owner starts gathering co-sponsors.
	#[allow(clippy::too_many_arguments)]
	fn start(
		who: T::AccountId,
		community: CommunityId,
		matter: Matter,
		action: Action<BlockNumberFor<T>>,
		text: H256,
		scope: Option<ScopeId>,
		voting_period: BlockNumberFor<T>,
		deposit_bytes: u32,
	) -> Result<ProposalIndex, DispatchError> {
		ensure!(T::Community::community_exists(community), Error::<T>::UnknownCommunity);
		// One building's owners decide only what is theirs alone.
		ensure!(scope.is_none() || matter.can_be_scoped(), Error::<T>::MatterNotScopable);
		Self::check_voting_period(voting_period)?;
		let totals = T::Community::vote_totals(community, scope);
		ensure!(totals.headcount > 0, Error::<T>::NoOwners);
		let route = if T::Community::is_committee_member(community, &who) {
			Route::Committee
		} else {
			Route::Owners
		};
		let proposer_weight = T::Community::vote_weight(community, scope, &who);
		ensure!(route == Route::Committee || proposer_weight.is_some(), Error::<T>::NotAnOwner);

		let index = NextProposal::<T>::get();
		OpenProposals::<T>::try_append(community, index).map_err(|_| Error::<T>::TooManyOpenProposals)?;
		NextProposal::<T>::put(index.checked_add(1).ok_or(DispatchError::Exhausted)?);
		let now = frame_system::Pallet::<T>::block_number();
		let mut proposal = crate::Proposal {
			community,
			matter,
			action,
			text,
			scope,
			proposer: who.clone(),
			route,
			voting_period,
			sponsors: VoteWeight::default(),
			stage: Stage::Sponsoring { until: now.saturating_add(T::SponsorshipPeriod::get()) },
			snapshot: VoteWeight::default(),
			tally: Default::default(),
			non_voters_follow_majority: false,
		};
		Self::deposit_event(Event::Proposed { proposal: index, community, matter, proposer: who.clone(), route, scope, text });
		Self::hold_deposit(index, &who, deposit_bytes)?;
		match (route, proposer_weight) {
			(Route::Committee, _) => Self::open(index, &mut proposal, totals),
			(Route::Owners, Some(weight)) => Self::add_sponsor(index, &mut proposal, who, weight, totals),
			(Route::Owners, None) => return Err(Error::<T>::NotAnOwner.into()),
		}
		Proposals::<T>::insert(index, proposal);
		Ok(index)
	}

	/// Opens voting: snapshots the scope's current `totals` and the
	/// community's rule.
	fn open(index: ProposalIndex, proposal: &mut ProposalOf<T>, totals: VoteWeight) {
		let now = frame_system::Pallet::<T>::block_number();
		let until = now.saturating_add(proposal.voting_period);
		proposal.snapshot = totals;
		proposal.non_voters_follow_majority = NonVotersFollowMajority::<T>::get(proposal.community);
		proposal.stage = Stage::Voting { from: now, until };
		Self::deposit_event(Event::VotingOpened { proposal: index, snapshot: proposal.snapshot, until });
	}

	/// Adds a co-sponsor; `totals` are the scope's current totals.
	fn add_sponsor(
		index: ProposalIndex,
		proposal: &mut ProposalOf<T>,
		who: T::AccountId,
		weight: VoteWeight,
		totals: VoteWeight,
	) {
		proposal.sponsors = add(proposal.sponsors, weight);
		Sponsors::<T>::insert(index, &who, weight);
		Self::deposit_event(Event::Sponsored { proposal: index, who, sponsors: proposal.sponsors, totals });
		// An extraordinary assembly: ≥ 20 % of area AND headcount asked.
		if both_at_least(proposal.sponsors, totals, 1, 5) {
			Self::open(index, proposal, totals);
		}
	}

	/// Returns the call's encoded size (its weight component).
	#[allow(clippy::too_many_arguments)]
	pub(crate) fn do_propose_call(
		who: T::AccountId,
		community: CommunityId,
		matter: Matter,
		call: <T as Config>::RuntimeCall,
		text: H256,
		scope: Option<ScopeId>,
		voting_period: BlockNumberFor<T>,
	) -> Result<u32, DispatchError> {
		let encoded = call.encode();
		let size = encoded.len() as u32;
		let bounded: BoundedVec<u8, T::MaxCallSize> = encoded.try_into().map_err(|_| Error::<T>::CallTooLarge)?;
		let call_weight = call.get_dispatch_info().call_weight;
		ensure!(call_weight.all_lte(T::MaxCallWeight::get()), Error::<T>::CallTooHeavy);
		let call_hash = H256(sp_io::hashing::blake2_256(&bounded));
		let index = Self::start(
			who,
			community,
			matter,
			Action::Dispatch { call_hash, call_weight },
			text,
			scope,
			voting_period,
			size,
		)?;
		Calls::<T>::insert(index, bounded);
		Ok(size)
	}

	#[allow(clippy::too_many_arguments)]
	pub(crate) fn do_propose_election(
		who: T::AccountId,
		community: CommunityId,
		candidates: Vec<T::AccountId>,
		seats: u32,
		term_end: BlockNumberFor<T>,
		text: H256,
		voting_period: BlockNumberFor<T>,
	) -> DispatchResult {
		let bounded = Self::candidates_of(community, &candidates)?;
		ensure!(
			is_legal_committee_size(seats, T::Community::unit_count(community)) && seats as usize <= candidates.len(),
			Error::<T>::BadSeats
		);
		Self::start_election(who, community, Action::ElectCommittee { seats, term_end }, bounded, term_end, text, voting_period)
	}

	/// A by-election (补选): `seats` vacant seats of the sitting committee,
	/// for the rest of its term, so that it is back at a legal size.
	pub(crate) fn do_propose_by_election(
		who: T::AccountId,
		community: CommunityId,
		candidates: Vec<T::AccountId>,
		seats: u32,
		text: H256,
		voting_period: BlockNumberFor<T>,
	) -> DispatchResult {
		let (sitting, term_end) = T::Committee::committee(community).ok_or(Error::<T>::NoCommittee)?;
		let bounded = Self::candidates_of(community, &candidates)?;
		ensure!(!candidates.iter().any(|c| sitting.contains(c)), Error::<T>::BadCandidate);
		let households = T::Community::unit_count(community);
		ensure!(!is_legal_committee_size(sitting.len() as u32, households), Error::<T>::NoVacancy);
		let size = (sitting.len() as u32).saturating_add(seats);
		ensure!(
			seats > 0 &&
				is_legal_committee_size(size, households) &&
				seats as usize <= candidates.len(),
			Error::<T>::BadSeats
		);
		let action = Action::FillCommitteeSeats { seats, term_end };
		Self::start_election(who, community, action, bounded, term_end, text, voting_period)
	}

	/// Opens an election of `candidates` whose seats are held until
	/// `term_end`: the vote must end before the term does.
	#[allow(clippy::too_many_arguments)]
	fn start_election(
		who: T::AccountId,
		community: CommunityId,
		action: Action<BlockNumberFor<T>>,
		candidates: BoundedVec<(T::AccountId, VoteWeight), T::MaxCandidates>,
		term_end: BlockNumberFor<T>,
		text: H256,
		voting_period: BlockNumberFor<T>,
	) -> DispatchResult {
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(term_end > now.saturating_add(voting_period), Error::<T>::BadElection);
		let bytes = (candidates.len() as u32).saturating_mul(32);
		let index = Self::start(who, community, Matter::Committee, action, text, None, voting_period, bytes)?;
		Candidates::<T>::insert(index, candidates);
		Ok(())
	}

	/// Candidates with no approvals yet: owners, each once.
	fn candidates_of(
		community: CommunityId,
		candidates: &[T::AccountId],
	) -> Result<BoundedVec<(T::AccountId, VoteWeight), T::MaxCandidates>, DispatchError> {
		let bounded: BoundedVec<(T::AccountId, VoteWeight), T::MaxCandidates> = candidates
			.iter()
			.map(|c| (c.clone(), VoteWeight::default()))
			.collect::<Vec<_>>()
			.try_into()
			.map_err(|_| Error::<T>::TooManyCandidates)?;
		for (i, candidate) in candidates.iter().enumerate() {
			ensure!(
				T::Community::is_owner(community, candidate) && !candidates[..i].contains(candidate),
				Error::<T>::BadCandidate
			);
		}
		Ok(bounded)
	}

	pub(crate) fn do_sponsor(who: T::AccountId, index: ProposalIndex) -> DispatchResult {
		let mut proposal = Proposals::<T>::get(index).ok_or(Error::<T>::UnknownProposal)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(
			matches!(proposal.stage, Stage::Sponsoring { until } if now < until),
			Error::<T>::NotSponsoring
		);
		ensure!(!Sponsors::<T>::contains_key(index, &who), Error::<T>::AlreadySponsored);
		let weight =
			T::Community::vote_weight(proposal.community, proposal.scope, &who).ok_or(Error::<T>::NotAnOwner)?;
		let totals = T::Community::vote_totals(proposal.community, proposal.scope);
		Self::add_sponsor(index, &mut proposal, who, weight, totals);
		Proposals::<T>::insert(index, proposal);
		Ok(())
	}

	/// Returns how many candidates the ballot touched (its weight).
	pub(crate) fn do_vote(who: T::AccountId, index: ProposalIndex, choice: Choice) -> Result<u32, DispatchError> {
		let mut proposal = Proposals::<T>::get(index).ok_or(Error::<T>::UnknownProposal)?;
		let Stage::Voting { from, until } = proposal.stage else {
			return Err(Error::<T>::NotVoting.into());
		};
		ensure!(frame_system::Pallet::<T>::block_number() < until, Error::<T>::VotingEnded);
		let (community, scope) = (proposal.community, proposal.scope);
		let weight = T::Community::vote_weight(community, scope, &who).ok_or(Error::<T>::NotAnOwner)?;
		let grown_at = T::Community::vote_weight_grown_at(community, scope, &who).unwrap_or(from);
		ensure!(grown_at < from, Error::<T>::WeightGrewDuringVote);

		let election = proposal.action.is_election();
		let mut candidates = if election { Candidates::<T>::get(index) } else { Default::default() };
		let n = candidates.len() as u32;
		let valid = match choice {
			Choice::Abstain => true,
			Choice::Aye | Choice::Nay => !election,
			Choice::Approve(set) => election && (n == 32 || set >> n == 0),
		};
		ensure!(valid, Error::<T>::BadChoice);

		let mut apply = |ballot: Ballot, sign: bool| {
			let change = |w: &mut VoteWeight| *w = if sign { add(*w, ballot.weight) } else { sub(*w, ballot.weight) };
			match ballot.choice {
				Choice::Aye | Choice::Approve(_) => change(&mut proposal.tally.aye),
				Choice::Nay => change(&mut proposal.tally.nay),
				Choice::Abstain => change(&mut proposal.tally.abstain),
			}
			if let Choice::Approve(set) = ballot.choice {
				for (i, (_, approvals)) in candidates.iter_mut().enumerate() {
					if set & (1 << i) != 0 {
						change(approvals);
					}
				}
			}
		};
		if let Some(old) = Ballots::<T>::get(index, &who) {
			apply(old, false);
		}
		let ballot = Ballot { choice, weight };
		apply(ballot, true);
		Ballots::<T>::insert(index, &who, ballot);
		if election {
			Candidates::<T>::insert(index, candidates);
		}
		Proposals::<T>::insert(index, proposal);
		Self::deposit_event(Event::Voted { proposal: index, who, choice, weight });
		Ok(n)
	}

	/// Counts and enacts; returns the weight used.
	pub(crate) fn do_close(index: ProposalIndex) -> Result<Weight, DispatchError> {
		let mut proposal = Proposals::<T>::get(index).ok_or(Error::<T>::UnknownProposal)?;
		let now = frame_system::Pallet::<T>::block_number();
		let mut weight = T::WeightInfo::close_dispatch();
		let outcome = match proposal.stage {
			Stage::Closed { .. } => return Err(Error::<T>::AlreadyClosed.into()),
			Stage::Sponsoring { until } => {
				ensure!(now >= until, Error::<T>::TooEarly);
				Outcome::NotSponsored
			},
			Stage::Voting { until, .. } => {
				ensure!(now >= until, Error::<T>::TooEarly);
				match proposal.action {
					Action::Dispatch { call_weight, .. } => {
						match passes(proposal.matter, &proposal.tally, proposal.snapshot, proposal.non_voters_follow_majority) {
							None => Outcome::NoQuorum,
							Some(false) => Outcome::Rejected,
							Some(true) => {
								let (outcome, used) = Self::enact(index, &proposal, call_weight);
								weight = weight.saturating_add(used);
								outcome
							},
						}
					},
					Action::ElectCommittee { seats, term_end } => {
						let candidates = Candidates::<T>::get(index);
						weight = T::WeightInfo::close_election(candidates.len() as u32);
						Self::count_election(index, &proposal, &candidates, seats, ElectionKind::Committee(term_end))
					},
					Action::FillCommitteeSeats { seats, term_end } => {
						let candidates = Candidates::<T>::get(index);
						weight = T::WeightInfo::close_election(candidates.len() as u32);
						Self::count_election(index, &proposal, &candidates, seats, ElectionKind::BySeats(term_end))
					},
				}
			},
		};
		proposal.stage = Stage::Closed { at: now, outcome };
		// Only open proposals keep their call: what passed or failed stays
		// as its hash (`Action::Dispatch::call_hash`), never as text in state.
		Calls::<T>::remove(index);
		Self::return_deposit(index);
		OpenProposals::<T>::mutate_exists(proposal.community, |open| {
			if let Some(list) = open {
				list.retain(|p| *p != index);
				if list.is_empty() {
					*open = None;
				}
			}
		});
		Self::deposit_event(Event::Closed {
			proposal: index,
			outcome,
			tally: proposal.tally,
			snapshot: proposal.snapshot,
		});
		Proposals::<T>::insert(index, proposal);
		Ok(weight)
	}

	/// Dispatches a passed proposal's call with the decision's origin.
	fn enact(index: ProposalIndex, proposal: &ProposalOf<T>, declared: Weight) -> (Outcome, Weight) {
		let call = Calls::<T>::get(index).and_then(|bytes| {
			<T as Config>::RuntimeCall::decode_with_depth_limit(MAX_CALL_DEPTH, &mut &bytes[..]).ok()
		});
		let Some(call) = call else {
			let error: DispatchError = Error::<T>::UndecodableCall.into();
			Self::deposit_event(Event::Enacted { proposal: index, result: Err(error) });
			return (Outcome::EnactmentFailed(error), Weight::zero());
		};
		let origin = Decision {
			community: proposal.community,
			matter: proposal.matter,
			proposal: index,
			scope: proposal.scope,
		};
		let result = call.dispatch(origin.into());
		let used = match &result {
			Ok(info) => info.actual_weight,
			Err(e) => e.post_info.actual_weight,
		}
		.unwrap_or(declared);
		let result = result.map(|_| ()).map_err(|e| e.error);
		Self::deposit_event(Event::Enacted { proposal: index, result });
		(result.map_or_else(Outcome::EnactmentFailed, |_| Outcome::Enacted), used)
	}

	/// Seats the candidates a majority approved, by the tie rule, and
	/// installs them.
	fn count_election(
		index: ProposalIndex,
		proposal: &ProposalOf<T>,
		candidates: &[(T::AccountId, VoteWeight)],
		seats: u32,
		kind: ElectionKind<BlockNumberFor<T>>,
	) -> Outcome {
		let participation = proposal.tally.participation();
		if !both_at_least(participation, proposal.snapshot, 2, 3) {
			return Outcome::NoQuorum;
		}
		// A candidate needs the ordinary majority of those who took part.
		let mut elected: Vec<(usize, &(T::AccountId, VoteWeight))> = candidates
			.iter()
			.enumerate()
			.filter(|(_, (_, approvals))| both_more_than(*approvals, participation, 1, 2))
			.collect();
		if (elected.len() as u32) < seats {
			return Outcome::Rejected;
		}
		// Tie rule: more approving owners, then more approving area, then
		// the earlier nomination.
		elected.sort_by(|(i, (_, a)), (j, (_, b))| {
			b.headcount.cmp(&a.headcount).then(b.area.cmp(&a.area)).then(i.cmp(j))
		});
		let members: Vec<T::AccountId> =
			elected.into_iter().take(seats as usize).map(|(_, (who, _))| who.clone()).collect();
		let seated = match kind {
			ElectionKind::Committee(term_end) =>
				T::Committee::install_committee(proposal.community, members.clone(), term_end),
			ElectionKind::BySeats(term_end) =>
				T::Committee::fill_committee_seats(proposal.community, members.clone(), term_end),
		};
		match seated {
			Ok(()) => {
				Self::deposit_event(Event::CommitteeElected { proposal: index, members });
				Outcome::Enacted
			},
			Err(e) => Outcome::EnactmentFailed(e),
		}
	}
}

/// Proposers' deposits: held while a proposal is open, so that what stays in
/// state is paid for; returned when it closes, whatever the outcome.
impl<T: Config> Pallet<T> {
	/// The deposit for a proposal carrying `bytes` of call (or candidates).
	pub fn deposit_for(bytes: u32) -> BalanceOf<T> {
		T::ProposalDepositBase::get().saturating_add(T::ProposalDepositPerByte::get().saturating_mul(bytes.into()))
	}

	fn hold_deposit(index: ProposalIndex, who: &T::AccountId, bytes: u32) -> DispatchResult {
		use frame_support::traits::fungible::MutateHold;
		let amount = Self::deposit_for(bytes);
		if amount.is_zero() {
			return Ok(());
		}
		T::Currency::hold(&HoldReason::ProposalDeposit.into(), who, amount)
			.map_err(|_| Error::<T>::InsufficientDeposit)?;
		Deposits::<T>::insert(index, (who.clone(), amount));
		Self::deposit_event(Event::DepositHeld { proposal: index, who: who.clone(), amount });
		Ok(())
	}

	fn return_deposit(index: ProposalIndex) {
		use frame_support::traits::{fungible::MutateHold, tokens::Precision};
		let Some((who, amount)) = Deposits::<T>::take(index) else { return };
		// Held by this pallet alone: the whole amount is there to release.
		let released = T::Currency::release(&HoldReason::ProposalDeposit.into(), &who, amount, Precision::BestEffort)
			.unwrap_or_default();
		Self::deposit_event(Event::DepositReturned { proposal: index, who, amount: released });
	}
}

/// Ballots and sponsorships follow the person when a registrar replaces a
/// lost key or the developer's account changes: one owner, one ballot.
impl<T: Config> VoterAccountChanged<T::AccountId> for Pallet<T> {
	fn voter_account_changed(community: CommunityId, old: &T::AccountId, new: &T::AccountId) -> DispatchResult {
		let open = OpenProposals::<T>::get(community);
		for index in open.iter() {
			ensure!(
				!Ballots::<T>::contains_key(index, new) && !Sponsors::<T>::contains_key(index, new),
				Error::<T>::AccountAlreadyVoted
			);
		}
		let mut moved = 0u32;
		for index in open.iter() {
			let ballot = Ballots::<T>::take(index, old);
			let sponsorship = Sponsors::<T>::take(index, old);
			if let Some(ballot) = ballot {
				Ballots::<T>::insert(index, new, ballot);
			}
			if let Some(weight) = sponsorship {
				Sponsors::<T>::insert(index, new, weight);
			}
			moved += u32::from(ballot.is_some() || sponsorship.is_some());
		}
		if moved > 0 {
			Self::deposit_event(Event::VoterAccountMoved {
				community,
				old: old.clone(),
				new: new.clone(),
				proposals: moved,
			});
		}
		Ok(())
	}

	fn max_weight() -> Weight {
		// Per open proposal: four reads to check and move, four writes.
		let n = u64::from(T::MaxOpenProposals::get());
		T::DbWeight::get().reads_writes(1 + 4 * n, 4 * n)
	}
}

/// What the runtime API serves.
impl<T: Config> Pallet<T> {
	/// A proposal with its candidates and call.
	pub fn proposal_view(index: ProposalIndex) -> Option<ProposalView<T::AccountId, BlockNumberFor<T>>> {
		let proposal = Proposals::<T>::get(index)?;
		Some(ProposalView {
			index,
			proposal,
			candidates: Candidates::<T>::get(index).into_inner(),
			call: Calls::<T>::get(index).map(|c| c.into_inner()).unwrap_or_default(),
		})
	}

	/// Up to `limit` proposals of `community` from `from` on (looking at
	/// no more than 10,000 indices per call).
	pub fn proposal_views(
		community: CommunityId,
		from: ProposalIndex,
		limit: u32,
	) -> Vec<ProposalView<T::AccountId, BlockNumberFor<T>>> {
		let limit = limit.min(pallet_owners_assembly_runtime_api::MAX_PAGE);
		let end = NextProposal::<T>::get().min(from.saturating_add(10_000));
		(from..end)
			.filter_map(Self::proposal_view)
			.filter(|v| v.proposal.community == community)
			.take(limit as usize)
			.collect()
	}
}

/// Invariants, checked by `try_state` (and after every test).
impl<T: Config> Pallet<T> {
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		let next = NextProposal::<T>::get();
		let mut open: BTreeMap<CommunityId, Vec<ProposalIndex>> = BTreeMap::new();
		for (index, proposal) in Proposals::<T>::iter() {
			ensure!(index < next, "a proposal beyond NextProposal");
			if !matches!(proposal.stage, Stage::Closed { .. }) {
				open.entry(proposal.community).or_default().push(index);
			}
			// The tally is exactly the sum of the ballots.
			let mut tally = crate::Tally::default();
			let mut candidates = Candidates::<T>::get(index);
			let mut approvals = alloc::vec![VoteWeight::default(); candidates.len()];
			for (_, ballot) in Ballots::<T>::iter_prefix(index) {
				let side = match ballot.choice {
					Choice::Aye | Choice::Approve(_) => &mut tally.aye,
					Choice::Nay => &mut tally.nay,
					Choice::Abstain => &mut tally.abstain,
				};
				*side = add(*side, ballot.weight);
				if let Choice::Approve(set) = ballot.choice {
					for (i, a) in approvals.iter_mut().enumerate() {
						if set & (1 << i) != 0 {
							*a = add(*a, ballot.weight);
						}
					}
				}
			}
			ensure!(tally == proposal.tally, "a tally differs from its ballots");
			ensure!(
				candidates.iter_mut().map(|(_, a)| *a).collect::<Vec<_>>() == approvals,
				"approvals differ from the ballots"
			);
			let sponsors = Sponsors::<T>::iter_prefix_values(index).fold(VoteWeight::default(), add);
			ensure!(sponsors == proposal.sponsors, "sponsors differ from their records");
			ensure!(
				proposal.action.is_election() ||
					matches!(proposal.stage, Stage::Closed { .. }) ||
					Calls::<T>::contains_key(index),
				"an open dispatch proposal without its call"
			);
			ensure!(
				!matches!(proposal.stage, Stage::Closed { .. }) || !Calls::<T>::contains_key(index),
				"a closed proposal keeps its call"
			);
			if !matches!(proposal.stage, Stage::Sponsoring { .. }) {
				ensure!(
					proposal.tally.participation().headcount <= proposal.snapshot.headcount &&
						proposal.tally.participation().area <= proposal.snapshot.area,
					"more took part than the snapshot holds"
				);
			}
		}
		// `OpenProposals` lists exactly the proposals not closed, in order.
		let listed: BTreeMap<CommunityId, Vec<ProposalIndex>> =
			OpenProposals::<T>::iter().map(|(c, list)| (c, list.into_inner())).collect();
		for list in open.values_mut() {
			list.sort();
		}
		ensure!(listed == open, "OpenProposals differs from the proposals not closed");
		// Deposits: only open proposals hold one, and what is held is exactly
		// the deposits recorded.
		let mut held: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		for (index, (who, amount)) in Deposits::<T>::iter() {
			let proposal = Proposals::<T>::get(index).ok_or("a deposit of no proposal")?;
			ensure!(!matches!(proposal.stage, Stage::Closed { .. }), "a closed proposal keeps its deposit");
			let entry = held.entry(who).or_default();
			*entry = entry.saturating_add(amount);
		}
		for (who, amount) in held {
			use frame_support::traits::fungible::InspectHold;
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::ProposalDeposit.into(), &who) == amount,
				"held deposits differ from their records"
			);
		}
		Ok(())
	}
}
