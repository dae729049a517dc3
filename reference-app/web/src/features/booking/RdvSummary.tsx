// A booking's summary, as the payment and confirmation pages show it.
import type { Rdv } from '@/api/types';
import { euros, when } from '@/domain/format';
import { CONTROL_TYPE } from '@/domain/vocabulary';

/** A booking at a glance: reference, centre, date, control, vehicle and price. */
export function RdvSummary({ rdv }: { rdv: Rdv }) {
  return (
    <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm" data-testid="rdv-summary">
      <dt>Référence</dt>
      <dd className="font-semibold text-ink-strong">{rdv.reference}</dd>
      <dt>Centre</dt>
      <dd className="text-ink-strong">
        {rdv.centre.name}
        <br />
        <span className="text-ink">
          {rdv.centre.address}, {rdv.centre.postcode} {rdv.centre.city}
        </span>
      </dd>
      <dt>Date</dt>
      <dd className="text-ink-strong first-letter:uppercase">{when(rdv.start)}</dd>
      <dt>Contrôle</dt>
      <dd className="text-ink-strong">{CONTROL_TYPE[rdv.control_type]?.label ?? rdv.control_type}</dd>
      <dt>Véhicule</dt>
      <dd className="text-ink-strong">
        {rdv.immatriculation} — {rdv.marque} {rdv.modele}
      </dd>
      <dt>Prix</dt>
      <dd className="font-semibold text-ink-strong">
        {euros(rdv.price_cents)} TTC <span className="text-xs font-normal text-ink">(dont TVA {euros(rdv.vat_cents)})</span>
      </dd>
    </dl>
  );
}
