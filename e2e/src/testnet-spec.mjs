// Writes a copy of a raw chain spec with a shorter enactment delay, so that
// the end-to-end test sees the council's root calls act within minutes
// instead of the production preset's two days. Everything else (the code,
// the validators, the council, the communities) is the checked-in spec's.
//
//   node src/testnet-spec.mjs <raw spec in> <raw spec out> <delay in blocks>

import { readFileSync, writeFileSync } from 'node:fs';
import { xxhashAsHex } from '@polkadot/util-crypto';

const [input, output, delay] = process.argv.slice(2);
const spec = JSON.parse(readFileSync(input, 'utf8'));
const top = spec.genesis?.raw?.top;
if (!top) throw new Error(`${input} is not a raw chain spec`);
// The key of the storage value `ChainGovernance::EnactmentDelay`.
const key = xxhashAsHex('ChainGovernance', 128) + xxhashAsHex('EnactmentDelay', 128).slice(2);
if (!(key in top)) throw new Error(`${input} has no ChainGovernance::EnactmentDelay`);
const value = Buffer.alloc(4);
value.writeUInt32LE(Number(delay)); // SCALE: a u32, little-endian
top[key] = `0x${value.toString('hex')}`;
spec.id = `${spec.id}_e2e`;
writeFileSync(output, JSON.stringify(spec));
