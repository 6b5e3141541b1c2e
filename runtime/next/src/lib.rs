//! The next-version runtime of the upgrade test: this crate only builds it
//! (see `build.rs`); it has no code.
#![no_std]
