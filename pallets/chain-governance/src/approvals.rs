//! Who voted for a council motion: read from `pallet-collective`'s own
//! record of the motion, which stays until the approved call has been
//! dispatched.

use alloc::vec::Vec;
use frame_system::pallet_prelude::BlockNumberFor;
use linli_primitives::council::MotionApprovals;

/// [`MotionApprovals`] of the `pallet-collective` instance `I` of runtime
/// `R`.
pub struct CollectiveApprovals<R, I>(core::marker::PhantomData<(R, I)>);

impl<R: pallet_collective::Config<I>, I: 'static> MotionApprovals<R::AccountId, R::Hash>
	for CollectiveApprovals<R, I>
{
	fn ayes(motion: &R::Hash) -> Vec<R::AccountId> {
		// `Votes` keeps its fields private; its layout is (index, threshold,
		// ayes, nays, end).
		type Votes<A, B> = (u32, u32, Vec<A>, Vec<A>, B);
		let key = pallet_collective::Voting::<R, I>::hashed_key_for(motion);
		frame_support::storage::unhashed::get::<Votes<R::AccountId, BlockNumberFor<R>>>(&key)
			.map(|(_, _, ayes, _, _)| ayes)
			.unwrap_or_default()
	}

	fn seats() -> u32 {
		pallet_collective::Members::<R, I>::decode_len().unwrap_or(0) as u32
	}
}
