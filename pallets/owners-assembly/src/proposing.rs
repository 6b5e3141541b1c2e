//! Putting a matter to the owners: a call, an election or a by-election,
//! by the committee or by owners' co-sponsorship (≥ 1/5 of area and
//! headcount); the notice (公告) before the vote, withdrawing during it, and
//! opening the vote with its snapshot of who may vote.

use crate::{pallet::*, Action, Outcome, Procedure, ProposalIndex, Route, Stage};
use alloc::vec::Vec;
use codec::Encode;
use frame_support::{
	dispatch::GetDispatchInfo, ensure, pallet_prelude::*, traits::Get, BoundedVec,
};
use frame_system::pallet_prelude::*;
use linli_primitives::{
	assembly::Bar,
	community::{CommunityId, CommunityInspect, ScopeId, VoteWeight},
	governance::{is_legal_committee_size, CommitteeInstaller, Matter},
};
use sp_core::H256;
use sp_runtime::{
	traits::{Saturating, Zero},
	DispatchError,
};

impl<T: Config> Pallet<T> {
	/// The chain's shortest voting period.
	pub fn min_voting_period() -> BlockNumberFor<T> {
		T::MinVotingPeriod::get().max(VotingPeriodFloor::<T>::get())
	}

	/// `community`'s rules of procedure: its own, or the chain's defaults.
	pub fn procedure(community: CommunityId) -> Procedure<BlockNumberFor<T>> {
		Procedures::<T>::get(community).unwrap_or_else(|| Procedure {
			notice_period: NoticePeriodFloor::<T>::get(),
			publication_period: DefaultPublicationPeriod::<T>::get(),
			max_owners_per_proxy: T::DefaultMaxOwnersPerProxy::get(),
		})
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
		OpenProposals::<T>::try_append(community, index)
			.map_err(|_| Error::<T>::TooManyOpenProposals)?;
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
		Self::deposit_event(Event::Proposed {
			proposal: index,
			community,
			matter,
			proposer: who.clone(),
			route,
			scope,
			text,
		});
		Self::hold_deposit(index, &who, deposit_bytes)?;
		match (route, proposer_weight) {
			(Route::Committee, _) => Self::announce(index, &mut proposal, totals),
			(Route::Owners, Some(weight)) => {
				Self::add_sponsor(index, &mut proposal, who, weight, totals)
			}
			(Route::Owners, None) => return Err(Error::<T>::NotAnOwner.into()),
		}
		Proposals::<T>::insert(index, proposal);
		Ok(index)
	}

	/// Announces the vote (公告): it opens after the community's notice
	/// period, or at once where the notice is 0 (a development chain).
	fn announce(index: ProposalIndex, proposal: &mut ProposalOf<T>, totals: VoteWeight) {
		let now = frame_system::Pallet::<T>::block_number();
		let notice = Self::procedure(proposal.community).notice_period;
		if notice.is_zero() {
			return Self::open(index, proposal, totals, now.saturating_add(proposal.voting_period));
		}
		let opens = now.saturating_add(notice);
		proposal.stage = Stage::Notice { opens };
		Self::deposit_event(Event::Announced {
			proposal: index,
			opens,
			until: opens.saturating_add(proposal.voting_period),
		});
	}

	/// Opens the vote of an announced proposal once its notice is over;
	/// `Ok(false)` if it was not announced, `VotingNotOpenYet` during the
	/// notice. Voting ends when the notice said, however late it opened.
	pub(crate) fn open_if_due(
		index: ProposalIndex,
		proposal: &mut ProposalOf<T>,
	) -> Result<bool, DispatchError> {
		let Stage::Notice { opens } = proposal.stage else { return Ok(false) };
		ensure!(frame_system::Pallet::<T>::block_number() >= opens, Error::<T>::VotingNotOpenYet);
		let totals = T::Community::vote_totals(proposal.community, proposal.scope);
		Self::open(index, proposal, totals, opens.saturating_add(proposal.voting_period));
		Ok(true)
	}

	pub(crate) fn do_open_voting(index: ProposalIndex) -> DispatchResult {
		let mut proposal = Proposals::<T>::get(index).ok_or(Error::<T>::UnknownProposal)?;
		ensure!(Self::open_if_due(index, &mut proposal)?, Error::<T>::NotAnnounced);
		Proposals::<T>::insert(index, proposal);
		Ok(())
	}

	/// The proposer withdraws a proposal before voting opens.
	pub(crate) fn do_withdraw(who: T::AccountId, index: ProposalIndex) -> DispatchResult {
		let mut proposal = Proposals::<T>::get(index).ok_or(Error::<T>::UnknownProposal)?;
		ensure!(proposal.proposer == who, Error::<T>::NotProposer);
		ensure!(
			matches!(proposal.stage, Stage::Sponsoring { .. } | Stage::Notice { .. }),
			Error::<T>::CannotWithdraw
		);
		Self::deposit_event(Event::Withdrawn { proposal: index });
		Self::finish(index, &mut proposal, Outcome::Withdrawn);
		Proposals::<T>::insert(index, proposal);
		Ok(())
	}

	/// Opens voting until `until`: snapshots the scope's current `totals`
	/// and the community's rule.
	fn open(
		index: ProposalIndex,
		proposal: &mut ProposalOf<T>,
		totals: VoteWeight,
		until: BlockNumberFor<T>,
	) {
		let now = frame_system::Pallet::<T>::block_number();
		proposal.snapshot = totals;
		proposal.non_voters_follow_majority = NonVotersFollowMajority::<T>::get(proposal.community);
		proposal.stage = Stage::Voting { from: now, until };
		Self::deposit_event(Event::VotingOpened {
			proposal: index,
			snapshot: proposal.snapshot,
			until,
		});
	}

	/// Adds a co-sponsor; `totals` are the scope's current totals.
	fn add_sponsor(
		index: ProposalIndex,
		proposal: &mut ProposalOf<T>,
		who: T::AccountId,
		weight: VoteWeight,
		totals: VoteWeight,
	) {
		proposal.sponsors = proposal.sponsors.saturating_add(weight);
		Sponsors::<T>::insert(index, &who, weight);
		Self::deposit_event(Event::Sponsored {
			proposal: index,
			who,
			sponsors: proposal.sponsors,
			totals,
		});
		// An extraordinary assembly: ≥ 20 % of area AND headcount asked.
		if proposal.sponsors.is_at_least(Bar::SPONSORSHIP_FLOOR, &totals) {
			Self::announce(index, proposal, totals);
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
		let bounded: BoundedVec<u8, T::MaxCallSize> =
			encoded.try_into().map_err(|_| Error::<T>::CallTooLarge)?;
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
			is_legal_committee_size(seats, T::Community::unit_count(community))
				&& seats as usize <= candidates.len(),
			Error::<T>::BadSeats
		);
		Self::start_election(
			who,
			community,
			Action::ElectCommittee { seats, term_end },
			bounded,
			term_end,
			text,
			voting_period,
		)
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
		let (sitting, term_end) =
			T::Committee::committee(community).ok_or(Error::<T>::NoCommittee)?;
		let bounded = Self::candidates_of(community, &candidates)?;
		ensure!(!candidates.iter().any(|c| sitting.contains(c)), Error::<T>::BadCandidate);
		let households = T::Community::unit_count(community);
		ensure!(!is_legal_committee_size(sitting.len() as u32, households), Error::<T>::NoVacancy);
		let size = (sitting.len() as u32).saturating_add(seats);
		ensure!(
			seats > 0
				&& is_legal_committee_size(size, households)
				&& seats as usize <= candidates.len(),
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
		// The committee is seated after the notice, the vote and the
		// publication: its term must still be running then.
		let now = frame_system::Pallet::<T>::block_number();
		let procedure = Self::procedure(community);
		let seated = now
			.saturating_add(procedure.notice_period)
			.saturating_add(voting_period)
			.saturating_add(procedure.publication_period);
		ensure!(term_end > seated, Error::<T>::BadElection);
		let bytes = (candidates.len() as u32).saturating_mul(32);
		let index = Self::start(
			who,
			community,
			Matter::Committee,
			action,
			text,
			None,
			voting_period,
			bytes,
		)?;
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
				T::Community::is_owner(community, candidate)
					&& !candidates[..i].contains(candidate),
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
		let weight = T::Community::vote_weight(proposal.community, proposal.scope, &who)
			.ok_or(Error::<T>::NotAnOwner)?;
		let totals = T::Community::vote_totals(proposal.community, proposal.scope);
		Self::add_sponsor(index, &mut proposal, who, weight, totals);
		Proposals::<T>::insert(index, proposal);
		Ok(())
	}
}
