//! The pallets whose weights `linli-node benchmark pallet` measures.

frame_benchmarking::define_benchmarks!(
	[frame_benchmarking, BaselineBench::<Runtime>]
	[frame_system, SystemBench::<Runtime>]
	// The transaction extensions every extrinsic pays for (#17: price what is done).
	[frame_system_extensions, SystemExtensionsBench::<Runtime>]
	[pallet_transaction_payment, TransactionPayment]
	[pallet_balances, Balances]
	[pallet_timestamp, Timestamp]
	[pallet_utility, Utility]
	[pallet_multisig, Multisig]
	[pallet_sudo, Sudo]
	[pallet_community, Community]
	[pallet_property_fees, PropertyFees]
	[pallet_owners_assembly, OwnersAssembly]
	[pallet_service_ratings, ServiceRatings]
	[pallet_calendar, Calendar]
	[pallet_chain_governance, ChainGovernance]
	[pallet_validator_set, ValidatorSet]
	[pallet_collective, Council]
	[pallet_membership, CouncilMembership]
	[pallet_scheduler, Scheduler]
);
