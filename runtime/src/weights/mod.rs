//! What every extrinsic and block costs besides its calls, measured on
//! this project's machine (2 cores) by `scripts/benchmark.sh --runtime`:
//! the transaction extensions, an empty block and a no-op extrinsic, and
//! ParityDB's reads and writes. The pallets' own call weights live in
//! each pallet's `weights.rs`.

pub mod block_weights;
pub mod extrinsic_weights;
pub mod frame_system_extensions;
pub mod pallet_transaction_payment;
// The generated constants document their fields, which rustc flags.
#[allow(unused_doc_comments)]
pub mod paritydb_weights;

pub use block_weights::BlockExecutionWeight;
pub use extrinsic_weights::ExtrinsicBaseWeight;
pub use paritydb_weights::constants::ParityDbWeight;
