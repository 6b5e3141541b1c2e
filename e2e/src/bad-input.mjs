// Bad input through the node: unauthorised, malformed and double
// extrinsics against the dev chain's demo community are rejected — by the
// transaction pool before a block, or in the block with the module error a
// client shows — and the chain keeps producing and finalizing blocks.
//
//   node src/bad-input.mjs           (against a `linli-node --dev` at $LINLI_WS)

import { u8aConcat, stringToU8a, u8aToHex, hexToU8a } from '@polkadot/util';
import { blake2AsHex, blake2AsU8a } from '@polkadot/util-crypto';
import { Chain, UNIT, check, checkEq, doc, findEvent, log, Mismatch, rpcExact } from './lib.mjs';

const DEMO = 0;
/** `genesis_config_presets::DEMO_REGISTER_SECRET`: the demo registrar's published secret. */
const DEMO_REGISTER_SECRET = stringToU8a('linli demo register: a published secret, for fiction only');
/**
 * `genesis_config_presets::demo_unit`: the unit code "<building>-<room>" under
 * the register's salt, blake2-256(salt ‖ code) with salt = blake2-256(secret ‖ code)
 * (`linli_primitives::community::salted_commitment`).
 */
const demoUnit = (building, room) => {
  const code = stringToU8a(`${building}-${room}`);
  const salt = blake2AsU8a(u8aConcat(DEMO_REGISTER_SECRET, code), 256);
  return blake2AsHex(u8aConcat(salt, code), 256);
};

const started = Date.now();
const chain = await Chain.connect();
const { api } = chain;
const [alice, aliceStash, bob, dave, daveStash, eve, ferdie] = ['//Alice', '//Alice//stash', '//Bob', '//Dave', '//Dave//stash', '//Eve', '//Ferdie'].map((k) =>
  chain.key(k),
);
const rejected = [];
const expectFailure = async (what, signer, tx, error) => {
  const r = await chain.fails(signer, tx, error);
  findEvent(r, 'system', 'ExtrinsicFailed');
  rejected.push(`${what}: ${error}`);
  log(`rejected in block: ${what} → ${error}${r.docs && r.error.includes('.') ? ` (“${r.docs}”)` : ''}`);
  return r;
};
const expectPoolRejection = async (what, submit, pattern) => {
  try {
    await submit();
  } catch (e) {
    check(pattern.test(e.message), `${what}: rejected, but with “${e.message}”`);
    const reason = e.message.split('\n')[0].slice(0, 160);
    rejected.push(`${what}: ${reason}`);
    log(`rejected by the pool: ${what} → ${reason}`);
    return;
  }
  throw new Mismatch(`${what}: the node accepted it`);
};

const startBlock = await chain.bestNumber();
const startFinalized = await chain.finalizedNumber();
const unit11 = demoUnit(1, 1);
check((await api.query.community.units(DEMO, unit11)).isSome, 'the demo community has unit (1,1)');
const unknownUnit = doc('a unit nobody registered');

// --- Wrong origin -----------------------------------------------------------
await expectFailure(
  'Dave (an owner, not a registrar) registers a unit',
  dave,
  api.tx.community.registerUnits(DEMO, [{ id: unknownUnit, scope: 1, area: 100_00, status: 'Delivered' }]),
  'community.NotRegistrar',
);
await expectFailure(
  'Dave (not the property company) pays an expense from the operating fund',
  dave,
  api.tx.propertyFees.recordExpense(DEMO, 'Cleaning', 10n * UNIT, dave.address, doc('invoice'), null),
  'BadOrigin',
);
await expectFailure('Bob (not the sudo key) moves the calendar ahead', bob, api.tx.calendar.advance(1), 'BadOrigin');
await expectFailure(
  'Bob (an owner, not the company) sets the fee schedule',
  bob,
  api.tx.propertyFees.setFeeSchedule(DEMO, UNIT, 'LumpSum', (await api.call.calendarApi.today()).period),
  'BadOrigin',
);

// --- Unknown unit -----------------------------------------------------------
await expectFailure(
  'the registrar verifies a resident of an unknown unit',
  eve,
  api.tx.community.verifyResident(DEMO, unknownUnit, dave.address, 'Owner', doc('documents')),
  'community.UnitNotFound',
);
const sudoSchedule = await chain.sudo(
  alice,
  api.tx.propertyFees.setFeeSchedule(DEMO, UNIT / 2n, 'LumpSum', (await api.call.calendarApi.today()).period),
);
findEvent(sudoSchedule, 'propertyFees', 'FeeScheduleSet');
await expectFailure('Dave pays fees for an unknown unit', dave, api.tx.propertyFees.payFees(DEMO, unknownUnit, UNIT), 'propertyFees.UnknownUnit');
await expectFailure('fees for an unknown community', dave, api.tx.propertyFees.payFees(99, unit11, UNIT), 'propertyFees.UnknownCommunity');

// --- Double votes -----------------------------------------------------------
const proposed = await chain.ok(
  alice,
  api.tx.ownersAssembly.propose(DEMO, 'Ordinary', api.tx.system.remark('安装快递柜 parcel lockers'), doc('parcel lockers'), null, 20),
);
const proposal = findEvent(proposed, 'ownersAssembly', 'Proposed').data.proposal.toNumber();
findEvent(proposed, 'ownersAssembly', 'VotingOpened');
const first = await chain.ok(alice, api.tx.ownersAssembly.vote(proposal, 'Aye'));
const aliceWeight = findEvent(first, 'ownersAssembly', 'Voted').data.weight;
// Voting again replaces the ballot: the household still counts once.
await chain.ok(alice, api.tx.ownersAssembly.vote(proposal, 'Nay'));
const view = (await api.call.ownersAssemblyApi.proposal(proposal)).unwrap().proposal;
checkEq(view.tally.aye.headcount.toNumber(), 0, 'ayes after Alice changed her vote');
checkEq(view.tally.nay.headcount.toNumber(), 1, 'nays after Alice changed her vote');
checkEq(view.tally.nay.area.toBigInt(), aliceWeight.area.toBigInt(), "nay area is Alice's once");
log(`Alice voted twice: her second ballot replaced the first (nay ${view.tally.nay.headcount} owner, ${view.tally.nay.area} ×0.01 m²)`);
await expectFailure(
  "Alice's co-owner votes for the same unit again",
  aliceStash,
  api.tx.ownersAssembly.vote(proposal, 'Aye'),
  'ownersAssembly.NotAnOwner',
);
await expectFailure('Dave closes the vote before it ends', dave, api.tx.ownersAssembly.close(proposal), 'ownersAssembly.TooEarly');
await expectFailure('Dave votes on a proposal that does not exist', dave, api.tx.ownersAssembly.vote(9_999, 'Aye'), 'ownersAssembly.UnknownProposal');
await expectFailure(
  'a committee election ballot on an ordinary matter',
  dave,
  api.tx.ownersAssembly.vote(proposal, { Approve: 1 }),
  'ownersAssembly.BadChoice',
);
// --- The holes an auditor found (issue: close the holes) -----------------------
// 1. One building's owners may not decide for the whole estate.
await expectFailure(
  "building 1's owners put everyone's fee to a vote of their own",
  alice,
  api.tx.ownersAssembly.propose(
    DEMO,
    'PropertyCompany',
    api.tx.propertyFees.setFeeSchedule(DEMO, 5n * UNIT, 'LumpSum', (await api.call.calendarApi.today()).period),
    doc('a fee for all, decided by one building'),
    1,
    20,
  ),
  'ownersAssembly.MatterNotScopable',
);
// 2. One key cannot pay an emergency from the maintenance fund.
findEvent(await chain.sudo(alice, api.tx.propertyFees.openMaintenanceRound(DEMO, 100n * UNIT)), 'propertyFees', 'MaintenanceRoundOpened');
findEvent(await chain.ok(dave, api.tx.propertyFees.depositMaintenance(DEMO, demoUnit(2, 2))), 'propertyFees', 'MaintenanceDeposited');
const announced = await chain.ok(
  ferdie,
  api.tx.propertyFees.emergencyRepair(DEMO, 'WaterPumpFailure', 2, 100n * UNIT, ferdie.address, doc('pump invoice')),
);
const repair = findEvent(announced, 'propertyFees', 'EmergencyRepairProposed').data.repair.toNumber();
await expectFailure(
  'the company (Ferdie) approves its own emergency repair',
  ferdie,
  api.tx.propertyFees.approveEmergencyRepair(DEMO, repair),
  'propertyFees.SecondKeyRequired',
);
await expectFailure(
  'the company spends a quarter of the maintenance fund as an "emergency"',
  ferdie,
  api.tx.propertyFees.emergencyRepair(DEMO, 'DrainageFailure', null, 3_000n * UNIT, ferdie.address, doc('drain invoice')),
  'propertyFees.EmergencyCapExceeded',
);
await expectFailure(
  "one building's lift charged to every unit of the estate",
  ferdie,
  api.tx.propertyFees.emergencyRepair(DEMO, 'UnsafeElevator', null, 10n * UNIT, ferdie.address, doc('lift invoice')),
  'propertyFees.EmergencyNeedsScope',
);
const paid = await chain.ok(bob, api.tx.propertyFees.approveEmergencyRepair(DEMO, repair));
findEvent(paid, 'propertyFees', 'EmergencyRepairNotified');
log('an emergency repair announced by the company was paid only on a committee member\'s second key');
// 3. A registrar's new key for an owner does not vote twice (a vote long
// enough to outlast this script's blocks).
const rotationVote = findEvent(
  await chain.ok(alice, api.tx.ownersAssembly.propose(DEMO, 'Ordinary', api.tx.system.remark('bike shed'), doc('bike shed'), null, 500)),
  'ownersAssembly',
  'Proposed',
).data.proposal.toNumber();
const daveFirst = await chain.ok(dave, api.tx.ownersAssembly.vote(rotationVote, 'Aye'));
const daveWeight = findEvent(daveFirst, 'ownersAssembly', 'Voted').data.weight;
const before = (await api.call.ownersAssemblyApi.proposal(rotationVote)).unwrap().proposal.tally;
findEvent(await chain.ok(eve, api.tx.community.rotateAccount(DEMO, dave.address, daveStash.address)), 'community', 'AccountRotationAnnounced');
await expectFailure(
  "Dave's new key votes before the rotation happened",
  daveStash,
  api.tx.ownersAssembly.vote(rotationVote, 'Nay'),
  'ownersAssembly.NotAnOwner',
);
const accepted = await chain.ok(dave, api.tx.community.answerRotation(DEMO, true));
findEvent(accepted, 'community', 'AccountRotated');
findEvent(accepted, 'ownersAssembly', 'VoterAccountMoved');
await chain.ok(daveStash, api.tx.ownersAssembly.vote(rotationVote, 'Nay'));
const after = (await api.call.ownersAssemblyApi.proposal(rotationVote)).unwrap().proposal.tally;
const participation = (t) => t.aye.headcount.toNumber() + t.nay.headcount.toNumber() + t.abstain.headcount.toNumber();
checkEq(participation(after), participation(before), "owners who voted, after Dave's new key voted");
checkEq(after.nay.area.toBigInt() - before.nay.area.toBigInt(), daveWeight.area.toBigInt(), "Dave's area moved from aye to nay, once");
await expectFailure("Dave's old key votes again", dave, api.tx.ownersAssembly.vote(rotationVote, 'Aye'), 'ownersAssembly.NotAnOwner');
log("Dave's rotated key replaced his ballot: the tally counts him once");

// Through sudo the extrinsic succeeds and the inner call's error is in `Sudid`.
const sudid = findEvent(await chain.ok(alice, api.tx.sudo.sudo(api.tx.calendar.advance(13))), 'sudo', 'Sudid').data.sudoResult;
check(sudid.isErr, 'sudo: moving the calendar 13 months at once fails');
checkEq(chain.describeError(sudid.asErr).error, 'calendar.TooManyMonths', 'sudo(calendar.advance(13))');
rejected.push('the sudo key moves the calendar 13 months at once: calendar.TooManyMonths');
log('rejected in block: the sudo key moves the calendar 13 months at once → Sudid(Err(calendar.TooManyMonths))');

// --- Malformed or unpayable extrinsics: the pool refuses them ----------------
// Raw bytes straight to the node's `author_submitExtrinsic`, past the
// client's own encoding (which would refuse to build most of them).
const submitRaw = (hex) => rpcExact('author_submitExtrinsic', [hex]);
await expectPoolRejection(
  'bytes that are no extrinsic',
  () => submitRaw('0x0102030405'),
  /decode|Could not decode|Invalid/i,
);
const signed = await api.tx.system.remark('tampered').signAsync(dave, { nonce: (await api.rpc.system.accountNextIndex(dave.address)).toNumber() });
const bytes = hexToU8a(signed.toHex());
// The sr25519 signature sits after the length prefix, the version byte and
// the 33-byte address; flip a bit in it.
bytes[40] ^= 0x01;
await expectPoolRejection('an extrinsic with a tampered signature', () => submitRaw(u8aToHex(bytes)), /bad signature/i);
const broke = chain.key('//Linli//nobody');
await expectPoolRejection(
  'an account without funds sends a remark',
  () => api.tx.system.remark('free lunch').signAsync(broke).then((tx) => submitRaw(tx.toHex())),
  /Inability to pay some fees|balance too low/i,
);
await expectPoolRejection(
  'a call index no pallet has',
  // length 3, an unsigned v4 extrinsic, pallet 20 (Community), call 99
  () => submitRaw('0x0c041463'),
  // The runtime cannot decode it: its transaction validation traps and the
  // node answers 1002 Verification Error (the node itself carries on).
  /1002: Verification Error/,
);

// --- The chain goes on -------------------------------------------------------
const endBlock = await chain.bestNumber();
const finalized = await chain.waitForFinalized(endBlock + 1);
check(finalized > startFinalized, 'blocks were finalized during and after the bad input');
log(
  `${rejected.length} bad extrinsics rejected; blocks #${startBlock}–#${endBlock}, finalized #${startFinalized} → #${finalized};`,
  `${chain.sent} extrinsics sent, ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
await chain.disconnect();
