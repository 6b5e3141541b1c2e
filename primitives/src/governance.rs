//! The governance glue: the matters owners decide (民法典 Art. 278) and the
//! origin a passed decision dispatches with, which the identity and fees
//! pallets accept through [`EnsureDecision`].

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::marker::PhantomData;
use frame_support::{
	traits::{Contains, EnsureOriginWithArg},
	weights::Weight,
};
use sp_runtime::DispatchResult;
use scale_info::TypeInfo;

use crate::{
	community::{Area, CommunityId, ScopeId, UnitId},
	fees::Approver,
};

/// What an owners' decision is about: the nine matters of 民法典 Art. 278,
/// and ordinary matters.
#[derive(
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
	Debug,
)]
#[derive(serde::Serialize, serde::Deserialize)]
pub enum Matter {
	/// (1) Making or amending the assembly's rules of procedure (议事规则).
	RulesOfProcedure,
	/// (2) Making or amending the management covenant (管理规约).
	ManagementCovenant,
	/// (3) Electing or replacing the owners' committee (业委会).
	Committee,
	/// (4) Hiring or firing the property-service company, and its contract.
	PropertyCompany,
	/// (5) Using the maintenance fund.
	UseMaintenanceFund,
	/// (6) Raising the maintenance fund.
	RaiseMaintenanceFund,
	/// (7) Rebuilding or renovating buildings and their facilities.
	Rebuilding,
	/// (8) Changing the use of common parts, or running a business on them.
	CommonParts,
	/// (9) Other major matters of common ownership and management.
	OtherMajor,
	/// Anything else the assembly decides.
	Ordinary,
}

impl Matter {
	/// Matters (6)–(8) pass with ≥ 3/4 of participating area and headcount;
	/// everything else with > 1/2 of both.
	pub fn needs_three_quarters(&self) -> bool {
		matches!(self, Matter::RaiseMaintenanceFund | Matter::Rebuilding | Matter::CommonParts)
	}

	/// Whether the owners of one building or stair alone may decide it.
	/// Only a local repair paid from the maintenance fund is theirs
	/// (DOMAIN.md: "only owners within the affected scope vote on a local
	/// repair"); every other matter binds the whole community (Art. 280)
	/// and is decided by all its owners.
	pub fn can_be_scoped(&self) -> bool {
		matches!(self, Matter::UseMaintenanceFund)
	}
}

/// The origin of a passed owners' decision: which community, which matter,
/// which proposal, and whose owners decided it.
#[derive(
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
	Debug,
)]
pub struct Decision {
	/// The community whose owners decided.
	pub community: CommunityId,
	/// What they decided about.
	pub matter: Matter,
	/// The proposal that passed.
	pub proposal: crate::assembly::ProposalIndex,
	/// `None`: all owners of the community decided. `Some(scope)`: only the
	/// owners of that building or stair did, and the decision acts only
	/// there (see [`Matter::can_be_scoped`]).
	pub scope: Option<ScopeId>,
}

impl Decision {
	/// Whether this decision binds the whole community: only such a
	/// decision may act for all its owners.
	pub fn is_community_wide(&self) -> bool {
		self.scope.is_none()
	}

	/// Whether this decision may act within `jurisdiction`: same community,
	/// and either community-wide or of exactly that scope.
	pub fn reaches(&self, jurisdiction: &Jurisdiction) -> bool {
		self.community == jurisdiction.community &&
			(self.is_community_wide() || self.scope == jurisdiction.scope)
	}
}

/// Where an act applies: a community as a whole (`scope: None`) or one of
/// its buildings or stairs. The argument of origins that a scoped decision
/// may satisfy (a local repair).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Jurisdiction {
	/// The community.
	pub community: CommunityId,
	/// The building or stair, or `None` for the whole community.
	pub scope: Option<ScopeId>,
}

/// Accepts a community-wide [`Decision`] of `community` on one of the
/// matters in `M`, recorded as [`Approver::Assembly`]. A decision of one
/// building's owners never passes: it cannot act for the whole estate.
pub struct EnsureDecision<AccountId, M>(PhantomData<(AccountId, M)>);

impl<O, AccountId, M> EnsureOriginWithArg<O, CommunityId> for EnsureDecision<AccountId, M>
where
	O: Into<Result<Decision, O>> + From<Decision>,
	M: Contains<Matter> + MatterExample,
{
	type Success = Approver<AccountId>;

	fn try_origin(o: O, community: &CommunityId) -> Result<Self::Success, O> {
		// The whole community's jurisdiction: only a community-wide
		// decision reaches it.
		EnsureDecisionIn::<AccountId, M>::try_origin(o, &Jurisdiction { community: *community, scope: None })
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin(community: &CommunityId) -> Result<O, ()> {
		Ok(Decision { community: *community, matter: M::EXAMPLE, proposal: 0, scope: None }.into())
	}
}

/// Accepts a [`Decision`] on one of the matters in `M` that
/// [reaches](Decision::reaches) the [`Jurisdiction`]: a community-wide
/// decision anywhere in its community, a scoped one only in its own scope.
pub struct EnsureDecisionIn<AccountId, M>(PhantomData<(AccountId, M)>);

impl<O, AccountId, M> EnsureOriginWithArg<O, Jurisdiction> for EnsureDecisionIn<AccountId, M>
where
	O: Into<Result<Decision, O>> + From<Decision>,
	M: Contains<Matter> + MatterExample,
{
	type Success = Approver<AccountId>;

	fn try_origin(o: O, jurisdiction: &Jurisdiction) -> Result<Self::Success, O> {
		match o.into() {
			Ok(d) if d.reaches(jurisdiction) && M::contains(&d.matter) => Ok(Approver::Assembly(d.proposal)),
			Ok(d) => Err(d.into()),
			Err(o) => Err(o),
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin(jurisdiction: &Jurisdiction) -> Result<O, ()> {
		let Jurisdiction { community, scope } = *jurisdiction;
		Ok(Decision { community, matter: M::EXAMPLE, proposal: 0, scope }.into())
	}
}

/// A role in a community that only the district authority or the
/// community's owners may fill.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Role {
	/// The registrars, who verify residents against the property register.
	Registrars,
	/// The owners' committee (业委会).
	Committee,
	/// The accounts acting for the property company (物业).
	PropertyCompany,
	/// The account acting for the developer.
	Developer,
}

impl Role {
	/// The matter on which a decision of the owners may fill this role, if
	/// any: the company by matter (4), registrars and the developer's
	/// account by another major matter (9). The committee never: it is
	/// elected ([`CommitteeInstaller`]), with the seats and candidates the
	/// election checks, and a plain decision must not skip that. A decision
	/// on one matter never fills another matter's role.
	pub fn decided_by(&self) -> Option<Matter> {
		match self {
			Role::Registrars | Role::Developer => Some(Matter::OtherMajor),
			Role::Committee => None,
			Role::PropertyCompany => Some(Matter::PropertyCompany),
		}
	}
}

/// A role of a community: the argument of the origin that fills it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct RoleOf {
	/// The community.
	pub community: CommunityId,
	/// The role.
	pub role: Role,
}

/// Accepts a community-wide [`Decision`] of the role's community on the
/// matter that [decides](Role::decided_by) the role.
pub struct EnsureRoleDecision;

impl<O> EnsureOriginWithArg<O, RoleOf> for EnsureRoleDecision
where
	O: Into<Result<Decision, O>> + From<Decision>,
{
	type Success = ();

	fn try_origin(o: O, role: &RoleOf) -> Result<(), O> {
		match o.into() {
			Ok(d) if d.community == role.community &&
				d.is_community_wide() &&
				role.role.decided_by() == Some(d.matter) =>
				Ok(()),
			Ok(d) => Err(d.into()),
			Err(o) => Err(o),
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin(role: &RoleOf) -> Result<O, ()> {
		let matter = role.role.decided_by().ok_or(())?;
		Ok(Decision { community: role.community, matter, proposal: 0, scope: None }.into())
	}
}

/// A matter a set of matters contains (for benchmarks' successful origins).
pub trait MatterExample {
	/// One matter of the set.
	const EXAMPLE: Matter;
}

macro_rules! matters {
	($($(#[$doc:meta])* $name:ident = $($m:ident)|+;)*) => {$(
		$(#[$doc])*
		pub struct $name;
		impl Contains<Matter> for $name {
			fn contains(m: &Matter) -> bool {
				matches!(m, $(Matter::$m)|+)
			}
		}
		impl MatterExample for $name {
			const EXAMPLE: Matter = matters!(@first $($m)|+);
		}
	)*};
	(@first $first:ident $(| $rest:ident)*) => { Matter::$first };
}

matters! {
	/// (1): the rules of procedure.
	RulesMatters = RulesOfProcedure;
	/// (3): the owners' committee.
	CommitteeMatters = Committee;
	/// (4): the property company and its contract (incl. the fee schedule).
	PropertyCompanyMatters = PropertyCompany;
	/// (4), (9) or ordinary: the operating fund's budget.
	BudgetMatters = PropertyCompany | OtherMajor | Ordinary;
	/// (5): using the maintenance fund.
	UseMaintenanceMatters = UseMaintenanceFund;
	/// (6): raising the maintenance fund.
	RaiseMaintenanceMatters = RaiseMaintenanceFund;
	/// (8): common parts and their income.
	CommonPartsMatters = CommonParts;
	/// Any matter (the assembly's own bookkeeping).
	AnyMatter = RulesOfProcedure | ManagementCovenant | Committee | PropertyCompany |
		UseMaintenanceFund | RaiseMaintenanceFund | Rebuilding | CommonParts | OtherMajor | Ordinary;
}

/// Turns any origin check's success into `()` (for origins whose users
/// need no approver record).
pub struct Discard;
impl<T> sp_runtime::traits::Morph<T> for Discard {
	type Outcome = ();
	fn morph(_: T) {}
}

/// The owners' committee's size by law (DOMAIN.md): 5 to 11 members, an
/// odd number; a community of at most 100 households may have 3.
pub fn is_legal_committee_size(members: u32, households: u32) -> bool {
	(members % 2 == 1 && (5..=11).contains(&members)) || (members == 3 && households <= 100)
}

/// How another pallet installs an elected owners' committee.
pub trait CommitteeInstaller<AccountId, BlockNumber> {
	/// Makes `members` the committee of `community` until `term_end`.
	fn install_committee(
		community: CommunityId,
		members: alloc::vec::Vec<AccountId>,
		term_end: BlockNumber,
	) -> sp_runtime::DispatchResult;
	/// The sitting committee of `community`: its members and the end of
	/// its term.
	fn committee(community: CommunityId) -> Option<(alloc::vec::Vec<AccountId>, BlockNumber)>;
	/// Seats `members`, elected in a by-election, on the sitting committee
	/// for the rest of its term, if it is still the committee the
	/// by-election was for (its term ends at `term_end`) and still below
	/// its legal size.
	fn fill_committee_seats(
		community: CommunityId,
		members: alloc::vec::Vec<AccountId>,
		term_end: BlockNumber,
	) -> sp_runtime::DispatchResult;
}

/// Told when who votes for a unit changes while votes are open, so that
/// one owner, and one unit, is never counted twice:
/// - the account that votes for an owner (or for the developer) is replaced
///   by another account of the same person (a lost key rotated by a
///   registrar, or the developer's new account): what the old account did
///   in votes still open — its ballots and co-sponsorships — follows the
///   person;
/// - a unit is sold: in every vote already open, a ballot its seller cast
///   stands for it, otherwise its buyer votes with its weight (the cities'
///   rule, DOMAIN.md).
pub trait VoterChanges<AccountId> {
	/// Moves `old`'s ballots and sponsorships in `community`'s open votes
	/// to `new`. Fails, and with it the change, if `new` itself already
	/// acted in one of them.
	fn voter_account_changed(community: CommunityId, old: &AccountId, new: &AccountId) -> DispatchResult;

	/// `sale` of a unit of `community` is about to happen (the tallies
	/// still count the unit for its seller): every open vote learns whose
	/// ballot its weight belongs to.
	fn unit_sold(community: CommunityId, sale: &UnitSale<AccountId>) -> DispatchResult;

	/// The most weight [`Self::voter_account_changed`] may take.
	fn max_weight() -> Weight;

	/// The most weight [`Self::unit_sold`] may take.
	fn max_sale_weight() -> Weight;
}

/// A unit changing hands, as [`VoterChanges::unit_sold`] is told of it.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct UnitSale<AccountId> {
	/// The unit sold.
	pub unit: UnitId,
	/// Its scope (building).
	pub scope: ScopeId,
	/// Its exclusive area (0.01 m²).
	pub area: Area,
	/// The account that voted for it until now (an owner's, or the
	/// developer's), if any.
	pub seller: Option<AccountId>,
	/// Whether that was the seller's last unit in its scope: the seller
	/// then leaves the scope's headcount.
	pub seller_leaves_scope: bool,
	/// Whether that was the seller's last unit in the community: the
	/// seller then leaves the community's headcount.
	pub seller_leaves_community: bool,
	/// The new owner.
	pub buyer: AccountId,
}

impl<AccountId> UnitSale<AccountId> {
	/// Whether the seller leaves the headcount of a vote in `scope`
	/// (`None`: the whole community).
	pub fn seller_leaves(&self, scope: Option<ScopeId>) -> bool {
		match scope {
			None => self.seller_leaves_community,
			Some(_) => self.seller_leaves_scope,
		}
	}

	/// Whether the unit counts in a vote held in `scope`.
	pub fn counts_in(&self, scope: Option<ScopeId>) -> bool {
		scope.is_none_or(|s| s == self.scope)
	}
}

impl<AccountId> VoterChanges<AccountId> for () {
	fn voter_account_changed(_: CommunityId, _: &AccountId, _: &AccountId) -> DispatchResult {
		Ok(())
	}

	fn unit_sold(_: CommunityId, _: &UnitSale<AccountId>) -> DispatchResult {
		Ok(())
	}

	fn max_weight() -> Weight {
		Weight::zero()
	}

	fn max_sale_weight() -> Weight {
		Weight::zero()
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_committee_has_five_to_eleven_members_or_three_in_a_small_community() {
		let legal = |households| (0..=13).filter(|&n| is_legal_committee_size(n, households)).collect::<alloc::vec::Vec<_>>();
		assert_eq!(legal(101), [5, 7, 9, 11]);
		assert_eq!(legal(100), [3, 5, 7, 9, 11]);
	}
}
