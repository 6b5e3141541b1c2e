// The stakeholders' council governs a running four-validator network
// started from the checked-in chain spec (scripts/e2e-testnet.sh starts it):
//
// 1. it authorizes a real runtime upgrade (the same runtime one
//    spec_version on, built with the `next-spec-version` feature), anyone
//    applies the wasm, the node reports the new version, the state from
//    before is still there, blocks and finality go on;
// 2. it adds a fifth validator (Eve), whose operator generates session keys
//    on her node (`author_rotateKeysWithOwner`) and sets them; Eve's blocks
//    appear after the session change;
// 3. it removes one (Dave): GRANDPA's set follows, Dave's node is killed
//    and finality goes on.
//
// Environment: LINLI_WS (Alice's node), LINLI_WS_EVE (Eve's node),
// LINLI_NEXT_WASM (the upgrade's wasm), LINLI_DAVE_PID (Dave's node).

import { readFileSync } from 'node:fs';
import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { blake2AsHex, decodeAddress } from '@polkadot/util-crypto';
import { Chain, check, checkEq, findEvent, log, Mismatch, rpcExact } from './lib.mjs';

const chain = await Chain.connect();
const { api } = chain;
const [alice, bob, charlie, dave, eve, ferdie] = ['//Alice', '//Bob', '//Charlie', '//Dave', '//Eve', '//Ferdie'].map((k) =>
  chain.key(k),
);
const SESSION = 10; // blocks: the test spec's session length (scripts/e2e-testnet.sh)

async function blockHash(n) {
  return (await api.rpc.chain.getBlockHash(n)).toHex();
}

/**
 * Three of the four council members approve `rootCall` as root; it acts
 * after the enactment delay. Returns the blocks of the motion, of its
 * approval and of its enactment.
 */
async function councilEnacts(rootCall, what) {
  const motion = api.tx.chainGovernance.enactAsRoot(rootCall);
  const length = motion.method.encodedLength;
  const proposed = await chain.ok(alice, api.tx.council.propose(3, motion, length));
  const proposedIn = (await api.rpc.chain.getHeader(proposed.blockHash)).number.toNumber();
  const { proposalHash, proposalIndex } = findEvent(proposed, 'council', 'Proposed').data;
  await Promise.all([alice, bob, charlie].map((m) => chain.ok(m, api.tx.council.vote(proposalHash, proposalIndex, true))));
  const weight = (await api.call.transactionPaymentCallApi.queryCallInfo(motion.method, length)).weight;
  const closed = await chain.ok(dave, api.tx.council.close(proposalHash, proposalIndex, weight, length));
  const { enactAt } = findEvent(closed, 'chainGovernance', 'RootCallScheduled').data;
  const at = enactAt.toNumber();
  await chain.waitForBlock(at);
  const events = await api.query.system.events.at(await blockHash(at));
  const enacted = events.find(({ event }) => api.events.chainGovernance.RootCallEnacted.is(event));
  check(enacted, `${what}: no RootCallEnacted in block #${at}`);
  const { result } = enacted.event.data;
  if (result.isErr) throw new Mismatch(`${what}: enacted with ${chain.describeError(result.asErr).error}`);
  log(`${what}: motion in #${proposedIn}, enacted as root in #${at}`);
  return { proposedIn, enactAt: at };
}

/** The Aura author of block `n`: the slot's authority at its parent. */
async function authorOf(n) {
  const header = await api.rpc.chain.getHeader(await blockHash(n));
  const preRuntime = header.digest.logs.find((l) => l.isPreRuntime && l.asPreRuntime[0].toString() === 'aura');
  const slot = api.createType('u64', preRuntime.asPreRuntime[1]).toBigInt();
  const authorities = await api.query.aura.authorities.at(header.parentHash);
  return authorities[Number(slot % BigInt(authorities.length))].toHex();
}

/** GRANDPA's authorities at the finalized head: the set that finalizes. */
async function grandpaAuthorities() {
  const finalized = await api.at(await api.rpc.chain.getFinalizedHead());
  return (await finalized.call.grandpaApi.grandpaAuthorities()).map(([id]) => id.toHex());
}

// ---- 1. A runtime upgrade -------------------------------------------------

const version = (await api.rpc.state.getRuntimeVersion()).specVersion.toNumber();
const code = readFileSync(process.env.LINLI_NEXT_WASM);
const codeHash = blake2AsHex(code, 256);
log(`runtime ${version}; the upgrade's wasm: ${code.length} bytes, ${codeHash}`);

// State the upgrade must keep: a transfer made before it, the communities.
const one = chain.key('//One');
const paidBefore = await chain.free(one.address);
await chain.ok(ferdie, api.tx.balances.transferKeepAlive(one.address, 7_000_000_000_000n));
const communities = (await api.query.community.communities.entries()).map(([k, v]) => k.toHex() + v.toHex()).sort();
check(communities.length > 0, 'the demo community exists');

// Nothing is authorized yet: applying the wasm fails.
await chain.fails(ferdie, api.tx.system.applyAuthorizedUpgrade(u8aToHex(code)), 'system.NothingAuthorized');
const motionStart = Date.now();
const { proposedIn } = await councilEnacts(api.tx.system.authorizeUpgrade(codeHash), 'authorize the upgrade');
checkEq((await api.query.system.authorizedUpgrade()).unwrap().codeHash.toHex(), codeHash, 'the authorized hash');
// Other code than the authorized is refused.
await chain.fails(ferdie, api.tx.system.applyAuthorizedUpgrade('0x0061736d01000000'), 'system.Unauthorized');
// Applied over raw RPC and checked in the state: @polkadot/api decodes the
// upgrade block's events (written by the old runtime) with the new
// runtime's metadata, and fails or sees none, so they are not read.
const nonce = (await api.rpc.system.accountNextIndex(ferdie.address)).toNumber();
const apply = await api.tx.system.applyAuthorizedUpgrade(u8aToHex(code)).signAsync(ferdie, { nonce });
chain.nonces.set(ferdie.address, nonce + 1);
const submittedAt = await chain.bestNumber();
await rpcExact('author_submitExtrinsic', [apply.toHex()]);
const codeAt = async (n) => rpcExact('state_getStorageHash', ['0x3a636f6465', await blockHash(n)]);
let upgradedIn;
for (let n = submittedAt + 1; !upgradedIn; n++) {
  check(n <= submittedAt + 10, 'the upgrade was not applied within ten blocks');
  await chain.waitForBlock(n);
  if ((await codeAt(n)) === codeHash) upgradedIn = n;
}
check((await codeAt(upgradedIn - 1)) !== codeHash, 'the code changed in the upgrade block');
await chain.waitForBlock(upgradedIn + 1);
check((await api.query.system.authorizedUpgrade()).isNone, 'the authorization is used up');
const upgraded = (await api.rpc.state.getRuntimeVersion()).specVersion.toNumber();
checkEq(upgraded, version + 1, 'state_getRuntimeVersion after the upgrade');
log(
  `upgraded to ${upgraded} in #${upgradedIn}: ${upgradedIn - proposedIn} blocks and ` +
    `${((Date.now() - motionStart) / 1000).toFixed(0)} s from the motion`,
);
checkEq(await chain.free(one.address), paidBefore + 7_000_000_000_000n, 'a transfer from before the upgrade');
checkEq(
  JSON.stringify((await api.query.community.communities.entries()).map(([k, v]) => k.toHex() + v.toHex()).sort()),
  JSON.stringify(communities),
  'the communities from before the upgrade',
);
await chain.waitForFinalized(upgradedIn + 2);
log('blocks and finality go on past the upgrade');

// ---- 2. A fifth validator -------------------------------------------------

const eveOwner = u8aToHex(decodeAddress(eve.address));
const generated = await rpcExact('author_rotateKeysWithOwner', [eveOwner], process.env.LINLI_WS_EVE);
check(generated.proof, 'the node proves the keys belong to Eve');
const eveAura = generated.keys.slice(0, 66); // the first key: Aura's
await chain.fails(eve, api.tx.session.setKeys(generated.keys, generated.proof), 'session.NoAssociatedValidatorId');
log('not yet a validator: session.setKeys is refused (session.NoAssociatedValidatorId)');
await councilEnacts(api.tx.validatorSet.addValidator(eve.address), 'add Eve');
const keysSet = await chain.ok(eve, api.tx.session.setKeys(generated.keys, generated.proof));
const keysSetIn = (await api.rpc.chain.getHeader(keysSet.blockHash)).number.toNumber();
let eveBlock;
for (let n = keysSetIn + 1; n <= keysSetIn + 4 * SESSION && !eveBlock; n++) {
  await chain.waitForBlock(n);
  if ((await authorOf(n)) === eveAura) eveBlock = n;
}
check(eveBlock, `Eve authored no block within four sessions of #${keysSetIn}`);
log(`Eve set her keys in #${keysSetIn} and authored #${eveBlock} after the session change`);
await chain.waitForFinalized(eveBlock + 2);
checkEq((await grandpaAuthorities()).length, 5, "GRANDPA's authorities after the addition");

// ---- 3. A validator leaves ------------------------------------------------

const daveGrandpa = u8aToHex(new Keyring({ type: 'ed25519' }).addFromUri('//Dave').publicKey);
check((await grandpaAuthorities()).includes(daveGrandpa), 'Dave finalizes before');
const { enactAt: removedIn } = await councilEnacts(api.tx.validatorSet.removeValidator(dave.address), 'remove Dave');
for (let n = removedIn + 1; ; n++) {
  check(n <= removedIn + 4 * SESSION, 'GRANDPA still counts Dave four sessions later');
  await chain.waitForFinalized(n);
  if (!(await grandpaAuthorities()).includes(daveGrandpa)) break;
}
checkEq((await grandpaAuthorities()).length, 4, "GRANDPA's authorities after the removal");
process.kill(Number(process.env.LINLI_DAVE_PID), 'SIGKILL');
const finalizedWithoutDave = await chain.finalizedNumber();
await chain.waitForFinalized(finalizedWithoutDave + 3);
log(`Dave left the set from #${removedIn}; his node killed, finality went on to #${await chain.finalizedNumber()}`);

await chain.disconnect();
