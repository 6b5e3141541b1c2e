//! # Community pallet: communities, units and verified residents
//!
//! Every resident of a Linli chain acts as a verified member of a unit
//! (专有部分) in a community (小区). This pallet keeps who lives where, in
//! which role, and counts owners exactly as the Supreme People's Court's
//! interpretation on 建筑物区分所有权 (Art. 8–9) counts them, so that the
//! governance, fee and rating pallets can ask — through
//! [`linli_primitives::community::CommunityInspect`] — who may do what and
//! how much a vote weighs.
//!
//! ## Privacy
//! No storage item holds a name, phone, ID number or room number. A unit is
//! an opaque commitment (a salted hash of its code, computed off chain); a
//! resident is an account plus a salted hash of the identity documents the
//! registrar checked. The plaintext register and the salts stay off chain
//! with the registrar; erasing them leaves the commitments meaningless.
//!
//! ## Counting owners
//! - Each unit's area counts for one voter: its designated voting owner
//!   (`voter`), or — for every unit still held by the developer — the
//!   developer, whose units together make one person.
//! - One person holding several units votes with one account and counts
//!   once, with the summed area. A co-owned unit counts once, for its
//!   designated voting account.
//! - Tenants and family members are residents, not owners: they never count.
//! - Totals (area, headcount), community-wide and per scope (building or
//!   stair), are updated in O(1) with every change.
//!
//! ## Where the code lives
//! - `lib.rs`: config, storage, events, errors and the calls (each a thin
//!   check of origin and scope, then a body in a concept file);
//! - [`types`]: the stored types; [`VoterKey`] holds the
//!   rule "the developer counts once" and
//!   [`VoterTally`] the counting of units into a voter's
//!   weight and the totals;
//! - `registry.rs`: communities, committees, property managers, units;
//! - `residency.rs`: verifying and removing residents, ownership changes,
//!   account rotation;
//! - `counting.rs`: keeping voters' tallies and the totals in step;
//! - `inspect.rs`: what other pallets may ask
//!   ([`CommunityInspect`](linli_primitives::community::CommunityInspect));
//! - `views.rs`: what the runtime API serves; `invariants.rs`: `try_state`.
//!
//! ## Calls
//! | call | origin | event |
//! |---|---|---|
//! | [`create_community`](Pallet::create_community) | `CreateOrigin` (district authority) | `CommunityCreated` |
//! | [`set_registrars`](Pallet::set_registrars) | `AdminOrigin` for that community | `RegistrarsSet` |
//! | [`set_committee`](Pallet::set_committee) | `AdminOrigin` (the owners' assembly) | `CommitteeSet` |
//! | [`set_property_managers`](Pallet::set_property_managers) | `AdminOrigin` (the owners' assembly) | `PropertyManagersSet` |
//! | [`set_developer`](Pallet::set_developer) | `AdminOrigin` | `DeveloperSet` |
//! | [`register_units`](Pallet::register_units) | a registrar of the community | `UnitRegistered` per unit |
//! | [`update_unit`](Pallet::update_unit) | a registrar | `UnitUpdated` |
//! | [`verify_resident`](Pallet::verify_resident) | a registrar | `ResidentVerified` (+ `VoterChanged`) |
//! | [`remove_resident`](Pallet::remove_resident) | a registrar | `ResidentRemoved` (+ `VoterChanged`) |
//! | [`leave`](Pallet::leave) | the resident | `ResidentRemoved` (+ `VoterChanged`) |
//! | [`transfer_ownership`](Pallet::transfer_ownership) | a registrar | `OwnershipTransferred`, `ResidentRemoved`… |
//! | [`rotate_account`](Pallet::rotate_account) | a registrar: announces | `AccountRotationAnnounced` |
//! | [`answer_rotation`](Pallet::answer_rotation) | the old account: accepts or objects | `AccountRotated` / `AccountRotationRefused` |
//! | [`complete_rotation`](Pallet::complete_rotation) | anyone, after `RotationDelay` | `AccountRotated` |
//! | [`set_voter`](Pallet::set_voter) | a registrar, or the unit's current voter | `VoterChanged` |
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod counting;
mod inspect;
mod invariants;
mod registry;
mod residency;
mod views;
pub mod migrations;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use types::*;
pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{
		pallet_prelude::*,
		traits::{EnsureOrigin, EnsureOriginWithArg},
	};
	use frame_system::pallet_prelude::*;
	use linli_primitives::{
		community::{Area, CommunityId, IdentityCommitment, ResidentRole, ScopeId, UnitId, UnitStatus},
		governance::{Role, RoleOf, VoterChanges as _},
	};

	/// The in-code storage version.
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(3);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Who may create a community (root, or a district authority).
		type CreateOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// Who may fill each role of a community: registrars, committee,
		/// property company, developer. The owners' assembly of that
		/// community plugs in here, each role by its own matter
		/// ([`Role::decided_by`](linli_primitives::governance::Role::decided_by)).
		type AdminOrigin: EnsureOriginWithArg<Self::RuntimeOrigin, RoleOf>;
		/// Longest community name, in bytes.
		#[pallet::constant]
		type MaxNameLength: Get<u32>;
		/// Most registrar accounts of a community.
		#[pallet::constant]
		type MaxRegistrars: Get<u32>;
		/// Most members of an owners' committee (DOMAIN: 11).
		#[pallet::constant]
		type MaxCommitteeSize: Get<u32>;
		/// Most accounts acting for the property company.
		#[pallet::constant]
		type MaxPropertyManagers: Get<u32>;
		/// Most units registered by one call.
		#[pallet::constant]
		type MaxUnitsPerCall: Get<u32>;
		/// Most residents of one unit.
		#[pallet::constant]
		type MaxResidentsPerUnit: Get<u32>;
		/// Most units one account may be a resident of in a community.
		#[pallet::constant]
		type MaxUnitsPerAccount: Get<u32>;
		/// Longest committee term, in blocks (DOMAIN: five years).
		#[pallet::constant]
		type MaxCommitteeTerm: Get<BlockNumberFor<Self>>;
		/// Told when an owner's voting account (or the developer's account)
		/// is replaced, so that ballots in open votes follow the person:
		/// the owners' assembly.
		type VoterChanges: linli_primitives::governance::VoterChanges<Self::AccountId>;
		/// Hears of units registered, corrected and delivered (the fees
		/// pallet bills from these facts).
		type UnitChanges: linli_primitives::community::UnitChanges;
		/// How long a registrar's replacement of an account waits for the
		/// old key to object, unless the old key accepts it at once.
		#[pallet::constant]
		type RotationDelay: Get<BlockNumberFor<Self>>;
		/// Weights of the calls, from `benchmarking.rs`.
		type WeightInfo: WeightInfo;
	}

	/// The id the next community gets.
	#[pallet::storage]
	pub type NextCommunityId<T> = StorageValue<_, CommunityId, ValueQuery>;

	/// Communities by id.
	#[pallet::storage]
	pub type Communities<T: Config> =
		StorageMap<_, Blake2_128Concat, CommunityId, CommunityInfo<T::AccountId, T::MaxNameLength>>;

	/// The accounts that verify a community's residents.
	#[pallet::storage]
	pub type Registrars<T: Config> =
		StorageMap<_, Blake2_128Concat, CommunityId, BoundedVec<T::AccountId, T::MaxRegistrars>, ValueQuery>;

	/// A community's owners' committee (业委会).
	#[pallet::storage]
	pub type Committees<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		CommunityId,
		Committee<T::AccountId, BlockNumberFor<T>, T::MaxCommitteeSize>,
	>;

	/// The accounts acting for a community's property company (物业).
	#[pallet::storage]
	pub type PropertyManagers<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		CommunityId,
		BoundedVec<T::AccountId, T::MaxPropertyManagers>,
		ValueQuery,
	>;

	/// Units by community and commitment.
	#[pallet::storage]
	pub type Units<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		CommunityId,
		Identity,
		UnitId,
		UnitInfo<T::AccountId, T::MaxResidentsPerUnit>,
	>;

	/// A resident's verification, by community, account and unit.
	#[pallet::storage]
	pub type Residencies<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Blake2_128Concat, CommunityId>,
			NMapKey<Blake2_128Concat, T::AccountId>,
			NMapKey<Identity, UnitId>,
		),
		Residency<BlockNumberFor<T>>,
	>;

	/// What an account is in a community: how many units it lives in and owns.
	#[pallet::storage]
	pub type Memberships<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, CommunityId, Blake2_128Concat, T::AccountId, Membership, ValueQuery>;

	/// The units and area each voter's vote carries in a community.
	#[pallet::storage]
	pub type Voters<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		CommunityId,
		Blake2_128Concat,
		VoterKey<T::AccountId>,
		VoterTally<BlockNumberFor<T>>,
	>;

	/// The same, within one scope (building or stair).
	#[pallet::storage]
	pub type ScopeVoters<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Blake2_128Concat, CommunityId>,
			NMapKey<Blake2_128Concat, ScopeId>,
			NMapKey<Blake2_128Concat, VoterKey<T::AccountId>>,
		),
		VoterTally<BlockNumberFor<T>>,
	>;

	/// Voting totals of a scope: area and headcount of its voting owners.
	#[pallet::storage]
	pub type ScopeTotals<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		CommunityId,
		Blake2_128Concat,
		ScopeId,
		linli_primitives::community::VoteWeight,
		ValueQuery,
	>;

	/// When a community's developer got an account after having none: votes
	/// opened before that cannot take the developer's weight from the new
	/// account (the old one may have voted). Absent: since genesis.
	#[pallet::storage]
	pub type DeveloperAppointedAt<T: Config> =
		StorageMap<_, Blake2_128Concat, CommunityId, BlockNumberFor<T>, OptionQuery>;

	/// Replacements of a lost account a registrar announced: the new
	/// account and the block from which anyone may complete it, unless the
	/// old key objects first.
	#[pallet::storage]
	pub type PendingRotations<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		CommunityId,
		Blake2_128Concat,
		T::AccountId,
		PendingRotation<T::AccountId, BlockNumberFor<T>>,
	>;

	/// Every change of a unit's ownership, numbered from 0.
	#[pallet::storage]
	pub type OwnershipHistory<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Blake2_128Concat, CommunityId>,
			NMapKey<Identity, UnitId>,
			NMapKey<Twox64Concat, u32>,
		),
		OwnershipRecord<T::AccountId, BlockNumberFor<T>>,
	>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A community was created.
		CommunityCreated {
			/// The community.
			community: CommunityId,
			/// Its first registrar.
			registrar: T::AccountId,
			/// The account acting for its developer, if any.
			developer: Option<T::AccountId>,
		},
		/// A community's registrars were replaced.
		RegistrarsSet {
			/// The community.
			community: CommunityId,
			/// The registrars now.
			registrars: Vec<T::AccountId>,
		},
		/// A community's owners' committee was installed (empty: dissolved).
		CommitteeSet {
			/// The community.
			community: CommunityId,
			/// The members, in order.
			members: Vec<T::AccountId>,
			/// The block the committee's term ends.
			term_end: BlockNumberFor<T>,
		},
		/// A committee member no longer owns a unit of the community: its
		/// seat fell vacant (only owners sit on the committee).
		CommitteeSeatVacated {
			/// The community.
			community: CommunityId,
			/// The member who left (sold their last unit).
			who: T::AccountId,
		},
		/// Vacated seats left the committee below its legal size: the owners
		/// fill them by a by-election (`OwnersAssembly::propose_by_election`).
		CommitteeBelowLegalSize {
			/// The community.
			community: CommunityId,
			/// Members left.
			members: u32,
		},
		/// The accounts acting for the property company were replaced.
		PropertyManagersSet {
			/// The community.
			community: CommunityId,
			/// The property company's accounts now.
			managers: Vec<T::AccountId>,
		},
		/// The account acting for the developer changed.
		DeveloperSet {
			/// The community.
			community: CommunityId,
			/// The account acting for the developer now, if any.
			developer: Option<T::AccountId>,
		},
		/// A unit was registered.
		UnitRegistered {
			/// The community.
			community: CommunityId,
			/// The unit.
			unit: UnitId,
			/// Its building or stair.
			scope: ScopeId,
			/// Its exclusive area, 0.01 m².
			area: Area,
			/// Delivered, or held by the developer.
			status: UnitStatus,
		},
		/// A unit's area or scope was corrected.
		UnitUpdated {
			/// The community.
			community: CommunityId,
			/// The unit.
			unit: UnitId,
			/// Its building or stair now.
			scope: ScopeId,
			/// Its area now, 0.01 m².
			area: Area,
		},
		/// The registrar verified a resident of a unit.
		ResidentVerified {
			/// The community.
			community: CommunityId,
			/// The unit.
			unit: UnitId,
			/// The resident.
			who: T::AccountId,
			/// Owner, co-owner, tenant or family member.
			role: ResidentRole,
		},
		/// A resident of a unit stopped being one.
		ResidentRemoved {
			/// The community.
			community: CommunityId,
			/// The unit.
			unit: UnitId,
			/// The former resident.
			who: T::AccountId,
			/// Why it was removed.
			reason: RemovalReason,
		},
		/// A unit's voting owner changed (`None`: no verified owner left).
		VoterChanged {
			/// The community.
			community: CommunityId,
			/// The unit.
			unit: UnitId,
			/// The owner who votes for the unit now, if any.
			voter: Option<T::AccountId>,
		},
		/// A unit was sold (or delivered by the developer) to a new owner.
		OwnershipTransferred {
			/// The community.
			community: CommunityId,
			/// The unit.
			unit: UnitId,
			/// Who answered for the unit before: the developer, an owner, or nobody verified.
			from: Option<VoterKey<T::AccountId>>,
			/// The new owner.
			to: T::AccountId,
		},
		/// A resident's lost account was replaced by a new one, everywhere in the community.
		AccountRotated {
			/// The community.
			community: CommunityId,
			/// The old account.
			old: T::AccountId,
			/// The new account.
			new: T::AccountId,
			/// How many units moved to the new account.
			units: u32,
		},
		/// A registrar announced the replacement of `old` by `new`: the old
		/// key may accept or object until `effective_at`, after which anyone
		/// may complete it.
		AccountRotationAnnounced {
			/// The community.
			community: CommunityId,
			/// The old account.
			old: T::AccountId,
			/// The new account.
			new: T::AccountId,
			/// The registrar who announced it.
			registrar: T::AccountId,
			/// The block from which the new account takes over, unless the old one objects.
			effective_at: BlockNumberFor<T>,
		},
		/// The old key objected: the announced replacement is void.
		AccountRotationRefused {
			/// The community.
			community: CommunityId,
			/// The old account.
			old: T::AccountId,
			/// The new account.
			new: T::AccountId,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No community with that id.
		CommunityNotFound,
		/// The name is empty.
		EmptyName,
		/// The name is longer than `MaxNameLength`.
		NameTooLong,
		/// The signer is not a registrar of that community.
		NotRegistrar,
		/// A community needs at least one registrar.
		NoRegistrar,
		/// More registrars than `MaxRegistrars`.
		TooManyRegistrars,
		/// More property-company accounts than `MaxPropertyManagers`.
		TooManyPropertyManagers,
		/// An account appears twice in the list.
		DuplicateAccount,
		/// A committee has 5–11 members, an odd number (3 in a community of
		/// at most 100 households), or none.
		InvalidCommitteeSize,
		/// Every committee member must be an owner of the community.
		CommitteeMemberNotOwner,
		/// The term must end in the future.
		TermEndInPast,
		/// The term is longer than `MaxCommitteeTerm`.
		TermTooLong,
		/// The developer's account cannot also vote as an owner.
		DeveloperIsOwner,
		/// No units given.
		NoUnits,
		/// More units than `MaxUnitsPerCall` in one call.
		TooManyUnits,
		/// A unit must have a positive area.
		ZeroArea,
		/// That unit is already registered.
		UnitAlreadyRegistered,
		/// No such unit in that community.
		UnitNotFound,
		/// The account is already a resident of that unit.
		AlreadyResident,
		/// The account is not a resident of that unit (or community).
		NotResident,
		/// The unit has `MaxResidentsPerUnit` residents.
		TooManyResidents,
		/// The account lives in `MaxUnitsPerAccount` units of the community.
		TooManyUnitsForAccount,
		/// A developer-held unit has no owners but the developer: deliver it
		/// with `transfer_ownership`.
		UnitHeldByDeveloper,
		/// That account is not an owner of the unit.
		NotAnOwner,
		/// Only a registrar or the unit's current voter may do that.
		NotRegistrarOrVoter,
		/// The new account is already known in the community.
		AccountInUse,
		/// A replacement of this account is already announced.
		RotationPending,
		/// No replacement of this account is announced.
		NoRotationPending,
		/// The old key may still object: the delay has not passed.
		RotationNotDue,
		/// Old and new account are the same.
		SameAccount,
		/// The account already owns that unit.
		AlreadyOwner,
		/// A registrar removes a resident as `Revoked` or `MovedOut` only.
		InvalidReason,
		/// A counter overflowed (area or count beyond the type's range).
		Overflow,
		/// The community has no sitting committee.
		NoCommittee,
		/// The sitting committee has no seat to fill by a by-election: it is
		/// at its legal size, or another committee sits now.
		NoVacancy,
	}

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Communities to start with, created in order (ids 0, 1, …).
		pub communities: Vec<GenesisCommunity<T::AccountId>>,
	}

	/// A community in the genesis config.
	#[derive(Clone, serde::Serialize, serde::Deserialize)]
	#[serde(bound(serialize = "AccountId: serde::Serialize", deserialize = "AccountId: serde::Deserialize<'de>"))]
	#[serde(rename_all = "camelCase", deny_unknown_fields)]
	pub struct GenesisCommunity<AccountId> {
		/// Public name (UTF-8).
		pub name: alloc::string::String,
		/// Its registrar.
		pub registrar: AccountId,
		/// The developer's account, if any.
		pub developer: Option<AccountId>,
		/// Units: commitment, scope, area (0.01 m²), status.
		pub units: Vec<NewUnit>,
		/// Residents: unit, account, role, identity commitment.
		pub residents: Vec<(UnitId, AccountId, ResidentRole, IdentityCommitment)>,
		/// Owners' committee members (owners listed in `residents`).
		pub committee: Vec<AccountId>,
		/// Property company accounts.
		pub property_managers: Vec<AccountId>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for c in &self.communities {
				let id = Pallet::<T>::do_create_community(
					c.name.as_bytes().to_vec(),
					c.registrar.clone(),
					c.developer.clone(),
				)
				.expect("genesis community is valid");
				for chunk in c.units.chunks(T::MaxUnitsPerCall::get() as usize) {
					Pallet::<T>::do_register_units(id, chunk.to_vec()).expect("genesis units are valid");
				}
				for (unit, who, role, identity) in &c.residents {
					Pallet::<T>::do_verify_resident(id, *unit, who.clone(), *role, *identity)
						.expect("genesis residents are valid");
				}
				if !c.committee.is_empty() {
					Pallet::<T>::do_set_committee(id, c.committee.clone(), T::MaxCommitteeTerm::get())
						.expect("genesis committee is valid");
				}
				Pallet::<T>::do_set_property_managers(id, c.property_managers.clone())
					.expect("genesis property managers are valid");
			}
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Create a community with a public `name`, the `registrar` account that
		/// verifies its residents, and the account acting for its `developer`
		/// (开发建设单位), if it still has unsold or undelivered units.
		///
		/// Origin: `CreateOrigin` (root or the district authority).
		/// Emits `CommunityCreated`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::create_community())]
		pub fn create_community(
			origin: OriginFor<T>,
			name: Vec<u8>,
			registrar: T::AccountId,
			developer: Option<T::AccountId>,
		) -> DispatchResult {
			T::CreateOrigin::ensure_origin(origin)?;
			Self::do_create_community(name, registrar, developer).map(|_| ())
		}

		/// Replace the registrars of `community`: the accounts that register
		/// units and verify residents (usually the property register's keeper
		/// together with the committee).
		///
		/// Origin: `AdminOrigin` for `community`. Emits `RegistrarsSet`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::set_registrars(registrars.len() as u32))]
		pub fn set_registrars(
			origin: OriginFor<T>,
			community: CommunityId,
			registrars: Vec<T::AccountId>,
		) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin, &RoleOf { community, role: Role::Registrars })?;
			Self::ensure_community(community)?;
			ensure!(!registrars.is_empty(), Error::<T>::NoRegistrar);
			let bounded = Self::distinct_bounded::<T::MaxRegistrars>(
				&registrars,
				Error::<T>::TooManyRegistrars,
			)?;
			Registrars::<T>::insert(community, bounded);
			Self::deposit_event(Event::RegistrarsSet { community, registrars });
			Ok(())
		}

		/// Install the owners' committee (业委会) of `community` until block
		/// `term_end`. Members must be owners of the community; there are
		/// 5 to 11 of them, an odd number (3 are allowed in a community of at
		/// most 100 households). An empty list dissolves the committee.
		///
		/// Origin: `AdminOrigin` for `community` (the owners' assembly's
		/// election result). Emits `CommitteeSet`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::set_committee(members.len() as u32))]
		pub fn set_committee(
			origin: OriginFor<T>,
			community: CommunityId,
			members: Vec<T::AccountId>,
			term_end: BlockNumberFor<T>,
		) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin, &RoleOf { community, role: Role::Committee })?;
			Self::do_set_committee_for_term(community, members, term_end)
		}

		/// Replace the accounts acting for the property company (物业) of
		/// `community`. An empty list means the community has no company.
		///
		/// Origin: `AdminOrigin` for `community` (hiring or firing the company
		/// is an owners' decision). Emits `PropertyManagersSet`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::set_property_managers(managers.len() as u32))]
		pub fn set_property_managers(
			origin: OriginFor<T>,
			community: CommunityId,
			managers: Vec<T::AccountId>,
		) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin, &RoleOf { community, role: Role::PropertyCompany })?;
			Self::do_set_property_managers(community, managers)
		}

		/// Set (or clear) the account acting for the developer of `community`.
		/// The developer's units count as one owner whichever account acts for
		/// it; that account cannot also vote as an owner of a delivered unit.
		/// A new account takes over the old one's ballots in open votes; an
		/// account set after none joins only votes opened afterwards.
		///
		/// Origin: `AdminOrigin` for `community`. Emits `DeveloperSet`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::set_developer().saturating_add(
			<T::VoterChanges as linli_primitives::governance::VoterChanges<T::AccountId>>::max_weight()
		))]
		pub fn set_developer(
			origin: OriginFor<T>,
			community: CommunityId,
			developer: Option<T::AccountId>,
		) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin, &RoleOf { community, role: Role::Developer })?;
			let mut info = Self::ensure_community(community)?;
			if let Some(dev) = &developer {
				ensure!(
					!Voters::<T>::contains_key(community, VoterKey::Owner(dev.clone())),
					Error::<T>::DeveloperIsOwner
				);
			}
			match (&info.developer, &developer) {
				// The same developer, a new account: its ballots follow it.
				(Some(old), Some(new)) if old != new =>
					T::VoterChanges::voter_account_changed(community, old, new)?,
				// A developer account after none: whoever acted before may
				// have voted, so the new account joins only later votes.
				(None, Some(_)) =>
					DeveloperAppointedAt::<T>::insert(community, frame_system::Pallet::<T>::block_number()),
				_ => {},
			}
			info.developer = developer.clone();
			Communities::<T>::insert(community, info);
			Self::deposit_event(Event::DeveloperSet { community, developer });
			Ok(())
		}

		/// Register up to `MaxUnitsPerCall` units of `community`: each an opaque
		/// commitment, a scope (building or stair), an area in 0.01 m² and a
		/// status. Developer-held units count at once for the developer.
		///
		/// Origin: a registrar of `community`. Emits `UnitRegistered` per unit.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::register_units(units.len() as u32)
			.saturating_add(<T::UnitChanges as linli_primitives::community::UnitChanges>::max_weight().saturating_mul(units.len() as u64)))]
		pub fn register_units(
			origin: OriginFor<T>,
			community: CommunityId,
			units: Vec<NewUnit>,
		) -> DispatchResult {
			Self::ensure_registrar(origin, community)?;
			Self::do_register_units(community, units)
		}

		/// Correct a unit's `area` (registered, else surveyed, else contract
		/// area) or `scope`. Its voter's weight and the totals follow; its
		/// bills follow from the current month (past months stay as billed).
		///
		/// Origin: a registrar of `community`. Emits `UnitUpdated`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::update_unit().saturating_add(<T::UnitChanges as linli_primitives::community::UnitChanges>::max_weight()))]
		pub fn update_unit(
			origin: OriginFor<T>,
			community: CommunityId,
			unit: UnitId,
			scope: ScopeId,
			area: Area,
		) -> DispatchResult {
			Self::ensure_registrar(origin, community)?;
			ensure!(area > 0, Error::<T>::ZeroArea);
			let mut info = Units::<T>::get(community, unit).ok_or(Error::<T>::UnitNotFound)?;
			<T::UnitChanges as linli_primitives::community::UnitChanges>::unit_corrected(
				community,
				&unit,
				(info.scope, info.area),
				(scope, area),
			)?;
			if let Some(key) = info.voter_key() {
				Self::uncount(community, info.scope, &key, info.area)?;
				Self::count(community, scope, &key, area)?;
			}
			info.scope = scope;
			info.area = area;
			Units::<T>::insert(community, unit, info);
			Self::deposit_event(Event::UnitUpdated { community, unit, scope, area });
			Ok(())
		}

		/// Verify `who` as a resident of `unit` with `role`, storing only
		/// `identity`: a salted hash of the documents the registrar checked.
		/// The first verified owner of a delivered unit becomes its voter.
		///
		/// Origin: a registrar of `community`. Emits `ResidentVerified`, and
		/// `VoterChanged` when the unit gets its voter.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::verify_resident())]
		pub fn verify_resident(
			origin: OriginFor<T>,
			community: CommunityId,
			unit: UnitId,
			who: T::AccountId,
			role: ResidentRole,
			identity: IdentityCommitment,
		) -> DispatchResult {
			Self::ensure_registrar(origin, community)?;
			Self::do_verify_resident(community, unit, who, role, identity)
		}

		/// Remove `who` from `unit` because the verification was withdrawn
		/// (`Revoked`) or the resident moved out (`MovedOut`). If `who` voted
		/// for the unit, its next owner takes over the vote.
		///
		/// Origin: a registrar of `community`. Emits `ResidentRemoved`.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::remove_resident())]
		pub fn remove_resident(
			origin: OriginFor<T>,
			community: CommunityId,
			unit: UnitId,
			who: T::AccountId,
			reason: RemovalReason,
		) -> DispatchResult {
			Self::ensure_registrar(origin, community)?;
			ensure!(
				matches!(reason, RemovalReason::Revoked | RemovalReason::MovedOut),
				Error::<T>::InvalidReason
			);
			Self::do_remove_resident(community, unit, who, reason)
		}

		/// Stop being a resident of `unit` (the signer's own choice).
		///
		/// Origin: signed by the resident. Emits `ResidentRemoved`.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::leave())]
		pub fn leave(origin: OriginFor<T>, community: CommunityId, unit: UnitId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_remove_resident(community, unit, who, RemovalReason::Left)
		}

		/// Record the sale of `unit` (or its delivery by the developer) to
		/// `new_owner`, verified with `identity`. The former owners and their
		/// family members stop being residents; tenants stay (a sale does not
		/// break a lease). The change is kept in `OwnershipHistory`. In votes
		/// already open, a ballot the seller cast stands for the unit;
		/// otherwise the buyer votes with its weight (`VoterChanges::unit_sold`).
		///
		/// Origin: a registrar of `community`. Emits `ResidentRemoved` for each
		/// former owner-side resident, `OwnershipTransferred` and `VoterChanged`.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::transfer_ownership(T::MaxResidentsPerUnit::get())
			.saturating_add(<T::UnitChanges as linli_primitives::community::UnitChanges>::max_weight())
			.saturating_add(<T::VoterChanges as linli_primitives::governance::VoterChanges<T::AccountId>>::max_sale_weight()))]
		pub fn transfer_ownership(
			origin: OriginFor<T>,
			community: CommunityId,
			unit: UnitId,
			new_owner: T::AccountId,
			identity: IdentityCommitment,
		) -> DispatchResultWithPostInfo {
			Self::ensure_registrar(origin, community)?;
			let removed = Self::do_transfer_ownership(community, unit, new_owner, identity)?;
			Ok(Some(
				T::WeightInfo::transfer_ownership(removed)
					.saturating_add(<T::UnitChanges as linli_primitives::community::UnitChanges>::max_weight())
					.saturating_add(<T::VoterChanges as linli_primitives::governance::VoterChanges<T::AccountId>>::max_sale_weight()),
			)
			.into())
		}

		/// Announce the replacement of a resident's lost account `old` by
		/// `new` everywhere in `community`: residencies, the votes it casts
		/// (its ballots in open votes follow it), and committee,
		/// property-company and registrar seats. `new` must be unknown there.
		/// Nothing moves yet: the old key may accept it at once or object
		/// (`answer_rotation`) until `RotationDelay` has passed; then anyone
		/// may complete it (`complete_rotation`). So no registrar can take an
		/// owner's vote or seat without the owner's knowledge.
		///
		/// Origin: a registrar of `community`. Emits
		/// `AccountRotationAnnounced`.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::rotate_account())]
		pub fn rotate_account(
			origin: OriginFor<T>,
			community: CommunityId,
			old: T::AccountId,
			new: T::AccountId,
		) -> DispatchResult {
			let registrar = Self::ensure_registrar(origin, community)?;
			Self::do_announce_rotation(community, registrar, old, new)
		}

		/// The old key's answer to an announced replacement of its account:
		/// `accept` completes it at once, otherwise it is void.
		///
		/// Origin: signed, the old account. Emits `AccountRotated` or
		/// `AccountRotationRefused`.
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::complete_rotation(T::MaxUnitsPerAccount::get()).saturating_add(
			<T::VoterChanges as linli_primitives::governance::VoterChanges<T::AccountId>>::max_weight()
		))]
		pub fn answer_rotation(origin: OriginFor<T>, community: CommunityId, accept: bool) -> DispatchResultWithPostInfo {
			let old = ensure_signed(origin)?;
			let pending = PendingRotations::<T>::take(community, &old).ok_or(Error::<T>::NoRotationPending)?;
			if !accept {
				Self::deposit_event(Event::AccountRotationRefused { community, old, new: pending.new });
				return Ok(Some(T::WeightInfo::rotate_account()).into());
			}
			Self::rotate_now(community, old, pending.new)
		}

		/// Complete an announced replacement whose delay has passed without
		/// an objection.
		///
		/// Origin: signed, anyone. Emits `AccountRotated`.
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::complete_rotation(T::MaxUnitsPerAccount::get()).saturating_add(
			<T::VoterChanges as linli_primitives::governance::VoterChanges<T::AccountId>>::max_weight()
		))]
		pub fn complete_rotation(
			origin: OriginFor<T>,
			community: CommunityId,
			old: T::AccountId,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let pending = PendingRotations::<T>::get(community, &old).ok_or(Error::<T>::NoRotationPending)?;
			ensure!(
				frame_system::Pallet::<T>::block_number() >= pending.effective_at,
				Error::<T>::RotationNotDue
			);
			PendingRotations::<T>::remove(community, &old);
			Self::rotate_now(community, old, pending.new)
		}

		/// Make `who`, an owner of the co-owned `unit`, the account that votes
		/// for it.
		///
		/// Origin: a registrar of `community`, or the unit's current voter.
		/// Emits `VoterChanged`.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::set_voter())]
		pub fn set_voter(
			origin: OriginFor<T>,
			community: CommunityId,
			unit: UnitId,
			who: T::AccountId,
		) -> DispatchResult {
			let signer = ensure_signed(origin)?;
			Self::ensure_community(community)?;
			let mut info = Units::<T>::get(community, unit).ok_or(Error::<T>::UnitNotFound)?;
			ensure!(
				Registrars::<T>::get(community).contains(&signer) ||
					info.voter.as_ref() == Some(&signer),
				Error::<T>::NotRegistrarOrVoter
			);
			ensure!(info.status == UnitStatus::Delivered, Error::<T>::UnitHeldByDeveloper);
			ensure!(info.role_of(&who).is_some_and(|r| r.is_owner()), Error::<T>::NotAnOwner);
			Self::change_voter(community, unit, &mut info, Some(who))?;
			Units::<T>::insert(community, unit, info);
			Ok(())
		}
	}
}
