//! Publishing a passed result (公示) before it takes effect: the tallies,
//! the participation by channel and the outcome are announced; the
//! committee may record objections with their evidence until the
//! publication ends; then anyone enacts it.

use crate::{pallet::*, weights::WeightInfo, ProposalIndex, Stage};
use frame_support::{ensure, pallet_prelude::*};
use frame_system::pallet_prelude::*;
use linli_primitives::community::CommunityInspect;
use sp_core::H256;
use sp_runtime::DispatchError;

impl<T: Config> Pallet<T> {
	/// Publishes a passed proposal's result until `until`.
	pub(crate) fn publish(index: ProposalIndex, proposal: &mut ProposalOf<T>, until: BlockNumberFor<T>) {
		let counted = frame_system::Pallet::<T>::block_number();
		proposal.stage = Stage::Publishing { counted, until };
		Self::deposit_event(Event::ResultPublished {
			proposal: index,
			tally: proposal.tally,
			snapshot: proposal.snapshot,
			channels: Self::channels_of(index, proposal),
			until,
		});
	}

	pub(crate) fn do_object(who: T::AccountId, index: ProposalIndex, evidence: H256) -> DispatchResult {
		let proposal = Proposals::<T>::get(index).ok_or(Error::<T>::UnknownProposal)?;
		ensure!(
			T::Community::is_committee_member(proposal.community, &who),
			Error::<T>::NotCommitteeMember
		);
		let Stage::Publishing { until, .. } = proposal.stage else {
			return Err(Error::<T>::NotPublishing.into());
		};
		ensure!(frame_system::Pallet::<T>::block_number() < until, Error::<T>::PublicationOver);
		// One objection per member: a second replaces the first, so that no
		// member can take every place.
		Objections::<T>::try_mutate(index, |objections| {
			match objections.iter_mut().find(|(by, _)| *by == who) {
				Some(objection) => objection.1 = evidence,
				None => objections
					.try_push((who.clone(), evidence))
					.map_err(|_| Error::<T>::TooManyObjections)?,
			}
			Ok::<_, Error<T>>(())
		})?;
		Self::deposit_event(Event::ObjectionRecorded { proposal: index, by: who, evidence });
		Ok(())
	}

	/// Enacts a published result once its publication is over; returns the
	/// weight used.
	pub(crate) fn do_enact(index: ProposalIndex) -> Result<Weight, DispatchError> {
		let mut proposal = Proposals::<T>::get(index).ok_or(Error::<T>::UnknownProposal)?;
		let Stage::Publishing { until, .. } = proposal.stage else {
			return Err(Error::<T>::NotPublishing.into());
		};
		ensure!(frame_system::Pallet::<T>::block_number() >= until, Error::<T>::PublicationNotOver);
		let (outcome, used) = Self::take_effect(index, &proposal);
		Self::finish(index, &mut proposal, outcome);
		let counting = match proposal.action.is_election() {
			true => T::WeightInfo::close_election(Candidates::<T>::decode_len(index).unwrap_or(0) as u32),
			false => T::WeightInfo::close_dispatch(),
		};
		Proposals::<T>::insert(index, proposal);
		Ok(counting.saturating_add(used))
	}
}
