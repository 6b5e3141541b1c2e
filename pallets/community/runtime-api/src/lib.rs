//! The community pallet's runtime API: what a wallet, an explorer or the
//! other Linli services can look up without reading raw storage.
//!
//! Its types live in `linli_primitives::community`, shared with the pallet.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use codec::Codec;
use linli_primitives::community::{CommunityId, ScopeId, UnitId};
pub use linli_primitives::community::{CommunityView, ResidentView, UnitView};

sp_api::decl_runtime_apis! {
	/// Look up communities, units and residents.
	pub trait CommunityApi<AccountId, BlockNumber>
	where
		AccountId: Codec,
		BlockNumber: Codec,
	{
		/// A unit, or `None` if `community` has no such unit.
		fn unit(community: CommunityId, unit: UnitId) -> Option<UnitView<AccountId>>;
		/// What `who` is in `community`.
		fn resident(community: CommunityId, who: AccountId) -> ResidentView;
		/// A community's facts, with the totals of `scope` if given.
		fn community(community: CommunityId, scope: Option<ScopeId>) -> Option<CommunityView<AccountId, BlockNumber>>;
	}
}
