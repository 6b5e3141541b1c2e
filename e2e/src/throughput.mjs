// Throughput: how many transfers, fee payments, votes and ratings a node
// includes and finalizes per second, side by side in one run.
//
// A community of LINLI_BENCH_ACCOUNTS (2,000) units, each owned by its own
// account, is set up first (the registrar registers and verifies them in
// full batches; a fee schedule, rating terms and one proposal open for a
// long vote). Then, one workload after the other, LINLI_BENCH_PER_ACCOUNT
// (6) pre-signed extrinsics per account are sent, the accounts in turn
// (every account's first, then every account's second, …), as fast as the
// node's RPC takes them, and the finalized blocks are followed until every
// one is in:
//   transfer  balances.transferKeepAlive to the next account
//   payment   propertyFees.payFees(community, own unit, 1 LNL: the minimum)
//   vote      ownersAssembly.vote(proposal, aye/nay): each replaces the last
//   rating    serviceRatings.rate(community, own unit, category, stars)
// Printed per workload: included-and-finalized per second (by the blocks'
// own timestamps, from the block before the first that carries one to the
// last), extrinsics per block, how full the blocks were (normal-class
// weight), why the node ended its blocks (its Prometheus
// substrate_proposer_end_proposal_reason) and failures; the last line, the
// ratios to transfers.
//
// Environment: LINLI_WS; LINLI_PROMETHEUS (the node's metrics URL,
// optional); LINLI_BENCH_ACCOUNTS, LINLI_BENCH_PER_ACCOUNT,
// LINLI_BENCH_WORKLOADS (comma-separated, default all four),
// LINLI_BENCH_STRICT=1 (fail on any failed or missing extrinsic: the CI
// smoke run). Started by scripts/bench-throughput.sh.

import { WsProvider } from '@polkadot/api';
import { Chain, check, doc, findEvent, log, Mismatch, sleep, UNIT, WS } from './lib.mjs';

const ACCOUNTS = Number(process.env.LINLI_BENCH_ACCOUNTS ?? 2000);
const PER_ACCOUNT = Number(process.env.LINLI_BENCH_PER_ACCOUNT ?? 6);
const WORKLOADS = (process.env.LINLI_BENCH_WORKLOADS ?? 'transfer,payment,vote,rating').split(',');
const STRICT = process.env.LINLI_BENCH_STRICT === '1';
const PROMETHEUS = process.env.LINLI_PROMETHEUS;
const UNITS_PER_CALL = 500; // community's MaxUnitsPerCall
const PER_BATCH = 100; // accounts funded and verified per utility.batchAll in the setup

const chain = await Chain.connect();
const { api } = chain;
const tx = api.tx;
const alice = chain.key('//Alice'); // sudo and registrar on a dev chain
const started = Date.now();

// ---- Setup ------------------------------------------------------------------
const accounts = Array.from({ length: ACCOUNTS }, (_, i) => chain.key(`//bench//${i}`));
const created = await chain.sudo(alice, tx.community.createCommunity('Throughput bench', alice.address, null));
const community = findEvent(created, 'community', 'CommunityCreated').data.community.toNumber();
const unitIds = accounts.map((_, i) => doc(`bench ${community} unit ${i}`));
for (let i = 0; i < ACCOUNTS; i += UNITS_PER_CALL) {
  const units = unitIds.slice(i, i + UNITS_PER_CALL).map((id, k) => ({ id, scope: 1 + ((i + k) % 20), area: 100_00, status: 'Delivered' }));
  await chain.ok(alice, tx.community.registerUnits(community, units));
}
for (let i = 0; i < ACCOUNTS; i += PER_BATCH) {
  const calls = [];
  for (let k = i; k < Math.min(ACCOUNTS, i + PER_BATCH); k++) {
    calls.push(tx.balances.transferKeepAlive(accounts[k].address, (k < 3 ? 1_000n : 20n) * UNIT));
    calls.push(tx.community.verifyResident(community, unitIds[k], accounts[k].address, 'Owner', doc(`bench owner ${k}`)));
  }
  await chain.ok(alice, tx.utility.batchAll(calls));
}
const month = (await api.call.calendarApi.today()).period.toNumber();
const perbill = (percent) => BigInt(percent) * 10_000_000n;
await chain.sudo(
  alice,
  tx.utility.batchAll([
    // Five members: the law's least for a community of more than 100 households.
    tx.community.setCommittee(community, accounts.slice(0, 5).map((a) => a.address), (await chain.bestNumber()) + 5_000_000),
    tx.propertyFees.setFeeSchedule(community, 2n * UNIT, 'LumpSum', month),
    tx.serviceRatings.setRatingTerms(community, {
      firstPeriod: month,
      monthsPerPeriod: 3,
      heldBack: 0,
      threshold: perbill(80),
      quorum: perbill(50),
      company: alice.address,
    }),
  ]),
);
const proposed = await chain.ok(
  accounts[0],
  tx.ownersAssembly.propose(
    community,
    'UseMaintenanceFund',
    tx.propertyFees.spendMaintenance(community, null, UNIT, alice.address, doc('bench repair')),
    doc('bench matter'),
    null,
    100_000,
  ),
);
const proposal = findEvent(proposed, 'ownersAssembly', 'Proposed').data.proposal.toNumber();
log(`setup: community ${community}, ${ACCOUNTS} units and owners, proposal ${proposal} open; ${((Date.now() - started) / 1000).toFixed(0)} s`);

// ---- One workload -------------------------------------------------------------
const WORKLOAD = {
  transfer: { section: 'balances', method: 'transferKeepAlive', call: (i) => tx.balances.transferKeepAlive(accounts[(i + 1) % ACCOUNTS].address, UNIT / 1000n) },
  payment: { section: 'propertyFees', method: 'payFees', call: (i) => tx.propertyFees.payFees(community, unitIds[i], UNIT) },
  vote: { section: 'ownersAssembly', method: 'vote', call: (i, k) => tx.ownersAssembly.vote(proposal, k % 2 ? 'Nay' : 'Aye') },
  rating: { section: 'serviceRatings', method: 'rate', call: (i, k) => tx.serviceRatings.rate(community, unitIds[i], k % 6, 1 + ((i + k) % 5), null) },
};
const IMMORTAL = api.createType('ExtrinsicEra', '0x00');
const maxNormal = api.consts.system.blockWeights.perClass.normal.maxTotal.unwrap().refTime.toBigInt();

async function endReasons() {
  if (!PROMETHEUS) return new Map();
  const text = await (await fetch(PROMETHEUS)).text();
  const reasons = new Map();
  for (const m of text.matchAll(/^substrate_proposer_end_proposal_reason\{[^}]*reason="([^"]+)"[^}]*\} (\d+)/gm)) {
    reasons.set(m[1], (reasons.get(m[1]) ?? 0) + Number(m[2]));
  }
  return reasons;
}

async function run(name) {
  const { section, method, call } = WORKLOAD[name];
  const nonces = (await api.query.system.account.multi(accounts.map((a) => a.address))).map((a) => a.nonce.toNumber());
  const signed = [];
  for (let k = 0; k < PER_ACCOUNT; k++) {
    for (let i = 0; i < ACCOUNTS; i++) {
      signed.push((await call(i, k).signAsync(accounts[i], { nonce: nonces[i] + k, era: IMMORTAL, blockHash: api.genesisHash })).toHex());
    }
  }
  const reasonsBefore = await endReasons();
  const from = (await chain.finalizedNumber()) + 1;
  // Submitted on a connection of its own, a window of requests at a time.
  const provider = new WsProvider(WS, 0);
  await provider.connect();
  await provider.isReady;
  const refused = new Map();
  const sendStart = Date.now();
  const WINDOW = 256;
  for (let n = 0; n < signed.length; n += WINDOW) {
    await Promise.all(
      signed.slice(n, n + WINDOW).map((x) =>
        provider.send('author_submitExtrinsic', [x]).catch((e) => refused.set(e.message, (refused.get(e.message) ?? 0) + 1)),
      ),
    );
  }
  const sendSeconds = (Date.now() - sendStart) / 1000;
  await provider.disconnect();
  const accepted = signed.length - [...refused.values()].reduce((a, b) => a + b, 0);

  // Follow the finalized blocks until every accepted one is in.
  const blocks = [];
  let included = 0;
  let failed = 0;
  const failures = new Map();
  let next = from;
  let idle = Date.now();
  while (included < accepted && Date.now() - idle < 120_000) {
    const finalized = await chain.finalizedNumber();
    if (next > finalized) {
      await sleep(500);
      continue;
    }
    const hash = await api.rpc.chain.getBlockHash(next);
    const [block, events, weight, at] = await Promise.all([
      api.rpc.chain.getBlock(hash),
      api.query.system.events.at(hash),
      api.query.system.blockWeight.at(hash),
      api.query.timestamp.now.at(hash),
    ]);
    let ours = 0;
    const failedAt = new Map(
      events
        .filter(({ event, phase }) => api.events.system.ExtrinsicFailed.is(event) && phase.isApplyExtrinsic)
        .map(({ event, phase }) => [phase.asApplyExtrinsic.toNumber(), chain.describeError(event.data.dispatchError).error]),
    );
    block.block.extrinsics.forEach((x, index) => {
      if (x.isSigned && x.method.section === section && x.method.method === method) {
        ours += 1;
        if (failedAt.has(index)) {
          failed += 1;
          failures.set(failedAt.get(index), (failures.get(failedAt.get(index)) ?? 0) + 1);
        }
      }
    });
    blocks.push({ number: next, ours, at: at.toNumber(), fullness: Number((weight.normal.refTime.toBigInt() * 1000n) / maxNormal) / 10 });
    included += ours;
    if (ours > 0) idle = Date.now();
    next += 1;
  }
  const reasonsAfter = await endReasons();
  const carrying = blocks.filter((b) => b.ours > 0);
  check(carrying.length > 0, `${name}: no block carried any`);
  const first = blocks.indexOf(carrying[0]);
  // From the block before the first that carries one (or, if that is the
  // first followed, one slot earlier) to the last.
  const startAt = first > 0 ? blocks[first - 1].at : carrying[0].at - 6000;
  const seconds = (carrying.at(-1).at - startAt) / 1000;
  const reasons = [...reasonsAfter.entries()]
    .map(([r, v]) => [r, v - (reasonsBefore.get(r) ?? 0)])
    .filter(([, v]) => v > 0)
    .map(([r, v]) => `${r} ${v}`)
    .join(', ');
  const result = {
    name,
    call: `${section}.${method}`,
    sent: signed.length,
    accepted,
    included,
    failed,
    rate: included / seconds,
    seconds,
    perBlock: included / carrying.length,
    maxPerBlock: Math.max(...carrying.map((b) => b.ours)),
    fullness: carrying.reduce((s, b) => s + b.fullness, 0) / carrying.length,
    reasons: reasons || 'n/a',
    sendRate: signed.length / sendSeconds,
  };
  console.log(
    `  ${name.padEnd(8)} ${result.call.padEnd(32)} ${String(included).padStart(6)} in ${seconds.toFixed(0).padStart(4)} s: ` +
      `${result.rate.toFixed(0).padStart(5)}/s, ${result.perBlock.toFixed(0)} per block (max ${result.maxPerBlock}), ` +
      `blocks ${result.fullness.toFixed(0)} % full; ended: ${result.reasons}; ` +
      `sent ${signed.length} at ${result.sendRate.toFixed(0)}/s, refused ${signed.length - accepted}, failed ${failed}`,
  );
  for (const [reason, n] of refused) console.log(`           refused ${n}: ${reason.slice(0, 100)}`);
  for (const [error, n] of failures) console.log(`           failed ${n}: ${error}`);
  if (STRICT) {
    check(refused.size === 0, `${name}: the node refused some`);
    check(failed === 0, `${name}: ${failed} failed in their blocks`);
    check(included === signed.length, `${name}: ${included} of ${signed.length} were included`);
  }
  return result;
}

console.log(`\n  throughput: ${ACCOUNTS} accounts, ${PER_ACCOUNT} each per workload, in turn; included and finalized`);
const results = [];
for (const name of WORKLOADS) {
  check(WORKLOAD[name], `unknown workload ${name}`);
  results.push(await run(name));
}
const transfer = results.find((r) => r.name === 'transfer');
if (transfer) {
  const ratios = results.filter((r) => r !== transfer).map((r) => `${r.name} ${(r.rate / transfer.rate).toFixed(2)}`);
  console.log(`  ratios to transfers (${transfer.rate.toFixed(0)}/s): ${ratios.join(', ')}`);
}
log(`throughput run: ${((Date.now() - started) / 1000).toFixed(0)} s`);
await chain.disconnect();
if (results.some((r) => STRICT && r.failed)) throw new Mismatch('failed');
