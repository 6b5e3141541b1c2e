//! A test runtime: balances, the identity pallet, the fees pallet and the
//! assembly, wired as the runtime wires them (the fees and identity
//! pallets accept the assembly's decisions).

use crate as pallet_owners_assembly;
use frame_support::{
	derive_impl, parameter_types,
	traits::{AsEnsureOriginWithArg, ConstU128, ConstU32, ConstU64, EitherOf, MapSuccess},
	weights::Weight,
};
use frame_system::EnsureRoot;
use linli_primitives::{
	community::{Area, CommunityId, ResidentRole, UnitStatus},
	fees::RootApproves,
	governance::{
		BudgetMatters, CommonPartsMatters, Discard, EnsureDecision, EnsureDecisionIn,
		EnsureRoleDecision, PropertyCompanyMatters, RaiseMaintenanceMatters, RulesMatters,
		UseMaintenanceMatters,
	},
};
use pallet_community::NewUnit;
use sp_core::H256;

pub type AccountId = u128;

linli_test_support::construct_test_runtime!(Test {
	0 => System: frame_system,
	1 => Balances: pallet_balances,
	2 => Community: pallet_community,
	3 => Fees: pallet_property_fees,
	4 => Assembly: pallet_owners_assembly,
});

linli_test_support::impl_system_and_balances!(Test, ExistentialDeposit = ConstU128<1>);

/// Root, or a decision of the community's owners, as in the runtime.
pub type RootOr<M> = EitherOf<RootApproves<AccountId>, EnsureDecision<AccountId, M>>;

linli_test_support::impl_community_config!(Test {
	AdminOrigin = EitherOf<AsEnsureOriginWithArg<EnsureRoot<AccountId>>, EnsureRoleDecision>,
	VoterChanges = Assembly,
	UnitChanges = Fees,
	MaxUnitsPerCall = 500,
	MaxCommitteeTerm = 10_000,
});

linli_test_support::impl_fees_config!(Test {
	HeldBackShare = (),
	ScheduleOrigin = RootOr<PropertyCompanyMatters>,
	BudgetOrigin = RootOr<BudgetMatters>,
	MaintenanceSpendOrigin = EitherOf<RootApproves<AccountId>, EnsureDecisionIn<AccountId, UseMaintenanceMatters>>,
	MaintenanceRaiseOrigin = RootOr<RaiseMaintenanceMatters>,
	PublicIncomeSpendOrigin = RootOr<CommonPartsMatters>,
});

parameter_types! {
	pub MaxCallWeight: Weight = Weight::from_parts(1_000_000_000_000, 1_000_000);
}

impl pallet_owners_assembly::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type ProposalDepositBase = ConstU128<1_000>;
	type ProposalDepositPerByte = ConstU128<10>;
	type RuntimeCall = RuntimeCall;
	type Community = Community;
	type Committee = Community;
	type RulesOrigin = EitherOf<
		AsEnsureOriginWithArg<EnsureRoot<AccountId>>,
		MapSuccess<EnsureDecision<AccountId, RulesMatters>, Discard>,
	>;
	type MaxCallSize = ConstU32<1024>;
	type MaxCallWeight = MaxCallWeight;
	type MinVotingPeriod = ConstU64<5>;
	type MaxVotingPeriod = ConstU64<1_000>;
	type SponsorshipPeriod = ConstU64<50>;
	type MaxCandidates = ConstU32<16>;
	type MaxOpenProposals = ConstU32<8>;
	type DefaultMaxOwnersPerProxy = ConstU32<2>;
	type MaxOwnersPerProxy = ConstU32<4>;
	type MaxUnitsPerVoter = <Test as pallet_community::Config>::MaxUnitsPerAccount;
	type MaxObjections = ConstU32<2>;
	type MaxNoticePeriod = ConstU64<100>;
	type MaxPublicationPeriod = ConstU64<100>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Community;
}

// The cast: the registrar, the developer, the property manager, and owners
// 1..=N (owner n owns unit n unless a test says otherwise).
pub const REGISTRAR: AccountId = 1_000;
pub const DEVELOPER: AccountId = 1_001;
pub const MANAGER: AccountId = 1_002;
pub const TENANT: AccountId = 1_003;
pub const OUTSIDER: AccountId = 1_005;

pub const C: CommunityId = 0;

pub use linli_test_support::{unit_id as unit, Now};

/// Community `C`: unit `i + 1` owned by `owners[i].0` with area
/// `owners[i].1` (odd units in scope 1, even in scope 2), then the
/// developer's unsold units; a committee of owners 1, 2 and 3.
pub fn estate(owners: &[(AccountId, Area)], developer_held: &[Area]) {
	let root = RuntimeOrigin::root;
	Community::create_community(root(), b"Harmony Garden".to_vec(), REGISTRAR, Some(DEVELOPER))
		.unwrap();
	Community::set_property_managers(root(), C, vec![MANAGER]).unwrap();
	let n = owners.len() as u32;
	let units = owners
		.iter()
		.enumerate()
		.map(|(i, (_, area))| (i as u32 + 1, *area, UnitStatus::Delivered))
		.chain(
			developer_held
				.iter()
				.enumerate()
				.map(|(i, a)| (n + 1 + i as u32, *a, UnitStatus::DeveloperHeld)),
		)
		.map(|(i, area, status)| NewUnit { id: unit(i), scope: 2 - i % 2, area, status })
		.collect();
	Community::register_units(RuntimeOrigin::signed(REGISTRAR), C, units).unwrap();
	for (i, (who, _)) in owners.iter().enumerate() {
		owner(*who, i as u32 + 1);
	}
	Community::set_committee(root(), C, vec![1, 2, 3], 5_000).unwrap();
	System::reset_events();
	// Votes open in a later block than the owners were registered in.
	System::set_block_number(2);
}

/// `n` owners (accounts 1..=n) of one 100.00 m² unit each.
pub fn equal_estate(n: u32) {
	let owners: alloc::vec::Vec<_> = (1..=n).map(|i| (i as AccountId, 100_00)).collect();
	estate(&owners, &[]);
}

/// Verifies `who` as the owner of unit `n`.
pub fn owner(who: AccountId, n: u32) {
	Community::verify_resident(
		RuntimeOrigin::signed(REGISTRAR),
		C,
		unit(n),
		who,
		ResidentRole::Owner,
		H256::repeat_byte(n as u8),
	)
	.unwrap();
}

/// A tenant of unit 1.
pub fn tenant() {
	Community::verify_resident(
		RuntimeOrigin::signed(REGISTRAR),
		C,
		unit(1),
		TENANT,
		ResidentRole::Tenant,
		H256::zero(),
	)
	.unwrap();
}

/// Externalities with endowed accounts and nothing else; `try_state` of all
/// three Linli pallets runs after the test.
pub fn new_test_ext() -> TestExternalities {
	let accounts = (1..=40).chain([DEVELOPER, MANAGER, TENANT, OUTSIDER]);
	let mut ext = TestExternalities::new(
		linli_test_support::endowed::<Test>(accounts, 1_000_000_000),
		|| {
			Assembly::do_try_state()?;
			Fees::do_try_state()?;
			Community::do_try_state()
		},
	);
	ext.0.execute_with(|| System::set_block_number(1));
	ext
}

pub use linli_test_support::CheckedExternalities as TestExternalities;
