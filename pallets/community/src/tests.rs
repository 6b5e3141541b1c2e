//! Tests of the community pallet: every call's origin and errors, and every
//! counting rule of DOMAIN.md. `try_state` runs after each test.

use crate::{mock::*, pallet::*, types::*, Error, Event};
use frame_support::{
	assert_noop, assert_ok,
	traits::{EnsureOriginWithArg, Get},
};
use linli_primitives::community::{
	CommunityId, CommunityInspect, EnsureCommitteeMember, EnsureOwner, EnsurePropertyManager,
	EnsureResident, ResidentRole::*, UnitId, UnitStatus::*, VoteWeight,
};
use sp_core::H256;
use sp_runtime::DispatchError::BadOrigin;

const REGISTRAR: AccountId = 10;
const DEVELOPER: AccountId = 20;
const PM: AccountId = 30;
// Owners and residents.
const A: AccountId = 1;
const B: AccountId = 2;
const C: AccountId = 3;
const D: AccountId = 4;
const E: AccountId = 5;
const TENANT: AccountId = 7;
const KID: AccountId = 8;

fn unit(n: u16) -> UnitId {
	H256::from_low_u64_be(0xA000 + n as u64)
}

fn identity(who: AccountId) -> H256 {
	H256::from_low_u64_be(0x1D00 + who)
}

fn create(developer: Option<AccountId>) -> CommunityId {
	let id = NextCommunityId::<Test>::get();
	assert_ok!(Community::create_community(
		RuntimeOrigin::root(),
		b"Sunny Garden".to_vec(),
		REGISTRAR,
		developer
	));
	id
}

fn new_unit(n: u16, scope: u32, area: u64, status: linli_primitives::community::UnitStatus) -> NewUnit {
	NewUnit { id: unit(n), scope, area, status }
}

fn register(c: CommunityId, units: Vec<NewUnit>) {
	assert_ok!(Community::register_units(RuntimeOrigin::signed(REGISTRAR), c, units));
}

fn verify(c: CommunityId, n: u16, who: AccountId, role: linli_primitives::community::ResidentRole) {
	assert_ok!(Community::verify_resident(
		RuntimeOrigin::signed(REGISTRAR),
		c,
		unit(n),
		who,
		role,
		identity(who)
	));
}

fn weight(c: CommunityId, who: AccountId) -> Option<VoteWeight> {
	Community::vote_weight(c, None, &who)
}

fn totals(c: CommunityId) -> VoteWeight {
	Community::vote_totals(c, None)
}

fn vw(area: u64, headcount: u32) -> VoteWeight {
	VoteWeight { area, headcount }
}

fn last_event() -> RuntimeEvent {
	System::events().pop().expect("an event").event
}

/// A community with units 1..=n (scope 1, 100.00 m² each), delivered.
fn community_with_units(n: u16) -> CommunityId {
	let c = create(Some(DEVELOPER));
	register(c, (1..=n).map(|i| new_unit(i, 1, 100_00, Delivered)).collect());
	c
}

// ---------------------------------------------------------------- communities

#[test]
fn create_community_checks_origin_and_name() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			Community::create_community(RuntimeOrigin::signed(A), b"X".to_vec(), REGISTRAR, None),
			BadOrigin
		);
		assert_noop!(
			Community::create_community(RuntimeOrigin::root(), vec![], REGISTRAR, None),
			Error::<Test>::EmptyName
		);
		assert_noop!(
			Community::create_community(RuntimeOrigin::root(), vec![b'x'; 33], REGISTRAR, None),
			Error::<Test>::NameTooLong
		);
		assert_eq!(create(Some(DEVELOPER)), 0);
		System::assert_last_event(
			Event::CommunityCreated { community: 0, registrar: REGISTRAR, developer: Some(DEVELOPER) }
				.into(),
		);
		assert_eq!(create(None), 1);
		let info = Communities::<Test>::get(0).unwrap();
		assert_eq!(info.name.to_vec(), b"Sunny Garden".to_vec());
		assert_eq!(info.totals, vw(0, 0));
		assert_eq!(Registrars::<Test>::get(0).to_vec(), vec![REGISTRAR]);
		assert!(Community::community_exists(1));
		assert!(!Community::community_exists(2));
	});
}

#[test]
fn set_registrars_is_per_community_admin_and_validated() {
	new_test_ext().execute_with(|| {
		let c0 = create(None);
		let c1 = create(None);
		// ADMIN_OF_1 administers community 1 only.
		assert_noop!(
			Community::set_registrars(RuntimeOrigin::signed(ADMIN_OF_1), c0, vec![11]),
			BadOrigin
		);
		assert_noop!(
			Community::set_registrars(RuntimeOrigin::signed(REGISTRAR), c1, vec![11]),
			BadOrigin
		);
		assert_noop!(
			Community::set_registrars(RuntimeOrigin::root(), 7, vec![11]),
			Error::<Test>::CommunityNotFound
		);
		assert_noop!(
			Community::set_registrars(RuntimeOrigin::root(), c1, vec![]),
			Error::<Test>::NoRegistrar
		);
		assert_noop!(
			Community::set_registrars(RuntimeOrigin::root(), c1, vec![11, 11]),
			Error::<Test>::DuplicateAccount
		);
		assert_noop!(
			Community::set_registrars(RuntimeOrigin::root(), c1, vec![11, 12, 13, 14]),
			Error::<Test>::TooManyRegistrars
		);
		assert_ok!(Community::set_registrars(RuntimeOrigin::signed(ADMIN_OF_1), c1, vec![11, 12]));
		System::assert_last_event(Event::RegistrarsSet { community: c1, registrars: vec![11, 12] }.into());
		// The old registrar lost its power; the new one has it.
		assert_noop!(
			Community::register_units(RuntimeOrigin::signed(REGISTRAR), c1, vec![new_unit(1, 1, 1, Delivered)]),
			Error::<Test>::NotRegistrar
		);
		assert_ok!(Community::register_units(
			RuntimeOrigin::signed(12),
			c1,
			vec![new_unit(1, 1, 1, Delivered)]
		));
	});
}

// ---------------------------------------------------------------- units

#[test]
fn register_units_validates_every_input_without_partial_writes() {
	new_test_ext().execute_with(|| {
		let c = create(Some(DEVELOPER));
		let u = |n| new_unit(n, 1, 90_00, Delivered);
		assert_noop!(Community::register_units(RuntimeOrigin::root(), c, vec![u(1)]), BadOrigin);
		assert_noop!(
			Community::register_units(RuntimeOrigin::signed(A), c, vec![u(1)]),
			Error::<Test>::NotRegistrar
		);
		assert_noop!(
			Community::register_units(RuntimeOrigin::signed(REGISTRAR), 9, vec![u(1)]),
			Error::<Test>::CommunityNotFound
		);
		assert_noop!(
			Community::register_units(RuntimeOrigin::signed(REGISTRAR), c, vec![]),
			Error::<Test>::NoUnits
		);
		assert_noop!(
			Community::register_units(RuntimeOrigin::signed(REGISTRAR), c, (1..=201).map(u).collect()),
			Error::<Test>::TooManyUnits
		);
		assert_noop!(
			Community::register_units(
				RuntimeOrigin::signed(REGISTRAR),
				c,
				vec![u(1), new_unit(2, 1, 0, Delivered)]
			),
			Error::<Test>::ZeroArea
		);
		// A duplicate inside the batch undoes the whole batch.
		assert_noop!(
			Community::register_units(RuntimeOrigin::signed(REGISTRAR), c, vec![u(1), u(2), u(1)]),
			Error::<Test>::UnitAlreadyRegistered
		);
		register(c, vec![u(1), new_unit(2, 2, 120_50, DeveloperHeld)]);
		System::assert_last_event(
			Event::UnitRegistered { community: c, unit: unit(2), scope: 2, area: 120_50, status: DeveloperHeld }
				.into(),
		);
		assert_noop!(
			Community::register_units(RuntimeOrigin::signed(REGISTRAR), c, vec![u(1)]),
			Error::<Test>::UnitAlreadyRegistered
		);
		assert_eq!(Community::unit_count(c), 2);
		// The developer-held unit counts at once; the delivered one waits for its owner.
		assert_eq!(totals(c), vw(120_50, 1));
		assert_eq!(weight(c, DEVELOPER), Some(vw(120_50, 1)));
		let summary = Community::unit(c, &unit(2)).unwrap();
		assert_eq!((summary.scope, summary.area, summary.responsible), (2, 120_50, Some(DEVELOPER)));
		assert_eq!(Community::unit(c, &unit(1)).unwrap().responsible, None);
	});
}

#[test]
fn a_five_thousand_unit_community_registers_in_bounded_calls() {
	new_test_ext().execute_with(|| {
		let c = create(None);
		let per_call: u32 = <Test as crate::Config>::MaxUnitsPerCall::get();
		let per_call = per_call as u16;
		let mut calls = 0;
		for start in (1..=5000u16).step_by(per_call as usize) {
			let end = (start + per_call - 1).min(5000);
			register(c, (start..=end).map(|i| new_unit(i, (i / 100) as u32, 88_00, DeveloperHeld)).collect());
			calls += 1;
		}
		assert_eq!(calls, 25);
		assert_eq!(Community::unit_count(c), 5000);
		// 5,000 developer-held units: one owner (the developer), all the area.
		assert_eq!(totals(c), vw(5000 * 88_00, 1));
		assert_eq!(Community::vote_totals(c, Some(3)), vw(100 * 88_00, 1));
	});
}

#[test]
fn update_unit_moves_area_and_scope_with_the_vote() {
	new_test_ext().execute_with(|| {
		let c = community_with_units(2);
		verify(c, 1, A, Owner);
		verify(c, 2, A, Owner);
		assert_eq!(weight(c, A), Some(vw(200_00, 1)));
		assert_noop!(
			Community::update_unit(RuntimeOrigin::signed(A), c, unit(1), 1, 1),
			Error::<Test>::NotRegistrar
		);
		assert_noop!(
			Community::update_unit(RuntimeOrigin::signed(REGISTRAR), c, unit(9), 1, 1),
			Error::<Test>::UnitNotFound
		);
		assert_noop!(
			Community::update_unit(RuntimeOrigin::signed(REGISTRAR), c, unit(1), 1, 0),
			Error::<Test>::ZeroArea
		);
		// Surveyed area differs from the contract's, and the unit is in stair 5.
		assert_ok!(Community::update_unit(RuntimeOrigin::signed(REGISTRAR), c, unit(1), 5, 98_76));
		System::assert_last_event(Event::UnitUpdated { community: c, unit: unit(1), scope: 5, area: 98_76 }.into());
		assert_eq!(weight(c, A), Some(vw(198_76, 1)));
		assert_eq!(totals(c), vw(198_76, 1));
		assert_eq!(Community::vote_weight(c, Some(5), &A), Some(vw(98_76, 1)));
		assert_eq!(Community::vote_weight(c, Some(1), &A), Some(vw(100_00, 1)));
		assert_eq!(Community::vote_totals(c, Some(5)), vw(98_76, 1));
	});
}

// ---------------------------------------------------------------- residents

#[test]
fn verify_resident_checks_origin_and_every_bad_input() {
	new_test_ext().execute_with(|| {
		let c = create(Some(DEVELOPER));
		register(c, vec![new_unit(1, 1, 80_00, Delivered), new_unit(2, 1, 80_00, DeveloperHeld)]);
		let call = |origin, n, who, role| {
			Community::verify_resident(origin, c, unit(n), who, role, identity(who))
		};
		assert_noop!(call(RuntimeOrigin::root(), 1, A, Owner), BadOrigin);
		assert_noop!(call(RuntimeOrigin::signed(A), 1, A, Owner), Error::<Test>::NotRegistrar);
		assert_noop!(call(RuntimeOrigin::signed(REGISTRAR), 9, A, Owner), Error::<Test>::UnitNotFound);
		// Nobody owns a developer-held unit but the developer…
		assert_noop!(
			call(RuntimeOrigin::signed(REGISTRAR), 2, A, Owner),
			Error::<Test>::UnitHeldByDeveloper
		);
		// …but it may be let.
		assert_ok!(call(RuntimeOrigin::signed(REGISTRAR), 2, TENANT, Tenant));
		// The developer cannot also vote as an owner.
		assert_noop!(
			call(RuntimeOrigin::signed(REGISTRAR), 1, DEVELOPER, Owner),
			Error::<Test>::DeveloperIsOwner
		);
		assert_ok!(call(RuntimeOrigin::signed(REGISTRAR), 1, A, Owner));
		assert_noop!(
			call(RuntimeOrigin::signed(REGISTRAR), 1, A, Tenant),
			Error::<Test>::AlreadyResident
		);
		let r = Residencies::<Test>::get((c, A, unit(1))).unwrap();
		assert_eq!((r.role, r.identity, r.since), (Owner, identity(A), 1));
		assert!(Community::is_resident(c, &A) && Community::is_owner(c, &A));
		assert!(Community::is_resident(c, &TENANT) && !Community::is_owner(c, &TENANT));
		assert_eq!(Community::residency(c, &unit(2), &TENANT), Some(Tenant));
	});
}

#[test]
fn residents_and_units_are_bounded() {
	new_test_ext().execute_with(|| {
		let c = community_with_units(6);
		for who in 100..106 {
			verify(c, 1, who, FamilyMember);
		}
		assert_noop!(
			Community::verify_resident(RuntimeOrigin::signed(REGISTRAR), c, unit(1), 106, Tenant, identity(106)),
			Error::<Test>::TooManyResidents
		);
		for n in 2..=5 {
			verify(c, n, A, Owner);
		}
		assert_noop!(
			Community::verify_resident(RuntimeOrigin::signed(REGISTRAR), c, unit(6), A, Owner, identity(A)),
			Error::<Test>::TooManyUnitsForAccount
		);
	});
}

#[test]
fn tenants_and_family_members_never_count() {
	new_test_ext().execute_with(|| {
		let c = community_with_units(2);
		verify(c, 1, TENANT, Tenant);
		verify(c, 2, KID, FamilyMember);
		assert_eq!(totals(c), vw(0, 0));
		assert_eq!(weight(c, TENANT), None);
		verify(c, 2, B, Owner);
		assert_eq!(totals(c), vw(100_00, 1));
		assert_eq!(weight(c, KID), None);
	});
}

#[test]
fn one_person_with_several_units_counts_once_with_the_summed_area() {
	new_test_ext().execute_with(|| {
		let c = create(None);
		register(
			c,
			vec![
				new_unit(1, 1, 89_50, Delivered),
				new_unit(2, 2, 120_25, Delivered),
				new_unit(3, 2, 60_00, Delivered),
			],
		);
		verify(c, 1, A, Owner);
		verify(c, 2, A, Owner);
		verify(c, 3, B, Owner);
		assert_eq!(weight(c, A), Some(vw(209_75, 1)));
		assert_eq!(totals(c), vw(269_75, 2));
		// Per scope: A counts once in each building it owns in.
		assert_eq!(Community::vote_weight(c, Some(1), &A), Some(vw(89_50, 1)));
		assert_eq!(Community::vote_weight(c, Some(2), &A), Some(vw(120_25, 1)));
		assert_eq!(Community::vote_totals(c, Some(2)), vw(180_25, 2));
		assert_eq!(Community::vote_weight(c, Some(1), &B), None);
	});
}

#[test]
fn all_developer_held_units_count_as_one_owner_even_without_an_account() {
	new_test_ext().execute_with(|| {
		let c = create(None);
		register(
			c,
			vec![
				new_unit(1, 1, 100_00, DeveloperHeld),
				new_unit(2, 2, 100_00, DeveloperHeld),
				new_unit(3, 2, 50_00, Delivered),
			],
		);
		verify(c, 3, A, Owner);
		assert_eq!(totals(c), vw(250_00, 2));
		assert_eq!(Communities::<Test>::get(c).unwrap().developer, None);
		// Once an account acts for the developer, it votes with all of it.
		assert_ok!(Community::set_developer(RuntimeOrigin::root(), c, Some(DEVELOPER)));
		assert_eq!(weight(c, DEVELOPER), Some(vw(200_00, 1)));
		assert_eq!(Community::vote_weight(c, Some(2), &DEVELOPER), Some(vw(100_00, 1)));
	});
}

#[test]
fn a_co_owned_unit_counts_once_for_its_designated_voter() {
	new_test_ext().execute_with(|| {
		let c = community_with_units(2);
		verify(c, 1, A, Owner);
		verify(c, 1, B, CoOwner);
		assert_eq!(totals(c), vw(100_00, 1));
		assert_eq!(weight(c, A), Some(vw(100_00, 1)));
		assert_eq!(weight(c, B), None);
		assert!(Community::is_owner(c, &B));

		// Only a registrar or the current voter may hand the vote over, and
		// only to an owner of the unit.
		verify(c, 1, TENANT, Tenant);
		let set = |signer, who| Community::set_voter(RuntimeOrigin::signed(signer), c, unit(1), who);
		assert_noop!(set(B, B), Error::<Test>::NotRegistrarOrVoter);
		assert_noop!(set(A, TENANT), Error::<Test>::NotAnOwner);
		assert_noop!(set(A, C), Error::<Test>::NotAnOwner);
		assert_noop!(
			Community::set_voter(RuntimeOrigin::signed(A), c, unit(9), B),
			Error::<Test>::UnitNotFound
		);
		assert_ok!(set(A, B));
		System::assert_last_event(Event::VoterChanged { community: c, unit: unit(1), voter: Some(B) }.into());
		assert_eq!(weight(c, A), None);
		assert_eq!(weight(c, B), Some(vw(100_00, 1)));
		assert_eq!(totals(c), vw(100_00, 1));
		assert_ok!(set(REGISTRAR, A));
		assert_eq!(weight(c, A), Some(vw(100_00, 1)));

		// A co-owner who also owns another unit alone: two people, two votes.
		verify(c, 2, B, Owner);
		assert_eq!(totals(c), vw(200_00, 2));
		// If B votes for both, B is one person with both areas.
		assert_ok!(set(A, B));
		assert_eq!(totals(c), vw(200_00, 1));
		assert_eq!(weight(c, B), Some(vw(200_00, 1)));
	});
}

#[test]
fn removing_the_voter_passes_the_vote_to_the_next_owner() {
	new_test_ext().execute_with(|| {
		let c = community_with_units(1);
		verify(c, 1, A, Owner);
		verify(c, 1, B, CoOwner);
		verify(c, 1, TENANT, Tenant);
		assert_noop!(
			Community::remove_resident(RuntimeOrigin::signed(REGISTRAR), c, unit(1), A, RemovalReason::Left),
			Error::<Test>::InvalidReason
		);
		assert_noop!(
			Community::remove_resident(RuntimeOrigin::signed(A), c, unit(1), B, RemovalReason::Revoked),
			Error::<Test>::NotRegistrar
		);
		assert_noop!(
			Community::remove_resident(RuntimeOrigin::signed(REGISTRAR), c, unit(1), C, RemovalReason::Revoked),
			Error::<Test>::NotResident
		);
		assert_ok!(Community::remove_resident(
			RuntimeOrigin::signed(REGISTRAR),
			c,
			unit(1),
			A,
			RemovalReason::Revoked
		));
		System::assert_last_event(
			Event::ResidentRemoved { community: c, unit: unit(1), who: A, reason: RemovalReason::Revoked }.into(),
		);
		assert_eq!(weight(c, B), Some(vw(100_00, 1)));
		assert!(!Community::is_resident(c, &A));
		// The last owner leaves by themselves: the unit has no voter, nobody counts.
		assert_noop!(Community::leave(RuntimeOrigin::signed(A), c, unit(1)), Error::<Test>::NotResident);
		assert_noop!(Community::leave(RuntimeOrigin::none(), c, unit(1)), BadOrigin);
		assert_ok!(Community::leave(RuntimeOrigin::signed(B), c, unit(1)));
		System::assert_last_event(
			Event::ResidentRemoved { community: c, unit: unit(1), who: B, reason: RemovalReason::Left }.into(),
		);
		assert_eq!(totals(c), vw(0, 0));
		assert_eq!(Units::<Test>::get(c, unit(1)).unwrap().voter, None);
		// The tenant moves out.
		assert_ok!(Community::remove_resident(
			RuntimeOrigin::signed(REGISTRAR),
			c,
			unit(1),
			TENANT,
			RemovalReason::MovedOut
		));
		assert_eq!(Communities::<Test>::get(c).unwrap().resident_count, 0);
	});
}

// ---------------------------------------------------------------- transfers

#[test]
fn a_sale_mid_way_moves_the_vote_keeps_the_tenant_and_the_history() {
	new_test_ext().execute_with(|| {
		let c = community_with_units(2);
		verify(c, 1, A, Owner);
		verify(c, 1, B, CoOwner);
		verify(c, 1, KID, FamilyMember);
		verify(c, 1, TENANT, Tenant);
		verify(c, 2, A, Owner);
		assert_eq!(totals(c), vw(200_00, 1));

		let sell = |who| {
			Community::transfer_ownership(RuntimeOrigin::signed(REGISTRAR), c, unit(1), who, identity(who))
		};
		assert_noop!(
			Community::transfer_ownership(RuntimeOrigin::signed(A), c, unit(1), C, identity(C)),
			Error::<Test>::NotRegistrar
		);
		assert_noop!(sell(B), Error::<Test>::AlreadyOwner);
		assert_noop!(sell(TENANT), Error::<Test>::AlreadyResident);
		assert_noop!(sell(DEVELOPER), Error::<Test>::DeveloperIsOwner);
		assert_noop!(
			Community::transfer_ownership(RuntimeOrigin::signed(REGISTRAR), c, unit(9), C, identity(C)),
			Error::<Test>::UnitNotFound
		);

		System::set_block_number(7);
		assert_ok!(sell(C));
		System::assert_has_event(
			Event::OwnershipTransferred { community: c, unit: unit(1), from: Some(VoterKey::Owner(A)), to: C }
				.into(),
		);
		// A keeps unit 2; C is a new owner person; the co-owner and the
		// family member left; the tenant stayed.
		assert_eq!(weight(c, A), Some(vw(100_00, 1)));
		assert_eq!(weight(c, C), Some(vw(100_00, 1)));
		assert_eq!(totals(c), vw(200_00, 2));
		assert!(!Community::is_resident(c, &B) && !Community::is_resident(c, &KID));
		assert_eq!(Community::residency(c, &unit(1), &TENANT), Some(Tenant));
		let info = Units::<Test>::get(c, unit(1)).unwrap();
		assert_eq!(info.residents.to_vec(), vec![(TENANT, Tenant), (C, Owner)]);
		assert_eq!(
			OwnershipHistory::<Test>::get((c, unit(1), 0)),
			Some(OwnershipRecord { from: Some(VoterKey::Owner(A)), to: C, at: 7 })
		);
		// And again: history grows.
		assert_ok!(sell(D));
		assert_eq!(info.transfers + 1, Units::<Test>::get(c, unit(1)).unwrap().transfers);
		assert_eq!(OwnershipHistory::<Test>::get((c, unit(1), 1)).unwrap().from, Some(VoterKey::Owner(C)));
		assert_eq!(weight(c, C), None);
	});
}

#[test]
fn the_developer_delivering_its_last_unit_stops_counting() {
	new_test_ext().execute_with(|| {
		let c = create(Some(DEVELOPER));
		register(c, vec![new_unit(1, 1, 70_00, DeveloperHeld), new_unit(2, 1, 30_00, DeveloperHeld)]);
		assert_eq!(totals(c), vw(100_00, 1));
		assert_ok!(Community::transfer_ownership(RuntimeOrigin::signed(REGISTRAR), c, unit(1), A, identity(A)));
		System::assert_has_event(
			Event::OwnershipTransferred { community: c, unit: unit(1), from: Some(VoterKey::Developer), to: A }
				.into(),
		);
		assert_eq!(weight(c, DEVELOPER), Some(vw(30_00, 1)));
		assert_eq!(totals(c), vw(100_00, 2));
		assert_eq!(Community::unit(c, &unit(1)).unwrap().status, Delivered);
		assert_ok!(Community::transfer_ownership(RuntimeOrigin::signed(REGISTRAR), c, unit(2), A, identity(A)));
		assert_eq!(weight(c, DEVELOPER), None);
		assert_eq!(totals(c), vw(100_00, 1));
		assert_eq!(weight(c, A), Some(vw(100_00, 1)));
	});
}

// ---------------------------------------------------------------- rotation

#[test]
fn rotating_a_lost_account_moves_everything_and_keeps_the_totals() {
	new_test_ext().execute_with(|| {
		let c = create(None);
		register(
			c,
			(1..=5).map(|i| new_unit(i, if i <= 2 { 1 } else { 2 }, 100_00, Delivered)).collect(),
		);
		verify(c, 1, A, Owner);
		verify(c, 3, A, Owner);
		verify(c, 2, B, Owner);
		verify(c, 4, C, Owner);
		verify(c, 5, D, Owner);
		verify(c, 5, A, CoOwner);
		assert_ok!(Community::set_committee(RuntimeOrigin::root(), c, vec![A, B, C], 500));
		let before = totals(c);
		let rotate = |old, new| Community::rotate_account(RuntimeOrigin::signed(REGISTRAR), c, old, new);
		assert_noop!(
			Community::rotate_account(RuntimeOrigin::signed(A), c, A, E),
			Error::<Test>::NotRegistrar
		);
		assert_noop!(rotate(A, A), Error::<Test>::SameAccount);
		assert_noop!(rotate(E, 50), Error::<Test>::NotResident);
		assert_noop!(rotate(A, B), Error::<Test>::AccountInUse);

		// A registrar only announces: the owner's key may object.
		let now = System::block_number();
		assert_ok!(rotate(A, E));
		System::assert_last_event(
			Event::AccountRotationAnnounced { community: c, old: A, new: E, registrar: REGISTRAR, effective_at: now + 10 }
				.into(),
		);
		assert_eq!(totals(c), before);
		assert!(Community::is_resident(c, &A) && !Community::is_resident(c, &E));
		assert_noop!(rotate(A, E), Error::<Test>::RotationPending);
		assert_noop!(Community::complete_rotation(RuntimeOrigin::signed(B), c, A), Error::<Test>::RotationNotDue);
		assert_noop!(Community::answer_rotation(RuntimeOrigin::signed(B), c, true), Error::<Test>::NoRotationPending);
		// The attack: a registrar takes an owner's account; the owner objects.
		assert_ok!(Community::answer_rotation(RuntimeOrigin::signed(A), c, false));
		System::assert_last_event(Event::AccountRotationRefused { community: c, old: A, new: E }.into());
		System::set_block_number(now + 10);
		assert_noop!(Community::complete_rotation(RuntimeOrigin::signed(B), c, A), Error::<Test>::NoRotationPending);
		assert!(Community::is_resident(c, &A));
		// A lost key cannot answer: after the delay, anyone completes it.
		assert_ok!(rotate(A, E));
		System::set_block_number(now + 20);
		assert_ok!(Community::complete_rotation(RuntimeOrigin::signed(B), c, A));
		System::assert_last_event(Event::AccountRotated { community: c, old: A, new: E, units: 3 }.into());
		assert_eq!(totals(c), before);
		assert_eq!(weight(c, A), None);
		assert_eq!(weight(c, E), Some(vw(200_00, 1)));
		assert_eq!(Community::vote_weight(c, Some(2), &E), Some(vw(100_00, 1)));
		assert_eq!(Community::residency(c, &unit(5), &E), Some(CoOwner));
		assert!(!Community::is_resident(c, &A));
		assert!(Community::is_committee_member(c, &E) && !Community::is_committee_member(c, &A));
	});
}

// ---------------------------------------------------------------- roles

#[test]
fn committee_size_membership_and_term_follow_the_rules() {
	new_test_ext().execute_with(|| {
		let c = community_with_units(12);
		for (n, who) in (1..=12).zip(100..112u64) {
			verify(c, n, who, Owner);
		}
		verify(c, 1, TENANT, Tenant);
		let set = |members: Vec<AccountId>, end| Community::set_committee(RuntimeOrigin::root(), c, members, end);
		assert_noop!(
			Community::set_committee(RuntimeOrigin::signed(100), c, vec![100, 101, 102], 100),
			BadOrigin
		);
		assert_noop!(
			Community::set_committee(RuntimeOrigin::root(), 9, vec![100, 101, 102], 100),
			Error::<Test>::CommunityNotFound
		);
		// Even sizes, 1, and more than 11 are invalid.
		for size in [1usize, 2, 4, 6, 12] {
			assert_noop!(set((100..112).take(size).collect(), 100), Error::<Test>::InvalidCommitteeSize);
		}
		assert_noop!(set(vec![100, 101, 100], 100), Error::<Test>::DuplicateAccount);
		assert_noop!(set(vec![100, 101, TENANT], 100), Error::<Test>::CommitteeMemberNotOwner);
		assert_noop!(set(vec![100, 101, 102], 1), Error::<Test>::TermEndInPast);
		assert_noop!(set(vec![100, 101, 102], 1 + 1_001), Error::<Test>::TermTooLong);
		// Three members: allowed, the community has at most 100 households.
		assert_ok!(set(vec![100, 101, 102], 1 + 1_000));
		assert_ok!(set((100..111).collect(), 50));
		System::assert_last_event(
			Event::CommitteeSet { community: c, members: (100..111).collect(), term_end: 50 }.into(),
		);
		assert!(Community::is_committee_member(c, &105));
		assert!(!Community::is_committee_member(c, &111));
		let ensure = |who| EnsureCommitteeMember::<Community, AccountId>::try_origin(RuntimeOrigin::signed(who), &c);
		assert_eq!(ensure(105).ok(), Some(105));
		assert!(ensure(111).is_err());
		// A member who sells their unit leaves the committee: the seat falls
		// vacant, the others keep theirs.
		assert_ok!(Community::transfer_ownership(RuntimeOrigin::signed(REGISTRAR), c, unit(6), E, identity(E)));
		assert!(!Community::is_committee_member(c, &105));
		System::assert_has_event(Event::CommitteeSeatVacated { community: c, who: 105 }.into());
		let members = Committees::<Test>::get(c).unwrap().members;
		assert_eq!(members.len(), 10);
		assert!(!members.contains(&105) && members.contains(&104));
		// Authority ends with the term.
		System::set_block_number(50);
		assert!(!Community::is_committee_member(c, &100));
		// An empty list dissolves it.
		assert_ok!(set(vec![], 0));
		assert!(Committees::<Test>::get(c).is_none());
	});
}

#[test]
fn a_three_member_committee_needs_at_most_100_households() {
	new_test_ext().execute_with(|| {
		let c = create(None);
		register(c, (1..=101).map(|i| new_unit(i, 1, 50_00, Delivered)).collect());
		verify(c, 1, A, Owner);
		verify(c, 2, B, Owner);
		verify(c, 3, C, Owner);
		assert_noop!(
			Community::set_committee(RuntimeOrigin::root(), c, vec![A, B, C], 100),
			Error::<Test>::InvalidCommitteeSize
		);
	});
}

#[test]
fn property_managers_and_developer_change_only_through_the_admin_origin() {
	new_test_ext().execute_with(|| {
		let c0 = community_with_units(1);
		let c1 = create(None);
		assert_noop!(
			Community::set_property_managers(RuntimeOrigin::signed(ADMIN_OF_1), c0, vec![PM]),
			BadOrigin
		);
		assert_noop!(
			Community::set_property_managers(RuntimeOrigin::root(), c0, vec![PM, PM]),
			Error::<Test>::DuplicateAccount
		);
		assert_noop!(
			Community::set_property_managers(RuntimeOrigin::root(), c0, vec![31, 32, 33, 34]),
			Error::<Test>::TooManyPropertyManagers
		);
		assert_noop!(
			Community::set_property_managers(RuntimeOrigin::root(), 9, vec![PM]),
			Error::<Test>::CommunityNotFound
		);
		assert_ok!(Community::set_property_managers(RuntimeOrigin::signed(ADMIN_OF_1), c1, vec![PM]));
		assert_eq!(last_event(), Event::PropertyManagersSet { community: c1, managers: vec![PM] }.into());
		assert!(Community::is_property_manager(c1, &PM) && !Community::is_property_manager(c0, &PM));
		assert!(EnsurePropertyManager::<Community, AccountId>::try_origin(RuntimeOrigin::signed(PM), &c1).is_ok());
		assert!(EnsurePropertyManager::<Community, AccountId>::try_origin(RuntimeOrigin::signed(PM), &c0).is_err());

		verify(c0, 1, A, Owner);
		assert_noop!(Community::set_developer(RuntimeOrigin::signed(A), c0, None), BadOrigin);
		assert_noop!(
			Community::set_developer(RuntimeOrigin::root(), c0, Some(A)),
			Error::<Test>::DeveloperIsOwner
		);
		assert_noop!(
			Community::set_developer(RuntimeOrigin::root(), 9, None),
			Error::<Test>::CommunityNotFound
		);
		assert_ok!(Community::set_developer(RuntimeOrigin::root(), c0, Some(21)));
		System::assert_last_event(Event::DeveloperSet { community: c0, developer: Some(21) }.into());
	});
}

#[test]
fn resident_and_owner_origins_answer_for_their_community() {
	new_test_ext().execute_with(|| {
		let c = community_with_units(1);
		verify(c, 1, A, Owner);
		verify(c, 1, TENANT, Tenant);
		let resident = |who| EnsureResident::<Community, AccountId>::try_origin(RuntimeOrigin::signed(who), &c);
		let owner = |who| EnsureOwner::<Community, AccountId>::try_origin(RuntimeOrigin::signed(who), &c);
		assert_eq!(resident(TENANT).ok(), Some(TENANT));
		assert!(owner(TENANT).is_err());
		assert_eq!(owner(A).ok(), Some(A));
		assert!(resident(B).is_err());
		assert!(EnsureOwner::<Community, AccountId>::try_origin(RuntimeOrigin::root(), &c).is_err());
		assert!(EnsureOwner::<Community, AccountId>::try_origin(RuntimeOrigin::signed(A), &(c + 1)).is_err());
	});
}

// ---------------------------------------------------------------- genesis

#[test]
fn genesis_builds_communities_through_the_same_rules() {
	use sp_runtime::BuildStorage;
	let config = RuntimeGenesisConfig {
		system: Default::default(),
		community: crate::GenesisConfig {
			communities: vec![crate::GenesisCommunity {
				name: "Demo".into(),
				registrar: REGISTRAR,
				developer: Some(DEVELOPER),
				units: vec![
					new_unit(1, 1, 80_00, Delivered),
					new_unit(2, 1, 90_00, Delivered),
					new_unit(3, 2, 70_00, DeveloperHeld),
				],
				residents: vec![
					(unit(1), A, Owner, identity(A)),
					(unit(2), A, Owner, identity(A)),
					(unit(2), TENANT, Tenant, identity(TENANT)),
				],
				committee: vec![],
				property_managers: vec![PM],
			}],
		},
	};
	let mut ext: sp_io::TestExternalities = config.build_storage().unwrap().into();
	ext.execute_with(|| {
		assert_eq!(Community::vote_totals(0, None), vw(240_00, 2));
		assert_eq!(Community::vote_weight(0, None, &A), Some(vw(170_00, 1)));
		assert!(Community::is_property_manager(0, &PM));
		Community::do_try_state().unwrap();
	});
}

#[test]
fn units_are_listed_in_pages_for_runtime_apis() {
	new_test_ext().execute_with(|| {
		let c = community_with_units(7);
		let other = community_with_units(3);
		let all = Community::units(c, None, 100);
		assert_eq!(all.len(), 7);
		let mut paged = Community::units(c, None, 3);
		while let Some(last) = paged.last().copied() {
			let next = Community::units(c, Some(last), 3);
			if next.is_empty() {
				break;
			}
			paged.extend(next);
		}
		assert_eq!(paged, all, "pages cover every unit once, in order");
		assert_eq!(Community::units(other, None, 100).len(), 3);
		assert!(Community::units(99, None, 100).is_empty());
	});
}
