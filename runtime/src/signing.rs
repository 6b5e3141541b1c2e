//! Building signed transactions for this runtime off chain (std only): the
//! node's benchmarks and the end-to-end tests sign with it, so that there is
//! one definition of the transaction extensions' signed payload.

use crate::{
	configs::BlockHashCount, BlockNumber, Hash, Nonce, Runtime, RuntimeCall, Signature,
	SignedPayload, TxExtension, UncheckedExtrinsic, VERSION,
};
use codec::Encode;
use sp_core::{sr25519, Pair};
use sp_runtime::generic::Era;

/// Where a transaction is valid: the chain (genesis) and the block its
/// mortality period starts at.
#[derive(Clone, Copy, Debug)]
pub struct ChainAnchor {
	/// The chain's genesis hash.
	pub genesis_hash: Hash,
	/// A recent block the transaction's era is counted from.
	pub block_hash: Hash,
	/// The number of that block.
	pub block_number: BlockNumber,
}

/// The mortality period: the largest power of two within `BlockHashCount`.
fn era_period() -> u64 {
	let count: BlockNumber = BlockHashCount::get();
	count.checked_next_power_of_two().map(|c| c / 2).unwrap_or(2) as u64
}

/// The transaction extensions of a signed transaction, with `tip` (in the
/// smallest unit) paid to the block author. The metadata-hash check is
/// disabled (mode 0): a client that verifies metadata sets it itself.
pub fn tx_extension(nonce: Nonce, tip: u128, anchor: &ChainAnchor) -> TxExtension {
	(
		frame_system::AuthorizeCall::<Runtime>::new(),
		frame_system::CheckNonZeroSender::<Runtime>::new(),
		frame_system::CheckSpecVersion::<Runtime>::new(),
		frame_system::CheckTxVersion::<Runtime>::new(),
		frame_system::CheckGenesis::<Runtime>::new(),
		frame_system::CheckEra::<Runtime>::from(Era::mortal(era_period(), anchor.block_number.into())),
		crate::nonce_in_turn::CheckNonceInTurn::<Runtime>::from(nonce),
		frame_system::CheckWeight::<Runtime>::new(),
		pallet_transaction_payment::ChargeTransactionPayment::<Runtime>::from(tip),
		frame_metadata_hash_extension::CheckMetadataHash::<Runtime>::new(false),
		frame_system::WeightReclaim::<Runtime>::new(),
	)
}

/// Signs `call` as `signer` with `nonce`, valid on the chain `anchor` names.
pub fn sign(
	call: RuntimeCall,
	signer: &sr25519::Pair,
	nonce: Nonce,
	anchor: &ChainAnchor,
) -> UncheckedExtrinsic {
	let extension = tx_extension(nonce, 0, anchor);
	let implicit = (
		(),
		(),
		VERSION.spec_version,
		VERSION.transaction_version,
		anchor.genesis_hash,
		anchor.block_hash,
		(),
		(),
		(),
		None,
		(),
	);
	let payload = SignedPayload::from_raw(call.clone(), extension.clone(), implicit);
	let signature = payload.using_encoded(|bytes| signer.sign(bytes));
	UncheckedExtrinsic::new_signed(
		call,
		sp_runtime::AccountId32::from(signer.public()).into(),
		Signature::Sr25519(signature),
		extension,
	)
}
