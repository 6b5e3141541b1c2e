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
//! actions that still fails. A case found is to be kept below as a
//! regression test; the runs so far (10,000 calls with the CI seed, 100,000
//! with seed 7) found none.
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
	ok: BTreeMap<world::CallName, u64>,
	failed: BTreeMap<&'static str, u64>,
	undecodable: u64,
}

/// The last panic's message, kept by a quiet hook instead of printed while
/// an action runs (the shrinker replays failing cases many times); any other
/// panic prints as usual.
static LAST_PANIC: std::sync::Mutex<String> = std::sync::Mutex::new(String::new());

thread_local! {
	static QUIET: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Applies `action` with every check; a panic becomes a failure.
fn apply_guarded(action: &Action, issuance: &mut u128) -> Result<Outcome, Failure> {
	static HOOK: std::sync::Once = std::sync::Once::new();
	HOOK.call_once(|| {
		let default = std::panic::take_hook();
		std::panic::set_hook(Box::new(move |info| {
			if QUIET.with(|q| q.get()) {
				*LAST_PANIC.lock().unwrap_or_else(|e| e.into_inner()) = info.to_string();
			} else {
				default(info)
			}
		}));
	});
	QUIET.with(|q| q.set(true));
	let result = std::panic::catch_unwind(AssertUnwindSafe(|| world::apply(action, issuance)));
	QUIET.with(|q| q.set(false));
	result.unwrap_or_else(|_| {
		Err(format!("panicked: {}", LAST_PANIC.lock().unwrap_or_else(|e| e.into_inner())))
	})
}

/// Runs `actions` from genesis; the index of the action that failed and why.
fn replay(actions: &[Action]) -> Result<(), (usize, Failure)> {
	let mut ext = world::genesis();
	ext.execute_with(|| {
		let mut issuance = pallet_balances::TotalIssuance::<linli_runtime::Runtime>::get();
		for (i, action) in actions.iter().enumerate() {
			apply_guarded(action, &mut issuance).map_err(|failure| (i, failure))?;
		}
		Ok(())
	})
}

/// The shortest sequence found that still fails (delta debugging: drop
/// chunks, halving their size, while the failure persists).
fn shrink(mut actions: Vec<Action>) -> (Vec<Action>, Failure) {
	let Err((_, mut failure)) = replay(&actions) else {
		return (actions, "the failure did not recur on replay".into());
	};
	let mut chunk = actions.len().div_ceil(2);
	// Bounded: a CI run must end with its report.
	let deadline = Instant::now() + std::time::Duration::from_secs(120);
	let within = || Instant::now() < deadline;
	while chunk >= 1 && within() {
		let mut start = 0;
		let mut dropped = false;
		while start < actions.len() && within() {
			let mut candidate = actions.clone();
			candidate.drain(start..(start + chunk).min(actions.len()));
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
	let generator = Generator::new();
	let actors = world::actors();
	let units = world::units();
	let mut stats = Stats::default();
	let mut learned = world::Learned::new();
	let mut case = 0;
	while stats.calls < calls {
		let mut rng = Rng::new(case_seed(seed, case));
		let mut actions = Vec::with_capacity(CASE_LENGTH + 1);
		let mut ext = world::genesis();
		let failure = ext.execute_with(|| {
			let mut issuance = pallet_balances::TotalIssuance::<linli_runtime::Runtime>::get();
			while actions.len() < CASE_LENGTH && stats.calls < calls {
				let ctx = world::context(&actors, &units, &mut rng);
				let (action, undecodable) =
					world::next_action(&generator, &mut rng, &ctx, &learned);
				stats.undecodable += u64::from(undecodable);
				actions.push(action.clone());
				match (&action, apply_guarded(&action, &mut issuance)) {
					(_, Err(failure)) => return Some(failure),
					(Action::NextBlock, Ok(_)) => stats.blocks += 1,
					(Action::Call(origin, call), Ok(Outcome::Ok)) => {
						stats.calls += 1;
						let name = world::CallName::of(call);
						*stats.ok.entry(name).or_default() += 1;
						world::learn(&mut learned, name, origin);
					}
					(Action::Call(..), Ok(Outcome::Failed(error))) => {
						stats.calls += 1;
						*stats.failed.entry(error).or_default() += 1;
					}
				}
			}
			// Every case ends with its block: the last calls' money is
			// checked too.
			actions.push(Action::NextBlock);
			stats.blocks += 1;
			apply_guarded(&Action::NextBlock, &mut issuance).err()
		});
		if let Some(failure) = failure {
			// Said first: shrinking may take a while.
			eprintln!(
				"failure: {failure}\nLINLI_FUZZ_SEED={seed:#x} LINLI_FUZZ_CALLS={calls}, case {case}; shrinking…"
			);
			let (minimal, why) = shrink(actions);
			let listing: Vec<String> = minimal.iter().map(|a| format!("  {a:?}")).collect();
			panic!(
				"the runtime failed on random input: {failure}\n\
				 LINLI_FUZZ_SEED={seed:#x} LINLI_FUZZ_CALLS={calls}, case {case} (cases learn from the ones before)\n\
				 a minimal sequence ({} actions, failing with: {why}):\n{}",
				minimal.len(),
				listing.join("\n")
			);
		}
		case += 1;
	}
	stats
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
	for (pallet, function) in
		[("PropertyFees", "pay_fees"), ("OwnersAssembly", "vote"), ("Community", "verify_resident")]
	{
		let deep = world::CallName { pallet, function };
		assert!(
			stats.ok.contains_key(&deep),
			"no {deep} succeeded: the generator does not reach it"
		);
	}
}

/// The fuzzer catches what it should: a sequence that breaks an invariant
/// fails, and shrinking finds the one action that does.
#[test]
fn a_broken_invariant_is_caught_and_shrunk_to_its_cause() {
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
	assert!(why.contains("issuance") || why.contains("hold"), "{why}");
	assert!(minimal.len() <= 2, "the mint (and the block that ends): {minimal:?}");
	assert!(matches!(
		minimal[0],
		Action::Call(world::Origin::Root, linli_runtime::RuntimeCall::Balances(_))
	));
}
