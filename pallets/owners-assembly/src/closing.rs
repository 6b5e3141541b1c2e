//! Closing a vote: the floor and the matter's [`Bar`]; a passed result is
//! published (`publication.rs`) and then takes effect: a call dispatched
//! with the decision's origin, or an elected committee seated.

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
use sp_runtime::{
	traits::{Dispatchable, Saturating, Zero},
	DispatchError,
};

/// How deep a stored call may nest when decoded.
const MAX_CALL_DEPTH: u32 = 256;

/// What an election seats: a whole committee until its term's end, or the
/// vacant seats of the committee whose term ends then (a by-election).
enum ElectionKind<BlockNumber> {
	Committee(BlockNumber),
	BySeats(BlockNumber),
}

impl<T: Config> Pallet<T> {
	/// Counts a proposal whose time is over: one that failed is closed; one
	/// that passed is published, or enacted at once where the community
	/// publishes for 0 blocks. Returns the weight used.
	pub(crate) fn do_close(index: ProposalIndex) -> Result<Weight, DispatchError> {
		let mut proposal = Proposals::<T>::get(index).ok_or(Error::<T>::UnknownProposal)?;
		let now = frame_system::Pallet::<T>::block_number();
		// An announced vote whose dates passed with no ballot opens (with
		// its snapshot) to be counted.
		if matches!(proposal.stage, Stage::Notice { .. }) {
			Self::open_if_due(index, &mut proposal).map_err(|_| Error::<T>::TooEarly)?;
		}
		let weight = match proposal.stage {
			Stage::Closed { .. } => return Err(Error::<T>::AlreadyClosed.into()),
			Stage::Publishing { .. } => return Err(Error::<T>::AlreadyClosed.into()),
			Stage::Notice { .. } => return Err(Error::<T>::TooEarly.into()),
			Stage::Sponsoring { until } => {
				ensure!(now >= until, Error::<T>::TooEarly);
				Self::finish(index, &mut proposal, Outcome::NotSponsored);
				T::WeightInfo::close_dispatch()
			}
			Stage::Voting { until, .. } => {
				ensure!(now >= until, Error::<T>::TooEarly);
				let (counted, weight) = Self::count(index, &proposal);
				let publication = Self::procedure(proposal.community).publication_period;
				match counted {
					Err(outcome) => {
						Self::finish(index, &mut proposal, outcome);
						weight
					}
					Ok(()) if publication.is_zero() => {
						let (outcome, used) = Self::take_effect(index, &proposal);
						Self::finish(index, &mut proposal, outcome);
						weight.saturating_add(used)
					}
					Ok(()) => {
						Self::publish(index, &mut proposal, now.saturating_add(publication));
						weight
					}
				}
			}
		};
		Proposals::<T>::insert(index, proposal);
		Ok(weight)
	}

	/// Whether a closed vote passed (`Err` with the outcome if not), and the
	/// weight of counting it.
	fn count(index: ProposalIndex, proposal: &ProposalOf<T>) -> (Result<(), Outcome>, Weight) {
		match proposal.action {
			Action::Dispatch { .. } => {
				let passed = Bar::of(proposal.matter).passes(
					&proposal.tally,
					&proposal.snapshot,
					proposal.non_voters_follow_majority,
				);
				let result = match passed {
					None => Err(Outcome::NoQuorum),
					Some(false) => Err(Outcome::Rejected),
					Some(true) => Ok(()),
				};
				(result, T::WeightInfo::close_dispatch())
			}
			Action::ElectCommittee { seats, .. } | Action::FillCommitteeSeats { seats, .. } => {
				let candidates = Candidates::<T>::get(index);
				let result = Self::winners(proposal, &candidates, seats).map(|_| ());
				(result, T::WeightInfo::close_election(candidates.len() as u32))
			}
		}
	}

	/// Makes a passed proposal take effect: dispatches its call or seats
	/// the elected; returns the outcome and the weight the call used.
	pub(crate) fn take_effect(index: ProposalIndex, proposal: &ProposalOf<T>) -> (Outcome, Weight) {
		match proposal.action {
			Action::Dispatch { call_weight, .. } => Self::dispatch(index, proposal, call_weight),
			Action::ElectCommittee { seats, term_end } => {
				(Self::seat(index, proposal, seats, ElectionKind::Committee(term_end)), Weight::zero())
			}
			Action::FillCommitteeSeats { seats, term_end } => {
				(Self::seat(index, proposal, seats, ElectionKind::BySeats(term_end)), Weight::zero())
			}
		}
	}

	/// Ends a proposal for good with `outcome`: drops its call, returns the
	/// deposit, takes it off the open list. The caller stores `proposal`.
	pub(crate) fn finish(index: ProposalIndex, proposal: &mut ProposalOf<T>, outcome: Outcome) {
		let now = frame_system::Pallet::<T>::block_number();
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
	}

	/// Dispatches a passed proposal's call with the decision's origin.
	fn dispatch(
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

	/// The candidates a majority approved, by the tie rule, `seats` of
	/// them; `Err` with the outcome if the vote failed.
	fn winners(
		proposal: &ProposalOf<T>,
		candidates: &[(T::AccountId, VoteWeight)],
		seats: u32,
	) -> Result<Vec<T::AccountId>, Outcome> {
		let participation = proposal.tally.participation();
		if !Bar::quorum_met(&participation, &proposal.snapshot) {
			return Err(Outcome::NoQuorum);
		}
		// A candidate needs the ordinary majority of those who took part.
		let mut elected: Vec<(usize, &(T::AccountId, VoteWeight))> = candidates
			.iter()
			.enumerate()
			.filter(|(_, (_, approvals))| Bar::Majority.is_cleared_by(approvals, &participation))
			.collect();
		if (elected.len() as u32) < seats {
			return Err(Outcome::Rejected);
		}
		// Tie rule: more approving owners, then more approving area, then
		// the earlier nomination.
		elected.sort_by(|(i, (_, a)), (j, (_, b))| {
			b.headcount.cmp(&a.headcount).then(b.area.cmp(&a.area)).then(i.cmp(j))
		});
		Ok(elected.into_iter().take(seats as usize).map(|(_, (who, _))| who.clone()).collect())
	}

	/// Seats the winners of a passed election (its approvals no longer
	/// change once voting ended, so they are the winners it was counted
	/// with).
	fn seat(
		index: ProposalIndex,
		proposal: &ProposalOf<T>,
		seats: u32,
		kind: ElectionKind<BlockNumberFor<T>>,
	) -> Outcome {
		let candidates = Candidates::<T>::get(index);
		let members = match Self::winners(proposal, &candidates, seats) {
			Ok(members) => members,
			Err(outcome) => return outcome,
		};
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
