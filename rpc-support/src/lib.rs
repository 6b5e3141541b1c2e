//! # Linli RPC support
//!
//! One helper for every pallet's JSON-RPC crate: [`RuntimeQuery::query`]
//! reads a runtime API at the block a caller names, or at the best block
//! when it names none, and turns a failed runtime call into one JSON-RPC
//! error ([`RUNTIME_ERROR`], "Runtime error", with the cause as data).

use std::sync::Arc;

use jsonrpsee::{
	core::RpcResult,
	types::error::{ErrorObject, ErrorObjectOwned},
};
use sp_api::{ApiRef, ProvideRuntimeApi};
use sp_blockchain::HeaderBackend;
use sp_runtime::traits::Block as BlockT;

/// The JSON-RPC error code of a runtime API call that failed.
pub const RUNTIME_ERROR: i32 = 1;

/// The JSON-RPC error for a runtime API call that failed with `cause`.
pub fn runtime_error(cause: impl std::fmt::Debug) -> ErrorObjectOwned {
	ErrorObject::owned(RUNTIME_ERROR, "Runtime error", Some(format!("{cause:?}")))
}

/// A client's runtime API, read at a block.
pub trait RuntimeQuery<Block: BlockT> {
	/// The client's runtime API.
	type Api;

	/// Calls `call` with the runtime API and the block `at` (the best
	/// block if `None`); a failed call is a [`runtime_error`].
	fn query<R, E: std::fmt::Debug>(
		&self,
		at: Option<Block::Hash>,
		call: impl FnOnce(&Self::Api, Block::Hash) -> Result<R, E>,
	) -> RpcResult<R>;
}

impl<C, Block> RuntimeQuery<Block> for Arc<C>
where
	Block: BlockT,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block>,
{
	type Api = C::Api;

	fn query<R, E: std::fmt::Debug>(
		&self,
		at: Option<Block::Hash>,
		call: impl FnOnce(&Self::Api, Block::Hash) -> Result<R, E>,
	) -> RpcResult<R> {
		let at = at.unwrap_or_else(|| self.info().best_hash);
		let api: ApiRef<'_, C::Api> = self.runtime_api();
		call(&api, at).map_err(runtime_error)
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_failed_runtime_call_is_one_rpc_error_with_its_cause() {
		let error = runtime_error("UnknownCommunity");
		assert_eq!(error.code(), RUNTIME_ERROR);
		assert_eq!(error.message(), "Runtime error");
		assert_eq!(error.data().map(|d| d.get()), Some("\"\\\"UnknownCommunity\\\"\""));
	}
}
