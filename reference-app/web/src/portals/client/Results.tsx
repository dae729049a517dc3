// Results: the centres near the place, as a list and on a map, with filters and sort.
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { errorMessage } from '@/api/messages';
import type { DayPart, SearchRequest, SearchResult, SortKey } from '@/api/types';
import { euros, shortDate, time, today } from '@/domain/format';
import { CONTROL_TYPE, VEHICLE_CATEGORY, type ControlType, type VehicleCategory } from '@/domain/vocabulary';
import { rememberPick } from '@/features/booking/pick';
import { searchQuery } from '@/features/search/api';
import { Badge, Button, Checkbox, Empty, Failure, FormField, Input, Loading, PageTitle, Select, cx, addDays } from '@/ui';

const MapView = lazy(() => import('./MapView'));

const SORTS = [
  { value: 'distance', label: 'Distance' },
  { value: 'price', label: 'Prix' },
  { value: 'rating', label: 'Note' },
  { value: 'earliest', label: 'Plus tôt' },
  { value: 'best', label: 'Meilleur choix' },
];
const RADII = ['5', '10', '20', '30', '50', '100'].map((v) => ({ value: v, label: `${v} km` }));
const RATINGS = [
  { value: '', label: 'Toutes' },
  { value: '3', label: '3 ★ et plus' },
  { value: '4', label: '4 ★ et plus' },
  { value: '4.5', label: '4,5 ★ et plus' },
];
const PARTS = [
  { value: 'any', label: 'Toute la journée' },
  { value: 'morning', label: 'Matin' },
  { value: 'afternoon', label: 'Après-midi' },
];

/** The search request that the page's query string describes. */
export function requestOf(params: URLSearchParams): SearchRequest {
  const num = (k: string) => (params.get(k) ? Number(params.get(k)) : null);
  const from = params.get('date') ?? today();
  const maxEuros = num('max_price');
  return {
    place: params.get('lat') ? null : params.get('place'),
    lat: num('lat'),
    lng: num('lng'),
    radius_km: num('radius') ?? 30,
    date_from: from,
    date_to: addDays(from, 14),
    vehicle_type: (params.get('vehicle_type') ?? 'VP') as VehicleCategory,
    control_type: (params.get('control_type') ?? 'CT') as ControlType,
    max_price_cents: maxEuros ? Math.round(maxEuros * 100) : null,
    min_rating: num('min_rating'),
    day_part: (params.get('day_part') ?? 'any') as DayPart,
    saturday_only: params.get('saturday') === '1',
    sort: (params.get('sort') ?? 'distance') as SortKey,
    limit: 20,
    slots_per_centre: 4,
  };
}

function Filters({ params, set }: { params: URLSearchParams; set: (k: string, v: string | null) => void }) {
  // Local state answers the controls at once; the URL (and so the search) follows.
  const [v, setV] = useState(() => ({
    sort: params.get('sort') ?? 'distance',
    max_price: params.get('max_price') ?? '',
    radius: params.get('radius') ?? '30',
    min_rating: params.get('min_rating') ?? '',
    day_part: params.get('day_part') ?? 'any',
    saturday: params.get('saturday') === '1',
  }));
  const change = (k: Exclude<keyof typeof v, 'saturday' | 'max_price'>, value: string) => {
    setV((o) => ({ ...o, [k]: value }));
    set(k, value || null);
  };
  const commitPrice = () => set('max_price', v.max_price || null);
  return (
    <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6" data-testid="filters">
      <FormField label="Trier par">
        <Select options={SORTS} value={v.sort} onChange={(e) => change('sort', e.target.value)} data-testid="sort" />
      </FormField>
      <FormField label="Prix max (€)">
        <Input
          type="number"
          inputMode="numeric"
          min={0}
          value={v.max_price}
          onChange={(e) => setV((o) => ({ ...o, max_price: e.target.value }))}
          onBlur={commitPrice}
          onKeyDown={(e) => e.key === 'Enter' && commitPrice()}
          data-testid="max-price"
        />
      </FormField>
      <FormField label="Rayon">
        <Select options={RADII} value={v.radius} onChange={(e) => change('radius', e.target.value)} data-testid="radius" />
      </FormField>
      <FormField label="Note minimale">
        <Select options={RATINGS} value={v.min_rating} onChange={(e) => change('min_rating', e.target.value)} data-testid="min-rating" />
      </FormField>
      <FormField label="Horaires">
        <Select options={PARTS} value={v.day_part} onChange={(e) => change('day_part', e.target.value)} data-testid="day-part" />
      </FormField>
      <div className="flex items-end pb-2">
        <Checkbox
          label="Samedi uniquement"
          checked={v.saturday}
          onChange={(e) => {
            const on = e.target.checked;
            setV((o) => ({ ...o, saturday: on }));
            set('saturday', on ? '1' : null);
          }}
        />
      </div>
    </div>
  );
}

function CentreCard({ result, params, active, onHover }: { result: SearchResult; params: URLSearchParams; active: boolean; onHover: () => void }) {
  const navigate = useNavigate();
  const { centre, slots } = result;
  const [chosen, setChosen] = useState(slots[0]?.disponibilite_id ?? null);
  const slot = slots.find((s) => s.disponibilite_id === chosen) ?? slots[0];
  const calendarQuery = new URLSearchParams({
    vehicle_type: params.get('vehicle_type') ?? 'VP',
    control_type: params.get('control_type') ?? 'CT',
    date: params.get('date') ?? today(),
  });
  const book = () => {
    if (!slot) return;
    rememberPick({
      disponibilite_id: slot.disponibilite_id,
      start: slot.start,
      end: slot.end,
      centre,
      price_cents: result.price_cents,
      vehicle_type: params.get('vehicle_type') ?? 'VP',
      control_type: params.get('control_type') ?? 'CT',
    });
    navigate(`/reservation/${encodeURIComponent(slot.disponibilite_id)}`);
  };
  return (
    <li
      id={`centre-${centre.id}`}
      data-testid="disponibilite-card"
      onMouseEnter={onHover}
      onFocus={onHover}
      className={cx('rounded-lg bg-white p-4 shadow-card', active && 'ring-2 ring-brand-500')}
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h2 className="font-semibold text-ink-strong">{centre.name}</h2>
          <p className="text-sm">
            {centre.address}, {centre.postcode} {centre.city}
          </p>
          <p className="mt-1 flex flex-wrap gap-2 text-xs">
            <Badge>{result.distance_km.toFixed(1).replace('.', ',')} km</Badge>
            {centre.rating != null && <Badge tone="warning">★ {centre.rating.toFixed(1).replace('.', ',')}</Badge>}
            <Badge tone="info">{result.duration_minutes} min</Badge>
          </p>
        </div>
        <p className="text-right">
          <span className="block text-xl font-bold text-ink-strong" data-testid="price">
            {euros(result.price_cents)}
          </span>
          <span className="text-xs">TTC</span>
        </p>
      </div>
      {slots.length > 0 ? (
        <>
          <p className="mt-3 text-xs font-medium uppercase tracking-wide">Prochains créneaux</p>
          <div className="mt-1 flex flex-wrap gap-2" role="radiogroup" aria-label={`Créneaux de ${centre.name}`}>
            {slots.map((s) => (
              <button
                key={s.disponibilite_id}
                type="button"
                role="radio"
                aria-checked={s.disponibilite_id === slot?.disponibilite_id}
                onClick={() => setChosen(s.disponibilite_id)}
                data-testid="slot"
                className={cx(
                  'rounded-md border px-2.5 py-1.5 text-sm',
                  s.disponibilite_id === slot?.disponibilite_id ? 'border-brand-600 bg-brand-100 font-semibold text-ink-strong' : 'border-ink/30 hover:bg-brand-50',
                )}
              >
                {shortDate(s.start)} · {time(s.start)}
              </button>
            ))}
          </div>
        </>
      ) : (
        <p className="mt-3 text-sm">Aucun créneau libre sur la période.</p>
      )}
      <div className="mt-3 flex flex-wrap gap-2">
        <Button onClick={book} disabled={!slot} data-testid="reserver-button">
          Réserver
        </Button>
        <Link to={`/centres/${centre.id}?${calendarQuery}`} className="inline-flex h-10 items-center rounded-md px-3 text-sm font-semibold text-ink-strong underline hover:bg-brand-50" data-testid="centre-calendar-link">
          Voir le calendrier
        </Link>
      </div>
    </li>
  );
}

/** The results of a search: list, map, filters and sort. */
export default function Results() {
  const [params, setParams] = useSearchParams();
  const request = useMemo(() => requestOf(params), [params]);
  const [selected, setSelected] = useState<string | null>(null);
  const query = useQuery({
    ...searchQuery(request),
    placeholderData: keepPreviousData,
  });
  const set = useCallback(
    (k: string, v: string | null) =>
      setParams(
        (p) => {
          const next = new URLSearchParams(p);
          if (v === null || v === '') next.delete(k);
          else next.set(k, v);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  const onSelect = useCallback((id: string) => {
    setSelected(id);
    document.getElementById(`centre-${id}`)?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  }, []);
  const where = params.get('label') ?? params.get('place') ?? query.data?.origin.label ?? '';
  const results = query.data?.results ?? [];
  const [wide] = useState(() => window.matchMedia?.('(min-width: 1024px)').matches ?? true);

  return (
    <div>
      <PageTitle sub={`À partir du ${shortDate(`${request.date_from}T12:00:00Z`)} · ${VEHICLE_CATEGORY[request.vehicle_type ?? 'VP']?.label ?? request.vehicle_type} · ${CONTROL_TYPE[request.control_type ?? 'CT']?.label ?? ''}`}>
        Centres près de {query.data?.origin.label ?? where}
      </PageTitle>
      {/* Filters open on a desktop; on a phone the results come first, the filters one tap away. */}
      <details className="mb-4 rounded-lg bg-white p-3 shadow-card lg:open:p-4" open={wide} data-testid="filters-panel">
        <summary className="cursor-pointer text-sm font-semibold text-ink-strong">Filtres et tri</summary>
        <div className="mt-3">
          <Filters params={params} set={set} />
        </div>
      </details>
      {query.isPending ? (
        <Loading label="Recherche des disponibilités…" />
      ) : query.isError ? (
        <Failure message={errorMessage(query.error)} retry={() => query.refetch()} />
      ) : results.length === 0 ? (
        <Empty title="Aucun centre ne correspond à votre recherche">
          Élargissez le rayon, retirez un filtre ou <Link to="/" className="underline">changez de lieu</Link>.
        </Empty>
      ) : (
        <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
          <div className="order-2 lg:sticky lg:top-20 lg:self-start">
            <Suspense fallback={<div className="h-64 animate-pulse rounded-lg bg-gray-200" aria-hidden="true" />}>
              <MapView data={query.data!} selected={selected} onSelect={onSelect} />
            </Suspense>
            {!import.meta.env.VITE_MAP_TILE_URL && (
              <p className="mt-1 text-xs">Plan simplifié : chaque point orange est un centre (touchez-le pour le retrouver dans la liste), le point bleu votre recherche.</p>
            )}
          </div>
          <div className="order-1">
            <p className="mb-2 text-sm" aria-live="polite">
              {results.length} centre{results.length > 1 ? 's' : ''} {query.isFetching && '· mise à jour…'}
            </p>
            <ul className="flex flex-col gap-3" data-testid="results-list">
              {results.map((r) => (
                <CentreCard key={r.centre.id} result={r} params={params} active={selected === r.centre.id} onHover={() => setSelected(r.centre.id)} />
              ))}
            </ul>
          </div>
        </div>
      )}
    </div>
  );
}
