//! The stakeholders' council (联席会议) that governs the chain itself: the
//! district authority (街道办), the residents' committee (居委会), the owners'
//! committee (业委会) and the property company (物业). What the council
//! approved waits out an enactment delay, visible to everyone, before it
//! acts as root. Shared by the chain-governance pallet and its runtime API.

use alloc::vec::Vec;
use codec::{Decode, Encode};
use scale_info::TypeInfo;
use sp_core::H256;

/// A root call the council approved, waiting for its enactment block.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PendingRootCall<AccountId, BlockNumber> {
	/// Its number (cancel it by this).
	pub id: u32,
	/// Blake2-256 hash of the encoded call.
	pub call_hash: H256,
	/// The call, SCALE-encoded, as it will be dispatched.
	pub call: Vec<u8>,
	/// The block the council's motion passed in.
	pub approved_at: BlockNumber,
	/// The block it will be dispatched in, as root.
	pub enact_at: BlockNumber,
	/// The members who voted for the motion.
	pub ayes: Vec<AccountId>,
	/// The council's seats when it passed.
	pub seats: u32,
}

/// Who voted for a council motion still being decided: read from the
/// council's own record while its approved call is being dispatched.
pub trait MotionApprovals<AccountId, Hash> {
	/// The members who voted aye on the motion whose proposal hashes to
	/// `motion` (empty if there is no such open motion).
	fn ayes(motion: &Hash) -> Vec<AccountId>;
	/// How many seats the council has now.
	fn seats() -> u32;
}

impl<AccountId, Hash> MotionApprovals<AccountId, Hash> for () {
	fn ayes(_: &Hash) -> Vec<AccountId> {
		Vec::new()
	}
	fn seats() -> u32 {
		0
	}
}
