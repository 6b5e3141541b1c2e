//! Storage migrations of the calendar pallet.
//!
//! Storage version history:
//! - v1: the first layout (`Advanceable`, `MonthsAhead`).
//!
//! A change of layout bumps `STORAGE_VERSION` in `lib.rs` and adds a
//! `v<N>.rs` here with its migration and test, listed in the runtime's
//! `Migrations`.
