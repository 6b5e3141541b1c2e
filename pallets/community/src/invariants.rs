//! The `try_state` invariants: every derived number equals what it is
//! derived from.

use crate::{pallet::*, types::*};
use alloc::collections::btree_map::BTreeMap;
use frame_support::ensure;
use linli_primitives::community::{Area, CommunityId, ScopeId, UnitStatus, VoteWeight};

impl<T: Config> Pallet<T> {
	/// Checks that every derived number equals what it is derived from:
	/// totals and tallies against the units, memberships against residencies.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		// (units, area) per voter key, community-wide and per scope.
		type Tallies<A> = BTreeMap<(CommunityId, Option<ScopeId>, VoterKey<A>), (u32, Area)>;
		let mut tallies: BTreeMap<
			(CommunityId, Option<ScopeId>, VoterKey<T::AccountId>),
			VoterTally<()>,
		> = BTreeMap::new();
		let mut recounted: BTreeMap<(CommunityId, Option<ScopeId>), VoteWeight> = BTreeMap::new();
		let mut units_per_community: BTreeMap<CommunityId, u32> = BTreeMap::new();
		let mut residents_per_community: BTreeMap<CommunityId, u32> = BTreeMap::new();
		let mut memberships: BTreeMap<(CommunityId, T::AccountId), Membership> = BTreeMap::new();

		for (community, unit, info) in Units::<T>::iter() {
			ensure!(Communities::<T>::contains_key(community), "unit of an unknown community");
			ensure!(info.area > 0, "unit without area");
			*units_per_community.entry(community).or_default() += 1;
			if let Some(voter) = &info.voter {
				ensure!(
					info.status == UnitStatus::Delivered,
					"developer-held unit with an owner voter"
				);
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
				// Recounted with the calls' own rule (`VoterTally::add_unit`).
				for scope in [None, Some(info.scope)] {
					let tally = tallies.entry((community, scope, key.clone())).or_default();
					let totals = recounted.entry((community, scope)).or_default();
					tally.add_unit(totals, info.area, ()).ok_or("a voter's tally overflows")?;
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
				OwnershipHistory::<T>::iter_prefix((community, unit)).count() as u32
					== info.transfers,
				"ownership history count differs"
			);
		}
		ensure!(
			Residencies::<T>::iter().count() as u32
				== residents_per_community.values().sum::<u32>(),
			"residency records without unit entry"
		);
		ensure!(
			Memberships::<T>::iter().map(|(c, a, m)| ((c, a), m)).collect::<BTreeMap<_, _>>()
				== memberships,
			"memberships differ from residencies"
		);

		let stored_voters: Tallies<T::AccountId> = Voters::<T>::iter()
			.map(|(c, k, t)| ((c, None, k), (t.units, t.area)))
			.chain(
				ScopeVoters::<T>::iter().map(|((c, s, k), t)| ((c, Some(s), k), (t.units, t.area))),
			)
			.collect();
		let tallies: Tallies<T::AccountId> =
			tallies.into_iter().map(|(k, t)| (k, (t.units, t.area))).collect();
		ensure!(stored_voters == tallies, "voter tallies differ from the units");

		for (community, info) in Communities::<T>::iter() {
			ensure!(
				info.unit_count == units_per_community.get(&community).copied().unwrap_or(0),
				"unit count differs"
			);
			ensure!(
				info.resident_count
					== residents_per_community.get(&community).copied().unwrap_or(0),
				"resident count differs"
			);
			let expect = |scope: Option<ScopeId>| {
				recounted.get(&(community, scope)).copied().unwrap_or_default()
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
			ensure!(
				distinct(&PropertyManagers::<T>::get(community)),
				"a property manager listed twice"
			);
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
