// What every Linli client script needs: a connection with no custom type
// definitions (everything comes from the runtime's metadata), dev keys,
// sending an extrinsic and waiting for its block, module errors decoded the
// way Polkadot.js apps shows them, and checks that fail loudly.

import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { blake2AsHex, cryptoWaitReady } from '@polkadot/util-crypto';

export const WS = process.env.LINLI_WS ?? 'ws://127.0.0.1:9944';

/** 1 LNL = 10^12 of the smallest unit; the scripts let 1 LNL stand for 1 元. */
export const UNIT = 10n ** 12n;

/**
 * Calls one of the node's JSON-RPC methods over HTTP and parses the answer
 * keeping integers of 16 digits or more exact (as strings): balances are
 * JSON numbers, which a plain `JSON.parse` rounds above 2^53. `ws`: another
 * node than LINLI_WS's.
 */
export async function rpcExact(method, params, ws = WS) {
  const url = ws.replace(/^ws/, 'http');
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  const text = await response.text();
  const body = JSON.parse(text.replace(/([:\[,])\s*(\d{16,})(?=\s*[,}\]])/g, '$1"$2"'));
  if (body.error) {
    const { code, message, data } = body.error;
    throw new Mismatch(`${method}: ${code}: ${message}${data ? `: ${typeof data === "string" ? data : JSON.stringify(data)}` : ""}`);
  }
  return body.result;
}

/** Fails the script: a mismatch must never pass silently. */
export class Mismatch extends Error {}

export function check(condition, message) {
  if (!condition) throw new Mismatch(message);
}

export function checkEq(actual, expected, what) {
  const a = typeof actual === 'bigint' ? actual : String(actual);
  const e = typeof expected === 'bigint' ? expected : String(expected);
  if (a !== e) throw new Mismatch(`${what}: expected ${expected}, got ${actual}`);
}

/** A document's hash, as the chain stores it (the text stays off chain). */
export const doc = (text) => blake2AsHex(text, 256);

/** `amount` in the smallest unit, shown as LNL with 3 decimals. */
export function lnl(amount) {
  const a = BigInt(amount);
  const sign = a < 0n ? '-' : '';
  const abs = a < 0n ? -a : a;
  const milli = (abs * 1000n + UNIT / 2n) / UNIT;
  return `${sign}${milli / 1000n}.${String(milli % 1000n).padStart(3, '0')}`;
}

/** Resolves after `ms` milliseconds. */
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function log(...args) {
  console.log('[linli]', ...args);
}

/**
 * A connection to a Linli node. Counts the extrinsics it sends and the
 * blocks they land in.
 */
export class Chain {
  constructor(api) {
    this.api = api;
    this.keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
    this.sent = 0;
    this.nonces = new Map();
    this.queues = new Map();
  }

  /** Connects with the metadata alone: no `types`, `rpc` or bundles. */
  static async connect(url = WS) {
    await cryptoWaitReady();
    const api = await ApiPromise.create({ provider: new WsProvider(url), noInitWarn: true, throwOnConnect: true });
    return new Chain(api);
  }

  disconnect() {
    return this.api.disconnect();
  }

  key(uri) {
    return this.keyring.addFromUri(uri);
  }

  async bestNumber() {
    return (await this.api.rpc.chain.getHeader()).number.toNumber();
  }

  async finalizedNumber() {
    const hash = await this.api.rpc.chain.getFinalizedHead();
    return (await this.api.rpc.chain.getHeader(hash)).number.toNumber();
  }

  async free(address) {
    return (await this.api.query.system.account(address)).data.free.toBigInt();
  }

  async held(address) {
    return (await this.api.query.system.account(address)).data.reserved.toBigInt();
  }

  /** Waits until the best block is at least `n`. */
  async waitForBlock(n) {
    for (;;) {
      if ((await this.bestNumber()) >= n) return;
      await sleep(500);
    }
  }

  /** Waits until the finalized block is at least `n`, or fails after `seconds`. */
  async waitForFinalized(n, seconds = 120) {
    const deadline = Date.now() + seconds * 1000;
    for (;;) {
      const f = await this.finalizedNumber();
      if (f >= n) return f;
      if (Date.now() > deadline) throw new Mismatch(`block ${n} not finalized after ${seconds} s (finalized: ${f})`);
      await sleep(1000);
    }
  }

  /** How a dispatch error reads in Polkadot.js apps: `section.Name` or the error's kind. */
  describeError(dispatchError) {
    if (dispatchError.isModule) {
      const { section, name, docs } = this.api.registry.findMetaError(dispatchError.asModule);
      return { error: `${section}.${name}`, docs: docs.join(' ') };
    }
    return { error: dispatchError.type, docs: dispatchError.toString() };
  }

  /**
   * Signs `tx` with `signer`, sends it and waits for its block. Returns the
   * events of this extrinsic, the fee paid, and the failure as the client
   * reads it (`error`: `section.Name`), if any. Extrinsics of one signer go
   * out one after the other with consecutive nonces; different signers'
   * run concurrently.
   */
  send(signer, tx) {
    const previous = this.queues.get(signer.address) ?? Promise.resolve();
    const next = previous.then(() => this.#sendNow(signer, tx));
    // The queue only orders; each caller gets its own result or error.
    this.queues.set(signer.address, next.catch(() => {}));
    return next;
  }

  async #sendNow(signer, tx) {
    let nonce = this.nonces.get(signer.address);
    if (nonce === undefined) nonce = (await this.api.rpc.system.accountNextIndex(signer.address)).toNumber();
    this.nonces.set(signer.address, nonce + 1);
    this.sent += 1;
    const label = `${tx.method.section}.${tx.method.method}`;
    return new Promise((resolve, reject) => {
      let unsubscribe = () => {};
      tx.signAndSend(signer, { nonce }, (result) => {
        const { status, events, dispatchError } = result;
        if (status.isInBlock) {
          unsubscribe();
          const blockHash = status.asInBlock.toHex();
          const fee = events
            .filter(({ event }) => this.api.events.transactionPayment.TransactionFeePaid.is(event))
            .reduce((sum, { event }) => sum + event.data.actualFee.toBigInt(), 0n);
          const out = { label, blockHash, events: events.map(({ event }) => event), fee };
          if (dispatchError) Object.assign(out, this.describeError(dispatchError));
          resolve(out);
        } else if (status.isInvalid || status.isDropped || status.isUsurped) {
          unsubscribe();
          this.nonces.delete(signer.address);
          reject(new Mismatch(`${label}: transaction ${status.type}`));
        }
      })
        .then((u) => {
          unsubscribe = u;
        })
        .catch((e) => {
          this.nonces.delete(signer.address);
          reject(new Mismatch(`${label}: rejected by the node: ${e.message}`));
        });
    });
  }

  /** Sends and requires success; returns the result. */
  async ok(signer, tx) {
    const r = await this.send(signer, tx);
    if (r.error) throw new Mismatch(`${r.label} failed: ${r.error} (${r.docs})`);
    return r;
  }

  /** Sends and requires the dispatch to fail with `error` (`section.Name` or e.g. `BadOrigin`). */
  async fails(signer, tx, error) {
    const r = await this.send(signer, tx);
    if (r.error !== error) {
      throw new Mismatch(`${r.label}: expected ${error}, got ${r.error ?? 'success'}`);
    }
    return r;
  }

  /** Sends `call` through the sudo key; requires the inner call to succeed. */
  async sudo(sudoKey, call) {
    const r = await this.ok(sudoKey, this.api.tx.sudo.sudo(call));
    const sudid = findEvent(r, 'sudo', 'Sudid');
    const result = sudid.data.sudoResult;
    if (result.isErr) throw new Mismatch(`sudo ${call.method.section}.${call.method.method}: ${this.describeError(result.asErr).error}`);
    return r;
  }
}

/** The events named `section.method` among a result's events. */
export function events(result, section, method) {
  return result.events.filter((e) => e.section === section && e.method === method);
}

/** The one event `section.method` of a result; fails if it is missing. */
export function findEvent(result, section, method) {
  const found = events(result, section, method);
  if (found.length === 0) {
    const seen = result.events.map((e) => `${e.section}.${e.method}`).join(', ');
    throw new Mismatch(`${result.label}: no ${section}.${method} event (saw ${seen})`);
  }
  return found[0];
}

/** A value as canonical JSON: every number and bigint as a decimal string. */
const canonical = (value) => JSON.stringify(value, (_, x) => (typeof x === 'bigint' || typeof x === 'number' ? String(x) : x));

/**
 * Checks that an event's named fields have the expected values: written as
 * `toPrimitive()` shows them (enums as `'Variant'` or `{ variant: value }`,
 * accounts as addresses, hashes as hex), numbers as numbers or bigints.
 */
export function checkFields(event, expected, what) {
  for (const [field, value] of Object.entries(expected)) {
    const actual = event.data[field];
    check(actual !== undefined, `${what}: event ${event.section}.${event.method} has no field ${field}`);
    checkEq(canonical(actual.toPrimitive()), canonical(value), `${what}: ${event.section}.${event.method}.${field}`);
  }
}
