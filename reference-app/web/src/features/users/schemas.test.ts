import { describe, expect, it } from 'vitest';
import type { StaffUser } from '@/api/types';
import { grantableBy, scopeOf } from './grants';
import { toCreateBody, toUpdateBody, userFormValues, userSchema, type UserForm } from './schemas';

const issues = (r: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
  Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));

const tenantSchema = userSchema(grantableBy('ADMIN_TENANT'));
const ok: UserForm = { email: ' Paul.Durand@exemple.fr ', first_name: ' Paul ', last_name: 'Durand', phone: '', role: 'CONTROLEUR', agency_id: 'a1', centre_id: 'c1' };

const user: StaffUser = {
  id: 'u1',
  email: 'paul.durand@exemple.fr',
  first_name: 'Paul',
  last_name: 'Durand',
  phone: '0612345678',
  role: 'CONTROLEUR',
  agency_id: 'a1',
  centre_id: 'c1',
  status: 'active',
  last_login_at: null,
  created_at: '2026-11-01T10:00:00Z',
};

describe('who may grant what', () => {
  it('lets a tenant admin grant every staff role of its network, an agency admin its centres’ staff', () => {
    expect(grantableBy('ADMIN_TENANT')).toEqual(['ADMIN_TENANT', 'ADMIN_AGENCE', 'ADMIN_CT', 'CONTROLEUR', 'CALL_CENTER']);
    expect(grantableBy('ADMIN_AGENCE')).toEqual(['ADMIN_CT', 'CONTROLEUR']);
    expect(grantableBy('CONTROLEUR')).toEqual([]);
  });

  it('gives an agency admin an agency, centre staff a centre, the others the network', () => {
    expect(['ADMIN_AGENCE', 'ADMIN_CT', 'CONTROLEUR', 'CALL_CENTER'].map(scopeOf)).toEqual(['agency', 'centre', 'centre', 'network']);
  });
});

describe('the staff account form', () => {
  it('holds the server’s limits', () => {
    expect(tenantSchema.safeParse(ok).success).toBe(true);
    expect(issues(tenantSchema.safeParse({ ...ok, first_name: ' ', last_name: 'x'.repeat(101), email: 'paul@', phone: '12' }))).toEqual({
      first_name: 'Prénom requis.',
      last_name: '100 caractères au plus.',
      email: 'Adresse e-mail invalide.',
      phone: 'Numéro invalide : 06 12 34 56 78 ou +33 6 12 34 56 78.',
    });
    expect(issues(tenantSchema.safeParse({ ...ok, email: `${'a'.repeat(250)}@exemple.fr` }))).toEqual({ email: '254 caractères au plus.' });
  });

  it('offers only the roles the signed-in user may grant', () => {
    expect(issues(tenantSchema.safeParse({ ...ok, role: '' }))).toEqual({ role: 'Choisissez un rôle.' });
    expect(issues(tenantSchema.safeParse({ ...ok, role: 'CLIENT' }))).toEqual({ role: 'Choisissez un rôle.' });
    expect(issues(userSchema(grantableBy('ADMIN_AGENCE')).safeParse({ ...ok, role: 'ADMIN_AGENCE' }))).toEqual({ role: 'Choisissez un rôle.' });
  });

  it('needs the agency of an agency admin and the centre of centre staff', () => {
    expect(issues(tenantSchema.safeParse({ ...ok, role: 'ADMIN_AGENCE', agency_id: '' }))).toEqual({ agency_id: 'Choisissez l’agence.' });
    expect(issues(tenantSchema.safeParse({ ...ok, role: 'ADMIN_CT', centre_id: '' }))).toEqual({ centre_id: 'Choisissez le centre.' });
    expect(tenantSchema.safeParse({ ...ok, role: 'CALL_CENTER', agency_id: '', centre_id: '' }).success).toBe(true);
  });

  it('creates with what the role needs only, trimmed', () => {
    expect(toCreateBody(ok)).toEqual({ email: 'Paul.Durand@exemple.fr', first_name: 'Paul', last_name: 'Durand', role: 'CONTROLEUR', centre_id: 'c1' });
    expect(toCreateBody({ ...ok, role: 'ADMIN_AGENCE', phone: '06 12 34 56 78' })).toEqual({
      email: 'Paul.Durand@exemple.fr',
      first_name: 'Paul',
      last_name: 'Durand',
      phone: '06 12 34 56 78',
      role: 'ADMIN_AGENCE',
      agency_id: 'a1',
    });
    expect(toCreateBody({ ...ok, role: 'CALL_CENTER' })).not.toHaveProperty('agency_id');
  });

  it('changes only what changed, sending the one id the role takes', () => {
    const same = userFormValues(user);
    expect(toUpdateBody(same, user)).toEqual({});
    expect(toUpdateBody({ ...same, first_name: 'Pauline', phone: '' }, user)).toEqual({ first_name: 'Pauline', phone: null });
    expect(toUpdateBody({ ...same, centre_id: 'c2' }, user)).toEqual({ centre_id: 'c2' });
    // The server drops the ids a new role does not take.
    expect(toUpdateBody({ ...same, role: 'CALL_CENTER' }, user)).toEqual({ role: 'CALL_CENTER' });
    expect(toUpdateBody({ ...same, role: 'ADMIN_AGENCE', agency_id: 'a2' }, user)).toEqual({ role: 'ADMIN_AGENCE', agency_id: 'a2' });
  });
});
