// Where each role lands among the portals the app serves. A role's portal may come in a later
// release: until the app serves it, that role lands where it always did, on the client portal's
// bookings page. The app names the portals it serves with <ServedPortals>.
import { createContext, useContext, type ReactNode } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import type { Tokens } from '@/api/types';
import { Loading } from '@/ui';
import { meQuery } from './api';
import { homeOf } from './roles';
import { useMe, useSignedIn } from './session';

/** Where a role whose portal is not served yet works meanwhile. */
const MEANWHILE = '/mes-rdv';

const Served = createContext<readonly string[]>(['/']);

/** Names the homes of the portals the app serves (`/`, `/tenant`, …) to the pages below it. */
export function ServedPortals({ homes, children }: { homes: readonly string[]; children: ReactNode }) {
  return <Served.Provider value={homes}>{children}</Served.Provider>;
}

/** A role's home among the `served` portals: its portal's home, or the client portal's
 * bookings page while its portal is not served. */
export function homeAmong(role: string, served: readonly string[]): string {
  const home = homeOf(role);
  return served.includes(home) ? home : MEANWHILE;
}

/** Where a role lands after signing in: a client on its bookings, staff on their portal's home. */
export function landingAmong(role: string, served: readonly string[]): string {
  const home = homeAmong(role, served);
  return home === '/' ? MEANWHILE : home;
}

/** `homeAmong` and `landingAmong` over the portals this app serves. */
export function useHomes(): { home: (role: string) => string; landing: (role: string) => string } {
  const served = useContext(Served);
  return { home: (role) => homeAmong(role, served), landing: (role) => landingAmong(role, served) };
}

/**
 * Renders `children` (the client portal's home) for a guest or a client, and sends a signed-in
 * staff member to the home of their own portal when the app serves it.
 */
export function LandOnOwnPortal({ children }: { children: ReactNode }) {
  const signedIn = useSignedIn();
  const me = useMe();
  const { home } = useHomes();
  if (!signedIn || me.isError) return children;
  if (me.isPending) return <Loading />;
  const own = home(me.data.role);
  return own === '/' || own === MEANWHILE ? children : <Navigate to={own} replace />;
}

/**
 * What a sign-in page does once the session is open: forget the guest's cached answers, then go
 * to the `?next=` page the visitor came from, or else to where the signed-in role lands.
 */
export function useLandAfterSignIn(): (tokens: Tokens) => Promise<void> {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const client = useQueryClient();
  const { landing } = useHomes();
  const next = params.get('next');
  return async (tokens) => {
    client.clear();
    if (next && next.startsWith('/') && !next.startsWith('//')) {
      navigate(next, { replace: true });
      return;
    }
    const role = tokens.user?.role ?? (await client.fetchQuery(meQuery()).catch(() => null))?.role;
    navigate(role ? landing(role) : MEANWHILE, { replace: true });
  };
}
