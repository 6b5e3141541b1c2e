//! Benchmarks of every call at its worst case. `scripts/benchmark.sh
//! pallet_service_ratings` turns them into `weights.rs`.

use super::*;
use crate::Pallet as RatingsPallet;
use alloc::vec;
use frame_benchmarking::v2::*;
use frame_support::traits::{EnsureOriginWithArg, Get};
use frame_system::RawOrigin;
use linli_primitives::{
	calendar::MonthClock,
	community::{CommunityBenchmarking, CommunityId, UnitId},
	fees::CommunityFunds,
};
use sp_runtime::{Perbill, Permill};

const START: linli_primitives::calendar::Month = 672; // 2026-01

/// A community of one owned unit, with yearly rating periods (the most
/// months to sum fee income over).
fn community<T: Config>() -> (CommunityId, UnitId, T::AccountId) {
	let c = T::BenchmarkHelper::create_community();
	let unit = T::BenchmarkHelper::add_units(c, 1, 100_00)[0];
	let owner: T::AccountId = account("owner", 0, 0);
	T::BenchmarkHelper::add_owner(c, unit, owner.clone());
	T::Clock::set_current_month(START);
	Terms::<T>::insert(
		c,
		RatingTerms {
			first_period: START,
			months_per_period: 12,
			held_back: Permill::from_percent(10),
			threshold: Perbill::from_percent(80),
			quorum: Perbill::from_percent(50),
			company: account("company", 0, 0),
		},
	);
	(c, unit, owner)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn set_rating_terms() -> Result<(), BenchmarkError> {
		let (c, _, _) = community::<T>();
		let origin = T::TermsOrigin::try_successful_origin(&c).map_err(|_| BenchmarkError::Weightless)?;
		let mut terms = Terms::<T>::get(c).unwrap();
		terms.threshold = Perbill::from_percent(75);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, c, terms);

		assert_eq!(Terms::<T>::get(c).map(|t| t.threshold), Some(Perbill::from_percent(75)));
		Ok(())
	}

	#[benchmark]
	fn add_category() -> Result<(), BenchmarkError> {
		let (c, _, _) = community::<T>();
		let origin = T::TermsOrigin::try_successful_origin(&c).map_err(|_| BenchmarkError::Weightless)?;
		for _ in 1..T::MaxCustomCategories::get() {
			RatingsPallet::<T>::add_category(
				T::TermsOrigin::try_successful_origin(&c).map_err(|_| BenchmarkError::Weightless)?,
				c,
				vec![b'c'; 4],
			)
			.map_err(|_| BenchmarkError::Weightless)?;
		}

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, c, vec![b'n'; T::MaxCategoryName::get() as usize]);

		assert_eq!(CustomCategories::<T>::get(c).len() as u32, T::MaxCustomCategories::get());
		Ok(())
	}

	/// A household's first rating of the period (it also counts the
	/// household: the most writes; a replacement reads and writes less).
	#[benchmark]
	fn rate() {
		let (c, unit, owner) = community::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), c, unit, 0, 1, Some(sp_core::H256::zero()));

		assert_eq!(Periods::<T>::get(c, 0).households_rated, 1);
	}

	/// Releasing the held-back share of a year of fees to the company.
	#[benchmark]
	fn close_period() {
		let (c, unit, owner) = community::<T>();
		RatingsPallet::<T>::do_rate(owner.clone(), c, unit, 0, 5, None).expect("the owner rates");
		// Enough that a tenth of it is above any currency's minimum balance
		// (the company's account must be able to receive it).
		let amount: BalanceOf<T> = sp_runtime::traits::UniqueSaturatedFrom::unique_saturated_from(10u128.pow(18));
		T::Funds::add_fee_income(c, amount);
		T::Clock::set_current_month(START + 12);

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), c, 0);

		assert!(Periods::<T>::get(c, 0).settlement.is_some_and(|s| s.returned.is_none()));
	}

	impl_benchmark_test_suite!(RatingsPallet, crate::mock::new_test_ext().0, crate::mock::Test);
}
