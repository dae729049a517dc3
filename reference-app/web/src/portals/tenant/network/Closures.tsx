// The centre's "Fermetures" tab: its exceptional closures (recent and to come) with the bookings
// each covers, a new one from a local start to a local end with its reason, and removal.
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { applyServerError } from '@/api/fieldErrors';
import { keys } from '@/api/keys';
import { errorMessage } from '@/api/messages';
import type { Closure, NetworkCentre } from '@/api/types';
import { closuresQuery, createClosure, deleteClosure } from '@/features/network/api';
import { Alert, Button, ConfirmDialog, Empty, Failure, FormField, Input, Loading, useToast } from '@/ui';

const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const schema = z
  .object({
    start: z.string().regex(LOCAL, 'Date et heure de début requises.'),
    end: z.string().regex(LOCAL, 'Date et heure de fin requises.'),
    reason: z.string().trim().max(200, '200 caractères au plus.'),
  })
  .refine((v) => v.end > v.start, { path: ['end'], message: 'La fin doit suivre le début.' });
type Values = z.input<typeof schema>;

/** "2027-05-01T08:00" as "01/05/2027 08:00". */
const local = (at: string) => `${at.slice(8, 10)}/${at.slice(5, 7)}/${at.slice(0, 4)} ${at.slice(11, 16)}`;

/** The closures of `centre`. */
export function Closures({ centre }: { centre: NetworkCentre }) {
  const client = useQueryClient();
  const toast = useToast();
  const closures = useQuery(closuresQuery(centre.id));
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { start: '', end: '', reason: '' } });
  const [error, setError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Closure | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: keys.closures(centre.id) });
  const add = useMutation({
    mutationFn: (v: Values) => createClosure(centre.id, { start: v.start, end: v.end, ...(v.reason.trim() ? { reason: v.reason.trim() } : {}) }),
    onSuccess: (closure) => {
      form.reset();
      toast(closure.bookings > 0 ? 'warning' : 'success', closure.bookings > 0 ? `Fermeture ajoutée : ${closure.bookings} rendez-vous restent à reprogrammer.` : 'Fermeture ajoutée.');
    },
    onError: (e) => setError(applyServerError(e, form.setError, ['start', 'end', 'reason'])),
    onSettled: refresh,
  });
  const remove = useMutation({
    mutationFn: (c: Closure) => deleteClosure(centre.id, c.id),
    onSuccess: () => toast('success', 'Fermeture supprimée.'),
    onError: (e) => toast('error', errorMessage(e)),
    onSettled: () => {
      setRemoving(null);
      return refresh();
    },
  });
  const e = form.formState.errors;
  return (
    <div className="flex max-w-3xl flex-col gap-4" data-testid="closures">
      {closures.isPending ? (
        <Loading />
      ) : closures.isError ? (
        <Failure message={errorMessage(closures.error)} retry={() => closures.refetch()} />
      ) : closures.data.length === 0 ? (
        <Empty title="Aucune fermeture exceptionnelle.">Ajoutez-en une ci-dessous : travaux, inventaire, pont…</Empty>
      ) : (
        <ul className="flex flex-col gap-2" aria-label="Fermetures">
          {closures.data.map((c) => (
            <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-gray-200 p-3 text-sm dark:border-gray-600" data-testid="closure">
              <div>
                <p className="font-medium text-ink-strong dark:text-gray-100">
                  Du {local(c.start)} au {local(c.end)}
                </p>
                <p>
                  {c.reason || 'Sans motif'} · {c.bookings === 0 ? 'aucun rendez-vous concerné' : `${c.bookings} rendez-vous concerné(s), non annulé(s)`}
                </p>
              </div>
              <Button variant="ghost" size="sm" onClick={() => setRemoving(c)} aria-label={`Supprimer la fermeture du ${local(c.start)}`}>
                Supprimer
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form
        noValidate
        className="flex flex-col gap-3 rounded-lg border border-gray-200 p-3 dark:border-gray-600"
        aria-label="Nouvelle fermeture"
        onSubmit={form.handleSubmit((v) => {
          setError(null);
          add.mutate(v);
        })}
      >
        <h3 className="text-base font-semibold text-ink-strong dark:text-gray-100">Nouvelle fermeture</h3>
        <div className="grid gap-3 sm:grid-cols-2">
          <FormField label="Début" required error={e.start?.message} hint="Heure locale du centre.">
            <Input type="datetime-local" {...form.register('start')} />
          </FormField>
          <FormField label="Fin" required error={e.end?.message} hint="Exclue : le centre rouvre à cette heure.">
            <Input type="datetime-local" {...form.register('end')} />
          </FormField>
        </div>
        <FormField label="Motif" error={e.reason?.message} hint="Facultatif.">
          <Input autoComplete="off" {...form.register('reason')} />
        </FormField>
        <p className="text-xs">Les rendez-vous déjà pris pendant la fermeture ne sont pas annulés : prévenez les clients concernés.</p>
        {error && <Alert tone="error">{error}</Alert>}
        <div className="flex justify-end">
          <Button type="submit" loading={add.isPending} data-testid="closure-add">
            Ajouter la fermeture
          </Button>
        </div>
      </form>
      <ConfirmDialog
        open={removing !== null}
        onClose={() => !remove.isPending && setRemoving(null)}
        onConfirm={() => removing && remove.mutate(removing)}
        pending={remove.isPending}
        danger
        title="Supprimer cette fermeture ?"
        confirmLabel="Supprimer"
      >
        {removing && (
          <p>
            Du {local(removing.start)} au {local(removing.end)} : les créneaux de cette période redeviennent réservables.
          </p>
        )}
      </ConfirmDialog>
    </div>
  );
}
