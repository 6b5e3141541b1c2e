//! Random input against the real runtime: random sequences of every call of
//! Linli's pallets (and utility batches of them, transfers, root calls of the
//! council), from random origins — owners, tenants, strangers, committee,
//! registrar, decisions of this and other communities and scopes, the
//! council, root — with arguments from the extremes as well as the
//! meaningful; blocks advance and the calendar moves.
//!
//! After every call: nothing panicked, a failed call changed nothing, and
//! every pallet's `try_state` holds. After every block: total issuance is
//! unchanged (calls here pay no fee) and is what the accounts hold.
//!
//! ```text
//! # what CI runs: 10,000 calls, fixed seed
//! SKIP_WASM_BUILD=1 cargo nextest run -p linli-runtime --features try-runtime --test fuzz
//! # a longer run, another seed
//! LINLI_FUZZ_CALLS=100000 LINLI_FUZZ_SEED=7 SKIP_WASM_BUILD=1 \
//!   cargo nextest run -p linli-runtime --features try-runtime --test fuzz --no-capture
//! ```
//!
//! A failing case prints its seed, its case number and a minimal sequence of
//! actions that still fails; every case found is kept below as a regression
//! test.
#![cfg(feature = "try-runtime")]

mod generate;
mod world;

use generate::{Generator, Rng};
use std::{collections::BTreeMap, panic::AssertUnwindSafe, time::Instant};
use world::{Action, Failure, Outcome};

/// The seed CI runs with.
const CI_SEED: u64 = 0x11A1_2026;
/// Calls CI runs.
const CI_CALLS: u64 = 10_000;
/// Actions per case: each case starts again from genesis.
const CASE_LENGTH: usize = 300;

fn env_u64(name: &str, default: u64) -> u64 {
	std::env::var(name)
		.ok()
		.map(|v| {
			match v.strip_prefix("0x") {
				Some(hex) => u64::from_str_radix(hex, 16),
				None => v.parse(),
			}
			.unwrap_or_else(|_| panic!("{name} is a number"))
		})
		.unwrap_or(default)
}

/// The seed of case `case` of a run seeded `seed`.
fn case_seed(seed: u64, case: u64) -> u64 {
	Rng::new(seed ^ case.wrapping_mul(0xA076_1D64_78BD_642F)).next_u64()
}

/// What a run counts.
#[derive(Default)]
struct Stats {
	calls: u64,
	blocks: u64,
	ok: BTreeMap<String, u64>,
	failed: BTreeMap<&'static str, u64>,
	undecodable: u64,
}

/// The last panic's message, kept by a quiet hook instead of printed (the
/// shrinker replays failing cases many times).
static LAST_PANIC: std::sync::Mutex<String> = std::sync::Mutex::new(String::new());

fn quiet_panics() {
	std::panic::set_hook(Box::new(|info| {
		*LAST_PANIC.lock().unwrap_or_else(|e| e.into_inner()) = info.to_string();
	}));
}

/// Runs `actions` from genesis; the index of the action that failed and why.
fn replay(actions: &[Action]) -> Result<(), (usize, Failure)> {
	let mut ext = world::genesis();
	ext.execute_with(|| {
		let issuance = pallet_balances::TotalIssuance::<linli_runtime::Runtime>::get();
		for (i, action) in actions.iter().enumerate() {
			match std::panic::catch_unwind(AssertUnwindSafe(|| world::apply(action, issuance))) {
				Ok(Ok(_)) => {}
				Ok(Err(failure)) => return Err((i, failure)),
				Err(_) => {
					return Err((
						i,
						format!(
							"panicked: {}",
							LAST_PANIC.lock().unwrap_or_else(|e| e.into_inner())
						),
					))
				}
			}
		}
		Ok(())
	})
}

/// The shortest sequence found that still fails (delta debugging: drop
/// chunks, halving their size, while the failure persists).
fn shrink(mut actions: Vec<Action>) -> (Vec<Action>, Failure) {
	let mut failure = replay(&actions).expect_err("shrinking a failing case").1;
	let mut chunk = actions.len().div_ceil(2);
	let mut replays = 0;
	while chunk >= 1 && replays < 3_000 {
		let mut start = 0;
		let mut dropped = false;
		while start < actions.len() && replays < 3_000 {
			let mut candidate = actions.clone();
			candidate.drain(start..(start + chunk).min(actions.len()));
			replays += 1;
			match replay(&candidate) {
				Err((at, why)) => {
					candidate.truncate(at + 1);
					actions = candidate;
					failure = why;
					dropped = true;
				}
				Ok(()) => start += chunk,
			}
		}
		if !dropped {
			if chunk == 1 {
				break;
			}
			chunk = chunk.div_ceil(2);
		}
	}
	(actions, failure)
}

/// Runs `calls` random calls from `seed`; on a failure, shrinks it and
/// panics with the seed, the case and the minimal sequence.
fn run(seed: u64, calls: u64) -> Stats {
	quiet_panics();
	let generator = Generator::new();
	let actors = world::actors();
	let units = world::units();
	let mut stats = Stats::default();
	let mut learned = world::Learned::new();
	let mut case = 0;
	while stats.calls < calls {
		let mut rng = Rng::new(case_seed(seed, case));
		let mut actions = Vec::with_capacity(CASE_LENGTH);
		let mut ext = world::genesis();
		let failure = ext.execute_with(|| {
			let issuance = pallet_balances::TotalIssuance::<linli_runtime::Runtime>::get();
			while actions.len() < CASE_LENGTH && stats.calls < calls {
				let ctx = world::context(&actors, &units, &mut rng);
				let (action, undecodable) =
					world::next_action(&generator, &mut rng, &ctx, &learned);
				stats.undecodable += u64::from(undecodable);
				actions.push(action.clone());
				match std::panic::catch_unwind(AssertUnwindSafe(|| world::apply(&action, issuance)))
				{
					Ok(Ok(outcome)) => match (&action, outcome) {
						(Action::NextBlock, _) => stats.blocks += 1,
						(Action::Call(origin, call), Outcome::Ok) => {
							stats.calls += 1;
							let name = call_name(call);
							*stats.ok.entry(name.clone()).or_default() += 1;
							world::learn(&mut learned, name, origin);
						}
						(Action::Call(..), Outcome::Failed(error)) => {
							stats.calls += 1;
							*stats.failed.entry(error).or_default() += 1;
						}
					},
					Ok(Err(failure)) => return Some(failure),
					Err(_) => {
						return Some(format!(
							"panicked: {}",
							LAST_PANIC.lock().unwrap_or_else(|e| e.into_inner())
						))
					}
				}
			}
			None
		});
		if let Some(failure) = failure {
			let (minimal, why) = shrink(actions);
			let _ = std::panic::take_hook();
			let listing: Vec<String> = minimal.iter().map(|a| format!("  {a:?}")).collect();
			panic!(
				"the runtime failed on random input: {failure}\n\
				 seed {seed:#x}, case {case} (LINLI_FUZZ_SEED={seed:#x})\n\
				 a minimal sequence ({} actions, failing with: {why}):\n{}",
				minimal.len(),
				listing.join("\n")
			);
		}
		case += 1;
	}
	let _ = std::panic::take_hook();
	stats
}

/// `Pallet.call` of a call.
fn call_name(call: &linli_runtime::RuntimeCall) -> String {
	use frame_support::traits::GetCallMetadata;
	let metadata = call.get_call_metadata();
	format!("{}.{}", metadata.pallet_name, metadata.function_name)
}

#[test]
fn ten_thousand_random_calls_break_no_invariant() {
	let seed = env_u64("LINLI_FUZZ_SEED", CI_SEED);
	let calls = env_u64("LINLI_FUZZ_CALLS", CI_CALLS);
	let started = Instant::now();
	let stats = run(seed, calls);
	let seconds = started.elapsed().as_secs_f64();
	let succeeded: u64 = stats.ok.values().sum();
	println!(
		"seed {seed:#x}: {} calls in {} blocks, {:.1} s, {:.0} calls/s; {succeeded} succeeded, {} failed with an error, {} generated calls could not be decoded",
		stats.calls,
		stats.blocks,
		seconds,
		stats.calls as f64 / seconds,
		stats.calls - succeeded,
		stats.undecodable,
	);
	println!("succeeded, by call:");
	for (name, n) in &stats.ok {
		println!("  {n:6} {name}");
	}
	println!("failed, by error:");
	let mut failed: Vec<_> = stats.failed.iter().collect();
	failed.sort_by(|a, b| b.1.cmp(a.1));
	for (error, n) in failed {
		println!("  {n:6} {error}");
	}
	assert_eq!(stats.calls, calls);
	// The run reached deep: owners' money moved, votes and ratings counted,
	// residents registered.
	for deep in ["PropertyFees.pay_fees", "OwnersAssembly.vote", "Community.verify_resident"] {
		assert!(
			stats.ok.contains_key(deep),
			"no {deep} succeeded: the generator does not reach it"
		);
	}
}

/// The fuzzer catches what it should: a sequence that breaks an invariant
/// fails, and shrinking finds the one action that does.
#[test]
fn a_broken_invariant_is_caught_and_shrunk_to_its_cause() {
	quiet_panics();
	let mut rng = Rng::new(1);
	let generator = Generator::new();
	let (actors, units) = (world::actors(), world::units());
	let mut actions = Vec::new();
	world::genesis().execute_with(|| {
		for _ in 0..40 {
			let ctx = world::context(&actors, &units, &mut rng);
			actions.push(world::next_action(&generator, &mut rng, &ctx, &Default::default()).0);
		}
	});
	// Money out of nowhere: a root call that mints into Alice's account.
	let alice = sp_keyring::Sr25519Keyring::Alice.to_account_id();
	let mint = linli_runtime::RuntimeCall::Balances(pallet_balances::Call::force_set_balance {
		who: alice.into(),
		new_free: u64::MAX.into(),
	});
	actions.insert(20, Action::Call(world::Origin::Root, mint));
	actions.insert(21, Action::NextBlock);
	assert!(replay(&actions).is_err());
	let (minimal, why) = shrink(actions);
	let _ = std::panic::take_hook();
	assert!(why.contains("issuance") || why.contains("hold"), "{why}");
	assert!(minimal.len() <= 2, "the mint (and the block that ends): {minimal:?}");
	assert!(matches!(
		minimal[0],
		Action::Call(world::Origin::Root, linli_runtime::RuntimeCall::Balances(_))
	));
}
