//! What the runtime API serves: proposals with their candidates and call.

use crate::{pallet::*, ProposalIndex, ProposalView};
use alloc::vec::Vec;
use frame_system::pallet_prelude::*;
use linli_primitives::community::CommunityId;

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
