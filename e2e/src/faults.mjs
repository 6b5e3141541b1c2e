// Faults survived, on the four-validator network of the checked-in spec
// (scripts/e2e-testnet.sh runs this after testnet.mjs, on the same nodes:
// Alice, Bob, Charlie and Eve validate; Dave's node is gone). Every kill is
// SIGKILL, as a power cut or a crashed server:
//
// 1. one validator killed: blocks and finality go on (GRANDPA needs > 2/3);
//    the finality lag while it is down is measured;
// 2. it restarts on its old database: it catches up to the finalized head
//    and authors again;
// 3. two killed: finality stops, nothing finalized is reverted; both
//    restart: finality resumes;
// 4. every node killed at once and restarted: each node's finalized head
//    and its state root are what they were, and a payment submitted just
//    before the crash is either finalized (with its ledger entry and fund
//    balance) or absent (nonce and fund unchanged), never half;
// 5. a fresh fifth node, not a validator, full-syncs from genesis, and
//    another warp-syncs; both serve the funds the validators serve.
//
// Prints a table: fault, what happened, time to recover (blocks, seconds).
//
// Environment: LINLI_NODE_BIN, LINLI_NET_DIR (each node's arguments in
// <name>.args.json, its pid in <name>.pid, its log in <name>.log),
// LINLI_BOOTNODE; LINLI_VALIDATORS (default alice,bob,charlie,eve).

import { spawn } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import net from 'node:net';
import { u8aToHex } from '@polkadot/util';
import { Chain, check, checkEq, doc, log, Mismatch, rpcExact, sleep, UNIT } from './lib.mjs';

const BIN = process.env.LINLI_NODE_BIN;
const DIR = process.env.LINLI_NET_DIR;
// After testnet.mjs: Eve replaced Dave. (LINLI_VALIDATORS for a run of this
// script alone on the spec's own four.)
const VALIDATORS = (process.env.LINLI_VALIDATORS ?? 'alice,bob,charlie,eve').split(',');
const COMMUNITY = 0;

const nodes = {};
for (const name of VALIDATORS) {
  const args = JSON.parse(readFileSync(`${DIR}/${name}.args.json`, 'utf8'));
  const rpcPort = args[args.indexOf('--rpc-port') + 1];
  nodes[name] = { args, ws: `ws://127.0.0.1:${rpcPort}`, pid: Number(readFileSync(`${DIR}/${name}.pid`, 'utf8')) };
}
const children = [];
const table = [];
const rpc = (name, method, params = []) => rpcExact(method, params, nodes[name].ws);

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGKILLs the nodes named, all at once, and waits until they are gone. */
async function kill(...names) {
  for (const name of names) process.kill(nodes[name].pid, 'SIGKILL');
  while (names.some((n) => alive(nodes[n].pid))) await sleep(50);
}

/** Starts `name` with its arguments (its old database, if any). */
function start(name, args = nodes[name].args) {
  const out = openSync(`${DIR}/${name}.log`, 'a');
  const child = spawn(BIN, args, { stdio: ['ignore', out, out] });
  children.push(child);
  nodes[name] = { ...nodes[name], args, pid: child.pid };
}

/** Polls `probe` every 500 ms until it returns a truthy value; fails after `seconds`. */
async function until(probe, seconds, what) {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (e) {
      // Only a node that is not up yet is waited for; any other error fails.
      const down = /ECONNREFUSED|ECONNRESET|fetch failed|socket hang up/.test(`${e.message} ${e.cause?.code ?? ''}`);
      if (!down) throw e;
    }
    if (Date.now() > deadline) throw new Mismatch(`${what}: not within ${seconds} s`);
    await sleep(500);
  }
}

async function header(name, hash) {
  const h = await rpc(name, 'chain_getHeader', hash ? [hash] : []);
  return { number: parseInt(h.number, 16), stateRoot: h.stateRoot };
}

async function finalized(name) {
  const hash = await rpc(name, 'chain_getFinalizedHead');
  return { ...(await header(name, hash)), hash };
}

async function best(name) {
  return (await header(name)).number;
}

async function canonical(name, number) {
  return rpc(name, 'chain_getBlockHash', [number]);
}

/** Samples `best − finalized` on `name` every second for `seconds`. */
async function lag(name, seconds) {
  const samples = [];
  for (let i = 0; i < seconds; i++) {
    const [b, f] = await Promise.all([best(name), finalized(name)]);
    samples.push(b - f.number);
    await sleep(1000);
  }
  return { max: Math.max(...samples), mean: samples.reduce((a, b) => a + b, 0) / samples.length };
}

function row(fault, happened, blocks, seconds) {
  table.push({ fault, happened, recovery: blocks === null ? '—' : `${blocks} blocks, ${seconds.toFixed(1)} s` });
  log(`${fault}: ${happened}${blocks === null ? '' : ` (recovered in ${blocks} blocks, ${seconds.toFixed(1)} s)`}`);
}

let chain = await Chain.connect(nodes.alice.ws);
const { api } = chain;
let status = 0;
const charlieAura = u8aToHex(chain.key('//Charlie').publicKey);

/** Whether block `hash` (on Alice's node) was authored by Aura key `key` (hex). */
async function authoredBy(hash, key) {
  const h = await api.rpc.chain.getHeader(hash);
  const pre = h.digest.logs.find((l) => l.isPreRuntime && l.asPreRuntime[0].toString() === 'aura');
  const slot = api.createType('u64', pre.asPreRuntime[1]).toBigInt();
  const authorities = await api.query.aura.authorities.at(h.parentHash);
  return authorities[Number(slot % BigInt(authorities.length))].toHex() === key;
}

/** The community's funds as the node `name` serves them at `hash`. */
async function funds(name, hash) {
  return JSON.stringify(await rpc(name, 'fees_funds', [COMMUNITY, hash]));
}

try {
  // Money in a fund first, so that the funds the nodes serve are not all zero.
  const ferdie = chain.key('//Ferdie');
  await chain.ok(ferdie, api.tx.propertyFees.recordPublicIncome(COMMUNITY, 'Advertising', 500n * UNIT, doc('faults: ad before')));

  // ---- 1. One validator killed ---------------------------------------------
  const baseline = await lag('alice', 12);
  const before1 = await finalized('alice');
  await kill('charlie');
  const t1 = Date.now();
  const down = await lag('alice', 36);
  const after1 = await finalized('alice');
  check(after1.number >= before1.number + 3, `finality stalled with one of four down (#${before1.number} → #${after1.number})`);
  row(
    'one validator (Charlie) SIGKILLed',
    `blocks and finality went on: finalized #${before1.number} → #${after1.number} in ${((Date.now() - t1) / 1000).toFixed(0)} s; ` +
      `finality lag ${down.mean.toFixed(1)} blocks mean, ${down.max} max (all up: ${baseline.mean.toFixed(1)}, ${baseline.max})`,
    null,
  );

  // ---- 2. It restarts on its old database ----------------------------------
  const restartAt = Date.now();
  const bestAtRestart = await best('alice');
  start('charlie');
  const target = (await finalized('alice')).number;
  await until(async () => (await finalized('charlie')).number >= target, 120, 'Charlie catches up to the finalized head');
  const caughtUp = (Date.now() - restartAt) / 1000;
  const authored = await until(
    async () => {
      const f = await finalized('alice');
      for (let n = bestAtRestart + 1; n <= f.number; n++) {
        const hash = await canonical('alice', n);
        if (await authoredBy(hash, charlieAura)) return n;
      }
      return null;
    },
    120,
    'Charlie authors a finalized block again',
  );
  row(
    'Charlie restarted on its old database',
    `caught up to finalized #${target} in ${caughtUp.toFixed(1)} s; authored #${authored}, finalized`,
    authored - bestAtRestart,
    (Date.now() - restartAt) / 1000,
  );

  // ---- 3. Two validators killed --------------------------------------------
  await kill('bob', 'charlie');
  await sleep(6000); // votes already in flight may still land
  const stalled = await finalized('alice');
  const bestAtStall = await best('alice');
  await sleep(30_000);
  const stillStalled = await finalized('alice');
  checkEq(stillStalled.number, stalled.number, 'the finalized block with two of four validators down');
  const grew = (await best('alice')) - bestAtStall;
  check(grew > 0, 'Alice and Eve go on authoring while finality waits');
  checkEq(await canonical('alice', stalled.number), stalled.hash, 'the finalized block is kept');
  const restart3 = Date.now();
  const bestAtRestart3 = await best('alice');
  start('bob');
  start('charlie');
  const resumed = await until(
    async () => {
      const f = await finalized('alice');
      return f.number > stalled.number && f;
    },
    180,
    'finality resumes after both restart',
  );
  const bestAtResume = await best('alice');
  for (const name of ['alice', 'bob', 'charlie']) {
    await until(async () => (await finalized(name)).number >= stalled.number, 120, `${name} reaches #${stalled.number}`);
    checkEq(await canonical(name, stalled.number), stalled.hash, `${name}: nothing finalized was reverted`);
  }
  row(
    'two validators (Bob, Charlie) SIGKILLed, then restarted',
    `finality stopped at #${stalled.number} for 36 s while ${grew} blocks were authored; ` +
      `after the restart it resumed (#${resumed.number}); #${stalled.number} unchanged`,
    bestAtResume - bestAtRestart3,
    (Date.now() - restart3) / 1000,
  );
  // Both authoring again before the next fault.
  await until(async () => (await finalized('bob')).number >= resumed.number && (await finalized('charlie')).number >= resumed.number, 120, 'Bob and Charlie catch up');

  // ---- 4. Every node killed at once ----------------------------------------
  const nonceBefore = (await api.rpc.system.accountNextIndex(ferdie.address)).toNumber();
  const publicFund = async (name, hash) =>
    BigInt(JSON.parse(await funds(name, hash)).find((f) => f.fund === 'PublicIncome').balance);
  const fundBefore = await publicFund('alice', (await finalized('alice')).hash);
  const payment = 321n * UNIT;
  const signed = await api.tx.propertyFees
    .recordPublicIncome(COMMUNITY, 'Advertising', payment, doc('faults: ad during the crash'))
    .signAsync(ferdie, { nonce: nonceBefore });
  const paymentHash = (await api.rpc.author.submitExtrinsic(signed)).toHex();
  await sleep(4000); // in the pool, perhaps in a block, perhaps finalized
  // What each node serves at its finalized head: after the crash it must
  // serve the same from its database.
  const ferdieKey = api.query.system.account.key(ferdie.address);
  const served = async (name, hash) =>
    JSON.stringify([await funds(name, hash), await rpc(name, 'state_getStorage', [ferdieKey, hash])]);
  const heads = {};
  for (const name of VALIDATORS) {
    heads[name] = await finalized(name);
    heads[name].served = await served(name, heads[name].hash);
  }
  const bestAtCrash = await best('alice');
  await chain.disconnect();
  await kill(...VALIDATORS);
  log(`all four SIGKILLed at best #${bestAtCrash}; finalized: ${VALIDATORS.map((n) => `${n} #${heads[n].number}`).join(', ')}`);
  const restart4 = Date.now();
  for (const name of VALIDATORS) start(name);
  for (const name of VALIDATORS) {
    const f = await until(() => finalized(name), 120, `${name} answers after the crash`);
    check(f.number >= heads[name].number, `${name} lost finalized blocks: #${heads[name].number} before, #${f.number} after`);
    checkEq(await canonical(name, heads[name].number), heads[name].hash, `${name}'s finalized block after the crash`);
    checkEq(await served(name, heads[name].hash), heads[name].served, `${name}: funds and Ferdie's account at its finalized head`);
  }
  const top = Math.max(...VALIDATORS.map((n) => heads[n].number));
  const recovered = await until(
    async () => {
      const f = await finalized('alice');
      return f.number > Math.max(top, bestAtCrash) && f;
    },
    180,
    'finality resumes after every node restarted',
  );
  const bestAtRecovered = await best('alice');
  const chain2 = await Chain.connect(nodes.alice.ws);
  const nonceAfter = (await chain2.api.query.system.account.at(recovered.hash, ferdie.address)).nonce.toNumber();
  const fundAfter = await publicFund('alice', recovered.hash);
  let landed = null;
  for (let n = Math.min(...VALIDATORS.map((x) => heads[x].number)) - 5; n <= recovered.number && !landed; n++) {
    const block = await chain2.api.rpc.chain.getBlock(await canonical('alice', n));
    if (block.block.extrinsics.some((x) => x.hash.toHex() === paymentHash)) landed = n;
  }
  if (landed) {
    checkEq(nonceAfter, nonceBefore + 1, "Ferdie's nonce: the payment was finalized");
    checkEq(fundAfter, fundBefore + payment, 'the public-income fund holds the finalized payment');
  } else {
    checkEq(nonceAfter, nonceBefore, "Ferdie's nonce: the payment was lost whole");
    checkEq(fundAfter, fundBefore, 'the public-income fund without the lost payment');
  }
  await chain2.disconnect();
  row(
    'every node SIGKILLed at once, then restarted',
    `each node's finalized head unchanged and its state served again (#${heads.alice.number}…); ` +
      `the payment submitted before the crash: ${landed ? `finalized in #${landed} with its fund balance` : 'lost whole (nonce and fund unchanged)'}`,
    bestAtRecovered - bestAtCrash,
    (Date.now() - restart4) / 1000,
  );

  // ---- 5. A fresh node syncs ------------------------------------------------
  const freePort = () =>
    new Promise((resolve) => {
      const s = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = s.address();
        s.close(() => resolve(port));
      });
    });
  for (const mode of ['full', 'warp']) {
    const name = `fifth-${mode}`;
    const [p2p, rpcPort] = [await freePort(), await freePort()];
    const args = [
      '--chain', nodes.alice.args[nodes.alice.args.indexOf('--chain') + 1],
      '--base-path', `${DIR}/${name}`, '--name', name, '--sync', mode,
      '--listen-addr', `/ip4/127.0.0.1/tcp/${p2p}`, '--rpc-port', String(rpcPort),
      '--no-prometheus', '--no-telemetry', '--no-mdns', '--unsafe-force-node-key-generation',
      '--bootnodes', process.env.LINLI_BOOTNODE,
    ];
    nodes[name] = { ws: `ws://127.0.0.1:${rpcPort}` };
    const goal = await finalized('alice');
    const started = Date.now();
    start(name, args);
    const synced = await until(
      async () => {
        const f = await finalized(name);
        return f.number >= goal.number && f;
      },
      240,
      `a ${mode}-syncing node reaches finalized #${goal.number}`,
    );
    const seconds = (Date.now() - started) / 1000;
    checkEq(await canonical(name, synced.number), await canonical('alice', synced.number), `${name}: the finalized chain`);
    checkEq(await funds(name, synced.hash), await funds('alice', synced.hash), `${name}: fees_funds at #${synced.number}`);
    if (mode === 'warp') {
      // Not a full sync in disguise: the node says it warped.
      check(readFileSync(`${DIR}/${name}.log`, 'utf8').includes('Warp sync is complete'), `${name} did not warp-sync`);
    }
    row(
      `a fresh node (${mode} sync), not a validator`,
      `synced to finalized #${synced.number} and serves the same funds (fees_funds) and state root`,
      synced.number,
      seconds,
    );
  }

  console.log('\n| fault | what happened | time to recover |\n|---|---|---|');
  for (const r of table) console.log(`| ${r.fault} | ${r.happened} | ${r.recovery} |`);
} catch (e) {
  console.error(e);
  status = 1;
} finally {
  // The nodes this script started and that still run (a SIGKILLed one has a signalCode).
  const running = children.filter((c) => c.exitCode === null && c.signalCode === null);
  for (const child of running) child.kill('SIGINT');
  await Promise.all(running.map((c) => new Promise((r) => (c.exitCode === null && c.signalCode === null ? c.on('exit', r) : r()))));
}
// The API's connection may still be open (a failure before the crash).
process.exit(status);
