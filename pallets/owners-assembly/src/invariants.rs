//! The `try_state` invariants: every tally, by side and by channel, is the
//! sum of its ballots; proxies' loads list their appointments.

use crate::{
	pallet::*, voting::approve_candidates, Channel, ChannelTally, Outcome, ProposalIndex, Stage,
};
use alloc::vec::Vec;
use frame_support::ensure;
use linli_primitives::community::{CommunityId, VoteWeight};
use sp_runtime::traits::Saturating;

/// Invariants, checked by `try_state` (and after every test).
impl<T: Config> Pallet<T> {
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		let next = NextProposal::<T>::get();
		let mut open: BTreeMap<CommunityId, Vec<ProposalIndex>> = BTreeMap::new();
		for (index, proposal) in Proposals::<T>::iter() {
			ensure!(index < next, "a proposal beyond NextProposal");
			if !matches!(proposal.stage, Stage::Closed { .. }) {
				open.entry(proposal.community).or_default().push(index);
			}
			// The tally is exactly the sum of the ballots.
			// Recounted with the calls' own rules (`Tally::add`).
			let mut tally = crate::Tally::default();
			let mut channels = ChannelTally::default();
			let candidates = Candidates::<T>::get(index);
			let mut recounted = alloc::vec![VoteWeight::default(); candidates.len()];
			for (owner, ballot) in Ballots::<T>::iter_prefix(index) {
				tally.add(&ballot);
				approve_candidates(recounted.iter_mut(), &ballot, VoteWeight::saturating_add);
				let channel = Self::source_of(index, &owner).channel;
				channels.add(channel, ballot.weight);
				// A counted paper ballot is countersigned and is what the
				// paper says.
				if channel == Channel::Paper {
					let paper = PaperBallots::<T>::get(index, &owner)
						.ok_or("a paper ballot counted without its record")?;
					ensure!(
						paper.countersigned_by.is_some() && paper.choice == ballot.choice,
						"a paper ballot counted unsigned or other than the paper"
					);
				}
			}
			ensure!(tally == proposal.tally, "a tally differs from its ballots");
			ensure!(
				Self::channels_of(index, &proposal).total() == tally.participation(),
				"the channels differ from the participation"
			);
			if let Some(stored) = ChannelTallies::<T>::get(index) {
				ensure!(stored == channels, "a channel tally differs from its ballots");
			}
			for (owner, _) in BallotSources::<T>::iter_prefix(index) {
				ensure!(Ballots::<T>::contains_key(index, &owner), "a ballot source without its ballot");
				ensure!(ChannelTallies::<T>::contains_key(index), "ballot sources without a channel tally");
			}
			ensure!(
				Objections::<T>::decode_len(index).unwrap_or(0) == 0
					|| matches!(
						proposal.stage,
						Stage::Publishing { .. } | Stage::Closed { outcome: Outcome::Enacted | Outcome::EnactmentFailed(_), .. }
					),
				"objections to a result never published"
			);
			ensure!(
				candidates.iter().map(|(_, a)| *a).eq(recounted.into_iter()),
				"approvals differ from the ballots"
			);
			let sponsors = Sponsors::<T>::iter_prefix_values(index)
				.fold(VoteWeight::default(), VoteWeight::saturating_add);
			ensure!(sponsors == proposal.sponsors, "sponsors differ from their records");
			ensure!(
				proposal.action.is_election()
					|| matches!(proposal.stage, Stage::Closed { .. })
					|| Calls::<T>::contains_key(index),
				"an open dispatch proposal without its call"
			);
			ensure!(
				!matches!(proposal.stage, Stage::Closed { .. }) || !Calls::<T>::contains_key(index),
				"a closed proposal keeps its call"
			);
			if !matches!(proposal.stage, Stage::Sponsoring { .. } | Stage::Notice { .. }) {
				ensure!(
					proposal.tally.participation().is_within(&proposal.snapshot),
					"more took part than the snapshot holds"
				);
			}
		}
		// Weights left by sales during a vote never exceed its snapshot;
		// only voted proposals have them.
		for (index, _, weight) in WeightsAfterSales::<T>::iter() {
			let proposal = Proposals::<T>::get(index).ok_or("a sale's weight in no proposal")?;
			ensure!(weight.is_within(&proposal.snapshot), "a weight after sales above the snapshot");
		}
		// What stands of sold units belongs to a ballot cast or on paper.
		for (index, owner, _) in StandingAfterSales::<T>::iter() {
			ensure!(
				Ballots::<T>::contains_key(index, &owner) || PaperBallots::<T>::contains_key(index, &owner),
				"units standing with no ballot"
			);
		}
		for (index, _, _) in VotedUnits::<T>::iter() {
			ensure!(Ballots::<T>::iter_prefix(index).next().is_some(), "a unit voted in a vote without ballots");
		}
		// `OpenProposals` lists exactly the proposals not closed, in order.
		let listed: BTreeMap<CommunityId, Vec<ProposalIndex>> =
			OpenProposals::<T>::iter().map(|(c, list)| (c, list.into_inner())).collect();
		for list in open.values_mut() {
			list.sort();
		}
		ensure!(listed == open, "OpenProposals differs from the proposals not closed");
		// Every appointment is on its proxy's load, and a load names each
		// owner once.
		for (community, owner, appointment) in Proxies::<T>::iter() {
			ensure!(appointment.proxy != owner, "an owner is their own proxy");
			ensure!(
				ProxyLoads::<T>::get(community, &appointment.proxy).contains(&owner),
				"an appointment missing from its proxy's load"
			);
		}
		for (community, proxy, load) in ProxyLoads::<T>::iter() {
			let mut owners = load.into_inner();
			for owner in &owners {
				ensure!(
					Proxies::<T>::get(community, owner).is_some_and(|a| a.proxy == proxy),
					"a proxy's load names an owner who did not appoint it"
				);
			}
			let n = owners.len();
			owners.sort();
			owners.dedup();
			ensure!(owners.len() == n && n > 0, "a proxy's load names an owner twice, or no one");
		}
		// Deposits: only open proposals hold one, and what is held is exactly
		// the deposits recorded.
		let mut held: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		for (index, (who, amount)) in Deposits::<T>::iter() {
			let proposal = Proposals::<T>::get(index).ok_or("a deposit of no proposal")?;
			ensure!(
				!matches!(proposal.stage, Stage::Closed { .. }),
				"a closed proposal keeps its deposit"
			);
			let entry = held.entry(who).or_default();
			*entry = entry.saturating_add(amount);
		}
		for (who, amount) in held {
			use frame_support::traits::fungible::InspectHold;
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::ProposalDeposit.into(), &who) == amount,
				"held deposits differ from their records"
			);
		}
		Ok(())
	}
}
