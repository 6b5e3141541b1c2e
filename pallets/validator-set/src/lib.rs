//! # Validator-set pallet: who validates, decided by the stakeholders' council
//!
//! A Linli chain is validated by its stakeholders' servers (街道办, 居委会,
//! 业委会, 物业, and on a district chain more). When a stakeholder leaves, or
//! loses its key, the set must change without a new genesis. This pallet
//! holds the set and hands it to `pallet-session` as its `SessionManager`;
//! session, in turn, hands each session's keys to Aura (who authors blocks)
//! and GRANDPA (who finalizes them), so both follow the set.
//!
//! Only `ManageOrigin` changes the set: in the runtime, root, which on a
//! chain without sudo is the stakeholders' council after its enactment
//! delay (`pallet-chain-governance`). The set never drops below
//! [`MinValidators`]: a removal that would is refused with
//! [`Error::BelowMinimum`]. With GRANDPA, `n` validators survive `f` faulty
//! ones while `3f < n`; the production minimum of four survives one.
//!
//! A change made during session `s` is planned at the end of `s` and takes
//! effect when session `s + 2` starts ([`Event::NewSetPlanned`]): session
//! keeps one session's notice so that every node knows the next keys in
//! time. Sessions last [`SessionLength`] blocks, fixed at genesis (this
//! pallet is session's `ShouldEndSession`): an hour on a production chain,
//! because session charges a whole block for each rotation.
//!
//! The minimum holds for who actually validates, not only for the list:
//! session is handed the set only when at least [`MinValidators`] of its
//! validators have keys (so replacing the validators waits for the
//! newcomers' keys), and the runtime does not let a validator purge its
//! keys.
//!
//! ## How a node operator joins
//! 1. On the validator's node: `author_rotateKeysWithOwner(<account>)`
//!    returns the new session keys and a proof that the account owns them.
//! 2. The council adds the account ([`add_validator`](Pallet::add_validator)).
//! 3. The account submits `session.set_keys(keys, proof)`. Only a validator
//!    of this pallet (or an account that already has keys, to rotate them)
//!    may; anyone else gets `session.NoAssociatedValidatorId`. (Linli's
//!    runtime filters `session.purge_keys` out: no validator leaves the
//!    validating set but through the council.)
//!    A validator without keys is skipped by session until it sets them.
//!
//! ## Where the code lives
//! - `lib.rs`: config, storage, events, errors and the calls;
//! - `session.rs`: the set as session's [`SessionManager`] (it hands the
//!   set over when the validators with keys differ from what session has
//!   queued: a change, or a new validator's first keys), and
//!   [`ValidatorOf`], which decides who may set session keys;
//! - `invariants.rs`: `try_state`.
//!
//! ## Calls
//! | call | origin | event |
//! |---|---|---|
//! | [`add_validator`](Pallet::add_validator) | `ManageOrigin` (the council's delayed root) | [`ValidatorAdded`](Event::ValidatorAdded) |
//! | [`remove_validator`](Pallet::remove_validator) | `ManageOrigin` | [`ValidatorRemoved`](Event::ValidatorRemoved) |
//! | [`set_minimum_validators`](Pallet::set_minimum_validators) | `ManageOrigin` | [`MinimumValidatorsSet`](Event::MinimumValidatorsSet) |
//!
//! [`SessionManager`]: pallet_session::SessionManager
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod invariants;
#[cfg(test)]
mod mock;
mod session;
#[cfg(test)]
mod tests;
pub mod weights;

pub use session::ValidatorOf;
pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;
	use sp_runtime::traits::Zero;

	/// The in-code storage version.
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	/// The validators, in the order they were added.
	pub type ValidatorsOf<T> =
		BoundedVec<<T as frame_system::Config>::AccountId, <T as Config>::MaxValidators>;

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config:
		frame_system::Config<RuntimeEvent: From<Event<Self>>>
		+ pallet_session::Config<ValidatorId = <Self as frame_system::Config>::AccountId>
	{
		/// Adds and removes validators and sets the minimum: the council's
		/// delayed root, in the runtime.
		type ManageOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// The most validators the set may hold (no more than Aura's and
		/// GRANDPA's `MaxAuthorities`).
		#[pallet::constant]
		type MaxValidators: Get<u32>;
		/// Weights of the calls.
		type WeightInfo: WeightInfo;
	}

	/// The validators: the set session takes at its next planning.
	#[pallet::storage]
	pub type Validators<T: Config> = StorageValue<_, ValidatorsOf<T>, ValueQuery>;

	/// The fewest validators the set may hold; a removal below it fails,
	/// and session is not handed a set with fewer validators with keys.
	#[pallet::storage]
	pub type MinValidators<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// Blocks per session, fixed at genesis: the set can change at a
	/// session's end. Session charges a whole block for a rotation (no
	/// ordinary transaction fits in that block), so a production chain
	/// rotates hourly; a development chain every few blocks.
	#[pallet::storage]
	pub type SessionLength<T: Config> = StorageValue<_, BlockNumberFor<T>, ValueQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The validators at genesis (each needs session keys in session's
		/// genesis to author from the first block).
		pub validators: Vec<T::AccountId>,
		/// The fewest validators the set may hold.
		pub min_validators: u32,
		/// Blocks per session.
		pub session_length: BlockNumberFor<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			// No validators: the set is not managed (session keeps its
			// genesis keys); a chain of this runtime's presets always has some.
			if self.validators.is_empty() {
				assert_eq!(self.min_validators, 0, "a minimum without validators");
				return;
			}
			assert!(!self.session_length.is_zero(), "a session is at least one block");
			let mut unique = self.validators.clone();
			unique.sort();
			unique.dedup();
			assert_eq!(unique.len(), self.validators.len(), "a genesis validator is listed twice");
			assert!(self.min_validators >= 1, "the minimum is at least one validator");
			assert!(
				self.validators.len() as u32 >= self.min_validators,
				"fewer genesis validators than the minimum"
			);
			let validators: ValidatorsOf<T> = self
				.validators
				.clone()
				.try_into()
				.expect("more genesis validators than MaxValidators");
			Validators::<T>::put(validators);
			MinValidators::<T>::put(self.min_validators);
			SessionLength::<T>::put(self.session_length);
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A validator joins the set; it authors once session takes the set
		/// and it has set its session keys.
		ValidatorAdded {
			/// The validator's account.
			validator: T::AccountId,
			/// How many validators the set now holds.
			validators: u32,
		},
		/// A validator leaves the set at the next planned session.
		ValidatorRemoved {
			/// The validator's account.
			validator: T::AccountId,
			/// How many validators the set now holds.
			validators: u32,
		},
		/// The fewest validators the set may hold changed.
		MinimumValidatorsSet {
			/// The new minimum.
			minimum: u32,
		},
		/// Session took the changed set: its validators with session keys
		/// validate from the start of `session`.
		NewSetPlanned {
			/// The session the set validates from.
			session: u32,
			/// How many validators (with keys) it holds.
			validators: u32,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The account already validates.
		AlreadyValidator,
		/// The account does not validate.
		NotValidator,
		/// The set is full (`MaxValidators`).
		TooManyValidators,
		/// The removal would leave fewer validators than the minimum.
		BelowMinimum,
		/// The minimum must be at least one validator.
		MinimumTooLow,
		/// The minimum may not exceed the validators there are.
		MinimumAboveValidators,
		/// The chain has no sessions (its genesis did not set up the set:
		/// it was launched before validators were managed), so no set.
		NoSessions,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Adds `validator` to the set. Session takes the set at its next
		/// planning; the validator authors once it has set its session keys
		/// (`session.set_keys`).
		///
		/// Origin: `ManageOrigin`. Fails with `AlreadyValidator`,
		/// `TooManyValidators`, or `NoSessions` on a chain whose genesis did
		/// not set the set up.
		#[pallet::call_index(0)]
		#[pallet::weight(<T as Config>::WeightInfo::add_validator(T::MaxValidators::get()))]
		pub fn add_validator(
			origin: OriginFor<T>,
			validator: T::AccountId,
		) -> DispatchResultWithPostInfo {
			T::ManageOrigin::ensure_origin(origin)?;
			ensure!(!SessionLength::<T>::get().is_zero(), Error::<T>::NoSessions);
			let mut validators = Validators::<T>::get();
			ensure!(!validators.contains(&validator), Error::<T>::AlreadyValidator);
			validators.try_push(validator.clone()).map_err(|_| Error::<T>::TooManyValidators)?;
			let count = validators.len() as u32;
			Validators::<T>::put(validators);
			Self::deposit_event(Event::ValidatorAdded { validator, validators: count });
			Ok(Some(<T as Config>::WeightInfo::add_validator(count)).into())
		}

		/// Removes `validator` from the set, from the next planned session.
		/// Its session keys stay in session (a runtime that does not filter
		/// `session.purge_keys` lets it purge them).
		///
		/// Origin: `ManageOrigin`. Fails with `NotValidator`, or
		/// `BelowMinimum` if fewer than [`MinValidators`] would remain.
		#[pallet::call_index(1)]
		#[pallet::weight(<T as Config>::WeightInfo::remove_validator(T::MaxValidators::get()))]
		pub fn remove_validator(
			origin: OriginFor<T>,
			validator: T::AccountId,
		) -> DispatchResultWithPostInfo {
			T::ManageOrigin::ensure_origin(origin)?;
			let mut validators = Validators::<T>::get();
			let at =
				validators.iter().position(|v| v == &validator).ok_or(Error::<T>::NotValidator)?;
			// Never below the minimum, and never empty.
			ensure!(
				validators.len() as u32 > MinValidators::<T>::get().max(1),
				Error::<T>::BelowMinimum
			);
			validators.remove(at);
			let count = validators.len() as u32;
			Validators::<T>::put(validators);
			Self::deposit_event(Event::ValidatorRemoved { validator, validators: count });
			Ok(Some(<T as Config>::WeightInfo::remove_validator(count + 1)).into())
		}

		/// Sets the fewest validators the set may hold.
		///
		/// Origin: `ManageOrigin`. Fails with `MinimumTooLow` for zero and
		/// `MinimumAboveValidators` above the validators there are.
		#[pallet::call_index(2)]
		#[pallet::weight(<T as Config>::WeightInfo::set_minimum_validators())]
		pub fn set_minimum_validators(origin: OriginFor<T>, minimum: u32) -> DispatchResult {
			T::ManageOrigin::ensure_origin(origin)?;
			ensure!(minimum >= 1, Error::<T>::MinimumTooLow);
			ensure!(
				minimum <= Validators::<T>::decode_len().unwrap_or(0) as u32,
				Error::<T>::MinimumAboveValidators
			);
			MinValidators::<T>::put(minimum);
			Self::deposit_event(Event::MinimumValidatorsSet { minimum });
			Ok(())
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}
}
