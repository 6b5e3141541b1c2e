//! Benchmarks of every call at its worst case. `scripts/benchmark.sh
//! pallet_owners_assembly` turns them into `weights.rs`.

use super::*;
use crate::Pallet as Assembly;
use alloc::{boxed::Box, vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::traits::{
	fungible::{Inspect, Mutate},
	EnsureOriginWithArg, Get,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use linli_primitives::{
	community::{CommunityBenchmarking, CommunityId},
	governance::Matter,
};
use sp_core::H256;
use sp_runtime::Saturating;

/// A community of `owners` owners of one unit each, registered before the
/// benchmarked vote opens.
fn community<T: Config>(owners: u32) -> (CommunityId, Vec<T::AccountId>) {
	let c = T::BenchmarkHelper::create_community();
	let units = T::BenchmarkHelper::add_units(c, owners, 100_00);
	let accounts: Vec<T::AccountId> = (0..owners).map(|i| account("owner", i, 0)).collect();
	for (unit, who) in units.into_iter().zip(&accounts) {
		T::BenchmarkHelper::add_owner(c, unit, who.clone());
		fund::<T>(who);
	}
	let next = frame_system::Pallet::<T>::block_number() + 1u32.into();
	frame_system::Pallet::<T>::set_block_number(next);
	(c, accounts)
}

fn remark<T: Config>(size: u32) -> Box<<T as Config>::RuntimeCall> {
	Box::new(frame_system::Call::<T>::remark { remark: vec![0; size as usize] }.into())
}

fn period<T: Config>() -> BlockNumberFor<T> {
	T::MinVotingPeriod::get()
}

/// An election of `c` candidates among `c` owners, the first of whom owns
/// `u` units; returns the proposal and the owners.
fn election<T: Config>(c: u32, u: u32) -> (ProposalIndex, Vec<T::AccountId>) {
	let (community, owners) = community::<T>(c);
	for unit in T::BenchmarkHelper::add_units(community, u.saturating_sub(1), 100_00) {
		T::BenchmarkHelper::add_owner(community, unit, owners[0].clone());
	}
	next_block::<T>();
	let term_end = frame_system::Pallet::<T>::block_number() + T::MaxVotingPeriod::get() * 2u32.into();
	Assembly::<T>::do_propose_election(owners[0].clone(), community, owners.clone(), 3, term_end, H256::zero(), period::<T>())
		.expect("a valid election");
	let index = NextProposal::<T>::get() - 1;
	for who in &owners[1..] {
		Assembly::<T>::do_sponsor(who.clone(), index).ok();
	}
	(index, owners)
}

/// A committee of three funded owners for `community`.
fn committee<T: Config>(community: CommunityId) -> Vec<T::AccountId> {
	let members = T::BenchmarkHelper::add_committee(community);
	members.iter().for_each(fund::<T>);
	members
}

/// Gives `who` enough to deposit for the largest proposal, many times over.
fn fund<T: Config>(who: &T::AccountId) {
	let funds = Assembly::<T>::deposit_for(T::MaxCallSize::get())
		.saturating_mul(100u32.into())
		.saturating_add(T::Currency::minimum_balance());
	T::Currency::set_balance(who, funds);
}

/// Lets the next block come, so that weights set up in this one are in a
/// vote opened afterwards.
fn next_block<T: Config>() {
	let next = frame_system::Pallet::<T>::block_number() + 1u32.into();
	frame_system::Pallet::<T>::set_block_number(next);
}

/// `community`'s procedure with the given notice and publication periods
/// and the largest proxy limit.
fn procedure<T: Config>(community: CommunityId, notice: u32, publication: u32) {
	Procedures::<T>::insert(
		community,
		Procedure {
			notice_period: notice.into(),
			publication_period: publication.into(),
			max_owners_per_proxy: T::MaxOwnersPerProxy::get(),
		},
	);
}

/// A proposal of owner 0 in a community of one owner (it opens alone).
fn remark_proposal<T: Config>(c: CommunityId, proposer: &T::AccountId) -> ProposalIndex {
	Assembly::<T>::do_propose_call(
		proposer.clone(),
		c,
		Matter::Ordinary,
		*remark::<T>(1),
		H256::zero(),
		None,
		period::<T>(),
	)
	.expect("an owner proposes");
	NextProposal::<T>::get() - 1
}

fn all(c: u32) -> Choice {
	Choice::Approve(if c == 32 { u32::MAX } else { (1u32 << c) - 1 })
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// An owner alone above 20 %: the proposal is sponsored and opened in
	/// one go, with a call of `s` bytes.
	#[benchmark]
	fn propose(s: Linear<1, { T::MaxCallSize::get() - 8 }>) {
		let (c, owners) = community::<T>(1);
		let call = remark::<T>(s);

		#[extrinsic_call]
		_(RawOrigin::Signed(owners[0].clone()), c, Matter::Ordinary, call, H256::zero(), None, period::<T>());

		assert!(matches!(Proposals::<T>::get(0).unwrap().stage, Stage::Voting { .. }));
	}

	#[benchmark]
	fn propose_election(c: Linear<3, { T::MaxCandidates::get() }>) {
		let (community, owners) = community::<T>(c);
		let term_end = frame_system::Pallet::<T>::block_number() + T::MaxVotingPeriod::get() * 2u32.into();

		#[extrinsic_call]
		_(RawOrigin::Signed(owners[0].clone()), community, owners.clone(), 3, term_end, H256::zero(), period::<T>());

		assert_eq!(Candidates::<T>::get(0).len() as u32, c);
	}

	/// Two seats of a committee of three in a community of more than 100
	/// households (below its legal size of five), from `c` candidates.
	#[benchmark]
	fn propose_by_election(c: Linear<2, { T::MaxCandidates::get() }>) {
		let (community, owners) = community::<T>(c);
		// Elected while the community was small; it has grown since.
		T::BenchmarkHelper::add_committee(community);
		T::BenchmarkHelper::add_units(community, 100, 100_00);

		#[extrinsic_call]
		_(RawOrigin::Signed(owners[0].clone()), community, owners.clone(), 2, H256::zero(), period::<T>());

		assert_eq!(Candidates::<T>::get(0).len() as u32, c);
	}

	/// The sponsor that brings it to 20 % and opens voting.
	#[benchmark]
	fn sponsor() {
		let (c, owners) = community::<T>(10);
		Assembly::<T>::do_propose_call(
			owners[0].clone(),
			c,
			Matter::Ordinary,
			*remark::<T>(1),
			H256::zero(),
			None,
			period::<T>(),
		)
		.expect("an owner proposes");

		#[extrinsic_call]
		_(RawOrigin::Signed(owners[1].clone()), 0);

		assert!(matches!(Proposals::<T>::get(0).unwrap().stage, Stage::Voting { .. }));
	}

	/// Changing an election ballot that approved all `c` candidates.
	#[benchmark]
	fn vote(c: Linear<3, { T::MaxCandidates::get() }>, u: Linear<1, { T::MaxUnitsPerVoter::get() }>) {
		let (index, owners) = election::<T>(c, u);
		Assembly::<T>::do_vote(owners[0].clone(), index, all(c)).expect("an owner votes");
		// The owner's units are marked again, as at a first ballot.
		let _ = VotedUnits::<T>::clear_prefix(index, u32::MAX, None);

		#[extrinsic_call]
		_(RawOrigin::Signed(owners[0].clone()), index, Choice::Approve(1));

		assert_eq!(Ballots::<T>::get(index, &owners[0]).map(|b| b.choice), Some(Choice::Approve(1)));
		assert_eq!(VotedUnits::<T>::iter_prefix(index).count() as u32, u);
	}

	/// Closing a passed proposal; its call's own weight is added on top.
	#[benchmark]
	fn close_dispatch() {
		let (c, owners) = community::<T>(1);
		Assembly::<T>::do_propose_call(
			owners[0].clone(),
			c,
			Matter::Ordinary,
			*remark::<T>(1),
			H256::zero(),
			None,
			period::<T>(),
		)
		.expect("an owner proposes");
		Assembly::<T>::do_vote(owners[0].clone(), 0, Choice::Aye).expect("the owner votes");
		let end = frame_system::Pallet::<T>::block_number() + period::<T>();
		frame_system::Pallet::<T>::set_block_number(end);

		#[extrinsic_call]
		close(RawOrigin::Signed(owners[0].clone()), 0);

		assert!(matches!(
			Proposals::<T>::get(0).unwrap().stage,
			Stage::Closed { outcome: Outcome::Enacted, .. }
		));
	}

	/// Closing an election of `c` candidates everyone approved; three are
	/// seated.
	#[benchmark]
	fn close_election(c: Linear<3, { T::MaxCandidates::get() }>) {
		let (index, owners) = election::<T>(c, 1);
		for who in &owners {
			Assembly::<T>::do_vote(who.clone(), index, all(c)).expect("an owner votes");
		}
		let end = frame_system::Pallet::<T>::block_number() + period::<T>();
		frame_system::Pallet::<T>::set_block_number(end);

		#[extrinsic_call]
		close(RawOrigin::Signed(owners[0].clone()), index);

		assert!(matches!(
			Proposals::<T>::get(index).unwrap().stage,
			Stage::Closed { outcome: Outcome::Enacted, .. }
		));
	}

	#[benchmark]
	fn set_non_voters_follow_majority() -> Result<(), BenchmarkError> {
		let (c, _) = community::<T>(1);
		let origin = T::RulesOrigin::try_successful_origin(&c).map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as <T as frame_system::Config>::RuntimeOrigin, c, true);

		assert!(NonVotersFollowMajority::<T>::get(c));
		Ok(())
	}

	/// The proposer withdraws an announced proposal with its call.
	#[benchmark]
	fn withdraw() {
		let (c, owners) = community::<T>(1);
		procedure::<T>(c, 10, 0);
		let index = remark_proposal::<T>(c, &owners[0]);

		#[extrinsic_call]
		_(RawOrigin::Signed(owners[0].clone()), index);

		assert!(matches!(
			Proposals::<T>::get(index).unwrap().stage,
			Stage::Closed { outcome: Outcome::Withdrawn, .. }
		));
	}

	/// Opening an announced vote once its notice is over.
	#[benchmark]
	fn open_voting() {
		let (c, owners) = community::<T>(1);
		procedure::<T>(c, 1, 0);
		let index = remark_proposal::<T>(c, &owners[0]);
		next_block::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(owners[0].clone()), index);

		assert!(matches!(Proposals::<T>::get(index).unwrap().stage, Stage::Voting { .. }));
	}

	/// An owner moves their appointment to a proxy already voting for `l`
	/// other owners (each checked for being still live).
	#[benchmark]
	fn appoint_proxy(l: Linear<0, { T::MaxOwnersPerProxy::get() - 1 }>) {
		let (c, owners) = community::<T>(l + 2);
		procedure::<T>(c, 0, 0);
		let proxy: T::AccountId = account("proxy", 0, 0);
		let until = frame_system::Pallet::<T>::block_number() + T::MaxVotingPeriod::get();
		for who in &owners[2..] {
			Assembly::<T>::do_appoint_proxy(c, who.clone(), proxy.clone(), ProxyCover::Until(until), H256::zero())
				.expect("an owner appoints a proxy");
		}
		Assembly::<T>::do_appoint_proxy(c, owners[0].clone(), owners[1].clone(), ProxyCover::Until(until), H256::zero())
			.expect("an owner appoints a proxy");

		#[extrinsic_call]
		_(RawOrigin::Signed(owners[0].clone()), c, proxy.clone(), ProxyCover::Until(until), H256::zero());

		assert_eq!(ProxyLoads::<T>::get(c, &proxy).len() as u32, l + 1);
	}

	#[benchmark]
	fn revoke_proxy() {
		let (c, owners) = community::<T>(2);
		let until = frame_system::Pallet::<T>::block_number() + T::MaxVotingPeriod::get();
		Assembly::<T>::do_appoint_proxy(c, owners[0].clone(), owners[1].clone(), ProxyCover::Until(until), H256::zero())
			.expect("an owner appoints a proxy");

		#[extrinsic_call]
		_(RawOrigin::Signed(owners[0].clone()), c);

		assert!(!Proxies::<T>::contains_key(c, &owners[0]));
	}

	/// A proxy changes the election ballot it cast for an owner, which
	/// approved all `c` candidates.
	#[benchmark]
	fn vote_as_proxy(c: Linear<3, { T::MaxCandidates::get() }>, u: Linear<1, { T::MaxUnitsPerVoter::get() }>) {
		let (index, owners) = election::<T>(c, u);
		let community = Proposals::<T>::get(index).unwrap().community;
		let proxy: T::AccountId = account("proxy", 0, 0);
		Assembly::<T>::do_appoint_proxy(community, owners[0].clone(), proxy.clone(), ProxyCover::Proposal(index), H256::zero())
			.expect("an owner appoints a proxy");
		Assembly::<T>::do_vote_as_proxy(proxy.clone(), index, owners[0].clone(), all(c)).expect("the proxy votes");
		let _ = VotedUnits::<T>::clear_prefix(index, u32::MAX, None);

		#[extrinsic_call]
		_(RawOrigin::Signed(proxy), index, owners[0].clone(), Choice::Approve(1));

		assert_eq!(Ballots::<T>::get(index, &owners[0]).map(|b| b.choice), Some(Choice::Approve(1)));
	}

	/// A committee member enters an owner's paper ballot.
	#[benchmark]
	fn enter_paper_ballot() {
		let (c, owners) = community::<T>(2);
		let members = committee::<T>(c);
		next_block::<T>();
		let index = remark_proposal::<T>(c, &members[0]);

		#[extrinsic_call]
		_(RawOrigin::Signed(members[0].clone()), index, owners[1].clone(), Choice::Aye, H256::repeat_byte(1));

		assert!(PaperBallots::<T>::contains_key(index, &owners[1]));
	}

	/// A second committee member countersigns a paper ballot approving all
	/// `c` candidates, which replaces the ballot the owner's proxy cast.
	#[benchmark]
	fn countersign_paper_ballot(c: Linear<3, { T::MaxCandidates::get() }>, u: Linear<1, { T::MaxUnitsPerVoter::get() }>) {
		let (index, owners) = election::<T>(c, u);
		let community = Proposals::<T>::get(index).unwrap().community;
		let members = committee::<T>(community);
		let proxy: T::AccountId = account("proxy", 0, 0);
		Assembly::<T>::do_appoint_proxy(community, owners[0].clone(), proxy.clone(), ProxyCover::Proposal(index), H256::zero())
			.expect("an owner appoints a proxy");
		Assembly::<T>::do_vote_as_proxy(proxy, index, owners[0].clone(), Choice::Approve(1)).expect("the proxy votes");
		let _ = VotedUnits::<T>::clear_prefix(index, u32::MAX, None);
		let scan = H256::repeat_byte(1);
		Assembly::<T>::do_enter_paper_ballot(members[0].clone(), index, owners[0].clone(), all(c), scan)
			.expect("a member enters the paper");

		#[extrinsic_call]
		_(RawOrigin::Signed(members[1].clone()), index, owners[0].clone(), scan);

		assert_eq!(BallotSources::<T>::get(index, &owners[0]).map(|s| s.channel), Some(Channel::Paper));
	}

	/// A committee member records the last objection a published result
	/// may take.
	#[benchmark]
	fn object() {
		let (c, owners) = community::<T>(1);
		let members = committee::<T>(c);
		procedure::<T>(c, 0, 100);
		next_block::<T>();
		let index = remark_proposal::<T>(c, &members[0]);
		for who in owners.iter().chain(&members) {
			Assembly::<T>::do_vote(who.clone(), index, Choice::Aye).expect("an owner votes");
		}
		let end = frame_system::Pallet::<T>::block_number() + period::<T>();
		frame_system::Pallet::<T>::set_block_number(end);
		Assembly::<T>::do_close(index).expect("it passes");
		// Every place but one taken (by other members, as a committee of
		// up to eleven may), the new member's is looked for among them all.
		let taken: Vec<(T::AccountId, H256)> =
			(1..T::MaxObjections::get()).map(|i| (account("member", i, 1), H256::zero())).collect();
		Objections::<T>::insert(index, frame_support::BoundedVec::try_from(taken).expect("below MaxObjections"));

		#[extrinsic_call]
		_(RawOrigin::Signed(members[0].clone()), index, H256::repeat_byte(2));

		assert_eq!(Objections::<T>::get(index).len() as u32, T::MaxObjections::get());
	}

	#[benchmark]
	fn set_procedure() -> Result<(), BenchmarkError> {
		let (c, _) = community::<T>(1);
		let origin = T::RulesOrigin::try_successful_origin(&c).map_err(|_| BenchmarkError::Weightless)?;
		let procedure = Procedure {
			notice_period: NoticePeriodFloor::<T>::get() + 1u32.into(),
			publication_period: 10u32.into(),
			max_owners_per_proxy: T::MaxOwnersPerProxy::get(),
		};

		#[extrinsic_call]
		_(origin as <T as frame_system::Config>::RuntimeOrigin, c, procedure);

		assert_eq!(Procedures::<T>::get(c), Some(procedure));
		Ok(())
	}

	impl_benchmark_test_suite!(Assembly, crate::mock::new_test_ext().0, crate::mock::Test);
}
