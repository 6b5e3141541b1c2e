//! Benchmarks of the validator-set pallet: the set at its largest.

use super::*;
use frame_benchmarking::v2::*;
use frame_support::traits::{EnsureOrigin, Get};

/// A set of `n` validators with a minimum of one, on a chain with sessions.
fn set_of<T: Config>(n: u32) {
	let validators: alloc::vec::Vec<T::AccountId> =
		(0..n).map(|i| account("validator", i, 0)).collect();
	Validators::<T>::put(ValidatorsOf::<T>::try_from(validators).expect("within MaxValidators"));
	MinValidators::<T>::put(1);
	SessionLength::<T>::put(frame_system::pallet_prelude::BlockNumberFor::<T>::from(10u32));
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn add_validator(n: Linear<1, { T::MaxValidators::get() }>) -> Result<(), BenchmarkError> {
		set_of::<T>(n - 1);
		let origin =
			T::ManageOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let new: T::AccountId = account("new", 0, 0);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, new.clone());
		assert!(Validators::<T>::get().contains(&new));
		Ok(())
	}

	#[benchmark]
	fn remove_validator(n: Linear<2, { T::MaxValidators::get() }>) -> Result<(), BenchmarkError> {
		set_of::<T>(n);
		let origin =
			T::ManageOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		// The last one: the whole set is searched.
		let last: T::AccountId = account("validator", n - 1, 0);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, last.clone());
		assert!(!Validators::<T>::get().contains(&last));
		Ok(())
	}

	#[benchmark]
	fn set_minimum_validators() -> Result<(), BenchmarkError> {
		set_of::<T>(T::MaxValidators::get());
		let origin =
			T::ManageOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, 2);
		assert_eq!(MinValidators::<T>::get(), 2);
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext().0, crate::mock::Test);
}
