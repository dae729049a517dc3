import { useSyncExternalStore } from 'react';
import { useQuery } from '@tanstack/react-query';
import { session } from '../api/client';
import { getMe } from '../api/endpoints';

const signedIn = () => session.get() !== null;

/** Whether a user is signed in on this device (follows login, logout and failed refreshes). */
export function useSignedIn(): boolean {
  return useSyncExternalStore(session.subscribe, signedIn, () => false);
}

/** The signed-in user, or undefined for a guest. */
export function useMe() {
  const isIn = useSignedIn();
  return useQuery({ queryKey: ['me'], queryFn: getMe, enabled: isIn, staleTime: 60_000 });
}

/** What a booking form needs to show the picked slot (kept across a reload). */
export interface Pick {
  disponibilite_id: string;
  start: string;
  end: string;
  centre: { id: string; name: string; address: string; postcode: string; city: string };
  price_cents: number;
  vehicle_type: string;
  control_type: string;
}

export function rememberPick(pick: Pick): void {
  sessionStorage.setItem(`pti.pick.${pick.disponibilite_id}`, JSON.stringify(pick));
}

export function recallPick(id: string): Pick | null {
  try {
    const raw = sessionStorage.getItem(`pti.pick.${id}`);
    return raw ? (JSON.parse(raw) as Pick) : null;
  } catch {
    return null;
  }
}
