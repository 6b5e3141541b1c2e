//! v2 → v3: only owners sit on the owners' committee. Before v3 a member
//! who sold their last unit kept the seat; the migration vacates such seats
//! as a sale now does (`CommitteeSeatVacated`, and `CommitteeBelowLegalSize`
//! when the owners must fill seats). The layout is unchanged.

use crate::pallet::*;
use alloc::vec::Vec;
use frame_support::{
	traits::{Get, UncheckedOnRuntimeUpgrade},
	weights::Weight,
};

/// Reads every committee (one per community, at most `MaxCommitteeSize`
/// members each) and each member's membership: bounded by the number of
/// communities, which a chain keeps small.
pub struct InnerMigrateV2ToV3<T>(core::marker::PhantomData<T>);

impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV2ToV3<T> {
	fn on_runtime_upgrade() -> Weight {
		let (mut reads, mut writes) = (0u64, 0u64);
		let committees: Vec<_> = Committees::<T>::iter().collect();
		for (community, committee) in committees {
			reads += 1;
			for member in committee.members {
				reads += 1;
				if Memberships::<T>::get(community, &member).owned == 0 {
					Pallet::<T>::vacate_committee_seat(community, &member);
					reads += 1;
					writes += 1;
				}
			}
		}
		T::DbWeight::get().reads_writes(reads, writes)
	}

	#[cfg(feature = "try-runtime")]
	fn post_upgrade(_: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
		Pallet::<T>::do_try_state()
	}
}

/// The versioned migration: runs only when the on-chain version is 2, then
/// sets it to 3.
pub type MigrateV2ToV3<T> = frame_support::migrations::VersionedMigration<
	2,
	3,
	InnerMigrateV2ToV3<T>,
	Pallet<T>,
	<T as frame_system::Config>::DbWeight,
>;

#[cfg(test)]
mod tests {
	use super::*;
	use crate::mock::*;
	use frame_support::traits::{OnRuntimeUpgrade, StorageVersion};

	#[test]
	fn a_member_who_sold_before_v3_leaves_the_committee() {
		new_test_ext().execute_with(|| {
			use linli_primitives::community::{ResidentRole, UnitStatus};
			use sp_core::H256;
			let root = RuntimeOrigin::root;
			const REGISTRAR: AccountId = 10;
			let registrar = || RuntimeOrigin::signed(REGISTRAR);
			assert!(Pallet::<Test>::create_community(root(), b"Sunny Garden".to_vec(), REGISTRAR, None).is_ok());
			let unit = |n: u64| H256::from_low_u64_be(0xA000 + n);
			let units = (1..=3).map(|n| crate::NewUnit { id: unit(n), scope: 1, area: 100_00, status: UnitStatus::Delivered });
			assert!(Pallet::<Test>::register_units(registrar(), 0, units.collect()).is_ok());
			for n in 1..=3u64 {
				let id = H256::from_low_u64_be(n);
				assert!(Pallet::<Test>::verify_resident(registrar(), 0, unit(n), n, ResidentRole::Owner, id).is_ok());
			}
			assert!(Pallet::<Test>::set_committee(root(), 0, vec![1, 2, 3], 500).is_ok());
			assert!(Pallet::<Test>::transfer_ownership(registrar(), 0, unit(1), 9, H256::from_low_u64_be(9)).is_ok());
			// Before v3 a sale left the seller on the committee.
			Committees::<Test>::mutate(0, |c| c.as_mut().unwrap().members.try_insert(0, 1).unwrap());
			StorageVersion::new(2).put::<Pallet<Test>>();
			System::reset_events();

			MigrateV2ToV3::<Test>::on_runtime_upgrade();

			assert_eq!(Committees::<Test>::get(0).unwrap().members.into_inner(), vec![2, 3]);
			let events: Vec<_> = System::events().into_iter().map(|r| r.event).collect();
			assert!(events.contains(&RuntimeEvent::Community(Event::CommitteeSeatVacated { community: 0, who: 1 })));
			assert_eq!(StorageVersion::get::<Pallet<Test>>(), 3);
			// Running it again changes nothing.
			MigrateV2ToV3::<Test>::on_runtime_upgrade();
			assert_eq!(Committees::<Test>::get(0).unwrap().members.len(), 2);
		});
	}
}
