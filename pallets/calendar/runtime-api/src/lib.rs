//! The calendar pallet's runtime API: which calendar month it is on chain.
//!
//! Clients call it through `state_call` (`api.call.calendarApi.today()` in
//! `@polkadot/api`); it has no JSON-RPC method of its own because it takes
//! no arguments worth a typed endpoint. Its type, [`Today`], lives in
//! `linli_primitives::calendar`, next to the month it describes.
#![cfg_attr(not(feature = "std"), no_std)]

pub use linli_primitives::calendar::Today;

sp_api::decl_runtime_apis! {
	/// The chain's calendar month.
	pub trait CalendarApi {
		/// Which calendar month it is, and how far it was moved ahead.
		fn today() -> Today;
	}
}
