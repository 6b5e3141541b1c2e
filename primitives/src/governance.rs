//! The governance glue: the matters owners decide (民法典 Art. 278) and the
//! origin a passed decision dispatches with, which the identity and fees
//! pallets accept through [`EnsureDecision`].

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::marker::PhantomData;
use frame_support::traits::{Contains, EnsureOriginWithArg};
use scale_info::TypeInfo;

use crate::{community::CommunityId, fees::Approver};

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
}

/// The origin of a passed owners' decision: which community, which matter,
/// which proposal.
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
	pub proposal: u32,
}

/// Accepts a [`Decision`] of `community` on one of the matters in `M`,
/// recorded as [`Approver::Assembly`].
pub struct EnsureDecision<AccountId, M>(PhantomData<(AccountId, M)>);

impl<O, AccountId, M> EnsureOriginWithArg<O, CommunityId> for EnsureDecision<AccountId, M>
where
	O: Into<Result<Decision, O>> + From<Decision>,
	M: Contains<Matter> + MatterExample,
{
	type Success = Approver<AccountId>;

	fn try_origin(o: O, community: &CommunityId) -> Result<Self::Success, O> {
		match o.into() {
			Ok(d) if d.community == *community && M::contains(&d.matter) => Ok(Approver::Assembly(d.proposal)),
			Ok(d) => Err(d.into()),
			Err(o) => Err(o),
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin(community: &CommunityId) -> Result<O, ()> {
		Ok(Decision { community: *community, matter: M::EXAMPLE, proposal: 0 }.into())
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
	/// (3), (4) or (9): the community's roles (committee, property company,
	/// registrars, developer).
	RoleMatters = Committee | PropertyCompany | OtherMajor;
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

/// How another pallet installs an elected owners' committee.
pub trait CommitteeInstaller<AccountId, BlockNumber> {
	/// Makes `members` the committee of `community` until `term_end`.
	fn install_committee(
		community: CommunityId,
		members: alloc::vec::Vec<AccountId>,
		term_end: BlockNumber,
	) -> sp_runtime::DispatchResult;
}
