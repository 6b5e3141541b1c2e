//! Benchmarks of every call, at its worst case. `scripts/benchmark.sh
//! pallet_community` turns them into `weights.rs`.

use super::*;
use crate::Pallet as Community;
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::traits::{EnsureOrigin, EnsureOriginWithArg, Get};
use frame_system::RawOrigin;
use linli_primitives::{
	community::{CommunityId, ResidentRole, UnitId, UnitStatus},
	governance::{Role, RoleOf},
};
use sp_core::H256;

/// A distinct 32-byte value per `(tag, i)` (no_std: no `from_low_u64_be`).
fn h256(tag: u32, i: u32) -> H256 {
	let mut bytes = [0u8; 32];
	bytes[..4].copy_from_slice(&tag.to_be_bytes());
	bytes[28..].copy_from_slice(&i.to_be_bytes());
	H256(bytes)
}

fn unit_id(i: u32) -> UnitId {
	h256(0x5500, i)
}

fn commitment(i: u32) -> H256 {
	h256(0x1D00, i)
}

/// A community whose registrar is `registrar`, with `units` delivered units
/// (area 100.00 m²) in scope 1.
fn community_with<T: Config>(registrar: &T::AccountId, units: u32) -> CommunityId {
	let c = Community::<T>::do_create_community(
		b"Benchmark Garden".to_vec(),
		registrar.clone(),
		Some(account("developer", 0, 0)),
	)
	.unwrap();
	let per_call = T::MaxUnitsPerCall::get();
	let mut i = 0;
	while i < units {
		let batch: Vec<NewUnit> = (i..units.min(i + per_call))
			.map(|n| NewUnit { id: unit_id(n), scope: 1, area: 100_00, status: UnitStatus::Delivered })
			.collect();
		i += batch.len() as u32;
		Community::<T>::do_register_units(c, batch).unwrap();
	}
	c
}

fn add_resident<T: Config>(c: CommunityId, unit: u32, who: &T::AccountId, role: ResidentRole) {
	Community::<T>::do_verify_resident(c, unit_id(unit), who.clone(), role, commitment(unit)).unwrap();
}

/// A community whose unit 0 is full: its voting owner (returned) and
/// co-owners up to `MaxResidentsPerUnit`, so the vote has somewhere to pass.
fn unit_full_of_owners<T: Config>() -> (T::AccountId, CommunityId, T::AccountId) {
	let registrar: T::AccountId = account("registrar", 0, 0);
	let c = community_with::<T>(&registrar, 1);
	let owner: T::AccountId = account("owner", 0, 0);
	add_resident::<T>(c, 0, &owner, ResidentRole::Owner);
	for i in 0..T::MaxResidentsPerUnit::get().saturating_sub(1) {
		add_resident::<T>(c, 0, &account("co-owner", i, 0), ResidentRole::CoOwner);
	}
	(registrar, c, owner)
}

fn admin<T: Config>(community: CommunityId, role: Role) -> T::RuntimeOrigin {
	T::AdminOrigin::try_successful_origin(&RoleOf { community, role }).expect("AdminOrigin has a successful origin")
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn create_community() -> Result<(), BenchmarkError> {
		let origin = T::CreateOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let name = alloc::vec![b'n'; T::MaxNameLength::get() as usize];
		let registrar: T::AccountId = account("registrar", 0, 0);
		// The chain may already have communities (the dev chain's demo).
		let id = NextCommunityId::<T>::get();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, name, registrar, Some(account("developer", 0, 0)));
		assert!(Communities::<T>::contains_key(id));
		Ok(())
	}

	#[benchmark]
	fn set_registrars(n: Linear<1, { T::MaxRegistrars::get() }>) {
		let c = community_with::<T>(&account("registrar", 0, 0), 0);
		let registrars: Vec<T::AccountId> = (0..n).map(|i| account("registrar", i + 1, 0)).collect();
		#[extrinsic_call]
		_(admin::<T>(c, Role::Registrars) as T::RuntimeOrigin, c, registrars);
		assert_eq!(Registrars::<T>::get(c).len() as u32, n);
	}

	#[benchmark]
	fn set_committee(n: Linear<1, { T::MaxCommitteeSize::get() }>) {
		let registrar: T::AccountId = account("registrar", 0, 0);
		let size = T::MaxCommitteeSize::get();
		let c = community_with::<T>(&registrar, size);
		// An odd size, the worst cases being the largest.
		let n = if n % 2 == 0 { n - 1 } else { n }.max(3);
		let members: Vec<T::AccountId> = (0..n).map(|i| account("owner", i, 0)).collect();
		for (i, m) in members.iter().enumerate() {
			add_resident::<T>(c, i as u32, m, ResidentRole::Owner);
		}
		let term_end = frame_system::Pallet::<T>::block_number() + T::MaxCommitteeTerm::get();
		#[extrinsic_call]
		_(admin::<T>(c, Role::Committee) as T::RuntimeOrigin, c, members, term_end);
		assert_eq!(Committees::<T>::get(c).unwrap().members.len() as u32, n);
	}

	#[benchmark]
	fn set_property_managers(n: Linear<0, { T::MaxPropertyManagers::get() }>) {
		let c = community_with::<T>(&account("registrar", 0, 0), 0);
		let managers: Vec<T::AccountId> = (0..n).map(|i| account("manager", i, 0)).collect();
		#[extrinsic_call]
		_(admin::<T>(c, Role::PropertyCompany) as T::RuntimeOrigin, c, managers);
		assert_eq!(PropertyManagers::<T>::get(c).len() as u32, n);
	}

	#[benchmark]
	fn set_developer() {
		let c = community_with::<T>(&account("registrar", 0, 0), 0);
		let developer: T::AccountId = account("developer", 1, 0);
		#[extrinsic_call]
		_(admin::<T>(c, Role::Developer) as T::RuntimeOrigin, c, Some(developer.clone()));
		assert_eq!(Communities::<T>::get(c).unwrap().developer, Some(developer));
	}

	#[benchmark]
	fn register_units(n: Linear<1, { T::MaxUnitsPerCall::get() }>) {
		let registrar: T::AccountId = account("registrar", 0, 0);
		let c = community_with::<T>(&registrar, 0);
		// Developer-held units: each one also updates the vote tallies.
		let units: Vec<NewUnit> = (0..n)
			.map(|i| NewUnit { id: unit_id(i), scope: i % 8, area: 90_00, status: UnitStatus::DeveloperHeld })
			.collect();
		#[extrinsic_call]
		_(RawOrigin::Signed(registrar), c, units);
		assert_eq!(Communities::<T>::get(c).unwrap().unit_count, n);
	}

	#[benchmark]
	fn update_unit() {
		let registrar: T::AccountId = account("registrar", 0, 0);
		let c = community_with::<T>(&registrar, 1);
		add_resident::<T>(c, 0, &account("owner", 0, 0), ResidentRole::Owner);
		#[extrinsic_call]
		_(RawOrigin::Signed(registrar), c, unit_id(0), 2, 123_45);
		assert_eq!(Units::<T>::get(c, unit_id(0)).unwrap().area, 123_45);
	}

	#[benchmark]
	fn verify_resident() {
		let registrar: T::AccountId = account("registrar", 0, 0);
		let c = community_with::<T>(&registrar, 1);
		let max = T::MaxResidentsPerUnit::get();
		for i in 0..max.saturating_sub(1) {
			add_resident::<T>(c, 0, &account("family", i, 0), ResidentRole::FamilyMember);
		}
		// The unit's first owner: it also becomes the voter.
		let owner: T::AccountId = account("owner", 0, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(registrar), c, unit_id(0), owner.clone(), ResidentRole::Owner, commitment(0));
		assert_eq!(Units::<T>::get(c, unit_id(0)).unwrap().voter, Some(owner));
	}

	#[benchmark]
	fn remove_resident() {
		let (registrar, c, owner) = unit_full_of_owners::<T>();
		// Removing the voter: the vote passes to the next owner.
		#[extrinsic_call]
		_(RawOrigin::Signed(registrar), c, unit_id(0), owner.clone(), RemovalReason::Revoked);
		assert!(Units::<T>::get(c, unit_id(0)).unwrap().voter != Some(owner));
	}

	#[benchmark]
	fn leave() {
		let (_registrar, c, owner) = unit_full_of_owners::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(owner.clone()), c, unit_id(0));
		assert!(!Memberships::<T>::contains_key(c, &owner));
	}

	#[benchmark]
	fn transfer_ownership(r: Linear<1, { T::MaxResidentsPerUnit::get() }>) {
		let registrar: T::AccountId = account("registrar", 0, 0);
		let c = community_with::<T>(&registrar, 1);
		// `r` owner-side residents leave with the sale.
		add_resident::<T>(c, 0, &account("owner", 0, 0), ResidentRole::Owner);
		for i in 1..r {
			add_resident::<T>(c, 0, &account("co-owner", i, 0), ResidentRole::CoOwner);
		}
		let buyer: T::AccountId = account("buyer", 0, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(registrar), c, unit_id(0), buyer.clone(), commitment(1));
		assert_eq!(Units::<T>::get(c, unit_id(0)).unwrap().voter, Some(buyer));
	}

	/// A registrar announces the replacement of an owner's account.
	#[benchmark]
	fn rotate_account() {
		let registrar: T::AccountId = account("registrar", 0, 0);
		let c = community_with::<T>(&registrar, 1);
		let old: T::AccountId = account("owner", 0, 0);
		add_resident::<T>(c, 0, &old, ResidentRole::Owner);
		let new: T::AccountId = account("owner", 1, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(registrar), c, old.clone(), new.clone());
		assert!(PendingRotations::<T>::contains_key(c, &old));
	}

	/// Completing it after the delay moves `u` units (accepting it moves
	/// the same).
	#[benchmark]
	fn complete_rotation(u: Linear<1, { T::MaxUnitsPerAccount::get() }>) {
		let registrar: T::AccountId = account("registrar", 0, 0);
		let c = community_with::<T>(&registrar, u);
		let old: T::AccountId = account("owner", 0, 0);
		for i in 0..u {
			add_resident::<T>(c, i, &old, ResidentRole::Owner);
		}
		let new: T::AccountId = account("owner", 1, 0);
		Community::<T>::do_announce_rotation(c, registrar.clone(), old.clone(), new.clone()).expect("announced");
		frame_system::Pallet::<T>::set_block_number(
			frame_system::Pallet::<T>::block_number() + T::RotationDelay::get(),
		);
		#[extrinsic_call]
		_(RawOrigin::Signed(registrar), c, old.clone());
		assert_eq!(Memberships::<T>::get(c, &new).units, u);
	}

	#[benchmark]
	fn set_voter() {
		let registrar: T::AccountId = account("registrar", 0, 0);
		let c = community_with::<T>(&registrar, 1);
		let owner: T::AccountId = account("owner", 0, 0);
		let co_owner: T::AccountId = account("co-owner", 0, 0);
		add_resident::<T>(c, 0, &owner, ResidentRole::Owner);
		add_resident::<T>(c, 0, &co_owner, ResidentRole::CoOwner);
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), c, unit_id(0), co_owner.clone());
		assert_eq!(Units::<T>::get(c, unit_id(0)).unwrap().voter, Some(co_owner));
	}

	impl_benchmark_test_suite!(Community, crate::mock::new_test_ext(), crate::mock::Test);
}
