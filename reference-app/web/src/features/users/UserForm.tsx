// The form that creates a staff account (the person is invited by e-mail) or edits one: the
// roles offered are those the signed-in user may grant; the agency or centre appears when the
// chosen role needs one; the server's refusals land on the field they name.
import { useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, idempotencyKey } from '@/api/client';
import { applyServerError } from '@/api/fieldErrors';
import { keys } from '@/api/keys';
import type { Agency, NetworkCentre, StaffUser } from '@/api/types';
import { roleLabel, type Role } from '@/domain/vocabulary';
import { Alert, Button, FormField, Input, Select } from '@/ui';
import { createUser, updateUser } from './api';
import { scopeOf } from './grants';
import { USER_FIELDS, toCreateBody, toUpdateBody, userFormValues, userSchema, type UserForm as Values } from './schemas';

/** Props of {@link UserForm}. */
export interface UserFormProps {
  /** The account edited; a new account when left out. */
  user?: StaffUser;
  /** The roles the signed-in user may grant. */
  grantable: readonly Role[];
  /** The agencies and centres the signed-in user may read. */
  agencies: readonly Agency[];
  centres: readonly NetworkCentre[];
  /** The account edited is the signed-in user's: its role and place are not theirs to change. */
  ownAccount?: boolean;
  /** Called with the account the server saved. */
  onSaved: (user: StaffUser) => void;
  onCancel: () => void;
}

/** Creates or edits a staff account. */
export function UserForm({ user, grantable, agencies, centres, ownAccount, onSaved, onCancel }: UserFormProps) {
  const client = useQueryClient();
  const roles = user && !grantable.includes(user.role) ? [user.role, ...grantable] : grantable;
  const centreAgency = centres.find((c) => c.id === user?.centre_id)?.agency_id;
  const form = useForm<Values>({ resolver: zodResolver(userSchema(roles)), defaultValues: userFormValues(user, centreAgency ?? (agencies.length === 1 ? agencies[0]!.id : undefined)) });
  const [role, agencyId] = useWatch({ control: form.control, name: ['role', 'agency_id'] });
  const scope = scopeOf(role);
  const [error, setError] = useState<string | null>(null);
  // One key per submission: kept when the answer never came (the same submission is sent
  // again), renewed once the server answered.
  const submission = useRef(idempotencyKey());
  const save = useMutation({
    mutationFn: (v: Values) => (user ? updateUser(user.id, toUpdateBody(v, user)) : createUser(toCreateBody(v), submission.current)),
    onSuccess: (saved) => {
      submission.current = idempotencyKey();
      client.invalidateQueries({ queryKey: keys.users.all() });
      onSaved(saved);
    },
    onError: (e) => {
      if (!(e instanceof ApiError && e.code === 'NETWORK')) submission.current = idempotencyKey();
      setError(applyServerError(e, form.setError, USER_FIELDS));
    },
  });
  const e = form.formState.errors;
  const agencyOptions = agencies.map((a) => ({ value: a.id, label: a.name }));
  const centreOptions = centres.filter((c) => !agencyId || c.agency_id === agencyId).map((c) => ({ value: c.id, label: c.name }));
  const agencyField = form.register('agency_id', {
    // A centre of another agency is no longer a choice.
    onChange: (ev: { target: { value: string } }) => {
      const centre = centres.find((c) => c.id === form.getValues('centre_id'));
      if (centre && ev.target.value && centre.agency_id !== ev.target.value) form.setValue('centre_id', '');
    },
  });
  return (
    <form
      onSubmit={form.handleSubmit((v) => {
        setError(null);
        save.mutate(v);
      })}
      noValidate
      className="flex flex-col gap-3"
      data-testid="user-form"
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <FormField label="Prénom" required error={e.first_name?.message}>
          <Input autoComplete="off" {...form.register('first_name')} data-testid="user-first-name" />
        </FormField>
        <FormField label="Nom" required error={e.last_name?.message}>
          <Input autoComplete="off" {...form.register('last_name')} data-testid="user-last-name" />
        </FormField>
      </div>
      <FormField label="E-mail" required error={e.email?.message} hint={user ? 'L’adresse de connexion ne se modifie pas.' : 'L’invitation à choisir un mot de passe y sera envoyée.'}>
        <Input type="email" autoComplete="off" readOnly={Boolean(user)} {...form.register('email')} data-testid="user-email" />
      </FormField>
      <FormField label="Téléphone" error={e.phone?.message} hint="Facultatif.">
        <Input type="tel" autoComplete="off" {...form.register('phone')} data-testid="user-phone" />
      </FormField>
      {ownAccount && user ? (
        <div className="text-sm" data-testid="user-own-access">
          <p className="font-medium text-ink-strong dark:text-gray-100">
            {roleLabel(user.role)}
            {user.centre_id ? ` · ${centres.find((c) => c.id === user.centre_id)?.name ?? ''}` : user.agency_id ? ` · ${agencies.find((a) => a.id === user.agency_id)?.name ?? ''}` : ''}
          </p>
          <p className="text-xs">Votre rôle et votre périmètre se changent par un autre administrateur.</p>
        </div>
      ) : (
        <FormField label="Rôle" required error={e.role?.message}>
          <Select options={roles.map((r) => ({ value: r, label: roleLabel(r) }))} placeholder="Choisir un rôle…" {...form.register('role')} data-testid="user-role" />
        </FormField>
      )}
      {!ownAccount && scope !== 'network' && (
        <FormField label="Agence" required={scope === 'agency'} error={e.agency_id?.message} hint={scope === 'centre' ? 'Pour trouver le centre plus vite.' : undefined}>
          <Select options={agencyOptions} placeholder={scope === 'centre' ? 'Toutes les agences' : 'Choisir une agence…'} {...agencyField} data-testid="user-agency" />
        </FormField>
      )}
      {!ownAccount && scope === 'centre' && (
        <FormField label="Centre" required error={e.centre_id?.message}>
          <Select options={centreOptions} placeholder="Choisir un centre…" {...form.register('centre_id')} data-testid="user-centre" />
        </FormField>
      )}
      {error && <Alert tone="error">{error}</Alert>}
      <div className="flex justify-end gap-2 pt-2">
        <Button variant="secondary" onClick={onCancel}>
          Annuler
        </Button>
        <Button type="submit" loading={save.isPending} data-testid="user-save">
          {user ? 'Enregistrer' : 'Créer et inviter'}
        </Button>
      </div>
    </form>
  );
}
