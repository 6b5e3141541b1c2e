//! Storage types of the property-fees pallet.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use linli_primitives::{
	calendar::Month,
	community::{ScopeId, UnitId},
	fees::{Approver, Category, Direction, Emergency, FundKind, LedgerEntry},
};
use scale_info::TypeInfo;
use sp_core::H256;
use sp_runtime::{
	traits::{AtLeast32BitUnsigned, Zero},
	Perbill, Permill,
};

/// How the property company is paid (物业服务合同的计费方式).
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
pub enum ContractModel {
	/// 包干制: the fees are the company's; it keeps a surplus and bears a
	/// loss. Its expenses are still published.
	LumpSum,
	/// 酬金制: the company takes `share` of the fees collected as its
	/// remuneration; the rest is owners' money, spent only within budget
	/// lines the owners approved, every expense itemised.
	Remuneration {
		/// The company's share of fee income.
		share: Permill,
	},
}

/// A community's price of property services from a period on.
#[derive(
	Clone,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
pub struct FeeSchedule<Balance> {
	/// The first period it applies to.
	pub effective_from: Month,
	/// Price per m² of building area per month, in the currency's smallest
	/// unit (with 12 decimals, 0.35 元/m²·month is exactly
	/// `350_000_000_000`).
	///
	/// A unit's monthly due is `price_per_m2 × area / 100` (area is in
	/// 0.01 m²), rounded half up to the smallest unit: the one rounding rule.
	pub price_per_m2: Balance,
	/// How the company is paid.
	pub model: ContractModel,
}

/// Late fees (违约金) a contract may provide. Courts cut excessive ones
/// (1 %/day was held excessive), so both the rate and the total are capped
/// by the runtime's `MaxLateFeeRate` and `MaxLateFeeCap`.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
pub struct LateFeeTerms {
	/// Charged per full month on the arrears a demand notice named, while
	/// they stay unpaid.
	pub monthly_rate: Perbill,
	/// The total late fee of one notice never exceeds this share of the
	/// arrears it named.
	pub cap: Perbill,
	/// Months after the notice before the first late fee (the deadline the
	/// notice gives).
	pub grace_periods: u8,
}

/// A community's contract terms that are not the price.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
pub struct ContractTerms {
	/// How many periods beyond the current one an owner may prepay
	/// (prepayment needs the owner's consent: only the unit's owner or its
	/// responsible account may prepay). `0`: no prepayment.
	pub max_prepaid_periods: u8,
	/// Late fees, if the contract provides them. Off by default.
	pub late_fee: Option<LateFeeTerms>,
}

/// Where a unit's billing stands: the first month not fully paid and what
/// was paid towards it. Dues are never stored per month: they follow from
/// the schedules, the unit's area and `next_due`.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct BillingState<Balance> {
	/// The first period not fully paid.
	pub next_due: Month,
	/// Paid towards `next_due` already (less than its due).
	pub credit: Balance,
}

/// Dues a unit carries as fixed amounts, paid before any month: months
/// billed before a correction of its area (the owner's, at the area of
/// their time), and months the developer held it (the developer's, never
/// the buyer's).
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct CarriedDues<Balance> {
	/// Owed by whoever answers for the unit now.
	pub owner: Balance,
	/// Owed by the community's developer: paid only from its account.
	pub developer: Balance,
}

impl<Balance: Zero> CarriedDues<Balance> {
	/// Whether nothing is carried.
	pub fn is_empty(&self) -> bool {
		self.owner.is_zero() && self.developer.is_zero()
	}
}

/// An open demand notice (催告) for a unit's arrears.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct DemandNotice<Balance> {
	/// The period the notice was issued in.
	pub issued: Month,
	/// The last period whose dues it demands (the one before `issued`).
	pub through: Month,
	/// The arrears it named.
	pub principal: Balance,
	/// Late fee accrued up to `accrued_to` and not yet paid.
	pub accrued: Balance,
	/// Late fee accrued over the notice's life (the cap applies to this).
	pub charged: Balance,
	/// The period up to which late fees have been accrued.
	pub accrued_to: Month,
}

impl<Balance: AtLeast32BitUnsigned + Copy> DemandNotice<Balance> {
	/// Accrues the late fee of the months from `accrued_to` to `now` under
	/// `late_fee` (none: no late fee), on the arrears still `outstanding`:
	/// the home of the late-fee rule. Only the arrears the notice named bear
	/// it (`monthly_rate` of the lesser of `outstanding` and `principal`, per
	/// month), and all a notice ever charges stays within `cap` of its
	/// `principal` (DOMAIN.md: a late fee is bounded by the contract).
	/// `None` on overflow, and nothing changes then.
	pub fn accrue(
		&mut self,
		late_fee: Option<&LateFeeTerms>,
		outstanding: Balance,
		now: Month,
	) -> Option<()> {
		if now <= self.accrued_to {
			return Some(());
		}
		if let Some(late_fee) = late_fee {
			let months: Balance = (now - self.accrued_to).into();
			let fee = late_fee
				.monthly_rate
				.mul_floor(outstanding.min(self.principal))
				.checked_mul(&months)?;
			let room = late_fee.cap.mul_floor(self.principal).saturating_sub(self.charged);
			let fee = fee.min(room);
			let (accrued, charged) =
				(self.accrued.checked_add(&fee)?, self.charged.checked_add(&fee)?);
			(self.accrued, self.charged) = (accrued, charged);
		}
		self.accrued_to = now;
		Some(())
	}
}

/// A fund's running state.
#[derive(
	Clone,
	PartialEq,
	Eq,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct FundState<Balance> {
	/// Balance per the ledger: income minus expense.
	pub balance: Balance,
	/// All income ever.
	pub income: Balance,
	/// All expense ever.
	pub expense: Balance,
}

/// Income and expense of a fund in a period (or of one category).
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct Flow<Balance> {
	/// Money in.
	pub income: Balance,
	/// Money out.
	pub expense: Balance,
}

/// A budget line the owners approved (酬金制): what the company may spend on
/// a category over a range of periods.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct BudgetLine<AccountId, Balance> {
	/// What it may be spent on.
	pub category: Category,
	/// The approved amount.
	pub approved: Balance,
	/// Spent so far.
	pub spent: Balance,
	/// First period it may be spent in.
	pub from: Month,
	/// Last period it may be spent in.
	pub to: Month,
	/// Who approved it.
	pub approved_by: Approver<AccountId>,
}

/// An emergency repair one key announced (the owners' notice before the
/// spend), waiting for a second key to pay it from the maintenance fund.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct EmergencyRepair<AccountId, Balance, BlockNumber> {
	/// Which listed emergency.
	pub emergency: Emergency,
	/// The building or stair repaired, or the whole community.
	pub scope: Option<ScopeId>,
	/// What it costs.
	pub amount: Balance,
	/// Who is paid.
	pub payee: AccountId,
	/// Hash of the invoice (and the evidence of the emergency).
	pub invoice: H256,
	/// The committee member or company account that announced it.
	pub proposed_by: AccountId,
	/// When.
	pub proposed_at: BlockNumber,
}

/// What emergency repairs took from a community's maintenance fund in one
/// month: spending beyond the cap within the month needs a vote.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct EmergencySpending<Balance> {
	/// The month.
	pub period: Month,
	/// Spent on emergencies in it.
	pub spent: Balance,
}

impl<Balance: sp_runtime::traits::AtLeast32BitUnsigned + Copy> EmergencySpending<Balance> {
	/// How much more emergencies may take in `now` from a fund holding
	/// `balance` under `cap`: the cap is a share of the fund as it stood
	/// before this month's emergencies.
	pub fn headroom(this: Option<Self>, now: Month, balance: Balance, cap: Perbill) -> Balance {
		let spent = Self::spent_in(this, now);
		cap.mul_floor(balance.saturating_add(spent)).saturating_sub(spent)
	}

	/// What emergencies took in `now` (a record of an earlier month counts
	/// nothing: the cap starts again each month).
	pub fn spent_in(this: Option<Self>, now: Month) -> Balance {
		this.filter(|s| s.period == now).map_or(Balance::zero(), |s| s.spent)
	}

	/// The record after emergencies took `amount` more in `now`.
	pub fn after_spending(this: Option<Self>, now: Month, amount: Balance) -> Self {
		Self { period: now, spent: Self::spent_in(this, now).saturating_add(amount) }
	}
}

/// How a fee payment divides between the operating fund, the escrow of the
/// company's pay held back until the owners rate the month's service, and
/// (under 酬金制) the company's remuneration.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct FeeSplit<Balance> {
	/// Held back in escrow now, paid to the company or returned to the
	/// owners when the month's rating period closes.
	pub held_back: Balance,
	/// Earned by the company at once (酬金制: its share, less what is held
	/// back of it). Stays in the operating fund until drawn.
	pub remuneration: Balance,
}

impl<Balance: sp_runtime::traits::AtLeast32BitUnsigned + Copy> FeeSplit<Balance> {
	/// The split of `fees` paid under `model` when the rating rule holds
	/// back `held_share`.
	///
	/// Under 包干制 the fees are the company's and the share is held back
	/// from them. Under 酬金制 only the remuneration is the company's: the
	/// share held back comes out of it (never more than it), so a good
	/// rating pays the company its own remuneration, never the owners'
	/// trust money. A share below `minimum` (the existential deposit), or
	/// one that would leave such dust in the operating fund, is not held:
	/// dust could neither open the escrow nor be paid out of it.
	pub fn of(
		fees: Balance,
		model: Option<ContractModel>,
		held_share: Permill,
		minimum: Balance,
	) -> Self {
		let earned = match model {
			Some(ContractModel::Remuneration { share }) => Some(share.mul_floor(fees)),
			_ => None,
		};
		let mut held_back = held_share.mul_floor(fees);
		if let Some(earned) = earned {
			held_back = held_back.min(earned);
		}
		let rest = fees.saturating_sub(held_back);
		if held_back < minimum || (!rest.is_zero() && rest < minimum) {
			held_back = Zero::zero();
		}
		FeeSplit {
			held_back,
			remuneration: earned.map_or(Zero::zero(), |e| e.saturating_sub(held_back)),
		}
	}
}

#[cfg(test)]
mod fee_split {
	use super::*;

	const LUMP: Option<ContractModel> = Some(ContractModel::LumpSum);

	fn remuneration(percent: u32) -> Option<ContractModel> {
		Some(ContractModel::Remuneration { share: Permill::from_percent(percent) })
	}

	#[test]
	fn under_lump_sum_the_share_is_held_back_from_the_fees() {
		assert_eq!(
			FeeSplit::of(1_000u128, LUMP, Permill::from_percent(10), 1),
			FeeSplit { held_back: 100, remuneration: 0 }
		);
		assert_eq!(FeeSplit::of(1_000u128, None, Permill::zero(), 1), FeeSplit::default());
	}

	#[test]
	fn under_remuneration_the_hold_comes_out_of_the_companys_pay_and_never_exceeds_it() {
		// 8 % remuneration, 5 % held back: the company earns 3 % now.
		assert_eq!(
			FeeSplit::of(1_000u128, remuneration(8), Permill::from_percent(5), 1),
			FeeSplit { held_back: 50, remuneration: 30 }
		);
		// A hold above the remuneration holds the remuneration, not the
		// owners' money.
		assert_eq!(
			FeeSplit::of(1_000u128, remuneration(8), Permill::from_percent(20), 1),
			FeeSplit { held_back: 80, remuneration: 0 }
		);
	}

	#[test]
	fn dust_is_not_held() {
		// 10 % of 99 is 9: below a minimum of 10.
		assert_eq!(FeeSplit::of(99u128, LUMP, Permill::from_percent(10), 10), FeeSplit::default());
		// 95 % of 100 leaves 5 in the operating fund: dust.
		assert_eq!(FeeSplit::of(100u128, LUMP, Permill::from_percent(95), 10), FeeSplit::default());
		// All of it held leaves nothing behind: held.
		assert_eq!(
			FeeSplit::of(100u128, LUMP, Permill::one(), 10),
			FeeSplit { held_back: 100, remuneration: 0 }
		);
		assert_eq!(
			FeeSplit::of(99u128, remuneration(10), Permill::from_percent(10), 10),
			FeeSplit { held_back: 0, remuneration: 9 }
		);
	}
}

/// Spends per 0.01 m² are kept scaled by this (planck × 10¹² per 0.01 m²),
/// so that a unit's share of a spend loses less than a planck to rounding.
pub const SPEND_INDEX_SCALE: u128 = 1_000_000_000_000;

/// One movement of money to book, as [`Pallet::book_in`](crate::Pallet)
/// and `book_out` take it: which fund, what for, how much, with whom, in
/// which accounting month and approved by whom; a unit, the months billed
/// and a document where they apply.
pub struct Movement<'a, AccountId, Balance> {
	/// The fund it moves into or out of.
	pub fund: FundKind,
	/// What it is for.
	pub category: Category,
	/// How much, in the smallest unit.
	pub amount: Balance,
	/// The payer (into a fund) or the payee (out of it).
	pub counterparty: &'a AccountId,
	/// Who approved it.
	pub approved_by: Approver<AccountId>,
	/// The accounting month it is booked in.
	pub month: Month,
	/// The unit it is for, if any.
	pub unit: Option<UnitId>,
	/// The months a fee payment covers, if it is one.
	pub billed: Option<(Month, Month)>,
	/// The hash of its invoice, contract or receipt, if any.
	pub document: Option<H256>,
}

impl<'a, AccountId: Clone, Balance> Movement<'a, AccountId, Balance> {
	/// A movement with no unit, months billed or document.
	pub fn new(
		fund: FundKind,
		category: Category,
		amount: Balance,
		counterparty: &'a AccountId,
		approved_by: Approver<AccountId>,
		month: Month,
	) -> Self {
		Self {
			fund,
			category,
			amount,
			counterparty,
			approved_by,
			month,
			unit: None,
			billed: None,
			document: None,
		}
	}

	/// For `unit`.
	pub fn for_unit(self, unit: UnitId) -> Self {
		Self { unit: Some(unit), ..self }
	}

	/// Paying the months `billed`.
	pub fn billing(self, billed: Option<(Month, Month)>) -> Self {
		Self { billed, ..self }
	}

	/// On `document`.
	pub fn on(self, document: H256) -> Self {
		Self { document: Some(document), ..self }
	}

	/// Its ledger line, moving in `direction`, booked in `block`.
	pub fn entry<BlockNumber>(
		self,
		direction: Direction,
		block: BlockNumber,
	) -> LedgerEntry<AccountId, Balance, BlockNumber> {
		LedgerEntry {
			fund: self.fund,
			direction,
			category: self.category,
			amount: self.amount,
			period: self.month,
			billed: self.billed,
			unit: self.unit,
			counterparty: self.counterparty.clone(),
			document: self.document,
			approved_by: self.approved_by,
			block,
		}
	}
}

/// The spend pool of the whole community (a scope's is `Some(scope)`).
pub const COMMUNITY_POOL: Option<linli_primitives::community::ScopeId> = None;

/// The units of one scope (or of the whole community) that hold a
/// maintenance account, and the spends shared among them by area: a spend of
/// `amount` raises `index` by `amount × SCALE / area`, and a unit's share is
/// its area times the rise since its last settlement — O(1) per spend and
/// per deposit, as staking pallets share rewards.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct SpendPool {
	/// The members' summed area, 0.01 m².
	pub area: u128,
	/// Spends shared so far per 0.01 m², × [`SPEND_INDEX_SCALE`].
	pub index: u128,
	/// The members' deposits.
	pub deposited: u128,
	/// The members' shares of spends settled into their accounts, planck ×
	/// [`SPEND_INDEX_SCALE`].
	pub charged: u128,
	/// Σ area × this pool's `index` at each member's last settlement.
	pub debt: u128,
	/// Σ area × the community pool's `index` at each member's last
	/// settlement (the same as `debt` in the community pool).
	pub community_debt: u128,
}

/// A unit's maintenance-fund account (分户账): what it deposited, its share
/// of every spend of its scope and of the whole community, and so its
/// balance, which stays with the unit when it is sold.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct MaintenanceAccount {
	/// The scope whose spends it shares.
	pub scope: ScopeId,
	/// The area it shares them by, 0.01 m².
	pub area: linli_primitives::community::Area,
	/// Deposited, all rounds.
	pub deposited: u128,
	/// Its shares of spends up to its last settlement, planck ×
	/// [`SPEND_INDEX_SCALE`].
	pub charged: u128,
	/// The scope pool's index at its last settlement.
	pub scope_index: u128,
	/// The community pool's index at its last settlement.
	pub community_index: u128,
}

impl MaintenanceAccount {
	/// Its shares of spends since its last settlement, planck ×
	/// [`SPEND_INDEX_SCALE`], given the pools' current indexes.
	pub fn pending(&self, scope_index: u128, community_index: u128) -> Option<u128> {
		let area = self.area as u128;
		let scope = area.checked_mul(scope_index.checked_sub(self.scope_index)?)?;
		let community = area.checked_mul(community_index.checked_sub(self.community_index)?)?;
		scope.checked_add(community)
	}

	/// Settles its pending shares into `charged` at the given indexes.
	pub fn settle(&mut self, scope_index: u128, community_index: u128) -> Option<()> {
		self.charged = self.charged.checked_add(self.pending(scope_index, community_index)?)?;
		self.scope_index = scope_index;
		self.community_index = community_index;
		Some(())
	}

	/// Deposits minus its shares of spends, planck × [`SPEND_INDEX_SCALE`]:
	/// `Ok` a balance, `Err` what it owes (its shares exceeded its
	/// deposits: a top-up is due).
	pub fn net(&self, scope_index: u128, community_index: u128) -> Option<Result<u128, u128>> {
		let shares = self.charged.checked_add(self.pending(scope_index, community_index)?)?;
		let deposited = self.deposited.checked_mul(SPEND_INDEX_SCALE)?;
		Some(deposited.checked_sub(shares).ok_or_else(|| shares - deposited))
	}
}

impl SpendPool {
	/// Adds (`join`) or removes a member's area, deposits, settled shares
	/// and snapshots, as of its settlement at `own_index` of this pool and
	/// `community_index`.
	pub fn apply(
		&mut self,
		member: &MaintenanceAccount,
		own_index: u128,
		join: bool,
	) -> Option<()> {
		let area = member.area as u128;
		let debt = area.checked_mul(own_index)?;
		let community_debt = area.checked_mul(member.community_index)?;
		let step = |total: &mut u128, part: u128| -> Option<()> {
			*total = if join { total.checked_add(part)? } else { total.checked_sub(part)? };
			Some(())
		};
		step(&mut self.area, area)?;
		step(&mut self.deposited, member.deposited)?;
		step(&mut self.charged, member.charged)?;
		step(&mut self.debt, debt)?;
		step(&mut self.community_debt, community_debt)
	}

	/// What the members of a scope pool hold together, planck ×
	/// [`SPEND_INDEX_SCALE`], given the community pool's index (negative:
	/// `None`).
	pub fn balance(&self, community_index: u128) -> Option<u128> {
		let own = self.area.checked_mul(self.index)?.checked_sub(self.debt)?;
		let community = self.area.checked_mul(community_index)?.checked_sub(self.community_debt)?;
		self.deposited
			.checked_mul(SPEND_INDEX_SCALE)?
			.checked_sub(self.charged)?
			.checked_sub(own)?
			.checked_sub(community)
	}

	/// Shares `amount` among the members by area: returns the rise of the
	/// index and what rounding left unshared (planck × scale, less than the
	/// pool's area).
	pub fn share(&mut self, amount: u128) -> Option<(u128, u128)> {
		if self.area == 0 {
			return None;
		}
		let scaled = amount.checked_mul(SPEND_INDEX_SCALE)?;
		let rise = scaled / self.area;
		self.index = self.index.checked_add(rise)?;
		Some((rise, scaled - rise * self.area))
	}
}

#[cfg(test)]
mod maintenance_shares {
	use super::*;

	fn account(scope: ScopeId, area: u64, deposited: u128) -> MaintenanceAccount {
		MaintenanceAccount {
			scope,
			area,
			deposited,
			charged: 0,
			scope_index: 0,
			community_index: 0,
		}
	}

	/// Two units of 60 and 40 m² in one building share a repair of 1,000
	/// by area: 600 and 400, whatever order they settle in.
	#[test]
	fn a_spend_is_shared_by_area() {
		let (mut a, mut b) = (account(1, 60_00, 5_000), account(1, 40_00, 5_000));
		let mut pool = SpendPool::default();
		pool.apply(&a, 0, true).unwrap();
		pool.apply(&b, 0, true).unwrap();
		assert_eq!(pool.balance(0), Some(10_000 * SPEND_INDEX_SCALE));
		let (_, unshared) = pool.share(1_000).unwrap();
		assert_eq!(unshared, 0);
		assert_eq!(a.pending(pool.index, 0), Some(600 * SPEND_INDEX_SCALE));
		assert_eq!(b.net(pool.index, 0), Some(Ok(4_600 * SPEND_INDEX_SCALE)));
		assert_eq!(pool.balance(0), Some(9_000 * SPEND_INDEX_SCALE));
		// Settling moves the share into `charged`; the pool's balance holds.
		pool.apply(&a, 0, false).unwrap();
		a.settle(pool.index, 0).unwrap();
		pool.apply(&a, pool.index, true).unwrap();
		assert_eq!(
			(a.charged, pool.balance(0)),
			(600 * SPEND_INDEX_SCALE, Some(9_000 * SPEND_INDEX_SCALE))
		);
		b.settle(pool.index, 0).unwrap();
		assert_eq!(a.charged + b.charged, 1_000 * SPEND_INDEX_SCALE);
	}

	#[test]
	fn a_share_beyond_the_deposit_is_owed_and_rounding_is_kept() {
		let mut pool = SpendPool::default();
		let a = account(1, 3, 1);
		pool.apply(&a, 0, true).unwrap();
		// 10 planck over 0.03 m²: 3.33… per 0.01 m², the rest unshared.
		let (rise, unshared) = pool.share(10).unwrap();
		assert_eq!(rise * 3 + unshared, 10 * SPEND_INDEX_SCALE);
		assert!(unshared < 3);
		assert!(
			matches!(a.net(pool.index, 0), Some(Err(owed)) if owed == rise * 3 - SPEND_INDEX_SCALE)
		);
		assert_eq!(pool.balance(0), None);
		assert_eq!(SpendPool::default().share(1), None);
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	fn notice(principal: u128) -> DemandNotice<u128> {
		DemandNotice { issued: 10, through: 9, principal, accrued: 0, charged: 0, accrued_to: 10 }
	}

	const TERMS: LateFeeTerms = LateFeeTerms {
		monthly_rate: Perbill::from_percent(3),
		cap: Perbill::from_percent(30),
		grace_periods: 0,
	};

	#[test]
	fn a_late_fee_accrues_per_month_on_the_named_arrears_only() {
		let mut n = notice(1_000);
		// More arrears than the notice named bear no more late fee.
		n.accrue(Some(&TERMS), 5_000, 12).unwrap();
		assert_eq!((n.accrued, n.charged, n.accrued_to), (60, 60, 12));
		// A month already accrued is not charged twice.
		n.accrue(Some(&TERMS), 5_000, 12).unwrap();
		assert_eq!(n.accrued, 60);
		// Part paid: the late fee runs on what is left.
		n.accrue(Some(&TERMS), 500, 13).unwrap();
		assert_eq!(n.accrued, 75);
	}

	#[test]
	fn a_late_fee_never_exceeds_its_cap_of_the_principal() {
		let mut n = notice(1_000);
		n.accrue(Some(&TERMS), 1_000, 10 + 100).unwrap();
		assert_eq!(n.charged, 300, "30 % of 1 000");
		n.accrued = 0; // paid
		n.accrue(Some(&TERMS), 1_000, 10 + 200).unwrap();
		assert_eq!(
			(n.accrued, n.charged),
			(0, 300),
			"the cap is of the notice's life, not per payment"
		);
	}

	#[test]
	fn without_late_fee_terms_only_the_month_moves() {
		let mut n = notice(1_000);
		n.accrue(None, 1_000, 20).unwrap();
		assert_eq!((n.accrued, n.charged, n.accrued_to), (0, 0, 20));
	}
}
