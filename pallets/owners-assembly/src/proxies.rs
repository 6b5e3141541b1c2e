//! Proxies (委托投票): an owner appoints another person's account, with the
//! hash of the signed written proxy, for one proposal or for every proposal
//! voted on before a block; the proxy votes with the owner's weight, within
//! the community's limit of owners per proxy. The owner may revoke it, and
//! the owner's own ballot always prevails.

use crate::{pallet::*, voting::Cast, BallotSource, Channel, Choice, ProposalIndex, ProxyCover, Stage};
use frame_support::{ensure, pallet_prelude::*};
use frame_system::pallet_prelude::*;
use linli_primitives::community::{CommunityId, CommunityInspect};
use sp_core::H256;
use sp_runtime::DispatchError;

impl<T: Config> Pallet<T> {
	/// Whether an appointment with `cover` may still vote: a period not
	/// over, or a proposal that may still be voted on.
	fn may_still_vote(community: CommunityId, cover: &ProxyCover<BlockNumberFor<T>>) -> bool {
		let now = frame_system::Pallet::<T>::block_number();
		match cover {
			ProxyCover::Until(until) => now < *until,
			ProxyCover::Proposal(index) => Proposals::<T>::get(index).is_some_and(|p| {
				p.community == community
					&& match p.stage {
						Stage::Sponsoring { .. } | Stage::Notice { .. } => true,
						Stage::Voting { until, .. } => now < until,
						Stage::Publishing { .. } | Stage::Closed { .. } => false,
					}
			}),
		}
	}

	/// Whether `owner`'s appointment of `proxy` may still vote.
	fn is_live(community: CommunityId, owner: &T::AccountId, proxy: &T::AccountId) -> bool {
		Proxies::<T>::get(community, owner).is_some_and(|appointment| {
			appointment.proxy == *proxy && Self::may_still_vote(community, &appointment.cover)
		})
	}

	pub(crate) fn do_appoint_proxy(
		community: CommunityId,
		owner: T::AccountId,
		proxy: T::AccountId,
		cover: ProxyCover<BlockNumberFor<T>>,
		evidence: H256,
	) -> DispatchResult {
		ensure!(T::Community::community_exists(community), Error::<T>::UnknownCommunity);
		ensure!(T::Community::is_owner(community, &owner), Error::<T>::NotAnOwner);
		ensure!(owner != proxy, Error::<T>::CannotBeOwnProxy);
		ensure!(Self::may_still_vote(community, &cover), Error::<T>::BadProxyCover);
		// The proxy's load, without appointments revoked, replaced or over;
		// those over are removed (their evidence stays in their events).
		let mut load = ProxyLoads::<T>::get(community, &proxy);
		load.retain(|o| {
			if *o == owner {
				return false;
			}
			let live = Self::is_live(community, o, &proxy);
			if !live && Proxies::<T>::get(community, o).is_some_and(|a| a.proxy == proxy) {
				Proxies::<T>::remove(community, o);
			}
			live
		});
		let limit = Self::procedure(community).max_owners_per_proxy;
		ensure!((load.len() as u32) < limit, Error::<T>::ProxyOverLimit);
		load.try_push(owner.clone()).map_err(|_| Error::<T>::ProxyOverLimit)?;
		ProxyLoads::<T>::insert(community, &proxy, load);
		if let Some(previous) = Proxies::<T>::get(community, &owner) {
			if previous.proxy != proxy {
				Self::unload(community, &previous.proxy, &owner);
			}
		}
		Proxies::<T>::insert(
			community,
			&owner,
			ProxyAppointmentOf::<T> { proxy: proxy.clone(), cover, evidence },
		);
		Self::deposit_event(Event::ProxyAppointed { community, owner, proxy, cover, evidence });
		Ok(())
	}

	/// Takes `owner` off `proxy`'s load.
	fn unload(community: CommunityId, proxy: &T::AccountId, owner: &T::AccountId) {
		ProxyLoads::<T>::mutate_exists(community, proxy, |load| {
			if let Some(list) = load {
				list.retain(|o| o != owner);
				if list.is_empty() {
					*load = None;
				}
			}
		});
	}

	pub(crate) fn do_revoke_proxy(community: CommunityId, owner: T::AccountId) -> DispatchResult {
		let appointment = Proxies::<T>::take(community, &owner).ok_or(Error::<T>::NoProxy)?;
		Self::unload(community, &appointment.proxy, &owner);
		Self::deposit_event(Event::ProxyRevoked { community, owner, proxy: appointment.proxy });
		Ok(())
	}

	pub(crate) fn do_vote_as_proxy(
		proxy: T::AccountId,
		index: ProposalIndex,
		owner: T::AccountId,
		choice: Choice,
	) -> Result<Cast, DispatchError> {
		let proposal = Proposals::<T>::get(index).ok_or(Error::<T>::UnknownProposal)?;
		let appointment = Proxies::<T>::get(proposal.community, &owner)
			.filter(|a| a.proxy == proxy)
			.ok_or(Error::<T>::NotAppointedProxy)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(appointment.covers(index, &now), Error::<T>::ProxyDoesNotCover);
		Self::cast(index, owner, choice, BallotSource { cast_by: proxy, channel: Channel::Proxy })
	}

	/// Whether `old`'s and `new`'s loads as proxies fit in one (checked
	/// before an account changes).
	pub(crate) fn loads_fit_together(
		community: CommunityId,
		old: &T::AccountId,
		new: &T::AccountId,
	) -> bool {
		let (from_old, mut merged) = (
			ProxyLoads::<T>::get(community, old),
			ProxyLoads::<T>::get(community, new).into_inner(),
		);
		for owner in from_old {
			if !merged.contains(&owner) {
				merged.push(owner);
			}
		}
		merged.len() as u32 <= T::MaxOwnersPerProxy::get()
	}

	/// An owner's account changed: their appointment, and the appointments
	/// naming the old account as proxy, follow the person (checked first
	/// with [`Self::loads_fit_together`]). An appointment that would name
	/// the person their own proxy is dropped.
	pub(crate) fn move_proxy_appointment(
		community: CommunityId,
		old: &T::AccountId,
		new: &T::AccountId,
	) {
		// `new` appointed `old`: the person would be their own proxy.
		if Proxies::<T>::get(community, new).is_some_and(|a| a.proxy == *old) {
			Proxies::<T>::remove(community, new);
			Self::unload(community, old, new);
		}
		if let Some(appointment) = Proxies::<T>::take(community, old) {
			if appointment.proxy == *new {
				// `old` appointed `new`: the same person now.
				Self::unload(community, new, old);
				return Self::move_load(community, old, new);
			}
			ProxyLoads::<T>::mutate(community, &appointment.proxy, |load| {
				// One entry per owner: `new` takes `old`'s place (or keeps
				// its own, if it had appointed the same proxy).
				if load.contains(new) {
					load.retain(|o| o != old);
				} else {
					for o in load.iter_mut().filter(|o| *o == old) {
						*o = new.clone();
					}
				}
			});
			if let Some(replaced) = Proxies::<T>::get(community, new) {
				if replaced.proxy != appointment.proxy {
					Self::unload(community, &replaced.proxy, new);
				}
			}
			Proxies::<T>::insert(community, new, appointment);
		}
		Self::move_load(community, old, new);
	}

	/// The owners who appointed `old` as proxy now name `new`; the two
	/// loads merge (they fit: checked before).
	fn move_load(community: CommunityId, old: &T::AccountId, new: &T::AccountId) {
		let load = ProxyLoads::<T>::take(community, old);
		if load.is_empty() {
			return;
		}
		let mut merged = ProxyLoads::<T>::get(community, new);
		for owner in load {
			Proxies::<T>::mutate(community, &owner, |appointment| {
				if let Some(a) = appointment.as_mut().filter(|a| a.proxy == *old) {
					a.proxy = new.clone();
				}
			});
			if !merged.contains(&owner) {
				// Fits: `loads_fit_together` was checked before any change.
				let _ = merged.try_push(owner);
			}
		}
		ProxyLoads::<T>::insert(community, new, merged);
	}
}
