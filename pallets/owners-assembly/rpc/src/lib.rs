//! JSON-RPC methods of the owners' assembly:
//!
//! - `assembly_proposal(index, at?)`: a proposal's full record — matter,
//!   text hash, call, scope, snapshot totals, tallies, candidates, stage and
//!   outcome.
//! - `assembly_proposals(community, from, limit, at?)`: a community's
//!   proposals from an index on.
//! - `assembly_ballot(index, account, at?)`: an owner's ballot.

use std::sync::Arc;

use codec::Codec;
use jsonrpsee::{core::RpcResult, proc_macros::rpc};
use linli_primitives::community::CommunityId;
use linli_rpc_support::RuntimeQuery;
pub use pallet_owners_assembly_runtime_api::OwnersAssemblyApi as OwnersAssemblyRuntimeApi;
use pallet_owners_assembly_runtime_api::{Ballot, ProposalIndex, ProposalView};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_runtime::traits::Block as BlockT;

pub use pallet_owners_assembly_runtime_api::MAX_PAGE;

/// The owners' assembly RPC methods.
#[rpc(client, server)]
pub trait OwnersAssemblyApi<BlockHash, AccountId, BlockNumber> {
	/// A proposal's full record, or `null`.
	#[method(name = "assembly_proposal")]
	fn proposal(
		&self,
		index: ProposalIndex,
		at: Option<BlockHash>,
	) -> RpcResult<Option<ProposalView<AccountId, BlockNumber>>>;

	/// Up to `limit` (at most 100) proposals of a community from `from` on.
	#[method(name = "assembly_proposals")]
	fn proposals(
		&self,
		community: CommunityId,
		from: ProposalIndex,
		limit: u32,
		at: Option<BlockHash>,
	) -> RpcResult<Vec<ProposalView<AccountId, BlockNumber>>>;

	/// An owner's ballot on a proposal, or `null`.
	#[method(name = "assembly_ballot")]
	fn ballot(
		&self,
		index: ProposalIndex,
		who: AccountId,
		at: Option<BlockHash>,
	) -> RpcResult<Option<Ballot>>;
}

/// Serves [`OwnersAssemblyApiServer`] from a client's runtime API.
pub struct OwnersAssembly<C, Block> {
	client: Arc<C>,
	_marker: std::marker::PhantomData<Block>,
}

impl<C, Block> OwnersAssembly<C, Block> {
	/// Serve from `client`.
	pub fn new(client: Arc<C>) -> Self {
		Self { client, _marker: Default::default() }
	}
}

impl<C, Block, AccountId, BlockNumber> OwnersAssemblyApiServer<Block::Hash, AccountId, BlockNumber>
	for OwnersAssembly<C, Block>
where
	Block: BlockT,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: OwnersAssemblyRuntimeApi<Block, AccountId, BlockNumber>,
	AccountId: Codec + Send + Sync + 'static,
	BlockNumber: Codec + Send + Sync + 'static,
{
	fn proposal(
		&self,
		index: ProposalIndex,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<ProposalView<AccountId, BlockNumber>>> {
		self.client.query(at, |api, at| api.proposal(at, index))
	}

	fn proposals(
		&self,
		community: CommunityId,
		from: ProposalIndex,
		limit: u32,
		at: Option<Block::Hash>,
	) -> RpcResult<Vec<ProposalView<AccountId, BlockNumber>>> {
		self.client.query(at, |api, at| api.proposals(at, community, from, limit.min(MAX_PAGE)))
	}

	fn ballot(
		&self,
		index: ProposalIndex,
		who: AccountId,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<Ballot>> {
		self.client.query(at, |api, at| api.ballot(at, index, who))
	}
}
