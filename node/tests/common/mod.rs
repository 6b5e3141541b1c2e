//! Starting and stopping a real `linli-node` process for end-to-end tests,
//! and talking to it over JSON-RPC.
#![allow(dead_code)]

use jsonrpsee::{
	core::client::ClientT,
	http_client::{HttpClient, HttpClientBuilder},
	rpc_params,
	ws_client::{WsClient, WsClientBuilder},
};
use linli_runtime::{BlockNumber, Hash};
use serde::de::DeserializeOwned;
use std::{
	net::TcpListener,
	path::PathBuf,
	process::{Child, Command, ExitStatus, Stdio},
	time::{Duration, Instant},
};

/// A port nobody listens on right now.
pub fn free_port() -> u16 {
	TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// A `linli-node` child process with its own base path and ports.
pub struct Node {
	child: Option<Child>,
	base_path: PathBuf,
	pub rpc_port: u16,
	pub p2p_port: u16,
	pub started: Instant,
	log: PathBuf,
}

impl Node {
	/// Starts `linli-node <args>` on free ports, in a fresh base path.
	pub fn start(name: &str, args: &[&str]) -> Node {
		let rpc_port = free_port();
		let p2p_port = free_port();
		let base_path = std::env::temp_dir()
			.join(format!("linli-e2e-{name}-{}-{}", std::process::id(), rpc_port));
		std::fs::create_dir_all(&base_path).unwrap();
		let log = base_path.join("node.log");
		let log_file = std::fs::File::create(&log).unwrap();
		let child = Command::new(env!("CARGO_BIN_EXE_linli-node"))
			.args(args)
			.args(["--base-path", base_path.to_str().unwrap()])
			.args(["--rpc-port", &rpc_port.to_string(), "--port", &p2p_port.to_string()])
			.args(["--no-prometheus", "--no-telemetry", "--no-mdns"])
			.stdout(Stdio::null())
			.stderr(log_file)
			.spawn()
			.expect("linli-node starts");
		Node { child: Some(child), base_path, rpc_port, p2p_port, started: Instant::now(), log }
	}

	/// Where the node keeps its data.
	pub fn base_path(&self) -> &std::path::Path {
		&self.base_path
	}

	/// The node's log so far (for failure messages).
	pub fn log(&self) -> String {
		let text = std::fs::read_to_string(&self.log).unwrap_or_default();
		let lines: Vec<&str> = text.lines().collect();
		lines[lines.len().saturating_sub(40)..].join("\n")
	}

	fn http(&self) -> HttpClient {
		HttpClientBuilder::default()
			.build(format!("http://127.0.0.1:{}", self.rpc_port))
			.unwrap()
	}

	/// Waits until the RPC server answers, or panics after `timeout`.
	pub async fn wait_for_rpc(&mut self, timeout: Duration) {
		let deadline = Instant::now() + timeout;
		loop {
			if let Some(status) = self.child.as_mut().unwrap().try_wait().unwrap() {
				panic!("linli-node exited early ({status}):\n{}", self.log());
			}
			let health: Result<serde_json::Value, _> =
				self.http().request("system_health", rpc_params![]).await;
			if health.is_ok() {
				return;
			}
			assert!(Instant::now() < deadline, "RPC not up after {timeout:?}:\n{}", self.log());
			tokio::time::sleep(Duration::from_millis(250)).await;
		}
	}

	/// A WebSocket client (subscriptions need one).
	pub async fn ws(&self) -> WsClient {
		WsClientBuilder::default()
			.build(format!("ws://127.0.0.1:{}", self.rpc_port))
			.await
			.expect("ws connects")
	}

	/// Calls `method` over HTTP.
	pub async fn rpc<T: DeserializeOwned>(&self, method: &str, params: Vec<serde_json::Value>) -> T {
		let mut p = jsonrpsee::core::params::ArrayParams::new();
		for v in params {
			p.insert(v).unwrap();
		}
		self.http()
			.request(method, p)
			.await
			.unwrap_or_else(|e| panic!("{method} failed: {e}\n{}", self.log()))
	}

	/// The number of block `hash`.
	pub async fn block_number(&self, hash: Hash) -> BlockNumber {
		let header: serde_json::Value = self.rpc("chain_getHeader", vec![serde_json::to_value(hash).unwrap()]).await;
		let hex = header["number"].as_str().expect("header has a number");
		BlockNumber::from_str_radix(hex.trim_start_matches("0x"), 16).unwrap()
	}

	/// The best block's number.
	pub async fn best_number(&self) -> BlockNumber {
		let header: serde_json::Value = self.rpc("chain_getHeader", vec![]).await;
		let hex = header["number"].as_str().expect("header has a number");
		BlockNumber::from_str_radix(hex.trim_start_matches("0x"), 16).unwrap()
	}

	/// The finalized block's number.
	pub async fn finalized_number(&self) -> BlockNumber {
		let hash: Hash = self.rpc("chain_getFinalizedHead", vec![]).await;
		self.block_number(hash).await
	}

	/// Waits until `probe` reaches `at_least`; returns the time since start.
	pub async fn wait_until<F, Fut>(&self, what: &str, at_least: BlockNumber, timeout: Duration, probe: F) -> Duration
	where
		F: Fn() -> Fut,
		Fut: std::future::Future<Output = BlockNumber>,
	{
		let deadline = Instant::now() + timeout;
		loop {
			if probe().await >= at_least {
				return self.started.elapsed();
			}
			assert!(Instant::now() < deadline, "no {what} #{at_least} within {timeout:?}:\n{}", self.log());
			tokio::time::sleep(Duration::from_millis(200)).await;
		}
	}

	/// Reads the storage value at `key` in block `at` and decodes it.
	pub async fn storage<T: codec::Decode>(&self, key: Vec<u8>, at: Hash) -> Option<T> {
		let value: Option<String> = self
			.rpc("state_getStorage", vec![sp_core::bytes::to_hex(&key, false).into(), serde_json::to_value(at).unwrap()])
			.await;
		value.map(|hex| {
			let bytes = sp_core::bytes::from_hex(&hex).unwrap();
			T::decode(&mut &bytes[..]).expect("storage value decodes")
		})
	}

	/// Stops the node with SIGINT, as Ctrl-C would, and returns its exit status.
	pub fn stop(&mut self) -> ExitStatus {
		let mut child = self.child.take().expect("node is running");
		Command::new("kill").args(["-s", "INT", &child.id().to_string()]).status().unwrap();
		let deadline = Instant::now() + Duration::from_secs(60);
		loop {
			if let Some(status) = child.try_wait().unwrap() {
				return status;
			}
			if Instant::now() > deadline {
				let _ = child.kill();
				panic!("linli-node did not stop within 60 s of SIGINT");
			}
			std::thread::sleep(Duration::from_millis(100));
		}
	}
}

impl Drop for Node {
	fn drop(&mut self) {
		if let Some(mut child) = self.child.take() {
			let _ = child.kill();
			let _ = child.wait();
		}
		let _ = std::fs::remove_dir_all(&self.base_path);
	}
}
