// Who is signed in on this device, for every portal.
import { useSyncExternalStore } from 'react';
import { useQuery } from '@tanstack/react-query';
import { session } from '@/api/client';
import { meQuery } from './api';

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
