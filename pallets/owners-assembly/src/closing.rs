//! Closing a vote: the floor and the matter's [`Bar`], enacting a passed
//! call with the decision's origin, and seating an elected committee.

use crate::{pallet::*, weights::WeightInfo, Action, Outcome, ProposalIndex, Stage};
use alloc::vec::Vec;
use codec::DecodeLimit;
use frame_support::{ensure, pallet_prelude::*};
use frame_system::pallet_prelude::*;
use linli_primitives::{
	assembly::Bar,
	community::VoteWeight,
	governance::{CommitteeInstaller, Decision},
};
use sp_runtime::{traits::Dispatchable, DispatchError};

/// How deep a stored call may nest when decoded.
const MAX_CALL_DEPTH: u32 = 256;

/// What an election seats: a whole committee until its term's end, or the
/// vacant seats of the committee whose term ends then (a by-election).
enum ElectionKind<BlockNumber> {
	Committee(BlockNumber),
	BySeats(BlockNumber),
}

impl<T: Config> Pallet<T> {
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
			}
			Stage::Voting { until, .. } => {
				ensure!(now >= until, Error::<T>::TooEarly);
				match proposal.action {
					Action::Dispatch { call_weight, .. } => {
						let bar = Bar::of(proposal.matter);
						match bar.passes(
							&proposal.tally,
							&proposal.snapshot,
							proposal.non_voters_follow_majority,
						) {
							None => Outcome::NoQuorum,
							Some(false) => Outcome::Rejected,
							Some(true) => {
								let (outcome, used) = Self::enact(index, &proposal, call_weight);
								weight = weight.saturating_add(used);
								outcome
							}
						}
					}
					Action::ElectCommittee { seats, term_end } => {
						let candidates = Candidates::<T>::get(index);
						weight = T::WeightInfo::close_election(candidates.len() as u32);
						Self::count_election(
							index,
							&proposal,
							&candidates,
							seats,
							ElectionKind::Committee(term_end),
						)
					}
					Action::FillCommitteeSeats { seats, term_end } => {
						let candidates = Candidates::<T>::get(index);
						weight = T::WeightInfo::close_election(candidates.len() as u32);
						Self::count_election(
							index,
							&proposal,
							&candidates,
							seats,
							ElectionKind::BySeats(term_end),
						)
					}
				}
			}
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
	fn enact(
		index: ProposalIndex,
		proposal: &ProposalOf<T>,
		declared: Weight,
	) -> (Outcome, Weight) {
		let call = Calls::<T>::get(index).and_then(|bytes| {
			<T as Config>::RuntimeCall::decode_with_depth_limit(MAX_CALL_DEPTH, &mut &bytes[..])
				.ok()
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
		if !Bar::quorum_met(&participation, &proposal.snapshot) {
			return Outcome::NoQuorum;
		}
		// A candidate needs the ordinary majority of those who took part.
		let mut elected: Vec<(usize, &(T::AccountId, VoteWeight))> = candidates
			.iter()
			.enumerate()
			.filter(|(_, (_, approvals))| Bar::Majority.is_cleared_by(approvals, &participation))
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
			ElectionKind::Committee(term_end) => {
				T::Committee::install_committee(proposal.community, members.clone(), term_end)
			}
			ElectionKind::BySeats(term_end) => {
				T::Committee::fill_committee_seats(proposal.community, members.clone(), term_end)
			}
		};
		match seated {
			Ok(()) => {
				Self::deposit_event(Event::CommitteeElected { proposal: index, members });
				Outcome::Enacted
			}
			Err(e) => Outcome::EnactmentFailed(e),
		}
	}
}
