// Load held: a dev node is sent mixed Linli extrinsics — fee payments,
// public income, transfers — for LINLI_LOAD_SECONDS (60) at LINLI_LOAD_RATE
// (200) per second, more than its blocks take (a debug node finalizes a few
// dozen a second), from LINLI_LOAD_ACCOUNTS (400) accounts, 30 each.
//
// It must hold: blocks go on carrying transactions while the load lasts;
// the pool stays within its limit (sampled every 2 s); every transaction
// the node refuses is refused with an error saying why; every one it
// accepts ends finalized or dropped with a reason (its watch says which) —
// none is left hanging once the pool has drained. Reports the counts, the
// rates and the node's memory (VmRSS) before and after.
//
// Environment: LINLI_WS, LINLI_NODE_PID (for memory; optional),
// LINLI_POOL_LIMIT (the node's --pool-limit, to check the bound).

import { readFileSync } from 'node:fs';
import { WsProvider } from '@polkadot/api';
import { Chain, check, doc, log, Mismatch, sleep, UNIT, WS } from './lib.mjs';

const SECONDS = Number(process.env.LINLI_LOAD_SECONDS ?? 60);
const RATE = Number(process.env.LINLI_LOAD_RATE ?? 200);
const ACCOUNTS = Number(process.env.LINLI_LOAD_ACCOUNTS ?? 400);
const POOL_LIMIT = Number(process.env.LINLI_POOL_LIMIT ?? 8192);
const COMMUNITY = 0; // the demo community

const rss = () => {
  if (!process.env.LINLI_NODE_PID) return null;
  const status = readFileSync(`/proc/${process.env.LINLI_NODE_PID}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)[1]) / 1024;
};

const chain = await Chain.connect();
const { api } = chain;
const alice = chain.key('//Alice');
const memoryBefore = rss();

// ---- Setup: a fee schedule for the demo community, funded payers ----------
await chain.waitForBlock(2); // a block with a timestamp: the calendar's month
const month = (await api.call.calendarApi.today()).period.toNumber();
await chain.sudo(alice, api.tx.propertyFees.setFeeSchedule(COMMUNITY, 3n * UNIT, 'LumpSum', month));
const units = (await api.query.community.units.keys(COMMUNITY)).map((k) => k.args[1].toHex());
check(units.length > 0, 'the demo community has units');
const payers = Array.from({ length: ACCOUNTS }, (_, i) => chain.key(`//Alice//load//${i}`));
// 50 LNL each covers 30 payments of 1 LNL and their fees. Each batch of 400
// comes from the dev account with the most left (the year before spent some).
const devs = ['//Alice', '//Bob', '//Charlie', '//Dave', '//Eve', '//Ferdie'].map((k) => chain.key(k));
for (let i = 0; i < ACCOUNTS; i += 400) {
  const balances = await Promise.all(devs.map((d) => chain.free(d.address)));
  const funder = devs[balances.indexOf(balances.reduce((a, b) => (b > a ? b : a)))];
  const transfers = payers.slice(i, i + 400).map((p) => api.tx.balances.transferKeepAlive(p.address, 50n * UNIT));
  await chain.ok(funder, api.tx.utility.batchAll(transfers));
}
log(`${ACCOUNTS} payers funded; ${units.length} units billed at 3 LNL/m²`);

// ---- Pre-signed, so that signing does not limit the rate ------------------
// Each payer's next nonce (a node that ran this before has used some).
const firstNonce = (await api.query.system.account.multi(payers.map((p) => p.address))).map((a) => a.nonce.toNumber());
const total = SECONDS * RATE;
const perAccount = Math.ceil(total / ACCOUNTS);
// Mortal, as wallets send them, for 32 blocks (3.2 minutes from signing;
// wallets use 64): when the pool is full the fork-aware pool drops the
// last of a queue (they rank by turn: runtime/src/nonce_in_turn.rs) but
// keeps those behind it in its mempool, waiting for a predecessor that
// will not come, until their era runs out and it reports them dropped.
const birth = await api.rpc.chain.getHeader();
const era = api.createType('ExtrinsicEra', { current: birth.number, period: 32 });
const signed = [];
const signStart = Date.now();
for (let k = 0; k < perAccount; k++) {
  for (let i = 0; i < ACCOUNTS && signed.length < total; i++) {
    const n = signed.length;
    const tx =
      n % 5 < 2
        ? api.tx.propertyFees.payFees(COMMUNITY, units[n % units.length], UNIT)
        : n % 5 < 4
          ? api.tx.propertyFees.recordPublicIncome(COMMUNITY, 'Advertising', UNIT, doc(`load ${n}`))
          : api.tx.balances.transferKeepAlive(payers[(i + 1) % ACCOUNTS].address, UNIT);
    signed.push({ account: i, nonce: k, tx: await tx.signAsync(payers[i], { nonce: firstNonce[i] + k, era, blockHash: birth.hash }) });
  }
}
log(`${signed.length} extrinsics signed (${perAccount} per account) in ${((Date.now() - signStart) / 1000).toFixed(0)} s`);

// ---- Submitted at RATE for SECONDS, each watched ---------------------------
// Over the new JSON-RPC spec's transactionWatch_v1: every end it reports
// carries the node's reason (a refusal at submission too, as an event with
// no `validated` before it), where the legacy author_submitAndWatchExtrinsic
// reports a bare `Dropped`.
const outcome = { accepted: 0, rejected: new Map(), ended: new Map(), pending: new Set(), dropped: [] };
const count = (map, key) => map.set(key, (map.get(key) ?? 0) + 1);
const poolSizes = [];
const blocks = [];
const unsubscribeHeads = await api.rpc.chain.subscribeNewHeads(async (h) => {
  blocks.push({ number: h.number.toNumber(), at: Date.now() });
});
let sampling = true;
// The pool's ready transactions (what author_pendingExtrinsics lists; the
// limit counts them), and those accepted but not yet ended as the client
// sees them (ready, future, or in a block not yet finalized).
const inFlight = [];
const sampler = (async () => {
  while (sampling) {
    poolSizes.push((await api.rpc.author.pendingExtrinsics()).length);
    inFlight.push(outcome.pending.size);
    await sleep(2000);
  }
})();

// A connection of its own, which never reconnects: @polkadot/api's would
// resubscribe — and so resubmit — every transaction still followed.
const provider = new WsProvider(WS, 0);
await provider.connect();
await provider.isReady;
const ENDS = ['finalized', 'dropped', 'invalid', 'error'];
/** Submits `signed[n]`, follows it to its end and records how it ended. */
function submitAndWatch(n) {
  const entry = signed[n];
  outcome.pending.add(n);
  return new Promise((resolve) => {
    const end = (key) => {
      if (!outcome.pending.delete(n)) return; // ended already
      if (entry.validated) count(outcome.ended, key);
      else count(outcome.rejected, key);
      resolve();
    };
    provider
      .subscribe('transactionWatch_v1_watchEvent', 'transactionWatch_v1_submitAndWatch', [entry.tx.toHex()], (error, event) => {
        if (error) return end(`subscription error: ${error.message}`);
        entry.last = event.event;
        if (event.event === 'validated' || event.event === 'bestChainBlockIncluded') {
          if (!entry.validated) outcome.accepted += 1;
          entry.validated = true;
        } else if (ENDS.includes(event.event)) {
          // The node ends the subscription with its last event.
          if (event.event === 'finalized' && !entry.validated) {
            // Its `validated` was overwritten in the node's 3-event buffer.
            outcome.accepted += 1;
            entry.validated = true;
          }
          if (event.event === 'dropped') outcome.dropped.push(n);
          end(event.event === 'finalized' ? 'finalized' : `${event.event}: ${event.error}`);
        }
      })
      // The node did not answer (its RPC too busy) or refused the subscription.
      .catch((e) => end((e.message ?? String(e)).replace(/\s+/g, ' ').slice(0, 90)));
  });
}

const submitStart = Date.now();
const watches = [];
for (let n = 0; n < signed.length; n++) {
  // Pace: extrinsic n goes out at n / RATE seconds.
  const due = submitStart + (n * 1000) / RATE;
  if (due > Date.now()) await sleep(due - Date.now());
  watches.push(submitAndWatch(n));
}
const submitSeconds = (Date.now() - submitStart) / 1000;
const loadEnd = Date.now();
log(`${signed.length} submitted in ${submitSeconds.toFixed(1)} s (${(signed.length / submitSeconds).toFixed(0)}/s)`);

// ---- Drained: every accepted extrinsic ends --------------------------------
const drainDeadline = Date.now() + 420_000; // past the era's end
while (outcome.pending.size > 0 && Date.now() < drainDeadline) await sleep(1000);
const drainSeconds = (Date.now() - loadEnd) / 1000;
sampling = false;
await sampler;
unsubscribeHeads();
const memoryAfter = rss();

const duringLoad = blocks.filter((b) => b.at >= submitStart && b.at <= loadEnd);
let included = 0;
let carrying = 0;
// A block that starts a session carries nothing: pallet_session charges a
// rotation a whole block's weight (a dev chain's session is 10 blocks).
const emptyNotSession = [];
for (const b of duringLoad) {
  const hash = await api.rpc.chain.getBlockHash(b.number);
  const block = await api.rpc.chain.getBlock(hash);
  const n = block.block.extrinsics.length - 1; // minus the timestamp inherent
  included += n;
  if (n > 0) carrying += 1;
  else if (!(await api.query.system.events.at(hash)).some(({ event }) => api.events.session.NewSession.is(event))) {
    emptyNotSession.push(b.number);
  }
}
const finalized = outcome.ended.get('finalized') ?? 0;
// Where in their accounts' chains the dropped ones were: a pool that drops
// the tail of a deep chain drops high positions; one that evicts a chain's
// middle takes everything after it too.
const droppedAt = new Array(perAccount).fill(0);
for (const n of outcome.dropped) droppedAt[signed[n].nonce] += 1;
const fmt = (m) => [...m.entries()].map(([k, v]) => `${v} ${k}`).join('; ') || 'none';
console.log(`
  load: ${signed.length} extrinsics (40 % propertyFees.payFees, 40 % propertyFees.recordPublicIncome, 20 % balances.transferKeepAlive)
        from ${ACCOUNTS} accounts, ${perAccount} each, submitted at ${(signed.length / submitSeconds).toFixed(0)}/s for ${submitSeconds.toFixed(0)} s
  accepted by the pool:   ${outcome.accepted}
  rejected at submission: ${signed.length - outcome.accepted} (${fmt(outcome.rejected)})
  ended:                  ${fmt(outcome.ended)}
  dropped, by position in its account's chain (0-${perAccount - 1}): ${droppedAt.join(' ')}
  still pending:          ${outcome.pending.size} (${drainSeconds.toFixed(0)} s after the last was sent)
  finalized per second:   ${(finalized / ((Date.now() - submitStart) / 1000)).toFixed(0)} over the whole run
  blocks during the load: ${duringLoad.length} (${carrying} carrying; empty, not a session change: ${emptyNotSession.length}), ${included} extrinsics, ${(included / Math.max(1, duringLoad.length)).toFixed(0)} per block
  pool's ready (every 2s): max ${Math.max(...poolSizes)}, last ${poolSizes.at(-1)} (limit ${POOL_LIMIT}); accepted, not yet ended: max ${Math.max(...inFlight)}
  node memory (VmRSS):    ${memoryBefore === null ? 'n/a' : `${memoryBefore.toFixed(0)} MiB before, ${memoryAfter.toFixed(0)} MiB after`}
`);

for (const n of [...outcome.pending].slice(0, 5)) {
  const { account, nonce, last } = signed[n];
  const others = signed.filter((x) => x.account === account).map((x) => `${x.nonce}:${x.last ?? 'rejected'}`);
  console.log(`  pending: account ${account} nonce ${nonce} (last status ${last}); its others: ${others.join(' ')}`);
}
check(outcome.pending.size === 0, `${outcome.pending.size} accepted extrinsics neither finalized nor dropped after the drain`);
check(outcome.accepted > 0 && finalized > 0, 'the node accepted and finalized part of the load');
check(duringLoad.length >= SECONDS / 6 - 2, `blocks stalled under load: ${duringLoad.length} in ${SECONDS} s`);
// No stall: every block made while the load lasts carries some of it, but
// the first (the pool had nothing yet) and those that start a session.
check(
  emptyNotSession.filter((n) => n !== duringLoad[0]?.number).length === 0,
  `blocks during the load that carried nothing: #${emptyNotSession.join(', #')}`,
);
check(Math.max(...poolSizes) <= POOL_LIMIT, 'the pool stayed within its limit');
// A refusal carries the node's reason; or the client gave up waiting for an
// answer (counted above: the node's RPC was too busy to answer in 60 s).
for (const reason of outcome.rejected.keys()) {
  check(/^(invalid|dropped|error): .+|^No response received from RPC endpoint/.test(reason), `a rejection without the node's reason: ${reason}`);
}
for (const end of outcome.ended.keys()) {
  check(/^finalized$|^(invalid|dropped|error): .+/.test(end), `an extrinsic ended without a reason: ${end}`);
}
await provider.disconnect();
await chain.disconnect();
if (outcome.pending.size) throw new Mismatch('pending');
