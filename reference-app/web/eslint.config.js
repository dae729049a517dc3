import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// The layers of src/ and what each may not import (STYLE.md, "Growing the app"): imports run
// one way, from the app down to the domain. `@/` names a layer; a parent-relative path (`../`)
// would hide a crossing, so only data files (the OpenAPI document) are reached that way.
const FORBIDDEN = {
  app: [],
  portals: ['app'],
  features: ['app', 'portals'],
  ui: ['app', 'portals', 'features', 'api'],
  api: ['app', 'portals', 'features', 'ui'],
  domain: ['app', 'portals', 'features', 'ui', 'api'],
};
// Slices of a layer that never import one another: a portal another portal, a feature another
// feature (what two of them share moves down a layer, or the portal composes them).
const SLICED = ['portals', 'features'];

const slices = (layer) =>
  readdirSync(new URL(`./src/${layer}/`, import.meta.url), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);

const parentPath = {
  regex: '^\\.\\./(?!.*\\.json$)',
  message: 'Import another folder of src/ through its layer (@/api/…, @/features/…), not with ../',
};
const layerPath = (from, to) => ({ regex: `^@/${to}(/|$)`, message: `src/${from} may not import src/${to}.` });
const siblingPath = (layer, own) => ({
  regex: `^@/${layer}/(?!${own}(/|$))`,
  message: `src/${layer}/${own} may not import another of src/${layer}.`,
});
const restrict = (files, patterns) => ({ files, rules: { 'no-restricted-imports': ['error', { patterns }] } });

const boundaries = [
  restrict(['src/**/*.{ts,tsx}'], [parentPath]),
  ...Object.entries(FORBIDDEN).flatMap(([layer, forbidden]) => {
    const own = forbidden.map((to) => layerPath(layer, to));
    if (!SLICED.includes(layer)) return [restrict([`src/${layer}/**/*.{ts,tsx}`], [parentPath, ...own])];
    return slices(layer).map((slice) => restrict([`src/${layer}/${slice}/**/*.{ts,tsx}`], [parentPath, ...own, siblingPath(layer, slice)]));
  }),
];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report'] },
  {
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    files: ['**/*.{ts,tsx}'],
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
    },
  },
  ...boundaries,
  {
    // Every query key comes from the factory, so that invalidations name the same keys.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/api/keys.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "Property[key.name='queryKey'] > ArrayExpression", message: 'Name the query key with the factory of src/api/keys.ts.' },
      ],
    },
  },
);
