//! What the runtime API serves: proposals with their candidates and call,
//! turnout, and who cast each ballot through which channel.

use crate::{
	pallet::*, Ballot, BallotRecord, PaperBallot, ProposalIndex,
	ProposalView, Stage, Turnout,
};
use alloc::vec::Vec;
use frame_system::pallet_prelude::*;
use linli_primitives::community::{CommunityId, CommunityInspect, UnitId};

/// What the runtime API serves.
impl<T: Config> Pallet<T> {
	/// A proposal with its candidates and call.
	pub fn proposal_view(
		index: ProposalIndex,
	) -> Option<ProposalView<T::AccountId, BlockNumberFor<T>>> {
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
		let limit = limit.min(linli_primitives::assembly::MAX_PAGE);
		let end = NextProposal::<T>::get().min(from.saturating_add(10_000));
		(from..end)
			.filter_map(Self::proposal_view)
			.filter(|v| v.proposal.community == community)
			.take(limit as usize)
			.collect()
	}
}

/// The procedure's record, for the runtime API (version 2).
impl<T: Config> Pallet<T> {
	/// Who may vote and who took part so far, by channel.
	pub fn turnout(index: ProposalIndex) -> Option<Turnout> {
		let proposal = Proposals::<T>::get(index)?;
		let snapshotted = !matches!(proposal.stage, Stage::Sponsoring { .. } | Stage::Notice { .. })
			&& !matches!(proposal.stage, Stage::Closed { outcome, .. } if !outcome.was_voted());
		let eligible = if snapshotted {
			proposal.snapshot
		} else {
			T::Community::vote_totals(proposal.community, proposal.scope)
		};
		Some(Turnout {
			eligible,
			snapshotted,
			participation: proposal.tally.participation(),
			channels: Self::channels_of(index, &proposal),
		})
	}

	/// `owner`'s part in a vote (`None` if they have none).
	pub fn ballot_record(index: ProposalIndex, owner: T::AccountId) -> Option<BallotRecord<T::AccountId>> {
		let ballot = Ballots::<T>::get(index, &owner);
		let paper = PaperBallots::<T>::get(index, &owner);
		if ballot.is_none() && paper.is_none() {
			return None;
		}
		Some(Self::record_of(index, owner, ballot, paper))
	}

	fn record_of(
		index: ProposalIndex,
		owner: T::AccountId,
		ballot: Option<Ballot>,
		paper: Option<PaperBallot<T::AccountId>>,
	) -> BallotRecord<T::AccountId> {
		let source = ballot.map(|_| Self::source_of(index, &owner));
		BallotRecord { owner, ballot, source, paper }
	}

	/// Up to `limit` (at most `MAX_PAGE`) counted ballots after `start_after`.
	pub fn ballot_records(
		index: ProposalIndex,
		start_after: Option<T::AccountId>,
		limit: u32,
	) -> Vec<BallotRecord<T::AccountId>> {
		let limit = limit.min(linli_primitives::assembly::MAX_PAGE) as usize;
		let ballots = match start_after {
			Some(after) => {
				Ballots::<T>::iter_prefix_from(index, Ballots::<T>::hashed_key_for(index, after))
			}
			None => Ballots::<T>::iter_prefix(index),
		};
		ballots
			.take(limit)
			.map(|(owner, ballot)| {
				let paper = PaperBallots::<T>::get(index, &owner);
				Self::record_of(index, owner, Some(ballot), paper)
			})
			.collect()
	}

	/// Up to `limit` (at most `MAX_PAGE`) units that took part in vote
	/// `index`, after `start_after`, by unit id.
	pub fn voted_units(index: ProposalIndex, start_after: Option<UnitId>, limit: u32) -> Vec<UnitId> {
		let limit = limit.min(linli_primitives::assembly::MAX_PAGE) as usize;
		let units = match start_after {
			Some(after) => VotedUnits::<T>::iter_key_prefix_from(
				index,
				VotedUnits::<T>::hashed_key_for(index, after),
			),
			None => VotedUnits::<T>::iter_key_prefix(index),
		};
		units.take(limit).collect()
	}
}
