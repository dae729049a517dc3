// /tenant/parametres/regles: the booking rules every centre of the network applies.
import type { ReactNode } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { BookingPolicy } from '@/api/types';
import { durationLabel, toMinutes } from '@/features/settings/duration';
import { policyFormValues, policySchema, sectionRename, toPolicyChange, type PolicyForm as Values } from '@/features/settings/schemas';
import { useSaveSettings } from '@/features/settings/useSaveSettings';
import { Checkbox, FormField, Input } from '@/ui';
import { FormActions } from './FormActions';

const RENAME = {
  ...sectionRename('booking_policy', [
    'horizon_days',
    'modification_deadline_hours',
    'cancellation_deadline_hours',
    'refund_before_deadline_percent',
    'refund_after_deadline_percent',
    'recheck_window_months',
    'overbooking_percent',
    'fill_warning_percent',
    'hold_minutes',
  ]),
  'booking_policy.min_notice_minutes': 'notice_hours',
};

/** A titled group of rules. */
function Group({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="grid gap-3 rounded-lg border border-gray-200 p-4 sm:grid-cols-2 dark:border-gray-700">
      <legend className="px-1 text-sm font-semibold text-ink-strong dark:text-gray-100">{title}</legend>
      {children}
    </fieldset>
  );
}

/** The booking rules form, from the saved `policy`. */
export function PolicyForm({ policy }: { policy: BookingPolicy }) {
  const form = useForm<Values>({ resolver: zodResolver(policySchema), defaultValues: policyFormValues(policy) });
  const { save, saving, error } = useSaveSettings(form, RENAME, (s) => form.reset(policyFormValues(s.booking_policy)));
  const [hours, minutes] = useWatch({ control: form.control, name: ['notice_hours', 'notice_minutes'] });
  const notice = Number.isInteger(hours) && Number.isInteger(minutes) ? toMinutes({ hours, minutes }) : null;
  const e = form.formState.errors;
  const number = (name: Exclude<keyof Values, 'late_cancellation_allowed'>) => <Input type="number" inputMode="numeric" {...form.register(name, { valueAsNumber: true })} />;
  return (
    <form onSubmit={form.handleSubmit((v) => save({ booking_policy: toPolicyChange(v, policy) }, 'booking_policy'))} noValidate className="flex max-w-3xl flex-col gap-4" data-testid="settings-policy">
      <Group title="Réservation">
        <div className="grid grid-cols-2 gap-2">
          <FormField label="Délai minimum (heures)" error={e.notice_hours?.message} hint={notice === null ? 'Entre la réservation et le contrôle.' : `Entre la réservation et le contrôle : ${durationLabel(notice)}.`}>
            {number('notice_hours')}
          </FormField>
          <FormField label="et minutes" error={e.notice_minutes?.message}>
            {number('notice_minutes')}
          </FormField>
        </div>
        <FormField label="Horizon de réservation (jours)" error={e.horizon_days?.message} hint="Jusqu’à combien de jours à l’avance un client peut réserver (1 à 730).">
          {number('horizon_days')}
        </FormField>
        <FormField label="Durée de blocage avant paiement (minutes)" error={e.hold_minutes?.message} hint="Un créneau réservé non payé est libéré après ce délai (1 à 120).">
          {number('hold_minutes')}
        </FormField>
        <FormField label="Fenêtre de contre-visite (mois)" error={e.recheck_window_months?.message} hint="La contre-visite doit avoir lieu dans ce délai après le contrôle défavorable (1 à 24).">
          {number('recheck_window_months')}
        </FormField>
      </Group>
      <Group title="Modification et annulation">
        <FormField label="Délai de modification (heures)" error={e.modification_deadline_hours?.message} hint="Un rendez-vous se déplace jusqu’à ce nombre d’heures avant son début (720 au plus).">
          {number('modification_deadline_hours')}
        </FormField>
        <FormField label="Délai d’annulation (heures)" error={e.cancellation_deadline_hours?.message} hint="Annuler avant ce délai donne le remboursement plein (720 au plus).">
          {number('cancellation_deadline_hours')}
        </FormField>
        <FormField label="Remboursement avant le délai (%)" error={e.refund_before_deadline_percent?.message} hint="Part du prix remboursée pour une annulation à temps (0 à 100).">
          {number('refund_before_deadline_percent')}
        </FormField>
        <FormField label="Remboursement après le délai (%)" error={e.refund_after_deadline_percent?.message} hint="Part remboursée pour une annulation tardive, au plus celle d’avant le délai.">
          {number('refund_after_deadline_percent')}
        </FormField>
        <div className="sm:col-span-2">
          <Checkbox label="Accepter les annulations tardives" {...form.register('late_cancellation_allowed')} />
          <p className="mt-1 text-xs text-ink">Sinon, un rendez-vous ne s’annule plus en ligne après le délai.</p>
        </div>
      </Group>
      <Group title="Capacité des centres">
        <FormField label="Surréservation (%)" error={e.overbooking_percent?.message} hint="Rendez-vous acceptés par jour, en part de la capacité du centre (100 à 200).">
          {number('overbooking_percent')}
        </FormField>
        <FormField label="Alerte de remplissage (%)" error={e.fill_warning_percent?.message} hint="Au-delà de ce remplissage, le responsable du centre est averti (1 à 200).">
          {number('fill_warning_percent')}
        </FormField>
      </Group>
      <FormActions dirty={form.formState.isDirty} saving={saving} error={error} onReset={() => form.reset()} />
    </form>
  );
}
