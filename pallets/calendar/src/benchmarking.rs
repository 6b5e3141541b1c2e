//! Benchmarks of every call. `scripts/benchmark.sh pallet_calendar` turns
//! them into `weights.rs`.

use super::*;
use frame_benchmarking::v2::*;
use frame_support::traits::{EnsureOrigin, Get};

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn advance() -> Result<(), BenchmarkError> {
		let origin = T::AdvanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		Advanceable::<T>::put(true);
		MonthsAhead::<T>::put(1);
		let months = T::MaxMonthsPerAdvance::get();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, months);

		assert_eq!(MonthsAhead::<T>::get(), months + 1);
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(true).0, crate::mock::Test);
}
