// Home: where, when, which vehicle and which control → the results page.
import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import type { Place } from '@/api/types';
import { today } from '@/domain/format';
import { CONTROL_TYPE_OPTIONS, VEHICLE_CATEGORY_OPTIONS } from '@/domain/vocabulary';
import { placesQuery } from '@/features/search/api';
import { Alert, Button, DatePicker, FormField, SearchBar, Select, addDays } from '@/ui';

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

/** The search form of the home page. */
export function Home() {
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [place, setPlace] = useState<Place | null>(null);
  const [coords, setCoords] = useState<{ lat: number; lng: number } | null>(null);
  const [date, setDate] = useState(today());
  const [vehicle, setVehicle] = useState('VP');
  const [control, setControl] = useState('CT');
  const [error, setError] = useState<string | null>(null);
  const [locating, setLocating] = useState(false);
  const q = useDebounced(text.trim(), 200);
  const suggestions = useQuery({
    ...placesQuery(q),
    enabled: q.length >= 2 && !coords && place?.label !== text,
    staleTime: 5 * 60_000,
  });

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    const params = new URLSearchParams({ date, vehicle_type: vehicle, control_type: control });
    if (coords) {
      params.set('lat', coords.lat.toFixed(5));
      params.set('lng', coords.lng.toFixed(5));
      params.set('label', 'Ma position');
    } else if (place && place.label === text) {
      params.set('lat', String(place.lat));
      params.set('lng', String(place.lng));
      params.set('label', place.label);
    } else if (text.trim()) {
      params.set('place', text.trim());
    } else {
      setError('Indiquez une ville, un code postal ou utilisez votre position.');
      return;
    }
    navigate(`/recherche?${params}`);
  };

  const locate = () => {
    if (!('geolocation' in navigator)) {
      setError('La géolocalisation n’est pas disponible sur cet appareil.');
      return;
    }
    setLocating(true);
    setError(null);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        setCoords({ lat: pos.coords.latitude, lng: pos.coords.longitude });
        setText('Ma position');
      },
      () => {
        setLocating(false);
        setError('Position introuvable : autorisez la localisation ou saisissez une ville.');
      },
      { timeout: 10_000, maximumAge: 300_000 },
    );
  };

  const items = (suggestions.data ?? []).map((p) => ({ id: `${p.name}-${p.postcode}`, label: p.name, detail: p.postcode, place: p }));

  return (
    <div className="mx-auto max-w-2xl">
      <section className="mb-6 text-center sm:mt-6">
        <h1 className="text-2xl font-bold text-ink-strong sm:text-3xl">Réservez votre contrôle technique</h1>
        <p className="mt-2">Comparez les prix et les disponibilités des centres près de chez vous, et payez en ligne.</p>
      </section>
      <form onSubmit={submit} className="flex flex-col gap-4 rounded-lg bg-white p-4 shadow-card sm:p-6" role="search" aria-label="Rechercher un centre">
        <SearchBar
          label="Ville ou code postal"
          placeholder="Ex. : Paris, 69003…"
          value={text}
          testId="search-location"
          onChange={(v) => {
            setText(v);
            setCoords(null);
            setError(null);
          }}
          suggestions={items}
          loading={suggestions.isFetching}
          noMatch={suggestions.isSuccess && q.length >= 2 ? 'Aucune commune trouvée' : undefined}
          onSelect={(s) => {
            const found = items.find((i) => i.id === s.id);
            if (found) {
              setPlace(found.place);
              setText(found.place.label);
            }
          }}
          onEnter={() => submit()}
        />
        <div>
          <Button variant="ghost" size="sm" onClick={locate} loading={locating} data-testid="use-location">
            <svg aria-hidden="true" viewBox="0 0 24 24" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round"><path d="M12 21s-7-6.1-7-11a7 7 0 0 1 14 0c0 4.9-7 11-7 11z" /><circle cx="12" cy="10" r="2.5" /></svg> Utiliser ma position
          </Button>
          {coords && <span className="ml-2 text-sm text-status-confirmed">Position trouvée</span>}
        </div>
        <div className="grid gap-4 sm:grid-cols-3">
          <DatePicker label="À partir du" value={date} onChange={setDate} min={today()} max={addDays(today(), 90)} testId="date-picker" today={today()} />
          <FormField label="Véhicule">
            <Select options={VEHICLE_CATEGORY_OPTIONS} value={vehicle} onChange={(e) => setVehicle(e.target.value)} data-testid="vehicle-type" />
          </FormField>
          <FormField label="Type de contrôle">
            <Select options={CONTROL_TYPE_OPTIONS} value={control} onChange={(e) => setControl(e.target.value)} data-testid="control-type" />
          </FormField>
        </div>
        {error && <Alert tone="warning">{error}</Alert>}
        <Button type="submit" size="lg" data-testid="search-button">
          Rechercher des disponibilités
        </Button>
      </form>
    </div>
  );
}
