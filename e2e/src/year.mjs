// A year in the life of a community, through a running `linli-node --dev`
// with @polkadot/api, as its residents, committee, property company and the
// district authority (the dev chain's sudo key) would use it.
//
//   node src/year.mjs                (against $LINLI_WS, default ws://127.0.0.1:9944)
//
// 幸福里 (Xingfu Li): two buildings of ten units, twenty owners and a tenant.
// The authority creates the community; its registrar registers and verifies
// everyone in bulk; the fee schedule, contract terms, maintenance deposit
// and rating terms are set; owners deposit the maintenance fund and pay
// fees month by month, then by the quarter in advance — except one, who pays
// late after a demand notice, with the late fee; the company pays cleaners
// and gardeners; an advertiser pays for the lift screens; the owners vote to
// spend the maintenance fund on the lifts (passes, enacts itself) and to
// raise the fee (fails its 2/3 quorum); residents rate the services; each
// quarter's held-back pay is released or returned by the ratings. The dev
// chain's calendar is moved ahead a month at a time (calendar.advance).
//
// Every expected event is checked field by field and every balance exactly
// (accounts that sign pay transaction fees, read from their
// TransactionFeePaid events); any mismatch ends the run with an error.

import { Chain, UNIT, check, checkEq, checkFields, doc, events, findEvent, lnl, log, rpcExact } from './lib.mjs';

const started = Date.now();
const chain = await Chain.connect();
const { api } = chain;
const tx = api.tx;
const startBlock = await chain.bestNumber();
const step = (title) => log(`— ${title}`);

// --- Who is who -------------------------------------------------------------
const sudo = chain.key('//Alice'); // the district authority on a dev chain
const key = (name) => chain.key(`//Xingfu//${name}`);
const registrar = key('registrar');
const manager = key('property-manager'); // signs for the property company
const companyPay = key('company-pay'); // where the company's held-back pay goes
const cleaner = key('cleaner');
const gardener = key('gardener');
const liftCo = key('lift-contractor');
const advertiser = key('advertiser');
const tenant = key('tenant');
const AREAS = [89_50n, 120_25n, 143_00n, 76_80n]; // 0.01 m²
const units = [];
for (const building of [1, 2]) {
  for (let room = 1; room <= 10; room += 1) {
    units.push({
      building,
      room,
      id: doc(`幸福里 ${building}-${room} salt:${startBlock}`),
      area: AREAS[room % 4],
      owner: key(`owner-${building}-${room}`),
      paid: 0n, // fees paid
      txFees: 0n,
    });
  }
}
const unitAt = (b, r) => units.find((u) => u.building === b && u.room === r);
const committee = [unitAt(1, 1), unitAt(1, 2), unitAt(2, 1)];
const latePayer = unitAt(2, 10);
const rented = unitAt(2, 5); // its tenant pays the monthly bills
const totalArea = units.reduce((s, u) => s + u.area, 0n);

// The expected state, kept beside the chain's and compared with it.
const model = {
  funds: { Operating: 0n, Maintenance: 0n, PublicIncome: 0n, Escrow: 0n },
  feeIncome: new Map(), // period -> property fees collected
  heldBack: new Map(), // period -> the company's pay held back in escrow as the fees came in
  received: new Map(), // address -> expected balance of accounts that never sign
  signers: new Map(), // address -> { start, spent }
};
const expectReceived = (who, amount) => model.received.set(who.address, (model.received.get(who.address) ?? 0n) + amount);
const addFeeIncome = (period, amount) => model.feeIncome.set(period, (model.feeIncome.get(period) ?? 0n) + amount);
const addHeldBack = (period, amount) => model.heldBack.set(period, (model.heldBack.get(period) ?? 0n) + amount);

// Sends and books the signer's transaction fee.
const spent = (who, amount) => {
  const s = model.signers.get(who.address);
  check(s, `${who.address} is a tracked signer`);
  s.spent += amount;
};
const ok = async (who, call) => {
  const r = await chain.ok(who, call);
  if (model.signers.has(who.address)) spent(who, r.fee);
  return r;
};
// Sends, requires the dispatch to fail with `error`, books the fee paid.
const fails = async (who, call, error) => {
  const r = await chain.fails(who, call, error);
  if (model.signers.has(who.address)) spent(who, r.fee);
  return r;
};
const sudoOk = async (call) => chain.sudo(sudo, call);

const FUNDING = 40_000n * UNIT;
const PRICE = 25n * UNIT / 10n; // 2.50 LNL per m² and month
const RAISED_PRICE = 3n * UNIT;
const MAINTENANCE_PRICE = 50n * UNIT; // first deposit per m²
const dueOf = (price, area) => (price * area + 50n) / 100n; // half up, as the pallet rounds
const perbill = (percent) => BigInt(percent) * 10_000_000n;
const HELD_BACK = 100_000n; // of each fee payment, held in escrow until its quarter is rated: 10 % (Permill)

async function today() {
  return (await api.call.calendarApi.today()).period.toNumber();
}

async function advance(months) {
  const r = await sudoOk(tx.calendar.advance(months));
  const e = findEvent(r, 'calendar', 'CalendarAdvanced');
  checkEq(e.data.months.toNumber(), months, 'months advanced');
  const now = await today();
  checkEq(e.data.period.toNumber(), now, 'the calendar API agrees with the event');
  log(`   calendar: ${e.data.year}-${String(e.data.month).padStart(2, '0')} (period ${now})`);
  return now;
}

async function checkFunds(when) {
  const funds = await api.call.propertyFeesApi.funds(community);
  for (const f of funds) {
    const kind = f.fund.type;
    checkEq(f.balance.toBigInt(), model.funds[kind], `${when}: ${kind} fund per the ledger`);
    checkEq(await chain.held(f.account), model.funds[kind], `${when}: ${kind} fund's account holds it`);
  }
}

async function checkBalances(when) {
  for (const [address, expected] of model.received) checkEq(await chain.free(address), expected, `${when}: balance of ${address}`);
  for (const [address, s] of model.signers) checkEq(await chain.free(address), s.start - s.spent, `${when}: balance of signer ${address}`);
}

// Pays `unit`'s bills for `months` months starting at `from` (all at the
// schedule's price), and checks the receipt.
async function pay(payer, unit, months, from, now, lateFee = 0n) {
  const fees = dueOf(PRICE, unit.area) * BigInt(months);
  // The rating terms hold back their share of every payment from the start.
  const held = (fees * HELD_BACK) / 1_000_000n;
  const r = await ok(payer, tx.propertyFees.payFees(community, unit.id, fees + lateFee));
  checkFields(
    findEvent(r, 'propertyFees', 'FeesPaid'),
    { community, unit: unit.id, payer: payer.address, fees, lateFee, heldBack: held, billed: [from, from + months - 1], nextDue: from + months, credit: 0n },
    `payment for ${unit.building}-${unit.room}`,
  );
  spent(payer, fees + lateFee);
  unit.paid += fees;
  model.funds.Operating += fees - held + lateFee;
  model.funds.Escrow += held;
  addFeeIncome(now, fees);
  addHeldBack(now, held);
  return r;
}

async function expense(category, amount, payee, invoice) {
  const r = await ok(manager, tx.propertyFees.recordExpense(community, category, amount, payee.address, doc(invoice), null));
  checkFields(findEvent(r, 'propertyFees', 'ExpenseRecorded'), { community, category, amount, payee: payee.address }, invoice);
  model.funds.Operating -= amount;
  expectReceived(payee, amount);
}

// --- 1. The authority creates the community ---------------------------------
step('the district authority creates 幸福里 and funds the demo accounts');
const created = await sudoOk(tx.community.createCommunity('幸福里 Xingfu Li', registrar.address, null));
const community = findEvent(created, 'community', 'CommunityCreated').data.community.toNumber();
checkFields(findEvent(created, 'community', 'CommunityCreated'), { registrar: registrar.address, developer: null }, 'CommunityCreated');
const signers = [registrar, manager, advertiser, tenant, ...units.map((u) => u.owner)];
const funded = await chain.ok(sudo, tx.utility.batchAll(signers.map((s) => tx.balances.transferKeepAlive(s.address, FUNDING))));
checkEq(events(funded, 'balances', 'Transfer').length, signers.length, 'transfers');
for (const s of signers) model.signers.set(s.address, { start: await chain.free(s.address), spent: 0n });
for (const s of signers) check(model.signers.get(s.address).start >= FUNDING, `${s.address} is funded`);
for (const payee of [companyPay, cleaner, gardener, liftCo]) model.received.set(payee.address, await chain.free(payee.address));
log(`   community ${community}; ${signers.length} accounts funded with ${lnl(FUNDING)} LNL each`);

// --- 2. Units and residents, in bulk -------------------------------------------
step('the registrar registers 20 units and verifies 20 owners and a tenant, in two extrinsics');
const registered = await ok(
  registrar,
  tx.community.registerUnits(community, units.map((u) => ({ id: u.id, scope: u.building, area: u.area, status: 'Delivered' }))),
);
checkEq(events(registered, 'community', 'UnitRegistered').length, units.length, 'UnitRegistered events');
const verifications = units.map((u) => tx.community.verifyResident(community, u.id, u.owner.address, 'Owner', doc(`证件 ${u.building}-${u.room} salt`)));
verifications.push(tx.community.verifyResident(community, rented.id, tenant.address, 'Tenant', doc('tenant documents salt')));
const verified = await ok(registrar, tx.utility.batchAll(verifications));
checkEq(events(verified, 'community', 'ResidentVerified').length, units.length + 1, 'ResidentVerified events');
checkEq(events(verified, 'community', 'VoterChanged').length, units.length, 'each unit got its voter');
const view = (await api.call.communityApi.community(community, null)).unwrap();
checkEq(view.unitCount.toNumber(), 20, 'units');
checkEq(view.totals.area.toBigInt(), totalArea, 'total area');
checkEq(view.totals.headcount.toNumber(), 20, 'owners (headcount)');
log(`   ${view.unitCount} units, ${view.residentCount} residents, ${Number(totalArea) / 100} m², 20 owners`);

// --- 3. Committee, company, prices, terms ---------------------------------------
const M0 = await today();
step('the authority seats the committee and the company and files the contract: price, terms, deposit, ratings');
const setup = await sudoOk(
  tx.utility.batchAll([
    tx.community.setCommittee(community, committee.map((u) => u.owner.address), (await chain.bestNumber()) + 5_000_000),
    tx.community.setPropertyManagers(community, [manager.address]),
    tx.propertyFees.setFeeSchedule(community, PRICE, 'LumpSum', M0),
    tx.propertyFees.setContractTerms(community, {
      maxPrepaidPeriods: 3,
      lateFee: { monthlyRate: perbill(1), cap: perbill(30), gracePeriods: 1 },
    }),
    tx.propertyFees.openMaintenanceRound(community, MAINTENANCE_PRICE),
    tx.serviceRatings.setRatingTerms(community, {
      firstPeriod: M0,
      monthsPerPeriod: 3,
      heldBack: HELD_BACK,
      threshold: perbill(80),
      quorum: perbill(50),
      company: companyPay.address,
    }),
  ]),
);
for (const [section, name] of [
  ['community', 'CommitteeSet'],
  ['community', 'PropertyManagersSet'],
  ['propertyFees', 'FeeScheduleSet'],
  ['propertyFees', 'ContractTermsSet'],
  ['propertyFees', 'MaintenanceRoundOpened'],
  ['serviceRatings', 'RatingTermsSet'],
])
  findEvent(setup, section, name);
checkFields(findEvent(setup, 'propertyFees', 'FeeScheduleSet'), { approvedBy: { authority: null } }, 'schedule approver');

// --- 4. The maintenance fund -------------------------------------------------------
step('every owner pays the first maintenance deposit (50 LNL/m²)');
await Promise.all(
  units.map(async (u) => {
    const amount = dueOf(MAINTENANCE_PRICE, u.area);
    const r = await ok(u.owner, tx.propertyFees.depositMaintenance(community, u.id));
    checkFields(findEvent(r, 'propertyFees', 'MaintenanceDeposited'), { unit: u.id, payer: u.owner.address, round: 0, amount }, 'deposit');
    spent(u.owner, amount);
    model.funds.Maintenance += amount;
  }),
);
await checkFunds('after the deposits');

// --- 5. Three months of monthly bills, one owner does not pay ------------------------
const monthlyPayers = units.filter((u) => u !== latePayer);
async function monthlyBills(now) {
  await Promise.all(monthlyPayers.map((u) => pay(u === rented ? tenant : u.owner, u, 1, now, now)));
}

step(`month 1: 19 households pay; ${latePayer.building}-${latePayer.room} does not; the company pays its suppliers; advertising income`);
await monthlyBills(M0);
await expense('Cleaning', 800n * UNIT, cleaner, `保洁 invoice ${M0}`);
await expense('Greenery', 300n * UNIT, gardener, `绿化 invoice ${M0}`);
const ad = await ok(advertiser, tx.propertyFees.recordPublicIncome(community, 'Advertising', 1_200n * UNIT, doc('电梯广告 lift screens contract')));
checkFields(findEvent(ad, 'propertyFees', 'PublicIncomeRecorded'), { category: 'Advertising', amount: 1_200n * UNIT, payer: advertiser.address }, 'ad');
spent(advertiser, 1_200n * UNIT);
model.funds.PublicIncome += 1_200n * UNIT;
await checkFunds('month 1');

// --- 6. Two votes at once, with the assembly's procedure -------------------------
// The community's rules of procedure: a notice before each vote and a
// publication of each passed result before it takes effect (a production
// chain's floor is 15 days' notice; a dev chain may shorten both to blocks).
const NOTICE = 3; // blocks
const PUBLICATION = 6; // blocks
step(`the rules of procedure: ${NOTICE} blocks' notice, ${PUBLICATION} blocks' publication, 5 owners per proxy`);
const procedure = { noticePeriod: NOTICE, publicationPeriod: PUBLICATION, maxOwnersPerProxy: 5 };
checkFields(findEvent(await sudoOk(tx.ownersAssembly.setProcedure(community, procedure)), 'ownersAssembly', 'ProcedureChanged'), { community, procedure }, 'procedure');

step('the committee announces two matters: repair the lifts from the maintenance fund; raise the fee');
const LIFT_REPAIR = 24_000n * UNIT;
// Blocks: the runtime's minimum is 10; the lifts' vote lasts 20, time for
// the proxies' and the paper ballots' turns.
const VOTING_PERIOD = 20;
const [liftProposed, raiseProposed] = await Promise.all([
  ok(
    committee[0].owner,
    tx.ownersAssembly.propose(
      community,
      'UseMaintenanceFund',
      tx.propertyFees.spendMaintenance(community, null, LIFT_REPAIR, liftCo.address, doc('电梯大修 lift overhaul contract')),
      doc('议题一 lift overhaul'),
      null,
      VOTING_PERIOD,
    ),
  ),
  ok(
    committee[1].owner,
    tx.ownersAssembly.propose(
      community,
      'PropertyCompany',
      tx.propertyFees.setFeeSchedule(community, RAISED_PRICE, 'LumpSum', M0 + 3),
      doc('议题二 fee 2.50 → 3.00'),
      null,
      VOTING_PERIOD,
    ),
  ),
]);
const lift = findEvent(liftProposed, 'ownersAssembly', 'Proposed').data.proposal.toNumber();
const raise = findEvent(raiseProposed, 'ownersAssembly', 'Proposed').data.proposal.toNumber();
const opens = findEvent(liftProposed, 'ownersAssembly', 'Announced').data.opens.toNumber();
check(events(liftProposed, 'ownersAssembly', 'VotingOpened').length === 0, 'voting does not open with the notice');
// During the notice owners see who may vote, and cannot vote yet.
const preview = (await api.call.ownersAssemblyApi.turnout(lift)).unwrap();
checkFields({ data: preview }, { eligible: { area: Number(totalArea), headcount: 20 }, snapshotted: false }, 'who may vote, during the notice');
await fails(units[0].owner, tx.ownersAssembly.vote(lift, 'Aye'), 'ownersAssembly.VotingNotOpenYet');
// Two owners give a proxy (委托书) to a neighbour; two vote on paper.
const proxy = units[12].owner;
const [proxied, onPaper] = [units.slice(13, 15), units.slice(15, 17)];
for (const u of proxied) {
  const r = await ok(u.owner, tx.ownersAssembly.appointProxy(community, proxy.address, { Proposal: lift }, doc(`委托书 ${u.building}-${u.room}`)));
  checkFields(findEvent(r, 'ownersAssembly', 'ProxyAppointed'), { owner: u.owner.address, proxy: proxy.address, cover: { proposal: lift } }, 'proxy');
}
log(`   announced: voting opens at block #${opens}; ${proxied.length} owners appointed a proxy`);
await chain.waitForBlock(opens);
const opened = await Promise.all([ok(unitAt(1, 3).owner, tx.ownersAssembly.openVoting(lift)), ok(unitAt(1, 4).owner, tx.ownersAssembly.openVoting(raise))]);
for (const [r, p] of [
  [opened[0], lift],
  [opened[1], raise],
]) {
  checkFields(findEvent(r, 'ownersAssembly', 'VotingOpened'), { proposal: p, snapshot: { area: Number(totalArea), headcount: 20 } }, 'snapshot');
}
// Lifts: 17 owners vote aye (13 online, 2 by proxy, 2 on paper), 1 nay, 2
// stay away. Fee: only 11 owners turn out.
const liftAye = units.slice(0, 17);
const liftOnline = liftAye.filter((u) => !proxied.includes(u) && !onPaper.includes(u));
const liftNay = units.slice(17, 18);
const raiseVoters = units.slice(0, 11);
const vote = async (u, p, choice) => {
  const r = await ok(u.owner, tx.ownersAssembly.vote(p, choice));
  checkFields(findEvent(r, 'ownersAssembly', 'Voted'), { proposal: p, who: u.owner.address, choice: { [choice.toLowerCase()]: null }, weight: { area: Number(u.area), headcount: 1 }, castBy: u.owner.address, channel: 'Online' }, 'vote');
};
const byProxy = async (u) => {
  const r = await ok(proxy, tx.ownersAssembly.voteAsProxy(lift, u.owner.address, 'Aye'));
  checkFields(findEvent(r, 'ownersAssembly', 'Voted'), { who: u.owner.address, weight: { area: Number(u.area), headcount: 1 }, castBy: proxy.address, channel: 'Proxy' }, 'proxy ballot');
};
// Paper: one committee member enters the signed ballot with its scan's
// hash, a second countersigns; only then does it count.
const scanOf = (u) => doc(`纸质票 ${u.building}-${u.room}`);
await Promise.all([
  ...liftOnline.map((u) => vote(u, lift, 'Aye')),
  ...liftNay.map((u) => vote(u, lift, 'Nay')),
  ...raiseVoters.map((u) => vote(u, raise, 'Aye')),
  ...proxied.map(byProxy),
  ...onPaper.map((u) => ok(committee[0].owner, tx.ownersAssembly.enterPaperBallot(lift, u.owner.address, 'Aye', scanOf(u)))),
]);
await Promise.all(onPaper.map((u) => fails(committee[0].owner, tx.ownersAssembly.countersignPaperBallot(lift, u.owner.address, scanOf(u)), 'ownersAssembly.SameSigner')));
await Promise.all(
  onPaper.map(async (u) => {
    const r = await ok(committee[1].owner, tx.ownersAssembly.countersignPaperBallot(lift, u.owner.address, scanOf(u)));
    checkFields(findEvent(r, 'ownersAssembly', 'PaperBallotCountersigned'), { owner: u.owner.address, countersignedBy: committee[1].owner.address, counted: true }, 'paper ballot');
    checkFields(findEvent(r, 'ownersAssembly', 'Voted'), { who: u.owner.address, castBy: committee[0].owner.address, channel: 'Paper' }, 'paper ballot counted');
  }),
);
// A proxy votes only for the owners who appointed it.
await fails(proxy, tx.ownersAssembly.voteAsProxy(lift, units[0].owner.address, 'Nay'), 'ownersAssembly.NotAppointedProxy');
const sum = (us) => ({ area: Number(us.reduce((s, u) => s + u.area, 0n)), headcount: us.length });
const turnout = (await api.call.ownersAssemblyApi.turnout(lift)).unwrap();
checkFields(
  { data: turnout },
  { snapshotted: true, participation: sum([...liftAye, ...liftNay]), channels: { online: sum([...liftOnline, ...liftNay]), proxy: sum(proxied), paper: sum(onPaper) } },
  'turnout by channel while the vote is open',
);
const until = findEvent(liftProposed, 'ownersAssembly', 'Announced').data.until.toNumber();
log(`   ${liftAye.length + liftNay.length + raiseVoters.length} ballots (${proxied.length} by proxy, ${onPaper.length} on paper); voting ends at block #${until}`);
await chain.waitForBlock(until);
const [liftClosed, raiseClosed] = await Promise.all([ok(unitAt(1, 3).owner, tx.ownersAssembly.close(lift)), ok(unitAt(1, 4).owner, tx.ownersAssembly.close(raise))]);
// Passed: published (公示) with its tallies, not yet in effect.
const published = findEvent(liftClosed, 'ownersAssembly', 'ResultPublished');
checkFields(published, { proposal: lift, tally: { aye: sum(liftAye), nay: sum(liftNay), abstain: sum([]) } }, 'lift result published');
check(events(liftClosed, 'propertyFees', 'MaintenanceSpent').length === 0, 'a published result is not in effect yet');
const [objection] = await Promise.all([
  ok(committee[2].owner, tx.ownersAssembly.object(lift, doc('异议 a paper ballot questioned'))),
  fails(unitAt(1, 3).owner, tx.ownersAssembly.enact(lift), 'ownersAssembly.PublicationNotOver'),
]);
checkFields(findEvent(objection, 'ownersAssembly', 'ObjectionRecorded'), { proposal: lift, by: committee[2].owner.address }, 'objection');
const records = await api.call.ownersAssemblyApi.ballotRecords(lift, null, 100);
checkEq(records.length, liftAye.length + liftNay.length, 'the published list of ballots');
checkEq(records.filter((r) => r.source.unwrap().channel.isPaper).length, onPaper.length, 'paper ballots in the list');
// The units that took part, by unit id (never a name), whatever the channel.
const votedUnits = (await api.call.ownersAssemblyApi.votedUnits(lift, null, 100)).map((id) => id.toHex()).sort();
checkEq(JSON.stringify(votedUnits), JSON.stringify([...liftAye, ...liftNay].map((u) => u.id).sort()), 'the published list of units that voted');
await chain.waitForBlock(published.data.until.toNumber());
const liftEnacted = await ok(unitAt(1, 3).owner, tx.ownersAssembly.enact(lift));
checkFields(
  findEvent(liftEnacted, 'ownersAssembly', 'Closed'),
  { proposal: lift, outcome: { enacted: null }, tally: { aye: sum(liftAye), nay: sum(liftNay), abstain: sum([]) } },
  'lift vote',
);
checkFields(findEvent(liftEnacted, 'ownersAssembly', 'Enacted'), { proposal: lift, result: { ok: null } }, 'lift enactment');
checkFields(
  findEvent(liftEnacted, 'propertyFees', 'MaintenanceSpent'),
  { community, scope: null, amount: LIFT_REPAIR, payee: liftCo.address, approvedBy: { assembly: lift } },
  'the maintenance fund paid the lift contractor',
);
model.funds.Maintenance -= LIFT_REPAIR;
expectReceived(liftCo, LIFT_REPAIR);
checkFields(findEvent(raiseClosed, 'ownersAssembly', 'Closed'), { proposal: raise, outcome: { noQuorum: null }, tally: { aye: sum(raiseVoters), nay: sum([]), abstain: sum([]) } }, 'fee vote');
check(events(raiseClosed, 'ownersAssembly', 'Enacted').length === 0, 'a vote without quorum enacts nothing');
check(events(raiseClosed, 'propertyFees', 'FeeScheduleSet').length === 0, 'the fee was not raised');
log(`   lifts: ${liftAye.length} aye / ${liftNay.length} nay of 20 → enacted, ${lnl(LIFT_REPAIR)} LNL paid; fee: ${raiseVoters.length} of 20 voted → no quorum`);

// --- 7. Residents rate the first quarter ---------------------------------------------
step('14 households rate the six service categories for the first quarter');
const q1Raters = units.slice(0, 14);
const q1Stars = (i, category) => ((i + category) % 7 === 0 ? 3 : (i + category) % 3 === 0 ? 4 : 5);
async function rateQuarter(raters, stars, period) {
  let satisfied = 0;
  let count = 0;
  let total = 0;
  await Promise.all(
    raters.map(async (u, i) => {
      const calls = [0, 1, 2, 3, 4, 5].map((category) => tx.serviceRatings.rate(community, u.id, category, stars(i, category), null));
      const r = await ok(u.owner, tx.utility.batchAll(calls));
      const rated = events(r, 'serviceRatings', 'Rated');
      checkEq(rated.length, 6, 'ratings in the batch');
      rated.forEach((e, category) => checkFields(e, { period, unit: u.id, category, stars: stars(i, category), by: u.owner.address }, 'rating'));
    }),
  );
  raters.forEach((_, i) =>
    [0, 1, 2, 3, 4, 5].forEach((c) => {
      const s = stars(i, c);
      count += 1;
      total += s;
      if (s >= 4) satisfied += 1;
    }),
  );
  return { count, sum: total, satisfied };
}
const q1 = await rateQuarter(q1Raters, q1Stars, 0);

// --- 8. Months 2 and 3; the demand notice ------------------------------------------------
let now = await advance(1);
step('month 2: the bills again, the cleaners again');
await monthlyBills(now);
await expense('Cleaning', 800n * UNIT, cleaner, `保洁 invoice ${now}`);
now = await advance(1);
step(`month 3: the company serves ${latePayer.building}-${latePayer.room} a demand notice (催告) for two months`);
const lateDue = dueOf(PRICE, latePayer.area);
const notice = await ok(manager, tx.propertyFees.issueDemandNotice(community, latePayer.id, doc('催告函 demand notice')));
checkFields(
  findEvent(notice, 'propertyFees', 'DemandNoticeIssued'),
  { unit: latePayer.id, arrears: 2n * lateDue, through: now - 1, lateFeeFrom: now + 2 },
  'demand notice',
);
await monthlyBills(now);
await expense('Cleaning', 800n * UNIT, cleaner, `保洁 invoice ${now}`);
await expense('Greenery', 300n * UNIT, gardener, `绿化 invoice ${now}`);
await checkFunds('month 3');
await checkBalances('month 3');

// --- 9. Quarters: close, release or return, prepay ------------------------------------------
async function closeQuarter(period, first, rated, households, expectedShortfall) {
  const income = [0, 1, 2].reduce((s, k) => s + (model.feeIncome.get(first + k) ?? 0n), 0n);
  const heldBack = [0, 1, 2].reduce((s, k) => s + (model.heldBack.get(first + k) ?? 0n), 0n);
  const closer = unitAt(2, 3).owner;
  const r = await ok(closer, tx.serviceRatings.closePeriod(community, period));
  checkFields(
    findEvent(r, 'serviceRatings', 'PeriodClosed'),
    {
      period,
      overall: rated,
      householdsRated: households,
      settlement: { feeIncome: income, heldBack, returned: expectedShortfall, households: 20 },
    },
    `quarter ${period + 1} closed`,
  );
  model.funds.Escrow -= heldBack;
  if (expectedShortfall === null) expectReceived(companyPay, heldBack);
  else model.funds.Operating += heldBack;
  log(
    `   quarter ${period + 1}: fee income ${lnl(income)} LNL, held back ${lnl(heldBack)} →`,
    expectedShortfall === null ? 'released to the company' : `returned to the owners (${expectedShortfall})`,
  );
}

now = await advance(1);
step('quarter 2 begins: quarter 1 closes on its ratings; owners prepay the quarter');
const quarterOf = (satisfied, count, sumStars) => ({ count, sum: sumStars, satisfied });
await closeQuarter(0, M0, quarterOf(q1.satisfied, q1.count, q1.sum), q1Raters.length, null);
async function prepayQuarter(payers, from) {
  await Promise.all(payers.map((u) => pay(u.owner, u, 3, from, from)));
}
await prepayQuarter(monthlyPayers, now);
await expense('Cleaning', 2_400n * UNIT, cleaner, `保洁 Q2 invoice`);
await expense('Greenery', 900n * UNIT, gardener, `绿化 Q2 invoice`);

now = await advance(2);
step(`month 6: ${latePayer.building}-${latePayer.room} pays five months of arrears, this month and the late fee`);
const dues = (await api.call.propertyFeesApi.unitDues(community, latePayer.id)).unwrap();
// The late fee runs from the month after the grace month: two months at 1 %
// of the two months demanded.
const lateFee = 2n * ((2n * lateDue * perbill(1)) / 1_000_000_000n);
checkEq(dues.arrears.toBigInt(), 5n * lateDue, 'arrears per the runtime API');
checkEq(dues.current.toBigInt(), lateDue, 'current month per the runtime API');
checkEq(dues.lateFee.toBigInt(), lateFee, 'late fee per the runtime API');
const settled = await pay(latePayer.owner, latePayer, 6, M0, now, lateFee);
findEvent(settled, 'propertyFees', 'DemandNoticeSettled');
log(`   paid ${lnl(6n * lateDue)} LNL of fees and ${lnl(lateFee)} LNL late fee`);
await checkFunds('after the late payment');

now = await advance(1);
step('quarter 3 begins: quarter 2 had no ratings; everyone prepays');
await closeQuarter(1, M0 + 3, quarterOf(0, 0, 0), 0, 'Quorum');
await prepayQuarter(units, now);
await expense('Cleaning', 2_400n * UNIT, cleaner, `保洁 Q3 invoice`);

now = await advance(3);
step('quarter 4 begins: quarter 3 had no ratings; everyone prepays; 12 unhappy households rate quarter 4');
await closeQuarter(2, M0 + 6, quarterOf(0, 0, 0), 0, 'Quorum');
await prepayQuarter(units, now);
await expense('Cleaning', 2_400n * UNIT, cleaner, `保洁 Q4 invoice`);
await expense('Greenery', 900n * UNIT, gardener, `绿化 Q4 invoice`);
const q4Raters = units.slice(8, 20);
const q4 = await rateQuarter(q4Raters, (i, c) => ((i + c) % 2 === 0 ? 3 : 4), 3);

now = await advance(3);
step('the year is over: quarter 4 closes below the 80 % bar');
// The funds at the end of the year's last month: quarter 4 closes in the
// month after, returning its held-back pay then.
const yearEndFunds = { ...model.funds };
await closeQuarter(3, M0 + 9, quarterOf(q4.satisfied, q4.count, q4.sum), q4Raters.length, 'Satisfaction');
await checkFunds('year end');
await checkBalances('year end');
const arrears = await api.call.propertyFeesApi.arrears(community, null, 100);
checkEq(arrears.total.toBigInt(), 0n, 'nobody owes anything at year end');
for (const u of units) checkEq(u.paid, 12n * dueOf(PRICE, u.area), `${u.building}-${u.room} paid twelve months`);

// --- 10. The statement and the rating summary -----------------------------------------
const year = [];
for (let p = M0; p < M0 + 12; p += 1) year.push(await api.call.propertyFeesApi.statement(community, p));
const FUNDS = ['Operating', 'Maintenance', 'PublicIncome', 'Escrow'];
const perFund = Object.fromEntries(FUNDS.map((f) => [f, { opening: 0n, income: new Map(), expense: new Map(), closing: 0n }]));
year.forEach((s, i) =>
  s.funds.forEach((f) => {
    const acc = perFund[f.fund.type];
    if (i === 0) acc.opening = f.opening.toBigInt();
    if (i === 11) acc.closing = f.closing.toBigInt();
    for (const [c, a] of f.income) acc.income.set(c.type, (acc.income.get(c.type) ?? 0n) + a.toBigInt());
    for (const [c, a] of f.expense) acc.expense.set(c.type, (acc.expense.get(c.type) ?? 0n) + a.toBigInt());
  }),
);
// The same through the node's JSON-RPC (what a non-JS client reads).
const rpcFunds = await rpcExact('fees_funds', [community]);
const month = (p) => `${Math.floor(p / 12) + 1970}-${String((p % 12) + 1).padStart(2, '0')}`;
console.log(`\n  幸福里 Xingfu Li — statement ${month(M0)} to ${month(M0 + 11)}, from propertyFeesApi.statement (LNL)`);
for (const f of FUNDS) {
  const acc = perFund[f];
  const totalIn = [...acc.income.values()].reduce((a, b) => a + b, 0n);
  const totalOut = [...acc.expense.values()].reduce((a, b) => a + b, 0n);
  checkEq(acc.opening + totalIn - totalOut, acc.closing, `${f}: opening + income − expense = closing`);
  checkEq(acc.closing, yearEndFunds[f], `${f}: closing balance at the end of ${month(M0 + 11)}`);
  const rpc = rpcFunds.find((x) => x.fund === f);
  checkEq(BigInt(rpc.balance), model.funds[f], `${f}: fees_funds JSON-RPC`);
  console.log(`  ${f.padEnd(13)} opening ${lnl(acc.opening).padStart(13)}   closing ${lnl(acc.closing).padStart(13)}`);
  for (const [c, a] of acc.income) console.log(`      + ${c.padEnd(20)} ${lnl(a).padStart(13)}`);
  for (const [c, a] of acc.expense) console.log(`      − ${c.padEnd(20)} ${lnl(a).padStart(13)}`);
}
const history = await api.call.serviceRatingsApi.history(community, 0, 4);
checkEq(history.length, 4, 'four rated quarters');
console.log('\n  Service ratings by quarter, from serviceRatingsApi.history');
for (const q of history) {
  const s = q.settlement.unwrap();
  const pct = (q.satisfaction.toNumber() / 1e7).toFixed(1);
  const result = s.returned.isSome ? `returned (${s.returned.unwrap().type})` : 'released to the company';
  console.log(
    `  Q${q.period.toNumber() + 1}: ${q.householdsRated}/${s.households} households, ${q.overall.count} ratings, satisfaction ${pct} %,`,
    `held back ${lnl(s.heldBack.toBigInt())} → ${result}`,
  );
}
const q1Scores = history[0];
for (const [id, name, agg, satisfaction] of q1Scores.categories) {
  if (agg.count.toNumber() === 0) continue;
  const stars = (agg.sum.toNumber() / agg.count.toNumber()).toFixed(2);
  console.log(`      Q1 category ${id}: ${stars} ★, ${(satisfaction.toNumber() / 1e7).toFixed(1)} % satisfied — ${new TextDecoder().decode(name.toU8a(true))}`);
}

const endBlock = await chain.bestNumber();
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log('');
log(`scenario passed: ${chain.sent} extrinsics in blocks #${startBlock + 1}–#${endBlock} (${endBlock - startBlock} blocks), ${seconds} s`);
await chain.disconnect();
if (process.env.LINLI_SUMMARY) {
  const { writeFileSync } = await import('node:fs');
  writeFileSync(process.env.LINLI_SUMMARY, JSON.stringify({ extrinsics: chain.sent, blocks: endBlock - startBlock, seconds: Number(seconds) }));
}
