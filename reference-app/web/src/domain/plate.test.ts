import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlate, plateSchema } from './plate';

interface Vector {
  name: string;
  input: string;
  expected: { ok?: string; format?: string; error?: string };
}

// Tests run from reference-app/web; the vectors live at the workspace root.
const file = resolve(process.cwd(), '../../tests/vectors/plates.json');
const vectors = JSON.parse(readFileSync(file, 'utf8')) as { cases: Vector[] };

describe('plates follow the engine’s conformance vectors', () => {
  it.each(vectors.cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const result = parsePlate(c.input);
    if (c.expected.ok) {
      expect(result).toEqual({ ok: true, canonical: c.expected.ok, format: c.expected.format });
    } else {
      expect(result.ok).toBe(false);
    }
  });
});

describe('plateSchema', () => {
  it('outputs the canonical form', () => {
    expect(plateSchema.parse('ab 123 cd')).toBe('AB-123-CD');
  });

  it('explains a refusal in French', () => {
    const result = plateSchema.safeParse('AI-123-CD');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('I, O et U');
  });
});
