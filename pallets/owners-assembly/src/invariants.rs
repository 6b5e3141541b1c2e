//! The `try_state` invariants: every tally is the sum of its ballots.

use crate::{pallet::*, voting::approve_candidates, ProposalIndex, Stage};
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
			let candidates = Candidates::<T>::get(index);
			let mut recounted = alloc::vec![VoteWeight::default(); candidates.len()];
			for (_, ballot) in Ballots::<T>::iter_prefix(index) {
				tally.add(&ballot);
				approve_candidates(recounted.iter_mut(), &ballot, VoteWeight::saturating_add);
			}
			ensure!(tally == proposal.tally, "a tally differs from its ballots");
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
			if !matches!(proposal.stage, Stage::Sponsoring { .. }) {
				ensure!(
					proposal.tally.participation().is_within(&proposal.snapshot),
					"more took part than the snapshot holds"
				);
			}
		}
		// `OpenProposals` lists exactly the proposals not closed, in order.
		let listed: BTreeMap<CommunityId, Vec<ProposalIndex>> =
			OpenProposals::<T>::iter().map(|(c, list)| (c, list.into_inner())).collect();
		for list in open.values_mut() {
			list.sort();
		}
		ensure!(listed == open, "OpenProposals differs from the proposals not closed");
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
