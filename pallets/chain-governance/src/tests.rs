//! The council reaches root only by a supermajority, only after the delay,
//! and may cancel what waits; every bad input gets its own error.

use crate::{mock::*, pallet::*, Event as GovernanceEvent};
use codec::Encode;
use frame_support::{assert_noop, assert_ok, dispatch::GetDispatchInfo};
use sp_runtime::{traits::Hash, DispatchError, DispatchResult};

type CouncilError = pallet_collective::Error<Test, CouncilInstance>;

/// The root call of most tests: set the enactment delay to `blocks`.
fn set_delay(blocks: u64) -> RuntimeCall {
	RuntimeCall::ChainGovernance(Call::set_enactment_delay { delay: blocks })
}

fn enact_as_root(call: RuntimeCall) -> RuntimeCall {
	RuntimeCall::ChainGovernance(Call::enact_as_root { call: Box::new(call) })
}

/// Puts `motion` to the council with `ayes.len()` as its threshold, lets
/// `ayes` vote for it and closes it; returns what the motion's dispatch
/// returned (`None`: it did not pass).
fn pass_motion(motion: RuntimeCall, ayes: &[AccountId]) -> Option<DispatchResult> {
	let hash = <Test as frame_system::Config>::Hashing::hash_of(&motion);
	let length = motion.encoded_size() as u32;
	let weight = motion.get_dispatch_info().call_weight;
	let index = pallet_collective::ProposalCount::<Test, CouncilInstance>::get();
	assert_ok!(Council::propose(RuntimeOrigin::signed(ayes[0]), ayes.len() as u32, Box::new(motion), length));
	for who in ayes {
		assert_ok!(Council::vote(RuntimeOrigin::signed(*who), hash, index, true));
	}
	System::reset_events();
	assert_ok!(Council::close(RuntimeOrigin::signed(OUTSIDER), hash, index, weight, length));
	System::events().into_iter().find_map(|record| match record.event {
		RuntimeEvent::Council(pallet_collective::Event::Executed { result, .. }) => Some(result),
		_ => None,
	})
}

fn governance_events() -> Vec<GovernanceEvent<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::ChainGovernance(e) => Some(e),
			_ => None,
		})
		.collect()
}

#[test]
fn three_quarters_of_the_council_act_as_root_after_the_delay_and_everyone_sees_it_waiting() {
	new_test_ext().execute_with(|| {
		let ayes = [STREET_OFFICE, RESIDENTS_COMMITTEE, OWNERS_COMMITTEE];
		assert_eq!(pass_motion(enact_as_root(set_delay(7)), &ayes), Some(Ok(())));
		let call = set_delay(7).encode();
		let call_hash = sp_core::H256(sp_io::hashing::blake2_256(&call));
		assert_eq!(
			governance_events(),
			[GovernanceEvent::RootCallScheduled { id: 0, call_hash, enact_at: 1 + DELAY, ayes: ayes.to_vec(), seats: 4 }]
		);
		// Waiting, and shown with who approved it and when it acts.
		let pending = ChainGovernance::pending_root_calls();
		assert_eq!(pending.len(), 1);
		assert_eq!((pending[0].call.clone(), pending[0].enact_at, pending[0].ayes.clone()), (call, 6, ayes.to_vec()));
		run_to(5);
		assert_eq!(EnactmentDelay::<Test>::get(), DELAY, "not before its block");
		run_to(6);
		assert_eq!(EnactmentDelay::<Test>::get(), 7, "enacted as root");
		assert!(governance_events()
			.contains(&GovernanceEvent::RootCallEnacted { id: 0, call_hash, result: Ok(()) }));
		assert!(ChainGovernance::pending_root_calls().is_empty());
	});
}

#[test]
fn a_minority_a_non_member_or_a_plain_signer_never_reaches_root() {
	new_test_ext().execute_with(|| {
		// Half the council is not three quarters.
		assert_eq!(
			pass_motion(enact_as_root(set_delay(7)), &[STREET_OFFICE, PROPERTY_COMPANY]),
			Some(Err(DispatchError::BadOrigin))
		);
		// An outsider cannot even propose.
		let motion = enact_as_root(set_delay(7));
		let length = motion.encoded_size() as u32;
		assert_noop!(
			Council::propose(RuntimeOrigin::signed(OUTSIDER), 3, Box::new(motion), length),
			CouncilError::NotMember
		);
		// Neither a member alone, nor root itself, skips the council's vote.
		for origin in [RuntimeOrigin::signed(STREET_OFFICE), RuntimeOrigin::root()] {
			assert_noop!(
				ChainGovernance::enact_as_root(origin, Box::new(set_delay(7))),
				DispatchError::BadOrigin
			);
		}
		// Only root (the scheduler) enacts, and only what is pending.
		assert_noop!(ChainGovernance::enact(RuntimeOrigin::signed(STREET_OFFICE), 0), DispatchError::BadOrigin);
		assert_noop!(ChainGovernance::enact(RuntimeOrigin::root(), 0), Error::<Test>::NotPending);
		assert!(ChainGovernance::pending_root_calls().is_empty());
		assert_eq!(EnactmentDelay::<Test>::get(), DELAY);
	});
}

#[test]
fn the_council_votes_once_per_member_and_not_after_the_close() {
	new_test_ext().execute_with(|| {
		let motion = enact_as_root(set_delay(7));
		let hash = <Test as frame_system::Config>::Hashing::hash_of(&motion);
		let length = motion.encoded_size() as u32;
		assert_ok!(Council::propose(RuntimeOrigin::signed(STREET_OFFICE), 3, Box::new(motion.clone()), length));
		assert_ok!(Council::vote(RuntimeOrigin::signed(STREET_OFFICE), hash, 0, true));
		assert_noop!(
			Council::vote(RuntimeOrigin::signed(STREET_OFFICE), hash, 0, true),
			CouncilError::DuplicateVote
		);
		assert_noop!(Council::vote(RuntimeOrigin::signed(OUTSIDER), hash, 0, true), CouncilError::NotMember);
		for who in [RESIDENTS_COMMITTEE, OWNERS_COMMITTEE] {
			assert_ok!(Council::vote(RuntimeOrigin::signed(who), hash, 0, true));
		}
		let weight = motion.get_dispatch_info().call_weight;
		assert_ok!(Council::close(RuntimeOrigin::signed(OUTSIDER), hash, 0, weight, length));
		assert_noop!(
			Council::vote(RuntimeOrigin::signed(PROPERTY_COMPANY), hash, 0, true),
			CouncilError::ProposalMissing
		);
	});
}

#[test]
fn a_majority_of_the_council_cancels_a_waiting_call_and_nothing_else() {
	new_test_ext().execute_with(|| {
		let all_but_one = [STREET_OFFICE, RESIDENTS_COMMITTEE, OWNERS_COMMITTEE];
		assert_eq!(pass_motion(enact_as_root(set_delay(7)), &all_but_one), Some(Ok(())));
		// Half is not a majority.
		let cancel = RuntimeCall::ChainGovernance(Call::cancel { id: 0 });
		assert_eq!(
			pass_motion(cancel.clone(), &[STREET_OFFICE, PROPERTY_COMPANY]),
			Some(Err(DispatchError::BadOrigin))
		);
		assert_eq!(
			pass_motion(cancel.clone(), &[RESIDENTS_COMMITTEE, OWNERS_COMMITTEE, PROPERTY_COMPANY]),
			Some(Ok(()))
		);
		assert!(ChainGovernance::pending_root_calls().is_empty());
		run_to(10);
		assert_eq!(EnactmentDelay::<Test>::get(), DELAY, "the cancelled call never acted");
		// Cancelling it again, or an unknown call, is refused.
		assert_eq!(
			pass_motion(cancel, &all_but_one),
			Some(Err(Error::<Test>::NotPending.into()))
		);
		// So is cancelling a call that already acted.
		assert_eq!(pass_motion(enact_as_root(set_delay(8)), &all_but_one), Some(Ok(())));
		run_to(10 + DELAY);
		assert_eq!(EnactmentDelay::<Test>::get(), 8);
		assert_eq!(
			pass_motion(RuntimeCall::ChainGovernance(Call::cancel { id: 1 }), &all_but_one),
			Some(Err(Error::<Test>::NotPending.into()))
		);
	});
}

#[test]
fn bad_root_calls_are_refused_with_their_own_errors() {
	new_test_ext().execute_with(|| {
		let council = [STREET_OFFICE, RESIDENTS_COMMITTEE, OWNERS_COMMITTEE, PROPERTY_COMPANY];
		// Larger than MaxCallSize (256 bytes).
		let large = RuntimeCall::System(frame_system::Call::remark { remark: vec![0; 300] });
		assert_eq!(pass_motion(enact_as_root(large), &council), Some(Err(Error::<Test>::CallTooLarge.into())));
		// Heavier than MaxCallWeight.
		let limit = MaxCallWeight::get();
		MaxCallWeight::set(frame_support::weights::Weight::from_parts(1, 1));
		assert_eq!(
			pass_motion(enact_as_root(set_delay(7)), &council),
			Some(Err(Error::<Test>::CallTooHeavy.into()))
		);
		MaxCallWeight::set(limit);
		// No more than MaxPending (3) wait at once.
		for blocks in 6..9 {
			assert_eq!(pass_motion(enact_as_root(set_delay(blocks)), &council), Some(Ok(())));
		}
		assert_eq!(
			pass_motion(enact_as_root(set_delay(9)), &council),
			Some(Err(Error::<Test>::TooManyPending.into()))
		);
		assert_eq!(ChainGovernance::pending_root_calls().len(), 3);
	});
}

#[test]
fn a_root_call_that_fails_is_recorded_and_leaves_the_list() {
	new_test_ext().execute_with(|| {
		let council = [STREET_OFFICE, RESIDENTS_COMMITTEE, OWNERS_COMMITTEE];
		assert_eq!(pass_motion(enact_as_root(set_delay(0)), &council), Some(Ok(())));
		run_to(1 + DELAY);
		let call_hash = sp_core::H256(sp_io::hashing::blake2_256(&set_delay(0).encode()));
		assert!(governance_events().contains(&GovernanceEvent::RootCallEnacted {
			id: 0,
			call_hash,
			result: Err(Error::<Test>::DelayTooShort.into()),
		}));
		assert!(ChainGovernance::pending_root_calls().is_empty());
		assert_eq!(EnactmentDelay::<Test>::get(), DELAY);
	});
}


#[test]
fn no_call_runs_before_its_block_and_the_scheduler_is_out_of_the_councils_reach() {
	new_test_ext().execute_with(|| {
		let council = [STREET_OFFICE, RESIDENTS_COMMITTEE, OWNERS_COMMITTEE];
		assert_eq!(pass_motion(enact_as_root(set_delay(7)), &council), Some(Ok(())));
		// Not even root enacts it early: it stays pending.
		assert_noop!(ChainGovernance::enact(RuntimeOrigin::root(), 0), Error::<Test>::TooEarly);
		assert_eq!(ChainGovernance::pending_root_calls().len(), 1);
		// Calls that could move an approved call ahead are not enactable.
		let early = RuntimeCall::ChainGovernance(Call::enact { id: 0 });
		let unschedule =
			RuntimeCall::Scheduler(pallet_scheduler::Call::cancel_named { id: ChainGovernance::task_name(0) });
		for call in [early, unschedule, enact_as_root(set_delay(8))] {
			assert_eq!(
				pass_motion(enact_as_root(call), &council),
				Some(Err(Error::<Test>::CallNotAllowed.into()))
			);
		}
		run_to(1 + DELAY);
		assert_eq!(EnactmentDelay::<Test>::get(), 7);
	});
}

#[test]
fn a_call_the_scheduler_lost_can_still_be_cancelled() {
	new_test_ext().execute_with(|| {
		let council = [STREET_OFFICE, RESIDENTS_COMMITTEE, OWNERS_COMMITTEE];
		assert_eq!(pass_motion(enact_as_root(set_delay(7)), &council), Some(Ok(())));
		// The scheduler drops the task (as it does with one it finds
		// overweight for good); the pending call would stay forever.
		use frame_support::traits::schedule::v3::Named;
		assert_ok!(<Scheduler as Named<_, _, _>>::cancel_named(ChainGovernance::task_name(0)));
		assert_eq!(
			pass_motion(RuntimeCall::ChainGovernance(Call::cancel { id: 0 }), &council),
			Some(Ok(()))
		);
		assert!(ChainGovernance::pending_root_calls().is_empty());
	});
}

#[test]
fn the_delay_stays_within_its_bounds() {
	new_test_ext().execute_with(|| {
		assert_noop!(ChainGovernance::set_enactment_delay(RuntimeOrigin::root(), 1), Error::<Test>::DelayTooShort);
		assert_noop!(
			ChainGovernance::set_enactment_delay(RuntimeOrigin::root(), 1_001),
			Error::<Test>::DelayTooLong
		);
		assert_noop!(
			ChainGovernance::set_enactment_delay(RuntimeOrigin::signed(STREET_OFFICE), 10),
			DispatchError::BadOrigin
		);
		assert_ok!(ChainGovernance::set_enactment_delay(RuntimeOrigin::root(), 1_000));
	});
}
