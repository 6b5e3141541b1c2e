//! The pallet's logic, shared by its calls and its genesis build, the
//! [`CommunityInspect`] glue for other pallets, and the `try_state` checks.

use crate::{pallet::*, types::*, weights::WeightInfo};
use alloc::{collections::btree_map::BTreeMap, vec::Vec};
use frame_support::{ensure, pallet_prelude::*, traits::Get};
use frame_system::pallet_prelude::*;
use linli_primitives::community::{
	Area, CommunityId, CommunityInspect, IdentityCommitment, ResidentRole, ScopeId, UnitId,
	UnitStatus, UnitSummary, VoteWeight,
};
use linli_primitives::governance::VoterAccountChanged as _;

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
		let valid_size = size == 0 ||
			(size <= T::MaxCommitteeSize::get() &&
				linli_primitives::governance::is_legal_committee_size(size, info.unit_count));
		ensure!(valid_size, Error::<T>::InvalidCommitteeSize);
		let bounded =
			Self::distinct_bounded::<T::MaxCommitteeSize>(&members, Error::<T>::InvalidCommitteeSize)?;
		for m in &members {
			ensure!(Memberships::<T>::get(community, m).owned > 0, Error::<T>::CommitteeMemberNotOwner);
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
			ensure!(!Units::<T>::contains_key(community, unit.id), Error::<T>::UnitAlreadyRegistered);
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
				community,
				&unit.id,
				unit.scope,
				unit.area,
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

	pub(crate) fn do_verify_resident(
		community: CommunityId,
		unit: UnitId,
		who: T::AccountId,
		role: ResidentRole,
		identity: IdentityCommitment,
	) -> DispatchResult {
		let community_info = Self::ensure_community(community)?;
		let mut info = Units::<T>::get(community, unit).ok_or(Error::<T>::UnitNotFound)?;
		ensure!(info.role_of(&who).is_none(), Error::<T>::AlreadyResident);
		if role.is_owner() {
			ensure!(info.status == UnitStatus::Delivered, Error::<T>::UnitHeldByDeveloper);
			ensure!(community_info.developer.as_ref() != Some(&who), Error::<T>::DeveloperIsOwner);
		}
		Self::add_residency(community, unit, &mut info, who.clone(), role, identity)?;
		Self::deposit_event(Event::ResidentVerified { community, unit, who: who.clone(), role });
		if role.is_owner() && info.voter.is_none() {
			Self::change_voter(community, unit, &mut info, Some(who))?;
		}
		Units::<T>::insert(community, unit, info);
		Ok(())
	}

	/// Adds `who` to `unit`'s residents and indexes (no events).
	fn add_residency(
		community: CommunityId,
		unit: UnitId,
		info: &mut UnitInfo<T::AccountId, T::MaxResidentsPerUnit>,
		who: T::AccountId,
		role: ResidentRole,
		identity: IdentityCommitment,
	) -> DispatchResult {
		info.residents.try_push((who.clone(), role)).map_err(|_| Error::<T>::TooManyResidents)?;
		Memberships::<T>::try_mutate(community, &who, |m| -> DispatchResult {
			ensure!(m.units < T::MaxUnitsPerAccount::get(), Error::<T>::TooManyUnitsForAccount);
			m.units += 1;
			if role.is_owner() {
				m.owned += 1;
			}
			Ok(())
		})?;
		Residencies::<T>::insert(
			(community, &who, unit),
			Residency { role, identity, since: frame_system::Pallet::<T>::block_number() },
		);
		Communities::<T>::try_mutate(community, |c| -> DispatchResult {
			let c = c.as_mut().ok_or(Error::<T>::CommunityNotFound)?;
			c.resident_count = c.resident_count.checked_add(1).ok_or(Error::<T>::Overflow)?;
			Ok(())
		})
	}

	/// Removes `who` from `unit`'s residents and indexes (no events, no voter change).
	fn drop_residency(
		community: CommunityId,
		unit: UnitId,
		info: &mut UnitInfo<T::AccountId, T::MaxResidentsPerUnit>,
		who: &T::AccountId,
	) -> Result<ResidentRole, DispatchError> {
		let pos = info.residents.iter().position(|(a, _)| a == who).ok_or(Error::<T>::NotResident)?;
		let (_, role) = info.residents.remove(pos);
		let still_owns = Memberships::<T>::mutate_exists(community, who, |m| {
			let mut v = m.unwrap_or_default();
			v.units = v.units.saturating_sub(1);
			if role.is_owner() {
				v.owned = v.owned.saturating_sub(1);
			}
			let owns = v.owned > 0;
			*m = if v.units == 0 { None } else { Some(v) };
			owns
		});
		if role.is_owner() && !still_owns {
			Self::vacate_committee_seat(community, who);
		}
		Residencies::<T>::remove((community, who, unit));
		Communities::<T>::mutate(community, |c| {
			if let Some(c) = c {
				c.resident_count = c.resident_count.saturating_sub(1);
			}
		});
		Ok(role)
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
		if members > 0 && !linli_primitives::governance::is_legal_committee_size(members, households) {
			// The owners must fill the seats (a by-election).
			Self::deposit_event(Event::CommitteeBelowLegalSize { community, members });
		}
	}

	pub(crate) fn do_remove_resident(
		community: CommunityId,
		unit: UnitId,
		who: T::AccountId,
		reason: RemovalReason,
	) -> DispatchResult {
		Self::ensure_community(community)?;
		let mut info = Units::<T>::get(community, unit).ok_or(Error::<T>::UnitNotFound)?;
		Self::drop_residency(community, unit, &mut info, &who)?;
		if info.voter.as_ref() == Some(&who) {
			let next = info.next_owner(&who);
			Self::change_voter(community, unit, &mut info, next)?;
		}
		Units::<T>::insert(community, unit, info);
		Self::deposit_event(Event::ResidentRemoved { community, unit, who, reason });
		Ok(())
	}

	/// Returns how many former residents were removed.
	pub(crate) fn do_transfer_ownership(
		community: CommunityId,
		unit: UnitId,
		new_owner: T::AccountId,
		identity: IdentityCommitment,
	) -> Result<u32, DispatchError> {
		let community_info = Self::ensure_community(community)?;
		let mut info = Units::<T>::get(community, unit).ok_or(Error::<T>::UnitNotFound)?;
		ensure!(community_info.developer.as_ref() != Some(&new_owner), Error::<T>::DeveloperIsOwner);
		ensure!(
			!info.role_of(&new_owner).is_some_and(|r| r.is_owner()),
			Error::<T>::AlreadyOwner
		);
		ensure!(info.role_of(&new_owner).is_none(), Error::<T>::AlreadyResident);
		let from = info.voter_key();
		if info.status == UnitStatus::DeveloperHeld {
			<T::UnitChanges as linli_primitives::community::UnitChanges>::unit_delivered(community, &unit)?;
		}

		// The seller's side leaves; tenants stay (买卖不破租赁).
		let leaving: Vec<T::AccountId> = info
			.residents
			.iter()
			.filter(|(_, r)| !matches!(r, ResidentRole::Tenant))
			.map(|(a, _)| a.clone())
			.collect();
		// Uncount the old voter before the status changes what the key is.
		Self::change_voter(community, unit, &mut info, None)?;
		if let Some(key) = &from {
			if *key == VoterKey::Developer {
				Self::uncount(community, info.scope, key, info.area)?;
			}
		}
		for who in &leaving {
			Self::drop_residency(community, unit, &mut info, who)?;
			Self::deposit_event(Event::ResidentRemoved {
				community,
				unit,
				who: who.clone(),
				reason: RemovalReason::OwnershipTransferred,
			});
		}
		info.status = UnitStatus::Delivered;
		Self::add_residency(community, unit, &mut info, new_owner.clone(), ResidentRole::Owner, identity)?;
		Self::change_voter(community, unit, &mut info, Some(new_owner.clone()))?;

		let seq = info.transfers;
		info.transfers = seq.checked_add(1).ok_or(Error::<T>::Overflow)?;
		OwnershipHistory::<T>::insert(
			(community, unit, seq),
			OwnershipRecord {
				from: from.clone(),
				to: new_owner.clone(),
				at: frame_system::Pallet::<T>::block_number(),
			},
		);
		Units::<T>::insert(community, unit, info);
		Self::deposit_event(Event::OwnershipTransferred { community, unit, from, to: new_owner });
		Ok(leaving.len() as u32)
	}

	/// Whether `old` may be replaced by `new` in `community` now.
	fn check_rotation(community: CommunityId, old: &T::AccountId, new: &T::AccountId) -> Result<Membership, DispatchError> {
		let community_info = Self::ensure_community(community)?;
		ensure!(old != new, Error::<T>::SameAccount);
		let membership = Memberships::<T>::get(community, old);
		ensure!(membership.units > 0, Error::<T>::NotResident);
		ensure!(
			!Memberships::<T>::contains_key(community, new) &&
				community_info.developer.as_ref() != Some(new) &&
				!Voters::<T>::contains_key(community, VoterKey::Owner(new.clone())),
			Error::<T>::AccountInUse
		);
		Ok(membership)
	}

	/// A registrar announces that `new` replaces `old`; nothing moves yet.
	pub(crate) fn do_announce_rotation(
		community: CommunityId,
		registrar: T::AccountId,
		old: T::AccountId,
		new: T::AccountId,
	) -> DispatchResult {
		Self::check_rotation(community, &old, &new)?;
		ensure!(!PendingRotations::<T>::contains_key(community, &old), Error::<T>::RotationPending);
		let effective_at = sp_runtime::Saturating::saturating_add(frame_system::Pallet::<T>::block_number(), T::RotationDelay::get());
		PendingRotations::<T>::insert(community, &old, PendingRotation { new: new.clone(), effective_at });
		Self::deposit_event(Event::AccountRotationAnnounced { community, old, new, registrar, effective_at });
		Ok(())
	}

	/// Replaces `old` by `new` and returns the weight used.
	pub(crate) fn rotate_now(
		community: CommunityId,
		old: T::AccountId,
		new: T::AccountId,
	) -> frame_support::dispatch::DispatchResultWithPostInfo {
		let units = Self::do_rotate_account(community, old, new)?;
		let moved = <T::VoterAccountChanged as linli_primitives::governance::VoterAccountChanged<T::AccountId>>::max_weight();
		Ok(Some(T::WeightInfo::complete_rotation(units).saturating_add(moved)).into())
	}

	/// Returns the number of units moved.
	pub(crate) fn do_rotate_account(
		community: CommunityId,
		old: T::AccountId,
		new: T::AccountId,
	) -> Result<u32, DispatchError> {
		// Checked again: the community may have changed since the
		// announcement.
		let membership = Self::check_rotation(community, &old, &new)?;

		// The person's ballots in open votes follow the new account (and
		// the rotation fails if `new` already voted in one of them).
		T::VoterAccountChanged::voter_account_changed(community, &old, &new)?;
		let units: Vec<(UnitId, Residency<BlockNumberFor<T>>)> = Residencies::<T>::drain_prefix((community, &old))
			.take(T::MaxUnitsPerAccount::get() as usize)
			.collect();
		let old_key = VoterKey::Owner(old.clone());
		let new_key = VoterKey::Owner(new.clone());
		for (unit, residency) in &units {
			let mut info = Units::<T>::get(community, unit).ok_or(Error::<T>::UnitNotFound)?;
			for entry in info.residents.iter_mut() {
				if entry.0 == old {
					entry.0 = new.clone();
				}
			}
			if info.voter.as_ref() == Some(&old) {
				info.voter = Some(new.clone());
				// Same person, same weight: move the scope tally as a whole.
				if let Some(tally) = ScopeVoters::<T>::take((community, info.scope, &old_key)) {
					ScopeVoters::<T>::insert((community, info.scope, &new_key), tally);
				}
			}
			Residencies::<T>::insert((community, &new, unit), residency.clone());
			Units::<T>::insert(community, unit, info);
		}
		if let Some(tally) = Voters::<T>::take(community, &old_key) {
			Voters::<T>::insert(community, &new_key, tally);
		}
		Memberships::<T>::remove(community, &old);
		Memberships::<T>::insert(community, &new, membership);

		fn replace<'a, A: 'a + PartialEq + Clone>(list: impl Iterator<Item = &'a mut A>, old: &A, new: &A) {
			for a in list {
				if a == old {
					*a = new.clone();
				}
			}
		}
		Committees::<T>::mutate(community, |c| {
			if let Some(c) = c {
				replace(c.members.iter_mut(), &old, &new)
			}
		});
		PropertyManagers::<T>::mutate(community, |l| replace(l.iter_mut(), &old, &new));
		Registrars::<T>::mutate(community, |l| replace(l.iter_mut(), &old, &new));

		let moved = units.len() as u32;
		Self::deposit_event(Event::AccountRotated { community, old, new, units: moved });
		Ok(moved)
	}

	/// Makes `voter` the unit's voting owner and moves the unit's weight.
	pub(crate) fn change_voter(
		community: CommunityId,
		unit: UnitId,
		info: &mut UnitInfo<T::AccountId, T::MaxResidentsPerUnit>,
		voter: Option<T::AccountId>,
	) -> DispatchResult {
		if info.voter == voter {
			return Ok(());
		}
		if info.status == UnitStatus::Delivered {
			if let Some(old) = info.voter.clone() {
				Self::uncount(community, info.scope, &VoterKey::Owner(old), info.area)?;
			}
			if let Some(new) = voter.clone() {
				Self::count(community, info.scope, &VoterKey::Owner(new), info.area)?;
			}
		}
		info.voter = voter.clone();
		Self::deposit_event(Event::VoterChanged { community, unit, voter });
		Ok(())
	}

	/// Adds a unit's `area` to `key`'s vote and the totals.
	pub(crate) fn count(
		community: CommunityId,
		scope: ScopeId,
		key: &VoterKey<T::AccountId>,
		area: Area,
	) -> DispatchResult {
		let mut info = Self::ensure_community(community)?;
		Self::count_into(&mut info, community, scope, key, area)?;
		Communities::<T>::insert(community, info);
		Ok(())
	}

	/// As [`Self::count`], with the community record in hand.
	fn count_into(
		info: &mut CommunityInfo<T::AccountId, T::MaxNameLength>,
		community: CommunityId,
		scope: ScopeId,
		key: &VoterKey<T::AccountId>,
		area: Area,
	) -> DispatchResult {
		let now = frame_system::Pallet::<T>::block_number();
		let add = |tally: &mut VoterTally<BlockNumberFor<T>>, totals: &mut VoteWeight| -> DispatchResult {
			tally.grown_at = now;
			if tally.units == 0 {
				totals.headcount = totals.headcount.checked_add(1).ok_or(Error::<T>::Overflow)?;
			}
			tally.units = tally.units.checked_add(1).ok_or(Error::<T>::Overflow)?;
			tally.area = tally.area.checked_add(area).ok_or(Error::<T>::Overflow)?;
			totals.area = totals.area.checked_add(area).ok_or(Error::<T>::Overflow)?;
			Ok(())
		};
		let mut tally = Voters::<T>::get(community, key).unwrap_or_default();
		add(&mut tally, &mut info.totals)?;
		Voters::<T>::insert(community, key, tally);

		let mut scope_tally = ScopeVoters::<T>::get((community, scope, key)).unwrap_or_default();
		let mut scope_totals = ScopeTotals::<T>::get(community, scope);
		add(&mut scope_tally, &mut scope_totals)?;
		ScopeVoters::<T>::insert((community, scope, key), scope_tally);
		ScopeTotals::<T>::insert(community, scope, scope_totals);
		Ok(())
	}

	/// Takes a unit's `area` off `key`'s vote and the totals.
	pub(crate) fn uncount(
		community: CommunityId,
		scope: ScopeId,
		key: &VoterKey<T::AccountId>,
		area: Area,
	) -> DispatchResult {
		let mut info = Self::ensure_community(community)?;
		// Returns whether the voter has no units left.
		let sub = |tally: &mut VoterTally<BlockNumberFor<T>>,
		           totals: &mut VoteWeight|
		 -> Result<bool, DispatchError> {
			tally.units = tally.units.checked_sub(1).ok_or(Error::<T>::Overflow)?;
			tally.area = tally.area.checked_sub(area).ok_or(Error::<T>::Overflow)?;
			totals.area = totals.area.checked_sub(area).ok_or(Error::<T>::Overflow)?;
			if tally.units == 0 {
				totals.headcount = totals.headcount.checked_sub(1).ok_or(Error::<T>::Overflow)?;
			}
			Ok(tally.units == 0)
		};
		let mut tally = Voters::<T>::get(community, key).ok_or(Error::<T>::Overflow)?;
		if sub(&mut tally, &mut info.totals)? {
			Voters::<T>::remove(community, key);
		} else {
			Voters::<T>::insert(community, key, tally);
		}
		let mut scope_tally = ScopeVoters::<T>::get((community, scope, key)).ok_or(Error::<T>::Overflow)?;
		let mut scope_totals = ScopeTotals::<T>::get(community, scope);
		if sub(&mut scope_tally, &mut scope_totals)? {
			ScopeVoters::<T>::remove((community, scope, key));
		} else {
			ScopeVoters::<T>::insert((community, scope, key), scope_tally);
		}
		ScopeTotals::<T>::insert(community, scope, scope_totals);
		Communities::<T>::insert(community, info);
		Ok(())
	}

	/// The voter key `who` votes with in `community`.
	fn key_of(community: CommunityId, who: &T::AccountId) -> VoterKey<T::AccountId> {
		match Communities::<T>::get(community).and_then(|c| c.developer) {
			Some(dev) if dev == *who => VoterKey::Developer,
			_ => VoterKey::Owner(who.clone()),
		}
	}

	/// Checks that every derived number equals what it is derived from:
	/// totals and tallies against the units, memberships against residencies.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		// (units, area) per voter key, community-wide and per scope.
		type Tallies<A> = BTreeMap<(CommunityId, Option<ScopeId>, VoterKey<A>), (u32, Area)>;
		let mut tallies: Tallies<T::AccountId> = BTreeMap::new();
		let mut units_per_community: BTreeMap<CommunityId, u32> = BTreeMap::new();
		let mut residents_per_community: BTreeMap<CommunityId, u32> = BTreeMap::new();
		let mut memberships: BTreeMap<(CommunityId, T::AccountId), Membership> = BTreeMap::new();

		for (community, unit, info) in Units::<T>::iter() {
			ensure!(Communities::<T>::contains_key(community), "unit of an unknown community");
			ensure!(info.area > 0, "unit without area");
			*units_per_community.entry(community).or_default() += 1;
			if let Some(voter) = &info.voter {
				ensure!(info.status == UnitStatus::Delivered, "developer-held unit with an owner voter");
				ensure!(
					info.role_of(voter).is_some_and(|r| r.is_owner()),
					"unit voter is not one of its owners"
				);
			} else if info.status == UnitStatus::Delivered {
				ensure!(
					!info.residents.iter().any(|(_, r)| r.is_owner()),
					"delivered unit with owners but no voter"
				);
			}
			if let Some(key) = info.voter_key() {
				for scope in [None, Some(info.scope)] {
					let t = tallies.entry((community, scope, key.clone())).or_default();
					t.0 += 1;
					t.1 += info.area;
				}
			}
			for (who, role) in &info.residents {
				let residency = Residencies::<T>::get((community, who, unit))
					.ok_or("resident without residency record")?;
				ensure!(residency.role == *role, "residency role differs from the unit's");
				let m = memberships.entry((community, who.clone())).or_default();
				m.units += 1;
				if role.is_owner() {
					m.owned += 1;
				}
				*residents_per_community.entry(community).or_default() += 1;
			}
			ensure!(
				OwnershipHistory::<T>::iter_prefix((community, unit)).count() as u32 == info.transfers,
				"ownership history count differs"
			);
		}
		ensure!(
			Residencies::<T>::iter().count() as u32 == residents_per_community.values().sum::<u32>(),
			"residency records without unit entry"
		);
		ensure!(
			Memberships::<T>::iter().map(|(c, a, m)| ((c, a), m)).collect::<BTreeMap<_, _>>() ==
				memberships,
			"memberships differ from residencies"
		);

		let stored_voters: Tallies<T::AccountId> = Voters::<T>::iter()
			.map(|(c, k, t)| ((c, None, k), (t.units, t.area)))
			.chain(ScopeVoters::<T>::iter().map(|((c, s, k), t)| ((c, Some(s), k), (t.units, t.area))))
			.collect();
		ensure!(stored_voters == tallies, "voter tallies differ from the units");

		for (community, info) in Communities::<T>::iter() {
			ensure!(
				info.unit_count == units_per_community.get(&community).copied().unwrap_or(0),
				"unit count differs"
			);
			ensure!(
				info.resident_count == residents_per_community.get(&community).copied().unwrap_or(0),
				"resident count differs"
			);
			let expect = |scope: Option<ScopeId>| {
				tallies.iter().filter(|((c, s, _), _)| *c == community && *s == scope).fold(
					VoteWeight::default(),
					|acc, (_, t)| VoteWeight { area: acc.area + t.1, headcount: acc.headcount + 1 },
				)
			};
			ensure!(info.totals == expect(None), "community totals differ from the units");
			for (scope, totals) in ScopeTotals::<T>::iter_prefix(community) {
				ensure!(totals == expect(Some(scope)), "scope totals differ from the units");
			}
			if let Some(dev) = &info.developer {
				ensure!(
					!Voters::<T>::contains_key(community, VoterKey::Owner(dev.clone())),
					"developer votes as an owner"
				);
			}
			if let Some(committee) = Committees::<T>::get(community) {
				ensure!(!committee.members.is_empty(), "empty committee stored");
				ensure!(distinct(&committee.members), "a committee member listed twice");
				ensure!(
					committee.members.iter().all(|m| Memberships::<T>::get(community, m).owned > 0),
					"a committee member owns no unit"
				);
			}
			ensure!(distinct(&Registrars::<T>::get(community)), "a registrar listed twice");
			ensure!(distinct(&PropertyManagers::<T>::get(community)), "a property manager listed twice");
		}
		// An announced rotation replaces an account by another.
		for (_, old, pending) in PendingRotations::<T>::iter() {
			ensure!(old != pending.new, "a rotation onto the same account pending");
		}
		Ok(())
	}
}

/// Whether no account appears twice in `list`.
fn distinct<A: Ord>(list: &[A]) -> bool {
	let mut seen = alloc::collections::BTreeSet::new();
	list.iter().all(|a| seen.insert(a))
}

impl<T: Config> CommunityInspect<T::AccountId> for Pallet<T> {
	type BlockNumber = BlockNumberFor<T>;

	fn community_exists(community: CommunityId) -> bool {
		Communities::<T>::contains_key(community)
	}

	fn is_resident(community: CommunityId, who: &T::AccountId) -> bool {
		Memberships::<T>::contains_key(community, who)
	}

	fn residency(community: CommunityId, unit: &UnitId, who: &T::AccountId) -> Option<ResidentRole> {
		Residencies::<T>::get((community, who, unit)).map(|r| r.role)
	}

	fn is_owner(community: CommunityId, who: &T::AccountId) -> bool {
		Memberships::<T>::get(community, who).owned > 0
	}

	fn is_committee_member(community: CommunityId, who: &T::AccountId) -> bool {
		// Authority lapses with the term, and with the member's ownership.
		Committees::<T>::get(community).is_some_and(|c| {
			c.members.contains(who) && frame_system::Pallet::<T>::block_number() < c.term_end
		}) && Self::is_owner(community, who)
	}

	fn is_property_manager(community: CommunityId, who: &T::AccountId) -> bool {
		PropertyManagers::<T>::get(community).contains(who)
	}

	fn vote_weight(
		community: CommunityId,
		scope: Option<ScopeId>,
		who: &T::AccountId,
	) -> Option<VoteWeight> {
		let key = Self::key_of(community, who);
		let tally = match scope {
			None => Voters::<T>::get(community, &key),
			Some(scope) => ScopeVoters::<T>::get((community, scope, &key)),
		}?;
		Some(VoteWeight { area: tally.area, headcount: 1 })
	}

	fn vote_weight_grown_at(
		community: CommunityId,
		scope: Option<ScopeId>,
		who: &T::AccountId,
	) -> Option<BlockNumberFor<T>> {
		let key = Self::key_of(community, who);
		let tally = match scope {
			None => Voters::<T>::get(community, &key),
			Some(scope) => ScopeVoters::<T>::get((community, scope, &key)),
		}?;
		// A developer account set after none carries the developer's
		// weight only into votes opened after it was set.
		let appointed = match key {
			VoterKey::Developer => DeveloperAppointedAt::<T>::get(community),
			VoterKey::Owner(_) => None,
		};
		Some(appointed.map_or(tally.grown_at, |at| at.max(tally.grown_at)))
	}

	fn vote_totals(community: CommunityId, scope: Option<ScopeId>) -> VoteWeight {
		match scope {
			None => Communities::<T>::get(community).map(|c| c.totals).unwrap_or_default(),
			Some(scope) => ScopeTotals::<T>::get(community, scope),
		}
	}

	fn unit(community: CommunityId, unit: &UnitId) -> Option<UnitSummary<T::AccountId>> {
		let info = Units::<T>::get(community, unit)?;
		let responsible = match info.status {
			UnitStatus::DeveloperHeld => Communities::<T>::get(community).and_then(|c| c.developer),
			UnitStatus::Delivered => info.voter.clone(),
		};
		Some(UnitSummary { scope: info.scope, area: info.area, status: info.status, responsible })
	}

	fn unit_count(community: CommunityId) -> u32 {
		Communities::<T>::get(community).map(|c| c.unit_count).unwrap_or(0)
	}

	fn developer(community: CommunityId) -> Option<T::AccountId> {
		Communities::<T>::get(community).and_then(|c| c.developer)
	}

	fn units(community: CommunityId, start_after: Option<UnitId>, limit: u32) -> Vec<UnitId> {
		let keys = match start_after {
			None => Units::<T>::iter_key_prefix(community),
			Some(after) => Units::<T>::iter_key_prefix_from(
				community,
				Units::<T>::hashed_key_for(community, after),
			),
		};
		keys.take(limit as usize).collect()
	}
}

/// What the runtime API serves.
impl<T: Config> Pallet<T> {
	/// A unit, for `CommunityApi::unit`.
	pub fn unit_view(
		community: CommunityId,
		unit: UnitId,
	) -> Option<pallet_community_runtime_api::UnitView<T::AccountId>> {
		let info = Units::<T>::get(community, unit)?;
		Some(pallet_community_runtime_api::UnitView {
			scope: info.scope,
			area: info.area,
			status: info.status,
			voter: info.voter,
			residents: info.residents.into_inner(),
			transfers: info.transfers,
		})
	}

	/// What `who` is in `community`, for `CommunityApi::resident`.
	pub fn resident_view(
		community: CommunityId,
		who: T::AccountId,
	) -> pallet_community_runtime_api::ResidentView {
		// Bounded: an account lives in at most `MaxUnitsPerAccount` units.
		let units = Residencies::<T>::iter_prefix((community, &who))
			.take(T::MaxUnitsPerAccount::get() as usize)
			.map(|(unit, r)| (unit, r.role))
			.collect();
		pallet_community_runtime_api::ResidentView {
			units,
			is_owner: Self::is_owner(community, &who),
			is_committee_member: Self::is_committee_member(community, &who),
			is_property_manager: Self::is_property_manager(community, &who),
			is_registrar: Registrars::<T>::get(community).contains(&who),
			is_developer: Communities::<T>::get(community)
				.is_some_and(|c| c.developer.as_ref() == Some(&who)),
			vote_weight: Self::vote_weight(community, None, &who),
		}
	}

	/// A community, for `CommunityApi::community`.
	pub fn community_view(
		community: CommunityId,
		scope: Option<ScopeId>,
	) -> Option<pallet_community_runtime_api::CommunityView<T::AccountId, BlockNumberFor<T>>> {
		let info = Communities::<T>::get(community)?;
		let committee = Committees::<T>::get(community);
		Some(pallet_community_runtime_api::CommunityView {
			name: info.name.into_inner(),
			unit_count: info.unit_count,
			resident_count: info.resident_count,
			totals: Self::vote_totals(community, scope),
			committee: committee.as_ref().map(|c| c.members.to_vec()).unwrap_or_default(),
			committee_term_end: committee.map(|c| c.term_end),
			property_managers: PropertyManagers::<T>::get(community).into_inner(),
			registrars: Registrars::<T>::get(community).into_inner(),
			developer: info.developer,
		})
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl<T: Config> linli_primitives::community::CommunityBenchmarking<T::AccountId> for Pallet<T> {
	fn create_community() -> CommunityId {
		let registrar = frame_benchmarking::account("registrar", 0, 0);
		let developer = frame_benchmarking::account("developer", 0, 0);
		Self::do_create_community(b"Benchmark Garden".to_vec(), registrar, Some(developer))
			.expect("a fresh community can be created")
	}

	fn add_units(community: CommunityId, count: u32, area: Area) -> Vec<UnitId> {
		let first = Self::unit_count(community);
		let ids: Vec<UnitId> = (first..first + count)
			.map(|n| {
				let mut bytes = [0u8; 32];
				bytes[..4].copy_from_slice(&community.to_be_bytes());
				bytes[4..8].copy_from_slice(b"unit");
				bytes[28..].copy_from_slice(&n.to_be_bytes());
				UnitId::from(bytes)
			})
			.collect();
		for batch in ids.chunks(T::MaxUnitsPerCall::get() as usize) {
			let units = batch
				.iter()
				.map(|id| NewUnit { id: *id, scope: 1, area, status: UnitStatus::Delivered })
				.collect();
			Self::do_register_units(community, units).expect("benchmark units register");
		}
		ids
	}

	fn add_owner(community: CommunityId, unit: UnitId, who: T::AccountId) {
		Self::do_verify_resident(community, unit, who, ResidentRole::Owner, unit)
			.expect("benchmark owner verifies");
	}

	fn add_property_manager(community: CommunityId, who: T::AccountId) {
		let mut managers = PropertyManagers::<T>::get(community).into_inner();
		managers.push(who);
		Self::do_set_property_managers(community, managers).expect("room for a manager");
	}

	fn add_committee(community: CommunityId) -> Vec<T::AccountId> {
		let units = Self::add_units(community, 3, 100_00);
		let members: Vec<T::AccountId> =
			(0..3).map(|i| frame_benchmarking::account("committee member", i, 0)).collect();
		for (unit, who) in units.iter().zip(&members) {
			Self::add_owner(community, *unit, who.clone());
		}
		let term_end = sp_runtime::Saturating::saturating_add(frame_system::Pallet::<T>::block_number(), T::MaxCommitteeTerm::get());
		Self::do_set_committee_for_term(community, members.clone(), term_end).expect("three owners form a committee");
		members
	}
}

impl<T: Config> linli_primitives::governance::CommitteeInstaller<T::AccountId, BlockNumberFor<T>> for Pallet<T> {
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
			!linli_primitives::governance::is_legal_committee_size(sitting.members.len() as u32, households),
			Error::<T>::NoVacancy
		);
		let mut all = sitting.members.into_inner();
		all.extend(members);
		// The size, ownership and distinctness rules of any committee.
		Self::do_set_committee(community, all, sitting.term_end)
	}
}
