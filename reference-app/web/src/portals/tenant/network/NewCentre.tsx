// /tenant/centres/nouveau: a centre's agency, code, name and address; it is created closed and
// inactive with the server's default settings, then its page opens to set them.
import { useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError, idempotencyKey } from '@/api/client';
import { applyServerError } from '@/api/fieldErrors';
import { keys } from '@/api/keys';
import { useMe } from '@/features/auth/session';
import { agenciesQuery, createCentre } from '@/features/network/api';
import { NEW_CENTRE_FIELDS, newCentreSchema, placeFormValues, toCentreInput, type NewCentreForm } from '@/features/network/schemas';
import { Alert, Button, FormField, PageTitle, Select, useToast } from '@/ui';
import { PlaceFields } from './PlaceFields';

/** The new centre page. */
export default function NewCentre() {
  const me = useMe();
  const [params] = useSearchParams();
  const agencies = useQuery(agenciesQuery());
  const client = useQueryClient();
  const navigate = useNavigate();
  const toast = useToast();
  const own = me.data?.role === 'ADMIN_AGENCE' ? me.data.agency_id : null;
  const form = useForm<NewCentreForm>({ resolver: zodResolver(newCentreSchema), defaultValues: { ...placeFormValues(), agency_id: own ?? params.get('agence') ?? '' } });
  const [error, setError] = useState<string | null>(null);
  const submission = useRef(idempotencyKey());
  const save = useMutation({
    mutationFn: (v: NewCentreForm) => createCentre(toCentreInput(v), submission.current),
    onSuccess: (centre) => {
      submission.current = idempotencyKey();
      client.invalidateQueries({ queryKey: keys.allCentres() });
      client.invalidateQueries({ queryKey: keys.agencies() });
      client.setQueryData(keys.centre(centre.id), centre);
      toast('success', `Le centre ${centre.name} est créé : réglez ses horaires et ses tarifs, puis activez-le.`);
      navigate(`/tenant/centres/${centre.id}`);
    },
    onError: (e) => {
      if (!(e instanceof ApiError && e.code === 'NETWORK')) submission.current = idempotencyKey();
      setError(applyServerError(e, form.setError, NEW_CENTRE_FIELDS));
    },
  });
  const choices = (agencies.data ?? []).filter((a) => !own || a.id === own).map((a) => ({ value: a.id, label: a.name }));
  return (
    <div>
      <PageTitle sub="Le centre est créé fermé et inactif : il rejoint la recherche une fois ses horaires définis et activé.">Nouveau centre</PageTitle>
      <form
        noValidate
        data-testid="centre-form"
        className="flex max-w-2xl flex-col gap-3"
        onSubmit={form.handleSubmit((v) => {
          setError(null);
          save.mutate(v);
        })}
      >
        <FormField label="Agence" required error={form.formState.errors.agency_id?.message}>
          <Select options={choices} placeholder="Choisir une agence…" {...form.register('agency_id')} />
        </FormField>
        <PlaceFields register={form.register} errors={form.formState.errors} />
        {error && <Alert tone="error">{error}</Alert>}
        <div className="flex justify-end gap-2 pt-2">
          <Link to="/tenant/centres" className="inline-flex h-10 items-center rounded-md border border-ink/30 px-4 text-sm font-semibold text-ink-strong">
            Annuler
          </Link>
          <Button type="submit" loading={save.isPending} data-testid="centre-save">
            Créer le centre
          </Button>
        </div>
      </form>
    </div>
  );
}
