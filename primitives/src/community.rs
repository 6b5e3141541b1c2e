//! The identity glue: how the fees, governance and ratings pallets ask the
//! community pallet who may do what, and how much an owner's vote weighs.
//!
//! Only [`CommunityInspect`] and the origin types below cross pallet
//! boundaries; no pallet depends on `pallet-community`'s crate.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::marker::PhantomData;
use frame_support::traits::EnsureOriginWithArg;
use scale_info::TypeInfo;

use crate::fraction::Fraction;
use sp_core::H256;

/// A community (小区) on the chain.
pub type CommunityId = u32;

/// A unit (专有部分): a salted commitment to the unit's code, computed off
/// chain by the registrar, so that the chain never says which room an
/// account lives in.
pub type UnitId = H256;

/// A part of a community that some decisions concern alone (a building or a
/// stair), numbered by the community's registrar.
pub type ScopeId = u32;

/// An area in hundredths of a square metre (0.01 m²).
pub type Area = u64;

/// A salted hash of a resident's identity documents. The plaintext and the
/// salt stay off chain with the registrar; erasing them makes this value
/// meaningless (PIPL Art. 47).
pub type IdentityCommitment = H256;

/// The commitment a registrar puts on chain for an off-chain record (a
/// unit's code, a resident's identity documents): blake2-256 of a secret
/// 32-byte `salt`, then the `record`'s bytes. The salt never leaves the
/// registrar's register: without it, guessing a room number or an ID number
/// and hashing it proves nothing, and erasing it (with the record) leaves
/// the commitment meaningless (PIPL Art. 47).
pub fn salted_commitment(salt: &[u8; 32], record: &[u8]) -> H256 {
	let mut preimage = alloc::vec::Vec::with_capacity(32 + record.len());
	preimage.extend_from_slice(salt);
	preimage.extend_from_slice(record);
	<sp_runtime::traits::BlakeTwo256 as sp_runtime::traits::Hash>::hash(&preimage)
}

#[cfg(test)]
mod commitments {
	use super::*;

	#[test]
	fn a_commitment_depends_on_the_salt_and_the_record() {
		let record = b"3-1204";
		let a = salted_commitment(&[1; 32], record);
		assert_ne!(a, salted_commitment(&[2; 32], record));
		assert_ne!(a, salted_commitment(&[1; 32], b"3-1205"));
		// Without the salt the record's plain hash is no match.
		assert_ne!(a, <sp_runtime::traits::BlakeTwo256 as sp_runtime::traits::Hash>::hash(record));
		assert_eq!(a, salted_commitment(&[1; 32], record));
	}
}

/// What a resident is to a unit.
#[derive(
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
	Debug,
)]
#[derive(serde::Serialize, serde::Deserialize)]
pub enum ResidentRole {
	/// The registered owner (业主).
	Owner,
	/// A further owner of a co-owned unit.
	CoOwner,
	/// A tenant (租户): rates services, receives notices, does not vote.
	Tenant,
	/// A member of an owner's household: does not vote.
	FamilyMember,
}

impl ResidentRole {
	/// Owners and co-owners are owners; the others are residents only.
	pub fn is_owner(&self) -> bool {
		matches!(self, ResidentRole::Owner | ResidentRole::CoOwner)
	}
}

/// Whether a unit has passed to a buyer.
#[derive(
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
	Debug,
)]
#[derive(serde::Serialize, serde::Deserialize)]
pub enum UnitStatus {
	/// Sold and delivered: its owners count.
	Delivered,
	/// Unsold or undelivered: the developer holds it. All such units of a
	/// community together count as one owner (the developer).
	DeveloperHeld,
}

/// Owners' weight in a vote: area and headcount, each an exact integer.
#[derive(
	Clone, Copy, PartialEq, Eq, Default, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen,
	TypeInfo, Debug,
)]
#[derive(serde::Serialize, serde::Deserialize)]
pub struct VoteWeight {
	/// Exclusive area (专有部分面积), in 0.01 m².
	pub area: Area,
	/// Owners counted as DOMAIN.md counts them (业主人数).
	pub headcount: u32,
}

impl VoteWeight {
	/// `self + other`, saturating (totals are bounded by the units
	/// registered, far below the limits).
	pub fn saturating_add(self, other: Self) -> Self {
		Self { area: self.area.saturating_add(other.area), headcount: self.headcount.saturating_add(other.headcount) }
	}

	/// `self - other`, saturating at zero.
	pub fn saturating_sub(self, other: Self) -> Self {
		Self { area: self.area.saturating_sub(other.area), headcount: self.headcount.saturating_sub(other.headcount) }
	}

	/// Whether `self` is more than `other` by area AND by headcount.
	pub fn outweighs(&self, other: &Self) -> bool {
		self.area > other.area && self.headcount > other.headcount
	}

	/// Whether `self` is at most `whole` by area AND by headcount.
	pub fn is_within(&self, whole: &Self) -> bool {
		self.area <= whole.area && self.headcount <= whole.headcount
	}

	/// Whether `self` is at least `share` of `whole` by area AND by
	/// headcount (the law counts both).
	pub fn is_at_least(&self, share: Fraction, whole: &Self) -> bool {
		share.is_reached_by(self.area, whole.area) &&
			share.is_reached_by(self.headcount.into(), whole.headcount.into())
	}

	/// Whether `self` is more than `share` of `whole` by area AND by
	/// headcount.
	pub fn is_more_than(&self, share: Fraction, whole: &Self) -> bool {
		share.is_exceeded_by(self.area, whole.area) &&
			share.is_exceeded_by(self.headcount.into(), whole.headcount.into())
	}

	/// Counts a unit of `area` into these totals; the headcount grows only
	/// for a voter's first unit (`first_unit`): an owner of many units, and
	/// the developer for all its unsold units, counts once (DOMAIN.md).
	/// `None` on overflow.
	pub fn checked_count_unit(&mut self, area: Area, first_unit: bool) -> Option<()> {
		self.area = self.area.checked_add(area)?;
		if first_unit {
			self.headcount = self.headcount.checked_add(1)?;
		}
		Some(())
	}

	/// Takes a unit of `area` off these totals; the headcount falls only
	/// with a voter's last unit (`last_unit`). `None` on underflow.
	pub fn checked_uncount_unit(&mut self, area: Area, last_unit: bool) -> Option<()> {
		self.area = self.area.checked_sub(area)?;
		if last_unit {
			self.headcount = self.headcount.checked_sub(1)?;
		}
		Some(())
	}
}

/// What other pallets may read of a unit.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
#[derive(serde::Serialize, serde::Deserialize)]
pub struct UnitSummary<AccountId> {
	/// Building or stair.
	pub scope: ScopeId,
	/// Exclusive area, 0.01 m².
	pub area: Area,
	/// Delivered or held by the developer.
	pub status: UnitStatus,
	/// Who answers for the unit (pays its fees, casts its vote): the
	/// designated voting owner, or the developer for a developer-held unit;
	/// `None` while no owner is verified.
	pub responsible: Option<AccountId>,
}

/// Read access to communities, units and residents, for other pallets.
pub trait CommunityInspect<AccountId> {
	/// The chain's block number.
	type BlockNumber;

	/// Whether `community` exists.
	fn community_exists(community: CommunityId) -> bool;
	/// Whether `who` is a verified resident (any role) of `community`.
	fn is_resident(community: CommunityId, who: &AccountId) -> bool;
	/// Whether `who` is a verified resident of `unit` with a role.
	fn residency(community: CommunityId, unit: &UnitId, who: &AccountId) -> Option<ResidentRole>;
	/// Whether `who` owns (alone or jointly) some unit of `community`.
	fn is_owner(community: CommunityId, who: &AccountId) -> bool;
	/// Whether `who` sits on the owners' committee (业委会) of `community`.
	fn is_committee_member(community: CommunityId, who: &AccountId) -> bool;
	/// Whether `who` keeps `community`'s register of units and residents.
	fn is_registrar(community: CommunityId, who: &AccountId) -> bool;
	/// Whether `who` acts for the property company (物业) of `community`.
	fn is_property_manager(community: CommunityId, who: &AccountId) -> bool;
	/// The weight of `who`'s vote in `community` (or only in `scope`): the
	/// summed area of the units it votes for and a headcount of 1; `None`
	/// if `who` votes for no unit there.
	fn vote_weight(community: CommunityId, scope: Option<ScopeId>, who: &AccountId)
		-> Option<VoteWeight>;
	/// The weight of `who`'s vote (as [`Self::vote_weight`]) with the block
	/// in which it last grew; `None` if `who` votes for no unit there. A
	/// vote opened before that block must not count the grown weight. One
	/// read of the voter's record for both.
	fn vote_weight_and_growth(
		community: CommunityId,
		scope: Option<ScopeId>,
		who: &AccountId,
	) -> Option<(VoteWeight, Self::BlockNumber)>;
	/// Up to `limit` units of `community` (in `scope`, if given) whose
	/// vote `who` casts as their owner; none for the developer, whose
	/// units are listed as the developer's.
	fn units_voted_by(
		community: CommunityId,
		scope: Option<ScopeId>,
		who: &AccountId,
		limit: u32,
	) -> alloc::vec::Vec<UnitId>;
	/// The totals of all voting owners of `community` (or of `scope`).
	fn vote_totals(community: CommunityId, scope: Option<ScopeId>) -> VoteWeight;
	/// A unit's public facts.
	fn unit(community: CommunityId, unit: &UnitId) -> Option<UnitSummary<AccountId>>;
	/// How many units `community` has registered (its households).
	fn unit_count(community: CommunityId) -> u32;
	/// The account that acts for `community`'s developer, if any.
	fn developer(community: CommunityId) -> Option<AccountId>;
	/// Up to `limit` unit ids of `community`, in storage order, starting
	/// after `start_after`. For runtime APIs that page through a community
	/// (never call it from a dispatchable: it reads `limit` entries).
	fn units(community: CommunityId, start_after: Option<UnitId>, limit: u32) -> alloc::vec::Vec<UnitId>;
}

/// What the pallets that bill units must hear when a unit's facts change
/// (implemented by the fees pallet; `()` hears nothing). Each is called by
/// the community pallet inside the call that changes the unit, before the
/// change is stored; an error fails that call.
pub trait UnitChanges {
	/// `unit` of `community` was registered now in `scope` with `area`
	/// (0.01 m²): it is billed from now on, never for months before it
	/// existed, and shares every later spend of its scope's maintenance
	/// fund, deposited or not.
	fn unit_registered(community: CommunityId, unit: &UnitId, scope: ScopeId, area: Area)
		-> sp_runtime::DispatchResult;
	/// `unit`'s scope and area (0.01 m²) are corrected from `old` to `new`:
	/// past months stay billed as they were, the correction applies from
	/// the current month on (and to its share of later spends).
	fn unit_corrected(
		community: CommunityId,
		unit: &UnitId,
		old: (ScopeId, Area),
		new: (ScopeId, Area),
	) -> sp_runtime::DispatchResult;
	/// The developer delivered `unit` to its first buyer: what the unit
	/// owes for the months the developer held it stays the developer's.
	fn unit_delivered(community: CommunityId, unit: &UnitId) -> sp_runtime::DispatchResult;
	/// The most any one of these may weigh.
	fn max_weight() -> frame_support::weights::Weight;
}

impl UnitChanges for () {
	fn unit_registered(_: CommunityId, _: &UnitId, _: ScopeId, _: Area) -> sp_runtime::DispatchResult {
		Ok(())
	}
	fn unit_corrected(_: CommunityId, _: &UnitId, _: (ScopeId, Area), _: (ScopeId, Area)) -> sp_runtime::DispatchResult {
		Ok(())
	}
	fn unit_delivered(_: CommunityId, _: &UnitId) -> sp_runtime::DispatchResult {
		Ok(())
	}
	fn max_weight() -> frame_support::weights::Weight {
		frame_support::weights::Weight::zero()
	}
}

/// What a community-scoped origin check hands back: the signer.
macro_rules! signed_member_origin {
	($(#[$doc:meta])* $name:ident, $check:ident) => {
		$(#[$doc])*
		pub struct $name<C, AccountId>(PhantomData<(C, AccountId)>);

		impl<O, C, AccountId> EnsureOriginWithArg<O, CommunityId> for $name<C, AccountId>
		where
			O: Into<Result<frame_system::RawOrigin<AccountId>, O>>
				+ From<frame_system::RawOrigin<AccountId>>,
			C: CommunityInspect<AccountId>,
			AccountId: Clone,
		{
			type Success = AccountId;

			fn try_origin(o: O, community: &CommunityId) -> Result<AccountId, O> {
				match o.into() {
					Ok(frame_system::RawOrigin::Signed(who)) if C::$check(*community, &who) =>
						Ok(who),
					Ok(other) => Err(other.into()),
					Err(o) => Err(o),
				}
			}

			#[cfg(feature = "runtime-benchmarks")]
			fn try_successful_origin(_: &CommunityId) -> Result<O, ()> {
				// A member must first be registered through the community
				// pallet; benchmarks set one up themselves.
				Err(())
			}
		}
	};
}

signed_member_origin!(
	/// A signed origin of a member of the community's owners' committee (业委会).
	EnsureCommitteeMember,
	is_committee_member
);
signed_member_origin!(
	/// A signed origin of an account of the community's property company (物业).
	EnsurePropertyManager,
	is_property_manager
);
signed_member_origin!(
	/// A signed origin of a verified resident (any role) of the community.
	EnsureResident,
	is_resident
);
signed_member_origin!(
	/// A signed origin of an owner (业主) of the community.
	EnsureOwner,
	is_owner
);

/// How other pallets' benchmarks set up a community through the identity
/// pallet without depending on its crate. Implemented by `pallet-community`.
#[cfg(feature = "runtime-benchmarks")]
pub trait CommunityBenchmarking<AccountId> {
	/// A new community, with a developer account.
	fn create_community() -> CommunityId;
	/// Registers `count` more delivered units of `area` in scope 1 and
	/// returns their ids.
	fn add_units(community: CommunityId, count: u32, area: Area) -> alloc::vec::Vec<UnitId>;
	/// Verifies `who` as the (voting) owner of `unit`.
	fn add_owner(community: CommunityId, unit: UnitId, who: AccountId);
	/// Makes `who` one of the property company's accounts.
	fn add_property_manager(community: CommunityId, who: AccountId);
	/// Installs a committee of three new owners (each of a new unit) and
	/// returns them.
	fn add_committee(community: CommunityId) -> alloc::vec::Vec<AccountId>;
}

// ---- Views: a unit, a resident and a community as the runtime API shows them.

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

