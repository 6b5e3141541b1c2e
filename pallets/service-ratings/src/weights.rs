//! Placeholder until `scripts/benchmark.sh pallet_service_ratings` writes the measured weights.
use frame_support::weights::Weight;
pub trait WeightInfo {
	fn set_rating_terms() -> Weight;
	fn add_category() -> Weight;
	fn rate() -> Weight;
	fn close_period() -> Weight;
}
pub struct SubstrateWeight<T>(core::marker::PhantomData<T>);
impl<T> WeightInfo for SubstrateWeight<T> {
	fn set_rating_terms() -> Weight { Weight::zero() }
	fn add_category() -> Weight { Weight::zero() }
	fn rate() -> Weight { Weight::zero() }
	fn close_period() -> Weight { Weight::zero() }
}
impl WeightInfo for () {
	fn set_rating_terms() -> Weight { Weight::zero() }
	fn add_category() -> Weight { Weight::zero() }
	fn rate() -> Weight { Weight::zero() }
	fn close_period() -> Weight { Weight::zero() }
}
