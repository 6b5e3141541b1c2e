//! Storage migrations of the property-fees pallet.
//!
//! Storage version history:
//! - v1: the first layout (schedules, terms, unit accounts, notices, funds,
//!   ledger and its totals, budgets, remuneration, maintenance rounds).
//! - v2: each unit's maintenance-fund account (分户账) and the spend pools
//!   of its scope and community; the money of before accounts kept as
//!   `LegacyMaintenance`; pay held back in escrow as fees are paid
//!   (`Escrowed`); carried dues. See [`v2`].
//!
//! A change of layout bumps `STORAGE_VERSION` in `lib.rs` and adds a
//! `v<N>.rs` here with its migration and test, listed in the runtime's
//! `Migrations`.

pub mod v2;
