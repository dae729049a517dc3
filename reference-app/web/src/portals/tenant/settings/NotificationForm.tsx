// /tenant/parametres/notifications: how the network's e-mails and SMS go out, who they come from,
// which reminders customers get, and a test e-mail to the signed-in admin.
import { useMemo } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { errorMessage } from '@/api/messages';
import type { NotificationSettings } from '@/api/types';
import { sendTestEmail } from '@/features/settings/api';
import { notificationFormValues, notificationSchema, toNotificationChange, type NotificationForm as Values } from '@/features/settings/channels';
import { sectionRename } from '@/features/settings/schemas';
import { useSaveSettings } from '@/features/settings/useSaveSettings';
import { Button, FormField, Input, Select, Switch, useToast } from '@/ui';
import { FormActions } from './FormActions';
import { SecretField } from './SecretField';

const RENAME = sectionRename('notification', [
  'email_provider',
  'smtp_host',
  'smtp_port',
  'smtp_user',
  'smtp_password',
  'smtp_tls',
  'brevo_api_key',
  'sms_provider',
  'smsmode_api_key',
  'sender_name',
  'sender_email',
]);

const EMAIL = [
  { value: 'platform', label: 'Plateforme' },
  { value: 'smtp', label: 'Serveur SMTP du réseau' },
  { value: 'brevo', label: 'Brevo' },
] as const;
const TLS = [
  { value: 'starttls', label: 'STARTTLS (port 587)' },
  { value: 'tls', label: 'TLS (port 465)' },
  { value: 'none', label: 'Aucun (relais local)' },
] as const;
const SMS = [
  { value: 'platform', label: 'Plateforme' },
  { value: 'smsmode', label: 'SMS Mode (compte du réseau)' },
  { value: 'none', label: 'Aucun SMS' },
] as const;

/** The channel a test e-mail went through, in French. */
const CHANNEL_LABEL: Record<string, string> = { smtp: 'le serveur SMTP', brevo: 'Brevo', mailbox: 'la boîte de développement' };

/** « Envoyer un test »: a test e-mail to the signed-in admin, the outcome in a toast. */
function TestEmail({ dirty }: { dirty: boolean }) {
  const toast = useToast();
  const test = useMutation({
    mutationFn: sendTestEmail,
    onSuccess: (sent) => toast('success', `E-mail de test envoyé à ${sent.recipient} par ${CHANNEL_LABEL[sent.channel] ?? sent.channel}.`),
    onError: (e) => toast('error', errorMessage(e)),
  });
  return (
    <div className="flex flex-wrap items-center gap-2 rounded-lg border border-gray-200 p-4 dark:border-gray-700">
      <p className="mr-auto text-sm">{dirty ? 'Enregistrez d’abord vos modifications : le test utilise les réglages enregistrés.' : 'Vérifiez les réglages enregistrés en vous envoyant un e-mail.'}</p>
      <Button variant="secondary" loading={test.isPending} disabled={dirty} onClick={() => test.mutate()}>
        Envoyer un test
      </Button>
    </div>
  );
}

/** The notification form, from the saved `notification`. */
export function NotificationForm({ notification }: { notification: NotificationSettings }) {
  const schema = useMemo(() => notificationSchema(notification), [notification]);
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: notificationFormValues(notification) });
  const { save, saving, error } = useSaveSettings(form, RENAME, (s) => form.reset(notificationFormValues(s.notification)));
  const [email, sms] = useWatch({ control: form.control, name: ['email_provider', 'sms_provider'] });
  const e = form.formState.errors;
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <form onSubmit={form.handleSubmit((v) => save({ notification: toNotificationChange(v, notification) }, 'notification'))} noValidate className="flex flex-col gap-3" data-testid="settings-notification">
        <fieldset className="flex flex-col gap-3 rounded-lg border border-gray-200 p-4 dark:border-gray-700">
          <legend className="px-1 text-sm font-semibold text-ink-strong dark:text-gray-100">E-mails</legend>
          <FormField label="Envoi des e-mails" error={e.email_provider?.message}>
            <Select options={EMAIL} {...form.register('email_provider')} />
          </FormField>
          {email === 'smtp' && (
            <>
              <div className="grid gap-3 sm:grid-cols-[1fr_8rem]">
                <FormField label="Hôte SMTP" required error={e.smtp_host?.message}>
                  <Input autoComplete="off" spellCheck={false} {...form.register('smtp_host')} />
                </FormField>
                <FormField label="Port" required error={e.smtp_port?.message}>
                  <Input inputMode="numeric" {...form.register('smtp_port')} />
                </FormField>
              </div>
              <FormField label="Chiffrement" error={e.smtp_tls?.message}>
                <Select options={TLS} {...form.register('smtp_tls')} />
              </FormField>
              <div className="grid gap-3 sm:grid-cols-2">
                <FormField label="Identifiant SMTP" error={e.smtp_user?.message}>
                  <Input autoComplete="off" {...form.register('smtp_user')} />
                </FormField>
                <SecretField control={form.control} name="smtp_password" label="Mot de passe SMTP" saved={notification.smtp_password} />
              </div>
            </>
          )}
          {email === 'brevo' && <SecretField control={form.control} name="brevo_api_key" label="Clé d’API Brevo" saved={notification.brevo_api_key} required hint="Commence par xkeysib-." />}
          <div className="grid gap-3 sm:grid-cols-2">
            <FormField label="Nom de l’expéditeur" error={e.sender_name?.message} hint="Vide : celui de la plateforme.">
              <Input {...form.register('sender_name')} />
            </FormField>
            <FormField label="Adresse de l’expéditeur" error={e.sender_email?.message} hint="Vide : celle de la plateforme.">
              <Input type="email" {...form.register('sender_email')} />
            </FormField>
          </div>
        </fieldset>
        <fieldset className="flex flex-col gap-3 rounded-lg border border-gray-200 p-4 dark:border-gray-700">
          <legend className="px-1 text-sm font-semibold text-ink-strong dark:text-gray-100">SMS</legend>
          <FormField label="Envoi des SMS" error={e.sms_provider?.message}>
            <Select options={SMS} {...form.register('sms_provider')} />
          </FormField>
          {sms === 'smsmode' && <SecretField control={form.control} name="smsmode_api_key" label="Clé d’API SMS Mode" saved={notification.smsmode_api_key} required />}
        </fieldset>
        <fieldset className="flex flex-col gap-3 rounded-lg border border-gray-200 p-4 dark:border-gray-700">
          <legend className="px-1 text-sm font-semibold text-ink-strong dark:text-gray-100">Rappels aux clients</legend>
          <Controller control={form.control} name="reminder_j1" render={({ field }) => <Switch label="Rappel la veille (J-1)" checked={field.value} onChange={field.onChange} />} />
          <Controller control={form.control} name="reminder_h2" render={({ field }) => <Switch label="Rappel deux heures avant (H-2)" checked={field.value} onChange={field.onChange} />} />
        </fieldset>
        <FormActions dirty={form.formState.isDirty} saving={saving} error={error} onReset={() => form.reset()} />
      </form>
      <TestEmail dirty={form.formState.isDirty} />
    </div>
  );
}
