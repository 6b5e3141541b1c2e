//! # Chain-governance pallet: the stakeholders' council acts as root, after a delay
//!
//! A Linli chain launched without a sudo key still needs root: to upgrade
//! its runtime, to add a community to a district chain, to change who
//! validates. Root belongs to the stakeholders' council (联席会议: 街道办,
//! 居委会, 业委会, 物业), a `pallet-collective` instance whose members only
//! the council itself changes (`pallet-membership`).
//!
//! What the council approves does not act at once. A motion of at least
//! `ApproveOrigin` (three quarters of the members, in the runtime) calls
//! [`enact_as_root`](Pallet::enact_as_root) with the call; this pallet keeps
//! the call, who approved it and when it will act, and asks the scheduler
//! to dispatch it as root after [`EnactmentDelay`] blocks (two days on a
//! production chain). Until then everyone can read it (runtime API
//! `ChainGovernanceApi::pending_root_calls`, RPC
//! `chainGovernance_pendingRootCalls`), and a majority of the council may
//! [`cancel`](Pallet::cancel) it. Not even root dispatches it before its
//! block, and the council may not enact the scheduler's calls or this
//! pallet's enacting ones (`CallFilter`), which could move a call ahead.
//!
//! A runtime upgrade goes the same way without the wasm ever sitting in a
//! motion: the council enacts `system.authorize_upgrade(code_hash)`, then
//! anyone submits `system.apply_authorized_upgrade(code)`.
//!
//! ## Where the code lives
//! - `lib.rs`: config, storage, events, errors and the calls;
//! - [`types`]: the stored [`PendingCall`](types::PendingCall);
//! - `approvals.rs`: who voted for a council motion
//!   ([`CollectiveApprovals`]);
//! - `views.rs`: what the runtime API serves; `invariants.rs`: `try_state`.
//!
//! ## Calls
//! | call | origin | event |
//! |---|---|---|
//! | [`enact_as_root`](Pallet::enact_as_root) | `ApproveOrigin` (≥ 3/4 of the council) | `RootCallScheduled` |
//! | [`cancel`](Pallet::cancel) | `CancelOrigin` (> 1/2 of the council) | `RootCallCancelled` |
//! | [`enact`](Pallet::enact) | root: the scheduler, at the enactment block | `RootCallEnacted` |
//! | [`set_enactment_delay`](Pallet::set_enactment_delay) | root (so: the council, after the delay) | `EnactmentDelaySet` |
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

mod approvals;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod invariants;
pub mod migrations;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod types;
mod views;
pub mod weights;

pub use approvals::CollectiveApprovals;
pub use linli_primitives::council::PendingRootCall;
pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::boxed::Box;
	use codec::{DecodeLimit, Encode};
	use frame_support::{
		dispatch::{GetDispatchInfo, PostDispatchInfo},
		pallet_prelude::*,
		traits::{
			schedule::{v3::Named as ScheduleNamed, DispatchTime, HARD_DEADLINE},
			Contains, QueryPreimage, StorePreimage,
		},
	};
	use frame_system::pallet_prelude::*;
	use linli_primitives::council::MotionApprovals;
	use sp_core::H256;
	use sp_runtime::traits::{Dispatchable, Hash, Saturating};

	/// The in-code storage version.
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	/// How deep a stored call may nest when decoded.
	const MAX_CALL_DEPTH: u32 = 256;

	/// A pending call of this runtime.
	pub type PendingCallOf<T> = types::PendingCall<
		<T as frame_system::Config>::AccountId,
		BlockNumberFor<T>,
		<T as Config>::MaxCallSize,
		<T as Config>::MaxCouncil,
	>;

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The calls the council may enact.
		type RuntimeCall: Parameter
			+ Dispatchable<RuntimeOrigin = Self::RuntimeOrigin, PostInfo = PostDispatchInfo>
			+ GetDispatchInfo
			+ From<Call<Self>>
			+ From<frame_system::Call<Self>>;
		/// The origins the scheduler dispatches with (root, here).
		type PalletsOrigin: From<frame_system::RawOrigin<Self::AccountId>>;
		/// Dispatches an approved call at its enactment block.
		type Scheduler: ScheduleNamed<
			BlockNumberFor<Self>,
			<Self as Config>::RuntimeCall,
			Self::PalletsOrigin,
			Hasher = Self::Hashing,
		>;
		/// Bounds the scheduled call (a small `enact`, always inline).
		type Preimages: QueryPreimage<H = Self::Hashing> + StorePreimage;
		/// The calls the council may enact as root: never the scheduler's
		/// nor this pallet's `enact`/`enact_as_root` (they could move an
		/// approved call ahead of its delay).
		type CallFilter: Contains<<Self as Config>::RuntimeCall>;
		/// Approves a root call: a supermajority of the council.
		type ApproveOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// Cancels a pending root call: a majority of the council.
		type CancelOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// Who voted for the council's motion, and its seats.
		type Approvals: MotionApprovals<Self::AccountId, Self::Hash>;
		/// The shortest enactment delay any chain may set.
		#[pallet::constant]
		type MinEnactmentDelay: Get<BlockNumberFor<Self>>;
		/// The longest enactment delay (a longer one would freeze the
		/// council's root).
		#[pallet::constant]
		type MaxEnactmentDelay: Get<BlockNumberFor<Self>>;
		/// The largest encoded call the council may enact, in bytes (a wasm
		/// never: it is authorized by its hash).
		#[pallet::constant]
		type MaxCallSize: Get<u32>;
		/// The heaviest call the council may enact.
		#[pallet::constant]
		type MaxCallWeight: Get<Weight>;
		/// How many approved calls may wait at once.
		#[pallet::constant]
		type MaxPending: Get<u32>;
		/// The council's largest size (bounds the approvals kept).
		#[pallet::constant]
		type MaxCouncil: Get<u32>;
		/// Measured weights.
		type WeightInfo: WeightInfo;
	}

	/// How many blocks an approved call waits before it acts as root.
	#[pallet::storage]
	pub type EnactmentDelay<T: Config> = StorageValue<_, BlockNumberFor<T>, ValueQuery>;

	/// The number the next approved call gets.
	#[pallet::storage]
	pub type NextId<T> = StorageValue<_, u32, ValueQuery>;

	/// Approved calls waiting for their enactment block, by number.
	#[pallet::storage]
	pub type Pending<T: Config> = CountedStorageMap<_, Twox64Concat, u32, PendingCallOf<T>>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The chain's enactment delay, in blocks (at least
		/// `MinEnactmentDelay`).
		pub enactment_delay: BlockNumberFor<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			let delay = self.enactment_delay.clamp(T::MinEnactmentDelay::get(), T::MaxEnactmentDelay::get());
			EnactmentDelay::<T>::put(delay);
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// The council approved a root call; it acts at `enact_at` unless
		/// cancelled.
		RootCallScheduled {
			/// Its number.
			id: u32,
			/// Blake2-256 of the encoded call.
			call_hash: H256,
			/// The block it acts in.
			enact_at: BlockNumberFor<T>,
			/// The members who voted for it.
			ayes: alloc::vec::Vec<T::AccountId>,
			/// The council's seats.
			seats: u32,
		},
		/// A pending root call was cancelled by the council.
		RootCallCancelled {
			/// Its number.
			id: u32,
			/// Blake2-256 of the encoded call.
			call_hash: H256,
		},
		/// A pending root call was dispatched as root.
		RootCallEnacted {
			/// Its number.
			id: u32,
			/// Blake2-256 of the encoded call.
			call_hash: H256,
			/// What the call returned.
			result: DispatchResult,
		},
		/// The enactment delay changed.
		EnactmentDelaySet {
			/// The delay now, in blocks.
			delay: BlockNumberFor<T>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No approved call with that number is waiting (never approved,
		/// already enacted, or cancelled).
		NotPending,
		/// The encoded call is larger than `MaxCallSize`.
		CallTooLarge,
		/// The call may weigh more than `MaxCallWeight`.
		CallTooHeavy,
		/// `MaxPending` calls are waiting already.
		TooManyPending,
		/// The delay is shorter than `MinEnactmentDelay`.
		DelayTooShort,
		/// The delay is longer than `MaxEnactmentDelay`.
		DelayTooLong,
		/// The council may not enact this call (the scheduler's, or this
		/// pallet's `enact`/`enact_as_root`).
		CallNotAllowed,
		/// The call's enactment block has not come yet.
		TooEarly,
		/// The stored call no longer decodes (a runtime upgrade changed it).
		UndecodableCall,
		/// A counter would overflow.
		Overflow,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(!T::MinEnactmentDelay::get().is_zero(), "a root call must wait at least one block");
			assert!(T::MinEnactmentDelay::get() <= T::MaxEnactmentDelay::get(), "the delay bounds are ordered");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Dispatch `call` as root after the enactment delay. The council's
		/// motion carries this call; who voted for it, the call and its
		/// enactment block are kept and shown until it acts.
		///
		/// Origin: `ApproveOrigin` (≥ 3/4 of the council). Emits
		/// `RootCallScheduled`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::enact_as_root(T::MaxCallSize::get()))]
		pub fn enact_as_root(origin: OriginFor<T>, call: Box<<T as Config>::RuntimeCall>) -> DispatchResult {
			T::ApproveOrigin::ensure_origin(origin)?;
			ensure!(T::CallFilter::contains(&call), Error::<T>::CallNotAllowed);
			let seats = T::Approvals::seats();
			let encoded = call.encode();
			let bytes: BoundedVec<u8, T::MaxCallSize> =
				encoded.try_into().map_err(|_| Error::<T>::CallTooLarge)?;
			ensure!(call.get_dispatch_info().call_weight.all_lte(T::MaxCallWeight::get()), Error::<T>::CallTooHeavy);
			ensure!(Pending::<T>::count() < T::MaxPending::get(), Error::<T>::TooManyPending);
			// The council's motion is this very call: its votes are still on
			// record while it is dispatched.
			let motion = T::Hashing::hash_of(&<T as Config>::RuntimeCall::from(Call::<T>::enact_as_root {
				call: call.clone(),
			}));
			let mut ayes = T::Approvals::ayes(&motion);
			ayes.truncate(T::MaxCouncil::get() as usize);
			let ayes: BoundedVec<T::AccountId, T::MaxCouncil> = ayes.try_into().map_err(|_| Error::<T>::Overflow)?;

			let id = NextId::<T>::get();
			NextId::<T>::put(id.checked_add(1).ok_or(Error::<T>::Overflow)?);
			let now = frame_system::Pallet::<T>::block_number();
			let enact_at = now.saturating_add(EnactmentDelay::<T>::get());
			let enact = T::Preimages::bound(<T as Config>::RuntimeCall::from(Call::<T>::enact { id }))?;
			T::Scheduler::schedule_named(
				Self::task_name(id),
				DispatchTime::At(enact_at),
				None,
				HARD_DEADLINE,
				frame_system::RawOrigin::Root.into(),
				enact,
			)?;
			let call_hash = H256(sp_io::hashing::blake2_256(&bytes));
			Pending::<T>::insert(
				id,
				PendingCallOf::<T> { call: bytes, call_hash, approved_at: now, enact_at, ayes: ayes.clone(), seats },
			);
			Self::deposit_event(Event::RootCallScheduled { id, call_hash, enact_at, ayes: ayes.into_inner(), seats });
			Ok(())
		}

		/// Cancel pending root call `id` before it acts.
		///
		/// Origin: `CancelOrigin` (> 1/2 of the council). Emits
		/// `RootCallCancelled`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::cancel())]
		pub fn cancel(origin: OriginFor<T>, id: u32) -> DispatchResult {
			T::CancelOrigin::ensure_origin(origin)?;
			let pending = Pending::<T>::take(id).ok_or(Error::<T>::NotPending)?;
			// A task the scheduler no longer holds (it found it overweight
			// for good, or a later runtime changed the call) is gone
			// already: the pending call is still cancelled.
			match T::Scheduler::cancel_named(Self::task_name(id)) {
				Ok(()) | Err(DispatchError::Unavailable) => {},
				Err(e) => return Err(e),
			}
			Self::deposit_event(Event::RootCallCancelled { id, call_hash: pending.call_hash });
			Ok(())
		}

		/// Dispatch pending root call `id` as root (the scheduler calls this
		/// at its enactment block). The call's own failure is recorded in
		/// the event; the call is gone from the pending list either way.
		///
		/// Origin: root. Emits `RootCallEnacted`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::enact(T::MaxCallSize::get()).saturating_add(T::MaxCallWeight::get()))]
		pub fn enact(origin: OriginFor<T>, id: u32) -> DispatchResultWithPostInfo {
			ensure_root(origin)?;
			let pending = Pending::<T>::get(id).ok_or(Error::<T>::NotPending)?;
			// Not even root moves a call ahead of the delay everyone saw.
			ensure!(frame_system::Pallet::<T>::block_number() >= pending.enact_at, Error::<T>::TooEarly);
			Pending::<T>::remove(id);
			let base = T::WeightInfo::enact(pending.call.len() as u32);
			let call =
				<T as Config>::RuntimeCall::decode_with_depth_limit(MAX_CALL_DEPTH, &mut &pending.call[..]);
			let (result, used) = match call {
				Ok(call) => {
					let declared = call.get_dispatch_info().call_weight;
					let outcome = call.dispatch(frame_system::RawOrigin::Root.into());
					let used = match &outcome {
						Ok(info) => info.actual_weight,
						Err(e) => e.post_info.actual_weight,
					}
					.unwrap_or(declared);
					(outcome.map(|_| ()).map_err(|e| e.error), used)
				},
				Err(_) => (Err(Error::<T>::UndecodableCall.into()), Weight::zero()),
			};
			Self::deposit_event(Event::RootCallEnacted { id, call_hash: pending.call_hash, result });
			Ok(Some(base.saturating_add(used)).into())
		}

		/// Set the enactment delay to `delay` blocks.
		///
		/// Origin: root (on a chain without sudo: the council, after the
		/// delay in force). Emits `EnactmentDelaySet`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::set_enactment_delay())]
		pub fn set_enactment_delay(origin: OriginFor<T>, delay: BlockNumberFor<T>) -> DispatchResult {
			ensure_root(origin)?;
			ensure!(delay >= T::MinEnactmentDelay::get(), Error::<T>::DelayTooShort);
			ensure!(delay <= T::MaxEnactmentDelay::get(), Error::<T>::DelayTooLong);
			EnactmentDelay::<T>::put(delay);
			Self::deposit_event(Event::EnactmentDelaySet { delay });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// The scheduler's name for pending call `id`.
		pub fn task_name(id: u32) -> [u8; 32] {
			(b"linli/chain-governance", id).using_encoded(sp_io::hashing::blake2_256)
		}
	}
}
