// /tenant/parametres/paiement: who charges the network's customers — the platform's provider, or
// the network's own Stripe account with its keys (the secret ones write-only).
import { useMemo } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { PaymentSettings } from '@/api/types';
import { paymentFormValues, paymentSchema, toPaymentChange, type PaymentForm as Values } from '@/features/settings/channels';
import { sectionRename } from '@/features/settings/schemas';
import { useSaveSettings } from '@/features/settings/useSaveSettings';
import { Alert, FormField, Input, Select } from '@/ui';
import { FormActions } from './FormActions';
import { SecretField } from './SecretField';

const RENAME = sectionRename('payment', ['provider', 'stripe_publishable_key', 'stripe_secret_key', 'stripe_webhook_secret']);

const PROVIDERS = [
  { value: 'sandbox', label: 'Plateforme (paiement de test)' },
  { value: 'stripe', label: 'Stripe (compte du réseau)' },
] as const;

/** The payment form, from the saved `payment`. */
export function PaymentForm({ payment }: { payment: PaymentSettings }) {
  const schema = useMemo(() => paymentSchema(payment), [payment]);
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: paymentFormValues(payment) });
  const { save, saving, error } = useSaveSettings(form, RENAME, (s) => form.reset(paymentFormValues(s.payment)));
  const provider = useWatch({ control: form.control, name: 'provider' });
  const e = form.formState.errors;
  return (
    <form onSubmit={form.handleSubmit((v) => save({ payment: toPaymentChange(v, payment) }, 'payment'))} noValidate className="flex max-w-3xl flex-col gap-3" data-testid="settings-payment">
      <FormField label="Prestataire de paiement" error={e.provider?.message} hint="Stripe encaisse les paiements des clients du réseau sur son propre compte.">
        <Select options={PROVIDERS} {...form.register('provider')} />
      </FormField>
      {provider === 'sandbox' && <Alert tone="info">Les paiements passent par le prestataire de la plateforme. Renseignez les clés Stripe du réseau pour encaisser sur son compte.</Alert>}
      <FormField label="Clé publiable Stripe" required={provider === 'stripe'} error={e.stripe_publishable_key?.message} hint="Commence par pk_test_ ou pk_live_.">
        <Input autoComplete="off" spellCheck={false} {...form.register('stripe_publishable_key')} />
      </FormField>
      <SecretField control={form.control} name="stripe_secret_key" label="Clé secrète Stripe" saved={payment.stripe_secret_key} required={provider === 'stripe'} hint="Commence par sk_test_ ou sk_live_. Elle est chiffrée et ne sera plus jamais affichée." />
      <SecretField control={form.control} name="stripe_webhook_secret" label="Secret de signature des webhooks" saved={payment.stripe_webhook_secret} hint="Commence par whsec_." />
      <FormActions dirty={form.formState.isDirty} saving={saving} error={error} onReset={() => form.reset()} />
    </form>
  );
}
