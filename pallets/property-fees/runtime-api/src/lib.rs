//! The property-fees pallet's runtime API: what a resident's wallet, the
//! committee's dashboard or an auditor can look up — a unit's dues, the
//! community's arrears, fund balances, a period's statement, the ledger.
//!
//! Its types live in `linli_primitives::fees`, shared with the pallet.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;
use codec::Codec;
pub use linli_primitives::fees::{
	ArrearsPage, FundStatement, FundView, LedgerEntry, MaintenanceView, Statement, UnitDues,
	MAX_PAGE,
};
use linli_primitives::{
	calendar::Month,
	community::{CommunityId, UnitId},
};

sp_api::decl_runtime_apis! {
	/// Dues, arrears, funds, statements and the ledger of communities.
	#[api_version(2)]
	pub trait PropertyFeesApi<AccountId, Balance, BlockNumber>
	where
		AccountId: Codec,
		Balance: Codec,
		BlockNumber: Codec,
	{
		/// What a unit owes now; `None` for an unknown unit or a community
		/// without a fee schedule.
		fn unit_dues(community: CommunityId, unit: UnitId) -> Option<UnitDues<AccountId, Balance>>;
		/// Up to `limit` (at most [`MAX_PAGE`]) units' arrears, starting
		/// after `start_after`.
		fn arrears(community: CommunityId, start_after: Option<UnitId>, limit: u32) -> ArrearsPage<Balance>;
		/// The balances of a community's funds.
		fn funds(community: CommunityId) -> Vec<FundView<AccountId, Balance>>;
		/// A community's statement for `period`.
		fn statement(community: CommunityId, period: Month) -> Statement<AccountId, Balance>;
		/// Up to `limit` (at most [`MAX_PAGE`]) ledger entries of a community
		/// from index `from`.
		fn ledger(community: CommunityId, from: u64, limit: u32) -> Vec<(u64, LedgerEntry<AccountId, Balance, BlockNumber>)>;
		/// A unit's maintenance-fund account (every unit has one from its
		/// registration; a unit registered under storage version 1 from its
		/// first deposit); `None` for an unknown unit.
		#[api_version(2)]
		fn maintenance_account(community: CommunityId, unit: UnitId) -> Option<MaintenanceView<Balance>>;
	}
}
