//! Benchmarks of the chain-governance pallet.

use super::*;
use crate::Pallet as ChainGovernance;
use alloc::{boxed::Box, vec};
use frame_benchmarking::v2::*;
use frame_support::traits::{EnsureOrigin, Get};
use frame_system::RawOrigin;

/// A root call whose encoding is about `c` bytes.
fn remark_of<T: Config>(c: u32) -> <T as Config>::RuntimeCall {
	frame_system::Call::<T>::remark { remark: vec![1u8; c.saturating_sub(8) as usize] }.into()
}

fn approve<T: Config>(c: u32) -> u32 {
	let origin = T::ApproveOrigin::try_successful_origin().expect("the council can approve");
	let id = NextId::<T>::get();
	ChainGovernance::<T>::enact_as_root(origin, Box::new(remark_of::<T>(c))).expect("a small call is approved");
	id
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn enact_as_root(c: Linear<8, { T::MaxCallSize::get() }>) -> Result<(), BenchmarkError> {
		let origin = T::ApproveOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let call = Box::new(remark_of::<T>(c));
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, call);
		assert_eq!(Pending::<T>::count(), 1);
		Ok(())
	}

	#[benchmark]
	fn cancel() -> Result<(), BenchmarkError> {
		let id = approve::<T>(T::MaxCallSize::get());
		let origin = T::CancelOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id);
		assert_eq!(Pending::<T>::count(), 0);
		Ok(())
	}

	#[benchmark]
	fn enact(c: Linear<8, { T::MaxCallSize::get() }>) {
		let id = approve::<T>(c);
		let enact_at = Pending::<T>::get(id).expect("just approved").enact_at;
		frame_system::Pallet::<T>::set_block_number(enact_at);
		#[extrinsic_call]
		_(RawOrigin::Root, id);
		assert_eq!(Pending::<T>::count(), 0);
	}

	#[benchmark]
	fn set_enactment_delay() {
		let delay = T::MinEnactmentDelay::get();
		#[extrinsic_call]
		_(RawOrigin::Root, delay);
		assert_eq!(EnactmentDelay::<T>::get(), delay);
	}

	impl_benchmark_test_suite!(ChainGovernance, crate::mock::new_test_ext().0, crate::mock::Test);
}
