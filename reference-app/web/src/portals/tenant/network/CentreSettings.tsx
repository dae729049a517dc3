// The centre's "Général" tab: its place and agency, contacts, time zone, lanes, daily capacity,
// slot grid, buffer, overbooking, public holidays and the vehicle categories it inspects.
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { applyServerError } from '@/api/fieldErrors';
import { keys } from '@/api/keys';
import type { Agency, NetworkCentre } from '@/api/types';
import { VEHICLE_CATEGORY_OPTIONS } from '@/domain/vocabulary';
import { updateCentre } from '@/features/network/api';
import { CENTRE_FIELDS, HOLIDAY_POLICIES, TIME_ZONES, centreFormValues, centreSchema, toCentreUpdate, type CentreForm } from '@/features/network/schemas';
import { Alert, Button, Checkbox, FormField, Input, Select, useToast } from '@/ui';
import { PlaceFields } from './PlaceFields';

/** Props of {@link CentreSettings}. */
export interface CentreSettingsProps {
  centre: NetworkCentre;
  agencies: readonly Agency[];
}

/** The centre's general settings form. */
export function CentreSettings({ centre, agencies }: CentreSettingsProps) {
  const client = useQueryClient();
  const toast = useToast();
  const form = useForm<CentreForm>({ resolver: zodResolver(centreSchema), defaultValues: centreFormValues(centre) });
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (v: CentreForm) => updateCentre(centre.id, toCentreUpdate(v, centre)),
    onSuccess: (saved) => {
      client.setQueryData(keys.centre(saved.id), saved);
      client.invalidateQueries({ queryKey: keys.allCentres() });
      form.reset(centreFormValues(saved));
      toast('success', 'Réglages enregistrés.');
    },
    onError: (e) => setError(applyServerError(e, form.setError, CENTRE_FIELDS)),
  });
  const e = form.formState.errors;
  const number = (name: 'lanes' | 'daily_capacity' | 'grid_minutes' | 'buffer_minutes' | 'overbooking_percent') => form.register(name, { valueAsNumber: true });
  return (
    <form
      noValidate
      data-testid="centre-settings"
      className="flex max-w-3xl flex-col gap-3"
      onSubmit={form.handleSubmit((v) => {
        setError(null);
        save.mutate(v);
      })}
    >
      <FormField label="Agence" required error={e.agency_id?.message}>
        <Select options={agencies.map((a) => ({ value: a.id, label: a.name }))} {...form.register('agency_id')} />
      </FormField>
      <PlaceFields register={form.register} errors={e} />
      <div className="grid gap-3 sm:grid-cols-3">
        <FormField label="Fuseau horaire" required error={e.time_zone?.message}>
          <Select options={[...new Set([centre.time_zone, ...TIME_ZONES])].map((z) => ({ value: z, label: z }))} {...form.register('time_zone')} />
        </FormField>
        <FormField label="Lignes de contrôle" required error={e.lanes?.message} hint="De 1 à 20.">
          <Input type="number" min={1} max={20} {...number('lanes')} />
        </FormField>
        <FormField label="Capacité par jour" required error={e.daily_capacity?.message} hint="Contrôles, de 1 à 1000.">
          <Input type="number" min={1} max={1000} {...number('daily_capacity')} />
        </FormField>
        <FormField label="Grille des créneaux (min)" required error={e.grid_minutes?.message} hint="De 5 à 120 minutes.">
          <Input type="number" min={5} max={120} {...number('grid_minutes')} />
        </FormField>
        <FormField label="Battement entre contrôles (min)" required error={e.buffer_minutes?.message} hint="De 0 à 120 minutes.">
          <Input type="number" min={0} max={120} {...number('buffer_minutes')} />
        </FormField>
        <FormField label="Surréservation (%)" required error={e.overbooking_percent?.message} hint="100 % : aucune ; jusqu’à 200 %.">
          <Input type="number" min={100} max={200} {...number('overbooking_percent')} />
        </FormField>
      </div>
      <FormField
        label="Jours fériés"
        required
        error={e.holiday_policy?.message}
        hint="En Alsace et en Moselle (départements 57, 67 et 68), le Vendredi saint et le 26 décembre sont aussi fériés."
      >
        <Select options={HOLIDAY_POLICIES} {...form.register('holiday_policy')} />
      </FormField>
      <Controller
        control={form.control}
        name="vehicle_categories"
        render={({ field }) => (
          <fieldset className="flex flex-col gap-2" aria-describedby={e.vehicle_categories ? 'categories-error' : undefined}>
            <legend className="text-sm font-medium text-ink-strong dark:text-gray-100">Catégories de véhicules contrôlées</legend>
            <div className="flex flex-wrap gap-4">
              {VEHICLE_CATEGORY_OPTIONS.map((o) => (
                <Checkbox
                  key={o.value}
                  label={o.label}
                  checked={field.value.includes(o.value)}
                  onChange={(ev) => field.onChange(ev.target.checked ? [...field.value, o.value] : field.value.filter((c) => c !== o.value))}
                />
              ))}
            </div>
            {e.vehicle_categories && (
              <p id="categories-error" role="alert" className="text-xs font-medium text-status-absent">
                {e.vehicle_categories.message}
              </p>
            )}
          </fieldset>
        )}
      />
      {error && <Alert tone="error">{error}</Alert>}
      <div className="flex justify-end pt-2">
        <Button type="submit" loading={save.isPending} data-testid="centre-settings-save">
          Enregistrer
        </Button>
      </div>
    </form>
  );
}
