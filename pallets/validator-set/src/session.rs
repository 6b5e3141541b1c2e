//! The set as `pallet-session` sees it: the session manager that hands it
//! over, and who may set session keys.

use crate::pallet::*;
use alloc::vec::Vec;
use core::marker::PhantomData;
use frame_support::{
	traits::{EstimateNextSessionRotation, Get},
	weights::Weight,
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{Convert, One, Saturating, Zero},
	Permill,
};

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
/// Otherwise GRANDPA's authority set stays as it is. Never fewer than the
/// minimum (nor none): until enough validators have keys, the validators
/// of now go on.
impl<T: Config> pallet_session::SessionManager<T::AccountId> for Pallet<T> {
	fn new_session(new_index: u32) -> Option<Vec<T::AccountId>> {
		let validators = Validators::<T>::get().into_inner();
		let ready = Self::with_keys(&validators);
		let queued: Vec<T::AccountId> =
			pallet_session::QueuedKeys::<T>::get().into_iter().map(|(v, _)| v).collect();
		if ready == queued || (ready.len() as u32) < MinValidators::<T>::get().max(1) {
			return None;
		}
		Self::deposit_event(Event::NewSetPlanned {
			session: new_index,
			validators: ready.len() as u32,
		});
		Some(ready)
	}

	fn new_session_genesis(_new_index: u32) -> Option<Vec<T::AccountId>> {
		// An unmanaged set (empty genesis) leaves session its genesis keys.
		let validators = Validators::<T>::get().into_inner();
		(!validators.is_empty()).then_some(validators)
	}

	fn end_session(_end_index: u32) {}

	fn start_session(_start_index: u32) {}
}

/// Who may set session keys (`pallet_session::Config::ValidatorIdOf`): a
/// validator of the set, or an account that already holds keys (so that a
/// removed validator can still rotate them, or purge them where the runtime
/// allows it; Linli's does not). Anyone else gets
/// `session.NoAssociatedValidatorId`.
pub struct ValidatorOf<T>(PhantomData<T>);

impl<T: Config> Convert<T::AccountId, Option<T::AccountId>> for ValidatorOf<T> {
	fn convert(who: T::AccountId) -> Option<T::AccountId> {
		(Pallet::<T>::is_validator(&who) || pallet_session::NextKeys::<T>::contains_key(&who))
			.then_some(who)
	}
}

/// Sessions of [`SessionLength`] blocks (none while it is zero: an
/// unmanaged chain).
impl<T: Config> pallet_session::ShouldEndSession<BlockNumberFor<T>> for Pallet<T> {
	fn should_end_session(now: BlockNumberFor<T>) -> bool {
		let length = SessionLength::<T>::get();
		!length.is_zero() && (now % length).is_zero()
	}
}

/// When the next session starts, for session's own estimates (as
/// `pallet_session::PeriodicSessions` with the stored length).
impl<T: Config> EstimateNextSessionRotation<BlockNumberFor<T>> for Pallet<T> {
	fn average_session_length() -> BlockNumberFor<T> {
		SessionLength::<T>::get()
	}

	fn estimate_current_session_progress(now: BlockNumberFor<T>) -> (Option<Permill>, Weight) {
		let length = SessionLength::<T>::get();
		let progress = (!length.is_zero())
			.then(|| Permill::from_rational(now % length + One::one(), length));
		(progress, T::DbWeight::get().reads(1))
	}

	fn estimate_next_session_rotation(now: BlockNumberFor<T>) -> (Option<BlockNumberFor<T>>, Weight) {
		let length = SessionLength::<T>::get();
		let next = (!length.is_zero()).then(|| {
			let into = now % length;
			// At a rotation block, the next is a whole session on.
			now.saturating_add(if into.is_zero() { length } else { length - into })
		});
		(next, T::DbWeight::get().reads(1))
	}
}
