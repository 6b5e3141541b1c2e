//! The chains `linli-node` knows by name (`--dev`, `--chain local`); any
//! other `--chain` value is read as a chain-spec file (see `chain-specs/`).

use linli_primitives::{TOKEN_DECIMALS, TOKEN_SYMBOL};
use sc_service::ChainType;

/// A Linli chain spec (no extensions).
pub type ChainSpec = sc_service::GenericChainSpec;

fn properties() -> sc_chain_spec::Properties {
	let mut p = sc_chain_spec::Properties::new();
	p.insert("tokenSymbol".into(), TOKEN_SYMBOL.into());
	p.insert("tokenDecimals".into(), TOKEN_DECIMALS.into());
	p.insert("ss58Format".into(), 42.into());
	p
}

fn wasm_binary() -> Result<&'static [u8], String> {
	linli_runtime::WASM_BINARY.ok_or_else(|| {
		"The runtime's wasm is not available: the node was built with SKIP_WASM_BUILD. \
		 Rebuild without it."
			.to_string()
	})
}

/// A single-validator development chain (Alice), with a sudo key.
pub fn development_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary()?, None)
		.with_name("Linli Development")
		.with_id("linli_dev")
		.with_chain_type(ChainType::Development)
		.with_genesis_config_preset_name(sp_genesis_builder::DEV_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}

/// A four-validator local testnet: the owners' committee, the property
/// company, the residents' committee and the street office.
pub fn local_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary()?, None)
		.with_name("Linli Local Testnet")
		.with_id("linli_local_testnet")
		.with_protocol_id("linli-local")
		.with_chain_type(ChainType::Local)
		.with_genesis_config_preset_name(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}
