// Which roles a staff member may grant, and the scope each role is given in: the server's rule
// (`ROLE_NOT_GRANTABLE` otherwise), so that the forms offer only what the server will take.
import type { Role } from '@/domain/vocabulary';

/**
 * The roles each role may give: create accounts of, edit the accounts holding, or change an
 * account's role to. A network needs more than one admin, so ADMIN_TENANT gives its own role;
 * ADMIN_AGENCE gives the staff of its agency's centres. Nobody gives CLIENT (clients sign up).
 */
export const GRANTABLE: Readonly<Partial<Record<Role, readonly Role[]>>> = {
  ADMIN_TENANT: ['ADMIN_TENANT', 'ADMIN_AGENCE', 'ADMIN_CT', 'CONTROLEUR', 'CALL_CENTER'],
  ADMIN_AGENCE: ['ADMIN_CT', 'CONTROLEUR'],
};

/** The roles `role` may grant, the widest first; none for a role that manages no accounts. */
export function grantableBy(role: string): readonly Role[] {
  return GRANTABLE[role as Role] ?? [];
}

/** What an account of a role is attached to: an agency, a centre, or the whole network. */
export type RoleScope = 'agency' | 'centre' | 'network';

/** The scope an account of `role` is given in: ADMIN_AGENCE an agency, centre staff a centre. */
export function scopeOf(role: string): RoleScope {
  if (role === 'ADMIN_AGENCE') return 'agency';
  if (role === 'ADMIN_CT' || role === 'CONTROLEUR') return 'centre';
  return 'network';
}
