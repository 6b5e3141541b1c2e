//! Ballots: one per owner (the developer once), replaced by a second one,
//! counted into the proposal's [`Tally`](crate::Tally) as it is cast, and
//! following the person when its account changes.

use crate::{pallet::*, Ballot, Choice, ProposalIndex, Stage};
use frame_support::{ensure, pallet_prelude::*, traits::Get};
use linli_primitives::{
	community::{CommunityId, CommunityInspect, VoteWeight},
	governance::VoterAccountChanged,
};
use sp_runtime::DispatchError;

/// Applies `change` (adding or taking off `ballot`'s weight) to every
/// candidate an election ballot approves.
pub(crate) fn approve_candidates<'a>(
	approvals_of_candidates: impl Iterator<Item = &'a mut VoteWeight>,
	ballot: &Ballot,
	change: fn(VoteWeight, VoteWeight) -> VoteWeight,
) {
	if let Choice::Approve(set) = ballot.choice {
		for (i, approvals) in approvals_of_candidates.enumerate() {
			if set & (1 << i) != 0 {
				*approvals = change(*approvals, ballot.weight);
			}
		}
	}
}

impl<T: Config> Pallet<T> {
	/// Returns how many candidates the ballot touched (its weight).
	pub(crate) fn do_vote(
		who: T::AccountId,
		index: ProposalIndex,
		choice: Choice,
	) -> Result<u32, DispatchError> {
		let mut proposal = Proposals::<T>::get(index).ok_or(Error::<T>::UnknownProposal)?;
		let Stage::Voting { from, until } = proposal.stage else {
			return Err(Error::<T>::NotVoting.into());
		};
		ensure!(frame_system::Pallet::<T>::block_number() < until, Error::<T>::VotingEnded);
		let (community, scope) = (proposal.community, proposal.scope);
		let (weight, grown_at) = T::Community::vote_weight_and_growth(community, scope, &who)
			.ok_or(Error::<T>::NotAnOwner)?;
		ensure!(grown_at < from, Error::<T>::WeightGrewDuringVote);

		let election = proposal.action.is_election();
		let mut candidates =
			if election { Candidates::<T>::get(index) } else { Default::default() };
		let n = candidates.len() as u32;
		let valid = match choice {
			Choice::Abstain => true,
			Choice::Aye | Choice::Nay => !election,
			Choice::Approve(set) => election && (n == 32 || set >> n == 0),
		};
		ensure!(valid, Error::<T>::BadChoice);

		// A second ballot replaces the first: take it out, count the new one.
		let ballot = Ballot { choice, weight };
		if let Some(old) = Ballots::<T>::get(index, &who) {
			proposal.tally.remove(&old);
			approve_candidates(
				candidates.iter_mut().map(|(_, a)| a),
				&old,
				VoteWeight::saturating_sub,
			);
		}
		proposal.tally.add(&ballot);
		approve_candidates(
			candidates.iter_mut().map(|(_, a)| a),
			&ballot,
			VoteWeight::saturating_add,
		);
		Ballots::<T>::insert(index, &who, ballot);
		if election {
			Candidates::<T>::insert(index, candidates);
		}
		Proposals::<T>::insert(index, proposal);
		Self::deposit_event(Event::Voted { proposal: index, who, choice, weight });
		Ok(n)
	}
}

/// Ballots and sponsorships follow the person when a registrar replaces a
/// lost key or the developer's account changes: one owner, one ballot.
impl<T: Config> VoterAccountChanged<T::AccountId> for Pallet<T> {
	fn voter_account_changed(
		community: CommunityId,
		old: &T::AccountId,
		new: &T::AccountId,
	) -> DispatchResult {
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
