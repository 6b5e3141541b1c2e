// Writes the state of the chain at its finalized head to a JSON file: every
// storage key and value, with the block, its number and the runtime's
// spec_version. `runtime/tests/try_runtime.rs` runs the runtime's
// migrations and every pallet's invariants on it (try-runtime), so that an
// upgrade that breaks a lived chain fails CI.
//
//   node src/snapshot.mjs <file>        (against the node at $LINLI_WS)

import { writeFileSync } from 'node:fs';
import { Chain, check, log, rpcExact } from './lib.mjs';

const file = process.argv[2];
check(file, 'usage: node src/snapshot.mjs <file>');
const chain = await Chain.connect();
const { api } = chain;
const block = (await api.rpc.chain.getFinalizedHead()).toHex();
const number = (await api.rpc.chain.getHeader(block)).number.toNumber();
const specVersion = (await api.rpc.state.getRuntimeVersion(block)).specVersion.toNumber();

const PAGE = 1000;
const keys = [];
for (;;) {
  const page = await rpcExact('state_getKeysPaged', ['0x', PAGE, keys.at(-1) ?? null, block]);
  keys.push(...page);
  if (page.length < PAGE) break;
}
const pairs = [];
for (let i = 0; i < keys.length; i += 200) {
  const [{ changes }] = await rpcExact('state_queryStorageAt', [keys.slice(i, i + 200), block]);
  for (const [key, value] of changes) if (value !== null) pairs.push([key, value]);
}
check(pairs.length === keys.length, `read ${pairs.length} values of ${keys.length} keys`);
writeFileSync(file, JSON.stringify({ block, number, specVersion, pairs }));
log(`state of block #${number} (spec ${specVersion}): ${pairs.length} keys, written to ${file}`);
await chain.disconnect();
