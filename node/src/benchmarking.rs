//! Transactions and inherent data for `linli-node benchmark overhead` and
//! `benchmark extrinsic`.

use crate::service::FullClient;

use linli_runtime::{signing, AccountId, Balance, BalancesCall, SystemCall};
use sc_cli::Result;
use sc_client_api::BlockBackend;
use sp_inherents::{InherentData, InherentDataProvider};
use sp_keyring::Sr25519Keyring;
use sp_runtime::OpaqueExtrinsic;

use std::{sync::Arc, time::Duration};

/// The chain anchor (genesis, best block) of the client's chain.
fn anchor(client: &FullClient) -> signing::ChainAnchor {
	let info = client.chain_info();
	signing::ChainAnchor {
		genesis_hash: client.block_hash(0).ok().flatten().expect("Genesis block exists; qed"),
		block_hash: info.best_hash,
		block_number: info.best_number,
	}
}

/// Builds `System::remark` transactions for `benchmark overhead`.
pub struct RemarkBuilder {
	client: Arc<FullClient>,
}

impl RemarkBuilder {
	/// A builder that signs for `client`'s chain.
	pub fn new(client: Arc<FullClient>) -> Self {
		Self { client }
	}
}

impl frame_benchmarking_cli::ExtrinsicBuilder for RemarkBuilder {
	fn pallet(&self) -> &str {
		"system"
	}

	fn extrinsic(&self) -> &str {
		"remark"
	}

	fn build(&self, nonce: u32) -> std::result::Result<OpaqueExtrinsic, &'static str> {
		let call = SystemCall::remark { remark: vec![] }.into();
		let xt = signing::sign(call, &Sr25519Keyring::Bob.pair(), nonce, &anchor(&self.client));
		Ok(xt.into())
	}
}

/// Builds `Balances::transfer_keep_alive` transactions for `benchmark extrinsic`.
pub struct TransferKeepAliveBuilder {
	client: Arc<FullClient>,
	dest: AccountId,
	value: Balance,
}

impl TransferKeepAliveBuilder {
	/// A builder of transfers of `value` to `dest`.
	pub fn new(client: Arc<FullClient>, dest: AccountId, value: Balance) -> Self {
		Self { client, dest, value }
	}
}

impl frame_benchmarking_cli::ExtrinsicBuilder for TransferKeepAliveBuilder {
	fn pallet(&self) -> &str {
		"balances"
	}

	fn extrinsic(&self) -> &str {
		"transfer_keep_alive"
	}

	fn build(&self, nonce: u32) -> std::result::Result<OpaqueExtrinsic, &'static str> {
		let call =
			BalancesCall::transfer_keep_alive { dest: self.dest.clone().into(), value: self.value }
				.into();
		let xt = signing::sign(call, &Sr25519Keyring::Bob.pair(), nonce, &anchor(&self.client));
		Ok(xt.into())
	}
}

/// Inherent data (a timestamp) for benchmark blocks.
pub fn inherent_benchmark_data() -> Result<InherentData> {
	let mut inherent_data = InherentData::new();
	let timestamp = sp_timestamp::InherentDataProvider::new(Duration::from_millis(0).into());
	futures::executor::block_on(timestamp.provide_inherent_data(&mut inherent_data))
		.map_err(|e| format!("creating inherent data: {e:?}"))?;
	Ok(inherent_data)
}
