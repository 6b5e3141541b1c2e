//! With `LINLI_BUILD_NEXT_RUNTIME=1`, builds the runtime's wasm with the
//! runtime's `next-spec-version` feature (its `spec_version` one higher,
//! nothing else changed) as
//! `$CARGO_TARGET_DIR/<profile>/wbuild/linli-runtime/linli_runtime_next_spec_version.compact.compressed.wasm`.
//!
//! Without the variable it does nothing: a workspace build must not build a
//! second runtime (the two builds would share the runtime's wasm project).
//! `scripts/e2e-testnet.sh` sets it and builds only this crate.

fn main() {
	println!("cargo:rerun-if-env-changed=LINLI_BUILD_NEXT_RUNTIME");
	if std::env::var("LINLI_BUILD_NEXT_RUNTIME").as_deref() != Ok("1") {
		return;
	}
	// The builder finds the runtime in cargo's metadata by this exact path.
	let runtime = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../Cargo.toml"))
		.canonicalize()
		.expect("the runtime's Cargo.toml is there");
	substrate_wasm_builder::WasmBuilder::new()
		.with_project(runtime)
		.expect("the runtime's Cargo.toml is there")
		.import_memory()
		.export_heap_base()
		// The same features as the runtime's own wasm build, and one more.
		.enable_feature("metadata-hash")
		.enable_feature("next-spec-version")
		.set_file_name("linli_runtime_next_spec_version")
		.enable_metadata_hash(linli_primitives::TOKEN_SYMBOL, linli_primitives::TOKEN_DECIMALS)
		.build();
}
