//! JSON-RPC methods of the owners' assembly:
//!
//! - `assembly_proposal(index, at?)`: a proposal's full record — matter,
//!   text hash, call, scope, snapshot totals, tallies, candidates, stage and
//!   outcome.
//! - `assembly_proposals(community, from, limit, at?)`: a community's
//!   proposals from an index on.
//! - `assembly_ballot(index, account, at?)`: an owner's ballot.
//! - `assembly_turnout(index, at?)`: who may vote and who took part so far,
//!   by channel (online, proxy, paper).
//! - `assembly_ballotRecord(index, account, at?)`: an owner's part in a
//!   vote: the counted ballot, who cast it through which channel, any paper.
//! - `assembly_ballotRecords(index, startAfter?, limit, at?)`: the published
//!   list of ballots with their records, a page at a time.
//! - `assembly_votedUnits(index, startAfter?, limit, at?)`: the units that
//!   took part, by unit id.
//! - `assembly_objections(index, at?)`: objections to a published result.
//! - `assembly_proxy(community, account, at?)`: an owner's proxy.
//! - `assembly_procedure(community, at?)`: a community's rules of procedure.
//!
//! The methods of the runtime API's version 2 and 3 fail on a node whose
//! runtime is older (the runtime's error is returned).

use std::sync::Arc;

use codec::Codec;
use jsonrpsee::{core::RpcResult, proc_macros::rpc};
use linli_primitives::community::{CommunityId, UnitId};
use linli_rpc_support::RuntimeQuery;
pub use pallet_owners_assembly_runtime_api::OwnersAssemblyApi as OwnersAssemblyRuntimeApi;
use pallet_owners_assembly_runtime_api::{
	Ballot, BallotRecord, Procedure, ProposalIndex, ProposalView, ProxyAppointment, Turnout,
};
use sp_core::H256;
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

	/// Who may vote and who took part so far, by channel, or `null`.
	#[method(name = "assembly_turnout")]
	fn turnout(&self, index: ProposalIndex, at: Option<BlockHash>) -> RpcResult<Option<Turnout>>;

	/// An owner's part in a vote, or `null`.
	#[method(name = "assembly_ballotRecord")]
	fn ballot_record(
		&self,
		index: ProposalIndex,
		owner: AccountId,
		at: Option<BlockHash>,
	) -> RpcResult<Option<BallotRecord<AccountId>>>;

	/// Up to `limit` (at most 100) counted ballots with their records,
	/// after `start_after`.
	#[method(name = "assembly_ballotRecords")]
	fn ballot_records(
		&self,
		index: ProposalIndex,
		start_after: Option<AccountId>,
		limit: u32,
		at: Option<BlockHash>,
	) -> RpcResult<Vec<BallotRecord<AccountId>>>;

	/// Up to `limit` (at most 100) units that took part, after `start_after`.
	#[method(name = "assembly_votedUnits")]
	fn voted_units(
		&self,
		index: ProposalIndex,
		start_after: Option<UnitId>,
		limit: u32,
		at: Option<BlockHash>,
	) -> RpcResult<Vec<UnitId>>;

	/// The objections to a published result: who, and the evidence's hash.
	#[method(name = "assembly_objections")]
	fn objections(&self, index: ProposalIndex, at: Option<BlockHash>) -> RpcResult<Vec<(AccountId, H256)>>;

	/// An owner's proxy appointment in a community, or `null`.
	#[method(name = "assembly_proxy")]
	fn proxy(
		&self,
		community: CommunityId,
		owner: AccountId,
		at: Option<BlockHash>,
	) -> RpcResult<Option<ProxyAppointment<AccountId, BlockNumber>>>;

	/// A community's rules of procedure.
	#[method(name = "assembly_procedure")]
	fn procedure(&self, community: CommunityId, at: Option<BlockHash>) -> RpcResult<Procedure<BlockNumber>>;
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

	fn turnout(&self, index: ProposalIndex, at: Option<Block::Hash>) -> RpcResult<Option<Turnout>> {
		self.client.query(at, |api, at| api.turnout(at, index))
	}

	fn ballot_record(
		&self,
		index: ProposalIndex,
		owner: AccountId,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<BallotRecord<AccountId>>> {
		self.client.query(at, |api, at| api.ballot_record(at, index, owner))
	}

	fn ballot_records(
		&self,
		index: ProposalIndex,
		start_after: Option<AccountId>,
		limit: u32,
		at: Option<Block::Hash>,
	) -> RpcResult<Vec<BallotRecord<AccountId>>> {
		self.client.query(at, |api, at| api.ballot_records(at, index, start_after, limit.min(MAX_PAGE)))
	}

	fn voted_units(
		&self,
		index: ProposalIndex,
		start_after: Option<UnitId>,
		limit: u32,
		at: Option<Block::Hash>,
	) -> RpcResult<Vec<UnitId>> {
		self.client.query(at, |api, at| api.voted_units(at, index, start_after, limit.min(MAX_PAGE)))
	}

	fn objections(&self, index: ProposalIndex, at: Option<Block::Hash>) -> RpcResult<Vec<(AccountId, H256)>> {
		self.client.query(at, |api, at| api.objections(at, index))
	}

	fn proxy(
		&self,
		community: CommunityId,
		owner: AccountId,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<ProxyAppointment<AccountId, BlockNumber>>> {
		self.client.query(at, |api, at| api.proxy(at, community, owner))
	}

	fn procedure(&self, community: CommunityId, at: Option<Block::Hash>) -> RpcResult<Procedure<BlockNumber>> {
		self.client.query(at, |api, at| api.procedure(at, community))
	}
}
