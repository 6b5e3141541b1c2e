//! Placeholder until `scripts/benchmark.sh pallet_property_fees` writes the measured weights.
use frame_support::weights::Weight;
pub trait WeightInfo {
	fn set_fee_schedule() -> Weight;
	fn set_contract_terms() -> Weight;
	fn pay_fees(s: u32, u: u32, ) -> Weight;
	fn issue_demand_notice(s: u32, u: u32, ) -> Weight;
	fn approve_budget() -> Weight;
	fn record_expense() -> Weight;
	fn record_public_income() -> Weight;
	fn spend_public_income() -> Weight;
	fn open_maintenance_round() -> Weight;
	fn deposit_maintenance() -> Weight;
	fn spend_maintenance() -> Weight;
	fn emergency_repair() -> Weight;
}
pub struct SubstrateWeight<T>(core::marker::PhantomData<T>);
impl<T> WeightInfo for SubstrateWeight<T> {
	fn set_fee_schedule() -> Weight { Weight::zero() }
	fn set_contract_terms() -> Weight { Weight::zero() }
	fn pay_fees(_s: u32, _u: u32, ) -> Weight { Weight::zero() }
	fn issue_demand_notice(_s: u32, _u: u32, ) -> Weight { Weight::zero() }
	fn approve_budget() -> Weight { Weight::zero() }
	fn record_expense() -> Weight { Weight::zero() }
	fn record_public_income() -> Weight { Weight::zero() }
	fn spend_public_income() -> Weight { Weight::zero() }
	fn open_maintenance_round() -> Weight { Weight::zero() }
	fn deposit_maintenance() -> Weight { Weight::zero() }
	fn spend_maintenance() -> Weight { Weight::zero() }
	fn emergency_repair() -> Weight { Weight::zero() }
}
impl WeightInfo for () {
	fn set_fee_schedule() -> Weight { Weight::zero() }
	fn set_contract_terms() -> Weight { Weight::zero() }
	fn pay_fees(_s: u32, _u: u32, ) -> Weight { Weight::zero() }
	fn issue_demand_notice(_s: u32, _u: u32, ) -> Weight { Weight::zero() }
	fn approve_budget() -> Weight { Weight::zero() }
	fn record_expense() -> Weight { Weight::zero() }
	fn record_public_income() -> Weight { Weight::zero() }
	fn spend_public_income() -> Weight { Weight::zero() }
	fn open_maintenance_round() -> Weight { Weight::zero() }
	fn deposit_maintenance() -> Weight { Weight::zero() }
	fn spend_maintenance() -> Weight { Weight::zero() }
	fn emergency_repair() -> Weight { Weight::zero() }
}
