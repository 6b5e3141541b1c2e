//! v1 → v2: every voter tally gains `grown_at` (the block its area last
//! grew). Existing tallies get block 0: they were all in place before any
//! owners' vote could open.

use crate::{pallet::*, types::VoterTally};
use codec::{Decode, Encode, MaxEncodedLen};
use frame_support::{
	pallet_prelude::*,
	traits::{Get, UncheckedOnRuntimeUpgrade},
	weights::Weight,
};
use frame_system::pallet_prelude::BlockNumberFor;
use linli_primitives::community::Area;
use sp_runtime::traits::Zero;

/// The v1 tally.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, MaxEncodedLen, scale_info::TypeInfo, Debug)]
pub struct VoterTallyV1 {
	/// Units it votes for.
	pub units: u32,
	/// Their summed area.
	pub area: Area,
}

impl VoterTallyV1 {
	fn upgrade<B: Zero>(self) -> VoterTally<B> {
		VoterTally { units: self.units, area: self.area, grown_at: Zero::zero() }
	}
}

/// Translates `Voters` and `ScopeVoters` (one read and one write per
/// voter: run it as a single-block migration only on chains whose voters fit
/// a block, which every community chain does — a 5,000-unit community has at
/// most 10,000 entries).
pub struct InnerMigrateV1ToV2<T>(core::marker::PhantomData<T>);

impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV1ToV2<T> {
	fn on_runtime_upgrade() -> Weight {
		let mut entries = 0u64;
		Voters::<T>::translate::<VoterTallyV1, _>(|_, _, old| {
			entries += 1;
			Some(old.upgrade::<BlockNumberFor<T>>())
		});
		ScopeVoters::<T>::translate_values::<VoterTallyV1, _>(|old| {
			entries += 1;
			Some(old.upgrade::<BlockNumberFor<T>>())
		});
		T::DbWeight::get().reads_writes(entries, entries)
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
	use crate::{mock::*, types::VoterKey};
	use frame_support::traits::{OnRuntimeUpgrade, StorageVersion};

	#[test]
	fn v1_tallies_gain_grown_at_zero_and_the_version_moves_to_2() {
		new_test_ext().execute_with(|| {
			StorageVersion::new(1).put::<Pallet<Test>>();
			let old = VoterTallyV1 { units: 2, area: 180_00 };
			let voter = VoterKey::Owner(7u64);
			let put = |key: Vec<u8>| frame_support::storage::unhashed::put(&key, &old);
			put(Voters::<Test>::hashed_key_for(0, &voter));
			put(ScopeVoters::<Test>::hashed_key_for((0, 3, &voter)));

			MigrateV1ToV2::<Test>::on_runtime_upgrade();

			let expect = VoterTally { units: 2, area: 180_00, grown_at: 0 };
			assert_eq!(Voters::<Test>::get(0, &voter), Some(expect));
			assert_eq!(ScopeVoters::<Test>::get((0, 3, &voter)), Some(expect));
			assert_eq!(StorageVersion::get::<Pallet<Test>>(), 2);
			// Running it again changes nothing.
			Voters::<Test>::remove(0, &voter);
			ScopeVoters::<Test>::remove((0, 3, &voter));
			MigrateV1ToV2::<Test>::on_runtime_upgrade();
			assert_eq!(Voters::<Test>::get(0, &voter), None);
		});
	}
}
