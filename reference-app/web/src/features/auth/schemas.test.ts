import { describe, expect, it } from 'vitest';
import { loginSchema, setPasswordSchema, signupSchema } from './schemas';

const issues = (r: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
  Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));

describe('sign-up and login', () => {
  const ok = { first_name: 'Claire', last_name: 'Martin', email: 'claire@exemple.fr', phone: '', password: 'Client123', confirm: 'Client123' };
  it('takes the server password rule: 8+ characters, a letter and a digit', () => {
    expect(signupSchema.safeParse(ok).success).toBe(true);
    expect(issues(signupSchema.safeParse({ ...ok, password: 'onlyletters', confirm: 'onlyletters' }))).toEqual({ password: 'Au moins une lettre et un chiffre.' });
    expect(issues(signupSchema.safeParse({ ...ok, confirm: 'Client124' }))).toEqual({ confirm: 'Les mots de passe diffèrent.' });
  });
  it('needs an e-mail and a password to log in', () => {
    expect(issues(loginSchema.safeParse({ email: '', password: '' }))).toEqual({ email: 'Adresse e-mail requise.', password: 'Mot de passe requis.' });
  });
});

describe('the invited person’s password', () => {
  it('follows the sign-up’s rule, typed twice', () => {
    expect(setPasswordSchema.safeParse({ password: 'Agence2026', confirm: 'Agence2026' }).success).toBe(true);
    expect(issues(setPasswordSchema.safeParse({ password: 'Agence1', confirm: 'Agence1' }))).toEqual({ password: '8 caractères minimum.' });
    expect(issues(setPasswordSchema.safeParse({ password: 'Agence2026', confirm: 'agence2026' }))).toEqual({ confirm: 'Les mots de passe diffèrent.' });
  });
});
