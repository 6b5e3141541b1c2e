//! The node's JSON-RPC methods beyond Substrate's defaults (chain, state,
//! author, system are always served).
//!
//! **Adding a pallet's RPC**: give the pallet an `rpc` crate (see
//! `pallets/<name>/rpc`), add it to `node/Cargo.toml`, and merge its module
//! in [`create_full`] below, next to the transaction-payment one.

use std::sync::Arc;

use jsonrpsee::RpcModule;
use linli_runtime::{opaque::Block, AccountId, Balance, BlockNumber, Nonce};
use sc_transaction_pool_api::TransactionPool;
use sp_api::ProvideRuntimeApi;
use sp_block_builder::BlockBuilder;
use sp_blockchain::{Error as BlockChainError, HeaderBackend, HeaderMetadata};

/// What the RPC methods need from the node.
pub struct FullDeps<C, P> {
	/// The client, to call runtime APIs and read state.
	pub client: Arc<C>,
	/// The transaction pool.
	pub pool: Arc<P>,
}

/// Builds every RPC module the node serves on top of Substrate's defaults.
pub fn create_full<C, P>(
	deps: FullDeps<C, P>,
) -> Result<RpcModule<()>, Box<dyn std::error::Error + Send + Sync>>
where
	C: ProvideRuntimeApi<Block>,
	C: HeaderBackend<Block> + HeaderMetadata<Block, Error = BlockChainError> + 'static,
	C: Send + Sync + 'static,
	C::Api: substrate_frame_rpc_system::AccountNonceApi<Block, AccountId, Nonce>,
	C::Api: pallet_transaction_payment_rpc::TransactionPaymentRuntimeApi<Block, Balance>,
	C::Api: BlockBuilder<Block>,
	C::Api: pallet_community_rpc::CommunityRuntimeApi<Block, AccountId, BlockNumber>,
	C::Api: pallet_property_fees_rpc::PropertyFeesRuntimeApi<Block, AccountId, Balance, BlockNumber>,
	C::Api: pallet_owners_assembly_rpc::OwnersAssemblyRuntimeApi<Block, AccountId, BlockNumber>,
	C::Api: pallet_service_ratings_rpc::ServiceRatingsRuntimeApi<Block, AccountId, Balance>,
	C::Api: pallet_chain_governance_rpc::ChainGovernanceRuntimeApi<Block, AccountId, BlockNumber>,
	P: TransactionPool + 'static,
{
	use pallet_chain_governance_rpc::{ChainGovernance, ChainGovernanceApiServer};
	use pallet_community_rpc::{Community, CommunityApiServer};
	use pallet_owners_assembly_rpc::{OwnersAssembly, OwnersAssemblyApiServer};
	use pallet_property_fees_rpc::{PropertyFees, PropertyFeesApiServer};
	use pallet_service_ratings_rpc::{ServiceRatings, ServiceRatingsApiServer};
	use pallet_transaction_payment_rpc::{TransactionPayment, TransactionPaymentApiServer};
	use substrate_frame_rpc_system::{System, SystemApiServer};

	let mut module = RpcModule::new(());
	let FullDeps { client, pool } = deps;

	// `system_accountNextIndex`, `system_dryRun`.
	module.merge(System::new(client.clone(), pool).into_rpc())?;
	// `payment_queryInfo`, `payment_queryFeeDetails`.
	module.merge(TransactionPayment::new(client.clone()).into_rpc())?;

	// Linli pallets' RPC modules are merged here.
	// `community_unit`, `community_resident`, `community_info`.
	module.merge(Community::new(client.clone()).into_rpc())?;
	// `fees_unitDues`, `fees_arrears`, `fees_funds`, `fees_statement`,
	// `fees_ledger`.
	module.merge(PropertyFees::new(client.clone()).into_rpc())?;
	// `assembly_proposal`, `assembly_proposals`, `assembly_ballot`,
	// `assembly_turnout`, `assembly_ballotRecord`, `assembly_ballotRecords`,
	// `assembly_votedUnits`, `assembly_objections`, `assembly_proxy`,
	// `assembly_procedure`.
	module.merge(OwnersAssembly::new(client.clone()).into_rpc())?;
	// `ratings_terms`, `ratings_scores`, `ratings_history`.
	module.merge(ServiceRatings::new(client.clone()).into_rpc())?;
	// `chainGovernance_pendingRootCalls`, `chainGovernance_enactmentDelay`.
	module.merge(ChainGovernance::new(client).into_rpc())?;

	Ok(module)
}
