//! # Property-fees pallet: billing, payment, arrears, funds and a public ledger
//!
//! Every fen of a community's money, where it came from and where it went,
//! readable by anyone (民法典 Art. 943 disclosure), and fee collection that
//! runs itself.
//!
//! ## Funds and the ledger
//! Each community has four funds, each a keyless account derived from the
//! community ([`Pallet::fund_account`]): the operating fund (property fees),
//! the special maintenance fund (专项维修资金), the public-income fund
//! (公共收益: parking, advertising) and the escrow of the company's pay
//! held back until the owners rate its service (through
//! [`CommunityFunds`](linli_primitives::fees::CommunityFunds), used by the
//! ratings pallet). A fund's money is held on its account
//! under [`HoldReason::Fund`], so only this pallet moves it and a stray
//! transfer to the account never blurs the books. Every movement is a
//! [`LedgerEntry`]: fund, direction, category, amount, period, billing
//! periods, unit, counterparty, document hash and approver. Running totals
//! per fund, per period and per category are kept with every entry.
//!
//! ## Billing in O(1)
//! Nothing is billed per unit per month. A unit owes, for every period from
//! its `next_due` to now, `price_per_m2 × area / 100` rounded half up to
//! the smallest unit, at the price of that period's [`FeeSchedule`]. Paying
//! walks the (bounded) schedule history, never the units: a payment costs the
//! same in a community of ten units as in one of ten thousand. A unit is
//! billed from the month it is registered (never for months before it
//! existed); a unit held by the developer is the developer's to pay (its
//! `responsible` account), and what it owes for those months stays the
//! developer's when it is delivered ([`Carried`], paid only from the
//! developer's account). A correction of a unit's area applies from the
//! month it is made: earlier unpaid months are carried at the area of their
//! time. The community pallet tells this pallet of these events through
//! [`UnitChanges`](linli_primitives::community::UnitChanges).
//!
//! Schedules take effect from the current period or later, never in the
//! past; periods already prepaid stay paid at the price they were paid at.
//! A community keeps at most `MaxSchedules`; when full, the oldest goes as
//! soon as no unit owes a month it priced ([`DueMonths`] counts the units
//! by the month they are first due in, [`OldestDue`] the oldest such
//! month), so a price can always change once the old months are paid.
//!
//! ## Payment, prepayment, late fees
//! Anyone may pay for a unit, in part or in full; money goes to past and
//! current periods first (oldest first), then to an open late fee, then —
//! only when the payer is the unit's owner or responsible account (the
//! owner's consent) — to at most `max_prepaid_periods` future periods.
//! Late fees are off unless the community's [`ContractTerms`] provide them;
//! they run only after the property company issued a demand notice (催告)
//! and its grace months passed, at a monthly rate, on the arrears the notice
//! named, capped in total; both rate and cap are bounded by the runtime.
//! Arrears never touch a vote or a residency: this pallet cannot.
//!
//! ## The maintenance fund, per unit
//! The fund is one account, kept per unit (分户账, [`MaintenanceAccounts`]):
//! each unit's deposits and its share, by area, of every spend of its scope
//! and of the whole community, through [`SpendPools`] (a spend raises the
//! pool's spend per m²; a unit's share is its area times the rise since it
//! last settled: O(1) per deposit and per spend). A repair of one building
//! or stair is paid only from its own units' accounts
//! (`ScopeFundInsufficient` beyond them). A unit's account stays with the
//! unit when it is sold, and follows a correction of its scope or area for
//! later spends. Deposit rounds (the first deposit, then top-ups) are kept
//! up to `MaxMaintenanceRounds`; when full, the oldest top-up every unit has
//! paid goes (a unit registered later owes the first deposit and the
//! rounds still kept).
//!
//! ## The maintenance fund and emergencies
//! The owners spend the maintenance fund by decision (`spend_maintenance`):
//! a decision of one building's owners only on that building. The listed
//! emergencies (DOMAIN.md) skip the vote, but never on one key: one
//! committee member or company account announces the repair with its
//! invoice hash (the owners' notice), a second account approves and the
//! fund pays — one of the two must be a committee member. Emergencies may
//! take at most the community's cap of the fund in a calendar month
//! ([`EmergencyCaps`], default `DefaultEmergencyCap`); beyond it, the owners
//! vote.
//!
//! ## Where the code lives
//! - `lib.rs`: config, storage, events, errors and the calls;
//! - [`types`]: the stored types; [`DemandNotice::accrue`](types::DemandNotice::accrue)
//!   holds the late-fee rule (its cap), [`FeeSplit`] the
//!   split of a payment between the company, escrow and the owners;
//! - `billing.rs`: what a month costs a unit, what it owes, its billing state;
//! - `payments.rs`: schedules and terms, payments, carried dues, demand notices;
//! - `ledger.rs`: `book_in` / `book_out`, the one path of every movement of
//!   money, each a [`Movement`] and a ledger entry;
//! - `funds.rs`: budgets, expenses, public income, escrow settlement;
//! - `maintenance.rs`: the maintenance fund, its rounds, spends and emergencies;
//! - `units.rs`: what a new, corrected or delivered unit changes here;
//! - `views.rs`: what the runtime API serves; `invariants.rs`: `try_state`.
//!
//! ## Calls
//! | call | origin | event |
//! |---|---|---|
//! | [`set_fee_schedule`](Pallet::set_fee_schedule) | `ScheduleOrigin` (owners' assembly) | `FeeScheduleSet` |
//! | [`set_contract_terms`](Pallet::set_contract_terms) | `ScheduleOrigin` | `ContractTermsSet` |
//! | [`pay_fees`](Pallet::pay_fees) | anyone signed | `FeesPaid` |
//! | [`issue_demand_notice`](Pallet::issue_demand_notice) | `ManagerOrigin` (物业) | `DemandNoticeIssued` |
//! | [`approve_budget`](Pallet::approve_budget) | `BudgetOrigin` (owners' assembly) | `BudgetApproved` |
//! | [`record_expense`](Pallet::record_expense) | `ManagerOrigin` | `ExpenseRecorded` |
//! | [`record_public_income`](Pallet::record_public_income) | anyone signed (the payer) | `PublicIncomeRecorded` |
//! | [`spend_public_income`](Pallet::spend_public_income) | `PublicIncomeSpendOrigin` (assembly) | `PublicIncomeSpent` |
//! | [`open_maintenance_round`](Pallet::open_maintenance_round) | `MaintenanceRaiseOrigin` (assembly, 双四分之三) | `MaintenanceRoundOpened` |
//! | [`deposit_maintenance`](Pallet::deposit_maintenance) | anyone signed | `MaintenanceDeposited` |
//! | [`spend_maintenance`](Pallet::spend_maintenance) | `MaintenanceSpendOrigin` (assembly) | `MaintenanceSpent` (+ `MaintenanceFundLow`) |
//! | [`emergency_repair`](Pallet::emergency_repair) | `EmergencyOrigin` (业委会 or 物业): the first key | `EmergencyRepairProposed` |
//! | [`approve_emergency_repair`](Pallet::approve_emergency_repair) | `EmergencyOrigin`: a second key, one of the two the committee's | `EmergencyRepairNotified` (+ `MaintenanceFundLow`) |
//! | [`cancel_emergency_repair`](Pallet::cancel_emergency_repair) | `EmergencyOrigin` | `EmergencyRepairCancelled` |
//! | [`set_emergency_cap`](Pallet::set_emergency_cap) | `MaintenanceSpendOrigin`, community-wide | `EmergencyCapSet` |
//! | [`pay_developer_arrears`](Pallet::pay_developer_arrears) | anyone signed | `DeveloperArrearsPaid` |
//! | [`roll_up_arrears`](Pallet::roll_up_arrears) | anyone signed | `ArrearsRolledUp` |
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod billing;
mod funds;
mod invariants;
mod ledger;
mod maintenance;
mod payments;
pub use payments::PaymentTaken;
mod units;
mod views;
pub mod migrations;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use linli_primitives::fees::LedgerEntry;

/// How many months a payment looks ahead for the community's oldest due
/// month when the oldest one empties (the rest waits for later payments).
pub const DUE_SCAN: u32 = 12;

/// The most units of a community the benchmarks measured calls in (DOMAIN.md's
/// large tier). Weights are charged at this size; the measured slope per
/// unit is what shows billing does not grow with the community.
pub const BENCHMARKED_UNITS: u32 = 5_000;
pub use types::*;
pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		pallet_prelude::*,
		traits::{fungible, EnsureOriginWithArg},
		PalletId,
	};
	use frame_system::pallet_prelude::*;
	use linli_primitives::{
		calendar::{Month, MonthClock},
		community::{CommunityId, CommunityInspect, ScopeId, UnitId},
		fees::{Approver, Category, Emergency, FundKind},
		governance::Jurisdiction,
	};
	use sp_core::H256;
	use sp_runtime::Perbill;

	/// The in-code storage version.
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(2);

	/// The balance type of the pallet's currency.
	pub type BalanceOf<T> =
		<<T as Config>::Currency as fungible::Inspect<<T as frame_system::Config>::AccountId>>::Balance;

	/// A ledger entry of this runtime.
	pub type LedgerEntryOf<T> =
		LedgerEntry<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;

	/// Who approved a movement, in this runtime.
	pub type ApproverOf<T> = Approver<<T as frame_system::Config>::AccountId>;

	/// A movement of money to book, of this runtime.
	pub type MovementOf<'a, T> = Movement<'a, <T as frame_system::Config>::AccountId, BalanceOf<T>>;

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// What fees are paid in: the native token now, a stablecoin later
		/// (anything with `fungible` holds).
		type Currency: fungible::Mutate<Self::AccountId>
			+ fungible::MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;
		/// The runtime's hold reasons.
		type RuntimeHoldReason: From<HoldReason>;
		/// Communities, units and residents.
		type Community: CommunityInspect<Self::AccountId>;
		/// Which billing period it is.
		type Clock: MonthClock;
		/// How much of the fees paid in a month is held back from the
		/// company until the owners rate that month's service (the
		/// service-ratings pallet).
		type HeldBackShare: linli_primitives::fees::HeldBackShare;
		/// Seeds the funds' keyless accounts.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// Sets a community's fee schedule and contract terms (the owners'
		/// assembly).
		type ScheduleOrigin: EnsureOriginWithArg<
			Self::RuntimeOrigin,
			CommunityId,
			Success = ApproverOf<Self>,
		>;
		/// Approves budget lines of the operating fund under 酬金制.
		type BudgetOrigin: EnsureOriginWithArg<Self::RuntimeOrigin, CommunityId, Success = ApproverOf<Self>>;
		/// The property company: records expenses, issues demand notices.
		type ManagerOrigin: EnsureOriginWithArg<Self::RuntimeOrigin, CommunityId, Success = ApproverOf<Self>>;
		/// Spends the maintenance fund (an ordinary matter of the assembly)
		/// within a [`Jurisdiction`]: a decision of one building's owners
		/// may pay only for that building's repair.
		type MaintenanceSpendOrigin: EnsureOriginWithArg<
			Self::RuntimeOrigin,
			Jurisdiction,
			Success = ApproverOf<Self>,
		>;
		/// Sets the maintenance fund's first deposit or raises a top-up (a
		/// major matter of the assembly).
		type MaintenanceRaiseOrigin: EnsureOriginWithArg<
			Self::RuntimeOrigin,
			CommunityId,
			Success = ApproverOf<Self>,
		>;
		/// One key of an emergency repair without a vote: a member of the
		/// owners' committee (业委会) or an account of the property company
		/// (物业). A repair needs two such keys, one of them the committee's.
		type EmergencyOrigin: EnsureOriginWithArg<Self::RuntimeOrigin, CommunityId, Success = Self::AccountId>;
		/// Spends the public-income fund (the assembly).
		type PublicIncomeSpendOrigin: EnsureOriginWithArg<
			Self::RuntimeOrigin,
			CommunityId,
			Success = ApproverOf<Self>,
		>;

		/// Schedules a community keeps (its price history).
		#[pallet::constant]
		type MaxSchedules: Get<u32>;
		/// Maintenance deposit rounds (first deposit and top-ups) a community
		/// keeps.
		#[pallet::constant]
		type MaxMaintenanceRounds: Get<u32>;
		/// The most periods a contract may allow to be prepaid.
		#[pallet::constant]
		type MaxPrepaidPeriods: Get<u8>;
		/// The highest monthly late-fee rate a contract may set.
		#[pallet::constant]
		type MaxLateFeeRate: Get<Perbill>;
		/// The highest total late fee, as a share of the arrears noticed.
		#[pallet::constant]
		type MaxLateFeeCap: Get<Perbill>;
		/// The share of the maintenance fund that emergency repairs may take
		/// in one month without a vote, where a community set no rule.
		#[pallet::constant]
		type DefaultEmergencyCap: Get<Perbill>;
		/// The highest such share a community's rule may set.
		#[pallet::constant]
		type MaxEmergencyCap: Get<Perbill>;
		/// The smallest payment into a fund (each is a ledger entry kept
		/// forever); a smaller fee payment is taken only when it settles all
		/// that the unit owes.
		#[pallet::constant]
		type MinimumPayment: Get<BalanceOf<Self>>;
		/// Emergency repairs a community may have waiting for their second
		/// key at once.
		#[pallet::constant]
		type MaxPendingEmergencies: Get<u32>;

		/// Measured weights.
		type WeightInfo: WeightInfo;

		/// Sets up communities for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: linli_primitives::community::CommunityBenchmarking<Self::AccountId>;
	}

	/// Why the pallet holds money.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The balance of a community's fund, on the fund's own account.
		#[codec(index = 0)]
		Fund,
	}

	/// A community's fee schedules, oldest first: each past period is billed
	/// at the price of its own schedule.
	#[pallet::storage]
	pub type Schedules<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		CommunityId,
		BoundedVec<FeeSchedule<BalanceOf<T>>, T::MaxSchedules>,
		ValueQuery,
	>;

	/// A community's contract terms (prepayment, late fees).
	#[pallet::storage]
	pub type Terms<T: Config> = StorageMap<_, Blake2_128Concat, CommunityId, ContractTerms, ValueQuery>;

	/// Where each unit's billing stands, from its registration (or its
	/// first payment since storage version 2), counted in [`DueMonths`].
	#[pallet::storage]
	pub type Billing<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, CommunityId, Identity, UnitId, BillingState<BalanceOf<T>>>;

	/// Storage version 1's unit accounts, not counted in [`DueMonths`]: read
	/// until the unit's next payment moves it to [`Billing`]. A unit in
	/// neither map is due from the community's first schedule.
	#[pallet::storage]
	pub type UnitAccounts<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, CommunityId, Identity, UnitId, BillingState<BalanceOf<T>>>;

	/// How many units of a community are first due in each month (their
	/// `next_due`): the oldest fee schedule may go once no unit owes its
	/// months.
	#[pallet::storage]
	pub type DueMonths<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, CommunityId, Twox64Concat, Month, u32, ValueQuery>;

	/// How many units of a community are in [`Billing`].
	#[pallet::storage]
	pub type BilledUnits<T: Config> = StorageMap<_, Blake2_128Concat, CommunityId, u32, ValueQuery>;

	/// No unit of the community is due before this month (a lower bound,
	/// moved forward by at most [`DUE_SCAN`] months a payment).
	#[pallet::storage]
	pub type OldestDue<T: Config> = StorageMap<_, Blake2_128Concat, CommunityId, Month>;

	/// Dues units carry as fixed amounts: months billed before a correction
	/// of the area, months the developer held the unit.
	#[pallet::storage]
	pub type Carried<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, CommunityId, Identity, UnitId, CarriedDues<BalanceOf<T>>>;

	/// Open demand notices (催告).
	#[pallet::storage]
	pub type Notices<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, CommunityId, Identity, UnitId, DemandNotice<BalanceOf<T>>>;

	/// Each fund's running balance and totals.
	#[pallet::storage]
	pub type Funds<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, CommunityId, Twox64Concat, FundKind, FundState<BalanceOf<T>>>;

	/// The ledger: every movement of every fund, by community and index.
	#[pallet::storage]
	pub type Ledger<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, CommunityId, Twox64Concat, u64, LedgerEntryOf<T>>;

	/// How many entries a community's ledger has.
	#[pallet::storage]
	pub type LedgerLength<T: Config> = StorageMap<_, Blake2_128Concat, CommunityId, u64, ValueQuery>;

	/// Income and expense of a fund per period.
	#[pallet::storage]
	pub type PeriodTotals<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Blake2_128Concat, CommunityId>,
			NMapKey<Twox64Concat, FundKind>,
			NMapKey<Twox64Concat, Month>,
		),
		Flow<BalanceOf<T>>,
		ValueQuery,
	>;

	/// Income and expense of a fund per period and category.
	#[pallet::storage]
	pub type CategoryTotals<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Blake2_128Concat, CommunityId>,
			NMapKey<Twox64Concat, FundKind>,
			NMapKey<Twox64Concat, Month>,
			NMapKey<Twox64Concat, Category>,
		),
		Flow<BalanceOf<T>>,
		ValueQuery,
	>;

	/// Budget lines of the operating fund (酬金制), by community and number.
	#[pallet::storage]
	pub type Budgets<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		CommunityId,
		Twox64Concat,
		u32,
		BudgetLine<T::AccountId, BalanceOf<T>>,
	>;

	/// The number the next budget line of a community gets.
	#[pallet::storage]
	pub type NextBudget<T: Config> = StorageMap<_, Blake2_128Concat, CommunityId, u32, ValueQuery>;

	/// Remuneration (酬金) the company has earned on fees collected under
	/// 酬金制 and not yet drawn.
	#[pallet::storage]
	pub type RemunerationDue<T: Config> =
		StorageMap<_, Blake2_128Concat, CommunityId, BalanceOf<T>, ValueQuery>;

	/// The company's pay held back in escrow from the fees paid in a month,
	/// until the rating period of that month is settled (then removed).
	#[pallet::storage]
	pub type Escrowed<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, CommunityId, Twox64Concat, Month, BalanceOf<T>, ValueQuery>;

	/// A community's maintenance deposit rounds: the price per m² of the
	/// first deposit, then of each top-up (续筹).
	#[pallet::storage]
	pub type MaintenanceRounds<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		CommunityId,
		BoundedVec<BalanceOf<T>, T::MaxMaintenanceRounds>,
		ValueQuery,
	>;

	/// How many of a community's top-up rounds (from round 1 on) were
	/// dropped once every unit had paid them: round `r > pruned` is at index
	/// `r − pruned` of [`MaintenanceRounds`], round 0 at index 0.
	#[pallet::storage]
	pub type PrunedRounds<T: Config> = StorageMap<_, Blake2_128Concat, CommunityId, u32, ValueQuery>;

	/// How many units paid each kept maintenance round (since storage
	/// version 2).
	#[pallet::storage]
	pub type RoundPayers<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, CommunityId, Twox64Concat, u32, u32, ValueQuery>;

	/// How many maintenance rounds a unit has paid.
	#[pallet::storage]
	pub type MaintenancePaid<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, CommunityId, Identity, UnitId, u32, ValueQuery>;

	/// Everything a community's first maintenance deposits brought in: the
	/// fund needs topping up when it falls below 30 % of it.
	#[pallet::storage]
	pub type FirstDeposits<T: Config> =
		StorageMap<_, Blake2_128Concat, CommunityId, BalanceOf<T>, ValueQuery>;

	/// Each unit's maintenance-fund account (分户账), from its first deposit.
	#[pallet::storage]
	pub type MaintenanceAccounts<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, CommunityId, Identity, UnitId, MaintenanceAccount>;

	/// The units with maintenance accounts, per scope (`Some`) and for the
	/// whole community (`None`), and the spends shared among them by area.
	#[pallet::storage]
	pub type SpendPools<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, CommunityId, Twox64Concat, Option<ScopeId>, SpendPool, ValueQuery>;

	/// What rounding left unshared of a community's maintenance spends,
	/// planck × [`SPEND_INDEX_SCALE`] (less than a planck per spend).
	#[pallet::storage]
	pub type UnsharedSpend<T: Config> = StorageMap<_, Blake2_128Concat, CommunityId, u128, ValueQuery>;

	/// Maintenance money deposited before units had accounts (storage
	/// version 1): everyone's, spent first by community-wide spends.
	#[pallet::storage]
	pub type LegacyMaintenance<T: Config> = StorageMap<_, Blake2_128Concat, CommunityId, BalanceOf<T>, ValueQuery>;

	/// Emergency repairs announced and waiting for their second key, by
	/// community and number.
	#[pallet::storage]
	pub type EmergencyRepairs<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		CommunityId,
		Twox64Concat,
		u32,
		EmergencyRepair<T::AccountId, BalanceOf<T>, BlockNumberFor<T>>,
	>;

	/// The number the next emergency repair of a community gets.
	#[pallet::storage]
	pub type NextEmergencyRepair<T: Config> = StorageMap<_, Blake2_128Concat, CommunityId, u32, ValueQuery>;

	/// How many emergency repairs of a community wait for a second key.
	#[pallet::storage]
	pub type PendingEmergencies<T: Config> = StorageMap<_, Blake2_128Concat, CommunityId, u32, ValueQuery>;

	/// A community's rule: the share of the maintenance fund emergencies may
	/// take in a month without a vote (else `DefaultEmergencyCap`).
	#[pallet::storage]
	pub type EmergencyCaps<T: Config> = StorageMap<_, Blake2_128Concat, CommunityId, Perbill>;

	/// What emergencies spent in a community's current (latest) month.
	#[pallet::storage]
	pub type EmergencySpent<T: Config> =
		StorageMap<_, Blake2_128Concat, CommunityId, EmergencySpending<BalanceOf<T>>>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A fee schedule was set.
		FeeScheduleSet {
			/// The community.
			community: CommunityId,
			/// The schedule: price per m² a month, contract model, first month.
			schedule: FeeSchedule<BalanceOf<T>>,
			/// Who approved it.
			approved_by: ApproverOf<T>,
		},
		/// The oldest fee schedule was dropped to make room: no unit owes
		/// any month it priced.
		FeeSchedulePruned {
			/// The community.
			community: CommunityId,
			/// The first month it priced.
			effective_from: Month,
		},
		/// Contract terms were set.
		ContractTermsSet {
			/// The community.
			community: CommunityId,
			/// The contract's terms now.
			terms: ContractTerms,
			/// Who approved it.
			approved_by: ApproverOf<T>,
		},
		/// Fees were paid for a unit: the receipt.
		FeesPaid {
			/// The community.
			community: CommunityId,
			/// The unit.
			unit: UnitId,
			/// Who paid.
			payer: T::AccountId,
			/// Paid towards dues.
			fees: BalanceOf<T>,
			/// Paid towards an open late fee.
			late_fee: BalanceOf<T>,
			/// Of `fees`, held back in escrow until the month's service is
			/// rated.
			held_back: BalanceOf<T>,
			/// Of `fees`, paid towards carried dues (the developer's months
			/// when the developer pays; months before an area correction).
			carried: BalanceOf<T>,
			/// The first and last period the dues part paid.
			billed: Option<(Month, Month)>,
			/// The first period still not fully paid.
			next_due: Month,
			/// Paid towards `next_due` already.
			credit: BalanceOf<T>,
		},
		/// A storage migration capped the company's remuneration due at what
		/// the operating fund holds (v1 let it spend below it): the part
		/// written off is the company's claim on the owners, off chain.
		RemunerationDueCapped {
			/// The community.
			community: CommunityId,
			/// What was written off the remuneration due.
			written_off: BalanceOf<T>,
		},
		/// Some of the dues a unit's developer carries (months it held the
		/// unit before delivery) were paid: the receipt.
		DeveloperArrearsPaid {
			/// The community.
			community: CommunityId,
			/// The unit.
			unit: UnitId,
			/// Who paid (the developer from any account, a guarantor, or
			/// the committee with money recovered from the developer).
			payer: T::AccountId,
			/// The amount paid.
			amount: BalanceOf<T>,
			/// Of `amount`, held back in escrow until the month's service is
			/// rated.
			held_back: BalanceOf<T>,
			/// What the developer still carries for the unit.
			left: BalanceOf<T>,
		},
		/// A unit's unpaid months before the current one became one fixed
		/// amount it carries (owed as before, priced as billed).
		ArrearsRolledUp {
			/// The community.
			community: CommunityId,
			/// The unit.
			unit: UnitId,
			/// The first month rolled up.
			from: Month,
			/// The last month rolled up.
			to: Month,
			/// What they come to (less credit paid towards `from`).
			amount: BalanceOf<T>,
		},
		/// The property company demanded a unit's arrears (催告).
		DemandNoticeIssued {
			/// The community.
			community: CommunityId,
			/// The unit.
			unit: UnitId,
			/// The arrears demanded.
			arrears: BalanceOf<T>,
			/// The last period demanded.
			through: Month,
			/// The first period a late fee may be charged for, if the
			/// contract provides one.
			late_fee_from: Month,
			/// Hash of the invoice, contract or receipt, kept off chain.
			document: H256,
		},
		/// A unit's notice was settled: arrears and late fee paid.
		DemandNoticeSettled {
			/// The community.
			community: CommunityId,
			/// The unit.
			unit: UnitId,
		},
		/// A budget line was approved.
		BudgetApproved {
			/// The community.
			community: CommunityId,
			/// The budget line's number.
			line: u32,
			/// What the money was for.
			category: Category,
			/// The amount, in the smallest unit.
			amount: BalanceOf<T>,
			/// The first month it covers.
			from: Month,
			/// The last month it covers.
			to: Month,
			/// Who approved it.
			approved_by: ApproverOf<T>,
		},
		/// The property company paid an expense from the operating fund.
		ExpenseRecorded {
			/// The community.
			community: CommunityId,
			/// What the money was for.
			category: Category,
			/// The amount, in the smallest unit.
			amount: BalanceOf<T>,
			/// Who was paid.
			payee: T::AccountId,
			/// Hash of the invoice, contract or receipt, kept off chain.
			document: H256,
			/// The budget line it was spent against, if any.
			budget_line: Option<u32>,
			/// Its index in the community's ledger.
			entry: u64,
		},
		/// Income from common parts came in.
		PublicIncomeRecorded {
			/// The community.
			community: CommunityId,
			/// What the money was for.
			category: Category,
			/// The amount, in the smallest unit.
			amount: BalanceOf<T>,
			/// Who paid.
			payer: T::AccountId,
			/// Hash of the invoice, contract or receipt, kept off chain.
			document: H256,
			/// Its index in the community's ledger.
			entry: u64,
		},
		/// The public-income fund was spent by the owners' decision.
		PublicIncomeSpent {
			/// The community.
			community: CommunityId,
			/// What the money was for.
			category: Category,
			/// The amount, in the smallest unit.
			amount: BalanceOf<T>,
			/// Who was paid.
			payee: T::AccountId,
			/// Hash of the invoice, contract or receipt, kept off chain.
			document: H256,
			/// Who approved it.
			approved_by: ApproverOf<T>,
			/// Its index in the community's ledger.
			entry: u64,
		},
		/// A maintenance deposit round opened: each unit owes
		/// `price_per_m2 × area`.
		MaintenanceRoundOpened {
			/// The community.
			community: CommunityId,
			/// The deposit round's number.
			round: u32,
			/// What each unit owes per m² of its area.
			price_per_m2: BalanceOf<T>,
			/// Who approved it.
			approved_by: ApproverOf<T>,
		},
		/// The oldest top-up round was dropped to make room: every unit had
		/// paid it.
		MaintenanceRoundPruned {
			/// The community.
			community: CommunityId,
			/// The deposit round's number.
			round: u32,
		},
		/// A unit paid a maintenance deposit round.
		MaintenanceDeposited {
			/// The community.
			community: CommunityId,
			/// The unit.
			unit: UnitId,
			/// Who paid.
			payer: T::AccountId,
			/// The deposit round's number.
			round: u32,
			/// The amount, in the smallest unit.
			amount: BalanceOf<T>,
			/// Its index in the community's ledger.
			entry: u64,
		},
		/// The maintenance fund paid for a repair the owners approved.
		MaintenanceSpent {
			/// The community.
			community: CommunityId,
			/// The building or stair whose owners decided, or the whole
			/// community.
			scope: Option<ScopeId>,
			/// The amount, in the smallest unit.
			amount: BalanceOf<T>,
			/// Who was paid.
			payee: T::AccountId,
			/// Hash of the invoice, contract or receipt, kept off chain.
			document: H256,
			/// Who approved it.
			approved_by: ApproverOf<T>,
			/// Its index in the community's ledger.
			entry: u64,
		},
		/// Owners' notice before the spend: an emergency repair was
		/// announced by one key and waits for a second.
		EmergencyRepairProposed {
			/// The community.
			community: CommunityId,
			/// Its number, for `approve_emergency_repair`.
			repair: u32,
			/// The kind of emergency.
			emergency: Emergency,
			/// The building or stair it concerns; `None`: the whole community.
			scope: Option<ScopeId>,
			/// The amount, in the smallest unit.
			amount: BalanceOf<T>,
			/// Who was paid.
			payee: T::AccountId,
			/// Hash of the invoice and evidence.
			invoice: H256,
			/// The first key: who announced it.
			proposed_by: T::AccountId,
		},
		/// Owners' notice: the maintenance fund paid for an emergency repair
		/// without a vote, on two keys.
		EmergencyRepairNotified {
			/// The community.
			community: CommunityId,
			/// The emergency repair's number.
			repair: u32,
			/// The kind of emergency.
			emergency: Emergency,
			/// The building or stair it concerns; `None`: the whole community.
			scope: Option<ScopeId>,
			/// The amount, in the smallest unit.
			amount: BalanceOf<T>,
			/// Who was paid.
			payee: T::AccountId,
			/// Hash of the invoice, contract or receipt, kept off chain.
			document: H256,
			/// The first key.
			proposed_by: T::AccountId,
			/// The second key (recorded as the ledger entry's approver).
			approved_by: ApproverOf<T>,
			/// Its index in the community's ledger.
			entry: u64,
		},
		/// An announced emergency repair was withdrawn or vetoed.
		EmergencyRepairCancelled {
			/// The community.
			community: CommunityId,
			/// The emergency repair's number.
			repair: u32,
			/// Who cancelled it.
			by: T::AccountId,
		},
		/// A community's cap on emergency spending without a vote changed.
		EmergencyCapSet {
			/// The community.
			community: CommunityId,
			/// The yearly cap, as a share of the fund.
			cap: Perbill,
			/// Who approved it.
			approved_by: ApproverOf<T>,
		},
		/// The maintenance fund fell below 30 % of the first deposits: it must
		/// be topped up.
		MaintenanceFundLow {
			/// The community.
			community: CommunityId,
			/// The fund's balance.
			balance: BalanceOf<T>,
			/// The first deposits of all units, which the floor is a share of.
			first_deposits: BalanceOf<T>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No such community.
		UnknownCommunity,
		/// The community has no such unit.
		UnknownUnit,
		/// The community has no fee schedule yet.
		NoFeeSchedule,
		/// A schedule cannot take effect before the current period.
		RetroactiveSchedule,
		/// Billing cannot start earlier than the community's first schedule
		/// (units may have paid from there on).
		ScheduleBeforeBillingStart,
		/// The community keeps no more schedules, and the oldest is still
		/// owed by some unit (or some unit has not paid since storage
		/// version 2): `roll_up_arrears` moves such a unit's months out of
		/// the way.
		TooManySchedules,
		/// The amount is zero.
		ZeroAmount,
		/// The payment is more than the unit owes now plus the prepayment the
		/// contract allows.
		PrepaymentCapExceeded,
		/// Only the unit's owner (or its responsible account) may prepay
		/// future periods.
		PrepaymentNeedsOwner,
		/// The contract's prepayment cap is above the runtime's limit.
		PrepaymentCapTooHigh,
		/// The late-fee rate or cap is above the runtime's limit.
		LateFeeTooHigh,
		/// The unit owes nothing for past periods.
		NothingOverdue,
		/// The unit already has an open demand notice.
		NoticeAlreadyOpen,
		/// The category is income, not an expense (or the reverse).
		WrongCategory,
		/// A period range ends before it starts.
		InvalidPeriodRange,
		/// Under 酬金制 an expense needs an approved budget line.
		BudgetLineRequired,
		/// No such budget line.
		UnknownBudgetLine,
		/// The budget line is for another category.
		BudgetCategoryMismatch,
		/// The budget line does not cover the current period.
		BudgetLineNotCurrent,
		/// The expense exceeds what is left of the budget line.
		BudgetExceeded,
		/// The company's remuneration cannot be drawn beyond its share of the
		/// fees collected.
		RemunerationExceeded,
		/// The operating fund must keep the remuneration the company earned
		/// and has not drawn.
		RemunerationReserved,
		/// Remuneration is drawn by its share, not through a budget line.
		RemunerationNotBudgeted,
		/// The fund holds less than the amount.
		InsufficientFund,
		/// A fund's account (of any community) cannot be paid from a fund.
		PayeeIsAFund,
		/// A payment below `MinimumPayment` that does not settle all the unit
		/// owes.
		PaymentTooSmall,
		/// An emergency repair needs the hash of its invoice and evidence.
		MissingInvoice,
		/// Emergencies would take more of the maintenance fund this month
		/// than the community's cap: beyond it, the owners vote.
		EmergencyCapExceeded,
		/// The cap is above `MaxEmergencyCap`.
		EmergencyCapTooHigh,
		/// The community has `MaxPendingEmergencies` repairs waiting.
		TooManyPendingEmergencies,
		/// No such emergency repair is waiting.
		UnknownEmergencyRepair,
		/// The second key must be another account than the first.
		SecondKeyRequired,
		/// One of the two keys must be a member of the owners' committee.
		CommitteeKeyRequired,
		/// The scope has no units (no maintenance account shares its
		/// spends).
		NoUnitsInScope,
		/// A repair of one scope costs more than its units hold in the
		/// maintenance fund: other units' money is not theirs to spend.
		ScopeFundInsufficient,
		/// An emergency of one building's own parts (its roof, elevator or
		/// façade) is charged to that building's units: name its scope.
		EmergencyNeedsScope,
		/// The unit's developer carries less than the amount paid (or
		/// nothing).
		MoreThanDeveloperArrears,
		/// The unit owes no month before the current one.
		NothingToRollUp,
		/// The community has no maintenance deposit round.
		NoMaintenanceRound,
		/// The unit has paid every maintenance round.
		MaintenancePaidUp,
		/// The community keeps no more maintenance rounds, and some unit has
		/// not paid even the oldest top-up.
		TooManyMaintenanceRounds,
		/// An amount overflowed.
		Overflow,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Set the price of property services of `community` from period
		/// `effective_from` (not before the current period) on: `price_per_m2`
		/// per m² per month in the currency's smallest unit, and the contract
		/// `model`. A schedule replaces every schedule that would have taken
		/// effect at or after `effective_from`; earlier periods keep their
		/// price.
		///
		/// Origin: `ScheduleOrigin` for `community`. Emits `FeeScheduleSet`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::set_fee_schedule())]
		pub fn set_fee_schedule(
			origin: OriginFor<T>,
			community: CommunityId,
			price_per_m2: BalanceOf<T>,
			model: ContractModel,
			effective_from: Month,
		) -> DispatchResult {
			let approved_by = T::ScheduleOrigin::ensure_origin(origin, &community)?;
			Self::do_set_fee_schedule(
				community,
				FeeSchedule { effective_from, price_per_m2, model },
				approved_by,
			)
		}

		/// Set `community`'s contract terms: how far owners may prepay, and
		/// the late fee, if any (rate and cap within the runtime's limits).
		///
		/// Origin: `ScheduleOrigin` for `community`. Emits `ContractTermsSet`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::set_contract_terms())]
		pub fn set_contract_terms(
			origin: OriginFor<T>,
			community: CommunityId,
			terms: ContractTerms,
		) -> DispatchResult {
			let approved_by = T::ScheduleOrigin::ensure_origin(origin, &community)?;
			Self::do_set_contract_terms(community, terms, approved_by)
		}

		/// Pay `amount` of property fees for `unit`: oldest unpaid period
		/// first, then an open late fee, then — for the unit's owner only —
		/// future periods up to the contract's prepayment cap. A part of a
		/// period's due is kept as credit towards it.
		///
		/// Origin: signed, anyone (the owner, a tenant, a relative, the
		/// developer for its unsold units). Emits `FeesPaid`, and
		/// `DemandNoticeSettled` when it clears a demand notice.
		#[pallet::call_index(2)]
		#[pallet::weight(Pallet::<T>::pay_fees_weight(T::MaxSchedules::get()))]
		pub fn pay_fees(
			origin: OriginFor<T>,
			community: CommunityId,
			unit: UnitId,
			amount: BalanceOf<T>,
		) -> DispatchResultWithPostInfo {
			let payer = ensure_signed(origin)?;
			let taken = Self::do_pay_fees(community, unit, payer, amount)?;
			Ok(Some(Self::paid_fees_weight(taken)).into())
		}

		/// Demand `unit`'s arrears (催告) with the notice's `document` hash.
		/// If the contract provides a late fee, it runs on these arrears from
		/// the period after the notice's grace months.
		///
		/// Origin: `ManagerOrigin` (the property company) for `community`.
		/// Emits `DemandNoticeIssued`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::issue_demand_notice(T::MaxSchedules::get(), BENCHMARKED_UNITS))]
		pub fn issue_demand_notice(
			origin: OriginFor<T>,
			community: CommunityId,
			unit: UnitId,
			document: H256,
		) -> DispatchResultWithPostInfo {
			T::ManagerOrigin::ensure_origin(origin, &community)?;
			let schedules = Self::do_issue_demand_notice(community, unit, document)?;
			Ok(Some(T::WeightInfo::issue_demand_notice(schedules, BENCHMARKED_UNITS)).into())
		}

		/// Approve a budget line of the operating fund: `amount` for
		/// `category` in periods `from..=to` (酬金制).
		///
		/// Origin: `BudgetOrigin` for `community`. Emits `BudgetApproved`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::approve_budget())]
		pub fn approve_budget(
			origin: OriginFor<T>,
			community: CommunityId,
			category: Category,
			amount: BalanceOf<T>,
			from: Month,
			to: Month,
		) -> DispatchResult {
			let approved_by = T::BudgetOrigin::ensure_origin(origin, &community)?;
			Self::do_approve_budget(community, category, amount, from, to, approved_by)
		}

		/// Pay `amount` from the operating fund to `payee` for `category`,
		/// with the invoice's `document` hash. Under 酬金制 the expense must
		/// fit a current budget line of that category, except the company's
		/// remuneration, which is capped by its share of fees collected.
		///
		/// Origin: `ManagerOrigin` for `community`. Emits `ExpenseRecorded`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::record_expense())]
		pub fn record_expense(
			origin: OriginFor<T>,
			community: CommunityId,
			category: Category,
			amount: BalanceOf<T>,
			payee: T::AccountId,
			document: H256,
			budget_line: Option<u32>,
		) -> DispatchResult {
			let approved_by = T::ManagerOrigin::ensure_origin(origin, &community)?;
			Self::do_record_expense(community, category, amount, payee, document, budget_line, approved_by)
		}

		/// Pay `amount` of income from common parts (parking, advertising,
		/// other) into the public-income fund, with the contract's or
		/// receipt's `document` hash.
		///
		/// Origin: signed, the payer. Emits `PublicIncomeRecorded`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::record_public_income())]
		pub fn record_public_income(
			origin: OriginFor<T>,
			community: CommunityId,
			category: Category,
			amount: BalanceOf<T>,
			document: H256,
		) -> DispatchResult {
			let payer = ensure_signed(origin)?;
			Self::do_record_public_income(community, category, amount, payer, document)
		}

		/// Spend `amount` of the public-income fund for `category`, paid to
		/// `payee`, as the owners decided.
		///
		/// Origin: `PublicIncomeSpendOrigin` for `community`. Emits
		/// `PublicIncomeSpent`.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::spend_public_income())]
		pub fn spend_public_income(
			origin: OriginFor<T>,
			community: CommunityId,
			category: Category,
			amount: BalanceOf<T>,
			payee: T::AccountId,
			document: H256,
		) -> DispatchResult {
			let approved_by = T::PublicIncomeSpendOrigin::ensure_origin(origin, &community)?;
			Self::do_spend_public_income(community, category, amount, payee, document, approved_by)
		}

		/// Open a maintenance deposit round: every unit owes `price_per_m2`
		/// per m² of its area (rounded as fees are). The first round is the
		/// first deposit at the city's rate; later rounds are top-ups (续筹).
		///
		/// Origin: `MaintenanceRaiseOrigin` for `community`. Emits
		/// `MaintenanceRoundOpened`.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::open_maintenance_round())]
		pub fn open_maintenance_round(
			origin: OriginFor<T>,
			community: CommunityId,
			price_per_m2: BalanceOf<T>,
		) -> DispatchResult {
			let approved_by = T::MaintenanceRaiseOrigin::ensure_origin(origin, &community)?;
			Self::do_open_maintenance_round(community, price_per_m2, approved_by)
		}

		/// Pay `unit`'s oldest unpaid maintenance deposit round into the
		/// maintenance fund.
		///
		/// Origin: signed, anyone (usually the owner at move-in, or the
		/// developer). Emits `MaintenanceDeposited`.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::deposit_maintenance())]
		pub fn deposit_maintenance(
			origin: OriginFor<T>,
			community: CommunityId,
			unit: UnitId,
		) -> DispatchResult {
			let payer = ensure_signed(origin)?;
			Self::do_deposit_maintenance(community, unit, payer)
		}

		/// Pay `amount` from the maintenance fund to `payee` for a repair the
		/// owners of `scope` (or of the whole community) approved.
		///
		/// Origin: `MaintenanceSpendOrigin` for `community` and `scope`: a
		/// decision of one building's owners pays only for a repair of that
		/// building (`scope` = its own), never for another's or the whole
		/// community's. Emits
		/// `MaintenanceSpent`, and `MaintenanceFundLow` if the fund falls
		/// below 30 % of the first deposits.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::spend_maintenance())]
		pub fn spend_maintenance(
			origin: OriginFor<T>,
			community: CommunityId,
			scope: Option<ScopeId>,
			amount: BalanceOf<T>,
			payee: T::AccountId,
			document: H256,
		) -> DispatchResult {
			let approved_by = T::MaintenanceSpendOrigin::ensure_origin(origin, &Jurisdiction { community, scope })?;
			Self::do_spend_maintenance(community, scope, amount, payee, document, approved_by)
		}

		/// Announce an emergency repair for one of the listed emergencies:
		/// `amount` from the maintenance fund to `payee`, with the hash of
		/// the `invoice` and evidence. Nothing is paid until a second key
		/// approves; the event is the owners' notice. Emergencies may take at
		/// most the community's cap of the fund in a month: beyond it, the
		/// owners vote (`spend_maintenance`).
		///
		/// Origin: `EmergencyOrigin` for `community` (a committee member or a
		/// company account). Emits `EmergencyRepairProposed`.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::emergency_repair())]
		pub fn emergency_repair(
			origin: OriginFor<T>,
			community: CommunityId,
			emergency: Emergency,
			scope: Option<ScopeId>,
			amount: BalanceOf<T>,
			payee: T::AccountId,
			invoice: H256,
		) -> DispatchResult {
			let who = T::EmergencyOrigin::ensure_origin(origin, &community)?;
			Self::do_propose_emergency(community, who, emergency, scope, amount, payee, invoice)
		}

		/// Approve an announced emergency repair as its second key: the fund
		/// pays it at once, within the month's cap.
		///
		/// Origin: `EmergencyOrigin` for `community`, another account than
		/// the one that announced it; one of the two keys must be a member
		/// of the owners' committee (the company alone never spends the
		/// owners' fund). Emits `EmergencyRepairNotified`, and
		/// `MaintenanceFundLow` if the fund falls below 30 % of the first
		/// deposits.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::approve_emergency_repair())]
		pub fn approve_emergency_repair(origin: OriginFor<T>, community: CommunityId, repair: u32) -> DispatchResult {
			let who = T::EmergencyOrigin::ensure_origin(origin, &community)?;
			Self::do_approve_emergency(community, repair, who)
		}

		/// Withdraw (its first key) or veto (any other key) an announced
		/// emergency repair.
		///
		/// Origin: `EmergencyOrigin` for `community`. Emits
		/// `EmergencyRepairCancelled`.
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::cancel_emergency_repair())]
		pub fn cancel_emergency_repair(origin: OriginFor<T>, community: CommunityId, repair: u32) -> DispatchResult {
			let who = T::EmergencyOrigin::ensure_origin(origin, &community)?;
			EmergencyRepairs::<T>::take(community, repair).ok_or(Error::<T>::UnknownEmergencyRepair)?;
			PendingEmergencies::<T>::mutate(community, |n| *n = n.saturating_sub(1));
			Self::deposit_event(Event::EmergencyRepairCancelled { community, repair, by: who });
			Ok(())
		}

		/// Set the share of the maintenance fund that emergency repairs may
		/// take in one month without a vote (at most `MaxEmergencyCap`).
		///
		/// Origin: `MaintenanceSpendOrigin` for the whole `community` (a
		/// community-wide decision on using the fund, or the authority).
		/// Emits `EmergencyCapSet`.
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::set_emergency_cap())]
		pub fn set_emergency_cap(origin: OriginFor<T>, community: CommunityId, cap: Perbill) -> DispatchResult {
			let approved_by =
				T::MaintenanceSpendOrigin::ensure_origin(origin, &Jurisdiction { community, scope: None })?;
			Self::ensure_community(community)?;
			ensure!(cap <= T::MaxEmergencyCap::get(), Error::<T>::EmergencyCapTooHigh);
			EmergencyCaps::<T>::insert(community, cap);
			Self::deposit_event(Event::EmergencyCapSet { community, cap, approved_by });
			Ok(())
		}

		/// Pay `amount` of the dues `unit`'s developer carries (the months it
		/// held the unit before delivery, never the buyer's). The developer's
		/// own account pays them first with any `pay_fees`; this call lets
		/// any account pay them deliberately, so the debt stays payable when
		/// the developer's account changed or is gone. Below
		/// `MinimumPayment` only a payment of all of it is taken.
		///
		/// Origin: any signed account. Emits `DeveloperArrearsPaid`.
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::pay_developer_arrears().saturating_add(Pallet::<T>::escrow_booking_weight()))]
		pub fn pay_developer_arrears(
			origin: OriginFor<T>,
			community: CommunityId,
			unit: UnitId,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			let payer = ensure_signed(origin)?;
			Self::do_pay_developer_arrears(community, unit, payer, amount)
		}

		/// Turn `unit`'s unpaid months before the current one into one
		/// fixed amount it carries: it owes exactly what it owed, but no
		/// longer holds on to the old fee schedules, so a unit that never
		/// pays cannot keep the oldest schedule (and with it every new
		/// price once `MaxSchedules` are kept) forever. A demand notice and
		/// its late fee go on as before.
		///
		/// Origin: any signed account (the amounts do not change). Emits
		/// `ArrearsRolledUp`.
		#[pallet::call_index(16)]
		// Measured, plus the demand notice read since the measurement.
		#[pallet::weight(T::WeightInfo::roll_up_arrears().saturating_add(T::DbWeight::get().reads(1)))]
		pub fn roll_up_arrears(origin: OriginFor<T>, community: CommunityId, unit: UnitId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_roll_up_arrears(community, unit)
		}
	}

	impl<T: Config> Pallet<T> {
		/// The keyless account of `community`'s `fund`: `modl`, the pallet
		/// id, the fund, the community (17 bytes: distinct for every fund
		/// with 32-byte accounts).
		pub fn fund_account(community: CommunityId, fund: FundKind) -> T::AccountId {
			use sp_runtime::traits::AccountIdConversion;
			T::PalletId::get().into_sub_account_truncating((fund, community))
		}

		/// Whether `who` is the account of one of `community`'s funds, or
		/// of any community's (when the account type holds the whole seed,
		/// as a runtime's 32-byte accounts do).
		pub fn is_fund_account(community: CommunityId, who: &T::AccountId) -> bool {
			use sp_runtime::traits::AccountIdConversion;
			FundKind::ALL.iter().any(|fund| Self::fund_account(community, *fund) == *who) ||
				PalletId::try_from_sub_account::<(FundKind, CommunityId)>(who).is_some_and(
					|(id, (fund, other))| id == T::PalletId::get() && Self::fund_account(other, fund) == *who,
				)
		}

		/// A payment walking `schedules`: as measured, plus what the
		/// benchmark cannot force in one run: the scan for the oldest due
		/// month ([`DUE_SCAN`] reads) and the escrow booking of a held-back
		/// share.
		pub fn pay_fees_weight(schedules: u32) -> Weight {
			T::WeightInfo::pay_fees(schedules, BENCHMARKED_UNITS)
				.saturating_add(T::DbWeight::get().reads(DUE_SCAN as u64))
				.saturating_add(Self::escrow_booking_weight())
		}

		/// What a payment is charged after it ran: a plain payment of dues
		/// as measured for exactly that (and the due-month scan), anything
		/// else as [`Self::pay_fees_weight`].
		pub fn paid_fees_weight(taken: PaymentTaken) -> Weight {
			if taken.plain {
				T::WeightInfo::pay_plain_fees(taken.schedules, BENCHMARKED_UNITS)
					.saturating_add(T::DbWeight::get().reads(DUE_SCAN as u64))
			} else {
				Self::pay_fees_weight(taken.schedules)
			}
		}

		/// Booking a held-back share into escrow, which a benchmark cannot
		/// force (the share comes from the ratings pallet's terms): its
		/// fund, the payer's and the fund's accounts, the hold, the month's
		/// totals and escrow, a ledger entry.
		pub fn escrow_booking_weight() -> Weight {
			T::DbWeight::get().reads_writes(6, 7)
		}

		/// The current billing period.
		pub fn current_month() -> Month {
			T::Clock::current_month()
		}

		/// What `area` (0.01 m²) costs at `price_per_m2`: the product divided
		/// by 100, rounded half up to the smallest unit. A month's property
		/// fee and a maintenance-fund deposit are both priced so.
		pub fn price_by_area(
			price_per_m2: BalanceOf<T>,
			area: linli_primitives::community::Area,
		) -> Result<BalanceOf<T>, Error<T>> {
			use sp_runtime::traits::{CheckedAdd, CheckedMul, SaturatedConversion};
			let area: BalanceOf<T> = area.saturated_into();
			let hundred: BalanceOf<T> = 100u32.into();
			let half: BalanceOf<T> = 50u32.into();
			price_per_m2
				.checked_mul(&area)
				.and_then(|p| p.checked_add(&half))
				.map(|p| p / hundred)
				.ok_or(Error::<T>::Overflow)
		}
	}
}
