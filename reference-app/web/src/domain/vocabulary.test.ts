// The vocabulary's codes are the served API document's enums (reference-app/openapi.json), at
// every place the document lists them; an extra code there must be a documented alias.
import { describe, expect, it } from 'vitest';
import openapi from '../../../openapi.json';
import { BOOKING_STATUSES, CONTROL_TYPES, FUELS, NETWORK_ROLES, USER_STATUSES, VEHICLE_CATEGORIES, VEHICLE_CATEGORY_ALIASES } from './vocabulary';

type Schema = { enum?: string[]; description?: string };

/** Every enum schema of the document under a property or parameter named `name`. */
function enumsNamed(name: string): Schema[] {
  const found: Schema[] = [];
  const walk = (node: unknown, key?: string) => {
    if (Array.isArray(node)) return node.forEach((n) => walk(n));
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (o.name === name && o.in && o.schema) walk(o.schema, name);
    if (key === name && Array.isArray(o.enum)) found.push(o as Schema);
    for (const [k, v] of Object.entries(o)) walk(v, k);
  };
  walk(openapi);
  return found;
}

describe('the vocabulary and the API document', () => {
  it.each([
    ['vehicle_type', VEHICLE_CATEGORIES, VEHICLE_CATEGORY_ALIASES],
    ['control_type', CONTROL_TYPES, {}],
    ['fuel', FUELS, {}],
    ['status', BOOKING_STATUSES, {}],
  ] as const)('%s: the same codes wherever the document lists them', (name, codes, aliases) => {
    const schemas = enumsNamed(name);
    expect(schemas.length).toBeGreaterThan(0);
    for (const schema of schemas) {
      expect([...schema.enum!].sort()).toEqual([...codes, ...Object.keys(aliases)].sort());
      for (const alias of Object.keys(aliases)) expect(schema.description, `${name}: alias ${alias} is documented`).toContain(alias);
    }
  });

  it('role: the roles of a network’s accounts wherever the document lists them', () => {
    const schemas = enumsNamed('role');
    expect(schemas.length).toBeGreaterThan(0);
    for (const schema of schemas) expect([...schema.enum!].sort()).toEqual([...NETWORK_ROLES].sort());
  });

  it('the states of an account are the document’s', () => {
    const status = (openapi.components.schemas as unknown as Record<string, Schema>).AccountStatus!;
    expect([...status.enum!].sort()).toEqual([...USER_STATUSES].sort());
  });
});
