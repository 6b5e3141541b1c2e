//! JSON-RPC methods of the service-ratings pallet:
//!
//! - `ratings_terms(community, at?)`: the community's rating terms.
//! - `ratings_scores(community, period, at?)`: a period's scores per
//!   category and overall, households rated, and its settlement.
//! - `ratings_history(community, from, limit, at?)`: periods' scores.

use std::sync::Arc;

use codec::Codec;
use jsonrpsee::{core::RpcResult, proc_macros::rpc};
use linli_primitives::community::CommunityId;
use linli_rpc_support::RuntimeQuery;
pub use pallet_service_ratings_runtime_api::ServiceRatingsApi as ServiceRatingsRuntimeApi;
use pallet_service_ratings_runtime_api::{PeriodScores, RatingPeriod, RatingTerms};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_runtime::traits::Block as BlockT;

pub use pallet_service_ratings_runtime_api::MAX_PAGE;

/// The service-ratings RPC methods.
#[rpc(client, server)]
pub trait ServiceRatingsApi<BlockHash, AccountId, Balance> {
	/// The community's rating terms, or `null`.
	#[method(name = "ratings_terms")]
	fn terms(
		&self,
		community: CommunityId,
		at: Option<BlockHash>,
	) -> RpcResult<Option<RatingTerms<AccountId>>>;

	/// A period's scores, or `null` (no rating terms).
	#[method(name = "ratings_scores")]
	fn scores(
		&self,
		community: CommunityId,
		period: RatingPeriod,
		at: Option<BlockHash>,
	) -> RpcResult<Option<PeriodScores<Balance>>>;

	/// Up to `limit` (at most 100) periods' scores from `from` on.
	#[method(name = "ratings_history")]
	fn history(
		&self,
		community: CommunityId,
		from: RatingPeriod,
		limit: u32,
		at: Option<BlockHash>,
	) -> RpcResult<Vec<PeriodScores<Balance>>>;
}

/// Serves [`ServiceRatingsApiServer`] from a client's runtime API.
pub struct ServiceRatings<C, Block> {
	client: Arc<C>,
	_marker: std::marker::PhantomData<Block>,
}

impl<C, Block> ServiceRatings<C, Block> {
	/// Serve from `client`.
	pub fn new(client: Arc<C>) -> Self {
		Self { client, _marker: Default::default() }
	}
}

impl<C, Block, AccountId, Balance> ServiceRatingsApiServer<Block::Hash, AccountId, Balance>
	for ServiceRatings<C, Block>
where
	Block: BlockT,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: ServiceRatingsRuntimeApi<Block, AccountId, Balance>,
	AccountId: Codec + Send + Sync + 'static,
	Balance: Codec + Send + Sync + 'static,
{
	fn terms(
		&self,
		community: CommunityId,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<RatingTerms<AccountId>>> {
		self.client.query(at, |api, at| api.terms(at, community))
	}

	fn scores(
		&self,
		community: CommunityId,
		period: RatingPeriod,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<PeriodScores<Balance>>> {
		self.client.query(at, |api, at| api.scores(at, community, period))
	}

	fn history(
		&self,
		community: CommunityId,
		from: RatingPeriod,
		limit: u32,
		at: Option<Block::Hash>,
	) -> RpcResult<Vec<PeriodScores<Balance>>> {
		self.client.query(at, |api, at| api.history(at, community, from, limit.min(MAX_PAGE)))
	}
}
