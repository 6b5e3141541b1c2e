//! The pallet's stored types.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{BoundedVec, CloneNoBound, EqNoBound, PartialEqNoBound, DebugNoBound};
use linli_primitives::community::{
	Area, IdentityCommitment, ResidentRole, ScopeId, UnitId, UnitStatus, VoteWeight,
};
use scale_info::TypeInfo;
use sp_core::Get;

/// Whose vote a unit's area counts for: the home of the rule "the
/// developer counts once".
///
/// All developer-held units of a community count for one person, the
/// developer, whichever account acts for it ([`VoterKey::of_unit`],
/// [`VoterKey::of_account`]); a delivered unit counts for its designated
/// voting owner. A key's [`VoterTally`] adds one to the headcount for its
/// first unit only, so an owner of many units, and the developer, count
/// once (DOMAIN.md, "How owners are counted").
#[derive(
	Clone, PartialEq, Eq, PartialOrd, Ord, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen,
	TypeInfo, Debug,
)]
pub enum VoterKey<AccountId> {
	/// The developer (开发建设单位), for its unsold or undelivered units.
	Developer,
	/// An owner person, by the account that votes for their units.
	Owner(AccountId),
}

impl<AccountId: Clone + PartialEq> VoterKey<AccountId> {
	/// The key a unit counts for: the developer while it holds the unit,
	/// else the unit's voting owner (none until one is verified).
	pub fn of_unit(status: UnitStatus, voter: Option<&AccountId>) -> Option<Self> {
		match status {
			UnitStatus::DeveloperHeld => Some(Self::Developer),
			UnitStatus::Delivered => voter.cloned().map(Self::Owner),
		}
	}

	/// The key `who` votes with: the developer's, if `who` acts for the
	/// community's developer, else its own.
	pub fn of_account(who: &AccountId, developer: Option<&AccountId>) -> Self {
		match developer {
			Some(dev) if dev == who => Self::Developer,
			_ => Self::Owner(who.clone()),
		}
	}
}

/// A community (小区).
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
	DebugNoBound,
)]
#[scale_info(skip_type_params(MaxName))]
pub struct CommunityInfo<AccountId: Clone + PartialEq + Eq + core::fmt::Debug, MaxName: Get<u32>> {
	/// Public name, UTF-8 (a community's name is not personal data).
	pub name: BoundedVec<u8, MaxName>,
	/// The account that acts for the developer, if the community has one.
	pub developer: Option<AccountId>,
	/// Units registered (households).
	pub unit_count: u32,
	/// Verified residencies (a person in two units counts twice here).
	pub resident_count: u32,
	/// Totals of all voting owners: area and headcount.
	pub totals: VoteWeight,
}

/// The owners' committee (业委会) of a community.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
	DebugNoBound,
)]
#[scale_info(skip_type_params(MaxMembers))]
pub struct Committee<
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
	MaxMembers: Get<u32>,
> {
	/// The members, all owners of the community.
	pub members: BoundedVec<AccountId, MaxMembers>,
	/// The block at which the term ends; members lose their authority then.
	pub term_end: BlockNumber,
}

/// A unit (专有部分).
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
	DebugNoBound,
)]
#[scale_info(skip_type_params(MaxResidents))]
pub struct UnitInfo<AccountId: Clone + PartialEq + Eq + core::fmt::Debug, MaxResidents: Get<u32>> {
	/// Building or stair.
	pub scope: ScopeId,
	/// Exclusive area in 0.01 m² (registered, else surveyed, else contract area).
	pub area: Area,
	/// Delivered, or held by the developer.
	pub status: UnitStatus,
	/// The owner who votes (and answers) for a delivered unit.
	pub voter: Option<AccountId>,
	/// Its verified residents and their roles.
	pub residents: BoundedVec<(AccountId, ResidentRole), MaxResidents>,
	/// How many times ownership has changed (entries in `OwnershipHistory`).
	pub transfers: u32,
}

impl<AccountId: Clone + PartialEq + Eq + core::fmt::Debug, MaxResidents: Get<u32>>
	UnitInfo<AccountId, MaxResidents>
{
	/// Whose vote this unit's area counts for.
	pub fn voter_key(&self) -> Option<VoterKey<AccountId>> {
		VoterKey::of_unit(self.status, self.voter.as_ref())
	}

	/// `who`'s role in this unit, if any.
	pub fn role_of(&self, who: &AccountId) -> Option<ResidentRole> {
		self.residents.iter().find(|(a, _)| a == who).map(|(_, r)| *r)
	}

	/// The first owner other than `except`, to take over the vote.
	pub fn next_owner(&self, except: &AccountId) -> Option<AccountId> {
		self.residents
			.iter()
			.find(|(a, r)| r.is_owner() && a != except)
			.map(|(a, _)| a.clone())
	}
}

/// A resident's verification for one unit.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct Residency<BlockNumber> {
	/// Owner, co-owner, tenant or family member.
	pub role: ResidentRole,
	/// Salted hash of the identity documents the registrar checked.
	pub identity: IdentityCommitment,
	/// When the registrar verified it.
	pub since: BlockNumber,
}

/// What an account is in a community, across its units.
#[derive(
	Clone, Copy, PartialEq, Eq, Default, Encode, Decode, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Membership {
	/// Units it is a verified resident of.
	pub units: u32,
	/// Of those, units it owns (alone or jointly).
	pub owned: u32,
}

/// The units and area a voter's vote carries.
#[derive(
	Clone, Copy, PartialEq, Eq, Default, Encode, Decode, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct VoterTally<BlockNumber> {
	/// Units it votes for.
	pub units: u32,
	/// Their summed area, 0.01 m².
	pub area: Area,
	/// The block its area last grew in: an owners' vote that opened before
	/// it does not take this voter's (grown) weight, so a unit sold during a
	/// vote is not counted twice (storage version 2).
	pub grown_at: BlockNumber,
}

impl<BlockNumber> VoterTally<BlockNumber> {
	/// The weight of this voter's ballot: its area, and one person.
	pub fn weight(&self) -> VoteWeight {
		VoteWeight { area: self.area, headcount: 1 }
	}

	/// Counts a unit of `area` for this voter, grown at block `now`, into
	/// the voter's tally and into `totals` (whose headcount grows with the
	/// voter's first unit only). `None` on overflow; nothing changes then.
	pub fn add_unit(&mut self, totals: &mut VoteWeight, area: Area, now: BlockNumber) -> Option<()> {
		let (units, own_area) = (self.units.checked_add(1)?, self.area.checked_add(area)?);
		let mut new_totals = *totals;
		new_totals.checked_count_unit(area, self.units == 0)?;
		(self.units, self.area, self.grown_at, *totals) = (units, own_area, now, new_totals);
		Some(())
	}

	/// Takes a unit of `area` off this voter's tally and `totals` (whose
	/// headcount falls with the voter's last unit). Returns whether the
	/// voter has no unit left; `None` on underflow, and nothing changes.
	pub fn remove_unit(&mut self, totals: &mut VoteWeight, area: Area) -> Option<bool> {
		let (units, own_area) = (self.units.checked_sub(1)?, self.area.checked_sub(area)?);
		let mut new_totals = *totals;
		new_totals.checked_uncount_unit(area, units == 0)?;
		(self.units, self.area, *totals) = (units, own_area, new_totals);
		Some(units == 0)
	}
}

/// One change of a unit's ownership.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct OwnershipRecord<AccountId, BlockNumber> {
	/// Who answered for the unit before (the developer, an owner, or nobody verified).
	pub from: Option<VoterKey<AccountId>>,
	/// The new owner.
	pub to: AccountId,
	/// When.
	pub at: BlockNumber,
}

/// A unit to register.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
	Debug, serde::Serialize, serde::Deserialize,
)]
pub struct NewUnit {
	/// The unit's commitment (salted hash of its code), computed off chain.
	pub id: UnitId,
	/// Building or stair.
	pub scope: ScopeId,
	/// Exclusive area, 0.01 m².
	pub area: Area,
	/// Delivered, or still held by the developer.
	pub status: UnitStatus,
}

/// Why a resident stopped being one.
#[derive(
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
	Debug,
)]
pub enum RemovalReason {
	/// The registrar withdrew the verification.
	Revoked,
	/// The resident moved out.
	MovedOut,
	/// The resident left by their own transaction.
	Left,
	/// The unit was sold; its former owners and their households left.
	OwnershipTransferred,
}

/// A registrar's announced replacement of a lost account.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct PendingRotation<AccountId, BlockNumber> {
	/// The account that will replace the old one.
	pub new: AccountId,
	/// From this block anyone may complete it, unless the old key objected.
	pub effective_at: BlockNumber,
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_voter_counts_once_however_many_units_it_holds() {
		let (mut totals, mut developer) = (VoteWeight::default(), VoterTally::<u32>::default());
		developer.add_unit(&mut totals, 100_00, 1).unwrap();
		developer.add_unit(&mut totals, 80_00, 2).unwrap();
		assert_eq!(totals, VoteWeight { area: 180_00, headcount: 1 });
		assert_eq!((developer.units, developer.grown_at), (2, 2));
		let mut owner = VoterTally::<u32>::default();
		owner.add_unit(&mut totals, 90_00, 3).unwrap();
		assert_eq!(totals, VoteWeight { area: 270_00, headcount: 2 });
		assert_eq!(developer.remove_unit(&mut totals, 100_00), Some(false));
		assert_eq!(totals, VoteWeight { area: 170_00, headcount: 2 });
		assert_eq!(developer.remove_unit(&mut totals, 80_00), Some(true), "its last unit");
		assert_eq!(totals, VoteWeight { area: 90_00, headcount: 1 });
		// Taking off more than was counted fails and changes nothing.
		assert_eq!(owner.remove_unit(&mut totals, 91_00), None);
		assert_eq!((owner.area, totals.area), (90_00, 90_00));
	}

	#[test]
	fn the_developers_units_count_for_the_developer_whoever_acts_for_it() {
		assert_eq!(VoterKey::of_unit(UnitStatus::DeveloperHeld, Some(&7u64)), Some(VoterKey::Developer));
		assert_eq!(VoterKey::of_unit(UnitStatus::Delivered, Some(&7u64)), Some(VoterKey::Owner(7)));
		assert_eq!(VoterKey::<u64>::of_unit(UnitStatus::Delivered, None), None);
		assert_eq!(VoterKey::of_account(&9u64, Some(&9)), VoterKey::Developer);
		assert_eq!(VoterKey::of_account(&7u64, Some(&9)), VoterKey::Owner(7));
	}
}
