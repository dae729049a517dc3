// One centre: its calendar, the slots of the picked day and the price tax included.
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import type { CentreCalendar, Slot } from '@/api/types';
import { euros, when } from '@/domain/format';
import { CONTROL_TYPE_OPTIONS, VEHICLE_CATEGORY_OPTIONS } from '@/domain/vocabulary';
import { rememberPick } from '@/features/booking/pick';
import { SlotPicker } from '@/features/search/SlotPicker';
import { Button, Card, FormField, PageTitle, Select } from '@/ui';

/** A centre's page: its calendar and the price. */
export default function CentrePage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const vehicle = params.get('vehicle_type') ?? 'VP';
  const control = params.get('control_type') ?? 'CT';
  const [pick, setPick] = useState<{ slot: Slot; cal: CentreCalendar } | null>(null);
  const set = (k: string, v: string) => {
    setPick(null);
    setParams((p) => {
      const n = new URLSearchParams(p);
      n.set(k, v);
      return n;
    }, { replace: true });
  };
  const book = () => {
    if (!pick) return;
    rememberPick({
      disponibilite_id: pick.slot.disponibilite_id,
      start: pick.slot.start,
      end: pick.slot.end,
      centre: pick.cal.centre,
      price_cents: pick.cal.price_cents,
      vehicle_type: vehicle,
      control_type: control,
    });
    navigate(`/reservation/${encodeURIComponent(pick.slot.disponibilite_id)}`);
  };
  return (
    <div>
      <p className="mb-2 text-sm">
        <button type="button" onClick={() => navigate(-1)} className="underline">
          ← Retour
        </button>
      </p>
      <Card>
        <SlotPicker
          header={(cal) => (
            <>
              <PageTitle
                sub={
                  <>
                    {cal.centre.address}, {cal.centre.postcode} {cal.centre.city}
                    <br />
                    <strong className="text-ink-strong">{euros(cal.price_cents)} TTC</strong> · {cal.duration_minutes} min
                    {cal.centre.rating != null && <> · ★ {cal.centre.rating.toFixed(1).replace('.', ',')}</>}
                  </>
                }
              >
                {cal.centre.name}
              </PageTitle>
              <div className="mb-4 grid grid-cols-2 gap-3 sm:max-w-md">
                <FormField label="Véhicule">
                  <Select options={VEHICLE_CATEGORY_OPTIONS} value={vehicle} onChange={(e) => set('vehicle_type', e.target.value)} />
                </FormField>
                <FormField label="Contrôle">
                  <Select options={CONTROL_TYPE_OPTIONS} value={control} onChange={(e) => set('control_type', e.target.value)} />
                </FormField>
              </div>
            </>
          )}
          key={`${vehicle}-${control}`}
          centreId={id}
          vehicleType={vehicle}
          controlType={control}
          initialDate={params.get('date') ?? undefined}
          selected={pick?.slot.disponibilite_id}
          onPick={(slot, cal) => setPick({ slot, cal })}
        />
      </Card>
      <div className="sticky bottom-0 mt-4 flex flex-wrap items-center justify-between gap-3 rounded-lg bg-white p-4 shadow-overlay" data-testid="pick-summary">
        <div>
          {pick ? (
            <>
              <p className="font-semibold text-ink-strong first-letter:uppercase">{when(pick.slot.start)}</p>
              <p className="text-sm">
                {euros(pick.cal.price_cents)} TTC <span className="text-xs">(dont TVA {euros(pick.cal.vat_cents)})</span> · {pick.cal.duration_minutes} min
              </p>
            </>
          ) : (
            <p className="text-sm">Choisissez un jour puis un horaire.</p>
          )}
        </div>
        <Button onClick={book} disabled={!pick} data-testid="reserver-button">
          Réserver ce créneau
        </Button>
      </div>
    </div>
  );
}
