//! The nonce check of every signed transaction, which also ranks a
//! transaction by its turn in its sender's queue.
//!
//! [`CheckNonceInTurn`] checks and bumps the nonce exactly as
//! `frame_system::CheckNonce` does, is encoded the same (a compact nonce)
//! and carries the same identifier, so wallets and `@polkadot/api` sign
//! with it unchanged. What it adds is a priority: the fewer of its sender's
//! transactions come before it, the higher.
//!
//! Why: a property company or a payment service sends dozens of
//! transactions in a row from one account. When a node's pool is full it
//! evicts its lowest-priority transaction *with every transaction that
//! depends on it*; with equal priorities that was the oldest, the head of a
//! chain, so one eviction took a whole chain with it and left later ones
//! waiting for a predecessor that never came. Ranked by turn, the pool
//! evicts the end of the longest queue first and evicts no more than it
//! must; and a block takes every sender's next transaction before anyone's
//! second, so no single sender's queue delays the residents'.
//!
//! The rank outweighs the fee's own priority without a tip
//! (`ChargeTransactionPayment`: the transactions a block could hold ×
//! (tip + 1), below 2¹⁶ for any signed transaction) and stays below the
//! boost of an `Operational` transaction; a tip still buys precedence.
//!
//! A pool ranks a transaction when it validates it, against the state of
//! then: one validated while its sender had 20 transactions ahead keeps
//! that rank until the pool revalidates it, while a newer one of the same
//! sender may rank higher. The ordering holds for a queue sent in a row,
//! as a payment service sends it.

use alloc::vec;
use codec::{Decode, DecodeWithMemTracking, Encode};
use frame_support::{dispatch::DispatchInfo, pallet_prelude::TransactionSource};
use frame_system::{CheckNonce, Config, ExtensionsWeightInfo};
use scale_info::TypeInfo;
use sp_runtime::{
	traits::{
		AsSystemOriginSigner, DispatchInfoOf, Dispatchable, One, PostDispatchInfoOf, Saturating,
		TransactionExtension, UniqueSaturatedInto, ValidateResult, Zero,
	},
	transaction_validity::{
		InvalidTransaction, TransactionLongevity, TransactionPriority, TransactionValidityError,
		ValidTransaction,
	},
	DispatchResult, Weight,
};

/// Turns ranked apart: a transaction this many or more behind its sender's
/// next nonce ranks last. Far above any pool's limit, so that a full pool
/// never meets a tie of turns.
pub const RANKED_TURNS: u64 = 1 << 20;

/// The priority one turn is worth: above any fee's priority without a tip
/// (the transactions a block could hold: under 2¹⁶ for a signed transaction
/// of 100 bytes or more). The highest rank, 2³⁶, stays below an
/// `Operational` transaction's boost (about 4 × 10¹²).
pub const PRIORITY_PER_TURN: TransactionPriority = 1 << 16;

/// The priority of a transaction `turn` places behind its sender's next
/// nonce (0: it is the next).
pub fn priority_of_turn(turn: u64) -> TransactionPriority {
	RANKED_TURNS.saturating_sub(turn.min(RANKED_TURNS)).saturating_mul(PRIORITY_PER_TURN)
}

/// `frame_system::CheckNonce`, ranking each transaction by its turn (see the
/// module docs).
#[derive(Encode, Decode, DecodeWithMemTracking, Clone, Eq, PartialEq, TypeInfo)]
#[scale_info(skip_type_params(T))]
pub struct CheckNonceInTurn<T: Config>(#[codec(compact)] pub T::Nonce);

impl<T: Config> CheckNonceInTurn<T> {
	/// The extension for a transaction signed with `nonce`.
	pub fn from(nonce: T::Nonce) -> Self {
		Self(nonce)
	}
}

impl<T: Config> core::fmt::Debug for CheckNonceInTurn<T> {
	#[cfg(feature = "std")]
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		write!(f, "CheckNonceInTurn({})", self.0)
	}

	#[cfg(not(feature = "std"))]
	fn fmt(&self, _: &mut core::fmt::Formatter) -> core::fmt::Result {
		Ok(())
	}
}

/// What `validate` hands to `prepare`.
pub enum Val<T: Config> {
	/// A signed transaction: its sender's nonce is checked and bumped.
	CheckNonce(T::AccountId),
	/// Not signed: nothing to check; the weight is refunded.
	Refund(Weight),
}

impl<T: Config> core::fmt::Debug for Val<T> {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		match self {
			Val::CheckNonce(_) => write!(f, "CheckNonce"),
			Val::Refund(weight) => write!(f, "Refund({weight:?})"),
		}
	}
}

impl<T: Config> TransactionExtension<T::RuntimeCall> for CheckNonceInTurn<T>
where
	T::RuntimeCall: Dispatchable<Info = DispatchInfo>,
	<T::RuntimeCall as Dispatchable>::RuntimeOrigin: AsSystemOriginSigner<T::AccountId> + Clone,
{
	// The same as frame_system's, so that clients sign it as they sign that.
	const IDENTIFIER: &'static str = "CheckNonce";
	type Implicit = ();
	type Val = Val<T>;
	type Pre = Option<Weight>;

	fn weight(&self, _: &T::RuntimeCall) -> Weight {
		<T::ExtensionsWeightInfo as ExtensionsWeightInfo>::check_nonce()
	}

	fn validate(
		&self,
		origin: <T as Config>::RuntimeOrigin,
		call: &T::RuntimeCall,
		_info: &DispatchInfoOf<T::RuntimeCall>,
		_len: usize,
		_self_implicit: Self::Implicit,
		_inherited_implication: &impl Encode,
		_source: TransactionSource,
	) -> ValidateResult<Self::Val, T::RuntimeCall> {
		let Some(who) = origin.as_system_origin_signer() else {
			return Ok((Default::default(), Val::Refund(self.weight(call)), origin));
		};
		// frame_system's rules (CheckNonce::validate_nonce_for_account), with
		// the account read once for the turn as well.
		let account = frame_system::Account::<T>::get(who);
		if account.providers.is_zero() && account.sufficients.is_zero() {
			return Err(InvalidTransaction::Payment.into());
		}
		if self.0 < account.nonce {
			return Err(InvalidTransaction::Stale.into());
		}
		let requires = if account.nonce < self.0 {
			vec![(who.clone(), self.0.saturating_sub(One::one())).encode()]
		} else {
			vec![]
		};
		let turn: u64 = self.0.saturating_sub(account.nonce).unique_saturated_into();
		let validity = ValidTransaction {
			priority: priority_of_turn(turn),
			requires,
			provides: vec![(who.clone(), self.0).encode()],
			longevity: TransactionLongevity::MAX,
			propagate: true,
		};
		Ok((validity, Val::CheckNonce(who.clone()), origin))
	}

	fn prepare(
		self,
		val: Self::Val,
		_origin: &T::RuntimeOrigin,
		_call: &T::RuntimeCall,
		_info: &DispatchInfoOf<T::RuntimeCall>,
		_len: usize,
	) -> Result<Self::Pre, TransactionValidityError> {
		match val {
			Val::CheckNonce(who) =>
				CheckNonce::<T>::prepare_nonce_for_account(&who, self.0).map(|()| None),
			Val::Refund(weight) => Ok(Some(weight)),
		}
	}

	fn post_dispatch_details(
		pre: Self::Pre,
		_info: &DispatchInfo,
		_post_info: &PostDispatchInfoOf<T::RuntimeCall>,
		_len: usize,
		_result: &DispatchResult,
	) -> Result<Weight, TransactionValidityError> {
		Ok(pre.unwrap_or_default())
	}
}
