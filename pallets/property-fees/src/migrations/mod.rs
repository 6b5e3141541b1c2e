//! Storage migrations of the property-fees pallet.
//!
//! Storage version history:
//! - v1: the first layout (schedules, terms, unit accounts, notices, funds,
//!   ledger and its totals, budgets, remuneration, maintenance rounds).
//!
//! A change of layout bumps `STORAGE_VERSION` in `lib.rs` and adds a
//! `v<N>.rs` here with its migration and test, listed in the runtime's
//! `Migrations`.
