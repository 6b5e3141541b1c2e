//! Tests of the owners' assembly. Every test ends with the assembly's,
//! the fees pallet's and the identity pallet's `try_state`.

use crate::{mock::*, pallet::*, Action, Choice, Outcome, ProposalIndex, Route, Stage, Tally};

mod procedure;
use frame_support::{assert_noop, assert_ok, traits::Get};
use linli_primitives::{
	calendar::{month_of, Month},
	community::{CommunityInspect, VoteWeight},
	governance::Matter,
};
use pallet_property_fees::ContractModel;
use sp_core::H256;
use sp_runtime::DispatchError;

const JAN: Month = month_of(2026, 1);
const PERIOD: u64 = 10;
const YUAN: u128 = 1_000_000;

fn signed(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn text(n: u8) -> H256 {
	H256::repeat_byte(n)
}

fn remark() -> Box<RuntimeCall> {
	Box::new(RuntimeCall::System(frame_system::Call::remark { remark: b"minutes".to_vec() }))
}

fn fee_schedule(price: u128, from: Month) -> Box<RuntimeCall> {
	Box::new(RuntimeCall::Fees(pallet_property_fees::Call::set_fee_schedule {
		community: C,
		price_per_m2: price,
		model: ContractModel::LumpSum,
		effective_from: from,
	}))
}

fn assembly_events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Assembly(e) => Some(e),
			_ => None,
		})
		.collect()
}

/// Owner 1 (a committee member) proposes `call` on `matter`; voting opens.
fn propose(matter: Matter, call: Box<RuntimeCall>) -> ProposalIndex {
	let index = NextProposal::<Test>::get();
	assert_ok!(Assembly::propose(signed(1), C, matter, call, text(1), None, PERIOD));
	index
}

fn vote_all(index: ProposalIndex, voters: impl IntoIterator<Item = AccountId>, choice: Choice) {
	for who in voters {
		assert_ok!(Assembly::vote(signed(who), index, choice));
	}
}

fn end_voting() {
	System::set_block_number(System::block_number() + PERIOD);
}

fn close(index: ProposalIndex) -> Outcome {
	end_voting();
	assert_ok!(Assembly::close(signed(OUTSIDER), index));
	match Proposals::<Test>::get(index).unwrap().stage {
		Stage::Closed { outcome, .. } => outcome,
		other => panic!("not closed: {other:?}"),
	}
}

fn w(area: u64, headcount: u32) -> VoteWeight {
	VoteWeight { area, headcount }
}

// ------------------------------------------------------------- proposing

#[test]
fn the_committee_opens_votes_and_checks_every_input() {
	new_test_ext().execute_with(|| {
		equal_estate(9);
		tenant();
		assert_ok!(Assembly::propose(signed(2), C, Matter::Ordinary, remark(), text(7), None, PERIOD));
		let p = Proposals::<Test>::get(0).unwrap();
		assert_eq!((p.route, p.snapshot), (Route::Committee, w(900_00, 9)));
		let now = System::block_number();
		assert_eq!(p.stage, Stage::Voting { from: now, until: now + PERIOD });
		assert_eq!(Calls::<Test>::get(0).unwrap().into_inner(), codec::Encode::encode(&*remark()));
		assert_eq!(
			assembly_events(),
			vec![
				Event::Proposed {
					proposal: 0,
					community: C,
					matter: Matter::Ordinary,
					proposer: 2,
					route: Route::Committee,
					scope: None,
					text: text(7),
				},
				Event::DepositHeld {
					proposal: 0,
					who: 2,
					amount: Assembly::deposit_for(codec::Encode::encode(&*remark()).len() as u32),
				},
				Event::VotingOpened { proposal: 0, snapshot: w(900_00, 9), until: now + PERIOD },
			]
		);

		let propose = |who, period| Assembly::propose(signed(who), C, Matter::Ordinary, remark(), text(1), None, period);
		assert_noop!(propose(TENANT, PERIOD), Error::<Test>::NotAnOwner);
		assert_noop!(propose(OUTSIDER, PERIOD), Error::<Test>::NotAnOwner);
		assert_noop!(propose(1, 4), Error::<Test>::BadVotingPeriod);
		// A production chain's genesis raises the floor.
		VotingPeriodFloor::<Test>::put(50);
		assert_noop!(propose(1, 49), Error::<Test>::BadVotingPeriod);
		VotingPeriodFloor::<Test>::kill();
		assert_noop!(propose(1, 1_001), Error::<Test>::BadVotingPeriod);
		assert_noop!(
			Assembly::propose(RuntimeOrigin::none(), C, Matter::Ordinary, remark(), text(1), None, PERIOD),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Assembly::propose(signed(1), 9, Matter::Ordinary, remark(), text(1), None, PERIOD),
			Error::<Test>::UnknownCommunity
		);
		assert_noop!(
			Assembly::propose(signed(1), C, Matter::UseMaintenanceFund, remark(), text(1), Some(7), PERIOD),
			Error::<Test>::NoOwners
		);
		let big = Box::new(RuntimeCall::System(frame_system::Call::remark { remark: vec![0; 2_000] }));
		assert_noop!(
			Assembly::propose(signed(1), C, Matter::Ordinary, big, text(1), None, PERIOD),
			Error::<Test>::CallTooLarge
		);
	});
}

#[test]
fn owners_call_an_extraordinary_assembly_with_a_fifth_of_area_and_headcount() {
	new_test_ext().execute_with(|| {
		// Owner 4 holds half the area but is one of ten people.
		let mut owners: Vec<_> = (1..=10).map(|i| (i as AccountId, 100_00)).collect();
		owners[3].1 = 900_00;
		estate(&owners, &[]);
		assert_ok!(Assembly::propose(signed(4), C, Matter::Ordinary, remark(), text(1), None, PERIOD));
		let p = Proposals::<Test>::get(0).unwrap();
		assert_eq!((p.route, p.sponsors), (Route::Owners, w(900_00, 1)));
		assert!(matches!(p.stage, Stage::Sponsoring { .. }), "area alone does not open it");
		assert_noop!(Assembly::vote(signed(5), 0, Choice::Aye), Error::<Test>::NotVoting);
		assert_noop!(Assembly::sponsor(signed(4), 0), Error::<Test>::AlreadySponsored);
		assert_noop!(Assembly::sponsor(signed(OUTSIDER), 0), Error::<Test>::NotAnOwner);
		assert_noop!(Assembly::sponsor(signed(5), 9), Error::<Test>::UnknownProposal);
		// A second owner: 2 of 10 people = 20 %, and area well over: open.
		assert_ok!(Assembly::sponsor(signed(5), 0));
		let p = Proposals::<Test>::get(0).unwrap();
		assert_eq!(p.snapshot, w(1_800_00, 10));
		assert!(matches!(p.stage, Stage::Voting { .. }));
		assert_noop!(Assembly::sponsor(signed(6), 0), Error::<Test>::NotSponsoring);

		// Headcount alone does not open one either: two small owners hold
		// 2/10 people but only 200/1800 of the area.
		assert_ok!(Assembly::propose(signed(6), C, Matter::Ordinary, remark(), text(2), None, PERIOD));
		assert_ok!(Assembly::sponsor(signed(7), 1));
		assert!(matches!(Proposals::<Test>::get(1).unwrap().stage, Stage::Sponsoring { .. }));
		// Unsponsored in time: it lapses.
		let period: u64 = <Test as Config>::SponsorshipPeriod::get();
		let until = System::block_number() + period;
		assert_noop!(Assembly::close(signed(OUTSIDER), 1), Error::<Test>::TooEarly);
		System::set_block_number(until);
		assert_noop!(Assembly::sponsor(signed(8), 1), Error::<Test>::NotSponsoring);
		assert_ok!(Assembly::close(signed(OUTSIDER), 1));
		assert!(matches!(
			Proposals::<Test>::get(1).unwrap().stage,
			Stage::Closed { outcome: Outcome::NotSponsored, .. }
		));
	});
}

// -------------------------------------------------------------- counting

#[test]
fn the_floor_is_two_thirds_of_area_and_of_headcount_inclusive() {
	new_test_ext().execute_with(|| {
		equal_estate(9);
		// Exactly 6 of 9 (2/3) take part: the floor is met.
		let p = propose(Matter::Ordinary, remark());
		vote_all(p, 1..=6, Choice::Aye);
		assert_eq!(close(p), Outcome::Enacted);
		// 5 of 9: not.
		let p = propose(Matter::Ordinary, remark());
		vote_all(p, 1..=5, Choice::Aye);
		assert_eq!(close(p), Outcome::NoQuorum);
	});
}

#[test]
fn a_floor_met_by_area_but_not_headcount_fails_and_the_reverse() {
	new_test_ext().execute_with(|| {
		// Owner 1: 1,000 m²; owners 2..=9: 100 m² each. 1,800 m², 9 people.
		let mut owners: Vec<_> = (1..=9).map(|i| (i as AccountId, 100_00)).collect();
		owners[0].1 = 1_000_00;
		estate(&owners, &[]);
		// 1,300 m² (72 %) but 4 people (44 %).
		let p = propose(Matter::Ordinary, remark());
		vote_all(p, [1, 2, 3, 4], Choice::Aye);
		assert_eq!(close(p), Outcome::NoQuorum);
		// 6 people (2/3) but 600 m² (33 %).
		let p = propose(Matter::Ordinary, remark());
		vote_all(p, 2..=7, Choice::Aye);
		assert_eq!(close(p), Outcome::NoQuorum);
	});
}

#[test]
fn an_ordinary_matter_needs_more_than_half_exactly_half_fails() {
	new_test_ext().execute_with(|| {
		equal_estate(8);
		let p = propose(Matter::Ordinary, remark());
		vote_all(p, 1..=4, Choice::Aye);
		vote_all(p, 5..=8, Choice::Nay);
		assert_eq!(close(p), Outcome::Rejected);
		let p = propose(Matter::Ordinary, remark());
		vote_all(p, 1..=5, Choice::Aye);
		vote_all(p, 6..=8, Choice::Nay);
		assert_eq!(close(p), Outcome::Enacted);
	});
}

#[test]
fn abstaining_counts_as_taking_part_not_as_approval() {
	new_test_ext().execute_with(|| {
		equal_estate(9);
		// 6 take part; 3 ayes are exactly half of them.
		let p = propose(Matter::Ordinary, remark());
		vote_all(p, 1..=3, Choice::Aye);
		vote_all(p, 4..=6, Choice::Abstain);
		assert_eq!(Proposals::<Test>::get(p).unwrap().tally.participation(), w(600_00, 6));
		assert_eq!(close(p), Outcome::Rejected);
	});
}

#[test]
fn major_matters_need_three_quarters_exactly_three_quarters_passes() {
	new_test_ext().execute_with(|| {
		equal_estate(8);
		let raise = || {
			Box::new(RuntimeCall::Fees(pallet_property_fees::Call::open_maintenance_round {
				community: C,
				price_per_m2: 100 * YUAN,
			}))
		};
		let p = propose(Matter::RaiseMaintenanceFund, raise());
		vote_all(p, 1..=6, Choice::Aye);
		vote_all(p, 7..=8, Choice::Nay);
		assert_eq!(close(p), Outcome::Enacted);
		assert_eq!(pallet_property_fees::MaintenanceRounds::<Test>::get(C).len(), 1);
		let p = propose(Matter::RaiseMaintenanceFund, raise());
		vote_all(p, 1..=5, Choice::Aye);
		vote_all(p, 6..=8, Choice::Nay);
		assert_eq!(close(p), Outcome::Rejected);
		assert_eq!(pallet_property_fees::MaintenanceRounds::<Test>::get(C).len(), 1);
	});
}

#[test]
fn three_quarters_of_headcount_without_three_quarters_of_area_fails() {
	new_test_ext().execute_with(|| {
		// 8 owners; owner 8 holds 500 m², the others 100 m² (1,200 m²).
		let mut owners: Vec<_> = (1..=8).map(|i| (i as AccountId, 100_00)).collect();
		owners[7].1 = 500_00;
		estate(&owners, &[]);
		let p = propose(Matter::Rebuilding, remark());
		// 6 of 8 people (3/4) but 600 of 1,200 m² (1/2).
		vote_all(p, 1..=6, Choice::Aye);
		vote_all(p, 7..=8, Choice::Nay);
		assert_eq!(close(p), Outcome::Rejected);
	});
}

#[test]
fn an_owner_of_several_units_votes_once_with_their_summed_area() {
	new_test_ext().execute_with(|| {
		// Owner 1 holds units 1 and 4; owners 2 and 3 one each.
		estate(&[(1, 100_00), (2, 80_00), (3, 70_00), (1, 150_00)], &[]);
		assert_eq!(Community::vote_totals(C, None), w(400_00, 3));
		let p = propose(Matter::Ordinary, remark());
		assert_ok!(Assembly::vote(signed(1), p, Choice::Aye));
		assert_eq!(Ballots::<Test>::get(p, 1).unwrap().weight, w(250_00, 1));
		assert_ok!(Assembly::vote(signed(2), p, Choice::Nay));
		// 250 of 330 m² and 1 of 2 people: not a majority of both.
		assert_eq!(close(p), Outcome::Rejected);
	});
}

#[test]
fn the_developer_votes_once_for_all_its_unsold_units() {
	new_test_ext().execute_with(|| {
		estate(&[(1, 100_00), (2, 100_00), (3, 100_00)], &[90_00, 90_00, 90_00]);
		assert_eq!(Community::vote_totals(C, None), w(570_00, 4));
		let p = propose(Matter::Ordinary, remark());
		assert_ok!(Assembly::vote(signed(DEVELOPER), p, Choice::Nay));
		assert_eq!(Ballots::<Test>::get(p, DEVELOPER).unwrap().weight, w(270_00, 1));
		vote_all(p, [1, 2], Choice::Aye);
		// Ayes: 200 of 470 m² — a majority of people but not of area.
		assert_eq!(close(p), Outcome::Rejected);
	});
}

#[test]
fn a_scoped_vote_is_decided_by_the_owners_of_that_scope_only() {
	new_test_ext().execute_with(|| {
		// Odd units in scope 1 (owners 1, 3, 5, 7), even in scope 2.
		equal_estate(8);
		assert_ok!(Assembly::propose(signed(1), C, Matter::UseMaintenanceFund, remark(), text(1), Some(1), PERIOD));
		assert_eq!(Proposals::<Test>::get(0).unwrap().snapshot, w(400_00, 4));
		assert_noop!(Assembly::vote(signed(2), 0, Choice::Aye), Error::<Test>::NotAnOwner);
		vote_all(0, [1, 3, 5], Choice::Aye);
		assert_eq!(close(0), Outcome::Enacted);
	});
}

fn spend_maintenance(scope: Option<u32>, amount: u128) -> Box<RuntimeCall> {
	Box::new(RuntimeCall::Fees(pallet_property_fees::Call::spend_maintenance {
		community: C,
		scope,
		amount,
		payee: OUTSIDER,
		document: text(9),
	}))
}

/// Every owner n pays unit n's 1 元/m² first deposit into the maintenance fund.
fn fill_maintenance_fund(units: u32) -> u128 {
	assert_ok!(Fees::open_maintenance_round(RuntimeOrigin::root(), C, YUAN));
	for n in 1..=units {
		assert_ok!(Fees::deposit_maintenance(signed(n as AccountId), C, unit(n)));
	}
	Fees::fund_views(C)
		.into_iter()
		.find(|f| f.fund == linli_primitives::fees::FundKind::Maintenance)
		.unwrap()
		.balance
}

#[test]
fn a_building_cannot_put_a_community_wide_matter_to_its_own_owners() {
	new_test_ext().execute_with(|| {
		equal_estate(8);
		// The owners of building 1 try to set everyone's fee, the rules of
		// procedure, the registrars: refused when proposed.
		for matter in [
			Matter::PropertyCompany,
			Matter::RulesOfProcedure,
			Matter::Committee,
			Matter::OtherMajor,
			Matter::RaiseMaintenanceFund,
			Matter::CommonParts,
			Matter::Ordinary,
		] {
			assert_noop!(
				Assembly::propose(signed(1), C, matter, fee_schedule(YUAN, JAN), text(1), Some(1), PERIOD),
				Error::<Test>::MatterNotScopable
			);
			// The owners' route (co-sponsorship) is refused the same way.
			assert_noop!(
				Assembly::propose(signed(5), C, matter, fee_schedule(YUAN, JAN), text(1), Some(1), PERIOD),
				Error::<Test>::MatterNotScopable
			);
		}
	});
}

#[test]
fn a_buildings_decision_spends_only_on_its_own_building() {
	new_test_ext().execute_with(|| {
		// Odd units in building 1 (owners 1, 3, 5, 7), even in building 2.
		equal_estate(8);
		let fund = fill_maintenance_fund(8);
		assert_eq!(fund, 8 * 100 * YUAN);
		let outsider_before = Balances::free_balance(OUTSIDER);
		let bad_origin: DispatchError = DispatchError::BadOrigin;
		// The attack: building 1's owners alone pass a spend of the whole
		// fund for the whole estate, then for building 2.
		for target in [None, Some(2)] {
			let p = NextProposal::<Test>::get();
			assert_ok!(Assembly::propose(
				signed(1),
				C,
				Matter::UseMaintenanceFund,
				spend_maintenance(target, fund),
				text(1),
				Some(1),
				PERIOD
			));
			vote_all(p, [1, 3, 5, 7], Choice::Aye);
			assert_eq!(close(p), Outcome::EnactmentFailed(bad_origin));
		}
		assert_eq!(Balances::free_balance(OUTSIDER), outsider_before);
		// Its own repair passes and is paid.
		let p = NextProposal::<Test>::get();
		assert_ok!(Assembly::propose(
			signed(1),
			C,
			Matter::UseMaintenanceFund,
			spend_maintenance(Some(1), 10 * YUAN),
			text(1),
			Some(1),
			PERIOD
		));
		vote_all(p, [1, 3, 5, 7], Choice::Aye);
		assert_eq!(close(p), Outcome::Enacted);
		assert_eq!(Balances::free_balance(OUTSIDER), outsider_before + 10 * YUAN);
		// A community-wide decision may pay for one building's repair.
		let p = NextProposal::<Test>::get();
		assert_ok!(Assembly::propose(
			signed(1),
			C,
			Matter::UseMaintenanceFund,
			spend_maintenance(Some(2), 5 * YUAN),
			text(1),
			None,
			PERIOD
		));
		vote_all(p, 1..=8, Choice::Aye);
		assert_eq!(close(p), Outcome::Enacted);
		assert_eq!(Balances::free_balance(OUTSIDER), outsider_before + 15 * YUAN);
	});
}

#[test]
fn a_rotated_key_cannot_vote_twice_its_ballot_follows_the_owner() {
	new_test_ext().execute_with(|| {
		equal_estate(4);
		let p = propose(Matter::Ordinary, remark());
		assert_ok!(Assembly::vote(signed(4), p, Choice::Aye));
		let before = Proposals::<Test>::get(p).unwrap().tally;
		// The attack: a registrar rotates owner 4's key to 40, and 40 votes
		// again on the open proposal.
		assert_ok!(Community::rotate_account(signed(REGISTRAR), C, 4, 40));
		// The owner accepts with the old key (or the delay passes).
		assert_ok!(Community::answer_rotation(signed(4), C, true));
		assert!(assembly_events().contains(&Event::VoterAccountMoved { community: C, old: 4, new: 40, proposals: 1 }));
		assert_eq!(Ballots::<Test>::get(p, 4), None);
		assert_eq!(Ballots::<Test>::get(p, 40).unwrap().weight, w(100_00, 1));
		assert_ok!(Assembly::vote(signed(40), p, Choice::Nay));
		// One owner, one ballot: the new account replaced it, it did not add.
		let after = Proposals::<Test>::get(p).unwrap().tally;
		assert_eq!(after.participation(), before.participation());
		assert_eq!((after.aye, after.nay), (w(0, 0), w(100_00, 1)));
		// The old key is no longer anyone's.
		assert_noop!(Assembly::vote(signed(4), p, Choice::Aye), Error::<Test>::NotAnOwner);
	});
}

#[test]
fn a_rotation_onto_an_account_that_already_voted_fails() {
	new_test_ext().execute_with(|| {
		equal_estate(4);
		let p = propose(Matter::Ordinary, remark());
		vote_all(p, [1, 4], Choice::Aye);
		// Owner 4 sells: their ballot stands, the account is free again.
		assert_ok!(Community::transfer_ownership(signed(REGISTRAR), C, unit(4), 44, H256::repeat_byte(44)));
		assert!(!Community::is_resident(C, &4));
		// Rotating owner 1 onto account 4 would merge two ballots.
		assert_ok!(Community::rotate_account(signed(REGISTRAR), C, 1, 4));
		assert_noop!(Community::answer_rotation(signed(1), C, true), Error::<Test>::AccountAlreadyVoted);
	});
}

#[test]
fn the_developers_new_account_cannot_vote_again() {
	new_test_ext().execute_with(|| {
		estate(&[(1, 100_00), (2, 100_00), (3, 100_00)], &[90_00, 90_00, 90_00]);
		let p = propose(Matter::Ordinary, remark());
		assert_ok!(Assembly::vote(signed(DEVELOPER), p, Choice::Nay));
		// A new account for the same developer takes over its ballot.
		assert_ok!(Community::set_developer(RuntimeOrigin::root(), C, Some(2_000)));
		assert_eq!(Ballots::<Test>::get(p, 2_000).unwrap().weight, w(270_00, 1));
		assert_ok!(Assembly::vote(signed(2_000), p, Choice::Aye));
		assert_eq!(Proposals::<Test>::get(p).unwrap().tally.participation(), w(270_00, 1));
		// Cleared, then set again: the account set after none cannot cast
		// the developer's weight in a vote opened before.
		assert_ok!(Community::set_developer(RuntimeOrigin::root(), C, None));
		System::set_block_number(3);
		assert_ok!(Community::set_developer(RuntimeOrigin::root(), C, Some(2_001)));
		assert_noop!(Assembly::vote(signed(2_001), p, Choice::Nay), Error::<Test>::WeightGrewDuringVote);
		assert_eq!(Proposals::<Test>::get(p).unwrap().tally.participation(), w(270_00, 1));
		// It joins votes opened afterwards.
		System::set_block_number(4);
		let q = propose(Matter::Ordinary, remark());
		assert_ok!(Assembly::vote(signed(2_001), q, Choice::Nay));
	});
}

#[test]
fn a_proposer_deposits_while_the_proposal_is_open_and_gets_it_back_at_close() {
	new_test_ext().execute_with(|| {
		use frame_support::traits::fungible::InspectHold;
		equal_estate(4);
		let hold = || Balances::balance_on_hold(&HoldReason::ProposalDeposit.into(), &1);
		let free = Balances::free_balance(1);
		let p = propose(Matter::Ordinary, remark());
		let size = codec::Encode::encode(&*remark()).len() as u32;
		let deposit = Assembly::deposit_for(size);
		assert_eq!(deposit, 1_000 + 10 * size as u128);
		assert_eq!(hold(), deposit);
		assert_eq!(Balances::free_balance(1), free - deposit);
		assert!(assembly_events().contains(&Event::DepositHeld { proposal: p, who: 1, amount: deposit }));
		close(p);
		assert_eq!(hold(), 0);
		assert_eq!(Balances::free_balance(1), free);
		assert!(assembly_events().contains(&Event::DepositReturned { proposal: p, who: 1, amount: deposit }));
		// Who cannot pay the deposit cannot fill state with proposals.
		let broke = 4;
		assert_ok!(Balances::transfer_all(signed(broke), OUTSIDER, false));
		assert_noop!(
			Assembly::propose(signed(broke), C, Matter::Ordinary, remark(), text(1), None, PERIOD),
			Error::<Test>::InsufficientDeposit
		);
	});
}

#[test]
fn a_community_has_at_most_max_open_proposals() {
	new_test_ext().execute_with(|| {
		equal_estate(3);
		let max = <Test as Config>::MaxOpenProposals::get();
		for _ in 0..max {
			propose(Matter::Ordinary, remark());
		}
		assert_noop!(
			Assembly::propose(signed(1), C, Matter::Ordinary, remark(), text(1), None, PERIOD),
			Error::<Test>::TooManyOpenProposals
		);
		// Closing one makes room.
		end_voting();
		close(0);
		assert_eq!(OpenProposals::<Test>::get(C).len() as u32, max - 1);
		propose(Matter::Ordinary, remark());
	});
}

#[test]
fn tenants_and_outsiders_never_vote() {
	new_test_ext().execute_with(|| {
		equal_estate(3);
		tenant();
		let p = propose(Matter::Ordinary, remark());
		assert_noop!(Assembly::vote(signed(TENANT), p, Choice::Aye), Error::<Test>::NotAnOwner);
		assert_noop!(Assembly::vote(signed(OUTSIDER), p, Choice::Aye), Error::<Test>::NotAnOwner);
		assert_noop!(Assembly::vote(RuntimeOrigin::none(), p, Choice::Aye), DispatchError::BadOrigin);
	});
}

#[test]
fn registering_during_a_vote_moves_neither_the_bar_nor_the_count() {
	new_test_ext().execute_with(|| {
		estate(&(1..=6).map(|i| (i as AccountId, 100_00)).collect::<Vec<_>>(), &[]);
		let p = propose(Matter::Ordinary, remark());
		vote_all(p, [3], Choice::Aye);
		System::set_block_number(System::block_number() + 1);
		// A new unit and its owner, registered mid-vote.
		assert_ok!(Community::register_units(
			signed(REGISTRAR),
			C,
			vec![pallet_community::NewUnit {
				id: unit(50),
				scope: 1,
				area: 100_00,
				status: linli_primitives::community::UnitStatus::Delivered
			}]
		));
		owner(20, 50);
		assert_eq!(Proposals::<Test>::get(p).unwrap().snapshot, w(600_00, 6), "the bar stays");
		assert_noop!(Assembly::vote(signed(20), p, Choice::Aye), Error::<Test>::WeightGrewDuringVote);
		// Owner 3 sells their unit to 21 after voting: the unit is not
		// counted twice, and the seller's ballot stands.
		assert_ok!(Community::transfer_ownership(signed(REGISTRAR), C, unit(3), 21, H256::repeat_byte(21)));
		assert_noop!(Assembly::vote(signed(21), p, Choice::Nay), Error::<Test>::UnitsVotedBySellers);
		// Owner 2 buys the new unit, not in the snapshot: 2 votes with
		// their own unit only.
		assert_ok!(Community::transfer_ownership(signed(REGISTRAR), C, unit(50), 2, H256::repeat_byte(2)));
		assert_ok!(Assembly::vote(signed(2), p, Choice::Aye));
		assert_eq!(Ballots::<Test>::get(p, 2).unwrap().weight, w(100_00, 1));
		vote_all(p, [1, 4, 5], Choice::Aye);
		// 5 of the 6 snapshotted owners took part: it passes.
		assert_eq!(Proposals::<Test>::get(p).unwrap().tally.participation(), w(500_00, 5));
		assert_eq!(close(p), Outcome::Enacted);
		// A vote opened now snapshots the new totals.
		let q = propose(Matter::Ordinary, remark());
		assert_eq!(Proposals::<Test>::get(q).unwrap().snapshot, Community::vote_totals(C, None));
		assert_ok!(Assembly::vote(signed(21), q, Choice::Aye));
	});
}

#[test]
fn voting_again_replaces_the_ballot() {
	new_test_ext().execute_with(|| {
		equal_estate(3);
		let p = propose(Matter::Ordinary, remark());
		assert_ok!(Assembly::vote(signed(2), p, Choice::Aye));
		assert_ok!(Assembly::vote(signed(2), p, Choice::Nay));
		assert_ok!(Assembly::vote(signed(2), p, Choice::Nay));
		let tally = Proposals::<Test>::get(p).unwrap().tally;
		assert_eq!(tally, Tally { aye: w(0, 0), nay: w(100_00, 1), abstain: w(0, 0) });
		assert_eq!(
			assembly_events().last(),
			Some(&Event::Voted {
				proposal: p,
				who: 2,
				choice: Choice::Nay,
				weight: w(100_00, 1),
				cast_by: 2,
				channel: crate::Channel::Online
			})
		);
		assert_noop!(Assembly::vote(signed(2), p, Choice::Approve(1)), Error::<Test>::BadChoice);
	});
}

#[test]
fn votes_end_with_the_period_and_a_proposal_closes_once() {
	new_test_ext().execute_with(|| {
		equal_estate(3);
		let p = propose(Matter::Ordinary, remark());
		vote_all(p, 1..=3, Choice::Aye);
		assert_noop!(Assembly::close(signed(OUTSIDER), p), Error::<Test>::TooEarly);
		assert_noop!(Assembly::close(signed(OUTSIDER), 7), Error::<Test>::UnknownProposal);
		end_voting();
		assert_noop!(Assembly::vote(signed(1), p, Choice::Nay), Error::<Test>::VotingEnded);
		assert_ok!(Assembly::close(signed(OUTSIDER), p));
		assert_noop!(Assembly::close(signed(OUTSIDER), p), Error::<Test>::AlreadyClosed);
		assert_noop!(Assembly::vote(signed(1), p, Choice::Nay), Error::<Test>::NotVoting);
		assert_noop!(Assembly::close(RuntimeOrigin::none(), p), DispatchError::BadOrigin);
	});
}

// ------------------------------------------------------------- enacting

#[test]
fn a_vote_raises_the_fee_and_the_next_bill_reflects_it() {
	new_test_ext().execute_with(|| {
		equal_estate(4);
		assert_ok!(pallet_property_fees::Pallet::<Test>::set_fee_schedule(
			RuntimeOrigin::root(),
			C,
			35 * YUAN / 100,
			ContractModel::LumpSum,
			JAN
		));
		// The owners raise the price from February to 0.50.
		let p = propose(Matter::PropertyCompany, fee_schedule(50 * YUAN / 100, JAN + 1));
		vote_all(p, 1..=4, Choice::Aye);
		assert_eq!(close(p), Outcome::Enacted);
		assert!(assembly_events().contains(&Event::Enacted { proposal: p, result: Ok(()) }));
		let set = System::events()
			.into_iter()
			.filter_map(|r| match r.event {
				RuntimeEvent::Fees(pallet_property_fees::Event::FeeScheduleSet { approved_by, .. }) => Some(approved_by),
				_ => None,
			})
			.last();
		assert_eq!(set, Some(linli_primitives::fees::Approver::Assembly(p)));
		Now::set(JAN + 1);
		let dues = pallet_property_fees::Pallet::<Test>::unit_dues(C, unit(1)).unwrap();
		assert_eq!(dues.arrears, 35 * YUAN);
		assert_eq!(dues.current, 50 * YUAN);
	});
}

#[test]
fn a_passed_proposal_whose_call_fails_keeps_the_error_as_its_outcome() {
	new_test_ext().execute_with(|| {
		equal_estate(3);
		// The price would start in January, but it is March when it passes.
		let p = propose(Matter::PropertyCompany, fee_schedule(YUAN, JAN));
		vote_all(p, 1..=3, Choice::Aye);
		Now::set(JAN + 2);
		let retroactive: DispatchError = pallet_property_fees::Error::<Test>::RetroactiveSchedule.into();
		assert_eq!(close(p), Outcome::EnactmentFailed(retroactive));
		assert!(assembly_events().contains(&Event::Enacted { proposal: p, result: Err(retroactive) }));
		assert!(pallet_property_fees::Schedules::<Test>::get(C).is_empty());
		// A decision on the wrong matter is not the fees pallet's origin.
		let p = propose(Matter::Ordinary, fee_schedule(YUAN, JAN + 5));
		vote_all(p, 1..=3, Choice::Aye);
		assert_eq!(close(p), Outcome::EnactmentFailed(DispatchError::BadOrigin));
	});
}

#[test]
fn a_decision_fills_only_the_role_its_matter_decides() {
	new_test_ext().execute_with(|| {
		equal_estate(5);
		let community = |call| Box::new(RuntimeCall::Community(call));
		let registrars = || community(pallet_community::Call::set_registrars { community: C, registrars: vec![30] });
		let committee =
			|| community(pallet_community::Call::set_committee { community: C, members: vec![3, 4, 5], term_end: 4_000 });
		let company = || community(pallet_community::Call::set_property_managers { community: C, managers: vec![31] });
		let decide = |matter, call| {
			let p = propose(matter, call);
			vote_all(p, 1..=5, Choice::Aye);
			close(p)
		};
		let refused = Outcome::EnactmentFailed(DispatchError::BadOrigin);
		// The attack: a decision about the property company (matter 4)
		// replaces the registrars or the committee.
		assert_eq!(decide(Matter::PropertyCompany, registrars()), refused);
		assert_eq!(decide(Matter::PropertyCompany, committee()), refused);
		// Not even a decision on the committee (3) seats one without an
		// election, nor another major matter (9).
		assert_eq!(decide(Matter::Committee, committee()), refused);
		assert_eq!(decide(Matter::OtherMajor, committee()), refused);
		assert_eq!(decide(Matter::OtherMajor, company()), refused);
		assert!(Community::is_committee_member(C, &1));
		assert!(!Community::is_property_manager(C, &31));
		// Each role by its own matter.
		assert_eq!(decide(Matter::PropertyCompany, company()), Outcome::Enacted);
		assert!(Community::is_property_manager(C, &31));
		assert_eq!(decide(Matter::OtherMajor, registrars()), Outcome::Enacted);
		assert_eq!(pallet_community::Registrars::<Test>::get(C).into_inner(), vec![30]);
	});
}

#[test]
fn non_voters_follow_the_majority_only_where_opted_in_and_never_for_the_floor() {
	new_test_ext().execute_with(|| {
		equal_estate(9);
		let major = || propose(Matter::CommonParts, remark());
		// 6 of 9 vote, 4 ayes: 2/3 of participants, short of 3/4.
		let p = major();
		vote_all(p, 1..=4, Choice::Aye);
		vote_all(p, 5..=6, Choice::Nay);
		assert_eq!(close(p), Outcome::Rejected);

		assert_noop!(
			Assembly::set_non_voters_follow_majority(signed(1), C, true),
			DispatchError::BadOrigin
		);
		// The owners change their rules of procedure by a decision.
		let rules = Box::new(RuntimeCall::Assembly(Call::set_non_voters_follow_majority { community: C, enabled: true }));
		let r = propose(Matter::RulesOfProcedure, rules);
		vote_all(r, 1..=9, Choice::Aye);
		assert_eq!(close(r), Outcome::Enacted);
		assert!(NonVotersFollowMajority::<Test>::get(C));

		// Now the 3 non-voters count with the ayes: 7 of 9 ≥ 3/4.
		let p = major();
		vote_all(p, 1..=4, Choice::Aye);
		vote_all(p, 5..=6, Choice::Nay);
		assert_eq!(close(p), Outcome::Enacted);
		// But they never make up the floor: 5 ayes of 9 is no quorum.
		let p = major();
		vote_all(p, 1..=5, Choice::Aye);
		assert_eq!(close(p), Outcome::NoQuorum);
	});
}

// ------------------------------------------------------------- elections

fn election(candidates: Vec<AccountId>, seats: u32) -> Result<ProposalIndex, sp_runtime::DispatchError> {
	let index = NextProposal::<Test>::get();
	Assembly::propose_election(signed(1), C, candidates, seats, 4_000, text(3), PERIOD)
		.map(|_| index)
		.map_err(|e| e.error)
}

fn bits(positions: &[u32]) -> Choice {
	Choice::Approve(positions.iter().fold(0, |acc, p| acc | (1 << p)))
}

#[test]
fn an_election_seats_the_most_approved_by_the_stated_tie_rule() {
	new_test_ext().execute_with(|| {
		// Nine owners; owner 5 has a larger unit.
		let mut owners: Vec<_> = (1..=9).map(|i| (i as AccountId, 100_00)).collect();
		owners[4].1 = 200_00;
		estate(&owners, &[]);
		// Candidates in nomination order: 4, 5, 6, 7, 8.
		let e = election(vec![4, 5, 6, 7, 8], 3).unwrap();
		assert!(matches!(Proposals::<Test>::get(e).unwrap().action, Action::ElectCommittee { seats: 3, .. }));
		assert_noop!(Assembly::vote(signed(1), e, Choice::Aye), Error::<Test>::BadChoice);
		assert_noop!(Assembly::vote(signed(1), e, bits(&[5])), Error::<Test>::BadChoice);
		// Everyone approves 6 (position 2); every other candidate has a
		// majority of 6 owners. 5, 7 and 8 also tie on area (700 m²): the
		// earlier nominations, 5 and then 7, win; 4 has less area (600).
		vote_all(e, [1, 2, 3], bits(&[0, 1, 2]));
		vote_all(e, [4, 6, 9], bits(&[0, 2, 3, 4]));
		vote_all(e, [5, 7, 8], bits(&[1, 2, 3, 4]));
		// Change of mind counts once: 9 re-votes the same.
		assert_ok!(Assembly::vote(signed(9), e, bits(&[0, 2, 3, 4])));
		let approvals: Vec<_> = Candidates::<Test>::get(e).into_iter().map(|(_, w)| w.headcount).collect();
		assert_eq!(approvals, vec![6, 6, 9, 6, 6]);
		assert_eq!(close(e), Outcome::Enacted);
		assert!(assembly_events().contains(&Event::CommitteeElected { proposal: e, members: vec![6, 5, 7] }));
		for member in [5, 6, 7] {
			assert!(Community::is_committee_member(C, &member));
		}
		assert!(!Community::is_committee_member(C, &4) && !Community::is_committee_member(C, &1));
	});
}

#[test]
fn an_election_checks_seats_and_candidates_and_fails_without_majorities() {
	new_test_ext().execute_with(|| {
		equal_estate(9);
		tenant();
		assert_noop!(election(vec![4, 5, 6, 7], 4), Error::<Test>::BadSeats);
		assert_noop!(election(vec![4, 5], 3), Error::<Test>::BadSeats);
		assert_noop!(election(vec![4, 4, 6], 3), Error::<Test>::BadCandidate);
		assert_noop!(election(vec![4, TENANT, 6], 3), Error::<Test>::BadCandidate);
		let many: Vec<AccountId> = (1..=17).collect();
		assert_noop!(election(many, 3), Error::<Test>::TooManyCandidates);
		assert_noop!(
			Assembly::propose_election(signed(1), C, vec![4, 5, 6], 3, 5, text(3), PERIOD),
			Error::<Test>::BadElection
		);
		// Only two candidates win a majority: three seats stay unfilled.
		let e = election(vec![4, 5, 6], 3).unwrap();
		vote_all(e, 1..=9, bits(&[0, 1]));
		assert_eq!(close(e), Outcome::Rejected);
		assert!(Community::is_committee_member(C, &1), "the old committee stays");
	});
}

/// A member who sells leaves the committee; below its legal size the
/// owners fill the seats by a by-election for the rest of the term.
#[test]
fn a_by_election_fills_the_seats_a_sale_left_vacant() {
	new_test_ext().execute_with(|| {
		equal_estate(9);
		tenant();
		assert_ok!(Community::transfer_ownership(signed(REGISTRAR), C, unit(3), 20, H256::repeat_byte(0x20)));
		let events: Vec<_> = System::events()
			.into_iter()
			.filter_map(|r| match r.event {
				RuntimeEvent::Community(e) => Some(e),
				_ => None,
			})
			.collect();
		assert!(events.contains(&pallet_community::Event::CommitteeSeatVacated { community: C, who: 3 }));
		assert!(events.contains(&pallet_community::Event::CommitteeBelowLegalSize { community: C, members: 2 }));
		let by_election = |candidates: Vec<AccountId>, seats, period| {
			Assembly::propose_by_election(signed(1), C, candidates, seats, text(4), period).map_err(|e| e.error)
		};
		// Bad input: a size the law does not allow, a sitting member, a
		// tenant, no seat, a vote that outlasts the term, no committee.
		assert_noop!(by_election(vec![4, 5], 2, PERIOD), Error::<Test>::BadSeats);
		assert_noop!(by_election(vec![4], 0, PERIOD), Error::<Test>::BadSeats);
		assert_noop!(by_election(vec![4, 1], 1, PERIOD), Error::<Test>::BadCandidate);
		assert_noop!(by_election(vec![4, TENANT], 1, PERIOD), Error::<Test>::BadCandidate);
		assert_noop!(by_election(vec![4], 1, 5_000), Error::<Test>::BadElection);
		assert_noop!(
			Assembly::propose_by_election(signed(1), C + 1, vec![4], 1, text(4), PERIOD),
			Error::<Test>::NoCommittee
		);
		let e = NextProposal::<Test>::get();
		assert_ok!(by_election(vec![4, 5], 1, PERIOD));
		assert!(matches!(Proposals::<Test>::get(e).unwrap().action, Action::FillCommitteeSeats { seats: 1, term_end: 5_000 }));
		// A second by-election for the same seat passes too, but finds no
		// seat once the first has filled it.
		let second = NextProposal::<Test>::get();
		assert_ok!(by_election(vec![6], 1, PERIOD));
		vote_all(second, [1, 2, 4, 5, 6, 7, 8, 9], bits(&[0]));
		assert_noop!(Assembly::vote(signed(1), e, Choice::Aye), Error::<Test>::BadChoice);
		vote_all(e, [1, 2, 4, 5, 6, 7], bits(&[0]));
		vote_all(e, [8, 9], bits(&[1]));
		assert_eq!(close(e), Outcome::Enacted);
		assert!(assembly_events().contains(&Event::CommitteeElected { proposal: e, members: vec![4] }));
		let committee = pallet_community::Committees::<Test>::get(C).unwrap();
		assert_eq!((committee.members.into_inner(), committee.term_end), (vec![1, 2, 4], 5_000));
		assert_eq!(close(second), Outcome::EnactmentFailed(pallet_community::Error::<Test>::NoVacancy.into()));
		assert_eq!(pallet_community::Committees::<Test>::get(C).unwrap().members.len(), 3);
		// A committee at its legal size has no seat to fill.
		assert_noop!(by_election(vec![5], 2, PERIOD), Error::<Test>::NoVacancy);
	});
}

// ------------------------------------------------------------- the record

#[test]
fn the_full_record_stays_queryable() {
	new_test_ext().execute_with(|| {
		equal_estate(4);
		let p = propose(Matter::Ordinary, remark());
		vote_all(p, [1, 2, 3], Choice::Aye);
		assert_ok!(Assembly::vote(signed(4), p, Choice::Nay));
		// While open, the call is readable and matches its hash.
		let open = Assembly::proposal_view(p).unwrap();
		assert_eq!(open.call, codec::Encode::encode(&*remark()));
		close(p);
		let view = Assembly::proposal_view(p).unwrap();
		assert_eq!(view.proposal.snapshot, w(400_00, 4));
		assert_eq!(view.proposal.tally.aye, w(300_00, 3));
		assert!(matches!(view.proposal.stage, Stage::Closed { outcome: Outcome::Enacted, .. }));
		// Closed: the call (which may carry text) is gone from state, its
		// hash stays in the record.
		assert!(view.call.is_empty());
		assert!(!Calls::<Test>::contains_key(p));
		assert_eq!(Assembly::proposal_views(C, 0, 10).len(), 1);
		assert!(Assembly::proposal_views(C + 1, 0, 10).is_empty());
		assert_eq!(Ballots::<Test>::get(p, 4).unwrap().choice, Choice::Nay);
		assert!(matches!(
			view.proposal.action,
			Action::Dispatch { call_hash, .. } if call_hash == H256(sp_io::hashing::blake2_256(&open.call))
		));
	});
}
