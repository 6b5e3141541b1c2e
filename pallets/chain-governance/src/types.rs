//! The pallet's stored types (the view its runtime API serves lives in
//! `linli_primitives::council`).

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound};
use scale_info::TypeInfo;
use sp_core::{Get, H256};

/// A root call the council approved, waiting out the enactment delay.
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	DebugNoBound,
)]
#[scale_info(skip_type_params(MaxCallSize, MaxCouncil))]
pub struct PendingCall<
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
	MaxCallSize: Get<u32>,
	MaxCouncil: Get<u32>,
> {
	/// The call, SCALE-encoded: dispatched as root at `enact_at`.
	pub call: BoundedVec<u8, MaxCallSize>,
	/// Blake2-256 of `call`, to compare with the motion that was published.
	pub call_hash: H256,
	/// The block the council's motion passed in.
	pub approved_at: BlockNumber,
	/// The block it is dispatched in.
	pub enact_at: BlockNumber,
	/// The members who voted for it.
	pub ayes: BoundedVec<AccountId, MaxCouncil>,
	/// The council's seats when it passed.
	pub seats: u32,
}
