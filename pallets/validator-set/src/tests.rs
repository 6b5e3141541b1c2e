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

#[test]
fn replacing_the_validators_waits_until_enough_newcomers_have_keys() {
	new_test_ext().execute_with(|| {
		for newcomer in [5, 6] {
			assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), newcomer));
		}
		for old in [1, 2, 3] {
			assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), old));
		}
		assert_eq!(set(), vec![4, 5, 6]);
		// Only 4 has keys: one validator with keys is below the minimum of
		// three, so the validators of now go on.
		rotate();
		rotate();
		assert_eq!(session_validators(), GENESIS.to_vec());
		assert_ok!(Session::set_keys(RuntimeOrigin::signed(5), UintAuthorityId(5), vec![]));
		rotate();
		rotate();
		assert_eq!(session_validators(), GENESIS.to_vec(), "two with keys: still below three");
		assert_ok!(Session::set_keys(RuntimeOrigin::signed(6), UintAuthorityId(6), vec![]));
		rotate();
		rotate();
		assert_eq!(session_validators(), vec![4, 5, 6]);
	});
}

#[test]
fn a_validator_rotating_its_keys_changes_the_keys_not_the_set() {
	new_test_ext().execute_with(|| {
		assert_ok!(Session::set_keys(RuntimeOrigin::signed(1), UintAuthorityId(11), vec![]));
		rotate();
		assert!(pallet_session::QueuedChanged::<Test>::get(), "session hands on the new keys");
		assert!(!System::events().iter().any(|r| matches!(
			r.event,
			RuntimeEvent::ValidatorSet(Event::NewSetPlanned { .. })
		)));
		rotate();
		assert_eq!(session_validators(), GENESIS.to_vec());
		assert_eq!(pallet_session::NextKeys::<Test>::get(1), Some(UintAuthorityId(11)));
	});
}

#[test]
fn a_removed_validator_may_be_added_again_with_the_keys_it_kept() {
	new_test_ext().execute_with(|| {
		assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 4));
		rotate();
		rotate();
		assert_eq!(session_validators(), vec![1, 2, 3]);
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), 4));
		rotate();
		rotate();
		assert_eq!(session_validators(), GENESIS.to_vec());
	});
}

#[test]
fn sessions_last_the_genesis_length() {
	use frame_support::traits::EstimateNextSessionRotation;
	use pallet_session::ShouldEndSession;
	new_test_ext().execute_with(|| {
		let ends: Vec<u64> = (1..=12).filter(|&n| ValidatorSet::should_end_session(n)).collect();
		assert_eq!(ends, vec![SESSION_LENGTH, 2 * SESSION_LENGTH]);
		assert_eq!(ValidatorSet::estimate_next_session_rotation(3).0, Some(5));
		assert_eq!(ValidatorSet::estimate_next_session_rotation(5).0, Some(10));
		assert_eq!(ValidatorSet::average_session_length(), SESSION_LENGTH);
	});
}

/// Builds this pallet's genesis of `validators` with `min` and `length`.
fn build_genesis(validators: Vec<AccountId>, min: u32, length: u64) {
	frame_support::traits::BuildGenesisConfig::build(&crate::GenesisConfig::<Test> {
		validators,
		min_validators: min,
		session_length: length,
	});
}

#[test]
#[should_panic(expected = "listed twice")]
fn a_genesis_validator_listed_twice_is_refused() {
	sp_io::TestExternalities::default().execute_with(|| build_genesis(vec![1, 2, 2], 1, 5));
}

#[test]
#[should_panic(expected = "fewer genesis validators than the minimum")]
fn a_genesis_below_its_minimum_is_refused() {
	sp_io::TestExternalities::default().execute_with(|| build_genesis(vec![1, 2], 3, 5));
}

#[test]
#[should_panic(expected = "at least one validator")]
fn a_genesis_minimum_of_zero_is_refused() {
	sp_io::TestExternalities::default().execute_with(|| build_genesis(vec![1, 2], 0, 5));
}

#[test]
#[should_panic(expected = "at least one block")]
fn a_genesis_session_of_no_blocks_is_refused() {
	sp_io::TestExternalities::default().execute_with(|| build_genesis(vec![1, 2], 1, 0));
}

#[test]
fn a_chain_without_sessions_gets_no_set() {
	// A chain launched before validators were managed: empty genesis, no
	// sessions; its genesis authorities go on, and no set can start.
	let mut ext = sp_io::TestExternalities::new(linli_test_support::endowed::<Test>([NEWCOMER], 1_000));
	ext.execute_with(|| {
		System::set_block_number(1);
		assert_noop!(ValidatorSet::add_validator(RuntimeOrigin::root(), NEWCOMER), Error::<Test>::NoSessions);
		assert!(!<ValidatorSet as pallet_session::ShouldEndSession<u64>>::should_end_session(10));
		assert_eq!(ValidatorSet::do_try_state(), Ok(()));
	});
}
