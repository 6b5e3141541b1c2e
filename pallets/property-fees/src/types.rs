//! Storage types of the property-fees pallet.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use linli_primitives::{
	community::ScopeId,
	fees::{Approver, Category, Emergency, Period},
};
use sp_core::H256;
use scale_info::TypeInfo;
use sp_runtime::{traits::Zero, Perbill, Permill};

/// How the property company is paid (物业服务合同的计费方式).
#[derive(
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
	Debug, serde::Serialize, serde::Deserialize,
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
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
	serde::Serialize, serde::Deserialize,
)]
pub struct FeeSchedule<Balance> {
	/// The first period it applies to.
	pub effective_from: Period,
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
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
	Debug, serde::Serialize, serde::Deserialize,
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
	Clone, Copy, PartialEq, Eq, Default, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen,
	TypeInfo, Debug, serde::Serialize, serde::Deserialize,
)]
pub struct ContractTerms {
	/// How many periods beyond the current one an owner may prepay
	/// (prepayment needs the owner's consent: only the unit's owner or its
	/// responsible account may prepay). `0`: no prepayment.
	pub max_prepaid_periods: u8,
	/// Late fees, if the contract provides them. Off by default.
	pub late_fee: Option<LateFeeTerms>,
}

/// A unit's fee account. Dues are never stored per period: they follow
/// from the schedules, the unit's area and `next_due`.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct UnitAccount<Balance> {
	/// The first period not fully paid.
	pub next_due: Period,
	/// Paid towards `next_due` already (less than its due).
	pub credit: Balance,
}

/// Dues a unit carries as fixed amounts, paid before any month: months
/// billed before a correction of its area (the owner's, at the area of
/// their time), and months the developer held it (the developer's, never
/// the buyer's).
#[derive(
	Clone, Copy, PartialEq, Eq, Default, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
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
	pub issued: Period,
	/// The last period whose dues it demands (the one before `issued`).
	pub through: Period,
	/// The arrears it named.
	pub principal: Balance,
	/// Late fee accrued up to `accrued_to` and not yet paid.
	pub accrued: Balance,
	/// Late fee accrued over the notice's life (the cap applies to this).
	pub charged: Balance,
	/// The period up to which late fees have been accrued.
	pub accrued_to: Period,
}

/// A fund's running state.
#[derive(
	Clone, PartialEq, Eq, Default, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
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
	Clone, Copy, PartialEq, Eq, Default, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen,
	TypeInfo, Debug,
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
	pub from: Period,
	/// Last period it may be spent in.
	pub to: Period,
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
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct EmergencySpending<Balance> {
	/// The month.
	pub period: Period,
	/// Spent on emergencies in it.
	pub spent: Balance,
}

impl<Balance: sp_runtime::traits::AtLeast32BitUnsigned + Copy> EmergencySpending<Balance> {
	/// How much more emergencies may take in `now` from a fund holding
	/// `balance` under `cap`: the cap is a share of the fund as it stood
	/// before this month's emergencies.
	pub fn headroom(this: Option<Self>, now: Period, balance: Balance, cap: Perbill) -> Balance {
		let spent = this.filter(|s| s.period == now).map_or(Balance::zero(), |s| s.spent);
		cap.mul_floor(balance.saturating_add(spent)).saturating_sub(spent)
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
	pub fn of(fees: Balance, model: Option<ContractModel>, held_share: Permill, minimum: Balance) -> Self {
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
		FeeSplit { held_back, remuneration: earned.map_or(Zero::zero(), |e| e.saturating_sub(held_back)) }
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
