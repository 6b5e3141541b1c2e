//! Weights for `pallet_community`.
//!
//! PROVISIONAL: written by hand before the first `scripts/benchmark.sh
//! pallet_community` run; that run replaces this whole file.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// The weight of each call of `pallet_community`.
pub trait WeightInfo {
	fn create_community() -> Weight;
	fn set_registrars(n: u32) -> Weight;
	fn set_committee(n: u32) -> Weight;
	fn set_property_managers(n: u32) -> Weight;
	fn set_developer() -> Weight;
	fn register_units(n: u32) -> Weight;
	fn update_unit() -> Weight;
	fn verify_resident() -> Weight;
	fn remove_resident() -> Weight;
	fn leave() -> Weight;
	fn transfer_ownership(r: u32) -> Weight;
	fn rotate_account(u: u32) -> Weight;
	fn set_voter() -> Weight;
}

/// Weights with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn create_community() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads(10_u64)).saturating_add(T::DbWeight::get().writes(10_u64))
	}
	fn set_registrars(n: u32) -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(Weight::from_parts(20_000_000, 3_000).saturating_mul(n.into())).saturating_add(T::DbWeight::get().reads(10_u64)).saturating_add(T::DbWeight::get().writes(10_u64)).saturating_add(T::DbWeight::get().reads_writes(4_u64, 4_u64).saturating_mul(n.into()))
	}
	fn set_committee(n: u32) -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(Weight::from_parts(20_000_000, 3_000).saturating_mul(n.into())).saturating_add(T::DbWeight::get().reads(10_u64)).saturating_add(T::DbWeight::get().writes(10_u64)).saturating_add(T::DbWeight::get().reads_writes(4_u64, 4_u64).saturating_mul(n.into()))
	}
	fn set_property_managers(n: u32) -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(Weight::from_parts(20_000_000, 3_000).saturating_mul(n.into())).saturating_add(T::DbWeight::get().reads(10_u64)).saturating_add(T::DbWeight::get().writes(10_u64)).saturating_add(T::DbWeight::get().reads_writes(4_u64, 4_u64).saturating_mul(n.into()))
	}
	fn set_developer() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads(10_u64)).saturating_add(T::DbWeight::get().writes(10_u64))
	}
	fn register_units(n: u32) -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(Weight::from_parts(20_000_000, 3_000).saturating_mul(n.into())).saturating_add(T::DbWeight::get().reads(10_u64)).saturating_add(T::DbWeight::get().writes(10_u64)).saturating_add(T::DbWeight::get().reads_writes(4_u64, 4_u64).saturating_mul(n.into()))
	}
	fn update_unit() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads(10_u64)).saturating_add(T::DbWeight::get().writes(10_u64))
	}
	fn verify_resident() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads(10_u64)).saturating_add(T::DbWeight::get().writes(10_u64))
	}
	fn remove_resident() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads(10_u64)).saturating_add(T::DbWeight::get().writes(10_u64))
	}
	fn leave() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads(10_u64)).saturating_add(T::DbWeight::get().writes(10_u64))
	}
	fn transfer_ownership(r: u32) -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(Weight::from_parts(20_000_000, 3_000).saturating_mul(r.into())).saturating_add(T::DbWeight::get().reads(10_u64)).saturating_add(T::DbWeight::get().writes(10_u64)).saturating_add(T::DbWeight::get().reads_writes(4_u64, 4_u64).saturating_mul(r.into()))
	}
	fn rotate_account(u: u32) -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(Weight::from_parts(20_000_000, 3_000).saturating_mul(u.into())).saturating_add(T::DbWeight::get().reads(10_u64)).saturating_add(T::DbWeight::get().writes(10_u64)).saturating_add(T::DbWeight::get().reads_writes(4_u64, 4_u64).saturating_mul(u.into()))
	}
	fn set_voter() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads(10_u64)).saturating_add(T::DbWeight::get().writes(10_u64))
	}
}

/// The same with ParityDB's database weights, for tests and mocks.
impl WeightInfo for () {
	fn create_community() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(ParityDbWeight::get().reads(10_u64)).saturating_add(ParityDbWeight::get().writes(10_u64))
	}
	fn set_registrars(n: u32) -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(Weight::from_parts(20_000_000, 3_000).saturating_mul(n.into())).saturating_add(ParityDbWeight::get().reads(10_u64)).saturating_add(ParityDbWeight::get().writes(10_u64)).saturating_add(ParityDbWeight::get().reads_writes(4_u64, 4_u64).saturating_mul(n.into()))
	}
	fn set_committee(n: u32) -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(Weight::from_parts(20_000_000, 3_000).saturating_mul(n.into())).saturating_add(ParityDbWeight::get().reads(10_u64)).saturating_add(ParityDbWeight::get().writes(10_u64)).saturating_add(ParityDbWeight::get().reads_writes(4_u64, 4_u64).saturating_mul(n.into()))
	}
	fn set_property_managers(n: u32) -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(Weight::from_parts(20_000_000, 3_000).saturating_mul(n.into())).saturating_add(ParityDbWeight::get().reads(10_u64)).saturating_add(ParityDbWeight::get().writes(10_u64)).saturating_add(ParityDbWeight::get().reads_writes(4_u64, 4_u64).saturating_mul(n.into()))
	}
	fn set_developer() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(ParityDbWeight::get().reads(10_u64)).saturating_add(ParityDbWeight::get().writes(10_u64))
	}
	fn register_units(n: u32) -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(Weight::from_parts(20_000_000, 3_000).saturating_mul(n.into())).saturating_add(ParityDbWeight::get().reads(10_u64)).saturating_add(ParityDbWeight::get().writes(10_u64)).saturating_add(ParityDbWeight::get().reads_writes(4_u64, 4_u64).saturating_mul(n.into()))
	}
	fn update_unit() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(ParityDbWeight::get().reads(10_u64)).saturating_add(ParityDbWeight::get().writes(10_u64))
	}
	fn verify_resident() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(ParityDbWeight::get().reads(10_u64)).saturating_add(ParityDbWeight::get().writes(10_u64))
	}
	fn remove_resident() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(ParityDbWeight::get().reads(10_u64)).saturating_add(ParityDbWeight::get().writes(10_u64))
	}
	fn leave() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(ParityDbWeight::get().reads(10_u64)).saturating_add(ParityDbWeight::get().writes(10_u64))
	}
	fn transfer_ownership(r: u32) -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(Weight::from_parts(20_000_000, 3_000).saturating_mul(r.into())).saturating_add(ParityDbWeight::get().reads(10_u64)).saturating_add(ParityDbWeight::get().writes(10_u64)).saturating_add(ParityDbWeight::get().reads_writes(4_u64, 4_u64).saturating_mul(r.into()))
	}
	fn rotate_account(u: u32) -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(Weight::from_parts(20_000_000, 3_000).saturating_mul(u.into())).saturating_add(ParityDbWeight::get().reads(10_u64)).saturating_add(ParityDbWeight::get().writes(10_u64)).saturating_add(ParityDbWeight::get().reads_writes(4_u64, 4_u64).saturating_mul(u.into()))
	}
	fn set_voter() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(ParityDbWeight::get().reads(10_u64)).saturating_add(ParityDbWeight::get().writes(10_u64))
	}
}
