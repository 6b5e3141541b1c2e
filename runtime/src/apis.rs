//! The runtime APIs: what the node, wallets and RPC clients can ask the
//! runtime. Pallet runtime APIs (e.g. a community's totals) are added here.

use alloc::vec::Vec;
use frame_support::{
	genesis_builder_helper::{build_state, get_preset},
	weights::Weight,
};
use pallet_grandpa::AuthorityId as GrandpaId;
use sp_api::impl_runtime_apis;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_core::{crypto::KeyTypeId, OpaqueMetadata};
use sp_runtime::{
	traits::{Block as BlockT, NumberFor},
	transaction_validity::{TransactionSource, TransactionValidity},
	ApplyExtrinsicResult,
};
use sp_version::RuntimeVersion;

use linli_primitives::community::{CommunityId, ScopeId, UnitId};

use super::{
	AccountId, Aura, Balance, Block, BlockNumber, Calendar, ChainGovernance, Community, Executive, OwnersAssembly, PropertyFees, ServiceRatings, Grandpa, InherentDataExt, Nonce, Runtime,
	RuntimeCall, RuntimeGenesisConfig, SessionKeys, System, TransactionPayment, VERSION,
};

impl_runtime_apis! {
	impl sp_api::Core<Block> for Runtime {
		fn version() -> RuntimeVersion {
			VERSION
		}

		fn execute_block(block: <Block as BlockT>::LazyBlock) {
			Executive::execute_block(block);
		}

		fn initialize_block(header: &<Block as BlockT>::Header) -> sp_runtime::ExtrinsicInclusionMode {
			Executive::initialize_block(header)
		}
	}

	impl sp_api::Metadata<Block> for Runtime {
		fn metadata() -> OpaqueMetadata {
			OpaqueMetadata::new(Runtime::metadata().into())
		}

		fn metadata_at_version(version: u32) -> Option<OpaqueMetadata> {
			Runtime::metadata_at_version(version)
		}

		fn metadata_versions() -> Vec<u32> {
			Runtime::metadata_versions()
		}
	}

	impl frame_support::view_functions::runtime_api::RuntimeViewFunction<Block> for Runtime {
		fn execute_view_function(
			id: frame_support::view_functions::ViewFunctionId,
			input: Vec<u8>,
		) -> Result<Vec<u8>, frame_support::view_functions::ViewFunctionDispatchError> {
			Runtime::execute_view_function(id, input)
		}
	}

	impl sp_block_builder::BlockBuilder<Block> for Runtime {
		fn apply_extrinsic(extrinsic: <Block as BlockT>::Extrinsic) -> ApplyExtrinsicResult {
			Executive::apply_extrinsic(extrinsic)
		}

		fn finalize_block() -> <Block as BlockT>::Header {
			Executive::finalize_block()
		}

		fn inherent_extrinsics(data: sp_inherents::InherentData) -> Vec<<Block as BlockT>::Extrinsic> {
			data.create_extrinsics()
		}

		fn check_inherents(
			block: <Block as BlockT>::LazyBlock,
			data: sp_inherents::InherentData,
		) -> sp_inherents::CheckInherentsResult {
			data.check_extrinsics(&block)
		}
	}

	impl sp_transaction_pool::runtime_api::TaggedTransactionQueue<Block> for Runtime {
		fn validate_transaction(
			source: TransactionSource,
			tx: <Block as BlockT>::Extrinsic,
			block_hash: <Block as BlockT>::Hash,
		) -> TransactionValidity {
			Executive::validate_transaction(source, tx, block_hash)
		}
	}

	impl sp_offchain::OffchainWorkerApi<Block> for Runtime {
		fn offchain_worker(header: &<Block as BlockT>::Header) {
			Executive::offchain_worker(header)
		}
	}

	impl sp_consensus_aura::AuraApi<Block, AuraId> for Runtime {
		fn slot_duration() -> sp_consensus_aura::SlotDuration {
			sp_consensus_aura::SlotDuration::from_millis(Aura::slot_duration())
		}

		fn authorities() -> Vec<AuraId> {
			pallet_aura::Authorities::<Runtime>::get().into_inner()
		}
	}

	impl sp_session::SessionKeys<Block> for Runtime {
		fn generate_session_keys(
			owner: Vec<u8>,
			seed: Option<Vec<u8>>,
		) -> sp_session::OpaqueGeneratedSessionKeys {
			SessionKeys::generate(&owner, seed).into()
		}

		fn decode_session_keys(
			encoded: Vec<u8>,
		) -> Option<Vec<(Vec<u8>, KeyTypeId)>> {
			SessionKeys::decode_into_raw_public_keys(&encoded)
		}
	}

	impl sp_consensus_grandpa::GrandpaApi<Block> for Runtime {
		fn grandpa_authorities() -> sp_consensus_grandpa::AuthorityList {
			Grandpa::grandpa_authorities()
		}

		fn current_set_id() -> sp_consensus_grandpa::SetId {
			Grandpa::current_set_id()
		}

		fn submit_report_equivocation_unsigned_extrinsic(
			_equivocation_proof: sp_consensus_grandpa::EquivocationProof<
				<Block as BlockT>::Hash,
				NumberFor<Block>,
			>,
			_key_owner_proof: sp_consensus_grandpa::OpaqueKeyOwnershipProof,
		) -> Option<()> {
			// No staking, so equivocations are not reported on chain.
			None
		}

		fn generate_key_ownership_proof(
			_set_id: sp_consensus_grandpa::SetId,
			_authority_id: GrandpaId,
		) -> Option<sp_consensus_grandpa::OpaqueKeyOwnershipProof> {
			// The key owner proof type is uninhabited (`Void`): there is no proof to give.
			None
		}
	}

	impl frame_system_rpc_runtime_api::AccountNonceApi<Block, AccountId, Nonce> for Runtime {
		fn account_nonce(account: AccountId) -> Nonce {
			System::account_nonce(account)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentApi<Block, Balance> for Runtime {
		fn query_info(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment_rpc_runtime_api::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_info(uxt, len)
		}
		fn query_fee_details(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_fee_details(uxt, len)
		}
		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}
		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentCallApi<Block, Balance, RuntimeCall>
		for Runtime
	{
		fn query_call_info(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_call_info(call, len)
		}
		fn query_call_fee_details(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_call_fee_details(call, len)
		}
		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}
		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	impl pallet_community_runtime_api::CommunityApi<Block, AccountId, BlockNumber> for Runtime {
		fn unit(
			community: CommunityId,
			unit: UnitId,
		) -> Option<pallet_community_runtime_api::UnitView<AccountId>> {
			Community::unit_view(community, unit)
		}

		fn resident(community: CommunityId, who: AccountId) -> pallet_community_runtime_api::ResidentView {
			Community::resident_view(community, who)
		}

		fn community(
			community: CommunityId,
			scope: Option<ScopeId>,
		) -> Option<pallet_community_runtime_api::CommunityView<AccountId, BlockNumber>> {
			Community::community_view(community, scope)
		}
	}

	#[api_version(3)]
	impl pallet_owners_assembly_runtime_api::OwnersAssemblyApi<Block, AccountId, BlockNumber> for Runtime {
		fn proposal(
			index: pallet_owners_assembly::ProposalIndex,
		) -> Option<pallet_owners_assembly::ProposalView<AccountId, BlockNumber>> {
			OwnersAssembly::proposal_view(index)
		}

		fn proposals(
			community: CommunityId,
			from: pallet_owners_assembly::ProposalIndex,
			limit: u32,
		) -> Vec<pallet_owners_assembly::ProposalView<AccountId, BlockNumber>> {
			OwnersAssembly::proposal_views(community, from, limit)
		}

		fn ballot(
			index: pallet_owners_assembly::ProposalIndex,
			who: AccountId,
		) -> Option<pallet_owners_assembly::Ballot> {
			pallet_owners_assembly::Ballots::<Runtime>::get(index, who)
		}

		fn turnout(index: pallet_owners_assembly::ProposalIndex) -> Option<pallet_owners_assembly::Turnout> {
			OwnersAssembly::turnout(index)
		}

		fn ballot_record(
			index: pallet_owners_assembly::ProposalIndex,
			owner: AccountId,
		) -> Option<pallet_owners_assembly::BallotRecord<AccountId>> {
			OwnersAssembly::ballot_record(index, owner)
		}

		fn ballot_records(
			index: pallet_owners_assembly::ProposalIndex,
			start_after: Option<AccountId>,
			limit: u32,
		) -> Vec<pallet_owners_assembly::BallotRecord<AccountId>> {
			OwnersAssembly::ballot_records(index, start_after, limit)
		}

		fn objections(index: pallet_owners_assembly::ProposalIndex) -> Vec<(AccountId, sp_core::H256)> {
			pallet_owners_assembly::Objections::<Runtime>::get(index).into_inner()
		}

		fn proxy(
			community: CommunityId,
			owner: AccountId,
		) -> Option<pallet_owners_assembly::ProxyAppointment<AccountId, BlockNumber>> {
			pallet_owners_assembly::Proxies::<Runtime>::get(community, owner)
		}

		fn procedure(community: CommunityId) -> pallet_owners_assembly::Procedure<BlockNumber> {
			OwnersAssembly::procedure(community)
		}

		fn voted_units(
			index: pallet_owners_assembly::ProposalIndex,
			start_after: Option<linli_primitives::community::UnitId>,
			limit: u32,
		) -> Vec<linli_primitives::community::UnitId> {
			OwnersAssembly::voted_units(index, start_after, limit)
		}
	}

	impl pallet_chain_governance_runtime_api::ChainGovernanceApi<Block, AccountId, BlockNumber> for Runtime {
		fn pending_root_calls() -> Vec<pallet_chain_governance::PendingRootCall<AccountId, BlockNumber>> {
			ChainGovernance::pending_root_calls()
		}

		fn enactment_delay() -> BlockNumber {
			pallet_chain_governance::EnactmentDelay::<Runtime>::get()
		}
	}

	impl pallet_calendar_runtime_api::CalendarApi<Block> for Runtime {
		fn today() -> pallet_calendar::Today {
			Calendar::today()
		}
	}

	impl pallet_service_ratings_runtime_api::ServiceRatingsApi<Block, AccountId, Balance> for Runtime {
		fn terms(community: CommunityId) -> Option<pallet_service_ratings::RatingTerms<AccountId>> {
			pallet_service_ratings::Terms::<Runtime>::get(community)
		}

		fn current_period(community: CommunityId) -> Option<pallet_service_ratings::RatingPeriod> {
			pallet_service_ratings::Terms::<Runtime>::get(community).and_then(|t| ServiceRatings::period_now(&t))
		}

		fn scores(
			community: CommunityId,
			period: pallet_service_ratings::RatingPeriod,
		) -> Option<pallet_service_ratings::PeriodScores<Balance>> {
			ServiceRatings::scores(community, period)
		}

		fn history(
			community: CommunityId,
			from: pallet_service_ratings::RatingPeriod,
			limit: u32,
		) -> Vec<pallet_service_ratings::PeriodScores<Balance>> {
			ServiceRatings::history(community, from, limit)
		}
	}

	#[api_version(2)]
	impl pallet_property_fees_runtime_api::PropertyFeesApi<Block, AccountId, Balance, BlockNumber> for Runtime {
		fn unit_dues(
			community: CommunityId,
			unit: UnitId,
		) -> Option<pallet_property_fees_runtime_api::UnitDues<AccountId, Balance>> {
			PropertyFees::unit_dues(community, unit)
		}

		fn arrears(
			community: CommunityId,
			start_after: Option<UnitId>,
			limit: u32,
		) -> pallet_property_fees_runtime_api::ArrearsPage<Balance> {
			PropertyFees::arrears_page(community, start_after, limit)
		}

		fn funds(community: CommunityId) -> Vec<pallet_property_fees_runtime_api::FundView<AccountId, Balance>> {
			PropertyFees::fund_views(community)
		}

		fn statement(
			community: CommunityId,
			period: linli_primitives::calendar::Month,
		) -> pallet_property_fees_runtime_api::Statement<AccountId, Balance> {
			PropertyFees::statement(community, period)
		}

		fn ledger(
			community: CommunityId,
			from: u64,
			limit: u32,
		) -> Vec<(u64, pallet_property_fees::LedgerEntry<AccountId, Balance, BlockNumber>)> {
			PropertyFees::ledger_page(community, from, limit)
		}

		fn maintenance_account(
			community: CommunityId,
			unit: UnitId,
		) -> Option<pallet_property_fees_runtime_api::MaintenanceView<Balance>> {
			PropertyFees::maintenance_view(community, unit)
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	impl frame_benchmarking::Benchmark<Block> for Runtime {
		fn benchmark_metadata(extra: bool) -> (
			Vec<frame_benchmarking::BenchmarkList>,
			Vec<frame_support::traits::StorageInfo>,
		) {
			use frame_benchmarking::{baseline, BenchmarkList};
			use frame_support::traits::StorageInfoTrait;
			use frame_system_benchmarking::Pallet as SystemBench;
			use frame_system_benchmarking::extensions::Pallet as SystemExtensionsBench;
			use baseline::Pallet as BaselineBench;
			use super::*;

			let mut list = Vec::<BenchmarkList>::new();
			list_benchmarks!(list, extra);

			let storage_info = AllPalletsWithSystem::storage_info();

			(list, storage_info)
		}

		fn dispatch_benchmark(
			config: frame_benchmarking::BenchmarkConfig
		) -> Result<Vec<frame_benchmarking::BenchmarkBatch>, alloc::string::String> {
			use frame_benchmarking::{baseline, BenchmarkBatch};
			use sp_storage::TrackedStorageKey;
			use frame_system_benchmarking::Pallet as SystemBench;
			use frame_system_benchmarking::extensions::Pallet as SystemExtensionsBench;
			use baseline::Pallet as BaselineBench;
			use super::*;

			impl frame_system_benchmarking::Config for Runtime {}
			impl baseline::Config for Runtime {}
			impl pallet_transaction_payment::BenchmarkConfig for Runtime {}

			use frame_support::traits::WhitelistedStorageKeys;
			let whitelist: Vec<TrackedStorageKey> = AllPalletsWithSystem::whitelisted_storage_keys();

			let mut batches = Vec::<BenchmarkBatch>::new();
			let params = (&config, &whitelist);
			add_benchmarks!(params, batches);

			Ok(batches)
		}
	}

	#[cfg(feature = "try-runtime")]
	impl frame_try_runtime::TryRuntime<Block> for Runtime {
		fn on_runtime_upgrade(checks: frame_try_runtime::UpgradeCheckSelect) -> (Weight, Weight) {
			// A failing migration check must stop here, with its backtrace.
			let weight = Executive::try_runtime_upgrade(checks).unwrap();
			(weight, super::configs::RuntimeBlockWeights::get().max_block)
		}

		fn execute_block(
			block: <Block as BlockT>::LazyBlock,
			state_root_check: bool,
			signature_check: bool,
			select: frame_try_runtime::TryStateSelect
		) -> Weight {
			Executive::try_execute_block(block, state_root_check, signature_check, select)
				.expect("execute-block failed")
		}
	}

	impl sp_genesis_builder::GenesisBuilder<Block> for Runtime {
		fn build_state(config: Vec<u8>) -> sp_genesis_builder::Result {
			build_state::<RuntimeGenesisConfig>(config)
		}

		fn get_preset(id: &Option<sp_genesis_builder::PresetId>) -> Option<Vec<u8>> {
			get_preset::<RuntimeGenesisConfig>(id, crate::genesis_config_presets::get_preset)
		}

		fn preset_names() -> Vec<sp_genesis_builder::PresetId> {
			crate::genesis_config_presets::preset_names()
		}
	}
}
