//! Residents: verifying a resident of a unit, removing one, a change of
//! ownership, and rotating a resident's account (announced, then taken
//! over after the delay).

use crate::{pallet::*, types::*, weights::WeightInfo};
use alloc::vec::Vec;
use frame_support::{ensure, pallet_prelude::*, traits::Get};
use frame_system::pallet_prelude::*;
use linli_primitives::community::{
	CommunityId, IdentityCommitment, ResidentRole, UnitId, UnitStatus,
};
use linli_primitives::governance::{UnitSale, VoterChanges as _};

impl<T: Config> Pallet<T> {
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
		let pos =
			info.residents.iter().position(|(a, _)| a == who).ok_or(Error::<T>::NotResident)?;
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
		ensure!(
			community_info.developer.as_ref() != Some(&new_owner),
			Error::<T>::DeveloperIsOwner
		);
		ensure!(!info.role_of(&new_owner).is_some_and(|r| r.is_owner()), Error::<T>::AlreadyOwner);
		ensure!(info.role_of(&new_owner).is_none(), Error::<T>::AlreadyResident);
		let from = info.voter_key();
		// Open votes learn whose ballot the unit's weight belongs to, while
		// the tallies still count it for the seller.
		let seller = match &from {
			Some(VoterKey::Developer) => community_info.developer.clone(),
			Some(VoterKey::Owner(account)) => Some(account.clone()),
			None => None,
		};
		let seller_leaves = |scope| {
			from.as_ref()
				.and_then(|key| Self::voter_tally(community, scope, key))
				.is_none_or(|tally| tally.units <= 1)
		};
		let sale = UnitSale {
			unit,
			scope: info.scope,
			area: info.area,
			seller,
			seller_leaves_scope: seller_leaves(Some(info.scope)),
			seller_leaves_community: seller_leaves(None),
			buyer: new_owner.clone(),
		};
		T::VoterChanges::unit_sold(community, &sale)?;
		if info.status == UnitStatus::DeveloperHeld {
			<T::UnitChanges as linli_primitives::community::UnitChanges>::unit_delivered(
				community, &unit,
			)?;
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
		Self::add_residency(
			community,
			unit,
			&mut info,
			new_owner.clone(),
			ResidentRole::Owner,
			identity,
		)?;
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
	fn check_rotation(
		community: CommunityId,
		old: &T::AccountId,
		new: &T::AccountId,
	) -> Result<Membership, DispatchError> {
		let community_info = Self::ensure_community(community)?;
		ensure!(old != new, Error::<T>::SameAccount);
		let membership = Memberships::<T>::get(community, old);
		ensure!(membership.units > 0, Error::<T>::NotResident);
		ensure!(
			!Memberships::<T>::contains_key(community, new)
				&& community_info.developer.as_ref() != Some(new)
				&& !Voters::<T>::contains_key(community, VoterKey::Owner(new.clone())),
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
		let effective_at = sp_runtime::Saturating::saturating_add(
			frame_system::Pallet::<T>::block_number(),
			T::RotationDelay::get(),
		);
		PendingRotations::<T>::insert(
			community,
			&old,
			PendingRotation { new: new.clone(), effective_at },
		);
		Self::deposit_event(Event::AccountRotationAnnounced {
			community,
			old,
			new,
			registrar,
			effective_at,
		});
		Ok(())
	}

	/// Replaces `old` by `new` and returns the weight used.
	pub(crate) fn rotate_now(
		community: CommunityId,
		old: T::AccountId,
		new: T::AccountId,
	) -> frame_support::dispatch::DispatchResultWithPostInfo {
		let units = Self::do_rotate_account(community, old, new)?;
		let moved = <T::VoterChanges as linli_primitives::governance::VoterChanges<
			T::AccountId,
		>>::max_weight();
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
		T::VoterChanges::voter_account_changed(community, &old, &new)?;
		let units: Vec<(UnitId, Residency<BlockNumberFor<T>>)> =
			Residencies::<T>::drain_prefix((community, &old))
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

		fn replace<'a, A: 'a + PartialEq + Clone>(
			list: impl Iterator<Item = &'a mut A>,
			old: &A,
			new: &A,
		) {
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
}
