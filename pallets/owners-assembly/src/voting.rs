//! Ballots: one per owner (the developer once), cast online, by a proxy or
//! on paper, replaced by a second one (but a proxy's never replaces the
//! owner's own), counted into the proposal's [`Tally`](crate::Tally) and
//! its [`ChannelTally`] as it is cast, and following the person when its
//! account changes; a unit sold during a vote counts with its seller's
//! ballot if cast, else with its buyer's (`VoterChanges::unit_sold`).

use crate::{pallet::*, Ballot, BallotSource, Channel, ChannelTally, Choice, ProposalIndex, Stage};
use frame_support::{ensure, pallet_prelude::*, traits::Get};
use linli_primitives::{
	community::{CommunityId, CommunityInspect, VoteWeight},
	governance::{UnitSale, VoterChanges},
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::DispatchError;

/// Applies `change` (adding or taking off `ballot`'s weight) to every
/// candidate an election ballot approves.
pub(crate) fn approve_candidates<'a>(
	approvals_of_candidates: impl Iterator<Item = &'a mut VoteWeight>,
	ballot: &Ballot,
	change: fn(VoteWeight, VoteWeight) -> VoteWeight,
) {
	if let Choice::Approve(set) = ballot.choice {
		for (i, approvals) in approvals_of_candidates.enumerate() {
			if set & (1 << i) != 0 {
				*approvals = change(*approvals, ballot.weight);
			}
		}
	}
}

/// Whether `choice` fits a proposal: approvals of listed candidates in an
/// election (of `candidates`), aye or nay otherwise, abstaining in both.
pub(crate) fn choice_fits(choice: Choice, election: bool, candidates: u32) -> bool {
	match choice {
		Choice::Abstain => true,
		Choice::Aye | Choice::Nay => !election,
		Choice::Approve(set) => election && (candidates == 32 || set >> candidates == 0),
	}
}

/// What counting a ballot touched, for its weight.
#[derive(Clone, Copy, Default, PartialEq, Eq, Debug)]
pub(crate) struct Cast {
	/// Candidates of an election (0 otherwise).
	pub candidates: u32,
	/// The owner's units looked up and recorded as voted.
	pub units: u32,
}

impl<T: Config> Pallet<T> {
	/// The participation of `proposal` by channel (all online for a vote
	/// held before channels were recorded).
	pub fn channels_of(index: ProposalIndex, proposal: &ProposalOf<T>) -> ChannelTally {
		ChannelTallies::<T>::get(index)
			.unwrap_or(ChannelTally { online: proposal.tally.participation(), ..Default::default() })
	}

	/// Who cast `owner`'s counted ballot and how: a ballot without a
	/// recorded source was cast online by the owner, before sources were
	/// recorded. (Read only where the ballot exists.)
	pub(crate) fn source_of(index: ProposalIndex, owner: &T::AccountId) -> BallotSource<T::AccountId> {
		BallotSources::<T>::get(index, owner)
			.unwrap_or_else(|| BallotSource { cast_by: owner.clone(), channel: Channel::Online })
	}

	/// What `owner` may cast in proposal `index`, whose vote opened at
	/// `from`: their weight then, as sales during the vote left it
	/// ([`WeightsAfterSales`], never above what they hold now), or else
	/// their weight now if it has not grown since (a unit registered, or
	/// passed to them other than by a sale, is not in the snapshot).
	pub(crate) fn weight_in(
		index: ProposalIndex,
		proposal: &ProposalOf<T>,
		owner: &T::AccountId,
		from: BlockNumberFor<T>,
	) -> Result<VoteWeight, DispatchError> {
		let (now, grown_at) =
			T::Community::vote_weight_and_growth(proposal.community, proposal.scope, owner)
				.ok_or(Error::<T>::NotAnOwner)?;
		match WeightsAfterSales::<T>::get(index, owner) {
			Some(after_sales) => {
				let weight = VoteWeight {
					area: after_sales.area.min(now.area),
					headcount: after_sales.headcount.min(now.headcount),
				};
				ensure!(weight != VoteWeight::default(), Error::<T>::UnitsVotedBySellers);
				Ok(weight)
			},
			None => {
				ensure!(grown_at < from, Error::<T>::WeightGrewDuringVote);
				Ok(now)
			},
		}
	}

	/// A unit is sold while proposal `index` (opened at `from`) is being
	/// voted on, the tallies still counting it for its seller. The cities'
	/// rule: a ballot that counted the unit — the seller's, online, by
	/// proxy or on paper, or an earlier owner's — stands for it; otherwise
	/// the buyer votes with its area, and with the seller's place in the
	/// headcount if the seller leaves it. So the votes cast never exceed
	/// the snapshot.
	fn count_sale(
		index: ProposalIndex,
		proposal: &ProposalOf<T>,
		from: BlockNumberFor<T>,
		sale: &UnitSale<T::AccountId>,
	) {
		// What the seller could cast before the sale (nothing if their
		// weight is not in the snapshot).
		let seller_weight = sale
			.seller
			.as_ref()
			.and_then(|seller| Self::weight_in(index, proposal, seller, from).ok())
			.filter(|weight| weight.area >= sale.area);
		let leaves = sale.seller_leaves(proposal.scope);
		let mut counted_by = VotedUnits::<T>::get(index, sale.unit);
		if let Some(seller) = &sale.seller {
			// The seller voted (or signed a paper ballot) with the unit:
			// marked or not (the developer's units, ballots cast before
			// units were marked), it stands with that ballot.
			let ballot = Ballots::<T>::get(index, seller);
			if counted_by.is_none() && (ballot.is_some() || PaperBallots::<T>::contains_key(index, seller)) {
				VotedUnits::<T>::insert(index, sale.unit, seller);
				counted_by = Some(seller.clone());
			}
			if counted_by.as_ref() == Some(seller) {
				StandingAfterSales::<T>::mutate(index, seller, |standing| {
					standing.area = standing.area.saturating_add(sale.area);
					if leaves {
						let counted = ballot.map(|b| b.weight).or(seller_weight).unwrap_or_default();
						standing.headcount = standing.headcount.max(counted.headcount);
					}
				});
			}
			// A seller whose weight is recorded keeps the rest of it (the
			// unit was in it unless another's ballot had counted it).
			let in_record = counted_by.as_ref().is_none_or(|voter| voter == seller);
			if let (true, Some(weight)) = (in_record, seller_weight) {
				if WeightsAfterSales::<T>::contains_key(index, seller) {
					let rest = VoteWeight {
						area: weight.area.saturating_sub(sale.area),
						headcount: if leaves { 0 } else { weight.headcount },
					};
					WeightsAfterSales::<T>::insert(index, seller, rest);
				}
			}
		}
		let passes = counted_by.is_none() && seller_weight.is_some();
		let held = Self::weight_in(index, proposal, &sale.buyer, from).unwrap_or_default();
		let mut buyer_weight = held;
		if passes {
			buyer_weight.area = held.area.saturating_add(sale.area);
			let seller_counted = seller_weight.is_some_and(|w| w.headcount > 0);
			if leaves && seller_counted {
				buyer_weight.headcount = 1;
			}
		}
		WeightsAfterSales::<T>::insert(index, &sale.buyer, buyer_weight);
		Self::deposit_event(Event::UnitSoldDuringVote {
			proposal: index,
			unit: sale.unit,
			buyer: sale.buyer.clone(),
			passes_to_buyer: passes,
			buyer_weight,
		});
	}

	/// `owner` votes online.
	pub(crate) fn do_vote(owner: T::AccountId, index: ProposalIndex, choice: Choice) -> Result<Cast, DispatchError> {
		let source = BallotSource { cast_by: owner.clone(), channel: Channel::Online };
		Self::cast(index, owner, choice, source)
	}

	/// Counts `owner`'s ballot, cast through `source`, replacing the
	/// owner's earlier one; a proxy's ballot never replaces the owner's
	/// own. The first ballot after the notice opens the vote. The owner's
	/// units not counted by another ballot are listed as voted by them.
	pub(crate) fn cast(
		index: ProposalIndex,
		owner: T::AccountId,
		choice: Choice,
		source: BallotSource<T::AccountId>,
	) -> Result<Cast, DispatchError> {
		let mut proposal = Proposals::<T>::get(index).ok_or(Error::<T>::UnknownProposal)?;
		Self::open_if_due(index, &mut proposal)?;
		let Stage::Voting { from, until } = proposal.stage else {
			return Err(Error::<T>::NotVoting.into());
		};
		ensure!(frame_system::Pallet::<T>::block_number() < until, Error::<T>::VotingEnded);
		// What the owner holds now, and what their ballot counted of units
		// sold since: an owner who sold all they held after voting still
		// changes their standing ballot.
		let standing = StandingAfterSales::<T>::get(index, &owner);
		let held = match Self::weight_in(index, &proposal, &owner, from) {
			Ok(held) => held,
			Err(_) if standing != VoteWeight::default() => VoteWeight::default(),
			Err(e) => return Err(e),
		};
		let weight = VoteWeight {
			area: held.area.saturating_add(standing.area),
			headcount: held.headcount.max(standing.headcount),
		};
		let (community, scope) = (proposal.community, proposal.scope);

		let election = proposal.action.is_election();
		let mut candidates =
			if election { Candidates::<T>::get(index) } else { Default::default() };
		let n = candidates.len() as u32;
		ensure!(choice_fits(choice, election, n), Error::<T>::BadChoice);

		// A second ballot replaces the first: take it out, count the new one.
		let old = Ballots::<T>::get(index, &owner);
		let ballot = Ballot { choice, weight };
		let mut channels = Self::channels_of(index, &proposal);
		if let Some(old) = old {
			let old_channel = Self::source_of(index, &owner).channel;
			// The owner's own ballot always prevails over a proxy's.
			ensure!(
				source.channel.is_owners_own() || !old_channel.is_owners_own(),
				Error::<T>::OwnerVotedThemself
			);
			proposal.tally.remove(&old);
			channels.remove(old_channel, old.weight);
			approve_candidates(
				candidates.iter_mut().map(|(_, a)| a),
				&old,
				VoteWeight::saturating_sub,
			);
		}
		proposal.tally.add(&ballot);
		channels.add(source.channel, weight);
		approve_candidates(
			candidates.iter_mut().map(|(_, a)| a),
			&ballot,
			VoteWeight::saturating_add,
		);
		Ballots::<T>::insert(index, &owner, ballot);
		ChannelTallies::<T>::insert(index, channels);
		if election {
			Candidates::<T>::insert(index, candidates);
		}
		Proposals::<T>::insert(index, proposal);
		Self::deposit_event(Event::Voted {
			proposal: index,
			who: owner.clone(),
			choice,
			weight,
			cast_by: source.cast_by.clone(),
			channel: source.channel,
		});
		BallotSources::<T>::insert(index, &owner, source);
		let units =
			T::Community::units_voted_by(community, scope, &owner, T::MaxUnitsPerVoter::get());
		for unit in &units {
			if !VotedUnits::<T>::contains_key(index, unit) {
				VotedUnits::<T>::insert(index, unit, &owner);
			}
		}
		Ok(Cast { candidates: n, units: units.len() as u32 })
	}
}

/// Ballots and sponsorships follow the person when a registrar replaces a
/// lost key or the developer's account changes: one owner, one ballot.
impl<T: Config> VoterChanges<T::AccountId> for Pallet<T> {
	fn voter_account_changed(
		community: CommunityId,
		old: &T::AccountId,
		new: &T::AccountId,
	) -> DispatchResult {
		let open = OpenProposals::<T>::get(community);
		for index in open.iter() {
			ensure!(
				!Ballots::<T>::contains_key(index, new)
					&& !Sponsors::<T>::contains_key(index, new)
					&& !PaperBallots::<T>::contains_key(index, new)
					&& !WeightsAfterSales::<T>::contains_key(index, new)
					&& !StandingAfterSales::<T>::contains_key(index, new),
				Error::<T>::AccountAlreadyVoted
			);
		}
		// Both accounts proxies: their loads merge, within the limit.
		ensure!(Self::loads_fit_together(community, old, new), Error::<T>::ProxyLoadsTooLarge);
		let mut moved = 0u32;
		for index in open.iter() {
			let ballot = Ballots::<T>::take(index, old);
			let sponsorship = Sponsors::<T>::take(index, old);
			if let Some(ballot) = ballot {
				Ballots::<T>::insert(index, new, ballot);
			}
			if let Some(mut source) = BallotSources::<T>::take(index, old) {
				if source.cast_by == *old {
					source.cast_by = new.clone();
				}
				BallotSources::<T>::insert(index, new, source);
			}
			if let Some(paper) = PaperBallots::<T>::take(index, old) {
				PaperBallots::<T>::insert(index, new, paper);
			}
			if let Some(weight) = WeightsAfterSales::<T>::take(index, old) {
				WeightsAfterSales::<T>::insert(index, new, weight);
			}
			let standing = StandingAfterSales::<T>::take(index, old);
			if standing != VoteWeight::default() {
				StandingAfterSales::<T>::insert(index, new, standing);
			}
			if ballot.is_some() {
				let units = T::Community::units_voted_by(community, None, old, T::MaxUnitsPerVoter::get());
				for unit in units {
					VotedUnits::<T>::mutate(index, unit, |voter| {
						if voter.as_ref() == Some(old) {
							*voter = Some(new.clone());
						}
					});
				}
			}
			if let Some(weight) = sponsorship {
				Sponsors::<T>::insert(index, new, weight);
			}
			moved += u32::from(ballot.is_some() || sponsorship.is_some());
		}
		Self::move_proxy_appointment(community, old, new);
		if moved > 0 {
			Self::deposit_event(Event::VoterAccountMoved {
				community,
				old: old.clone(),
				new: new.clone(),
				proposals: moved,
			});
		}
		Ok(())
	}

	fn unit_sold(community: CommunityId, sale: &UnitSale<T::AccountId>) -> DispatchResult {
		let now = frame_system::Pallet::<T>::block_number();
		for index in OpenProposals::<T>::get(community) {
			let Some(proposal) = Proposals::<T>::get(index) else { continue };
			let Stage::Voting { from, until } = proposal.stage else { continue };
			if now < until && sale.counts_in(proposal.scope) {
				Self::count_sale(index, &proposal, from, sale);
			}
		}
		Ok(())
	}

	fn max_sale_weight() -> Weight {
		// The open list; per open proposal: the proposal, the unit's mark,
		// the seller's ballot and paper, what stands, both records and both
		// tallies with their developer lookups (thirteen reads); the mark,
		// what stands, both records and the event written.
		let n = u64::from(T::MaxOpenProposals::get());
		T::DbWeight::get().reads_writes(1 + 13 * n, 5 * n)
	}

	fn max_weight() -> Weight {
		// Per open proposal: eleven reads to check and move, eleven writes,
		// and the units its ballot counted (the account's residencies and
		// units read, each mark rewritten);
		// the proxies: both loads and both appointments (eight reads, six
		// writes) and each appointment naming the account (one each).
		let n = u64::from(T::MaxOpenProposals::get());
		let proxied = u64::from(T::MaxOwnersPerProxy::get());
		let units = u64::from(T::MaxUnitsPerVoter::get());
		T::DbWeight::get().reads_writes(9 + (11 + 3 * units) * n + proxied, 6 + (11 + units) * n + proxied)
	}
}
