//! What the other pallets may ask of communities: the
//! [`CommunityInspect`] glue, and the benchmark helper that sets up
//! communities for their benchmarks.

use crate::{pallet::*, types::*};
use alloc::vec::Vec;
use frame_support::traits::Get;
use frame_system::pallet_prelude::*;
#[cfg(feature = "runtime-benchmarks")]
use linli_primitives::community::Area;
use linli_primitives::community::{
	CommunityId, CommunityInspect, ResidentRole, ScopeId, UnitId, UnitStatus, UnitSummary,
	VoteWeight,
};

impl<T: Config> CommunityInspect<T::AccountId> for Pallet<T> {
	type BlockNumber = BlockNumberFor<T>;

	fn community_exists(community: CommunityId) -> bool {
		Communities::<T>::contains_key(community)
	}

	fn is_resident(community: CommunityId, who: &T::AccountId) -> bool {
		Memberships::<T>::contains_key(community, who)
	}

	fn residency(
		community: CommunityId,
		unit: &UnitId,
		who: &T::AccountId,
	) -> Option<ResidentRole> {
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

	fn is_registrar(community: CommunityId, who: &T::AccountId) -> bool {
		Registrars::<T>::get(community).contains(who)
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
		Self::voter_tally(community, scope, &key).map(|tally| tally.weight())
	}

	fn vote_weight_and_growth(
		community: CommunityId,
		scope: Option<ScopeId>,
		who: &T::AccountId,
	) -> Option<(VoteWeight, BlockNumberFor<T>)> {
		let key = Self::key_of(community, who);
		let tally = Self::voter_tally(community, scope, &key)?;
		// A developer account set after none carries the developer's
		// weight only into votes opened after it was set.
		let appointed = match key {
			VoterKey::Developer => DeveloperAppointedAt::<T>::get(community),
			VoterKey::Owner(_) => None,
		};
		Some((tally.weight(), appointed.map_or(tally.grown_at, |at| at.max(tally.grown_at))))
	}

	fn units_voted_by(
		community: CommunityId,
		scope: Option<ScopeId>,
		who: &T::AccountId,
		limit: u32,
	) -> Vec<UnitId> {
		Residencies::<T>::iter_key_prefix((community, who))
			.take(T::MaxUnitsPerAccount::get().min(limit) as usize)
			.filter(|unit| {
				Units::<T>::get(community, unit).is_some_and(|info| {
					info.status == UnitStatus::Delivered
						&& info.voter.as_ref() == Some(who)
						&& scope.is_none_or(|scope| scope == info.scope)
				})
			})
			.collect()
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
		let term_end = sp_runtime::Saturating::saturating_add(
			frame_system::Pallet::<T>::block_number(),
			T::MaxCommitteeTerm::get(),
		);
		Self::do_set_committee_for_term(community, members.clone(), term_end)
			.expect("three owners form a committee");
		members
	}
}
