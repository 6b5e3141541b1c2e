//! Proposers' deposits: held while a proposal is open, so that what stays
//! in state is paid for; returned when it closes, whatever the outcome.

use crate::{pallet::*, ProposalIndex};
use frame_support::{pallet_prelude::*, traits::Get};
use sp_runtime::traits::{Saturating, Zero};

/// Proposers' deposits: held while a proposal is open, so that what stays in
/// state is paid for; returned when it closes, whatever the outcome.
impl<T: Config> Pallet<T> {
	/// The deposit for a proposal carrying `bytes` of call (or candidates).
	pub fn deposit_for(bytes: u32) -> BalanceOf<T> {
		T::ProposalDepositBase::get()
			.saturating_add(T::ProposalDepositPerByte::get().saturating_mul(bytes.into()))
	}

	pub(crate) fn hold_deposit(
		index: ProposalIndex,
		who: &T::AccountId,
		bytes: u32,
	) -> DispatchResult {
		use frame_support::traits::fungible::MutateHold;
		let amount = Self::deposit_for(bytes);
		if amount.is_zero() {
			return Ok(());
		}
		T::Currency::hold(&HoldReason::ProposalDeposit.into(), who, amount)
			.map_err(|_| Error::<T>::InsufficientDeposit)?;
		Deposits::<T>::insert(index, (who.clone(), amount));
		Self::deposit_event(Event::DepositHeld { proposal: index, who: who.clone(), amount });
		Ok(())
	}

	pub(crate) fn return_deposit(index: ProposalIndex) {
		use frame_support::traits::{fungible::MutateHold, tokens::Precision};
		let Some((who, amount)) = Deposits::<T>::take(index) else { return };
		// Held by this pallet alone: the whole amount is there to release.
		let released = T::Currency::release(
			&HoldReason::ProposalDeposit.into(),
			&who,
			amount,
			Precision::BestEffort,
		)
		.unwrap_or_default();
		Self::deposit_event(Event::DepositReturned { proposal: index, who, amount: released });
	}
}
