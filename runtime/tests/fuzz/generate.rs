//! Random calls, generated from the runtime's own type information: every
//! call of the fuzzed pallets, present and future, with arguments drawn
//! from pools that mix the meaningful (existing communities, units, owners,
//! this month) with the extreme (zero, `u128::MAX`, unknown ids, far-future
//! months, empty and over-long vectors).
//!
//! A call is generated as SCALE bytes walking the metadata's type tree and
//! then decoded as a `RuntimeCall`, exactly as a node decodes a submitted
//! one: what cannot be decoded (a vector over its bound) never reaches the
//! runtime, here as on a chain.

use codec::{Compact, DecodeLimit, Encode};
use frame_metadata::{v15::RuntimeMetadataV15, RuntimeMetadata, RuntimeMetadataPrefixed};
use linli_runtime::{AccountId, Runtime, RuntimeCall, EXISTENTIAL_DEPOSIT, UNIT};
use scale_info::{form::PortableForm, Field, PortableRegistry, TypeDef, TypeDefPrimitive};
use sp_core::H256;

/// A small, fast, seedable generator (SplitMix64): the same seed gives the
/// same calls on every machine.
#[derive(Clone)]
pub struct Rng(u64);

impl Rng {
	pub fn new(seed: u64) -> Self {
		Rng(seed)
	}

	pub fn next_u64(&mut self) -> u64 {
		self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
		let mut z = self.0;
		z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
		z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
		z ^ (z >> 31)
	}

	/// Uniform in `0..n` (`n > 0`).
	pub fn below(&mut self, n: u64) -> u64 {
		self.next_u64() % n
	}

	/// True with probability `percent`/100.
	pub fn chance(&mut self, percent: u64) -> bool {
		self.below(100) < percent
	}

	/// One of `choices`, each with its weight.
	pub fn weighted<T: Clone>(&mut self, choices: &[(u64, T)]) -> T {
		let total: u64 = choices.iter().map(|(w, _)| w).sum();
		let mut pick = self.below(total);
		for (weight, value) in choices {
			if pick < *weight {
				return value.clone();
			}
			pick -= weight;
		}
		unreachable!("pick < total")
	}

	pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
		&items[self.below(items.len() as u64) as usize]
	}

	pub fn bytes(&mut self, n: usize) -> Vec<u8> {
		(0..n).map(|_| self.next_u64() as u8).collect()
	}
}

/// What the chain looks like when a call is generated: the values a
/// meaningful argument is drawn from.
pub struct Context {
	/// Everyone who signs: owners, tenants, committee, registrar, property
	/// manager, developer, validators, strangers.
	pub actors: Vec<AccountId>,
	/// Registered units of every community.
	pub units: Vec<H256>,
	/// The calendar's current month.
	pub month: u32,
	/// The current block.
	pub block: u32,
	/// The next proposal's index.
	pub next_proposal: u32,
	/// A resident this action is about (community, account, unit), if any:
	/// the signer and the unit and community arguments mostly name it, so
	/// that calls only a unit's own resident may make are made too.
	pub focus: Option<(u32, AccountId, H256)>,
}

/// What an argument means, from its name or its type's name: the pool its
/// value is drawn from.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Hint {
	Community,
	Unit,
	Scope,
	Area,
	Amount,
	Month,
	Block,
	Proposal,
	Stars,
	/// Small counts and indices: months to advance, seats, repair ids.
	Small,
}

fn hint_of(field: &Field<PortableForm>) -> Option<Hint> {
	let type_name = field.type_name.as_deref().unwrap_or("");
	let by_type = match type_name {
		"CommunityId" => Some(Hint::Community),
		"UnitId" => Some(Hint::Unit),
		"ScopeId" => Some(Hint::Scope),
		"Area" => Some(Hint::Area),
		"Month" => Some(Hint::Month),
		"ProposalIndex" => Some(Hint::Proposal),
		"BlockNumberFor<T>" | "BlockNumber" => Some(Hint::Block),
		t if t.starts_with("BalanceOf") || t == "Balance" || t == "T::Balance" => {
			Some(Hint::Amount)
		}
		_ => None,
	};
	by_type.or(match field.name.as_deref().unwrap_or("") {
		"community" => Some(Hint::Community),
		"unit" => Some(Hint::Unit),
		"scope" => Some(Hint::Scope),
		"area" => Some(Hint::Area),
		"amount" | "value" | "price_per_m2" => Some(Hint::Amount),
		"stars" => Some(Hint::Stars),
		"proposal" => Some(Hint::Proposal),
		"months" | "seats" | "minimum" | "repair" | "id" | "budget_line" | "category" | "index" => {
			Some(Hint::Small)
		}
		_ => None,
	})
}

/// The accuracy and width in bytes of a per-thing type (`Perbill`…), by
/// its name.
fn per_thing(name: &str) -> Option<(u64, usize)> {
	match name {
		"Percent" => Some((100, 1)),
		"PerU16" => Some((u16::MAX as u64, 2)),
		"Permill" => Some((1_000_000, 4)),
		"Perbill" => Some((1_000_000_000, 4)),
		"Perquintill" => Some((1_000_000_000_000_000_000, 8)),
		_ => None,
	}
}

/// The pallets whose calls are fuzzed, with how often each is picked:
/// Linli's own, and the batches and transfers that wrap and move their money.
const PALLETS: &[(&str, u64)] = &[
	("Community", 5),
	("PropertyFees", 6),
	("OwnersAssembly", 5),
	("ServiceRatings", 3),
	("Calendar", 1),
	("ChainGovernance", 1),
	("ValidatorSet", 1),
	("Utility", 1),
	("Balances", 1),
];

/// Of the base pallets, only these calls: batches of Linli calls, and
/// transfers.
fn is_fuzzed(pallet: &str, call: &str) -> bool {
	match pallet {
		"Utility" => matches!(call, "batch" | "batch_all" | "force_batch"),
		"Balances" => {
			matches!(call, "transfer_keep_alive" | "transfer_allow_death" | "transfer_all")
		}
		_ => true,
	}
}

/// Calls nest (a batch, a proposal's call, a root call) at most this deep.
const MAX_DEPTH: u32 = 2;

/// The generator: the runtime's type registry and the id of `RuntimeCall`.
pub struct Generator {
	registry: PortableRegistry,
	call_ty: u32,
}

impl Generator {
	pub fn new() -> Self {
		let bytes = Runtime::metadata_at_version(15).expect("v15 metadata");
		let metadata: RuntimeMetadataPrefixed =
			codec::Decode::decode(&mut &bytes[..]).expect("metadata decodes");
		let RuntimeMetadata::V15(RuntimeMetadataV15 { types, outer_enums, .. }) = metadata.1 else {
			panic!("asked for v15")
		};
		Generator { registry: types, call_ty: outer_enums.call_enum_ty.id }
	}

	/// A random call that decodes, and how many generated ones did not
	/// (over-long bounded vectors: rejected before the runtime, as on chain).
	pub fn call(&self, rng: &mut Rng, ctx: &Context) -> (RuntimeCall, u32) {
		let mut undecodable = 0;
		loop {
			let mut bytes = Vec::new();
			self.value(self.call_ty, None, 0, rng, ctx, &mut bytes);
			match RuntimeCall::decode_all_with_depth_limit(256, &mut &bytes[..]) {
				Ok(call) => return (call, undecodable),
				Err(_) => undecodable += 1,
			}
		}
	}

	fn value(
		&self,
		ty: u32,
		hint: Option<Hint>,
		depth: u32,
		rng: &mut Rng,
		ctx: &Context,
		out: &mut Vec<u8>,
	) {
		let ty_info = self.registry.resolve(ty).expect("a type of the registry");
		let last = ty_info.path.segments.last().map(String::as_str).unwrap_or("");
		match &ty_info.type_def {
			TypeDef::Composite(c) if last == "AccountId32" => {
				debug_assert_eq!(c.fields.len(), 1);
				rng.pick(&ctx.actors).encode_to(out)
			}
			TypeDef::Composite(_) if last == "H256" => {
				// Unit ids mostly name registered units; other hashes
				// (documents, identity commitments) are anything.
				let hash = if hint == Some(Hint::Unit) || rng.chance(20) {
					match (rng.below(10), &ctx.focus) {
						(0, _) => H256::zero(),
						(1, _) => H256::from_slice(&rng.bytes(32)),
						(2..=6, Some((_, _, unit))) => *unit,
						_ => *rng.pick(&ctx.units),
					}
				} else {
					H256::from_slice(&rng.bytes(32))
				};
				hash.encode_to(out)
			}
			TypeDef::Composite(_) if per_thing(last).is_some() => {
				// A share: its parts, within its accuracy (a value above
				// does not decode, so it is drawn only now and then).
				let (accuracy, bytes) = per_thing(last).expect("matched");
				let parts = rng.weighted(&[
					(2, 0),
					(1, 1),
					(3, accuracy / 10),
					(3, accuracy / 2),
					(2, accuracy - 1),
					(3, accuracy),
					(1, accuracy + 1),
				]);
				out.extend(&parts.to_le_bytes()[..bytes])
			}
			TypeDef::Composite(c) => {
				for field in &c.fields {
					let inner = hint_of(field).or(if c.fields.len() == 1 { hint } else { None });
					self.value(field.ty.id, inner, depth, rng, ctx, out)
				}
			}
			TypeDef::Variant(v) if ty == self.call_ty => {
				self.call_variant(&v.variants, depth, rng, ctx, out)
			}
			TypeDef::Variant(v) => {
				let variants = &v.variants;
				let variant = if last == "Option" {
					// None and Some equally often.
					let some = rng.chance(50);
					variants
						.iter()
						.find(|x| x.name == if some { "Some" } else { "None" })
						.expect("Option")
				} else {
					rng.pick(variants)
				};
				out.push(variant.index);
				for field in &variant.fields {
					self.value(field.ty.id, hint_of(field).or(hint), depth, rng, ctx, out)
				}
			}
			TypeDef::Sequence(s) => {
				let element = s.type_param.id;
				let is_bytes = matches!(
					self.registry.resolve(element).map(|t| &t.type_def),
					Some(TypeDef::Primitive(TypeDefPrimitive::U8))
				);
				if is_bytes {
					let len: usize = rng.weighted(&[
						(2, 0),
						(2, 1),
						(3, 8),
						(4, 32),
						(2, 64),
						(2, 65),
						(1, 256),
						(1, 1025),
					]);
					Compact(len as u32).encode_to(out);
					out.extend(rng.bytes(len));
				} else {
					let len: u32 = if element == self.call_ty {
						rng.weighted(&[(1, 0), (4, 1), (3, 2), (2, 3), (1, 6)])
					} else {
						rng.weighted(&[
							(3, 0),
							(6, 1),
							(4, 2),
							(3, 3),
							(2, 8),
							(1, 33),
							(1, 129),
							(1, 600),
						])
					};
					Compact(len).encode_to(out);
					for _ in 0..len {
						self.value(
							element,
							hint,
							depth + u32::from(element == self.call_ty),
							rng,
							ctx,
							out,
						)
					}
				}
			}
			TypeDef::Array(a) => {
				for _ in 0..a.len {
					self.value(a.type_param.id, hint, depth, rng, ctx, out)
				}
			}
			TypeDef::Tuple(t) => {
				for field in &t.fields {
					self.value(field.id, None, depth, rng, ctx, out)
				}
			}
			TypeDef::Primitive(p) => self.primitive(p, hint, rng, ctx, out),
			TypeDef::Compact(c) => {
				let inner = self.registry.resolve(c.type_param.id).expect("compact's type");
				match &inner.type_def {
					TypeDef::Primitive(p) => {
						let mut scratch = Vec::new();
						self.primitive(p, hint, rng, ctx, &mut scratch);
						let value =
							scratch.iter().rev().fold(0u128, |acc, b| (acc << 8) | u128::from(*b));
						Compact(value).encode_to(out)
					}
					// Compact wrappers (a `Perbill`'s parts): as their number.
					_ => Compact(rng.weighted(&[(1, 0u128), (1, 1), (1, u32::MAX as u128)]))
						.encode_to(out),
				}
			}
			TypeDef::BitSequence(_) => Compact(0u32).encode_to(out),
		}
	}

	fn call_variant(
		&self,
		pallets: &[scale_info::Variant<PortableForm>],
		depth: u32,
		rng: &mut Rng,
		ctx: &Context,
		out: &mut Vec<u8>,
	) {
		let offered: Vec<(u64, &scale_info::Variant<PortableForm>)> = pallets
			.iter()
			.filter_map(|p| PALLETS.iter().find(|(name, _)| *name == p.name).map(|(_, w)| (*w, p)))
			.collect();
		let pallet = rng.weighted(&offered);
		out.push(pallet.index);
		// The pallet's variant has one field: its `Call` enum.
		let calls_ty = pallet.fields[0].ty.id;
		let TypeDef::Variant(calls) =
			&self.registry.resolve(calls_ty).expect("a pallet's calls").type_def
		else {
			panic!("a pallet's calls are an enum")
		};
		let candidates: Vec<_> = calls
			.variants
			.iter()
			.filter(|c| is_fuzzed(&pallet.name, &c.name))
			.filter(|c| depth < MAX_DEPTH || !self.nests(c))
			.collect();
		if candidates.is_empty() {
			// Nothing at this depth (a batch too deep): an empty batch.
			let batch =
				calls.variants.iter().find(|c| c.name == "batch").expect("only Utility nests only");
			out.push(batch.index);
			Compact(0u32).encode_to(out);
			return;
		}
		let call = rng.pick(&candidates);
		out.push(call.index);
		for field in &call.fields {
			let nested = u32::from(field.ty.id == self.call_ty);
			self.value(field.ty.id, hint_of(field), depth + nested, rng, ctx, out)
		}
	}

	/// Whether a call carries another call (a batch, a proposal, a root call).
	fn nests(&self, call: &scale_info::Variant<PortableForm>) -> bool {
		call.fields.iter().any(|f| {
			f.ty.id == self.call_ty
				|| matches!(&self.registry.resolve(f.ty.id).map(|t| &t.type_def),
					Some(TypeDef::Sequence(s)) if s.type_param.id == self.call_ty)
		})
	}

	fn primitive(
		&self,
		p: &TypeDefPrimitive,
		hint: Option<Hint>,
		rng: &mut Rng,
		ctx: &Context,
		out: &mut Vec<u8>,
	) {
		let bits = match p {
			TypeDefPrimitive::Bool => return rng.chance(50).encode_to(out),
			TypeDefPrimitive::Str => {
				let len: usize = rng.weighted(&[(1, 0), (2, 8), (1, 300)]);
				return String::from_utf8_lossy(&rng.bytes(len)).into_owned().encode_to(out);
			}
			TypeDefPrimitive::Char => return u32::from('x').encode_to(out),
			TypeDefPrimitive::U8 | TypeDefPrimitive::I8 => 8,
			TypeDefPrimitive::U16 | TypeDefPrimitive::I16 => 16,
			TypeDefPrimitive::U32 | TypeDefPrimitive::I32 => 32,
			TypeDefPrimitive::U64 | TypeDefPrimitive::I64 => 64,
			TypeDefPrimitive::U128 | TypeDefPrimitive::I128 => 128,
			TypeDefPrimitive::U256 | TypeDefPrimitive::I256 => return out.extend(rng.bytes(32)),
		};
		let max = if bits == 128 { u128::MAX } else { (1u128 << bits) - 1 };
		let value = self.number(hint, rng, ctx).min(max);
		out.extend(&value.to_le_bytes()[..bits / 8]);
	}

	/// A number for an argument that means `hint`: mostly meaningful, now
	/// and then extreme.
	fn number(&self, hint: Option<Hint>, rng: &mut Rng, ctx: &Context) -> u128 {
		let any = rng.next_u64() as u128;
		let now = u128::from(ctx.block);
		let month = u128::from(ctx.month);
		match hint {
			Some(Hint::Community) => match &ctx.focus {
				Some((community, ..)) if rng.chance(70) => u128::from(*community),
				_ => rng.weighted(&[(12, 0), (5, 1), (2, 2), (1, u32::MAX as u128)]),
			},
			Some(Hint::Scope) => {
				rng.weighted(&[(4, 1), (3, 2), (2, 3), (1, 0), (1, 4), (1, u32::MAX as u128)])
			}
			Some(Hint::Area) => rng.weighted(&[
				(1, 0),
				(1, 1),
				(4, 89_50),
				(3, 120_25),
				(1, 1_000_000_00),
				(1, u64::MAX as u128),
			]),
			Some(Hint::Amount) => rng.weighted(&[
				(2, 0),
				(1, 1),
				(1, EXISTENTIAL_DEPOSIT - 1),
				(2, EXISTENTIAL_DEPOSIT),
				(4, UNIT),
				(4, 250 * UNIT),
				(3, 10_000 * UNIT),
				(2, any % (1_000 * UNIT)),
				(1, u64::MAX as u128),
				(1, u128::MAX),
			]),
			Some(Hint::Month) => rng.weighted(&[
				(4, month),
				(3, month + 1),
				(2, month.saturating_sub(1)),
				(1, month + 12),
				(1, 0),
				(1, u32::MAX as u128),
			]),
			Some(Hint::Block) => rng.weighted(&[
				(2, 0),
				(2, 1),
				(3, 10),
				(2, 100),
				(2, now + 20),
				(1, now + 100_000),
				(1, u32::MAX as u128),
			]),
			Some(Hint::Proposal) => {
				// Mostly one of the last few (the open ones), now and then
				// an old, the next or an unknown one.
				let next = u128::from(ctx.next_proposal);
				let recent = next.saturating_sub(1 + any % 3);
				rng.weighted(&[
					(7, recent),
					(2, any % (next + 1)),
					(1, next),
					(1, u32::MAX as u128),
				])
			}
			Some(Hint::Stars) => rng.weighted(&[(8, 1 + any % 5), (1, 0), (1, 6), (1, 255)]),
			Some(Hint::Small) => {
				rng.weighted(&[(3, 0), (4, 1), (3, 2), (2, 3), (1, 12), (1, u32::MAX as u128)])
			}
			Some(Hint::Unit) | None => rng.weighted(&[
				(4, 0),
				(4, 1),
				(2, 2),
				(3, any % 100),
				(1, any),
				(1, u32::MAX as u128),
				(1, u64::MAX as u128),
				(1, u128::MAX),
			]),
		}
	}
}
