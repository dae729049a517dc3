// /tenant/centres/nouveau: a centre's agency, code, name and address; it is created active but
// closed (no opening hours) with the server's default settings, then its page opens to set them.
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError, idempotencyKey } from '@/api/client';
import { applyServerError } from '@/api/fieldErrors';
import { errorMessage } from '@/api/messages';
import { keys } from '@/api/keys';
import type { Agency } from '@/api/types';
import { useMe } from '@/features/auth/session';
import { agenciesQuery, createCentre } from '@/features/network/api';
import { NEW_CENTRE_FIELDS, newCentreSchema, placeFormValues, toCentreInput, type NewCentreForm } from '@/features/network/schemas';
import { Alert, Button, Failure, FormField, Loading, PageTitle, Select, useToast } from '@/ui';
import { PlaceFields } from './PlaceFields';

/** The new centre page: the form, once the agencies it offers (and who chooses) are known, so
 * that the agency given by the link (`?agence=`) or the agency admin's own is chosen already. */
export default function NewCentre() {
  const me = useMe();
  const agencies = useQuery(agenciesQuery());
  if (agencies.isError) return <Failure message={errorMessage(agencies.error)} retry={() => agencies.refetch()} />;
  if (agencies.isPending || !me.data) return <Loading />;
  const own = me.data.role === 'ADMIN_AGENCE' ? (me.data.agency_id ?? null) : null;
  return <CentreCreation agencies={agencies.data.filter((a) => !own || a.id === own)} own={own} />;
}

/** The form of a new centre in one of `agencies` (`own` when the admin has one agency). */
function CentreCreation({ agencies, own }: { agencies: readonly Agency[]; own: string | null }) {
  const [params] = useSearchParams();
  const client = useQueryClient();
  const navigate = useNavigate();
  const toast = useToast();
  const form = useForm<NewCentreForm>({ resolver: zodResolver(newCentreSchema), defaultValues: { ...placeFormValues(), agency_id: own ?? params.get('agence') ?? '' } });
  // The list may be refreshed after the form shows (an agency created just before): the select
  // then shows the chosen agency among its new options.
  useEffect(() => form.setValue('agency_id', form.getValues('agency_id')), [agencies, form]);
  const [error, setError] = useState<string | null>(null);
  const submission = useRef(idempotencyKey());
  const save = useMutation({
    mutationFn: (v: NewCentreForm) => createCentre(toCentreInput(v), submission.current),
    onSuccess: (centre) => {
      submission.current = idempotencyKey();
      client.invalidateQueries({ queryKey: keys.allCentres() });
      client.invalidateQueries({ queryKey: keys.agencies() });
      client.setQueryData(keys.centre(centre.id), centre);
      toast('success', `Le centre ${centre.name} est créé : réglez ses horaires et ses tarifs.`);
      navigate(`/tenant/centres/${centre.id}`);
    },
    onError: (e) => {
      if (!(e instanceof ApiError && e.code === 'NETWORK')) submission.current = idempotencyKey();
      setError(applyServerError(e, form.setError, NEW_CENTRE_FIELDS));
    },
  });
  const choices = agencies.map((a) => ({ value: a.id, label: a.name }));
  return (
    <div>
      <PageTitle sub="Le centre est créé sans horaires : il n’offre aucun créneau tant que ses horaires ne sont pas définis.">Nouveau centre</PageTitle>
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
