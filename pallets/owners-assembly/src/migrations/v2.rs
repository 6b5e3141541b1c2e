//! v1 → v2: `OpenProposals` lists each community's proposals that are not
//! closed, so that the ballots of a replaced account can follow the person
//! (see `VoterChanges`) without walking every proposal ever made; and
//! closed proposals drop their call (only its hash stays: no free text in
//! state).

use crate::{pallet::*, ProposalIndex, Stage};
use frame_support::{
	pallet_prelude::*,
	traits::{Get, UncheckedOnRuntimeUpgrade},
	weights::Weight,
};

/// Fills `OpenProposals` from `Proposals` (one read per proposal ever made,
/// one write per community with open proposals: a single-block migration
/// on every community chain, whose proposals number in the hundreds).
/// A community with more open proposals than `MaxOpenProposals` keeps the
/// oldest: the rest stay open and can be closed as before, but ballots in
/// them do not follow a replaced account.
pub struct InnerMigrateV1ToV2<T>(core::marker::PhantomData<T>);

impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV1ToV2<T> {
	fn on_runtime_upgrade() -> Weight {
		let (mut reads, mut writes) = (0u64, 0u64);
		let mut open: alloc::collections::btree_map::BTreeMap<_, alloc::vec::Vec<ProposalIndex>> =
			Default::default();
		for (index, proposal) in Proposals::<T>::iter() {
			reads += 1;
			if !matches!(proposal.stage, Stage::Closed { .. }) {
				open.entry(proposal.community).or_default().push(index);
			} else if Calls::<T>::contains_key(index) {
				Calls::<T>::remove(index);
				writes += 1;
			}
		}
		for (community, mut list) in open {
			list.sort();
			list.truncate(T::MaxOpenProposals::get() as usize);
			let bounded: BoundedVec<_, T::MaxOpenProposals> = list.try_into().unwrap_or_default();
			OpenProposals::<T>::insert(community, bounded);
			writes += 1;
		}
		T::DbWeight::get().reads_writes(reads, writes)
	}

	#[cfg(feature = "try-runtime")]
	fn post_upgrade(_: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
		for (_, list) in OpenProposals::<T>::iter() {
			for index in list {
				let proposal = Proposals::<T>::get(index).ok_or("an open proposal that does not exist")?;
				ensure!(!matches!(proposal.stage, Stage::Closed { .. }), "a closed proposal listed as open");
			}
		}
		for (index, proposal) in Proposals::<T>::iter() {
			ensure!(
				!matches!(proposal.stage, Stage::Closed { .. }) || !Calls::<T>::contains_key(index),
				"a closed proposal keeps its call"
			);
		}
		Ok(())
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
	use linli_primitives::governance::Matter;

	#[test]
	fn v1_open_proposals_are_listed_and_the_version_moves_to_2() {
		new_test_ext().execute_with(|| {
			equal_estate(4);
			let remark = || Box::new(RuntimeCall::System(frame_system::Call::remark { remark: vec![] }));
			for _ in 0..3 {
				Assembly::propose(RuntimeOrigin::signed(1), C, Matter::Ordinary, remark(), Default::default(), None, 10)
					.unwrap();
			}
			System::set_block_number(20);
			Assembly::close(RuntimeOrigin::signed(1), 1).unwrap();
			// A v1 chain has no `OpenProposals`, and closed proposals kept
			// their calls.
			OpenProposals::<Test>::remove(C);
			Calls::<Test>::insert(1, BoundedVec::truncate_from(vec![0u8, 1]));
			StorageVersion::new(1).put::<Pallet<Test>>();

			MigrateV1ToV2::<Test>::on_runtime_upgrade();

			assert_eq!(OpenProposals::<Test>::get(C).into_inner(), vec![0, 2]);
			assert!(!Calls::<Test>::contains_key(1));
			assert!(Calls::<Test>::contains_key(0) && Calls::<Test>::contains_key(2));
			assert_eq!(StorageVersion::get::<Pallet<Test>>(), 2);
			// Running it again changes nothing.
			OpenProposals::<Test>::remove(C);
			MigrateV1ToV2::<Test>::on_runtime_upgrade();
			assert!(OpenProposals::<Test>::get(C).is_empty());
			// Leave the state consistent for the test's `try_state`.
			InnerMigrateV1ToV2::<Test>::on_runtime_upgrade();
		});
	}
}
