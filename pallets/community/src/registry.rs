//! Communities and who runs them: creating a community, seating its
//! committee and property managers, registering its units, and the
//! [`CommitteeInstaller`](linli_primitives::governance::CommitteeInstaller)
//! through which an owners' election seats a committee.

use crate::{pallet::*, types::*};
use alloc::vec::Vec;
use frame_support::{ensure, pallet_prelude::*, traits::Get};
use frame_system::pallet_prelude::*;
use linli_primitives::community::{CommunityId, VoteWeight};

impl<T: Config> Pallet<T> {
	pub(crate) fn ensure_community(
		community: CommunityId,
	) -> Result<CommunityInfo<T::AccountId, T::MaxNameLength>, DispatchError> {
		Communities::<T>::get(community).ok_or_else(|| Error::<T>::CommunityNotFound.into())
	}

	/// The signer, if it is a registrar of `community`.
	pub(crate) fn ensure_registrar(
		origin: OriginFor<T>,
		community: CommunityId,
	) -> Result<T::AccountId, DispatchError> {
		let who = frame_system::ensure_signed(origin)?;
		Self::ensure_community(community)?;
		ensure!(Registrars::<T>::get(community).contains(&who), Error::<T>::NotRegistrar);
		Ok(who)
	}

	/// `accounts` as a bounded list: each at most once, at most `S` of them.
	pub(crate) fn distinct_bounded<S: Get<u32>>(
		accounts: &[T::AccountId],
		too_many: Error<T>,
	) -> Result<BoundedVec<T::AccountId, S>, DispatchError> {
		for (i, a) in accounts.iter().enumerate() {
			ensure!(!accounts[..i].contains(a), Error::<T>::DuplicateAccount);
		}
		accounts.to_vec().try_into().map_err(|_| too_many.into())
	}

	pub(crate) fn do_create_community(
		name: Vec<u8>,
		registrar: T::AccountId,
		developer: Option<T::AccountId>,
	) -> Result<CommunityId, DispatchError> {
		ensure!(!name.is_empty(), Error::<T>::EmptyName);
		let name: BoundedVec<u8, T::MaxNameLength> =
			name.try_into().map_err(|_| Error::<T>::NameTooLong)?;
		let community = NextCommunityId::<T>::get();
		let next = community.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let registrars: BoundedVec<_, T::MaxRegistrars> =
			alloc::vec![registrar.clone()].try_into().map_err(|_| Error::<T>::TooManyRegistrars)?;
		Communities::<T>::insert(
			community,
			CommunityInfo {
				name,
				developer: developer.clone(),
				unit_count: 0,
				resident_count: 0,
				totals: VoteWeight::default(),
			},
		);
		Registrars::<T>::insert(community, registrars);
		NextCommunityId::<T>::put(next);
		Self::deposit_event(Event::CommunityCreated { community, registrar, developer });
		Ok(community)
	}

	/// As [`Self::do_set_committee`], checking the term: it ends in the
	/// future and lasts at most `MaxCommitteeTerm`.
	pub(crate) fn do_set_committee_for_term(
		community: CommunityId,
		members: Vec<T::AccountId>,
		term_end: BlockNumberFor<T>,
	) -> DispatchResult {
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(members.is_empty() || term_end > now, Error::<T>::TermEndInPast);
		ensure!(
			members.is_empty() || term_end - now <= T::MaxCommitteeTerm::get(),
			Error::<T>::TermTooLong
		);
		Self::do_set_committee(community, members, term_end)
	}

	pub(crate) fn do_set_committee(
		community: CommunityId,
		members: Vec<T::AccountId>,
		term_end: BlockNumberFor<T>,
	) -> DispatchResult {
		let info = Self::ensure_community(community)?;
		let size = members.len() as u32;
		// The legal size, or none (dissolved).
		let valid_size = size == 0
			|| (size <= T::MaxCommitteeSize::get()
				&& linli_primitives::governance::is_legal_committee_size(size, info.unit_count));
		ensure!(valid_size, Error::<T>::InvalidCommitteeSize);
		let bounded = Self::distinct_bounded::<T::MaxCommitteeSize>(
			&members,
			Error::<T>::InvalidCommitteeSize,
		)?;
		for m in &members {
			ensure!(
				Memberships::<T>::get(community, m).owned > 0,
				Error::<T>::CommitteeMemberNotOwner
			);
		}
		if members.is_empty() {
			Committees::<T>::remove(community);
		} else {
			Committees::<T>::insert(community, Committee { members: bounded, term_end });
		}
		Self::deposit_event(Event::CommitteeSet { community, members, term_end });
		Ok(())
	}

	pub(crate) fn do_set_property_managers(
		community: CommunityId,
		managers: Vec<T::AccountId>,
	) -> DispatchResult {
		Self::ensure_community(community)?;
		let bounded = Self::distinct_bounded::<T::MaxPropertyManagers>(
			&managers,
			Error::<T>::TooManyPropertyManagers,
		)?;
		PropertyManagers::<T>::insert(community, bounded);
		Self::deposit_event(Event::PropertyManagersSet { community, managers });
		Ok(())
	}

	pub(crate) fn do_register_units(community: CommunityId, units: Vec<NewUnit>) -> DispatchResult {
		let mut info = Self::ensure_community(community)?;
		ensure!(!units.is_empty(), Error::<T>::NoUnits);
		ensure!(units.len() as u32 <= T::MaxUnitsPerCall::get(), Error::<T>::TooManyUnits);
		for unit in units {
			ensure!(unit.area > 0, Error::<T>::ZeroArea);
			ensure!(
				!Units::<T>::contains_key(community, unit.id),
				Error::<T>::UnitAlreadyRegistered
			);
			let stored = UnitInfo {
				scope: unit.scope,
				area: unit.area,
				status: unit.status,
				voter: None,
				residents: BoundedVec::new(),
				transfers: 0,
			};
			if let Some(key) = stored.voter_key() {
				Self::count_into(&mut info, community, unit.scope, &key, unit.area)?;
			}
			<T::UnitChanges as linli_primitives::community::UnitChanges>::unit_registered(
				community, &unit.id, unit.scope, unit.area,
			)?;
			Units::<T>::insert(community, unit.id, stored);
			info.unit_count = info.unit_count.checked_add(1).ok_or(Error::<T>::Overflow)?;
			Self::deposit_event(Event::UnitRegistered {
				community,
				unit: unit.id,
				scope: unit.scope,
				area: unit.area,
				status: unit.status,
			});
		}
		Communities::<T>::insert(community, info);
		Ok(())
	}

	/// Only owners sit on the owners' committee: one who no longer owns a
	/// unit of the community leaves it (its seat falls vacant).
	pub(crate) fn vacate_committee_seat(community: CommunityId, who: &T::AccountId) {
		let left = Committees::<T>::mutate_exists(community, |committee| {
			let c = committee.as_mut()?;
			let before = c.members.len();
			c.members.retain(|m| m != who);
			let left = (c.members.len() < before).then_some(c.members.len() as u32);
			if c.members.is_empty() {
				*committee = None;
			}
			left
		});
		let Some(members) = left else { return };
		Self::deposit_event(Event::CommitteeSeatVacated { community, who: who.clone() });
		let households = Communities::<T>::get(community).map_or(0, |c| c.unit_count);
		if members > 0
			&& !linli_primitives::governance::is_legal_committee_size(members, households)
		{
			// The owners must fill the seats (a by-election).
			Self::deposit_event(Event::CommitteeBelowLegalSize { community, members });
		}
	}
}

impl<T: Config> linli_primitives::governance::CommitteeInstaller<T::AccountId, BlockNumberFor<T>>
	for Pallet<T>
{
	fn install_committee(
		community: CommunityId,
		members: Vec<T::AccountId>,
		term_end: BlockNumberFor<T>,
	) -> DispatchResult {
		Self::do_set_committee_for_term(community, members, term_end)
	}

	fn committee(community: CommunityId) -> Option<(Vec<T::AccountId>, BlockNumberFor<T>)> {
		Committees::<T>::get(community).map(|c| (c.members.into_inner(), c.term_end))
	}

	fn fill_committee_seats(
		community: CommunityId,
		members: Vec<T::AccountId>,
		term_end: BlockNumberFor<T>,
	) -> DispatchResult {
		let sitting = Committees::<T>::get(community).ok_or(Error::<T>::NoCommittee)?;
		// A committee elected since, or one another by-election filled, is
		// not the one these seats were for.
		ensure!(sitting.term_end == term_end, Error::<T>::NoVacancy);
		let households = Self::ensure_community(community)?.unit_count;
		ensure!(
			!linli_primitives::governance::is_legal_committee_size(
				sitting.members.len() as u32,
				households
			),
			Error::<T>::NoVacancy
		);
		let mut all = sitting.members.into_inner();
		all.extend(members);
		// The size, ownership and distinctness rules of any committee.
		Self::do_set_committee(community, all, sitting.term_end)
	}
}
