//! Placeholder until `scripts/benchmark.sh pallet_owners_assembly` writes the measured weights.
use frame_support::weights::Weight;
pub trait WeightInfo {
	fn propose(s: u32, ) -> Weight;
	fn propose_election(c: u32, ) -> Weight;
	fn sponsor() -> Weight;
	fn vote(c: u32, ) -> Weight;
	fn close_dispatch() -> Weight;
	fn close_election(c: u32, ) -> Weight;
	fn set_non_voters_follow_majority() -> Weight;
}
pub struct SubstrateWeight<T>(core::marker::PhantomData<T>);
impl<T> WeightInfo for SubstrateWeight<T> {
	fn propose(_s: u32, ) -> Weight { Weight::zero() }
	fn propose_election(_c: u32, ) -> Weight { Weight::zero() }
	fn sponsor() -> Weight { Weight::zero() }
	fn vote(_c: u32, ) -> Weight { Weight::zero() }
	fn close_dispatch() -> Weight { Weight::zero() }
	fn close_election(_c: u32, ) -> Weight { Weight::zero() }
	fn set_non_voters_follow_majority() -> Weight { Weight::zero() }
}
impl WeightInfo for () {
	fn propose(_s: u32, ) -> Weight { Weight::zero() }
	fn propose_election(_c: u32, ) -> Weight { Weight::zero() }
	fn sponsor() -> Weight { Weight::zero() }
	fn vote(_c: u32, ) -> Weight { Weight::zero() }
	fn close_dispatch() -> Weight { Weight::zero() }
	fn close_election(_c: u32, ) -> Weight { Weight::zero() }
	fn set_non_voters_follow_majority() -> Weight { Weight::zero() }
}
