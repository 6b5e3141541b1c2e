//! A test runtime: a council of four (`pallet-collective`), the scheduler
//! and this pallet, wired as the runtime wires them.

use crate as pallet_chain_governance;
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU128, ConstU32, ConstU64, EqualPrivilegeOnly},
	weights::Weight,
};
use frame_system::EnsureRoot;
use sp_runtime::BuildStorage;

pub type AccountId = u128;

linli_test_support::construct_test_runtime!(Test {
	0 => System: frame_system,
	1 => Balances: pallet_balances,
	2 => Council: pallet_collective<Instance1>,
	3 => Scheduler: pallet_scheduler,
	4 => ChainGovernance: pallet_chain_governance,
});

linli_test_support::impl_system_and_balances!(Test, ExistentialDeposit = ConstU128<1>);

/// The council's instance.
pub type CouncilInstance = pallet_collective::Instance1;

parameter_types! {
	pub MaxWeight: Weight = Weight::from_parts(2_000_000_000_000, u64::MAX);
	pub static MaxCallWeight: Weight = Weight::from_parts(100_000_000_000, 1_000_000);
}

impl pallet_collective::Config<CouncilInstance> for Test {
	type RuntimeOrigin = RuntimeOrigin;
	type Proposal = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type MotionDuration = ConstU64<10>;
	type MaxProposals = ConstU32<16>;
	type MaxMembers = ConstU32<8>;
	type DefaultVote = pallet_collective::PrimeDefaultVote;
	type WeightInfo = ();
	type SetMembersOrigin = EnsureRoot<AccountId>;
	type MaxProposalWeight = MaxWeight;
	type DisapproveOrigin = EnsureRoot<AccountId>;
	type KillOrigin = EnsureRoot<AccountId>;
	type Consideration = ();
}

impl pallet_scheduler::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeOrigin = RuntimeOrigin;
	type PalletsOrigin = OriginCaller;
	type RuntimeCall = RuntimeCall;
	type MaximumWeight = MaxWeight;
	type ScheduleOrigin = EnsureRoot<AccountId>;
	type OriginPrivilegeCmp = EqualPrivilegeOnly;
	type MaxScheduledPerBlock = ConstU32<16>;
	type WeightInfo = ();
	type Preimages = ();
	type BlockNumberProvider = System;
}

impl pallet_chain_governance::Config for Test {
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = OriginCaller;
	type Scheduler = Scheduler;
	type Preimages = ();
	type CallFilter = NotGovernanceMachinery;
	type ApproveOrigin = pallet_collective::EnsureProportionAtLeast<AccountId, CouncilInstance, 3, 4>;
	type CancelOrigin = pallet_collective::EnsureProportionMoreThan<AccountId, CouncilInstance, 1, 2>;
	type Approvals = pallet_chain_governance::CollectiveApprovals<Test, CouncilInstance>;
	type MinEnactmentDelay = ConstU64<2>;
	type MaxEnactmentDelay = ConstU64<1_000>;
	type MaxCallSize = ConstU32<256>;
	type MaxCallWeight = MaxCallWeight;
	type MaxPending = ConstU32<3>;
	type MaxCouncil = ConstU32<8>;
	type WeightInfo = ();
}

/// Every call but the scheduler's and the enacting calls of this pallet.
pub struct NotGovernanceMachinery;
impl frame_support::traits::Contains<RuntimeCall> for NotGovernanceMachinery {
	fn contains(call: &RuntimeCall) -> bool {
		!matches!(
			call,
			RuntimeCall::Scheduler(_) |
				RuntimeCall::ChainGovernance(
					pallet_chain_governance::Call::enact { .. } |
						pallet_chain_governance::Call::enact_as_root { .. }
				)
		)
	}
}

/// The four stakeholders on the council: 街道办, 居委会, 业委会, 物业.
pub const STREET_OFFICE: AccountId = 1;
pub const RESIDENTS_COMMITTEE: AccountId = 2;
pub const OWNERS_COMMITTEE: AccountId = 3;
pub const PROPERTY_COMPANY: AccountId = 4;
pub const COUNCIL: [AccountId; 4] = [STREET_OFFICE, RESIDENTS_COMMITTEE, OWNERS_COMMITTEE, PROPERTY_COMPANY];
/// Not on the council.
pub const OUTSIDER: AccountId = 9;
/// The enactment delay of the tests' chain.
pub const DELAY: u64 = 5;

/// A council of four and a delay of five blocks, at block 1; the pallet's
/// `try_state` runs after the test.
pub fn new_test_ext() -> TestExternalities {
	let mut storage = linli_test_support::endowed::<Test>(COUNCIL.into_iter().chain([OUTSIDER]), 1_000_000);
	pallet_collective::GenesisConfig::<Test, CouncilInstance> { members: COUNCIL.to_vec(), ..Default::default() }
		.assimilate_storage(&mut storage)
		.unwrap();
	pallet_chain_governance::GenesisConfig::<Test> { enactment_delay: DELAY }
		.assimilate_storage(&mut storage)
		.unwrap();
	let mut ext = TestExternalities::new(storage, ChainGovernance::do_try_state);
	ext.0.execute_with(|| System::set_block_number(1));
	ext
}

pub use linli_test_support::CheckedExternalities as TestExternalities;

/// Runs blocks up to `n`, with the scheduler's `on_initialize`.
pub fn run_to(n: u64) {
	use frame_support::traits::OnInitialize;
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Scheduler::on_initialize(next);
	}
}
