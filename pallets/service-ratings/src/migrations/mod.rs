//! Storage migrations of the service-ratings pallet.
//!
//! Storage version history:
//! - v1: the first layout (terms, custom categories, ratings, household
//!   counts, aggregates, period records).
//!
//! A change of layout bumps `STORAGE_VERSION` in `lib.rs` and adds a
//! `v<N>.rs` here with its migration and test, listed in the runtime's
//! `Migrations`.
