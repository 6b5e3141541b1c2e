//! The calendar pallet's runtime API: which calendar month it is on chain.
//!
//! Clients call it through `state_call` (`api.call.calendarApi.today()` in
//! `@polkadot/api`); it has no JSON-RPC method of its own because it takes
//! no arguments worth a typed endpoint.
#![cfg_attr(not(feature = "std"), no_std)]

use codec::{Decode, Encode};
use linli_primitives::fees::Period;
use scale_info::TypeInfo;

/// The chain's calendar month.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Today {
	/// The billing period (months since 1970-01).
	pub period: Period,
	/// Its year.
	pub year: u32,
	/// Its month, 1–12.
	pub month: u32,
	/// How many months the calendar runs ahead of the block timestamp
	/// (0 on a production chain).
	pub months_ahead: u32,
	/// Whether the calendar may be moved ahead (a dev or test chain).
	pub advanceable: bool,
}

sp_api::decl_runtime_apis! {
	/// The chain's calendar month.
	pub trait CalendarApi {
		/// Which calendar month it is, and how far it was moved ahead.
		fn today() -> Today;
	}
}
