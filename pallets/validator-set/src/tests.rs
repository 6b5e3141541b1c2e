//! The set changes only by `ManageOrigin`, never below its minimum, and
//! session takes it two sessions later; only validators set keys.

use crate::{mock::*, Error, Event, MinValidators, Validators};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::{testing::UintAuthorityId, DispatchError};

fn session_validators() -> Vec<AccountId> {
	pallet_session::Validators::<Test>::get()
}

fn set() -> Vec<AccountId> {
	Validators::<Test>::get().into_inner()
}

#[test]
fn genesis_validators_validate_from_the_first_session() {
	new_test_ext().execute_with(|| {
		assert_eq!(set(), GENESIS.to_vec());
		assert_eq!(session_validators(), GENESIS.to_vec());
		assert_eq!(MinValidators::<Test>::get(), 3);
	});
}

#[test]
fn an_added_validator_with_keys_validates_two_sessions_later() {
	new_test_ext().execute_with(|| {
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), NEWCOMER));
		System::assert_last_event(
			Event::ValidatorAdded { validator: NEWCOMER, validators: 5 }.into(),
		);
		assert_ok!(Session::set_keys(RuntimeOrigin::signed(NEWCOMER), UintAuthorityId(5), vec![]));

		// Planned at the end of session 0 for session 2; session 1 still
		// has the genesis set.
		rotate();
		System::assert_has_event(Event::NewSetPlanned { session: 2, validators: 5 }.into());
		assert_eq!(session_validators(), GENESIS.to_vec());
		rotate();
		assert_eq!(session_validators(), vec![1, 2, 3, 4, NEWCOMER]);
	});
}

#[test]
fn a_validator_without_keys_is_skipped_until_it_sets_them() {
	new_test_ext().execute_with(|| {
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), NEWCOMER));
		rotate();
		rotate();
		assert_eq!(session_validators(), GENESIS.to_vec(), "no keys, no seat");
		assert!(
			!pallet_session::QueuedChanged::<Test>::get(),
			"and no authority change for nothing"
		);
		// Its first keys, sessions later: the set is handed over then.
		rotate();
		assert_ok!(Session::set_keys(RuntimeOrigin::signed(NEWCOMER), UintAuthorityId(5), vec![]));
		rotate();
		System::assert_has_event(Event::NewSetPlanned { session: 5, validators: 5 }.into());
		rotate();
		assert_eq!(session_validators(), vec![1, 2, 3, 4, NEWCOMER]);
	});
}

#[test]
fn only_a_validator_or_a_key_holder_may_set_keys() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			Session::set_keys(RuntimeOrigin::signed(STRANGER), UintAuthorityId(9), vec![]),
			pallet_session::Error::<Test>::NoAssociatedValidatorId
		);
		// Not yet added: refused too.
		assert_noop!(
			Session::set_keys(RuntimeOrigin::signed(NEWCOMER), UintAuthorityId(5), vec![]),
			pallet_session::Error::<Test>::NoAssociatedValidatorId
		);
		// A removed validator still rotates or purges the keys it holds.
		assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 4));
		assert_ok!(Session::purge_keys(RuntimeOrigin::signed(4)));
		assert!(pallet_session::NextKeys::<Test>::get(4).is_none());
	});
}

#[test]
fn a_removed_validator_stops_validating_two_sessions_later() {
	new_test_ext().execute_with(|| {
		assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 2));
		System::assert_last_event(Event::ValidatorRemoved { validator: 2, validators: 3 }.into());
		assert_eq!(set(), vec![1, 3, 4]);
		rotate();
		assert_eq!(session_validators(), GENESIS.to_vec());
		rotate();
		assert_eq!(session_validators(), vec![1, 3, 4]);
	});
}

#[test]
fn an_unchanged_set_is_not_handed_over_again() {
	new_test_ext().execute_with(|| {
		rotate();
		rotate();
		assert!(
			!System::events().iter().any(|r| matches!(
				r.event,
				RuntimeEvent::ValidatorSet(Event::NewSetPlanned { .. })
			)),
			"no change, no new set (and no GRANDPA authority change)"
		);
		assert!(!pallet_session::QueuedChanged::<Test>::get());
		assert_eq!(session_validators(), GENESIS.to_vec());
	});
}

#[test]
fn the_set_never_drops_below_its_minimum() {
	new_test_ext().execute_with(|| {
		assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 4));
		// Three left, the minimum: no further removal.
		assert_noop!(
			ValidatorSet::remove_validator(RuntimeOrigin::root(), 3),
			Error::<Test>::BelowMinimum
		);
		assert_eq!(set(), vec![1, 2, 3]);
	});
}

#[test]
fn the_minimum_is_between_one_and_the_validators_there_are() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			ValidatorSet::set_minimum_validators(RuntimeOrigin::root(), 0),
			Error::<Test>::MinimumTooLow
		);
		assert_noop!(
			ValidatorSet::set_minimum_validators(RuntimeOrigin::root(), 5),
			Error::<Test>::MinimumAboveValidators
		);
		assert_ok!(ValidatorSet::set_minimum_validators(RuntimeOrigin::root(), 4));
		System::assert_last_event(Event::MinimumValidatorsSet { minimum: 4 }.into());
		assert_noop!(
			ValidatorSet::remove_validator(RuntimeOrigin::root(), 1),
			Error::<Test>::BelowMinimum
		);
	});
}

#[test]
fn bad_additions_and_removals_fail_with_their_errors() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::root(), 1),
			Error::<Test>::AlreadyValidator
		);
		assert_noop!(
			ValidatorSet::remove_validator(RuntimeOrigin::root(), STRANGER),
			Error::<Test>::NotValidator
		);
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), NEWCOMER));
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), 6));
		// MaxValidators is six.
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::root(), 7),
			Error::<Test>::TooManyValidators
		);
	});
}

#[test]
fn nobody_but_the_manage_origin_changes_the_set() {
	new_test_ext().execute_with(|| {
		for who in [1, STRANGER] {
			let origin = || RuntimeOrigin::signed(who);
			assert_noop!(ValidatorSet::add_validator(origin(), NEWCOMER), DispatchError::BadOrigin);
			assert_noop!(ValidatorSet::remove_validator(origin(), 2), DispatchError::BadOrigin);
			assert_noop!(
				ValidatorSet::set_minimum_validators(origin(), 1),
				DispatchError::BadOrigin
			);
		}
		assert_eq!(set(), GENESIS.to_vec());
	});
}
