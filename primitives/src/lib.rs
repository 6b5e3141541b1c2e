//! # Linli primitives
//!
//! The types every Linli crate agrees on (accounts, balances, block numbers),
//! the glue traits through which the pallets talk to each other without
//! depending on each other's crates, the types a pallet shares with its
//! runtime API, and every rule more than one place uses, as a typed, pure,
//! tested function or method:
//!
//! - [`calendar`]: the [`Month`](calendar::Month) and its clock;
//! - [`fraction`]: exact shares ([`Fraction`](fraction::Fraction)) for every
//!   threshold;
//! - [`community`]: units, areas, [`VoteWeight`](community::VoteWeight)
//!   (counting a unit into totals, comparing shares by area AND headcount);
//! - [`council`]: the stakeholders' council's pending root calls;
//! - [`governance`]: matters, decisions and the origins they give, the
//!   committee's legal size;
//! - [`assembly`]: the owners' vote: [`Tally`](assembly::Tally) and the
//!   [`Bar`](assembly::Bar) a matter must clear;
//! - [`fees`]: funds, ledger categories, approvers, the fees API's views;
//! - [`ratings`]: satisfaction and the ratings API's types.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod assembly;
pub mod calendar;
pub mod community;
pub mod council;
pub mod fees;
pub mod fraction;
pub mod governance;
pub mod ratings;

use sp_runtime::{
	traits::{IdentifyAccount, Verify},
	MultiSignature,
};

/// A block number.
pub type BlockNumber = u32;

/// The signature scheme of transactions: sr25519, ed25519 or ecdsa.
pub type Signature = MultiSignature;

/// An account: the public key of the signature scheme (pseudonymous; it says
/// nothing about the person behind it).
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;

/// An amount of the native token, in its smallest unit.
pub type Balance = u128;

/// A transaction counter of an account.
pub type Nonce = u32;

/// A block or state hash.
pub type Hash = sp_core::H256;

/// Decimals of the native token: one token is `10^TOKEN_DECIMALS` units.
pub const TOKEN_DECIMALS: u8 = 12;

/// One native token in its smallest unit.
pub const UNIT: Balance = 10u128.pow(TOKEN_DECIMALS as u32);

/// A thousandth of a token.
pub const MILLI_UNIT: Balance = UNIT / 1_000;

/// The token's ticker, shown by wallets.
pub const TOKEN_SYMBOL: &str = "LNL";

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn units_are_consistent() {
		assert_eq!(UNIT, 1_000_000_000_000);
		assert_eq!(MILLI_UNIT * 1_000, UNIT);
	}
}
