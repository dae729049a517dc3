// The gzip size of the JavaScript a first visit of the client portal loads, from Vite's manifest
// (dist/.vite/manifest.json, after `vite build`): the entry, the client portal's root (a lazy
// chunk the entry loads at once) and every chunk they import statically. Lazy routes and the
// map are left out. Fails above the budget.
//   node scripts/initial-js.mjs
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 110;
const PORTAL_ROOT = 'src/portals/client/ClientPortal.tsx';

const dist = new URL('../dist/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('.vite/manifest.json', dist), 'utf8'));
const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);
if (!entry || !manifest[PORTAL_ROOT]) {
  console.error(`initial-js: the manifest has no ${entry ? PORTAL_ROOT : 'entry'}; run \`vite build\` first.`);
  process.exit(1);
}

// The chunks loaded before the portal shows: the two roots and their static imports.
const chunks = new Set();
const visit = (key) => {
  if (chunks.has(key)) return;
  chunks.add(key);
  for (const imported of manifest[key].imports ?? []) visit(imported);
};
visit(entry);
visit(PORTAL_ROOT);

let total = 0;
for (const key of chunks) {
  const file = manifest[key].file;
  const gz = gzipSync(readFileSync(new URL(file, dist)), { level: 9 }).length;
  total += gz;
  console.log(`${(gz / 1024).toFixed(1).padStart(7)} KB  ${file}`);
}
const kb = total / 1024;
console.log(`${kb.toFixed(1).padStart(7)} KB  initial JS of the client portal (gzip; budget ${BUDGET_KB} KB)`);
if (kb > BUDGET_KB) {
  console.error(`initial-js: ${kb.toFixed(1)} KB is over the budget of ${BUDGET_KB} KB`);
  process.exit(1);
}
