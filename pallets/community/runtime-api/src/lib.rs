//! The community pallet's runtime API: what a wallet, an explorer or the
//! other Linli services can look up without reading raw storage.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;
use codec::{Codec, Decode, Encode};
use linli_primitives::community::{
	Area, CommunityId, ResidentRole, ScopeId, UnitId, UnitStatus, VoteWeight,
};
use scale_info::TypeInfo;

/// A unit as the API shows it.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UnitView<AccountId> {
	/// Building or stair.
	pub scope: ScopeId,
	/// Exclusive area, 0.01 m².
	pub area: Area,
	/// Delivered, or held by the developer.
	pub status: UnitStatus,
	/// The owner who votes for it (delivered units).
	pub voter: Option<AccountId>,
	/// Its verified residents (pseudonymous accounts) and their roles.
	pub residents: Vec<(AccountId, ResidentRole)>,
	/// How many times its ownership changed.
	pub transfers: u32,
}

/// What an account is in a community.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ResidentView {
	/// The units it is a verified resident of, with its role in each.
	pub units: Vec<(UnitId, ResidentRole)>,
	/// Whether it owns a unit.
	pub is_owner: bool,
	/// Whether it sits on the owners' committee (and the term is running).
	pub is_committee_member: bool,
	/// Whether it acts for the property company.
	pub is_property_manager: bool,
	/// Whether it is a registrar.
	pub is_registrar: bool,
	/// Whether it acts for the developer.
	pub is_developer: bool,
	/// Its vote's weight in the whole community, if it votes.
	pub vote_weight: Option<VoteWeight>,
}

/// A community's public facts and totals.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CommunityView<AccountId, BlockNumber> {
	/// Public name, UTF-8 bytes.
	pub name: Vec<u8>,
	/// Registered units (households).
	pub unit_count: u32,
	/// Verified residencies.
	pub resident_count: u32,
	/// Voting totals (area, headcount) of the whole community, or of the scope asked for.
	pub totals: VoteWeight,
	/// The owners' committee and the end of its term.
	pub committee: Vec<AccountId>,
	/// When the committee's term ends.
	pub committee_term_end: Option<BlockNumber>,
	/// The property company's accounts.
	pub property_managers: Vec<AccountId>,
	/// The registrars.
	pub registrars: Vec<AccountId>,
	/// The developer's account.
	pub developer: Option<AccountId>,
}

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
