//! `linli-node`: the Substrate node of a Linli chain.
#![warn(missing_docs)]

#[cfg(feature = "benchmark")]
mod benchmarking;
mod chain_spec;
mod cli;
mod command;
mod rpc;
mod service;

fn main() -> sc_cli::Result<()> {
	command::run()
}
