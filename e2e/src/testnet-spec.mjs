// Writes a copy of a raw chain spec for the end-to-end test: a shorter
// enactment delay and session (so that the council's root calls act, and
// validator changes take effect, within minutes instead of the production
// preset's two days and hours), and this tree's runtime as its code (the
// checked-in spec's code is the runtime of whoever generated it). Everything
// else (the validators, the council, the communities) is the spec's.
//
//   node src/testnet-spec.mjs <raw spec in> <raw spec out> <delay> <session length> <wasm>

import { readFileSync, writeFileSync } from 'node:fs';
import { xxhashAsHex } from '@polkadot/util-crypto';

const [input, output, delay, sessionLength, wasm] = process.argv.slice(2);
const spec = JSON.parse(readFileSync(input, 'utf8'));
const top = spec.genesis?.raw?.top;
if (!top) throw new Error(`${input} is not a raw chain spec`);
/** Sets the storage value `pallet::item`, a u32, to `value`. */
function setU32(pallet, item, value) {
  const key = xxhashAsHex(pallet, 128) + xxhashAsHex(item, 128).slice(2);
  if (!(key in top)) throw new Error(`${input} has no ${pallet}::${item}`);
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32LE(Number(value)); // SCALE: a u32, little-endian
  top[key] = `0x${bytes.toString('hex')}`;
}
setU32('ChainGovernance', 'EnactmentDelay', delay);
setU32('ValidatorSet', 'SessionLength', sessionLength);
const CODE = '0x3a636f6465'; // `:code`
if (!(CODE in top)) throw new Error(`${input} has no code`);
top[CODE] = `0x${readFileSync(wasm).toString('hex')}`;
spec.id = `${spec.id}_e2e`;
writeFileSync(output, JSON.stringify(spec));
