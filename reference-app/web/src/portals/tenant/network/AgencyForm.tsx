// /tenant/agences/nouvelle and /tenant/agences/:id/modifier: an agency's code, name, address and
// contacts. A new agency is placed at its commune by the server; an agency edited shows its
// point as a pin to drag. The server's refusals land on the field they name.
import { lazy, Suspense, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError, idempotencyKey } from '@/api/client';
import { applyServerError } from '@/api/fieldErrors';
import { keys } from '@/api/keys';
import { errorMessage } from '@/api/messages';
import type { Agency } from '@/api/types';
import { agencyQuery, createAgency, updateAgency } from '@/features/network/api';
import { PLACE_FIELDS, placeFormValues, placeSchema, toPlaceInput, toPlaceUpdate, type PlaceForm } from '@/features/network/schemas';
import { Alert, Button, Card, ErrorBoundary, Failure, Loading, PageTitle, useToast } from '@/ui';
import { PlaceFields } from './PlaceFields';

const PinMap = lazy(() => import('./PinMap'));

/** The agency form, for a new agency or `agency`. */
export function AgencyForm({ agency }: { agency?: Agency }) {
  const client = useQueryClient();
  const navigate = useNavigate();
  const toast = useToast();
  const form = useForm<PlaceForm>({ resolver: zodResolver(placeSchema), defaultValues: placeFormValues(agency) });
  const [lat, lng] = useWatch({ control: form.control, name: ['lat', 'lng'] });
  const [error, setError] = useState<string | null>(null);
  // One key per submission, kept when the answer never came.
  const submission = useRef(idempotencyKey());
  const save = useMutation({
    mutationFn: (v: PlaceForm) => (agency ? updateAgency(agency.id, toPlaceUpdate(v, agency)) : createAgency(toPlaceInput(v), submission.current)),
    onSuccess: (saved) => {
      submission.current = idempotencyKey();
      client.invalidateQueries({ queryKey: keys.agencies() });
      client.setQueryData(keys.agency(saved.id), saved);
      toast('success', agency ? 'Modifications enregistrées.' : `L’agence ${saved.name} est créée.`);
      navigate(`/tenant/agences/${saved.id}`);
    },
    onError: (e) => {
      if (!(e instanceof ApiError && e.code === 'NETWORK')) submission.current = idempotencyKey();
      setError(applyServerError(e, form.setError, PLACE_FIELDS));
    },
  });
  const back = agency ? `/tenant/agences/${agency.id}` : '/tenant/agences';
  return (
    <form
      noValidate
      data-testid="agency-form"
      className="flex max-w-2xl flex-col gap-3"
      onSubmit={form.handleSubmit((v) => {
        setError(null);
        save.mutate(v);
      })}
    >
      <PlaceFields register={form.register} errors={form.formState.errors} />
      {agency ? (
        <Card title="Position">
          <p className="mb-2 text-sm">Faites glisser l’épingle (ou cliquez sur la carte) pour placer l’agence. Sans déplacement, un nouveau code postal ou une nouvelle commune la place au centre de la commune.</p>
          <ErrorBoundary message="La carte n’a pas pu s’afficher ; l’adresse suffit à placer l’agence.">
            <Suspense fallback={<Loading />}>
              <PinMap
                lat={lat}
                lng={lng}
                onMove={(la, ln) => {
                  form.setValue('lat', la, { shouldDirty: true });
                  form.setValue('lng', ln, { shouldDirty: true });
                }}
              />
            </Suspense>
          </ErrorBoundary>
          <p className="mt-2 text-xs" data-testid="agency-point">
            {lat !== null && lng !== null ? `Latitude ${lat.toFixed(5)}, longitude ${lng.toFixed(5)}` : 'Position : celle de la commune.'}
          </p>
        </Card>
      ) : (
        <p className="text-sm">L’agence sera placée sur la carte au centre de sa commune ; vous pourrez ensuite ajuster sa position.</p>
      )}
      {error && <Alert tone="error">{error}</Alert>}
      <div className="flex justify-end gap-2 pt-2">
        <Link to={back} className="inline-flex h-10 items-center rounded-md border border-ink/30 px-4 text-sm font-semibold text-ink-strong">
          Annuler
        </Link>
        <Button type="submit" loading={save.isPending} data-testid="agency-save">
          {agency ? 'Enregistrer' : 'Créer l’agence'}
        </Button>
      </div>
    </form>
  );
}

/** /tenant/agences/nouvelle. */
export function NewAgency() {
  return (
    <div>
      <PageTitle sub="Le code est unique dans le réseau ; il est enregistré en majuscules.">Nouvelle agence</PageTitle>
      <AgencyForm />
    </div>
  );
}

/** /tenant/agences/:id/modifier. */
export function EditAgency() {
  const { id = '' } = useParams();
  const agency = useQuery(agencyQuery(id));
  if (agency.isPending) return <Loading />;
  if (agency.isError) return <Failure message={errorMessage(agency.error)} retry={() => agency.refetch()} />;
  return (
    <div>
      <PageTitle>Modifier {agency.data.name}</PageTitle>
      <AgencyForm agency={agency.data} />
    </div>
  );
}
