import { describe, expect, it } from 'vitest';
import { phoneSchema } from './fields';

describe('French phone numbers', () => {
  it.each(['0612345678', '06 12 34 56 78', '06.12.34.56.78', '+33 6 12 34 56 78', '+33612345678', '01-23-45-67-89'])('accepts %s', (p) => {
    expect(phoneSchema.safeParse(p).success).toBe(true);
  });
  it.each(['612345678', '0012345678', '+44 20 7946 0958', '06 12 34 56', 'appelez-moi'])('refuses %s', (p) => {
    expect(phoneSchema.safeParse(p).success).toBe(false);
  });
});
