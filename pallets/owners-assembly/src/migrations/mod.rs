//! Storage migrations of the owners' assembly pallet.
//!
//! Storage version history:
//! - v1: the first layout (proposals, calls, candidates, ballots, sponsors,
//!   the non-voters rule).
//! - v2: `OpenProposals`, each community's proposals not closed yet
//!   ([`v2`]).
//! - v3: the procedure: the chain's notice floor and publication period set
//!   on chains that began before them ([`v3`]); proxies, paper ballots,
//!   ballot channels and objections start empty.
//!
//! A change of layout bumps `STORAGE_VERSION` in `lib.rs` and adds a
//! `v<N>.rs` here with its migration and test, listed in the runtime's
//! `Migrations`.

pub mod v2;
pub mod v3;
