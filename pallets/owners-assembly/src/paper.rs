//! Paper ballots (纸质票录入): a committee member enters an owner's signed
//! paper ballot with the hash of its scan; a second committee member or a
//! registrar countersigns it, and only then is it counted, as the owner's
//! own ballot (it replaces a proxy's). The owner's online ballot, cast
//! before or after, prevails; the record keeps both.

use crate::{pallet::*, voting::Cast, BallotSource, Channel, Choice, PaperBallot, ProposalIndex, Stage};
use frame_support::{ensure, pallet_prelude::*};
use linli_primitives::community::CommunityInspect;
use sp_core::H256;
use sp_runtime::DispatchError;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_enter_paper_ballot(
		who: T::AccountId,
		index: ProposalIndex,
		owner: T::AccountId,
		choice: Choice,
		evidence: H256,
	) -> DispatchResult {
		let mut proposal = Proposals::<T>::get(index).ok_or(Error::<T>::UnknownProposal)?;
		ensure!(
			T::Community::is_committee_member(proposal.community, &who),
			Error::<T>::NotCommitteeMember
		);
		// Entering the first paper ballot after the notice opens the vote.
		let opened = Self::open_if_due(index, &mut proposal)?;
		let Stage::Voting { until, .. } = proposal.stage else {
			return Err(Error::<T>::NotVoting.into());
		};
		ensure!(frame_system::Pallet::<T>::block_number() < until, Error::<T>::VotingEnded);
		ensure!(
			T::Community::vote_weight(proposal.community, proposal.scope, &owner).is_some(),
			Error::<T>::NotAnOwner
		);
		let candidates = Candidates::<T>::decode_len(index).unwrap_or(0) as u32;
		ensure!(
			crate::voting::choice_fits(choice, proposal.action.is_election(), candidates),
			Error::<T>::BadChoice
		);
		ensure!(!PaperBallots::<T>::contains_key(index, &owner), Error::<T>::PaperBallotExists);
		PaperBallots::<T>::insert(
			index,
			&owner,
			PaperBallot { choice, evidence, entered_by: who.clone(), countersigned_by: None },
		);
		if opened {
			Proposals::<T>::insert(index, proposal);
		}
		Self::deposit_event(Event::PaperBallotEntered {
			proposal: index,
			owner,
			entered_by: who,
			evidence,
		});
		Ok(())
	}

	/// Returns what the counted ballot touched (nothing if it was not
	/// counted).
	pub(crate) fn do_countersign_paper_ballot(
		who: T::AccountId,
		index: ProposalIndex,
		owner: T::AccountId,
		evidence: H256,
	) -> Result<Cast, DispatchError> {
		let proposal = Proposals::<T>::get(index).ok_or(Error::<T>::UnknownProposal)?;
		let community = proposal.community;
		ensure!(
			T::Community::is_committee_member(community, &who)
				|| T::Community::is_registrar(community, &who),
			Error::<T>::NotCommitteeMember
		);
		let mut paper = PaperBallots::<T>::get(index, &owner).ok_or(Error::<T>::NoPaperBallot)?;
		ensure!(paper.countersigned_by.is_none(), Error::<T>::AlreadyCountersigned);
		ensure!(paper.entered_by != who, Error::<T>::SameSigner);
		ensure!(paper.evidence == evidence, Error::<T>::EvidenceMismatch);
		// The owner's own online ballot prevails: the paper stays on record.
		let online = Ballots::<T>::contains_key(index, &owner)
			&& Self::source_of(index, &owner).channel == Channel::Online;
		let cast = if online {
			let Stage::Voting { until, .. } = proposal.stage else {
				return Err(Error::<T>::NotVoting.into());
			};
			ensure!(frame_system::Pallet::<T>::block_number() < until, Error::<T>::VotingEnded);
			Cast::default()
		} else {
			let source =
				BallotSource { cast_by: paper.entered_by.clone(), channel: Channel::Paper };
			Self::cast(index, owner.clone(), paper.choice, source)?
		};
		paper.countersigned_by = Some(who.clone());
		PaperBallots::<T>::insert(index, &owner, paper);
		Self::deposit_event(Event::PaperBallotCountersigned {
			proposal: index,
			owner,
			countersigned_by: who,
			counted: !online,
		});
		Ok(cast)
	}
}
