//! Storage migrations of the community pallet.
//!
//! Storage version history:
//! - v1: the first layout (communities, registrars, committees, property
//!   managers, units, residencies, memberships, voter tallies, scope totals,
//!   ownership history).
//! - v2: voter tallies (`Voters`, `ScopeVoters`) gain `grown_at`
//!   ([`v2::MigrateV1ToV2`]).
//! - v3: no layout change; seats of committee members who sold their last
//!   unit before sales vacated seats fall vacant ([`v3::MigrateV2ToV3`]).
//!
//! A change of layout bumps `STORAGE_VERSION` in `lib.rs` and adds a
//! `v<N>.rs` here with its migration and test, listed in the runtime's
//! `Migrations`.

pub mod v2;
pub mod v3;
