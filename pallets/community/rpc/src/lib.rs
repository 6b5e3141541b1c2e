//! JSON-RPC methods of the community pallet:
//!
//! - `community_unit(community, unit, at?)`: a unit's scope, area, status,
//!   voter and residents.
//! - `community_resident(community, account, at?)`: an account's units and
//!   roles, and its vote's weight.
//! - `community_info(community, scope?, at?)`: a community's name, counts,
//!   voting totals, committee, property company and registrars.

use std::sync::Arc;

use codec::Codec;
use jsonrpsee::{core::RpcResult, proc_macros::rpc};
use linli_primitives::community::{CommunityId, ScopeId, UnitId};
use linli_rpc_support::RuntimeQuery;
pub use pallet_community_runtime_api::CommunityApi as CommunityRuntimeApi;
use pallet_community_runtime_api::{CommunityView, ResidentView, UnitView};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_runtime::traits::Block as BlockT;

/// The community RPC methods.
#[rpc(client, server)]
pub trait CommunityApi<BlockHash, AccountId, BlockNumber> {
	/// A unit, or `null` if the community has no such unit.
	#[method(name = "community_unit")]
	fn unit(
		&self,
		community: CommunityId,
		unit: UnitId,
		at: Option<BlockHash>,
	) -> RpcResult<Option<UnitView<AccountId>>>;

	/// What `who` is in the community.
	#[method(name = "community_resident")]
	fn resident(
		&self,
		community: CommunityId,
		who: AccountId,
		at: Option<BlockHash>,
	) -> RpcResult<ResidentView>;

	/// A community's facts and voting totals (of `scope`, if given).
	#[method(name = "community_info")]
	fn info(
		&self,
		community: CommunityId,
		scope: Option<ScopeId>,
		at: Option<BlockHash>,
	) -> RpcResult<Option<CommunityView<AccountId, BlockNumber>>>;
}

/// Serves [`CommunityApiServer`] from a client's runtime API.
pub struct Community<C, Block> {
	client: Arc<C>,
	_marker: std::marker::PhantomData<Block>,
}

impl<C, Block> Community<C, Block> {
	/// Serve from `client`.
	pub fn new(client: Arc<C>) -> Self {
		Self { client, _marker: Default::default() }
	}
}

impl<C, Block, AccountId, BlockNumber> CommunityApiServer<Block::Hash, AccountId, BlockNumber>
	for Community<C, Block>
where
	Block: BlockT,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: CommunityRuntimeApi<Block, AccountId, BlockNumber>,
	AccountId: Codec + Send + Sync + 'static,
	BlockNumber: Codec + Send + Sync + 'static,
{
	fn unit(
		&self,
		community: CommunityId,
		unit: UnitId,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<UnitView<AccountId>>> {
		self.client.query(at, |api, at| api.unit(at, community, unit))
	}

	fn resident(
		&self,
		community: CommunityId,
		who: AccountId,
		at: Option<Block::Hash>,
	) -> RpcResult<ResidentView> {
		self.client.query(at, |api, at| api.resident(at, community, who))
	}

	fn info(
		&self,
		community: CommunityId,
		scope: Option<ScopeId>,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<CommunityView<AccountId, BlockNumber>>> {
		self.client.query(at, |api, at| api.community(at, community, scope))
	}
}
