// The roles of the platform (pti_core::policy) and the portal each one works in.
import type { Role } from '@/domain/vocabulary';

export type { Role } from '@/domain/vocabulary';

/** Where each role lands: the home of its portal. */
export const ROLE_HOME: Readonly<Record<Role, string>> = {
  SUPER_ADMIN: '/admin',
  ADMIN_TENANT: '/tenant',
  ADMIN_AGENCE: '/tenant',
  ADMIN_CT: '/pro',
  CONTROLEUR: '/pro',
  CALL_CENTER: '/callcenter',
  CLIENT: '/',
};

/** The home of a role's portal; the client portal for a role it does not know. */
export function homeOf(role: string): string {
  return ROLE_HOME[role as Role] ?? '/';
}

/** The roles whose portal has its home at `home`. */
export function rolesHomedAt(home: string): Role[] {
  return (Object.keys(ROLE_HOME) as Role[]).filter((role) => ROLE_HOME[role] === home);
}

/** Where a signed-out visitor of `path` signs in, to come back to it after. */
export function signInPath(path: string): string {
  return `/connexion?next=${encodeURIComponent(path)}`;
}
