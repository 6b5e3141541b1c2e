//! The world the fuzzer drives: the development preset's chain (the demo
//! community, Alice's sudo key, the council) plus a second community, blocks
//! made as a node makes them, and the checks that must hold after every call
//! and every block.

use crate::generate::{Context, Generator, Rng};
use codec::Encode;
use frame_support::{
	dispatch::GetDispatchInfo,
	traits::{TryState, TryStateSelect},
};
use linli_primitives::{
	calendar::MonthClock,
	community::{ResidentRole, UnitStatus},
	governance::{Decision, Matter},
	ratings::RatingTerms,
};
use linli_runtime::{
	genesis_config_presets::{demo_owner, demo_unit, preset_storage},
	AccountId, AllPalletsWithSystem, Executive, Header, Runtime, RuntimeCall, RuntimeOrigin,
	SLOT_DURATION, UNIT,
};
use pallet_property_fees::ContractModel;
use sp_consensus_aura::{Slot, AURA_ENGINE_ID};
use sp_core::H256;
use sp_keyring::Sr25519Keyring;
use sp_runtime::{
	traits::{Dispatchable, Header as _},
	Digest, DigestItem, StateVersion,
};
use sp_runtime::{Perbill, Permill};

/// Who a call comes from.
#[derive(Clone, PartialEq, Debug)]
pub enum Origin {
	Root,
	/// No signer (only inherents may).
	Unsigned,
	Signed(AccountId),
	/// A passed owners' decision: of any community, matter and scope.
	Decision(Decision),
	/// A motion of the stakeholders' council: `ayes` of `of` members.
	Council {
		ayes: u32,
		of: u32,
	},
	/// One council member.
	CouncilMember(AccountId),
}

impl Origin {
	fn runtime(&self) -> RuntimeOrigin {
		type Council = pallet_collective::RawOrigin<AccountId, pallet_collective::Instance1>;
		match self {
			Origin::Root => RuntimeOrigin::root(),
			Origin::Unsigned => RuntimeOrigin::none(),
			Origin::Signed(who) => RuntimeOrigin::signed(who.clone()),
			Origin::Decision(decision) => RuntimeOrigin::from(*decision),
			Origin::Council { ayes, of } => RuntimeOrigin::from(Council::Members(*ayes, *of)),
			Origin::CouncilMember(who) => RuntimeOrigin::from(Council::Member(who.clone())),
		}
	}
}

/// One step of a case.
#[derive(Clone, Debug)]
pub enum Action {
	/// A call, dispatched as a transaction's call is (the base call filter
	/// applies), without a transaction's fee.
	Call(Origin, RuntimeCall),
	/// The block ends and the next begins: every pallet's hooks run
	/// (sessions rotate, the scheduler enacts the council's root calls).
	NextBlock,
}

/// Why a case failed.
pub type Failure = String;

/// The second community's units.
fn second_community_unit(i: u8) -> H256 {
	H256::repeat_byte(0xC0 | i)
}

/// Everyone a call may come from, and every account a call may name.
pub fn actors() -> Vec<AccountId> {
	let mut actors: Vec<AccountId> =
		Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect();
	actors.extend([(1, 4), (2, 5), (3, 2), (3, 11)].map(|(b, r)| demo_owner(b, r)));
	// Strangers: never endowed, never registered.
	actors.push(AccountId::new([0x57; 32]));
	actors.push(AccountId::new([0u8; 32]));
	actors
}

/// Every unit a call may name: the demo community's 36 and the second
/// community's 4.
pub fn units() -> Vec<H256> {
	let mut units: Vec<H256> =
		(1..=3).flat_map(|b| (1..=12).map(move |r| demo_unit(b, r))).collect();
	units.extend((0..4).map(second_community_unit));
	units
}

/// The development preset's genesis, at block 1, with a second community
/// (four units in two buildings, owned by Bob, Charlie, Dave and Ferdie, Eve
/// its registrar) so that decisions and roles of another community exist.
pub fn genesis() -> sp_io::TestExternalities {
	// The state lives in the overlay, not in a trie backend: reads and
	// iteration are map lookups instead of trie walks (a debug build hashes
	// slowly), which makes checking every invariant after every call
	// affordable.
	let genesis = preset_storage("development").expect("the development preset");
	let mut ext = sp_io::TestExternalities::new(Default::default());
	ext.execute_with(|| {
		for (key, value) in &genesis.top {
			sp_io::storage::set(key, value);
		}
		next_block();
		let eve = Sr25519Keyring::Eve.to_account_id();
		let setup = |origin: RuntimeOrigin, call: pallet_community::Call<Runtime>| {
			RuntimeCall::Community(call).dispatch(origin).expect("the second community is set up");
		};
		setup(
			RuntimeOrigin::root(),
			pallet_community::Call::create_community {
				name: b"fuzz second".to_vec(),
				registrar: eve.clone(),
				developer: None,
			},
		);
		let units = (0..4u8)
			.map(|i| pallet_community::NewUnit {
				id: second_community_unit(i),
				scope: 1 + u32::from(i % 2),
				area: 100_00 + u64::from(i) * 10_00,
				status: UnitStatus::Delivered,
			})
			.collect();
		setup(
			RuntimeOrigin::signed(eve.clone()),
			pallet_community::Call::register_units { community: 1, units },
		);
		for (i, owner) in [
			Sr25519Keyring::Bob,
			Sr25519Keyring::Charlie,
			Sr25519Keyring::Dave,
			Sr25519Keyring::Ferdie,
		]
		.into_iter()
		.enumerate()
		{
			setup(
				RuntimeOrigin::signed(eve.clone()),
				pallet_community::Call::verify_resident {
					community: 1,
					unit: second_community_unit(i as u8),
					who: owner.to_account_id(),
					role: ResidentRole::Owner,
					identity: H256::repeat_byte(i as u8),
				},
			);
		}
		// Both communities are billed from this month; the demo community
		// (酬金制) rates its service quarterly and raises its maintenance
		// fund, so that payments, ratings and deposits have something to
		// act on.
		let month = pallet_calendar::Pallet::<Runtime>::current_month();
		let root = |call: RuntimeCall| {
			call.dispatch(RuntimeOrigin::root()).expect("the world is set up");
		};
		for (community, model) in [
			(0, ContractModel::Remuneration { share: Permill::from_percent(10) }),
			(1, ContractModel::LumpSum),
		] {
			root(RuntimeCall::PropertyFees(pallet_property_fees::Call::set_fee_schedule {
				community,
				price_per_m2: 3 * UNIT,
				model,
				effective_from: month,
			}));
		}
		root(RuntimeCall::ServiceRatings(pallet_service_ratings::Call::set_rating_terms {
			community: 0,
			terms: RatingTerms {
				first_period: month,
				months_per_period: 3,
				held_back: Permill::from_percent(10),
				threshold: Perbill::from_percent(60),
				quorum: Perbill::from_percent(20),
				company: Sr25519Keyring::Ferdie.to_account_id(),
			},
		}));
		root(RuntimeCall::PropertyFees(pallet_property_fees::Call::open_maintenance_round {
			community: 0,
			price_per_m2: 50 * UNIT,
		}));
		// Two matters open for voting, put by committee member Alice: a new
		// fee schedule for the whole community (a passed decision sets it),
		// and a repair of building 1 from its maintenance fund (decided by
		// building 1's owners alone).
		let alice = RuntimeOrigin::signed(Sr25519Keyring::Alice.to_account_id());
		let proposals: [(Matter, Option<u32>, RuntimeCall); 2] = [
			(
				Matter::PropertyCompany,
				None,
				RuntimeCall::PropertyFees(pallet_property_fees::Call::set_fee_schedule {
					community: 0,
					price_per_m2: 4 * UNIT,
					model: ContractModel::LumpSum,
					effective_from: month + 1,
				}),
			),
			(
				Matter::UseMaintenanceFund,
				Some(1),
				RuntimeCall::PropertyFees(pallet_property_fees::Call::spend_maintenance {
					community: 0,
					scope: Some(1),
					amount: 1_000 * UNIT,
					payee: Sr25519Keyring::Ferdie.to_account_id(),
					document: H256::repeat_byte(0xD0),
				}),
			),
		];
		for (matter, scope, call) in proposals {
			RuntimeCall::OwnersAssembly(pallet_owners_assembly::Call::propose {
				community: 0,
				matter,
				call: Box::new(call),
				text: H256::repeat_byte(0x7E),
				scope,
				voting_period: 30,
			})
			.dispatch(alice.clone())
			.expect("a committee member opens voting");
		}
		check_state().expect("the world starts sound");
	});
	ext
}

/// The slot of block `n`: blocks one slot apart, from a fixed start (so the
/// calendar's clock starts in a fixed month).
fn slot_of(n: u32) -> u64 {
	// 2026-12-01T00:00:00Z.
	const START_MILLIS: u64 = 1_796_083_200_000;
	START_MILLIS / SLOT_DURATION + u64::from(n)
}

/// Ends the current block (if any) and begins the next, as a node does:
/// Aura's slot in the header, the timestamp inherent first.
pub fn next_block() {
	let number = frame_system::Pallet::<Runtime>::block_number();
	let parent = if number == 0 {
		frame_system::Pallet::<Runtime>::block_hash(0)
	} else {
		Executive::finalize_block().hash()
	};
	let next = number + 1;
	let slot = Slot::from(slot_of(next));
	let digest = Digest { logs: vec![DigestItem::PreRuntime(AURA_ENGINE_ID, slot.encode())] };
	Executive::initialize_block(&Header::new(
		next,
		Default::default(),
		Default::default(),
		parent,
		digest,
	));
	RuntimeCall::Timestamp(pallet_timestamp::Call::set { now: *slot * SLOT_DURATION })
		.dispatch(RuntimeOrigin::none())
		.expect("the timestamp inherent applies");
	// As a node's block builder does after the inherents.
	Executive::inherents_applied();
}

/// Every pallet's `try_state` invariants (money, counters, indices).
pub fn check_state() -> Result<(), Failure> {
	let now = frame_system::Pallet::<Runtime>::block_number();
	<AllPalletsWithSystem as TryState<_>>::try_state(now, TryStateSelect::All)
		.map_err(|e| format!("try_state: {e:?}"))
}

/// Money is neither made nor destroyed: calls here pay no fee, so total
/// issuance changes only by the dust of reaped accounts (`DustLost`; the
/// runtime burns it), and it is exactly what the accounts hold.
pub fn check_money(issuance: u128) -> Result<(), Failure> {
	let total = pallet_balances::TotalIssuance::<Runtime>::get();
	if total != issuance {
		return Err(format!(
			"total issuance {total} ≠ {issuance} expected (the start less dust lost)"
		));
	}
	let held: u128 = frame_system::Account::<Runtime>::iter_values()
		.map(|a| a.data.free + a.data.reserved)
		.sum();
	if held != total {
		return Err(format!("accounts hold {held} ≠ total issuance {total}"));
	}
	Ok(())
}

/// What a call did.
pub enum Outcome {
	Ok,
	Failed(&'static str),
}

/// Applies one action and checks what must hold after it. A panic is left
/// to the caller, which catches it.
pub fn apply(action: &Action, issuance: &mut u128) -> Result<Outcome, Failure> {
	match action {
		Action::NextBlock => {
			// The dust the ending block's calls burnt.
			for record in frame_system::Pallet::<Runtime>::events() {
				if let linli_runtime::RuntimeEvent::Balances(pallet_balances::Event::DustLost {
					amount,
					..
				}) = record.event
				{
					*issuance -= amount;
				}
			}
			next_block();
			check_money(*issuance)?;
			check_state()?;
			Ok(Outcome::Ok)
		}
		Action::Call(origin, call) => {
			let before = sp_io::storage::root(StateVersion::V1);
			// Weighing a call must not panic either (a node weighs every
			// transaction it is sent).
			let _ = call.get_dispatch_info();
			let result = call.clone().dispatch(origin.runtime());
			let outcome = match result {
				Ok(_) => Outcome::Ok,
				Err(e) => {
					// A failed call changes nothing.
					if sp_io::storage::root(StateVersion::V1) != before {
						return Err(format!("a failed call ({:?}) changed state", e.error));
					}
					Outcome::Failed(match e.error {
						sp_runtime::DispatchError::Module(m) => m.message.unwrap_or("module error"),
						sp_runtime::DispatchError::BadOrigin => "BadOrigin",
						other => <&'static str>::from(other),
					})
				}
			};
			check_state()?;
			Ok(outcome)
		}
	}
}

/// The values calls are drawn from, as the chain is now; a resident to
/// focus on, more often than not.
pub fn context(actors: &[AccountId], units: &[H256], rng: &mut Rng) -> Context {
	let focus = if rng.chance(60) {
		let residents: Vec<_> = pallet_community::Residencies::<Runtime>::iter_keys().collect();
		(!residents.is_empty()).then(|| rng.pick(&residents).clone())
	} else {
		None
	};
	Context {
		focus,
		actors: actors.to_vec(),
		units: units.to_vec(),
		month: pallet_calendar::Pallet::<Runtime>::current_month(),
		block: frame_system::Pallet::<Runtime>::block_number(),
		next_proposal: pallet_owners_assembly::NextProposal::<Runtime>::get(),
	}
}

/// A call as the metadata names it: its pallet and function.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct CallName {
	pub pallet: &'static str,
	pub function: &'static str,
}

impl CallName {
	pub fn of(call: &RuntimeCall) -> Self {
		use frame_support::traits::GetCallMetadata;
		let metadata = call.get_call_metadata();
		Self { pallet: metadata.pallet_name, function: metadata.function_name }
	}
}

impl core::fmt::Display for CallName {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		write!(f, "{}.{}", self.pallet, self.function)
	}
}

/// Origins other than a signer that a call succeeded with, by call: a call
/// is sent from one of them two times in three, so that the run learns who
/// may make what and reaches past the origin check.
pub type Learned = std::collections::BTreeMap<CallName, Vec<Origin>>;

/// Remembers that `call` succeeded from `origin` (a signer is not kept: a
/// signer's right depends on the call's arguments).
pub fn learn(learned: &mut Learned, name: CallName, origin: &Origin) {
	if matches!(origin, Origin::Signed(_)) {
		return;
	}
	let origins = learned.entry(name).or_default();
	if origins.len() < 8 && !origins.contains(origin) {
		origins.push(origin.clone());
	}
}

/// The next action of a case: mostly a call, now and then a new block or
/// a month gone by.
pub fn next_action(
	generator: &Generator,
	rng: &mut Rng,
	ctx: &Context,
	learned: &Learned,
) -> (Action, u32) {
	match rng.below(100) {
		0..=9 => (Action::NextBlock, 0),
		10..=11 => (
			Action::Call(
				Origin::Root,
				RuntimeCall::Calendar(pallet_calendar::Call::advance { months: 1 }),
			),
			0,
		),
		_ => {
			let (call, undecodable) = generator.call(rng, ctx);
			let origin = match learned.get(&CallName::of(&call)) {
				Some(origins) if rng.chance(65) => rng.pick(origins).clone(),
				_ => origin(rng, ctx),
			};
			(Action::Call(origin, call), undecodable)
		}
	}
}

fn origin(rng: &mut Rng, ctx: &Context) -> Origin {
	use Sr25519Keyring::*;
	match rng.below(100) {
		0..=54 => match &ctx.focus {
			Some((_, who, _)) if rng.chance(60) => Origin::Signed(who.clone()),
			// The demo community's registrar, property manager, committee
			// and developer, or anyone.
			_ if rng.chance(50) => {
				Origin::Signed(rng.pick(&[Eve, Ferdie, Alice, Bob, Charlie, One]).to_account_id())
			}
			_ => Origin::Signed(rng.pick(&ctx.actors).clone()),
		},
		55..=69 => Origin::Root,
		70..=87 => Origin::Decision(Decision {
			community: rng.weighted(&[(6, 0), (3, 1), (1, 7)]),
			matter: *rng.pick(&[
				Matter::RulesOfProcedure,
				Matter::ManagementCovenant,
				Matter::Committee,
				Matter::PropertyCompany,
				Matter::UseMaintenanceFund,
				Matter::RaiseMaintenanceFund,
				Matter::Rebuilding,
				Matter::CommonParts,
				Matter::OtherMajor,
				Matter::Ordinary,
			]),
			proposal: rng.below(u64::from(ctx.next_proposal) + 2) as u32,
			scope: rng.weighted(&[(3, None), (2, Some(1)), (1, Some(2)), (1, Some(9))]),
		}),
		88..=95 => Origin::Council { ayes: rng.weighted(&[(1, 1), (1, 2), (2, 3), (2, 4)]), of: 4 },
		96..=97 => Origin::CouncilMember(rng.pick(&ctx.actors).clone()),
		_ => Origin::Unsigned,
	}
}
