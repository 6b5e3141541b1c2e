// The stakeholders' council governs the chain through a real node: three
// of its four members approve a root call, everyone sees it waiting (RPC
// `chainGovernance_pendingRootCalls`) with who approved it and its block,
// and it acts as root only at that block; an outsider or a single member
// cannot reach root.
//
//   node src/council.mjs           (against a `linli-node --dev` at $LINLI_WS)

import { Chain, check, checkEq, checkFields, findEvent, log, rpcExact } from './lib.mjs';

const chain = await Chain.connect();
const { api } = chain;
// The development preset's council: the four stakeholders of
// `local_stakeholders()` (业委会 Alice, 物业 Bob, 居委会 Charlie, 街道 Dave).
const [alice, bob, charlie, dave, eve] = ['//Alice', '//Bob', '//Charlie', '//Dave', '//Eve'].map((k) => chain.key(k));

const delay = Number(await rpcExact('chainGovernance_enactmentDelay', []));
checkEq(delay, 5, 'the development chain waits five blocks');
checkEq((await rpcExact('chainGovernance_pendingRootCalls', [])).length, 0, 'nothing pending at the start');

// The root call: a new enactment delay, which the RPC shows once enacted.
const rootCall = api.tx.chainGovernance.setEnactmentDelay(delay + 1);
const motion = api.tx.chainGovernance.enactAsRoot(rootCall);
const length = motion.method.encodedLength;

// Bad input: no member alone, and no outsider, reaches root.
await chain.fails(alice, motion, 'BadOrigin');
await chain.fails(eve, api.tx.council.propose(3, motion, length), 'council.NotMember');
log('a member alone and an outsider are refused (BadOrigin, council.NotMember)');

const proposed = await chain.ok(alice, api.tx.council.propose(3, motion, length));
const { proposalHash, proposalIndex } = findEvent(proposed, 'council', 'Proposed').data;
for (const member of [alice, bob, charlie]) {
  await chain.ok(member, api.tx.council.vote(proposalHash, proposalIndex, true));
}
await chain.fails(bob, api.tx.council.vote(proposalHash, proposalIndex, true), 'council.DuplicateVote');
const weight = (await api.call.transactionPaymentCallApi.queryCallInfo(motion.method, length)).weight;
const closed = await chain.ok(dave, api.tx.council.close(proposalHash, proposalIndex, weight, length));
const scheduled = findEvent(closed, 'chainGovernance', 'RootCallScheduled');
const approvedIn = (await api.rpc.chain.getHeader(closed.blockHash)).number.toNumber();
checkFields(scheduled, { id: 0, enactAt: approvedIn + delay, seats: 4 }, 'the council approves');

const pending = await rpcExact('chainGovernance_pendingRootCalls', []);
checkEq(pending.length, 1, 'one call waits');
checkEq(pending[0].enactAt, approvedIn + delay, 'its enactment block');
checkEq(pending[0].call, Array.from(rootCall.method.toU8a()), 'the call itself (SCALE bytes)');
checkEq(
  [...pending[0].ayes].sort(),
  [alice, bob, charlie].map((k) => k.address).sort(),
  'who approved it',
);
log(`approved in block #${approvedIn}; waits until #${approvedIn + delay}, shown over RPC with its ayes`);

await chain.waitForBlock(approvedIn + delay - 1);
checkEq(Number(await rpcExact('chainGovernance_enactmentDelay', [])), delay, 'not before its block');
await chain.waitForBlock(approvedIn + delay + 1);
checkEq(Number(await rpcExact('chainGovernance_enactmentDelay', [])), delay + 1, 'enacted as root at its block');
checkEq((await rpcExact('chainGovernance_pendingRootCalls', [])).length, 0, 'nothing pending afterwards');
check(chain.sent > 0, 'transactions were sent');
log(`enacted as root at block #${approvedIn + delay}; the council governs the chain`);
await chain.disconnect();
