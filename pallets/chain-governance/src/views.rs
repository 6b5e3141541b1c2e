//! What the runtime API serves: the root calls waiting for their block.

use crate::{pallet::*, PendingRootCall};
use alloc::vec::Vec;
use frame_support::traits::Get;
use frame_system::pallet_prelude::BlockNumberFor;

impl<T: Config> Pallet<T> {
	/// Every pending root call (at most `MaxPending`), by number.
	pub fn pending_root_calls() -> Vec<PendingRootCall<T::AccountId, BlockNumberFor<T>>> {
		let mut calls: Vec<_> = Pending::<T>::iter()
			.take(T::MaxPending::get() as usize)
			.map(|(id, p)| PendingRootCall {
				id,
				call_hash: p.call_hash,
				call: p.call.into_inner(),
				approved_at: p.approved_at,
				enact_at: p.enact_at,
				ayes: p.ayes.into_inner(),
				seats: p.seats,
			})
			.collect();
		calls.sort_by_key(|c| c.id);
		calls
	}
}
