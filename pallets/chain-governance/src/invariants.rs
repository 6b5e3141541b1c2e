//! The `try_state` invariants: every pending call is scheduled for its
//! block, is what its hash says, and the counters bound them.

use crate::pallet::*;
use frame_support::{ensure, traits::schedule::v3::Named as _, traits::Get};

impl<T: Config> Pallet<T> {
	/// Checks every pending call against the scheduler and the counters.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let delay = EnactmentDelay::<T>::get();
		ensure!(
			T::MinEnactmentDelay::get() <= delay && delay <= T::MaxEnactmentDelay::get(),
			"the enactment delay is outside its bounds"
		);
		let next = NextId::<T>::get();
		let now = frame_system::Pallet::<T>::block_number();
		let mut count = 0u32;
		for (id, pending) in Pending::<T>::iter() {
			count += 1;
			ensure!(id < next, "a pending call beyond NextId");
			ensure!(pending.approved_at < pending.enact_at, "a pending call enacts before it was approved");
			ensure!(
				pending.call_hash.0 == sp_io::hashing::blake2_256(&pending.call),
				"a pending call's hash differs from the call"
			);
			// A call due now is being dispatched; a later one is scheduled
			// for exactly its block.
			if pending.enact_at > now {
				ensure!(
					T::Scheduler::next_dispatch_time(Self::task_name(id)) == Ok(pending.enact_at),
					"a pending call is not scheduled for its enactment block"
				);
			}
		}
		ensure!(count == Pending::<T>::count(), "the pending counter differs");
		ensure!(count <= T::MaxPending::get(), "more pending calls than MaxPending");
		Ok(())
	}
}
