//! Counting owners as the law counts them: whose vote a unit's area
//! counts for ([`VoterKey`]), and the voters' tallies and the totals of the
//! community and of each scope, kept in step with every unit and owner.

use crate::{pallet::*, types::*};
use frame_support::pallet_prelude::*;
use frame_system::pallet_prelude::*;
use linli_primitives::community::{Area, CommunityId, ScopeId, UnitId, UnitStatus};

impl<T: Config> Pallet<T> {
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
	pub(crate) fn count_into(
		info: &mut CommunityInfo<T::AccountId, T::MaxNameLength>,
		community: CommunityId,
		scope: ScopeId,
		key: &VoterKey<T::AccountId>,
		area: Area,
	) -> DispatchResult {
		let now = frame_system::Pallet::<T>::block_number();
		let mut tally = Voters::<T>::get(community, key).unwrap_or_default();
		let mut scope_tally = ScopeVoters::<T>::get((community, scope, key)).unwrap_or_default();
		let mut scope_totals = ScopeTotals::<T>::get(community, scope);
		tally.add_unit(&mut info.totals, area, now).ok_or(Error::<T>::Overflow)?;
		scope_tally.add_unit(&mut scope_totals, area, now).ok_or(Error::<T>::Overflow)?;
		Voters::<T>::insert(community, key, tally);
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
		let mut tally = Voters::<T>::get(community, key).ok_or(Error::<T>::Overflow)?;
		let mut scope_tally =
			ScopeVoters::<T>::get((community, scope, key)).ok_or(Error::<T>::Overflow)?;
		let mut scope_totals = ScopeTotals::<T>::get(community, scope);
		let gone = tally.remove_unit(&mut info.totals, area).ok_or(Error::<T>::Overflow)?;
		let gone_from_scope =
			scope_tally.remove_unit(&mut scope_totals, area).ok_or(Error::<T>::Overflow)?;
		if gone {
			Voters::<T>::remove(community, key);
		} else {
			Voters::<T>::insert(community, key, tally);
		}
		if gone_from_scope {
			ScopeVoters::<T>::remove((community, scope, key));
		} else {
			ScopeVoters::<T>::insert((community, scope, key), scope_tally);
		}
		ScopeTotals::<T>::insert(community, scope, scope_totals);
		Communities::<T>::insert(community, info);
		Ok(())
	}

	/// The tally of `key` in `community`, or only in `scope`.
	pub(crate) fn voter_tally(
		community: CommunityId,
		scope: Option<ScopeId>,
		key: &VoterKey<T::AccountId>,
	) -> Option<VoterTally<BlockNumberFor<T>>> {
		match scope {
			None => Voters::<T>::get(community, key),
			Some(scope) => ScopeVoters::<T>::get((community, scope, key)),
		}
	}

	/// The voter key `who` votes with in `community`.
	pub(crate) fn key_of(community: CommunityId, who: &T::AccountId) -> VoterKey<T::AccountId> {
		let developer = Communities::<T>::get(community).and_then(|c| c.developer);
		VoterKey::of_account(who, developer.as_ref())
	}
}
