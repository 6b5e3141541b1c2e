//! The set as `pallet-session` sees it: the session manager that hands it
//! over, and who may set session keys.

use crate::pallet::*;
use alloc::vec::Vec;
use core::marker::PhantomData;
use sp_runtime::traits::Convert;

impl<T: Config> Pallet<T> {
	/// Whether `who` is in the set.
	pub fn is_validator(who: &T::AccountId) -> bool {
		Validators::<T>::get().contains(who)
	}

	/// The set's validators that hold session keys, in the set's order:
	/// those session can queue.
	fn with_keys(validators: &[T::AccountId]) -> Vec<T::AccountId> {
		validators
			.iter()
			.filter(|v| pallet_session::NextKeys::<T>::contains_key(*v))
			.cloned()
			.collect()
	}
}

/// Session asks at the end of each session for the validators of the
/// session after next. The set is handed over only when the validators that
/// can validate (those with keys) differ from what session has queued: after
/// an addition or a removal, or when a new validator set its first keys.
/// Otherwise GRANDPA's authority set stays as it is.
impl<T: Config> pallet_session::SessionManager<T::AccountId> for Pallet<T> {
	fn new_session(new_index: u32) -> Option<Vec<T::AccountId>> {
		let validators = Validators::<T>::get().into_inner();
		let ready = Self::with_keys(&validators);
		let queued: Vec<T::AccountId> =
			pallet_session::QueuedKeys::<T>::get().into_iter().map(|(v, _)| v).collect();
		// Never an empty set: the chain would stop.
		if ready == queued || ready.is_empty() {
			return None;
		}
		Self::deposit_event(Event::NewSetPlanned {
			session: new_index,
			validators: ready.len() as u32,
		});
		Some(ready)
	}

	fn new_session_genesis(_new_index: u32) -> Option<Vec<T::AccountId>> {
		Some(Validators::<T>::get().into_inner())
	}

	fn end_session(_end_index: u32) {}

	fn start_session(_start_index: u32) {}
}

/// Who may set session keys (`pallet_session::Config::ValidatorIdOf`): a
/// validator of the set, or an account that already holds keys (so that a
/// removed validator can still rotate or purge them). Anyone else gets
/// `session.NoAssociatedValidatorId`.
pub struct ValidatorOf<T>(PhantomData<T>);

impl<T: Config> Convert<T::AccountId, Option<T::AccountId>> for ValidatorOf<T> {
	fn convert(who: T::AccountId) -> Option<T::AccountId> {
		(Pallet::<T>::is_validator(&who) || pallet_session::NextKeys::<T>::contains_key(&who))
			.then_some(who)
	}
}
