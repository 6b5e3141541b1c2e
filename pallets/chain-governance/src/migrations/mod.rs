//! Storage migrations of the chain-governance pallet.
//!
//! Storage version history:
//! - v1: the first layout (`EnactmentDelay`, `NextId`, `Pending`).
//!
//! A change of layout bumps `STORAGE_VERSION` in `lib.rs` and adds a
//! `v<N>.rs` here with its migration and test, listed in the runtime's
//! `Migrations`.
