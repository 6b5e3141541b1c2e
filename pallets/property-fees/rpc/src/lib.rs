//! JSON-RPC methods of the property-fees pallet:
//!
//! - `fees_unitDues(community, unit, at?)`: what a unit owes now (arrears,
//!   current period, late fee, credit, who answers for it).
//! - `fees_arrears(community, startAfter?, limit, at?)`: a page of the
//!   community's units in arrears and their total.
//! - `fees_funds(community, at?)`: each fund's account and balance.
//! - `fees_statement(community, period, at?)`: a period's opening and
//!   closing balance and income/expense by category, per fund.
//! - `fees_ledger(community, from, limit, at?)`: ledger entries.
//! - `fees_maintenanceAccount(community, unit, at?)`: a unit's
//!   maintenance-fund account (分户账): deposits, its share of spends,
//!   balance.

use std::sync::Arc;

use codec::Codec;
use jsonrpsee::{core::RpcResult, proc_macros::rpc};
use linli_primitives::{
	calendar::Month,
	community::{CommunityId, UnitId},
};
use linli_rpc_support::RuntimeQuery;
pub use pallet_property_fees_runtime_api::PropertyFeesApi as PropertyFeesRuntimeApi;
use pallet_property_fees_runtime_api::{
	ArrearsPage, FundView, LedgerEntry, MaintenanceView, Statement, UnitDues,
};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_runtime::traits::Block as BlockT;

pub use pallet_property_fees_runtime_api::MAX_PAGE;

/// The property-fees RPC methods.
#[rpc(client, server)]
pub trait PropertyFeesApi<BlockHash, AccountId, Balance, BlockNumber> {
	/// What a unit owes now, or `null` (unknown unit, or no fee schedule).
	#[method(name = "fees_unitDues")]
	fn unit_dues(
		&self,
		community: CommunityId,
		unit: UnitId,
		at: Option<BlockHash>,
	) -> RpcResult<Option<UnitDues<AccountId, Balance>>>;

	/// A page (at most 1,000) of the community's units in arrears.
	#[method(name = "fees_arrears")]
	fn arrears(
		&self,
		community: CommunityId,
		start_after: Option<UnitId>,
		limit: u32,
		at: Option<BlockHash>,
	) -> RpcResult<ArrearsPage<Balance>>;

	/// Each fund's account and balance.
	#[method(name = "fees_funds")]
	fn funds(
		&self,
		community: CommunityId,
		at: Option<BlockHash>,
	) -> RpcResult<Vec<FundView<AccountId, Balance>>>;

	/// The community's statement for `period` (months since 1970-01).
	#[method(name = "fees_statement")]
	fn statement(
		&self,
		community: CommunityId,
		period: Month,
		at: Option<BlockHash>,
	) -> RpcResult<Statement<AccountId, Balance>>;

	/// Up to `limit` (at most 1,000) ledger entries from index `from`.
	#[method(name = "fees_ledger")]
	fn ledger(
		&self,
		community: CommunityId,
		from: u64,
		limit: u32,
		at: Option<BlockHash>,
	) -> RpcResult<Vec<(u64, LedgerEntry<AccountId, Balance, BlockNumber>)>>;

	/// A unit's maintenance-fund account, or `null` before its first
	/// deposit.
	#[method(name = "fees_maintenanceAccount")]
	fn maintenance_account(
		&self,
		community: CommunityId,
		unit: UnitId,
		at: Option<BlockHash>,
	) -> RpcResult<Option<MaintenanceView<Balance>>>;
}

/// Serves [`PropertyFeesApiServer`] from a client's runtime API.
pub struct PropertyFees<C, Block> {
	client: Arc<C>,
	_marker: std::marker::PhantomData<Block>,
}

impl<C, Block> PropertyFees<C, Block> {
	/// Serve from `client`.
	pub fn new(client: Arc<C>) -> Self {
		Self { client, _marker: Default::default() }
	}
}

impl<C, Block, AccountId, Balance, BlockNumber>
	PropertyFeesApiServer<Block::Hash, AccountId, Balance, BlockNumber> for PropertyFees<C, Block>
where
	Block: BlockT,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: PropertyFeesRuntimeApi<Block, AccountId, Balance, BlockNumber>,
	AccountId: Codec + Send + Sync + 'static,
	Balance: Codec + Send + Sync + 'static,
	BlockNumber: Codec + Send + Sync + 'static,
{
	fn unit_dues(
		&self,
		community: CommunityId,
		unit: UnitId,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<UnitDues<AccountId, Balance>>> {
		self.client.query(at, |api, at| api.unit_dues(at, community, unit))
	}

	fn maintenance_account(
		&self,
		community: CommunityId,
		unit: UnitId,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<MaintenanceView<Balance>>> {
		self.client.query(at, |api, at| api.maintenance_account(at, community, unit))
	}

	fn arrears(
		&self,
		community: CommunityId,
		start_after: Option<UnitId>,
		limit: u32,
		at: Option<Block::Hash>,
	) -> RpcResult<ArrearsPage<Balance>> {
		self.client
			.query(at, |api, at| api.arrears(at, community, start_after, limit.min(MAX_PAGE)))
	}

	fn funds(
		&self,
		community: CommunityId,
		at: Option<Block::Hash>,
	) -> RpcResult<Vec<FundView<AccountId, Balance>>> {
		self.client.query(at, |api, at| api.funds(at, community))
	}

	fn statement(
		&self,
		community: CommunityId,
		period: Month,
		at: Option<Block::Hash>,
	) -> RpcResult<Statement<AccountId, Balance>> {
		self.client.query(at, |api, at| api.statement(at, community, period))
	}

	fn ledger(
		&self,
		community: CommunityId,
		from: u64,
		limit: u32,
		at: Option<Block::Hash>,
	) -> RpcResult<Vec<(u64, LedgerEntry<AccountId, Balance, BlockNumber>)>> {
		self.client.query(at, |api, at| api.ledger(at, community, from, limit.min(MAX_PAGE)))
	}
}
