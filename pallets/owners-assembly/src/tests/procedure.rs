//! The assembly's procedure: notice, proxies, paper ballots, published
//! results. Each rule with the error every bad input gets; the tally is
//! checked by channel (and `try_state` recounts it after every test).

use super::*;
use crate::{BallotSource, Channel, ChannelTally, PaperBallot, Procedure, ProxyCover};

const NOTICE: u64 = 15;
const PUBLICATION: u64 = 7;

/// The community's procedure: `notice` and `publication` blocks, the
/// default proxy limit (2 in the mock).
fn set_procedure(notice: u64, publication: u64) {
	assert_ok!(Assembly::set_procedure(
		RuntimeOrigin::root(),
		C,
		Procedure { notice_period: notice, publication_period: publication, max_owners_per_proxy: 2 }
	));
}

fn stage(p: ProposalIndex) -> Stage<u64> {
	Proposals::<Test>::get(p).unwrap().stage
}

fn channels(p: ProposalIndex) -> ChannelTally {
	let proposal = Proposals::<Test>::get(p).unwrap();
	Assembly::channels_of(p, &proposal)
}

fn scan(n: u8) -> H256 {
	H256::repeat_byte(0xA0 + n)
}

fn source(p: ProposalIndex, owner: AccountId) -> Option<(AccountId, Channel)> {
	BallotSources::<Test>::get(p, owner).map(|BallotSource { cast_by, channel }| (cast_by, channel))
}

// ---------------------------------------------------------------- notice

#[test]
fn a_proposal_is_announced_and_voting_opens_only_after_the_notice() {
	new_test_ext().execute_with(|| {
		equal_estate(6);
		set_procedure(NOTICE, 0);
		let p = propose(Matter::Ordinary, remark());
		let opens = 2 + NOTICE;
		assert_eq!(stage(p), Stage::Notice { opens });
		assert!(assembly_events().contains(&Event::Announced { proposal: p, opens, until: opens + PERIOD }));
		// During the notice owners see who may vote (as things stand), and
		// nobody votes, online, by proxy or on paper.
		let turnout = Assembly::turnout(p).unwrap();
		assert_eq!((turnout.eligible, turnout.snapshotted), (w(600_00, 6), false));
		assert_noop!(Assembly::vote(signed(2), p, Choice::Aye), Error::<Test>::VotingNotOpenYet);
		assert_ok!(Assembly::appoint_proxy(signed(4), C, 5, ProxyCover::Proposal(p), scan(1)));
		assert_noop!(Assembly::vote_as_proxy(signed(5), p, 4, Choice::Aye), Error::<Test>::VotingNotOpenYet);
		assert_noop!(
			Assembly::enter_paper_ballot(signed(1), p, 6, Choice::Aye, scan(2)),
			Error::<Test>::VotingNotOpenYet
		);
		assert_noop!(Assembly::open_voting(signed(OUTSIDER), p), Error::<Test>::VotingNotOpenYet);
		assert_noop!(Assembly::close(signed(OUTSIDER), p), Error::<Test>::TooEarly);
		// A unit sold during the notice votes with its buyer: the snapshot
		// is taken when voting opens.
		System::set_block_number(opens - 1);
		assert_ok!(Community::transfer_ownership(signed(REGISTRAR), C, unit(3), 21, H256::repeat_byte(21)));
		System::set_block_number(opens + 3);
		assert_ok!(Assembly::vote(signed(2), p, Choice::Aye));
		assert_ok!(Assembly::vote(signed(21), p, Choice::Aye));
		assert_eq!(stage(p), Stage::Voting { from: opens + 3, until: opens + PERIOD });
		let turnout = Assembly::turnout(p).unwrap();
		assert!(turnout.snapshotted);
		assert_eq!(turnout.participation, w(200_00, 2));
		// Owner 3 sold to 21 during the notice: still six owners.
		assert_eq!(turnout.eligible, w(600_00, 6));
		// Voting ends on the announced date, however late it opened.
		System::set_block_number(opens + PERIOD);
		assert_noop!(Assembly::vote(signed(3), p, Choice::Aye), Error::<Test>::VotingEnded);
	});
}

#[test]
fn anyone_may_open_a_vote_whose_notice_is_over_and_an_unopened_one_closes_without_quorum() {
	new_test_ext().execute_with(|| {
		equal_estate(3);
		set_procedure(NOTICE, 0);
		let (a, b) = (propose(Matter::Ordinary, remark()), propose(Matter::Ordinary, remark()));
		System::set_block_number(2 + NOTICE);
		assert_ok!(Assembly::open_voting(signed(OUTSIDER), a));
		assert!(matches!(stage(a), Stage::Voting { .. }));
		assert!(assembly_events().iter().any(|e| matches!(e, Event::VotingOpened { proposal, .. } if *proposal == a)));
		assert_noop!(Assembly::open_voting(signed(OUTSIDER), a), Error::<Test>::NotAnnounced);
		assert_noop!(Assembly::open_voting(signed(OUTSIDER), 99), Error::<Test>::UnknownProposal);
		// Nobody voted on `b` in its dates: it is counted with its snapshot.
		System::set_block_number(2 + NOTICE + PERIOD);
		assert_ok!(Assembly::close(signed(OUTSIDER), b));
		assert!(matches!(stage(b), Stage::Closed { outcome: Outcome::NoQuorum, .. }));
		assert_eq!(Proposals::<Test>::get(b).unwrap().snapshot, w(300_00, 3));
	});
}

#[test]
fn the_proposer_may_withdraw_during_the_notice_only() {
	new_test_ext().execute_with(|| {
		equal_estate(3);
		set_procedure(NOTICE, 0);
		let held = Balances::reserved_balance(1);
		let p = propose(Matter::Ordinary, remark());
		assert!(Balances::reserved_balance(1) > held);
		assert_noop!(Assembly::withdraw(signed(2), p), Error::<Test>::NotProposer);
		assert_ok!(Assembly::withdraw(signed(1), p));
		assert!(matches!(stage(p), Stage::Closed { outcome: Outcome::Withdrawn, .. }));
		assert!(assembly_events().contains(&Event::Withdrawn { proposal: p }));
		assert_eq!(Balances::reserved_balance(1), held);
		assert!(OpenProposals::<Test>::get(C).is_empty() && !Calls::<Test>::contains_key(p));
		assert_noop!(Assembly::withdraw(signed(1), p), Error::<Test>::CannotWithdraw);
		// Once voting opened it is the owners' to decide.
		let q = propose(Matter::Ordinary, remark());
		System::set_block_number(2 + NOTICE);
		assert_ok!(Assembly::vote(signed(2), q, Choice::Aye));
		assert_noop!(Assembly::withdraw(signed(1), q), Error::<Test>::CannotWithdraw);
	});
}

#[test]
fn a_community_lengthens_its_notice_but_never_below_the_chains_floor() {
	new_test_ext().execute_with(|| {
		equal_estate(3);
		NoticePeriodFloor::<Test>::put(10);
		let bad = |notice, proxies| Procedure { notice_period: notice, publication_period: 0, max_owners_per_proxy: proxies };
		assert_noop!(Assembly::set_procedure(RuntimeOrigin::root(), C, bad(9, 2)), Error::<Test>::BadProcedure);
		assert_noop!(Assembly::set_procedure(RuntimeOrigin::root(), C, bad(10, 0)), Error::<Test>::BadProcedure);
		assert_noop!(Assembly::set_procedure(RuntimeOrigin::root(), C, bad(10, 5)), Error::<Test>::BadProcedure);
		assert_noop!(Assembly::set_procedure(RuntimeOrigin::root(), C, bad(101, 2)), Error::<Test>::BadProcedure);
		let endless = Procedure { notice_period: 10, publication_period: 101, max_owners_per_proxy: 2 };
		assert_noop!(Assembly::set_procedure(RuntimeOrigin::root(), C, endless), Error::<Test>::BadProcedure);
		assert_noop!(Assembly::set_procedure(RuntimeOrigin::root(), 7, bad(10, 2)), Error::<Test>::UnknownCommunity);
		assert_noop!(Assembly::set_procedure(signed(1), C, bad(10, 2)), DispatchError::BadOrigin);
		// Without a rule of its own a community follows the floor.
		assert_eq!(Assembly::procedure(C).notice_period, 10);
		assert_ok!(Assembly::set_procedure(RuntimeOrigin::root(), C, bad(20, 4)));
		assert!(assembly_events().contains(&Event::ProcedureChanged { community: C, procedure: bad(20, 4) }));
		let p = propose(Matter::Ordinary, remark());
		assert_eq!(stage(p), Stage::Notice { opens: 22 });
	});
}

// --------------------------------------------------------------- proxies

#[test]
fn a_proxy_votes_with_the_owners_weight_and_the_owners_own_ballot_prevails() {
	new_test_ext().execute_with(|| {
		estate(&[(1, 100_00), (2, 100_00), (3, 100_00), (4, 250_00)], &[]);
		let p = propose(Matter::Ordinary, remark());
		// Owner 4 appoints account 20 (not an owner) with the signed proxy.
		assert_ok!(Assembly::appoint_proxy(signed(4), C, 20, ProxyCover::Proposal(p), scan(4)));
		assert!(assembly_events().contains(&Event::ProxyAppointed {
			community: C,
			owner: 4,
			proxy: 20,
			cover: ProxyCover::Proposal(p),
			evidence: scan(4)
		}));
		assert_ok!(Assembly::vote_as_proxy(signed(20), p, 4, Choice::Nay));
		assert_eq!(Ballots::<Test>::get(p, 4).unwrap().weight, w(250_00, 1));
		assert_eq!(source(p, 4), Some((20, Channel::Proxy)));
		assert_eq!(channels(p), ChannelTally { proxy: w(250_00, 1), ..Default::default() });
		// The proxy may change its ballot while the owner has not voted.
		assert_ok!(Assembly::vote_as_proxy(signed(20), p, 4, Choice::Abstain));
		// The owner votes: their ballot replaces the proxy's, counted once.
		assert_ok!(Assembly::vote(signed(4), p, Choice::Aye));
		let proposal = Proposals::<Test>::get(p).unwrap();
		assert_eq!(proposal.tally, Tally { aye: w(250_00, 1), nay: w(0, 0), abstain: w(0, 0) });
		assert_eq!(channels(p), ChannelTally { online: w(250_00, 1), ..Default::default() });
		assert_eq!(source(p, 4), Some((4, Channel::Online)));
		// …and the proxy can no longer override it.
		assert_noop!(Assembly::vote_as_proxy(signed(20), p, 4, Choice::Nay), Error::<Test>::OwnerVotedThemself);
	});
}

#[test]
fn a_proxy_is_checked_for_its_appointment_its_cover_and_its_limit() {
	new_test_ext().execute_with(|| {
		equal_estate(6);
		let p = propose(Matter::Ordinary, remark());
		let q = propose(Matter::Ordinary, remark());
		// Bad appointments.
		assert_noop!(
			Assembly::appoint_proxy(signed(OUTSIDER), C, 20, ProxyCover::Proposal(p), scan(0)),
			Error::<Test>::NotAnOwner
		);
		assert_noop!(
			Assembly::appoint_proxy(signed(TENANT), C, 20, ProxyCover::Proposal(p), scan(0)),
			Error::<Test>::NotAnOwner
		);
		assert_noop!(Assembly::appoint_proxy(signed(4), C, 4, ProxyCover::Proposal(p), scan(0)), Error::<Test>::CannotBeOwnProxy);
		assert_noop!(Assembly::appoint_proxy(signed(4), C, 20, ProxyCover::Proposal(99), scan(0)), Error::<Test>::BadProxyCover);
		assert_noop!(Assembly::appoint_proxy(signed(4), C, 20, ProxyCover::Until(2), scan(0)), Error::<Test>::BadProxyCover);
		assert_noop!(Assembly::appoint_proxy(signed(4), 7, 20, ProxyCover::Until(9), scan(0)), Error::<Test>::UnknownCommunity);
		// A proxy for one proposal does not vote on another.
		assert_ok!(Assembly::appoint_proxy(signed(4), C, 20, ProxyCover::Proposal(p), scan(4)));
		assert_noop!(Assembly::vote_as_proxy(signed(20), q, 4, Choice::Aye), Error::<Test>::ProxyDoesNotCover);
		// Nobody else votes as the owner's proxy.
		assert_noop!(Assembly::vote_as_proxy(signed(21), p, 4, Choice::Aye), Error::<Test>::NotAppointedProxy);
		// The limit (2 owners per proxy here).
		assert_ok!(Assembly::appoint_proxy(signed(5), C, 20, ProxyCover::Until(100), scan(5)));
		assert_noop!(
			Assembly::appoint_proxy(signed(6), C, 20, ProxyCover::Until(100), scan(6)),
			Error::<Test>::ProxyOverLimit
		);
		// A revoked proxy votes no more, and its place is free again.
		assert_ok!(Assembly::revoke_proxy(signed(5), C));
		assert!(assembly_events().contains(&Event::ProxyRevoked { community: C, owner: 5, proxy: 20 }));
		assert_noop!(Assembly::vote_as_proxy(signed(20), p, 5, Choice::Aye), Error::<Test>::NotAppointedProxy);
		assert_noop!(Assembly::revoke_proxy(signed(5), C), Error::<Test>::NoProxy);
		assert_ok!(Assembly::appoint_proxy(signed(6), C, 20, ProxyCover::Until(100), scan(6)));
		assert_ok!(Assembly::vote_as_proxy(signed(20), q, 6, Choice::Aye));
		// A period's proxy lapses with its period.
		System::set_block_number(100);
		let r = propose(Matter::Ordinary, remark());
		assert_noop!(Assembly::vote_as_proxy(signed(20), r, 6, Choice::Aye), Error::<Test>::ProxyDoesNotCover);
		// Lapsed appointments (a period over, a vote ended) free their
		// places, and go; nobody appoints for a vote that ended.
		assert_noop!(Assembly::appoint_proxy(signed(5), C, 20, ProxyCover::Proposal(p), scan(5)), Error::<Test>::BadProxyCover);
		assert_ok!(Assembly::appoint_proxy(signed(5), C, 20, ProxyCover::Proposal(r), scan(5)));
		assert_ok!(Assembly::appoint_proxy(signed(1), C, 20, ProxyCover::Proposal(r), scan(1)));
		assert_eq!(ProxyLoads::<Test>::get(C, 20).into_inner(), vec![5, 1]);
		assert!(!Proxies::<Test>::contains_key(C, 4) && !Proxies::<Test>::contains_key(C, 6));
	});
}

// ---------------------------------------------------------- paper ballots

#[test]
fn a_paper_ballot_counts_once_two_signers_entered_it() {
	new_test_ext().execute_with(|| {
		equal_estate(6);
		let p = propose(Matter::Ordinary, remark());
		assert_ok!(Assembly::appoint_proxy(signed(5), C, 20, ProxyCover::Proposal(p), scan(5)));
		assert_ok!(Assembly::vote_as_proxy(signed(20), p, 5, Choice::Nay));
		// Committee member 1 enters owner 5's signed paper: not counted yet.
		assert_ok!(Assembly::enter_paper_ballot(signed(1), p, 5, Choice::Aye, scan(55)));
		assert!(assembly_events().contains(&Event::PaperBallotEntered { proposal: p, owner: 5, entered_by: 1, evidence: scan(55) }));
		assert_eq!(Proposals::<Test>::get(p).unwrap().tally.nay, w(100_00, 1));
		// Bad countersignatures.
		assert_noop!(Assembly::countersign_paper_ballot(signed(1), p, 5, scan(55)), Error::<Test>::SameSigner);
		assert_noop!(Assembly::countersign_paper_ballot(signed(4), p, 5, scan(55)), Error::<Test>::NotCommitteeMember);
		assert_noop!(Assembly::countersign_paper_ballot(signed(2), p, 5, scan(56)), Error::<Test>::EvidenceMismatch);
		assert_noop!(Assembly::countersign_paper_ballot(signed(2), p, 6, scan(55)), Error::<Test>::NoPaperBallot);
		// The registrar countersigns: the paper replaces the proxy's ballot.
		assert_ok!(Assembly::countersign_paper_ballot(signed(REGISTRAR), p, 5, scan(55)));
		assert!(assembly_events().contains(&Event::PaperBallotCountersigned {
			proposal: p,
			owner: 5,
			countersigned_by: REGISTRAR,
			counted: true
		}));
		let tally = Proposals::<Test>::get(p).unwrap().tally;
		assert_eq!((tally.aye, tally.nay), (w(100_00, 1), w(0, 0)));
		assert_eq!(source(p, 5), Some((1, Channel::Paper)));
		assert_eq!(channels(p), ChannelTally { paper: w(100_00, 1), ..Default::default() });
		assert_noop!(Assembly::countersign_paper_ballot(signed(2), p, 5, scan(55)), Error::<Test>::AlreadyCountersigned);
		// The paper is the owner's own: the proxy cannot override it.
		assert_noop!(Assembly::vote_as_proxy(signed(20), p, 5, Choice::Nay), Error::<Test>::OwnerVotedThemself);
	});
}

#[test]
fn bad_paper_ballots_are_refused() {
	new_test_ext().execute_with(|| {
		equal_estate(6);
		tenant();
		let p = propose(Matter::Ordinary, remark());
		// Entered by one who is not on the committee, for a non-owner, twice.
		assert_noop!(Assembly::enter_paper_ballot(signed(4), p, 5, Choice::Aye, scan(5)), Error::<Test>::NotCommitteeMember);
		assert_noop!(Assembly::enter_paper_ballot(signed(REGISTRAR), p, 5, Choice::Aye, scan(5)), Error::<Test>::NotCommitteeMember);
		assert_noop!(Assembly::enter_paper_ballot(signed(1), p, TENANT, Choice::Aye, scan(5)), Error::<Test>::NotAnOwner);
		assert_noop!(Assembly::enter_paper_ballot(signed(1), p, OUTSIDER, Choice::Aye, scan(5)), Error::<Test>::NotAnOwner);
		assert_noop!(Assembly::enter_paper_ballot(signed(1), 99, 5, Choice::Aye, scan(5)), Error::<Test>::UnknownProposal);
		assert_ok!(Assembly::enter_paper_ballot(signed(1), p, 5, Choice::Aye, scan(5)));
		assert_noop!(Assembly::enter_paper_ballot(signed(2), p, 5, Choice::Nay, scan(6)), Error::<Test>::PaperBallotExists);
		// The paper's choice must fit the proposal (approvals are for
		// elections).
		assert_noop!(
			Assembly::enter_paper_ballot(signed(1), p, 6, Choice::Approve(1), scan(6)),
			Error::<Test>::BadChoice
		);
		// After the vote, nothing is entered or countersigned.
		end_voting();
		assert_noop!(Assembly::enter_paper_ballot(signed(1), p, 4, Choice::Aye, scan(4)), Error::<Test>::VotingEnded);
		assert_noop!(Assembly::countersign_paper_ballot(signed(2), p, 5, scan(5)), Error::<Test>::VotingEnded);
	});
}

#[test]
fn the_owners_online_ballot_prevails_over_paper_before_or_after_and_the_record_keeps_both() {
	new_test_ext().execute_with(|| {
		equal_estate(6);
		let p = propose(Matter::Ordinary, remark());
		// Owner 5 voted online first: the paper stays on record only.
		assert_ok!(Assembly::vote(signed(5), p, Choice::Nay));
		assert_ok!(Assembly::enter_paper_ballot(signed(1), p, 5, Choice::Aye, scan(5)));
		assert_ok!(Assembly::countersign_paper_ballot(signed(2), p, 5, scan(5)));
		assert!(assembly_events().contains(&Event::PaperBallotCountersigned {
			proposal: p,
			owner: 5,
			countersigned_by: 2,
			counted: false
		}));
		let record = Assembly::ballot_record(p, 5).unwrap();
		assert_eq!(record.ballot.map(|b| b.choice), Some(Choice::Nay));
		assert_eq!(record.source.map(|s| s.channel), Some(Channel::Online));
		assert_eq!(
			record.paper,
			Some(PaperBallot { choice: Choice::Aye, evidence: scan(5), entered_by: 1, countersigned_by: Some(2) })
		);
		// Owner 6's paper counted first; then 6 votes online, which prevails.
		assert_ok!(Assembly::enter_paper_ballot(signed(1), p, 6, Choice::Aye, scan(6)));
		assert_ok!(Assembly::countersign_paper_ballot(signed(3), p, 6, scan(6)));
		assert_eq!(channels(p), ChannelTally { online: w(100_00, 1), paper: w(100_00, 1), ..Default::default() });
		assert_ok!(Assembly::vote(signed(6), p, Choice::Nay));
		assert_eq!(channels(p), ChannelTally { online: w(200_00, 2), ..Default::default() });
		let tally = Proposals::<Test>::get(p).unwrap().tally;
		assert_eq!((tally.aye, tally.nay), (w(0, 0), w(200_00, 2)));
		assert!(Assembly::ballot_record(p, 6).unwrap().paper.is_some());
		// The published list: every counted ballot with its channel, paged.
		let first = Assembly::ballot_records(p, None, 1);
		let rest = Assembly::ballot_records(p, Some(first[0].owner), 10);
		let mut owners: Vec<_> = first.iter().chain(&rest).map(|r| r.owner).collect();
		owners.sort();
		assert_eq!(owners, vec![5, 6]);
	});
}

#[test]
fn proxies_and_paper_ballots_count_once_each_in_a_closed_vote() {
	new_test_ext().execute_with(|| {
		equal_estate(9);
		let p = propose(Matter::Ordinary, remark());
		vote_all(p, [1, 2, 3], Choice::Aye);
		for (owner, proxy) in [(4, 20), (5, 20)] {
			assert_ok!(Assembly::appoint_proxy(signed(owner), C, proxy, ProxyCover::Proposal(p), scan(owner as u8)));
			assert_ok!(Assembly::vote_as_proxy(signed(proxy), p, owner, Choice::Aye));
		}
		for owner in [6, 7] {
			assert_ok!(Assembly::enter_paper_ballot(signed(1), p, owner, Choice::Nay, scan(owner as u8)));
			assert_ok!(Assembly::countersign_paper_ballot(signed(2), p, owner, scan(owner as u8)));
		}
		let turnout = Assembly::turnout(p).unwrap();
		assert_eq!(turnout.participation, w(700_00, 7));
		assert_eq!(
			turnout.channels,
			ChannelTally { online: w(300_00, 3), proxy: w(200_00, 2), paper: w(200_00, 2) }
		);
		// 7 of 9 took part (≥ 2/3); 5 of 7 aye: passes.
		assert_eq!(close(p), Outcome::Enacted);
	});
}

// ---------------------------------------------------------- publication

#[test]
fn a_passed_result_is_published_objected_to_and_enacted_only_after_the_publication() {
	new_test_ext().execute_with(|| {
		equal_estate(3);
		set_procedure(0, PUBLICATION);
		let p = propose(Matter::PropertyCompany, fee_schedule(2 * YUAN, JAN));
		vote_all(p, [1, 2, 3], Choice::Aye);
		end_voting();
		let counted = System::block_number();
		assert_ok!(Assembly::close(signed(OUTSIDER), p));
		let until = counted + PUBLICATION;
		assert_eq!(stage(p), Stage::Publishing { counted, until });
		assert!(assembly_events().contains(&Event::ResultPublished {
			proposal: p,
			tally: Tally { aye: w(300_00, 3), nay: w(0, 0), abstain: w(0, 0) },
			snapshot: w(300_00, 3),
			channels: ChannelTally { online: w(300_00, 3), ..Default::default() },
			until
		}));
		// Not in effect yet: no fee schedule.
		assert!(pallet_property_fees::Schedules::<Test>::get(C).is_empty());
		assert_noop!(Assembly::enact(signed(OUTSIDER), p), Error::<Test>::PublicationNotOver);
		assert_noop!(Assembly::close(signed(OUTSIDER), p), Error::<Test>::AlreadyClosed);
		// The committee records objections with evidence; nobody else does.
		assert_ok!(Assembly::object(signed(2), p, scan(9)));
		assert!(assembly_events().contains(&Event::ObjectionRecorded { proposal: p, by: 2, evidence: scan(9) }));
		assert_noop!(Assembly::object(signed(OUTSIDER), p, scan(9)), Error::<Test>::NotCommitteeMember);
		// A member's second objection replaces the first: one member
		// cannot take every place.
		assert_ok!(Assembly::object(signed(2), p, scan(10)));
		assert_eq!(Objections::<Test>::get(p).into_inner(), vec![(2, scan(10))]);
		assert_ok!(Assembly::object(signed(3), p, scan(8)));
		assert_noop!(Assembly::object(signed(1), p, scan(7)), Error::<Test>::TooManyObjections);
		System::set_block_number(until);
		assert_noop!(Assembly::object(signed(1), p, scan(7)), Error::<Test>::PublicationOver);
		assert_ok!(Assembly::enact(signed(OUTSIDER), p));
		assert!(matches!(stage(p), Stage::Closed { outcome: Outcome::Enacted, .. }));
		assert_eq!(pallet_property_fees::Schedules::<Test>::get(C).len(), 1);
		assert_eq!(Objections::<Test>::get(p).len(), 2);
		assert_noop!(Assembly::enact(signed(OUTSIDER), p), Error::<Test>::NotPublishing);
		assert_noop!(Assembly::object(signed(2), p, scan(9)), Error::<Test>::NotPublishing);
	});
}

#[test]
fn a_failed_vote_closes_at_once_and_an_election_seats_after_the_publication() {
	new_test_ext().execute_with(|| {
		equal_estate(6);
		set_procedure(0, PUBLICATION);
		let p = propose(Matter::Ordinary, remark());
		vote_all(p, [1, 2, 3, 4], Choice::Nay);
		assert_eq!(close(p), Outcome::Rejected);
		assert_noop!(Assembly::enact(signed(OUTSIDER), p), Error::<Test>::NotPublishing);
		// An election: the committee is seated only after the publication.
		let e = Assembly::propose_election(signed(1), C, vec![4, 5, 6], 3, 5_000, text(2), PERIOD);
		assert_ok!(e);
		let e = NextProposal::<Test>::get() - 1;
		vote_all(e, [1, 2, 3, 4, 5, 6], Choice::Approve(0b111));
		end_voting();
		assert_ok!(Assembly::close(signed(OUTSIDER), e));
		assert!(matches!(stage(e), Stage::Publishing { .. }));
		assert!(!Community::is_committee_member(C, &4));
		System::set_block_number(System::block_number() + PUBLICATION);
		assert_ok!(Assembly::enact(signed(OUTSIDER), e));
		assert!(matches!(stage(e), Stage::Closed { outcome: Outcome::Enacted, .. }));
		assert!(Community::is_committee_member(C, &4));
	});
}

// -------------------------------------------------- an account replaced

#[test]
fn a_rotated_owner_keeps_their_proxy_their_paper_and_their_ballots_channel() {
	new_test_ext().execute_with(|| {
		equal_estate(6);
		let p = propose(Matter::Ordinary, remark());
		assert_ok!(Assembly::appoint_proxy(signed(4), C, 20, ProxyCover::Until(500), scan(4)));
		assert_ok!(Assembly::vote_as_proxy(signed(20), p, 4, Choice::Aye));
		assert_ok!(Assembly::enter_paper_ballot(signed(1), p, 4, Choice::Nay, scan(44)));
		assert_ok!(Community::rotate_account(signed(REGISTRAR), C, 4, 40));
		assert_ok!(Community::answer_rotation(signed(4), C, true));
		assert_eq!(Proxies::<Test>::get(C, 40).map(|a| a.proxy), Some(20));
		assert_eq!(ProxyLoads::<Test>::get(C, 20).into_inner(), vec![40]);
		assert_eq!(source(p, 40), Some((20, Channel::Proxy)));
		assert!(PaperBallots::<Test>::contains_key(p, 40));
		// The proxy votes for the same person under the new account; the
		// paper, countersigned, replaces it.
		assert_ok!(Assembly::vote_as_proxy(signed(20), p, 40, Choice::Abstain));
		assert_ok!(Assembly::countersign_paper_ballot(signed(2), p, 40, scan(44)));
		assert_eq!(Proposals::<Test>::get(p).unwrap().tally.participation(), w(100_00, 1));
		assert_eq!(source(p, 40), Some((1, Channel::Paper)));
	});
}

#[test]
fn the_proposer_withdraws_while_gathering_sponsors_too() {
	new_test_ext().execute_with(|| {
		equal_estate(10);
		// Owner 5 (not on the committee) alone holds 10 %: it gathers sponsors.
		assert_ok!(Assembly::propose(signed(5), C, Matter::Ordinary, remark(), text(5), None, PERIOD));
		assert!(matches!(stage(0), Stage::Sponsoring { .. }));
		assert_noop!(Assembly::withdraw(signed(6), 0), Error::<Test>::NotProposer);
		assert_ok!(Assembly::withdraw(signed(5), 0));
		assert!(matches!(stage(0), Stage::Closed { outcome: Outcome::Withdrawn, .. }));
		assert_noop!(Assembly::sponsor(signed(6), 0), Error::<Test>::NotSponsoring);
	});
}

#[test]
fn a_rotation_never_makes_an_owner_their_own_proxy_and_merges_proxies_loads() {
	new_test_ext().execute_with(|| {
		equal_estate(6);
		// Owner 4 appointed 40, then 4's key is replaced by 40: the same
		// person, so the appointment goes.
		assert_ok!(Assembly::appoint_proxy(signed(4), C, 40, ProxyCover::Until(500), scan(4)));
		assert_ok!(Community::rotate_account(signed(REGISTRAR), C, 4, 40));
		assert_ok!(Community::answer_rotation(signed(4), C, true));
		assert!(!Proxies::<Test>::contains_key(C, 40) && !Proxies::<Test>::contains_key(C, 4));
		assert!(ProxyLoads::<Test>::get(C, 40).is_empty());
		// Owner 5 is proxy for 1; 5's new account 50 is proxy for 2: 50
		// votes for both afterwards (within the limit of 2).
		assert_ok!(Assembly::appoint_proxy(signed(1), C, 5, ProxyCover::Until(500), scan(1)));
		assert_ok!(Assembly::appoint_proxy(signed(2), C, 50, ProxyCover::Until(500), scan(2)));
		assert_ok!(Community::rotate_account(signed(REGISTRAR), C, 5, 50));
		assert_ok!(Community::answer_rotation(signed(5), C, true));
		assert_eq!(ProxyLoads::<Test>::get(C, 50).into_inner(), vec![2, 1]);
		assert_eq!(Proxies::<Test>::get(C, 1).map(|a| a.proxy), Some(50));
		// Beyond what any proxy may hold (4 here), the rotation is refused
		// with its own error: account 30 votes for three owners and owner 6
		// for two others; 6 cannot become 30.
		assert_ok!(Assembly::set_procedure(
			RuntimeOrigin::root(),
			C,
			Procedure { notice_period: 0, publication_period: 0, max_owners_per_proxy: 4 }
		));
		for owner in [50, 3, 40] {
			assert_ok!(Assembly::appoint_proxy(signed(owner), C, 30, ProxyCover::Until(500), scan(owner as u8)));
		}
		assert_ok!(Assembly::appoint_proxy(signed(1), C, 6, ProxyCover::Until(500), scan(1)));
		assert_ok!(Assembly::appoint_proxy(signed(2), C, 6, ProxyCover::Until(500), scan(2)));
		assert_ok!(Community::rotate_account(signed(REGISTRAR), C, 6, 30));
		assert_noop!(Community::answer_rotation(signed(6), C, true), Error::<Test>::ProxyLoadsTooLarge);
	});
}

// ------------------------------------------------- ownership changing mid-vote

/// The registrar records the sale of unit `n` to `buyer`.
fn sell(n: u32, buyer: AccountId) {
	assert_ok!(Community::transfer_ownership(signed(REGISTRAR), C, unit(n), buyer, H256::repeat_byte(n as u8)));
}

fn sold(p: ProposalIndex, n: u32, buyer: AccountId) -> Option<(bool, VoteWeight)> {
	assembly_events().into_iter().find_map(|e| match e {
		Event::UnitSoldDuringVote { proposal, unit: u, buyer: b, passes_to_buyer, buyer_weight }
			if proposal == p && u == unit(n) && b == buyer =>
			Some((passes_to_buyer, buyer_weight)),
		_ => None,
	})
}

fn ballot_weight(p: ProposalIndex, who: AccountId) -> VoteWeight {
	Ballots::<Test>::get(p, who).expect("a ballot").weight
}

#[test]
fn a_unit_sold_after_its_seller_voted_stays_with_the_sellers_ballot() {
	new_test_ext().execute_with(|| {
		// Owner 5 holds units 5 and 6.
		estate(&[(1, 100_00), (2, 100_00), (3, 100_00), (4, 100_00), (5, 100_00), (5, 50_00)], &[]);
		let p = propose(Matter::Ordinary, remark());
		assert_ok!(Assembly::vote(signed(3), p, Choice::Aye));
		assert_ok!(Assembly::vote(signed(5), p, Choice::Nay));
		System::set_block_number(3);
		sell(3, 21);
		assert_eq!(sold(p, 3, 21), Some((false, w(0, 0))));
		// The buyer cannot vote the unit again, nor can whoever buys it next.
		assert_noop!(Assembly::vote(signed(21), p, Choice::Nay), Error::<Test>::UnitsVotedBySellers);
		sell(3, 22);
		assert_eq!(sold(p, 3, 22), Some((false, w(0, 0))));
		assert_noop!(Assembly::vote(signed(22), p, Choice::Nay), Error::<Test>::UnitsVotedBySellers);
		// Owner 5 sells one of two units after voting: a ballot cast again
		// still counts both, and the buyer votes with neither.
		sell(6, 25);
		assert_noop!(Assembly::vote(signed(25), p, Choice::Aye), Error::<Test>::UnitsVotedBySellers);
		assert_ok!(Assembly::vote(signed(5), p, Choice::Aye));
		assert_eq!(ballot_weight(p, 5), w(150_00, 1));
		assert_eq!(ballot_weight(p, 3), w(100_00, 1));
		let proposal = Proposals::<Test>::get(p).unwrap();
		assert_eq!(proposal.tally.participation(), w(250_00, 2));
		assert_eq!(channels(p).online, w(250_00, 2));
		// A later vote counts the buyers.
		System::set_block_number(4);
		let q = propose(Matter::Ordinary, remark());
		assert_ok!(Assembly::vote(signed(22), q, Choice::Aye));
		assert_ok!(Assembly::vote(signed(25), q, Choice::Aye));
		assert_eq!(ballot_weight(q, 25), w(50_00, 1));
	});
}

#[test]
fn a_unit_sold_before_its_seller_voted_passes_to_its_buyer_within_the_snapshot() {
	new_test_ext().execute_with(|| {
		estate(&[(1, 100_00), (2, 100_00), (3, 100_00), (4, 100_00), (5, 100_00), (5, 50_00)], &[]);
		let p = propose(Matter::Ordinary, remark());
		let snapshot = Proposals::<Test>::get(p).unwrap().snapshot;
		assert_eq!(snapshot, w(550_00, 5));
		System::set_block_number(3);
		// The seller leaves: the buyer takes the unit's area and the
		// seller's place in the headcount; the seller can no longer vote.
		sell(4, 24);
		assert_eq!(sold(p, 4, 24), Some((true, w(100_00, 1))));
		assert_noop!(Assembly::vote(signed(4), p, Choice::Aye), Error::<Test>::NotAnOwner);
		assert_ok!(Assembly::vote(signed(24), p, Choice::Aye));
		assert_eq!(ballot_weight(p, 24), w(100_00, 1));
		// The seller keeps another unit, and their place: the buyer, a new
		// person, votes with the area alone.
		sell(6, 26);
		assert_eq!(sold(p, 6, 26), Some((true, w(50_00, 0))));
		assert_ok!(Assembly::vote(signed(26), p, Choice::Aye));
		assert_eq!(ballot_weight(p, 26), w(50_00, 0));
		assert_ok!(Assembly::vote(signed(5), p, Choice::Aye));
		assert_eq!(ballot_weight(p, 5), w(100_00, 1));
		// An owner who buys a neighbour's unit votes with both, as one person.
		sell(2, 1);
		assert_eq!(sold(p, 2, 1), Some((true, w(200_00, 1))));
		assert_noop!(Assembly::vote(signed(2), p, Choice::Aye), Error::<Test>::NotAnOwner);
		assert_ok!(Assembly::vote(signed(1), p, Choice::Aye));
		assert_eq!(ballot_weight(p, 1), w(200_00, 1));
		// Owner 1 sells that unit on after voting: it stays with 1's ballot.
		sell(2, 27);
		assert_eq!(sold(p, 2, 27), Some((false, w(0, 0))));
		assert_noop!(Assembly::vote(signed(27), p, Choice::Aye), Error::<Test>::UnitsVotedBySellers);
		assert_ok!(Assembly::vote(signed(3), p, Choice::Aye));
		// Everyone took part: every square metre of the snapshot, and its
		// people but one (owners 1 and 2 are one person now).
		let proposal = Proposals::<Test>::get(p).unwrap();
		assert_eq!(proposal.tally.participation(), w(snapshot.area, snapshot.headcount - 1));
		assert_eq!(close(p), Outcome::Enacted);
	});
}

#[test]
fn a_sale_in_another_building_leaves_a_buildings_vote_alone() {
	new_test_ext().execute_with(|| {
		// Odd units are in building 1, even ones in building 2.
		equal_estate(6);
		let p = NextProposal::<Test>::get();
		assert_ok!(Assembly::propose(signed(1), C, Matter::UseMaintenanceFund, remark(), text(1), Some(1), PERIOD));
		System::set_block_number(3);
		sell(2, 22);
		assert_eq!(sold(p, 2, 22), None);
		assert!(WeightsAfterSales::<Test>::iter_prefix(p).next().is_none());
		assert_noop!(Assembly::vote(signed(22), p, Choice::Aye), Error::<Test>::NotAnOwner);
		sell(3, 23);
		assert_eq!(sold(p, 3, 23), Some((true, w(100_00, 1))));
		assert_ok!(Assembly::vote(signed(23), p, Choice::Aye));
	});
}

#[test]
fn a_buyers_weight_follows_a_rotated_key() {
	new_test_ext().execute_with(|| {
		equal_estate(4);
		let p = propose(Matter::Ordinary, remark());
		System::set_block_number(3);
		sell(4, 24);
		// The buyer loses their key before voting; the new key votes the unit.
		assert_ok!(Community::rotate_account(signed(REGISTRAR), C, 24, 34));
		assert_ok!(Community::answer_rotation(signed(24), C, true));
		assert_eq!(WeightsAfterSales::<Test>::get(p, 34), Some(w(100_00, 1)));
		assert_ok!(Assembly::vote(signed(34), p, Choice::Aye));
		assert_eq!(ballot_weight(p, 34), w(100_00, 1));
	});
}

// ------------------------------------------------------- the published list

#[test]
fn the_units_that_voted_are_published_by_unit_id_whatever_the_channel() {
	new_test_ext().execute_with(|| {
		// Owner 5 holds units 5 and 6; the developer holds unit 7.
		estate(&[(1, 100_00), (2, 100_00), (3, 100_00), (4, 100_00), (5, 100_00), (5, 50_00)], &[80_00]);
		let p = propose(Matter::Ordinary, remark());
		assert_ok!(Assembly::vote(signed(1), p, Choice::Aye));
		assert_ok!(Assembly::vote(signed(5), p, Choice::Nay));
		assert_ok!(Assembly::vote(signed(DEVELOPER), p, Choice::Nay));
		// Owner 2 on paper, owner 4 by proxy.
		assert_ok!(Assembly::enter_paper_ballot(signed(1), p, 2, Choice::Aye, scan(2)));
		assert_eq!(Assembly::voted_units(p, None, 10).len(), 3, "an uncountersigned paper is not counted");
		assert_ok!(Assembly::countersign_paper_ballot(signed(3), p, 2, scan(2)));
		assert_ok!(Assembly::appoint_proxy(signed(4), C, 9, ProxyCover::Proposal(p), scan(4)));
		assert_ok!(Assembly::vote_as_proxy(signed(9), p, 4, Choice::Aye));
		let mut listed = Assembly::voted_units(p, None, 10);
		listed.sort();
		let mut expected: Vec<_> = [1, 2, 4, 5, 6].map(unit).to_vec();
		expected.sort();
		assert_eq!(listed, expected, "the developer's unit is its ballot's, not listed");
		// Pages of two, in storage order, end to end.
		let first = Assembly::voted_units(p, None, 2);
		let second = Assembly::voted_units(p, Some(first[1]), 2);
		let third = Assembly::voted_units(p, Some(second[1]), 2);
		assert_eq!([first, second, third].concat(), Assembly::voted_units(p, None, 10));
		// Voting again lists nothing twice; a unit sold after its owner
		// voted stays listed with that owner's ballot.
		assert_ok!(Assembly::vote(signed(5), p, Choice::Aye));
		System::set_block_number(3);
		sell(6, 26);
		assert_eq!(VotedUnits::<Test>::get(p, unit(6)), Some(5));
		assert_eq!(Assembly::voted_units(p, None, 10).len(), 5);
		// A rotated key takes its units' marks along.
		assert_ok!(Community::rotate_account(signed(REGISTRAR), C, 1, 11));
		assert_ok!(Community::answer_rotation(signed(1), C, true));
		assert_eq!(VotedUnits::<Test>::get(p, unit(1)), Some(11));
	});
}

#[test]
fn a_unit_the_developer_voted_for_stays_with_its_ballot_through_every_resale() {
	new_test_ext().execute_with(|| {
		// The developer holds unit 4.
		estate(&[(1, 100_00), (2, 100_00), (3, 100_00)], &[80_00]);
		let p = propose(Matter::Ordinary, remark());
		assert_ok!(Assembly::vote(signed(DEVELOPER), p, Choice::Aye));
		System::set_block_number(3);
		sell(4, 1);
		assert_eq!(sold(p, 4, 1), Some((false, w(100_00, 1))));
		assert_eq!(VotedUnits::<Test>::get(p, unit(4)), Some(DEVELOPER));
		// Resold by owner 1, it is still the developer's ballot's: the
		// next buyer gets nothing, and owner 1 keeps their own unit.
		sell(4, 20);
		assert_eq!(sold(p, 4, 20), Some((false, w(0, 0))));
		assert_noop!(Assembly::vote(signed(20), p, Choice::Nay), Error::<Test>::UnitsVotedBySellers);
		assert_ok!(Assembly::vote(signed(1), p, Choice::Nay));
		assert_eq!(ballot_weight(p, 1), w(100_00, 1));
		assert_eq!(Proposals::<Test>::get(p).unwrap().tally.participation(), w(180_00, 2));
	});
}

#[test]
fn a_ballot_cast_again_keeps_the_units_sold_after_it_and_adds_those_bought() {
	new_test_ext().execute_with(|| {
		estate(&[(1, 100_00), (2, 100_00), (3, 100_00), (4, 100_00), (5, 100_00), (5, 50_00)], &[]);
		let p = propose(Matter::Ordinary, remark());
		assert_ok!(Assembly::vote(signed(5), p, Choice::Nay));
		System::set_block_number(3);
		// Unit 6 stays with 5's ballot; unit 4 (its owner had not voted)
		// passes to 5.
		sell(6, 25);
		sell(4, 5);
		assert_eq!(sold(p, 4, 5), Some((true, w(200_00, 1))));
		assert_ok!(Assembly::vote(signed(5), p, Choice::Aye));
		assert_eq!(ballot_weight(p, 5), w(250_00, 1));
		assert_eq!(Proposals::<Test>::get(p).unwrap().tally.participation(), w(250_00, 1));
		// Selling everything after voting, owner 5 may still change the
		// ballot that stands for what they sold.
		sell(5, 26);
		sell(4, 27);
		assert_ok!(Assembly::vote(signed(5), p, Choice::Nay));
		assert_eq!(ballot_weight(p, 5), w(250_00, 1));
		for buyer in [25, 26, 27] {
			assert_noop!(Assembly::vote(signed(buyer), p, Choice::Aye), Error::<Test>::UnitsVotedBySellers);
		}
	});
}

#[test]
fn a_paper_ballot_entered_before_a_sale_stands_for_the_unit() {
	new_test_ext().execute_with(|| {
		equal_estate(4);
		let p = propose(Matter::Ordinary, remark());
		assert_ok!(Assembly::enter_paper_ballot(signed(1), p, 4, Choice::Aye, scan(4)));
		System::set_block_number(3);
		sell(4, 24);
		assert_eq!(sold(p, 4, 24), Some((false, w(0, 0))));
		assert_noop!(Assembly::vote(signed(24), p, Choice::Nay), Error::<Test>::UnitsVotedBySellers);
		// The signed paper is counted once countersigned, with the unit
		// and the seller's place in the headcount.
		assert_ok!(Assembly::countersign_paper_ballot(signed(2), p, 4, scan(4)));
		assert_eq!(ballot_weight(p, 4), w(100_00, 1));
		assert_eq!(channels(p).paper, w(100_00, 1));
	});
}
