// A route guard: a signed-out visitor is sent to sign in (and back after); a signed-in user of
// another role is sent to the home of their own portal, or shown the 403 page. The server
// authorizes every call anyway; the guard only keeps people on the screens meant for them.
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { errorMessage } from '@/api/messages';
import { Failure, Loading } from '@/ui';
import { Forbidden } from './Forbidden';
import { homeOf, signInPath, type Role } from './roles';
import { useMe, useSignedIn } from './session';

/** Props of {@link RequireRole}. */
export interface RequireRoleProps {
  /** The roles let in; any signed-in user when left out. */
  roles?: readonly Role[];
  /** What a user of another role gets: the home of their portal (default) or the 403 page
   * (a whole portal, which a wrong role should learn it may not open). */
  otherRoles?: 'home' | 'forbidden';
  children: ReactNode;
}

/** Renders `children` for a signed-in user, of one of `roles` when given. */
export function RequireRole({ roles, otherRoles = 'home', children }: RequireRoleProps) {
  const signedIn = useSignedIn();
  const location = useLocation();
  const me = useMe();
  if (!signedIn) return <Navigate to={signInPath(location.pathname + location.search)} replace />;
  if (!roles) return children;
  if (me.isPending) return <Loading />;
  if (me.isError) return <Failure message={errorMessage(me.error)} retry={() => me.refetch()} />;
  if (roles.includes(me.data.role as Role)) return children;
  return otherRoles === 'forbidden' ? <Forbidden role={me.data.role} /> : <Navigate to={homeOf(me.data.role)} replace />;
}
