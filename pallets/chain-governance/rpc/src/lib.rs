//! JSON-RPC methods of the chain-governance pallet:
//!
//! - `chainGovernance_pendingRootCalls(at?)`: the root calls the council
//!   approved, with who approved each and the block it acts in;
//! - `chainGovernance_enactmentDelay(at?)`: how many blocks they wait.

use std::sync::Arc;

use codec::Codec;
use jsonrpsee::{core::RpcResult, proc_macros::rpc};
use linli_rpc_support::RuntimeQuery;
pub use pallet_chain_governance_runtime_api::ChainGovernanceApi as ChainGovernanceRuntimeApi;
use pallet_chain_governance_runtime_api::PendingRootCall;
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_runtime::traits::Block as BlockT;

/// The chain-governance RPC methods.
#[rpc(client, server)]
pub trait ChainGovernanceApi<BlockHash, AccountId, BlockNumber> {
	/// Every root call waiting for its enactment block.
	#[method(name = "chainGovernance_pendingRootCalls")]
	fn pending_root_calls(&self, at: Option<BlockHash>) -> RpcResult<Vec<PendingRootCall<AccountId, BlockNumber>>>;

	/// How many blocks an approved root call waits.
	#[method(name = "chainGovernance_enactmentDelay")]
	fn enactment_delay(&self, at: Option<BlockHash>) -> RpcResult<BlockNumber>;
}

/// Serves [`ChainGovernanceApiServer`] from a client's runtime API.
pub struct ChainGovernance<C, Block> {
	client: Arc<C>,
	_marker: std::marker::PhantomData<Block>,
}

impl<C, Block> ChainGovernance<C, Block> {
	/// Serve from `client`.
	pub fn new(client: Arc<C>) -> Self {
		Self { client, _marker: Default::default() }
	}
}

impl<C, Block, AccountId, BlockNumber> ChainGovernanceApiServer<Block::Hash, AccountId, BlockNumber>
	for ChainGovernance<C, Block>
where
	Block: BlockT,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: ChainGovernanceRuntimeApi<Block, AccountId, BlockNumber>,
	AccountId: Codec + Send + Sync + 'static,
	BlockNumber: Codec + Send + Sync + 'static,
{
	fn pending_root_calls(
		&self,
		at: Option<Block::Hash>,
	) -> RpcResult<Vec<PendingRootCall<AccountId, BlockNumber>>> {
		self.client.query(at, |api, at| api.pending_root_calls(at))
	}

	fn enactment_delay(&self, at: Option<Block::Hash>) -> RpcResult<BlockNumber> {
		self.client.query(at, |api, at| api.enactment_delay(at))
	}
}
