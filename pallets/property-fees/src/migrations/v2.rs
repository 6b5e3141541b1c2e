//! v1 → v2: the maintenance fund is kept per unit (分户账) from now on, and
//! the company's held-back pay sits in escrow from the payment on.
//!
//! A v1 chain kept the maintenance fund as one pot: which unit deposited
//! what is in its ledger (every deposit entry names its unit), but no
//! state says it. Rebuilding every unit's account would touch every unit;
//! instead the pot becomes `LegacyMaintenance` — everyone's money, spent
//! first by community-wide spends — and each unit's account opens with its
//! next deposit. One read and at most two writes per community: a
//! single-block migration whatever the number of units.
//!
//! Unit accounts of v1 (`UnitAccounts`) are read as they are and move to
//! `Billing`, counted by due month, at the unit's next payment; until every
//! unit has, the oldest fee schedule is kept (it may still be owed). Round
//! payers are counted from v2 on; a top-up goes once a kept round is paid
//! by every unit (so is every older one).
//!
//! A v1 escrow was settled in the call that filled it, so it is empty; if
//! it ever held money, that money is listed as held back in the current
//! month, for the next rating to settle. Units registered under v1 keep
//! being billed from their community's first schedule (v1 did not record
//! when they were registered); `roll_up_arrears` turns a v1 unit that never
//! pays into a counted one, so that it cannot hold the oldest schedule.
//!
//! The remuneration due is capped at what the operating fund holds (v1 let
//! the company spend below it; v2 reserves it). A rating period that spans
//! the upgrade holds back only the fees paid from v2 on: v1 took the share
//! at the period's close, v2 at payment, and the months paid under v1 were
//! never held. Units registered under v1 join the maintenance spend pools
//! at their first deposit, units registered from v2 on at registration.

use crate::{pallet::*, types::FundState};
use frame_support::{
	traits::{Get, UncheckedOnRuntimeUpgrade},
	weights::Weight,
};
use linli_primitives::fees::FundKind;
use sp_runtime::traits::Zero;

/// Keeps a v1 maintenance pot as `LegacyMaintenance`, and a v1 escrow
/// balance (none is expected) as held back this month.
pub struct InnerMigrateV1ToV2<T>(core::marker::PhantomData<T>);

impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV1ToV2<T> {
	fn on_runtime_upgrade() -> Weight {
		let (mut reads, mut writes) = (0u64, 0u64);
		let now = Pallet::<T>::current_month();
		for (community, fund, FundState { balance, .. }) in Funds::<T>::iter() {
			reads += 1;
			if balance.is_zero() {
				continue;
			}
			match fund {
				FundKind::Maintenance => LegacyMaintenance::<T>::insert(community, balance),
				FundKind::Escrow => Escrowed::<T>::insert(community, now, balance),
				_ => continue,
			}
			writes += 1;
		}
		// Under v1 the company could spend the operating fund below the
		// remuneration it had earned; v2 reserves the remuneration in the
		// fund, so what is due is capped at what the fund still holds.
		let due: alloc::vec::Vec<_> = RemunerationDue::<T>::iter().collect();
		for (community, due) in due {
			reads += 2;
			let operating = Funds::<T>::get(community, FundKind::Operating).unwrap_or_default().balance;
			if due > operating {
				RemunerationDue::<T>::insert(community, operating);
				Pallet::<T>::deposit_event(Event::RemunerationDueCapped { community, written_off: due - operating });
				writes += 2;
			}
		}
		T::DbWeight::get().reads_writes(reads.saturating_add(1), writes)
	}

	#[cfg(feature = "try-runtime")]
	fn post_upgrade(_: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
		Pallet::<T>::do_try_state()
	}
}

/// The versioned migration: runs only when the on-chain version is 1, then
/// sets it to 2.
pub type MigrateV1ToV2<T> = frame_support::migrations::VersionedMigration<
	1,
	2,
	InnerMigrateV1ToV2<T>,
	Pallet<T>,
	<T as frame_system::Config>::DbWeight,
>;

#[cfg(test)]
mod tests {
	use super::*;
	use crate::mock::*;
	use frame_support::traits::{OnRuntimeUpgrade, StorageVersion};
	use sp_core::H256;

	/// A v1 chain with a maintenance pot: after the upgrade the pot is the
	/// legacy money, spent first by a community-wide repair; units' accounts
	/// open with their next deposits; the invariants hold.
	#[test]
	fn a_v1_maintenance_pot_becomes_legacy_money_and_the_version_moves_to_2() {
		new_test_ext().execute_with(|| {
			assert_ok_all(|| Fees::open_maintenance_round(RuntimeOrigin::root(), C, 100 * YUAN));
			assert_ok_all(|| Fees::deposit_maintenance(RuntimeOrigin::signed(ALICE), C, unit(1)));
			assert_ok_all(|| Fees::deposit_maintenance(RuntimeOrigin::signed(BOB), C, unit(2)));
			let pot = Funds::<Test>::get(C, FundKind::Maintenance).unwrap().balance;
			// What v1 state had: no accounts, no pools.
			let _ = MaintenanceAccounts::<Test>::clear(u32::MAX, None);
			let _ = SpendPools::<Test>::clear(u32::MAX, None);
			// v1 let the company spend below the remuneration it earned.
			let operating = Funds::<Test>::get(C, FundKind::Operating).unwrap_or_default().balance;
			RemunerationDue::<Test>::insert(C, operating + 5);
			StorageVersion::new(1).put::<Pallet<Test>>();

			MigrateV1ToV2::<Test>::on_runtime_upgrade();

			assert_eq!(StorageVersion::get::<Pallet<Test>>(), 2);
			assert_eq!(LegacyMaintenance::<Test>::get(C), pot);
			assert_eq!(RemunerationDue::<Test>::get(C), operating);
			assert!(System::events().iter().any(|r| r.event ==
				RuntimeEvent::Fees(Event::RemunerationDueCapped { community: C, written_off: 5 })));
			Fees::do_try_state().expect("the migrated state is consistent");
			// Running it again changes nothing.
			MigrateV1ToV2::<Test>::on_runtime_upgrade();
			assert_eq!(LegacyMaintenance::<Test>::get(C), pot);
			// A community-wide repair uses the legacy money first.
			assert_ok_all(|| {
				Fees::spend_maintenance(RuntimeOrigin::root(), C, None, pot / 2, CAROL, H256::repeat_byte(1))
			});
			assert_eq!(LegacyMaintenance::<Test>::get(C), pot - pot / 2);
			assert!(MaintenanceAccounts::<Test>::iter().next().is_none());
		});
	}

	fn assert_ok_all(call: impl FnOnce() -> sp_runtime::DispatchResult) {
		call().expect("the call succeeds");
	}
}
