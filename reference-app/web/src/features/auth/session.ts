// Who is signed in on this device, for every portal.
import { useState, useSyncExternalStore } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { session } from '@/api/client';
import { logout, meQuery } from './api';

const signedIn = () => session.get() !== null;

/** Whether a user is signed in on this device (follows login, logout and failed refreshes). */
export function useSignedIn(): boolean {
  return useSyncExternalStore(session.subscribe, signedIn, () => false);
}

/** The signed-in user, or undefined for a guest. */
export function useMe() {
  const isIn = useSignedIn();
  return useQuery({ ...meQuery(), enabled: isIn, staleTime: 60_000 });
}

/**
 * Signing out: `signOut()` revokes the session (or drops it here if the server cannot be
 * reached) and forgets every answer cached for the user; `leaving` is true meanwhile.
 */
export function useSignOut(): { signOut: () => Promise<void>; leaving: boolean } {
  const client = useQueryClient();
  const [leaving, setLeaving] = useState(false);
  const signOut = async () => {
    setLeaving(true);
    try {
      await logout();
    } catch {
      // the session is dropped locally anyway
    } finally {
      client.clear();
      setLeaving(false);
    }
  };
  return { signOut, leaving };
}
