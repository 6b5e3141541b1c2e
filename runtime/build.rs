//! Builds the runtime's wasm blob (and, with `metadata-hash`, embeds the
//! metadata hash that `CheckMetadataHash` signs over).

#[cfg(all(feature = "std", feature = "metadata-hash"))]
fn main() {
	substrate_wasm_builder::WasmBuilder::init_with_defaults()
		.enable_metadata_hash(linli_primitives::TOKEN_SYMBOL, linli_primitives::TOKEN_DECIMALS)
		.build();
}

#[cfg(all(feature = "std", not(feature = "metadata-hash")))]
fn main() {
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}

/// The runtime is built for wasm by the wasm builder; there is nothing to do
/// when this crate is itself compiled for wasm.
#[cfg(not(feature = "std"))]
fn main() {}
