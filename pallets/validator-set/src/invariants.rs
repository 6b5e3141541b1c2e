//! The `try_state` invariants: the set is unique and never below its
//! minimum, which is at least one once the set is managed.

use crate::pallet::*;
use frame_support::ensure;
use sp_runtime::traits::Zero;

impl<T: Config> Pallet<T> {
	/// Checks the set against its minimum and for duplicates.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let validators = Validators::<T>::get();
		let minimum = MinValidators::<T>::get();
		ensure!(validators.is_empty() || minimum >= 1, "the minimum is below one validator");
		ensure!(
			validators.is_empty() || !SessionLength::<T>::get().is_zero(),
			"a managed set without sessions"
		);
		ensure!(validators.len() as u32 >= minimum, "fewer validators than the minimum");
		for (i, v) in validators.iter().enumerate() {
			ensure!(!validators[i + 1..].contains(v), "a validator is in the set twice");
		}
		Ok(())
	}
}
