//! Weights for `pallet_validator_set`: until `scripts/benchmark.sh
//! pallet_validator_set` overwrites this file with measurements, an
//! upper estimate from the chain-governance pallet's measured calls of the
//! same shape (one bounded list read and written, one flag written).

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// The weight of each call of `pallet_validator_set`.
pub trait WeightInfo {
	fn add_validator(n: u32, ) -> Weight;
	fn remove_validator(n: u32, ) -> Weight;
	fn set_minimum_validators() -> Weight;
}

/// Weights measured on the reference machine, with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn add_validator(n: u32, ) -> Weight {
		Weight::from_parts(20_000_000, 1_600)
			.saturating_add(Weight::from_parts(100_000, 32).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn remove_validator(n: u32, ) -> Weight {
		Weight::from_parts(20_000_000, 1_600)
			.saturating_add(Weight::from_parts(100_000, 32).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn set_minimum_validators() -> Weight {
		Weight::from_parts(10_000_000, 1_600)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
}

/// The same weights with ParityDB's database weights, for tests and mocks.
impl WeightInfo for () {
	fn add_validator(n: u32, ) -> Weight {
		Weight::from_parts(20_000_000, 1_600)
			.saturating_add(Weight::from_parts(100_000, 32).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn remove_validator(n: u32, ) -> Weight {
		Weight::from_parts(20_000_000, 1_600)
			.saturating_add(Weight::from_parts(100_000, 32).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn set_minimum_validators() -> Weight {
		Weight::from_parts(10_000_000, 1_600)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
}
