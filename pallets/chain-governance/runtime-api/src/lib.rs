//! The chain-governance pallet's runtime API: what the stakeholders'
//! council approved to do as root, who approved it, and the block it acts
//! in — so that everyone sees what is coming while it can still be
//! cancelled. Its types live in `linli_primitives::council`.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;
use codec::Codec;
pub use linli_primitives::council::PendingRootCall;

sp_api::decl_runtime_apis! {
	/// The council's pending root calls.
	pub trait ChainGovernanceApi<AccountId, BlockNumber>
	where
		AccountId: Codec,
		BlockNumber: Codec,
	{
		/// Every root call waiting for its enactment block, by number.
		fn pending_root_calls() -> Vec<PendingRootCall<AccountId, BlockNumber>>;
		/// How many blocks an approved root call waits.
		fn enactment_delay() -> BlockNumber;
	}
}
