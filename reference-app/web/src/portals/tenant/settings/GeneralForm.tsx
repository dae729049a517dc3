// /tenant/parametres/general: the network's identity and contacts.
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { GeneralSettings } from '@/api/types';
import { generalSchema, sectionRename, toGeneralChange, type GeneralForm as Values } from '@/features/settings/schemas';
import { useSaveSettings } from '@/features/settings/useSaveSettings';
import { FormField, Input } from '@/ui';
import { FormActions } from './FormActions';

const FIELDS = ['name', 'legal_name', 'siret', 'address', 'postcode', 'city', 'phone', 'email'] as const;

/** The identity form, from the saved `general`. */
export function GeneralForm({ general }: { general: GeneralSettings }) {
  const form = useForm<Values>({ resolver: zodResolver(generalSchema), defaultValues: general });
  const { save, saving, error } = useSaveSettings(form, sectionRename('general', FIELDS), (s) => form.reset(s.general));
  const e = form.formState.errors;
  return (
    <form onSubmit={form.handleSubmit((v) => save({ general: toGeneralChange(v, general) }, 'general'))} noValidate className="flex max-w-3xl flex-col gap-3" data-testid="settings-general">
      <div className="grid gap-3 sm:grid-cols-2">
        <FormField label="Nom du réseau" required error={e.name?.message} hint="Le nom affiché aux clients et au personnel.">
          <Input {...form.register('name')} />
        </FormField>
        <FormField label="Raison sociale" error={e.legal_name?.message} hint="Le nom légal, sur les factures.">
          <Input {...form.register('legal_name')} />
        </FormField>
      </div>
      <FormField label="SIRET" error={e.siret?.message} hint="14 chiffres, espaces permis.">
        <Input inputMode="numeric" autoComplete="off" {...form.register('siret')} />
      </FormField>
      <FormField label="Adresse" error={e.address?.message}>
        <Input autoComplete="street-address" {...form.register('address')} />
      </FormField>
      <div className="grid gap-3 sm:grid-cols-[10rem_1fr]">
        <FormField label="Code postal" error={e.postcode?.message}>
          <Input inputMode="numeric" autoComplete="postal-code" {...form.register('postcode')} />
        </FormField>
        <FormField label="Ville" error={e.city?.message}>
          <Input autoComplete="address-level2" {...form.register('city')} />
        </FormField>
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <FormField label="Téléphone" error={e.phone?.message}>
          <Input type="tel" {...form.register('phone')} />
        </FormField>
        <FormField label="E-mail de contact" error={e.email?.message}>
          <Input type="email" {...form.register('email')} />
        </FormField>
      </div>
      <FormActions dirty={form.formState.isDirty} saving={saving} error={error} onReset={() => form.reset()} />
    </form>
  );
}
