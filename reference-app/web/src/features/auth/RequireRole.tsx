// A route guard: a signed-out visitor is sent to sign in (and back after), a signed-in user of
// another role to the home of their own portal. The server authorizes every call anyway; the
// guard only keeps people on the screens meant for them.
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { errorMessage } from '@/api/messages';
import { Failure, Loading } from '@/ui';
import { homeOf, signInPath, type Role } from './roles';
import { useMe, useSignedIn } from './session';

/** Renders `children` for a signed-in user, of one of `roles` when given. */
export function RequireRole({ roles, children }: { roles?: readonly Role[]; children: ReactNode }) {
  const signedIn = useSignedIn();
  const location = useLocation();
  const me = useMe();
  if (!signedIn) return <Navigate to={signInPath(location.pathname + location.search)} replace />;
  if (!roles) return children;
  if (me.isPending) return <Loading />;
  if (me.isError) return <Failure message={errorMessage(me.error)} retry={() => me.refetch()} />;
  if (!roles.includes(me.data.role as Role)) return <Navigate to={homeOf(me.data.role)} replace />;
  return children;
}
