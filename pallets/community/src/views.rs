//! What the runtime API serves: a unit, a resident and a community as a
//! wallet shows them.

use crate::pallet::*;
use frame_support::traits::Get;
use frame_system::pallet_prelude::*;
use linli_primitives::community::{CommunityId, CommunityInspect, ScopeId, UnitId};

/// What the runtime API serves.
impl<T: Config> Pallet<T> {
	/// A unit, for `CommunityApi::unit`.
	pub fn unit_view(
		community: CommunityId,
		unit: UnitId,
	) -> Option<linli_primitives::community::UnitView<T::AccountId>> {
		let info = Units::<T>::get(community, unit)?;
		Some(linli_primitives::community::UnitView {
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
	) -> linli_primitives::community::ResidentView {
		// Bounded: an account lives in at most `MaxUnitsPerAccount` units.
		let units = Residencies::<T>::iter_prefix((community, &who))
			.take(T::MaxUnitsPerAccount::get() as usize)
			.map(|(unit, r)| (unit, r.role))
			.collect();
		linli_primitives::community::ResidentView {
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
	) -> Option<linli_primitives::community::CommunityView<T::AccountId, BlockNumberFor<T>>> {
		let info = Communities::<T>::get(community)?;
		let committee = Committees::<T>::get(community);
		Some(linli_primitives::community::CommunityView {
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
