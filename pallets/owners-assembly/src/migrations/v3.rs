//! v2 → v3: the assembly's procedure. A chain that existed before it has no
//! notice floor and no publication period in its state (they are set in a
//! new chain's genesis): this sets them, so that an upgraded production
//! chain gives owners the same 15 days' notice as a new one. Everything
//! else the procedure adds (proxies, paper ballots, channels, objections)
//! starts empty; a ballot cast before it has no channel recorded and counts
//! as cast online.

use crate::pallet::*;
#[cfg(feature = "try-runtime")]
use frame_support::ensure;
use frame_support::{
	traits::{Get, UncheckedOnRuntimeUpgrade},
	weights::Weight,
};
use frame_system::pallet_prelude::BlockNumberFor;

/// Sets `NoticePeriodFloor` to `NoticeFloor` and `DefaultPublicationPeriod`
/// to `Publication` (two writes: a single-block migration).
pub struct InnerMigrateV2ToV3<T, NoticeFloor, Publication>(
	core::marker::PhantomData<(T, NoticeFloor, Publication)>,
);

impl<T, NoticeFloor, Publication> UncheckedOnRuntimeUpgrade
	for InnerMigrateV2ToV3<T, NoticeFloor, Publication>
where
	T: Config,
	NoticeFloor: Get<BlockNumberFor<T>>,
	Publication: Get<BlockNumberFor<T>>,
{
	fn on_runtime_upgrade() -> Weight {
		NoticePeriodFloor::<T>::put(NoticeFloor::get());
		DefaultPublicationPeriod::<T>::put(Publication::get());
		T::DbWeight::get().reads_writes(1, 2)
	}

	#[cfg(feature = "try-runtime")]
	fn post_upgrade(_: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
		ensure!(NoticePeriodFloor::<T>::get() == NoticeFloor::get(), "the notice floor was not set");
		ensure!(
			DefaultPublicationPeriod::<T>::get() == Publication::get(),
			"the publication period was not set"
		);
		Ok(())
	}
}

/// The versioned migration: runs only when the on-chain version is 2, then
/// sets it to 3.
pub type MigrateV2ToV3<T, NoticeFloor, Publication> = frame_support::migrations::VersionedMigration<
	2,
	3,
	InnerMigrateV2ToV3<T, NoticeFloor, Publication>,
	Pallet<T>,
	<T as frame_system::Config>::DbWeight,
>;

#[cfg(test)]
mod tests {
	use super::*;
	use crate::mock::*;
	use frame_support::traits::{ConstU64, OnRuntimeUpgrade, StorageVersion};

	#[test]
	fn v2_gets_the_notice_floor_and_publication_period_and_the_version_moves_to_3() {
		new_test_ext().execute_with(|| {
			StorageVersion::new(2).put::<Pallet<Test>>();
			NoticePeriodFloor::<Test>::kill();
			DefaultPublicationPeriod::<Test>::kill();

			MigrateV2ToV3::<Test, ConstU64<15>, ConstU64<7>>::on_runtime_upgrade();

			assert_eq!(NoticePeriodFloor::<Test>::get(), 15);
			assert_eq!(DefaultPublicationPeriod::<Test>::get(), 7);
			assert_eq!(Pallet::<Test>::procedure(C).notice_period, 15);
			assert_eq!(StorageVersion::get::<Pallet<Test>>(), 3);
			// Running it again changes nothing.
			MigrateV2ToV3::<Test, ConstU64<30>, ConstU64<9>>::on_runtime_upgrade();
			assert_eq!(NoticePeriodFloor::<Test>::get(), 15);
			assert_eq!(DefaultPublicationPeriod::<Test>::get(), 7);
		});
	}
}
