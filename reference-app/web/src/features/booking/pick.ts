// The slot picked on a results or centre page, handed to the booking form.
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

/** Keeps the picked slot for the booking form (this tab only). */
export function rememberPick(pick: Pick): void {
  sessionStorage.setItem(`pti.pick.${pick.disponibilite_id}`, JSON.stringify(pick));
}

/** The slot picked for `id`, if this tab picked it. */
export function recallPick(id: string): Pick | null {
  try {
    const raw = sessionStorage.getItem(`pti.pick.${id}`);
    return raw ? (JSON.parse(raw) as Pick) : null;
  } catch {
    return null;
  }
}
