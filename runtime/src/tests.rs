//! Runtime-level tests: genesis presets and metadata.

use crate::{
	genesis_config_presets::{
		local_stakeholders, preset_names, ENDOWMENT, PRODUCTION_MIN_VALIDATORS, PRODUCTION_SESSION_LENGTH,
	},
	Runtime,
};
use codec::Decode;
use frame_metadata::{v15::RuntimeMetadataV15, RuntimeMetadata, RuntimeMetadataPrefixed};
use frame_support::traits::Get;
use scale_info::TypeDef;
use sp_genesis_builder::PresetId;
use sp_keyring::Sr25519Keyring;

/// Runs `f` in the genesis state of preset `name`.
fn with_preset_state<R>(name: &str, f: impl FnOnce() -> R) -> R {
	preset_externalities(name).execute_with(f)
}

/// The externalities of preset `name`'s genesis, as a node builds it
/// ([`crate::genesis_config_presets::preset_storage`]), with a keystore for
/// session keys.
fn preset_externalities(name: &str) -> sp_io::TestExternalities {
	let storage = crate::genesis_config_presets::preset_storage(name)
		.unwrap_or_else(|e| panic!("preset {name} builds a genesis state: {e}"));
	let mut ext = sp_io::TestExternalities::new(storage);
	// Session keys are generated (and their ownership proved) in a keystore.
	ext.register_extension(sp_keystore::KeystoreExt::new(sp_keystore::testing::MemoryKeystore::new()));
	ext
}

#[test]
fn runtime_offers_exactly_the_documented_presets() {
	let names: Vec<String> =
		preset_names().into_iter().map(|p| String::from_utf8(p.into()).unwrap()).collect();
	assert_eq!(names, vec!["development".to_string(), "local_testnet".to_string()]);
	assert!(crate::genesis_config_presets::get_preset(&PresetId::from("staging")).is_none());
}

#[test]
fn every_preset_builds_a_valid_genesis() {
	for preset in preset_names() {
		let name = String::from_utf8(preset.into()).unwrap();
		with_preset_state(&name, || {
			let aura = pallet_aura::Authorities::<Runtime>::get();
			let grandpa = pallet_grandpa::Pallet::<Runtime>::grandpa_authorities();
			assert!(!aura.is_empty(), "{name}: no block author");
			assert_eq!(aura.len(), grandpa.len(), "{name}: every validator has both keys");
			let endowed = Sr25519Keyring::well_known().count() as u128;
			assert_eq!(
				pallet_balances::TotalIssuance::<Runtime>::get(),
				endowed * ENDOWMENT,
				"{name}: issuance is the sum of the endowments"
			);
			for key in Sr25519Keyring::well_known() {
				assert_eq!(
					pallet_balances::Pallet::<Runtime>::free_balance(key.to_account_id()),
					ENDOWMENT
				);
			}
		});
	}
}

#[test]
fn development_has_one_validator_and_a_sudo_key() {
	with_preset_state("development", || {
		assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), 1);
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), Some(Sr25519Keyring::Alice.to_account_id()));
	});
}

#[test]
fn local_testnet_has_the_four_stakeholders_and_no_superuser() {
	with_preset_state("local_testnet", || {
		let aura = pallet_aura::Authorities::<Runtime>::get();
		let stakeholders = local_stakeholders();
		assert_eq!(stakeholders.len(), 4);
		assert_eq!(
			aura.into_inner(),
			stakeholders.iter().map(|s| s.validator.aura.clone()).collect::<Vec<_>>()
		);
		let grandpa: Vec<_> = pallet_grandpa::Pallet::<Runtime>::grandpa_authorities()
			.into_iter()
			.map(|(id, weight)| {
				assert_eq!(weight, 1, "stakeholders have equal finality votes");
				id
			})
			.collect();
		assert_eq!(
			grandpa,
			stakeholders.iter().map(|s| s.validator.grandpa.clone()).collect::<Vec<_>>()
		);
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), None, "no superuser outside development");
		// The set the council manages, session's validators and the minimum.
		let accounts: Vec<AccountId> = stakeholders.iter().map(|s| s.validator.account.clone()).collect();
		assert_eq!(pallet_validator_set::Validators::<Runtime>::get().into_inner(), accounts);
		assert_eq!(pallet_session::Validators::<Runtime>::get(), accounts);
		assert_eq!(pallet_validator_set::MinValidators::<Runtime>::get(), PRODUCTION_MIN_VALIDATORS);
		assert_eq!(pallet_validator_set::SessionLength::<Runtime>::get(), PRODUCTION_SESSION_LENGTH);
	});
}

fn metadata_v15() -> RuntimeMetadataV15 {
	let bytes = Runtime::metadata_at_version(15).expect("v15 metadata is served");
	let prefixed = RuntimeMetadataPrefixed::decode(&mut &bytes[..]).expect("metadata decodes");
	match prefixed.1 {
		RuntimeMetadata::V15(m) => m,
		_ => panic!("asked for v15"),
	}
}

#[test]
fn metadata_carries_the_doc_comments_of_every_call() {
	let metadata = metadata_v15();
	let mut checked = 0;
	for pallet in &metadata.pallets {
		let Some(calls) = &pallet.calls else { continue };
		let ty = metadata.types.resolve(calls.ty.id).expect("call type is in the registry");
		let TypeDef::Variant(variants) = &ty.type_def else { panic!("calls are an enum") };
		for call in &variants.variants {
			assert!(
				call.docs.iter().any(|line| !line.trim().is_empty()),
				"{}::{} has no documentation",
				pallet.name,
				call.name
			);
			checked += 1;
		}
	}
	assert!(checked > 20, "only {checked} calls found");
	let balances = metadata.pallets.iter().find(|p| p.name == "Balances").unwrap();
	let ty = metadata.types.resolve(balances.calls.as_ref().unwrap().ty.id).unwrap();
	let TypeDef::Variant(variants) = &ty.type_def else { unreachable!() };
	let transfer = variants.variants.iter().find(|v| v.name == "transfer_keep_alive").unwrap();
	assert!(transfer.docs.join(" ").contains("Same as the"), "{:?}", transfer.docs);
}

#[test]
fn signed_transactions_carry_the_metadata_hash_extension() {
	let metadata = metadata_v15();
	let names: Vec<_> =
		metadata.extrinsic.signed_extensions.iter().map(|e| e.identifier.as_str()).collect();
	assert!(names.contains(&"CheckMetadataHash"), "{names:?}");
	assert!(names.contains(&"ChargeTransactionPayment"), "{names:?}");
	assert!(names.contains(&"CheckNonce"), "{names:?}");
}

#[test]
fn runtime_identifies_itself_as_linli() {
	assert_eq!(crate::VERSION.spec_name, "linli");
	assert_eq!(
		<Runtime as frame_system::Config>::SS58Prefix::get(),
		42,
		"wallets show generic Substrate addresses"
	);
}

#[test]
fn both_presets_start_with_the_demo_community_counted_by_the_rules() {
	use linli_primitives::community::{CommunityInspect, VoteWeight};
	for preset in ["development", "local_testnet"] {
		with_preset_state(preset, || {
			type Community = pallet_community::Pallet<Runtime>;
			Community::do_try_state().expect("community invariants hold at genesis");
			assert_eq!(Community::unit_count(0), 36);
			// 33 units count: all but the three delivered units without a
			// verified owner. Owners: 25 single-unit owners, three committee
			// members, one person with two units, and the developer for its
			// three units — 30 people.
			let areas = [89_50u64, 120_25, 143_00, 76_80];
			let counted: u64 = (1..=3u32)
				.flat_map(|b| (1..=12u32).map(move |r| (b, r)))
				.filter(|&(b, r)| !(b == 2 && r > 9))
				.map(|(_, r)| areas[(r % 4) as usize])
				.sum();
			assert_eq!(Community::vote_totals(0, None), VoteWeight { area: counted, headcount: 30 });
			let view = Community::community_view(0, None).unwrap();
			assert_eq!(view.committee.len(), 3);
			assert_eq!(view.property_managers.len(), 1);
		});
	}
}

#[test]
fn a_full_batch_of_units_fits_in_one_block() {
	use frame_support::dispatch::GetDispatchInfo;
	let max_units = <Runtime as pallet_community::Config>::MaxUnitsPerCall::get();
	let units: Vec<_> = (0..max_units)
		.map(|i| pallet_community::NewUnit {
			id: sp_core::H256::from_low_u64_be(i as u64),
			scope: 1,
			area: 100_00,
			status: linli_primitives::community::UnitStatus::Delivered,
		})
		.collect();
	let call = crate::RuntimeCall::Community(pallet_community::Call::register_units { community: 0, units });
	let weight = call.get_dispatch_info().call_weight;
	let limits = crate::configs::RuntimeBlockWeights::get();
	let max = limits.get(frame_support::dispatch::DispatchClass::Normal).max_extrinsic.unwrap();
	assert!(weight.all_lte(max), "{weight:?} > {max:?}");
	// So a 5,000-unit community registers in 5,000 / MaxUnitsPerCall blocks at most.
	assert!(5_000u32.div_ceil(max_units) <= 10);
}

#[test]
fn every_fund_of_every_community_has_its_own_keyless_account() {
	use linli_primitives::fees::FundKind;
	type Fees = pallet_property_fees::Pallet<Runtime>;
	let mut seen = std::collections::BTreeSet::new();
	for community in [0, 1, 2, 255, 256, 65_536, u32::MAX] {
		for fund in FundKind::ALL {
			assert!(seen.insert(Fees::fund_account(community, fund)), "{community} {fund:?} collides");
		}
	}
	let keys: Vec<AccountId> = Sr25519Keyring::iter().map(|k| k.to_account_id()).collect();
	assert!(seen.iter().all(|a| !keys.contains(a)));
}

type AccountId = crate::AccountId;

/// The runtime bills by calendar month of the block's timestamp: a fee
/// schedule set by root (the owners' assembly later) bills Dave's two units
/// of the dev chain's demo community; he pays, the company spends, the
/// ledger equals the fund's holding.
#[test]
fn the_demo_community_is_billed_by_calendar_month_and_its_books_balance() {
	use crate::{
		genesis_config_presets::demo_unit, Calendar, PropertyFees, RuntimeCall,
		RuntimeOrigin, UNIT,
	};
	use frame_support::{assert_noop, assert_ok};
	use linli_primitives::calendar::{month_of, month_start_unix_millis, MonthClock};
	use linli_primitives::fees::{Category, FundKind};
	use pallet_property_fees::{Call as FeesCall, ContractModel};
	use sp_runtime::traits::Dispatchable;

	with_preset_state("development", || {
		let at = |year, month, day: u64| {
			pallet_timestamp::Now::<Runtime>::put(
				month_start_unix_millis(month_of(year, month)) + (day - 1) * 86_400_000,
			)
		};
		frame_system::Pallet::<Runtime>::set_block_number(1);
		at(2026, 11, 23);
		let november = month_of(2026, 11);
		assert_eq!(Calendar::current_month(), november);

		let dave = Sr25519Keyring::Dave.to_account_id();
		let ferdie = Sr25519Keyring::Ferdie.to_account_id();
		// 0.75 元/m²·month (a grade-2 price), 1 LNL standing for 1 元.
		let price = 75 * UNIT / 100;
		let schedule = FeesCall::set_fee_schedule {
			community: 0,
			price_per_m2: price,
			model: ContractModel::LumpSum,
			effective_from: november,
		};
		assert_noop!(
			RuntimeCall::PropertyFees(schedule.clone()).dispatch(RuntimeOrigin::signed(dave.clone())),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_ok!(RuntimeCall::PropertyFees(schedule).dispatch(RuntimeOrigin::root()));

		// January 2027: Dave's 143.00 m² unit owes November and December,
		// and January is current.
		at(2027, 1, 5);
		let unit = demo_unit(2, 2);
		let month = PropertyFees::price_by_area(price, 143_00).unwrap();
		assert_eq!(month, 10_725 * UNIT / 100);
		let dues = PropertyFees::unit_dues(0, unit).unwrap();
		assert_eq!((dues.responsible, dues.arrears, dues.current), (Some(dave.clone()), 2 * month, month));

		assert_ok!(RuntimeCall::PropertyFees(FeesCall::pay_fees { community: 0, unit, amount: 3 * month })
			.dispatch(RuntimeOrigin::signed(dave.clone())));
		assert_eq!(PropertyFees::unit_dues(0, unit).unwrap().next_due, month_of(2027, 2));
		assert_ok!(RuntimeCall::PropertyFees(FeesCall::record_expense {
			community: 0,
			category: Category::Cleaning,
			amount: 100 * UNIT,
			payee: Sr25519Keyring::Two.to_account_id(),
			document: sp_core::H256::repeat_byte(1),
			budget_line: None,
		})
		.dispatch(RuntimeOrigin::signed(ferdie)));

		let statement = PropertyFees::statement(0, month_of(2027, 1));
		let operating = statement.funds.iter().find(|f| f.fund == FundKind::Operating).unwrap();
		assert_eq!(operating.opening, 0);
		assert_eq!(operating.income, vec![(Category::PropertyFee, 3 * month)]);
		assert_eq!(operating.closing, 3 * month - 100 * UNIT);
		// Everyone else owes; the arrears page sees all 36 units.
		let page = PropertyFees::arrears_page(0, None, 100);
		assert_eq!(page.scanned, 36);
		assert!(!page.units.iter().any(|(u, _)| *u == unit));
		pallet_property_fees::Pallet::<Runtime>::do_try_state().expect("the books balance");
	});
}

/// The owners of the dev chain's demo community vote to raise the fee; the
/// decision enacts itself and the next month's bill is at the new price.
/// A second vote, with only the committee taking part, misses the quorum.
#[test]
fn the_owners_vote_a_fee_rise_and_the_next_bill_reflects_it() {
	use crate::{
		genesis_config_presets::{demo_owner, demo_unit},
		OwnersAssembly, PropertyFees, RuntimeCall, RuntimeOrigin, UNIT,
	};
	use frame_support::assert_ok;
	use linli_primitives::{
		calendar::{month_of, month_start_unix_millis},
		governance::Matter,
	};
	use pallet_owners_assembly::{Choice, Outcome, Stage};
	use pallet_property_fees::ContractModel;
	use sp_keyring::Sr25519Keyring::*;
	use sp_runtime::traits::Dispatchable;

	with_preset_state("development", || {
		let at = |block: u32, year, month, day: u64| {
			frame_system::Pallet::<Runtime>::set_block_number(block);
			pallet_timestamp::Now::<Runtime>::put(
				month_start_unix_millis(month_of(year, month)) + (day - 1) * 86_400_000,
			)
		};
		let dispatch = |origin: RuntimeOrigin, call: RuntimeCall| call.dispatch(origin).map(|_| ()).map_err(|e| e.error);
		let schedule = |price, year, month| {
			RuntimeCall::PropertyFees(pallet_property_fees::Call::set_fee_schedule {
				community: 0,
				price_per_m2: price,
				model: ContractModel::LumpSum,
				effective_from: month_of(year, month),
			})
		};
		at(1, 2026, 11, 2);
		assert_ok!(dispatch(RuntimeOrigin::root(), schedule(75 * UNIT / 100, 2026, 11)));

		// Alice, of the committee, puts a rise to 1.00 from December to the
		// owners, for 10 blocks.
		let propose = |call: RuntimeCall| {
			RuntimeCall::OwnersAssembly(pallet_owners_assembly::Call::propose {
				community: 0,
				matter: Matter::PropertyCompany,
				call: Box::new(call),
				text: sp_core::H256::repeat_byte(9),
				scope: None,
				voting_period: 10,
			})
		};
		assert_ok!(dispatch(RuntimeOrigin::signed(Alice.to_account_id()), propose(schedule(UNIT, 2026, 12))));
		let proposal = OwnersAssembly::proposal_view(0).unwrap().proposal;
		assert_eq!(proposal.snapshot.headcount, 30);

		// Every owner votes aye: the committee, Dave (two units), the
		// developer (its three unsold units) and the 25 other owners.
		at(2, 2026, 11, 3);
		let named = [Alice, Bob, Charlie, Dave, One].map(|k| k.to_account_id());
		let others = (1..=3u32)
			.flat_map(|b| (1..=12u32).map(move |r| (b, r)))
			.filter(|&(b, r)| !(b == 3 && r > 9) && !(b == 2 && r > 9))
			.filter(|br| !matches!(br, (1, 1) | (1, 2) | (2, 1) | (2, 2) | (3, 1)))
			.map(|(b, r)| demo_owner(b, r));
		let vote = |proposal, who: AccountId, choice| {
			dispatch(
				RuntimeOrigin::signed(who),
				RuntimeCall::OwnersAssembly(pallet_owners_assembly::Call::vote { proposal, choice }),
			)
		};
		for who in named.iter().cloned().chain(others) {
			assert_ok!(vote(0, who, Choice::Aye));
		}
		// A tenant cannot vote.
		assert!(vote(0, Two.to_account_id(), Choice::Nay).is_err());
		assert_eq!(OwnersAssembly::proposal_view(0).unwrap().proposal.tally.aye.headcount, 30);

		at(12, 2026, 11, 4);
		let close = |index| {
			dispatch(
				RuntimeOrigin::signed(Ferdie.to_account_id()),
				RuntimeCall::OwnersAssembly(pallet_owners_assembly::Call::close { proposal: index }),
			)
		};
		assert_ok!(close(0));
		let closed = OwnersAssembly::proposal_view(0).unwrap().proposal.stage;
		assert!(matches!(closed, Stage::Closed { outcome: Outcome::Enacted, .. }), "{closed:?}");
		let schedules = pallet_property_fees::Schedules::<Runtime>::get(0);
		assert_eq!(schedules.last().map(|s| s.price_per_m2), Some(UNIT));

		// December's bill: November at 0.75, December at 1.00.
		at(20, 2026, 12, 5);
		let dues = PropertyFees::unit_dues(0, demo_unit(2, 2)).unwrap();
		assert_eq!(dues.arrears, PropertyFees::price_by_area(75 * UNIT / 100, 143_00).unwrap());
		assert_eq!(dues.current, PropertyFees::price_by_area(UNIT, 143_00).unwrap());
		assert_eq!(dues.current, 143 * UNIT);

		// Only the committee votes on the next proposal: no quorum, nothing
		// changes.
		assert_ok!(dispatch(RuntimeOrigin::signed(Alice.to_account_id()), propose(schedule(2 * UNIT, 2027, 1))));
		for who in [Alice, Bob, Charlie] {
			assert_ok!(vote(1, who.to_account_id(), Choice::Aye));
		}
		at(30, 2026, 12, 6);
		assert_ok!(close(1));
		let closed = OwnersAssembly::proposal_view(1).unwrap().proposal.stage;
		assert!(matches!(closed, Stage::Closed { outcome: Outcome::NoQuorum, .. }), "{closed:?}");
		assert_eq!(pallet_property_fees::Schedules::<Runtime>::get(0).len(), 2);
		pallet_owners_assembly::Pallet::<Runtime>::do_try_state().expect("assembly invariants hold");
		pallet_property_fees::Pallet::<Runtime>::do_try_state().expect("fees invariants hold");
		pallet_community::Pallet::<Runtime>::do_try_state().expect("community invariants hold");
	});
}

/// Ratings in the runtime: the held-back share of the fees Dave paid goes,
/// through the escrow fund, to the company when the quarter is rated well
/// enough by enough households.
#[test]
fn a_well_rated_quarter_releases_the_held_back_pay_through_escrow() {
	use crate::{genesis_config_presets::demo_unit, PropertyFees, RuntimeCall, RuntimeOrigin, ServiceRatings, UNIT};
	use frame_support::{assert_ok, traits::fungible::Inspect};
	use linli_primitives::calendar::{month_of, month_start_unix_millis};
	use linli_primitives::fees::FundKind;
	use pallet_service_ratings::RatingTerms;
	use sp_keyring::Sr25519Keyring::*;
	use sp_runtime::{traits::Dispatchable, Perbill, Permill};

	with_preset_state("development", || {
		let at = |month| {
			frame_system::Pallet::<Runtime>::set_block_number(month);
			pallet_timestamp::Now::<Runtime>::put(month_start_unix_millis(month_of(2027, month)));
		};
		let dispatch = |origin: RuntimeOrigin, call: RuntimeCall| call.dispatch(origin).map(|_| ()).map_err(|e| e.error);
		at(1);
		let company = sp_core::sr25519::Public::from_raw([7; 32]);
		let company: AccountId = company.into();
		assert_ok!(dispatch(
			RuntimeOrigin::root(),
			RuntimeCall::PropertyFees(pallet_property_fees::Call::set_fee_schedule {
				community: 0,
				price_per_m2: UNIT,
				model: pallet_property_fees::ContractModel::LumpSum,
				effective_from: month_of(2027, 1),
			})
		));
		let terms = RatingTerms {
			first_period: month_of(2027, 1),
			months_per_period: 3,
			held_back: Permill::from_percent(10),
			threshold: Perbill::from_percent(80),
			// One household of 36 is enough in this demo.
			quorum: Perbill::from_percent(2),
			company: company.clone(),
		};
		assert_ok!(dispatch(
			RuntimeOrigin::root(),
			RuntimeCall::ServiceRatings(pallet_service_ratings::Call::set_rating_terms { community: 0, terms })
		));
		let dave = Dave.to_account_id();
		let unit = demo_unit(2, 2);
		assert_ok!(dispatch(
			RuntimeOrigin::signed(dave.clone()),
			RuntimeCall::PropertyFees(pallet_property_fees::Call::pay_fees { community: 0, unit, amount: 143 * UNIT })
		));
		// Held in escrow as it was paid: the company cannot spend it first.
		let escrow = |funds: &[pallet_property_fees_runtime_api::FundView<AccountId, u128>]| {
			funds.iter().find(|f| f.fund == FundKind::Escrow).unwrap().balance
		};
		assert_eq!(escrow(&PropertyFees::fund_views(0)), 143 * UNIT / 10);
		assert_ok!(dispatch(
			RuntimeOrigin::signed(dave),
			RuntimeCall::ServiceRatings(pallet_service_ratings::Call::rate {
				community: 0,
				unit,
				category: 4,
				stars: 5,
				comment: None,
			})
		));
		at(4);
		assert_ok!(dispatch(
			RuntimeOrigin::signed(Ferdie.to_account_id()),
			RuntimeCall::ServiceRatings(pallet_service_ratings::Call::close_period { community: 0, period: 0 })
		));
		let held = 143 * UNIT / 10;
		assert_eq!(pallet_balances::Pallet::<Runtime>::balance(&company), held);
		let funds = PropertyFees::fund_views(0);
		assert_eq!(escrow(&funds), 0);
		assert_eq!(funds.iter().find(|f| f.fund == FundKind::Operating).unwrap().balance, 143 * UNIT - held);
		let scores = ServiceRatings::scores(0, 0).unwrap();
		assert_eq!(scores.settlement.map(|s| (s.held_back, s.returned)), Some((held, None)));
		pallet_property_fees::Pallet::<Runtime>::do_try_state().expect("fees invariants hold");
		pallet_service_ratings::Pallet::<Runtime>::do_try_state().expect("ratings invariants hold");
	});
}

/// A dev chain's sudo key moves the calendar ahead and the bills follow; a
/// testnet's calendar (no sudo key) follows the clock only.
#[test]
fn only_a_dev_chain_moves_its_calendar_ahead() {
	use crate::{genesis_config_presets::demo_unit, Calendar, PropertyFees, RuntimeCall, RuntimeOrigin, UNIT};
	use frame_support::{assert_noop, assert_ok};
	use linli_primitives::calendar::{MonthClock, month_of, month_start_unix_millis};
	use pallet_property_fees::{Call as FeesCall, ContractModel};
	use sp_runtime::traits::Dispatchable;

	let advance = |months| RuntimeCall::Calendar(pallet_calendar::Call::advance { months });
	with_preset_state("development", || {
		frame_system::Pallet::<Runtime>::set_block_number(1);
		pallet_timestamp::Now::<Runtime>::put(month_start_unix_millis(month_of(2026, 11)) + 86_400_000);
		assert!(Calendar::today().advanceable);
		assert_ok!(RuntimeCall::PropertyFees(FeesCall::set_fee_schedule {
			community: 0,
			price_per_m2: UNIT,
			model: ContractModel::LumpSum,
			effective_from: month_of(2026, 11),
		})
		.dispatch(RuntimeOrigin::root()));
		assert_noop!(
			advance(1).dispatch(RuntimeOrigin::signed(Sr25519Keyring::Alice.to_account_id())),
			sp_runtime::DispatchError::BadOrigin
		);
		// Through sudo, as a client does it.
		assert_ok!(RuntimeCall::Sudo(pallet_sudo::Call::sudo { call: Box::new(advance(3)) })
			.dispatch(RuntimeOrigin::signed(Sr25519Keyring::Alice.to_account_id())));
		assert_eq!(Calendar::current_month(), month_of(2027, 2));
		// Nov, Dec, Jan are owed; February is current.
		let dues = PropertyFees::unit_dues(0, demo_unit(2, 2)).unwrap();
		let month = PropertyFees::price_by_area(UNIT, 143_00).unwrap();
		assert_eq!((dues.arrears, dues.current), (3 * month, month));
		pallet_calendar::Pallet::<Runtime>::do_try_state().expect("calendar invariants hold");
	});
	with_preset_state("local_testnet", || {
		assert!(!Calendar::today().advanceable);
		assert_noop!(advance(1).dispatch(RuntimeOrigin::root()), pallet_calendar::Error::<Runtime>::NotAdvanceable);
	});
}

/// The holes an auditor found, attacked through the runtime: a building's
/// vote acting for the estate, one key emptying the maintenance fund, a
/// rotated key voting twice. Each attack fails with its error.
#[test]
fn a_buildings_vote_one_key_and_a_rotated_key_cannot_take_the_owners_money_or_vote() {
	use crate::{
		genesis_config_presets::{demo_owner, demo_unit},
		OwnersAssembly, PropertyFees, RuntimeCall, RuntimeOrigin, UNIT,
	};
	use frame_support::assert_ok;
	use linli_primitives::{
		fees::{Emergency, FundKind},
		governance::Matter,
	};
	use pallet_owners_assembly::{Choice, Outcome, Stage};
	use sp_keyring::Sr25519Keyring::*;
	use sp_runtime::{traits::Dispatchable, DispatchError};

	with_preset_state("development", || {
		frame_system::Pallet::<Runtime>::set_block_number(1);
		let dispatch = |origin: RuntimeOrigin, call: RuntimeCall| call.dispatch(origin).map(|_| ()).map_err(|e| e.error);
		let signed = |who: AccountId| RuntimeOrigin::signed(who);
		let fees = |call| RuntimeCall::PropertyFees(call);
		let assembly = |call| RuntimeCall::OwnersAssembly(call);
		// The maintenance fund: 100 元/m² from every unit with an owner.
		assert_ok!(dispatch(
			RuntimeOrigin::root(),
			fees(pallet_property_fees::Call::open_maintenance_round { community: 0, price_per_m2: 100 * UNIT })
		));
		for building in 1..=3 {
			for room in 1..=12 {
				assert_ok!(dispatch(
					signed(Ferdie.to_account_id()),
					fees(pallet_property_fees::Call::deposit_maintenance { community: 0, unit: demo_unit(building, room) })
				));
			}
		}
		let fund = || {
			PropertyFees::fund_views(0).into_iter().find(|f| f.fund == FundKind::Maintenance).unwrap().balance
		};
		let full = fund();
		let spend_all = |scope| {
			fees(pallet_property_fees::Call::spend_maintenance {
				community: 0,
				scope,
				amount: full,
				payee: Ferdie.to_account_id(),
				document: sp_core::H256::repeat_byte(1),
			})
		};
		let propose = |matter, call, scope| {
			assembly(pallet_owners_assembly::Call::propose {
				community: 0,
				matter,
				call: Box::new(call),
				text: sp_core::H256::repeat_byte(2),
				scope,
				voting_period: 10,
			})
		};

		// 1. Building 1 may not set everyone's fee…
		let fee = fees(pallet_property_fees::Call::set_fee_schedule {
			community: 0,
			price_per_m2: UNIT,
			model: pallet_property_fees::ContractModel::LumpSum,
			effective_from: PropertyFees::current_month(),
		});
		assert_eq!(
			dispatch(signed(Alice.to_account_id()), propose(Matter::PropertyCompany, fee, Some(1))),
			Err(pallet_owners_assembly::Error::<Runtime>::MatterNotScopable.into())
		);
		// …nor spend the whole fund, though its owners all vote for it.
		assert_ok!(dispatch(signed(Alice.to_account_id()), propose(Matter::UseMaintenanceFund, spend_all(None), Some(1))));
		let building_1 = [Alice.to_account_id(), Bob.to_account_id()]
			.into_iter()
			.chain((3..=12).map(|room| demo_owner(1, room)));
		for who in building_1 {
			assert_ok!(dispatch(signed(who), assembly(pallet_owners_assembly::Call::vote { proposal: 0, choice: Choice::Aye })));
		}
		frame_system::Pallet::<Runtime>::set_block_number(11);
		assert_ok!(dispatch(signed(Eve.to_account_id()), assembly(pallet_owners_assembly::Call::close { proposal: 0 })));
		let stage = OwnersAssembly::proposal_view(0).unwrap().proposal.stage;
		assert!(
			matches!(stage, Stage::Closed { outcome: Outcome::EnactmentFailed(DispatchError::BadOrigin), .. }),
			"{stage:?}"
		);
		assert_eq!(fund(), full);

		// 2. One key cannot pay an emergency: Ferdie (the company)
		// announces, cannot approve, and a committee member must.
		let amount = full / 100;
		assert_ok!(dispatch(
			signed(Ferdie.to_account_id()),
			fees(pallet_property_fees::Call::emergency_repair {
				community: 0,
				emergency: Emergency::UnsafeElevator,
				scope: Some(2),
				amount,
				payee: Ferdie.to_account_id(),
				invoice: sp_core::H256::repeat_byte(3),
			})
		));
		assert_eq!(fund(), full);
		let approve = |who: AccountId| {
			dispatch(signed(who), fees(pallet_property_fees::Call::approve_emergency_repair { community: 0, repair: 0 }))
		};
		assert_eq!(
			approve(Ferdie.to_account_id()),
			Err(pallet_property_fees::Error::<Runtime>::SecondKeyRequired.into())
		);
		assert_ok!(approve(Bob.to_account_id()));
		assert_eq!(fund(), full - amount);

		// 3. A rotated key does not vote twice: Dave votes, the registrar
		// gives him a new key, the new key's vote replaces the old.
		assert_ok!(dispatch(signed(Alice.to_account_id()), propose(Matter::Ordinary, RuntimeCall::System(frame_system::Call::remark { remark: vec![] }), None)));
		let vote = |who: AccountId, choice| {
			dispatch(signed(who), assembly(pallet_owners_assembly::Call::vote { proposal: 1, choice }))
		};
		assert_ok!(vote(Dave.to_account_id(), Choice::Aye));
		let before = OwnersAssembly::proposal_view(1).unwrap().proposal.tally;
		assert_ok!(dispatch(
			signed(Eve.to_account_id()),
			RuntimeCall::Community(pallet_community::Call::rotate_account {
				community: 0,
				old: Dave.to_account_id(),
				new: DaveStash.to_account_id(),
			})
		));
		// Dave accepts with the old key.
		assert_ok!(dispatch(
			signed(Dave.to_account_id()),
			RuntimeCall::Community(pallet_community::Call::answer_rotation { community: 0, accept: true })
		));
		assert_ok!(vote(DaveStash.to_account_id(), Choice::Nay));
		let after = OwnersAssembly::proposal_view(1).unwrap().proposal.tally;
		assert_eq!(after.participation(), before.participation());
		assert_eq!(after.aye.headcount, 0);
		assert!(vote(Dave.to_account_id(), Choice::Aye).is_err());

		pallet_owners_assembly::Pallet::<Runtime>::do_try_state().expect("assembly invariants hold");
		pallet_property_fees::Pallet::<Runtime>::do_try_state().expect("fees invariants hold");
		pallet_community::Pallet::<Runtime>::do_try_state().expect("community invariants hold");
	});
}

#[test]
fn only_a_development_chain_votes_in_minutes() {
	use pallet_owners_assembly::Pallet as Assembly;
	with_preset_state("development", || assert_eq!(Assembly::<Runtime>::min_voting_period(), 10));
	with_preset_state("local_testnet", || {
		assert_eq!(
			Assembly::<Runtime>::min_voting_period(),
			crate::genesis_config_presets::PRODUCTION_MIN_VOTING_PERIOD
		);
		assert_eq!(crate::genesis_config_presets::PRODUCTION_MIN_VOTING_PERIOD, 3 * crate::DAYS);
	});
}

/// The assembly's procedure on a production chain (no sudo key): 15 days'
/// notice, the vote, the count, 7 days' publication with an objection, and
/// only then the decision in effect; proxies and paper ballots each counted
/// exactly once, beside the owners who voted online.
#[test]
fn a_production_vote_is_announced_voted_published_and_only_then_enacted() {
	use crate::{
		genesis_config_presets::{demo_owner, PRODUCTION_MIN_NOTICE_PERIOD, PRODUCTION_PUBLICATION_PERIOD},
		AccountId, RuntimeCall, RuntimeOrigin, DAYS,
	};
	use frame_support::assert_ok;
	use linli_primitives::governance::Matter;
	use pallet_owners_assembly::{
		Channel, ChannelTally, Choice, Error, Outcome, Pallet as Assembly, ProxyCover, Stage,
	};
	use sp_keyring::Sr25519Keyring::*;
	use sp_runtime::traits::Dispatchable;

	assert_eq!((PRODUCTION_MIN_NOTICE_PERIOD, PRODUCTION_PUBLICATION_PERIOD), (15 * DAYS, 7 * DAYS));
	with_preset_state("local_testnet", || {
		let at = |n: crate::BlockNumber| frame_system::Pallet::<Runtime>::set_block_number(n);
		at(1);
		let call = |who: AccountId, call: pallet_owners_assembly::Call<Runtime>| {
			RuntimeCall::OwnersAssembly(call).dispatch(RuntimeOrigin::signed(who)).map(|_| ()).map_err(|e| e.error)
		};
		let scan = |n: u8| sp_core::H256::repeat_byte(n);
		let (alice, eve, dave) = (Alice.to_account_id(), Eve.to_account_id(), Dave.to_account_id());
		let remark = RuntimeCall::System(frame_system::Call::remark { remark: b"parcel lockers".to_vec() });
		assert_ok!(call(
			alice.clone(),
			pallet_owners_assembly::Call::propose {
				community: 0,
				matter: Matter::Ordinary,
				call: Box::new(remark),
				text: scan(1),
				scope: None,
				voting_period: 3 * DAYS,
			}
		));
		let opens = 1 + 15 * DAYS;
		let until = opens + 3 * DAYS;
		let stage = || Assembly::<Runtime>::proposal_view(0).unwrap().proposal.stage;
		assert_eq!(stage(), Stage::Notice { opens });
		let vote = |who: AccountId, choice| call(who, pallet_owners_assembly::Call::vote { proposal: 0, choice });
		assert_eq!(vote(alice.clone(), Choice::Aye), Err(Error::<Runtime>::VotingNotOpenYet.into()));

		// During the notice: two owners of building 1 give Dave their proxy.
		let proxied = [demo_owner(1, 3), demo_owner(1, 4)];
		for who in &proxied {
			assert_ok!(call(
				who.clone(),
				pallet_owners_assembly::Call::appoint_proxy {
					community: 0,
					proxy: dave.clone(),
					cover: ProxyCover::Proposal(0),
					evidence: scan(2),
				}
			));
		}
		// Voting: building 1's and 2's other owners and two committee
		// members online, the proxied by Dave, building 3 on paper.
		at(opens);
		let online: Vec<AccountId> = (5..=12)
			.map(|room| demo_owner(1, room))
			.chain((3..=9).map(|room| demo_owner(2, room)))
			.chain([alice.clone(), eve.clone()])
			.collect();
		for who in &online {
			assert_ok!(vote(who.clone(), Choice::Aye));
		}
		for who in &proxied {
			assert_ok!(call(dave.clone(), pallet_owners_assembly::Call::vote_as_proxy { proposal: 0, owner: who.clone(), choice: Choice::Aye }));
		}
		let on_paper: Vec<AccountId> = (2..=9).map(|room| demo_owner(3, room)).collect();
		for (i, who) in on_paper.iter().enumerate() {
			let evidence = scan(10 + i as u8);
			let paper = pallet_owners_assembly::Call::enter_paper_ballot { proposal: 0, owner: who.clone(), choice: Choice::Nay, evidence };
			assert_ok!(call(alice.clone(), paper));
			let countersign = |by: AccountId| {
				call(by, pallet_owners_assembly::Call::countersign_paper_ballot { proposal: 0, owner: who.clone(), evidence })
			};
			assert_eq!(countersign(alice.clone()), Err(Error::<Runtime>::SameSigner.into()));
			// Another committee member, or the registrar (Charlie).
			assert_ok!(countersign(if i % 2 == 0 { eve.clone() } else { Charlie.to_account_id() }));
		}
		// Units change hands mid-vote (the registrar records the sales): one
		// whose owner voted stays with that ballot; one whose owner had not
		// (the two-unit owner, who keeps the other) passes to its buyer,
		// with its area but not a second person.
		let sell = |room: (u32, u32), buyer: &AccountId| {
			RuntimeCall::Community(pallet_community::Call::transfer_ownership {
				community: 0,
				unit: crate::genesis_config_presets::demo_unit(room.0, room.1),
				new_owner: buyer.clone(),
				identity: scan(40),
			})
			.dispatch(RuntimeOrigin::signed(Charlie.to_account_id()))
			.map(|_| ())
			.map_err(|e| e.error)
		};
		let (late_buyer, early_buyer) = (demo_owner(9, 1), demo_owner(9, 2));
		assert_ok!(sell((1, 5), &late_buyer));
		assert_eq!(vote(late_buyer.clone(), Choice::Nay), Err(Error::<Runtime>::UnitsVotedBySellers.into()));
		assert_ok!(sell((3, 1), &early_buyer));
		assert_ok!(vote(early_buyer.clone(), Choice::Aye));
		let bought = Assembly::<Runtime>::ballot_record(0, early_buyer.clone()).unwrap().ballot.unwrap().weight;
		assert_eq!((bought.area, bought.headcount), (120_25, 0));
		// Counted once each: a paper for an owner who voted online is kept
		// on record only, and the proxy may not vote for anyone else.
		assert_ok!(call(alice.clone(), pallet_owners_assembly::Call::enter_paper_ballot { proposal: 0, owner: eve.clone(), choice: Choice::Nay, evidence: scan(9) }));
		assert_ok!(call(Charlie.to_account_id(), pallet_owners_assembly::Call::countersign_paper_ballot { proposal: 0, owner: eve.clone(), evidence: scan(9) }));
		assert_eq!(
			call(dave.clone(), pallet_owners_assembly::Call::vote_as_proxy { proposal: 0, owner: demo_owner(2, 3), choice: Choice::Nay }),
			Err(Error::<Runtime>::NotAppointedProxy.into())
		);
		let turnout = Assembly::<Runtime>::turnout(0).unwrap();
		let heads = |c: &ChannelTally| (c.online.headcount, c.proxy.headcount, c.paper.headcount);
		assert_eq!(heads(&turnout.channels), (online.len() as u32, 2, 8));
		assert_eq!(turnout.participation.headcount, online.len() as u32 + 2 + 8);
		assert_eq!(turnout.channels.total(), turnout.participation);
		assert_eq!(Assembly::<Runtime>::ballot_record(0, eve.clone()).unwrap().source.unwrap().channel, Channel::Online);
		// The published list: every unit voted, once, by unit id.
		let listed = Assembly::<Runtime>::voted_units(0, None, 100);
		assert_eq!(listed.len(), online.len() + 2 + 8 + 1);
		assert!(listed.contains(&crate::genesis_config_presets::demo_unit(3, 1)));

		// Counted: passed, published for 7 days, objected to, then enacted.
		at(until);
		assert_ok!(call(dave.clone(), pallet_owners_assembly::Call::close { proposal: 0 }));
		let published = until + 7 * DAYS;
		assert!(matches!(stage(), Stage::Publishing { until: u, .. } if u == published));
		assert_ok!(call(eve.clone(), pallet_owners_assembly::Call::object { proposal: 0, evidence: scan(3) }));
		assert_eq!(
			call(dave.clone(), pallet_owners_assembly::Call::enact { proposal: 0 }),
			Err(Error::<Runtime>::PublicationNotOver.into())
		);
		at(published);
		assert_ok!(call(dave, pallet_owners_assembly::Call::enact { proposal: 0 }));
		assert!(matches!(stage(), Stage::Closed { outcome: Outcome::Enacted, .. }));
		Assembly::<Runtime>::do_try_state().expect("assembly invariants hold");
	});
}

/// Spam is priced: filling a block with the cheapest call (one remark as
/// long as a normal transaction may be: its weight is tiny, its length the
/// block's) costs tens of LNL. Before per-byte pricing it cost about a
/// milli-LNL (1 planck a byte, 1 planck a picosecond).
#[test]
fn filling_a_block_with_the_cheapest_call_costs_tens_of_lnl() {
	use crate::{configs::RuntimeBlockLength, RuntimeCall, UNIT};
	use frame_support::dispatch::{DispatchClass, GetDispatchInfo};
	with_preset_state("development", || {
		let max_len = *RuntimeBlockLength::get().max.get(DispatchClass::Normal);
		let remark = vec![0u8; max_len as usize - 200];
		let call = RuntimeCall::System(frame_system::Call::remark { remark });
		let info = call.get_dispatch_info();
		let fee = pallet_transaction_payment::Pallet::<Runtime>::compute_fee(max_len, &info, 0);
		// What the old pricing (identity on weight and length) charged.
		let extrinsic_base =
			<Runtime as frame_system::Config>::BlockWeights::get().get(DispatchClass::Normal).base_extrinsic;
		let old = (info.total_weight() + extrinsic_base).ref_time() as u128 + max_len as u128;
		println!("filling a block with one remark of {max_len} bytes: {fee} planck now, {old} planck before");
		assert!(fee >= 10 * UNIT, "a block of spam costs only {fee} planck");
		assert!(fee > 100 * old, "{fee} is not two orders of magnitude above {old}");
		// An ordinary transfer stays cheap: under 0.01 LNL.
		let transfer = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
			dest: sp_keyring::Sr25519Keyring::Bob.to_account_id().into(),
			value: UNIT,
		});
		let transfer_fee =
			pallet_transaction_payment::Pallet::<Runtime>::compute_fee(150, &transfer.get_dispatch_info(), 0);
		println!("a transfer of 150 bytes: {transfer_fee} planck");
		assert!(transfer_fee < UNIT / 100, "{transfer_fee}");
	});
}

/// The stakeholders' council of the `local_testnet` preset reaches root
/// only by three quarters, only after the two-day delay, and so adds a
/// community and authorizes a runtime upgrade; it alone changes its
/// membership.
mod council {
	use super::*;
	use crate::{
		configs::CouncilInstance, genesis_config_presets::PRODUCTION_ENACTMENT_DELAY, ChainGovernance,
		Council, CouncilMembership, RuntimeCall, RuntimeEvent, RuntimeOrigin, Scheduler, System,
	};
	use codec::Encode;
	use frame_support::{assert_noop, assert_ok, dispatch::GetDispatchInfo, traits::OnInitialize};
	use sp_runtime::{traits::Hash, DispatchError, DispatchResult};

	fn members() -> Vec<AccountId> {
		local_stakeholders().into_iter().map(|s| s.validator.account).collect()
	}

	/// Runs `f` on the `local_testnet` genesis at block 1, with the council's
	/// four members.
	fn with_council(f: impl FnOnce(Vec<AccountId>)) {
		with_preset_state("local_testnet", || {
			System::set_block_number(1);
			f(members())
		})
	}

	/// Puts `motion` to the council, `ayes` vote for it, and it is closed;
	/// returns what its dispatch returned (`None`: it did not pass).
	fn pass_motion(motion: RuntimeCall, ayes: &[AccountId]) -> Option<DispatchResult> {
		let hash = <Runtime as frame_system::Config>::Hashing::hash_of(&motion);
		let length = motion.encoded_size() as u32;
		let weight = motion.get_dispatch_info().call_weight;
		let index = pallet_collective::ProposalCount::<Runtime, CouncilInstance>::get();
		assert_ok!(Council::propose(RuntimeOrigin::signed(ayes[0].clone()), ayes.len() as u32, Box::new(motion), length));
		for who in ayes {
			assert_ok!(Council::vote(RuntimeOrigin::signed(who.clone()), hash, index, true));
		}
		System::reset_events();
		assert_ok!(Council::close(RuntimeOrigin::signed(ayes[0].clone()), hash, index, weight, length));
		System::events().into_iter().find_map(|r| match r.event {
			RuntimeEvent::Council(pallet_collective::Event::Executed { result, .. }) => Some(result),
			_ => None,
		})
	}

	fn as_root(call: RuntimeCall) -> RuntimeCall {
		RuntimeCall::ChainGovernance(pallet_chain_governance::Call::enact_as_root { call: Box::new(call) })
	}

	fn run_to(n: crate::BlockNumber) {
		while System::block_number() < n {
			let next = System::block_number() + 1;
			System::set_block_number(next);
			Scheduler::on_initialize(next);
		}
	}

	#[test]
	fn the_four_stakeholders_sit_on_the_council_and_root_waits_two_days() {
		with_preset_state("local_testnet", || {
			assert_eq!(pallet_collective::Members::<Runtime, CouncilInstance>::get(), {
				let mut m = members();
				m.sort();
				m
			});
			assert_eq!(pallet_chain_governance::EnactmentDelay::<Runtime>::get(), PRODUCTION_ENACTMENT_DELAY);
			assert_eq!(PRODUCTION_ENACTMENT_DELAY, 2 * crate::DAYS);
		});
	}

	#[test]
	fn the_council_adds_a_community_after_the_delay_and_a_minority_cannot() {
		with_council(|m| {
			let create = RuntimeCall::Community(pallet_community::Call::create_community {
				name: b"Second Garden".to_vec(),
				registrar: m[2].clone(),
				developer: None,
			});
			let next = pallet_community::NextCommunityId::<Runtime>::get();
			// Two of four is no supermajority.
			assert_eq!(pass_motion(as_root(create.clone()), &m[..2]), Some(Err(DispatchError::BadOrigin)));
			// No member, and not root either, skips the vote and the delay.
			assert_noop!(
				ChainGovernance::enact_as_root(RuntimeOrigin::signed(m[0].clone()), Box::new(create.clone())),
				DispatchError::BadOrigin
			);
			assert_eq!(pass_motion(as_root(create), &m[..3]), Some(Ok(())));
			let pending = ChainGovernance::pending_root_calls();
			assert_eq!(pending.len(), 1);
			assert_eq!(pending[0].enact_at, 1 + PRODUCTION_ENACTMENT_DELAY);
			assert_eq!(pending[0].ayes, m[..3].to_vec());
			run_to(PRODUCTION_ENACTMENT_DELAY);
			assert!(pallet_community::Communities::<Runtime>::get(next).is_none(), "not before its block");
			run_to(1 + PRODUCTION_ENACTMENT_DELAY);
			assert!(pallet_community::Communities::<Runtime>::get(next).is_some(), "created by the council's root");
		});
	}

	#[test]
	fn the_council_authorizes_an_upgrade_that_anyone_applies_only_with_that_code() {
		with_council(|m| {
			let code = b"a wasm blob the council read".to_vec();
			let code_hash = <Runtime as frame_system::Config>::Hashing::hash(&code);
			let authorize = RuntimeCall::System(frame_system::Call::authorize_upgrade { code_hash });
			assert_eq!(pass_motion(as_root(authorize), &m[..3]), Some(Ok(())));
			// Nothing is authorized until the delay has passed.
			assert_noop!(
				System::apply_authorized_upgrade(RuntimeOrigin::signed(m[3].clone()), code.clone()),
				frame_system::Error::<Runtime>::NothingAuthorized
			);
			run_to(1 + PRODUCTION_ENACTMENT_DELAY);
			assert!(System::authorized_upgrade().is_some());
			// Other code than the one authorized is refused.
			assert_noop!(
				System::apply_authorized_upgrade(RuntimeOrigin::signed(m[3].clone()), b"other code".to_vec()),
				frame_system::Error::<Runtime>::Unauthorized
			);
			// (Applying a real wasm is the node end-to-end test's:
			// scripts/e2e-testnet.sh.)
		});
	}

	/// Reads the runtime version of the tests' stand-in wasm blobs: the code
	/// names the version it claims to be.
	struct StandInVersions;
	impl sp_core::traits::ReadRuntimeVersion for StandInVersions {
		fn read_runtime_version(
			&self,
			code: &[u8],
			_: &mut dyn sp_externalities::Externalities,
		) -> Result<Vec<u8>, String> {
			let mut version = crate::VERSION;
			match code {
				b"next version" => version.spec_version += 1,
				b"same version" => {},
				b"another chain's runtime" => version.spec_name = "another-chain".into(),
				_ => return Err("not a stand-in".into()),
			}
			Ok(version.encode())
		}
	}

	#[test]
	fn an_authorized_upgrade_must_raise_the_spec_version_of_this_chains_runtime() {
		let mut ext = preset_externalities("local_testnet");
		ext.register_extension(sp_core::traits::ReadRuntimeVersionExt::new(StandInVersions));
		ext.execute_with(|| {
			System::set_block_number(1);
			let m = members();
			let anyone = RuntimeOrigin::signed(Sr25519Keyring::Ferdie.to_account_id());
			let authorize = |code: &[u8]| {
				let code_hash = <Runtime as frame_system::Config>::Hashing::hash(code);
				assert_eq!(
					pass_motion(as_root(RuntimeCall::System(frame_system::Call::authorize_upgrade { code_hash })), &m[..3]),
					Some(Ok(()))
				);
				run_to(System::block_number() + PRODUCTION_ENACTMENT_DELAY);
			};
			// A runtime that does not raise the version, or of another chain,
			// is rejected with its error (frame-system reports it in an event
			// and drops the authorization: applying it again cannot help);
			// the code stays as it was.
			let code_before = sp_io::storage::get(sp_core::storage::well_known_keys::CODE);
			for (code, error) in [
				(&b"same version"[..], frame_system::Error::<Runtime>::SpecVersionNeedsToIncrease),
				(&b"another chain's runtime"[..], frame_system::Error::<Runtime>::InvalidSpecName),
			] {
				authorize(code);
				System::reset_events();
				assert_ok!(System::apply_authorized_upgrade(anyone.clone(), code.to_vec()));
				let rejected = System::events().into_iter().find_map(|r| match r.event {
					RuntimeEvent::System(frame_system::Event::RejectedInvalidAuthorizedUpgrade { error, .. }) =>
						Some(error),
					_ => None,
				});
				assert_eq!(rejected, Some(error.into()));
				assert_eq!(sp_io::storage::get(sp_core::storage::well_known_keys::CODE), code_before);
				assert!(System::authorized_upgrade().is_none());
			}
			authorize(b"next version");
			assert_ok!(System::apply_authorized_upgrade(anyone, b"next version".to_vec()));
			assert!(System::events().iter().any(|r| matches!(
				r.event,
				RuntimeEvent::System(frame_system::Event::CodeUpdated { .. })
			)));
			assert_eq!(sp_io::storage::get(sp_core::storage::well_known_keys::CODE).as_deref(), Some(&b"next version"[..]));
		});
	}

	#[test]
	fn only_the_council_itself_changes_its_members() {
		with_council(|m| {
			let newcomer = Sr25519Keyring::Eve.to_account_id();
			let add = RuntimeCall::CouncilMembership(pallet_membership::Call::add_member {
				who: sp_runtime::MultiAddress::Id(newcomer.clone()),
			});
			// A member alone, or a motion of three quarters without the
			// delay, does not change the council.
			assert_noop!(
				CouncilMembership::add_member(
					RuntimeOrigin::signed(m[0].clone()),
					sp_runtime::MultiAddress::Id(newcomer.clone())
				),
				DispatchError::BadOrigin
			);
			assert_eq!(pass_motion(add.clone(), &m[..3]), Some(Err(DispatchError::BadOrigin)));
			// Its own root does: three quarters, then the delay.
			assert_eq!(pass_motion(as_root(add.clone()), &m[..2]), Some(Err(DispatchError::BadOrigin)));
			assert_eq!(pass_motion(as_root(add), &m[..3]), Some(Ok(())));
			run_to(PRODUCTION_ENACTMENT_DELAY);
			assert!(!pallet_collective::Members::<Runtime, CouncilInstance>::get().contains(&newcomer));
			run_to(1 + PRODUCTION_ENACTMENT_DELAY);
			assert!(pallet_collective::Members::<Runtime, CouncilInstance>::get().contains(&newcomer));
		});
	}

	#[test]
	fn a_majority_cancels_a_pending_root_call_and_it_never_acts() {
		with_council(|m| {
			let eve = Sr25519Keyring::Eve.to_account_id();
			let add = RuntimeCall::ValidatorSet(pallet_validator_set::Call::add_validator { validator: eve.clone() });
			assert_eq!(pass_motion(as_root(add), &m[..3]), Some(Ok(())));
			let id = ChainGovernance::pending_root_calls()[0].id;
			let cancel = || RuntimeCall::ChainGovernance(pallet_chain_governance::Call::cancel { id });
			// A member alone, or two of four, cannot cancel; three can.
			assert_noop!(ChainGovernance::cancel(RuntimeOrigin::signed(m[0].clone()), id), DispatchError::BadOrigin);
			assert_eq!(pass_motion(cancel(), &m[..2]), Some(Err(DispatchError::BadOrigin)));
			assert_eq!(pass_motion(cancel(), &m[..3]), Some(Ok(())));
			assert!(ChainGovernance::pending_root_calls().is_empty());
			run_to(1 + PRODUCTION_ENACTMENT_DELAY + 1);
			assert!(!pallet_validator_set::Validators::<Runtime>::get().contains(&eve), "cancelled: never enacted");
			// Cancelling it again, or a call already enacted, fails.
			assert_eq!(
				pass_motion(cancel(), &m[..3]),
				Some(Err(pallet_chain_governance::Error::<Runtime>::NotPending.into()))
			);
		});
	}

	#[test]
	fn no_validator_leaves_the_validating_set_by_purging_its_keys() {
		use frame_support::dispatch::{DispatchErrorWithPostInfo, RawOrigin};
		use sp_runtime::traits::Dispatchable;
		with_preset_state("local_testnet", || {
			System::set_block_number(1);
			let dave = members()[3].clone();
			let purge = RuntimeCall::Session(pallet_session::Call::purge_keys {});
			let result = purge.dispatch(RawOrigin::Signed(dave.clone()).into());
			assert!(matches!(
				result,
				Err(DispatchErrorWithPostInfo { error, .. })
					if error == frame_system::Error::<Runtime>::CallFiltered.into()
			));
			assert!(pallet_session::NextKeys::<Runtime>::get(&dave).is_some(), "the keys stay");
		});
	}

	/// What the enacted root call returned, from its event.
	fn enacted_result() -> Option<DispatchResult> {
		System::events().into_iter().rev().find_map(|r| match r.event {
			RuntimeEvent::ChainGovernance(pallet_chain_governance::Event::RootCallEnacted { result, .. }) =>
				Some(result),
			_ => None,
		})
	}

	/// The council's root call `call` passes (three of four) and acts.
	fn council_enacts(call: RuntimeCall) -> DispatchResult {
		let m = members();
		assert_eq!(pass_motion(as_root(call), &m[..3]), Some(Ok(())));
		run_to(System::block_number() + PRODUCTION_ENACTMENT_DELAY);
		enacted_result().expect("the call was enacted")
	}

	fn aura_authorities() -> Vec<sp_consensus_aura::sr25519::AuthorityId> {
		pallet_aura::Authorities::<Runtime>::get().into_inner()
	}

	#[test]
	fn the_council_adds_and_removes_a_validator_and_aura_and_grandpa_follow() {
		use crate::{Session, SessionKeys, ValidatorSet};
		with_council(|m| {
			let eve = Sr25519Keyring::Eve.to_account_id();
			// What `author_rotateKeysWithOwner(eve)` returns on Eve's node.
			let generated = SessionKeys::generate(&eve.encode(), None);
			let (keys, proof) = (generated.keys, generated.proof.encode());
			let set_keys = || Session::set_keys(RuntimeOrigin::signed(eve.clone()), keys.clone(), proof.clone());

			// Not a validator: no keys.
			assert_noop!(set_keys(), pallet_session::Error::<Runtime>::NoAssociatedValidatorId);
			assert_ok!(council_enacts(RuntimeCall::ValidatorSet(pallet_validator_set::Call::add_validator {
				validator: eve.clone()
			})));
			// Keys someone generated for another owner (Alice), with their
			// proof, are not Eve's to set.
			let alices = SessionKeys::generate(&m[0].encode(), None);
			assert_noop!(
				Session::set_keys(RuntimeOrigin::signed(eve.clone()), alices.keys, alices.proof.encode()),
				pallet_session::Error::<Runtime>::InvalidProof
			);
			assert_ok!(set_keys());
			assert_eq!(pallet_validator_set::Validators::<Runtime>::get().len(), 5);

			// Planned at the end of this session, validating from the one
			// after: then Aura schedules Eve and GRANDPA's set changes.
			Session::rotate_session();
			assert!(!aura_authorities().contains(&keys.aura));
			Session::rotate_session();
			assert_eq!(pallet_session::Validators::<Runtime>::get().last(), Some(&eve));
			assert!(aura_authorities().contains(&keys.aura));
			let change = pallet_grandpa::PendingChange::<Runtime>::get().expect("GRANDPA's set changes");
			assert!(change.next_authorities.iter().any(|(id, _)| id == &keys.grandpa));
			assert_eq!(change.next_authorities.len(), 5);

			// Dave's server leaves.
			let dave = m[3].clone();
			let dave_aura = local_stakeholders()[3].validator.aura.clone();
			assert_ok!(council_enacts(RuntimeCall::ValidatorSet(pallet_validator_set::Call::remove_validator {
				validator: dave.clone()
			})));
			Session::rotate_session();
			Session::rotate_session();
			assert!(!pallet_session::Validators::<Runtime>::get().contains(&dave));
			assert!(!aura_authorities().contains(&dave_aura));
			assert_eq!(aura_authorities().len(), 4);

			// Four is the production minimum: one more removal fails with
			// its error and changes nothing.
			assert_eq!(
				council_enacts(RuntimeCall::ValidatorSet(pallet_validator_set::Call::remove_validator {
					validator: m[0].clone()
				})),
				Err(pallet_validator_set::Error::<Runtime>::BelowMinimum.into())
			);
			assert_eq!(pallet_validator_set::Validators::<Runtime>::get().len(), 4);
			// Nobody but the council's root changes the set.
			assert_noop!(
				ValidatorSet::add_validator(RuntimeOrigin::signed(m[0].clone()), dave.clone()),
				DispatchError::BadOrigin
			);
			assert_eq!(
				pass_motion(
					RuntimeCall::ValidatorSet(pallet_validator_set::Call::add_validator { validator: dave }),
					&m[..4]
				),
				Some(Err(DispatchError::BadOrigin)),
				"even all four, without the delay, are not root"
			);
		});
	}
}

/// A council member cannot block the council by filling its motion slots:
/// each open motion of theirs holds a deposit that doubles with every open
/// motion, returned when it closes.
#[test]
fn a_council_motion_holds_a_deposit_that_doubles_with_each_open_motion() {
	use crate::{configs::MotionDepositBase, Council, RuntimeCall, RuntimeOrigin};
	use codec::Encode;
	use frame_support::{assert_ok, traits::fungible::InspectHold};
	with_preset_state("local_testnet", || {
		frame_system::Pallet::<Runtime>::set_block_number(1);
		let member = local_stakeholders()[0].validator.account.clone();
		let held = || pallet_balances::Pallet::<Runtime>::total_balance_on_hold(&member);
		for (n, expected) in [(0u8, 1u128), (1, 3), (2, 7)] {
			let motion = RuntimeCall::System(frame_system::Call::remark { remark: vec![n] });
			let length = motion.encoded_size() as u32;
			assert_ok!(Council::propose(RuntimeOrigin::signed(member.clone()), 3, Box::new(motion), length));
			assert_eq!(held(), expected * MotionDepositBase::get(), "after {} motions", n + 1);
		}
	});
}

/// Every signed transaction is ranked by its turn in its sender's queue
/// (`nonce_in_turn`): a full pool evicts the end of the longest queue, not
/// the head of a chain with everything behind it.
mod nonce_in_turn {
	use super::*;
	use crate::{
		nonce_in_turn::{priority_of_turn, CheckNonceInTurn, PRIORITY_PER_TURN, RANKED_TURNS},
		signing::{sign, ChainAnchor},
		Executive, RuntimeCall, UNIT,
	};
	use codec::Encode;
	use sp_core::Pair;
	use sp_runtime::transaction_validity::{
		InvalidTransaction, TransactionSource, TransactionValidity, TransactionValidityError,
	};

	/// Validates `call` signed by `signer` with `nonce` as a node's pool does.
	fn validate(call: RuntimeCall, signer: &sp_core::sr25519::Pair, nonce: u32) -> TransactionValidity {
		let genesis = frame_system::Pallet::<Runtime>::block_hash(0);
		let anchor = ChainAnchor { genesis_hash: genesis, block_hash: genesis, block_number: 0 };
		Executive::validate_transaction(TransactionSource::External, sign(call, signer, nonce, &anchor), genesis)
	}

	fn transfer() -> RuntimeCall {
		RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
			dest: Sr25519Keyring::Ferdie.to_account_id().into(),
			value: UNIT,
		})
	}

	/// A call that costs more than a transfer, so its fee ranks it lower.
	fn remark() -> RuntimeCall {
		RuntimeCall::System(frame_system::Call::remark { remark: vec![7; 8_000] })
	}

	#[test]
	fn the_sooner_a_transactions_turn_the_higher_it_ranks() {
		with_preset_state("development", || {
			let alice = Sr25519Keyring::Alice.pair();
			let ranks: Vec<_> =
				[0, 1, 2, 29].iter().map(|&n| validate(transfer(), &alice, n).expect("valid").priority).collect();
			assert!(ranks.windows(2).all(|w| w[0] > w[1]), "{ranks:?}");
			// One turn is worth a fixed step, whatever the call.
			assert_eq!(ranks[0] - ranks[1], PRIORITY_PER_TURN);
			assert_eq!(ranks[0] - ranks[3], 29 * PRIORITY_PER_TURN);
			// The chain is kept: each requires the one before.
			let first = validate(transfer(), &alice, 0).unwrap();
			let second = validate(transfer(), &alice, 1).unwrap();
			assert!(first.requires.is_empty());
			assert_eq!(second.requires, first.provides);
		});
	}

	#[test]
	fn the_turn_outweighs_the_fee_and_the_fee_orders_a_turn() {
		with_preset_state("development", || {
			let (alice, bob) = (Sr25519Keyring::Alice.pair(), Sr25519Keyring::Bob.pair());
			let dear_first = validate(remark(), &alice, 0).unwrap().priority;
			let cheap_second = validate(transfer(), &bob, 1).unwrap().priority;
			let cheap_first = validate(transfer(), &bob, 0).unwrap().priority;
			assert!(dear_first > cheap_second, "{dear_first} ≤ {cheap_second}");
			// Within a turn, the fee's own priority (transactions a block holds) decides.
			assert!(cheap_first > dear_first, "{cheap_first} ≤ {dear_first}");
		});
	}

	#[test]
	fn a_used_nonce_is_refused_and_the_turn_counts_from_the_accounts_nonce() {
		with_preset_state("development", || {
			let alice = Sr25519Keyring::Alice.pair();
			frame_system::Account::<Runtime>::mutate(Sr25519Keyring::Alice.to_account_id(), |a| a.nonce = 3);
			assert_eq!(
				validate(transfer(), &alice, 2),
				Err(TransactionValidityError::Invalid(InvalidTransaction::Stale))
			);
			// 3 is next: the first turn.
			assert_eq!(validate(transfer(), &alice, 3).unwrap().priority / PRIORITY_PER_TURN, RANKED_TURNS);
		});
	}

	/// The extension alone, as frame_system's CheckNonce behaves: an account
	/// that holds nothing cannot send, the nonce is bumped when the
	/// transaction is applied, a future one validates but is not applied, and
	/// a transaction without a signer is not checked (its weight refunded).
	#[test]
	fn alone_it_checks_and_bumps_the_nonce_as_frame_systems_does() {
		use crate::RuntimeOrigin;
		use frame_support::dispatch::DispatchInfo;
		use sp_runtime::traits::{DispatchTransaction, TransactionExtension};
		with_preset_state("development", || {
			let (call, info) = (transfer(), DispatchInfo::default());
			let alice = Sr25519Keyring::Alice.to_account_id();
			let nobody = sp_core::sr25519::Pair::from_string("//Nobody", None).unwrap().public().into();
			let source = TransactionSource::External;
			assert_eq!(
				CheckNonceInTurn::<Runtime>::from(0)
					.validate_only(RuntimeOrigin::signed(nobody), &call, &info, 0, source, 0)
					.map(|_| ()),
				Err(TransactionValidityError::Invalid(InvalidTransaction::Payment))
			);
			assert_eq!(
				CheckNonceInTurn::<Runtime>::from(1)
					.validate_and_prepare(RuntimeOrigin::signed(alice.clone()), &call, &info, 0, 0)
					.map(|_| ()),
				Err(TransactionValidityError::Invalid(InvalidTransaction::Future))
			);
			assert!(CheckNonceInTurn::<Runtime>::from(0)
				.validate_and_prepare(RuntimeOrigin::signed(alice.clone()), &call, &info, 0, 0)
				.is_ok());
			assert_eq!(frame_system::Pallet::<Runtime>::account_nonce(&alice), 1);
			let unsigned = CheckNonceInTurn::<Runtime>::from(9);
			let weight = unsigned.weight(&call);
			// Unsigned: nothing to check, nothing to bump, the weight refunded
			// (the extension alone, as the pipeline calls it: with no signed
			// origin the whole pipeline refuses it as `UnknownOrigin`).
			let implication = sp_runtime::traits::TxBaseImplication(());
			let (validity, val, origin) = unsigned
				.validate(RuntimeOrigin::none(), &call, &info, 0, (), &implication, source)
				.unwrap();
			assert_eq!(validity.priority, 0);
			assert!(validity.provides.is_empty() && validity.requires.is_empty());
			let pre = unsigned.prepare(val, &origin, &call, &info, 0).unwrap();
			assert_eq!(pre, Some(weight));
		});
	}

	/// A turn outweighs the fee's priority of any untipped transaction (the
	/// smallest signed one is ranked highest by its fee), and an operational
	/// transaction still outranks every turn.
	#[test]
	fn a_turn_outweighs_any_untipped_fee_and_operational_outranks_every_turn() {
		with_preset_state("development", || {
			let alice = Sr25519Keyring::Alice.pair();
			let smallest = RuntimeCall::System(frame_system::Call::remark { remark: vec![] });
			let fee_rank = validate(smallest, &alice, 0).unwrap().priority - priority_of_turn(0);
			assert!(fee_rank < PRIORITY_PER_TURN, "{fee_rank}");
			let operational = RuntimeCall::System(frame_system::Call::authorize_upgrade {
				code_hash: Default::default(),
			});
			let late_operational = validate(operational, &alice, 5).unwrap().priority;
			let first_normal = validate(transfer(), &Sr25519Keyring::Bob.pair(), 0).unwrap().priority;
			assert!(late_operational > first_normal, "{late_operational} ≤ {first_normal}");
		});
	}

	#[test]
	fn wallets_sign_it_as_frame_systems_nonce_check() {
		for nonce in [0u32, 63, 64, 1 << 20, u32::MAX] {
			assert_eq!(
				CheckNonceInTurn::<Runtime>::from(nonce).encode(),
				frame_system::CheckNonce::<Runtime>::from(nonce).encode()
			);
		}
		assert_eq!(<CheckNonceInTurn<Runtime> as sp_runtime::traits::TransactionExtension<RuntimeCall>>::IDENTIFIER, "CheckNonce");
	}

	#[test]
	fn turns_beyond_the_ranked_ones_rank_last_and_nothing_overflows() {
		assert_eq!(priority_of_turn(0), RANKED_TURNS * PRIORITY_PER_TURN);
		assert_eq!(priority_of_turn(RANKED_TURNS - 1), PRIORITY_PER_TURN);
		assert_eq!(priority_of_turn(RANKED_TURNS), 0);
		assert_eq!(priority_of_turn(u64::MAX), 0);
	}
}
