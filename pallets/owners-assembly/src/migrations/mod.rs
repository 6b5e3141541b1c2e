//! Storage migrations of the owners' assembly pallet.
//!
//! Storage version history:
//! - v1: the first layout (proposals, calls, candidates, ballots, sponsors,
//!   the non-voters rule).
//! - v2: `OpenProposals`, each community's proposals not closed yet
//!   ([`v2`]).
//!
//! A change of layout bumps `STORAGE_VERSION` in `lib.rs` and adds a
//! `v<N>.rs` here with its migration and test, listed in the runtime's
//! `Migrations`.

pub mod v2;
