// Metadata check: every call, event, error, storage item, constant and
// runtime API of the Linli pallets decodes in @polkadot/api from the
// runtime's metadata alone (no custom type definitions), and every call,
// event and error is documented for Polkadot.js apps.
//
//   node src/metadata.mjs            (against $LINLI_WS, default ws://127.0.0.1:9944)

import { stringCamelCase } from '@polkadot/util';
import { Chain, check, log, Mismatch } from './lib.mjs';

const PALLETS = ['calendar', 'community', 'propertyFees', 'ownersAssembly', 'serviceRatings', 'chainGovernance'];
const RUNTIME_APIS = ['calendarApi', 'communityApi', 'propertyFeesApi', 'ownersAssemblyApi', 'serviceRatingsApi', 'chainGovernanceApi'];

const chain = await Chain.connect();
const { api } = chain;
const { registry } = api;
const problems = [];
const palletIndex = Object.fromEntries(
  api.runtimeMetadata.asLatest.pallets.map((p) => [stringCamelCase(p.name.toString()), p.index.toNumber()]),
);
const counts = { calls: 0, events: 0, errors: 0, storage: 0, entries: 0, constants: 0, apis: 0, types: new Set() };

// A type resolves when the registry builds its default value from the
// metadata's type id and the value survives a SCALE round trip.
function resolves(typeId, where) {
  try {
    const name = registry.createLookupType(typeId);
    const value = registry.createType(name);
    const again = registry.createType(name, value.toU8a());
    if (!again.eq(value)) throw new Error('round trip changed the value');
    const raw = value.toRawType();
    if (raw.includes('Unknown') || raw.includes('DoNotConstruct')) throw new Error(`unresolved type ${raw}`);
    counts.types.add(typeId.toString());
    return value;
  } catch (e) {
    problems.push(`${where}: type ${typeId} does not decode: ${e.message}`);
    return undefined;
  }
}

check(api.runtimeMetadata.version >= 15, `metadata v${api.runtimeMetadata.version}: runtime APIs need v15+`);
check(!api.registry.knownTypes.types, 'the connection must not carry custom types');

for (const section of PALLETS) {
  check(api.tx[section], `pallet ${section} is in the runtime`);
  for (const [method, tx] of Object.entries(api.tx[section])) {
    counts.calls += 1;
    const where = `call ${section}.${method}`;
    if (tx.meta.docs.length === 0) problems.push(`${where} has no documentation`);
    // Build the call from its arguments' default values and decode it back.
    const args = tx.meta.fields.map((f) => resolves(f.type, `${where}(${f.name})`));
    if (args.includes(undefined)) continue;
    try {
      const call = tx(...args);
      const decoded = registry.createType('Call', call.method.toU8a());
      check(decoded.section === section && decoded.method === method, 'decoded to another call');
    } catch (e) {
      problems.push(`${where}: does not encode and decode: ${e.message}`);
    }
  }
  for (const [name, event] of Object.entries(api.events[section])) {
    counts.events += 1;
    const where = `event ${section}.${name}`;
    if (event.meta.docs.length === 0) problems.push(`${where} has no documentation`);
    event.meta.fields.forEach((f) => resolves(f.type, `${where}.${f.name}`));
  }
  for (const [name, error] of Object.entries(api.errors[section])) {
    counts.errors += 1;
    const where = `error ${section}.${name}`;
    if (error.meta.docs.length === 0) problems.push(`${where} has no documentation`);
    const found = registry.findMetaError({ index: registry.createType('u8', palletIndex[section]), error: registry.createType('[u8; 4]', [error.meta.index.toNumber(), 0, 0, 0]) });
    if (found.name !== name) problems.push(`${where}: module error ${error.meta.index} reads as ${found.section}.${found.name}`);
  }
  for (const [name, constant] of Object.entries(api.consts[section])) {
    counts.constants += 1;
    if (constant.meta.docs.length === 0) problems.push(`constant ${section}.${name} has no documentation`);
    resolves(constant.meta.type, `constant ${section}.${name}`);
  }
  for (const [name, query] of Object.entries(api.query[section])) {
    if (name === 'palletVersion') continue;
    counts.storage += 1;
    const where = `storage ${section}.${name}`;
    const { type } = query.creator.meta;
    if (query.creator.meta.docs.length === 0) problems.push(`${where} has no documentation`);
    try {
      if (type.isPlain) {
        resolves(type.asPlain, where);
        await query();
        counts.entries += 1;
      } else {
        resolves(type.asMap.key, `${where} key`);
        resolves(type.asMap.value, `${where} value`);
        // Decode what the chain holds (the dev chain's demo community).
        const entries = await query.entriesPaged({ args: [], pageSize: 20 });
        for (const [key, value] of entries) {
          key.args.forEach((a) => a.toHuman());
          value.toHuman();
          counts.entries += 1;
        }
      }
    } catch (e) {
      problems.push(`${where}: does not decode: ${e.message}`);
    }
  }
}

// Runtime APIs, as `api.call.*` sees them in the metadata.
for (const section of RUNTIME_APIS) {
  check(api.call[section], `runtime API ${section} is in the metadata`);
  for (const [method, fn] of Object.entries(api.call[section])) {
    counts.apis += 1;
    const where = `runtime API ${section}.${method}`;
    if (!fn.meta.description?.trim()) problems.push(`${where} has no documentation`);
    try {
      const args = fn.meta.params.map((p) => registry.createType(p.type.toString()));
      const out = await fn(...args);
      out.toHuman();
    } catch (e) {
      problems.push(`${where}: does not decode: ${e.message}`);
    }
  }
}

log(
  `metadata v${api.runtimeMetadata.version}: ${counts.calls} calls, ${counts.events} events, ${counts.errors} errors,`,
  `${counts.constants} constants, ${counts.storage} storage items (${counts.entries} values read),`,
  `${counts.apis} runtime API methods, ${counts.types.size} distinct types — decoded with no custom types`,
);
await chain.disconnect();
if (problems.length > 0) {
  for (const p of problems) console.error('  ✗', p);
  throw new Mismatch(`${problems.length} metadata problems`);
}
log('every Linli call, event and error is documented and decodes');
