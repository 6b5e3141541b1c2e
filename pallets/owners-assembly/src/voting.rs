//! Ballots: one per owner (the developer once), cast online, by a proxy or
//! on paper, replaced by a second one (but a proxy's never replaces the
//! owner's own), counted into the proposal's [`Tally`](crate::Tally) and
//! its [`ChannelTally`] as it is cast, and following the person when its
//! account changes.

use crate::{pallet::*, Ballot, BallotSource, Channel, ChannelTally, Choice, ProposalIndex, Stage};
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

/// Whether `choice` fits a proposal: approvals of listed candidates in an
/// election (of `candidates`), aye or nay otherwise, abstaining in both.
pub(crate) fn choice_fits(choice: Choice, election: bool, candidates: u32) -> bool {
	match choice {
		Choice::Abstain => true,
		Choice::Aye | Choice::Nay => !election,
		Choice::Approve(set) => election && (candidates == 32 || set >> candidates == 0),
	}
}

impl<T: Config> Pallet<T> {
	/// The participation of `proposal` by channel (all online for a vote
	/// held before channels were recorded).
	pub fn channels_of(index: ProposalIndex, proposal: &ProposalOf<T>) -> ChannelTally {
		ChannelTallies::<T>::get(index)
			.unwrap_or(ChannelTally { online: proposal.tally.participation(), ..Default::default() })
	}

	/// Who cast `owner`'s counted ballot and how: a ballot without a
	/// recorded source was cast online by the owner, before sources were
	/// recorded. (Read only where the ballot exists.)
	pub(crate) fn source_of(index: ProposalIndex, owner: &T::AccountId) -> BallotSource<T::AccountId> {
		BallotSources::<T>::get(index, owner)
			.unwrap_or_else(|| BallotSource { cast_by: owner.clone(), channel: Channel::Online })
	}

	/// `owner` votes online.
	pub(crate) fn do_vote(owner: T::AccountId, index: ProposalIndex, choice: Choice) -> Result<u32, DispatchError> {
		let source = BallotSource { cast_by: owner.clone(), channel: Channel::Online };
		Self::cast(index, owner, choice, source)
	}

	/// Counts `owner`'s ballot, cast through `source`, replacing the
	/// owner's earlier one; a proxy's ballot never replaces the owner's
	/// own. The first ballot after the notice opens the vote. Returns how
	/// many candidates the ballot touched (its weight).
	pub(crate) fn cast(
		index: ProposalIndex,
		owner: T::AccountId,
		choice: Choice,
		source: BallotSource<T::AccountId>,
	) -> Result<u32, DispatchError> {
		let mut proposal = Proposals::<T>::get(index).ok_or(Error::<T>::UnknownProposal)?;
		Self::open_if_due(index, &mut proposal)?;
		let Stage::Voting { from, until } = proposal.stage else {
			return Err(Error::<T>::NotVoting.into());
		};
		ensure!(frame_system::Pallet::<T>::block_number() < until, Error::<T>::VotingEnded);
		let (community, scope) = (proposal.community, proposal.scope);
		let (weight, grown_at) = T::Community::vote_weight_and_growth(community, scope, &owner)
			.ok_or(Error::<T>::NotAnOwner)?;
		ensure!(grown_at < from, Error::<T>::WeightGrewDuringVote);

		let election = proposal.action.is_election();
		let mut candidates =
			if election { Candidates::<T>::get(index) } else { Default::default() };
		let n = candidates.len() as u32;
		ensure!(choice_fits(choice, election, n), Error::<T>::BadChoice);

		// A second ballot replaces the first: take it out, count the new one.
		let ballot = Ballot { choice, weight };
		let mut channels = Self::channels_of(index, &proposal);
		if let Some(old) = Ballots::<T>::get(index, &owner) {
			let old_channel = Self::source_of(index, &owner).channel;
			// The owner's own ballot always prevails over a proxy's.
			ensure!(
				source.channel.is_owners_own() || !old_channel.is_owners_own(),
				Error::<T>::OwnerVotedThemself
			);
			proposal.tally.remove(&old);
			channels.remove(old_channel, old.weight);
			approve_candidates(
				candidates.iter_mut().map(|(_, a)| a),
				&old,
				VoteWeight::saturating_sub,
			);
		}
		proposal.tally.add(&ballot);
		channels.add(source.channel, weight);
		approve_candidates(
			candidates.iter_mut().map(|(_, a)| a),
			&ballot,
			VoteWeight::saturating_add,
		);
		Ballots::<T>::insert(index, &owner, ballot);
		ChannelTallies::<T>::insert(index, channels);
		if election {
			Candidates::<T>::insert(index, candidates);
		}
		Proposals::<T>::insert(index, proposal);
		Self::deposit_event(Event::Voted {
			proposal: index,
			who: owner.clone(),
			choice,
			weight,
			cast_by: source.cast_by.clone(),
			channel: source.channel,
		});
		BallotSources::<T>::insert(index, &owner, source);
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
				!Ballots::<T>::contains_key(index, new)
					&& !Sponsors::<T>::contains_key(index, new)
					&& !PaperBallots::<T>::contains_key(index, new),
				Error::<T>::AccountAlreadyVoted
			);
		}
		// Both accounts proxies: their loads merge, within the limit.
		ensure!(Self::loads_fit_together(community, old, new), Error::<T>::ProxyLoadsTooLarge);
		let mut moved = 0u32;
		for index in open.iter() {
			let ballot = Ballots::<T>::take(index, old);
			let sponsorship = Sponsors::<T>::take(index, old);
			if let Some(ballot) = ballot {
				Ballots::<T>::insert(index, new, ballot);
			}
			if let Some(mut source) = BallotSources::<T>::take(index, old) {
				if source.cast_by == *old {
					source.cast_by = new.clone();
				}
				BallotSources::<T>::insert(index, new, source);
			}
			if let Some(paper) = PaperBallots::<T>::take(index, old) {
				PaperBallots::<T>::insert(index, new, paper);
			}
			if let Some(weight) = sponsorship {
				Sponsors::<T>::insert(index, new, weight);
			}
			moved += u32::from(ballot.is_some() || sponsorship.is_some());
		}
		Self::move_proxy_appointment(community, old, new);
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
		// Per open proposal: seven reads to check and move, eight writes;
		// the proxies: both loads and both appointments (eight reads, six
		// writes) and each appointment naming the account (one each).
		let n = u64::from(T::MaxOpenProposals::get());
		let proxied = u64::from(T::MaxOwnersPerProxy::get());
		T::DbWeight::get().reads_writes(9 + 7 * n + proxied, 6 + 8 * n + proxied)
	}
}
