// The page an invitation e-mail links to (/definir-mot-de-passe?token=…): the invited person
// chooses a password, is signed in and lands on the home of their portal.
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { ApiError } from '@/api/client';
import { applyServerError } from '@/api/fieldErrors';
import { errorMessage } from '@/api/messages';
import { setPassword } from '@/features/auth/api';
import { useLandAfterSignIn } from '@/features/auth/landing';
import { setPasswordSchema, type SetPasswordForm } from '@/features/auth/schemas';
import { Alert, Button, Card, FormField, Input, PageTitle } from '@/ui';

/** The link cannot be used: why, and what to do. */
function DeadLink({ reason }: { reason: string }) {
  return (
    <Alert tone="error" title="Lien d’invitation invalide">
      <p>{reason}</p>
      <p className="mt-2">
        Demandez à l’administrateur de votre réseau de vous inviter à nouveau : vous recevrez un nouveau lien par e-mail. Si vous avez déjà choisi votre mot de
        passe,{' '}
        <Link to="/connexion" className="font-semibold underline">
          connectez-vous
        </Link>
        .
      </p>
    </Alert>
  );
}

/** The set-password page. */
export default function SetPassword() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const done = useLandAfterSignIn();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<SetPasswordForm>({ resolver: zodResolver(setPasswordSchema), defaultValues: { password: '', confirm: '' } });
  const mutation = useMutation({
    mutationFn: (v: SetPasswordForm) => setPassword({ token, password: v.password }),
    onSuccess: done,
    onError: (e) => setError(e instanceof ApiError && e.code === 'INVALID_TOKEN' ? null : applyServerError(e, form.setError, ['password'])),
  });
  const deadToken = mutation.error instanceof ApiError && mutation.error.code === 'INVALID_TOKEN';
  const e = form.formState.errors;
  return (
    <div className="mx-auto max-w-md">
      <PageTitle sub="Bienvenue ! Choisissez le mot de passe de votre compte pour terminer votre inscription.">Définir mon mot de passe</PageTitle>
      <Card>
        {!token || deadToken ? (
          <div data-testid="invalid-token">
            <DeadLink reason={token ? errorMessage(mutation.error) : 'Ce lien est incomplet : il ne contient pas de code d’invitation.'} />
          </div>
        ) : (
          <form
            onSubmit={form.handleSubmit((v) => {
              setError(null);
              mutation.mutate(v);
            })}
            noValidate
            className="flex flex-col gap-3"
            data-testid="set-password-form"
          >
            <FormField label="Mot de passe" required error={e.password?.message} hint="8 caractères minimum, dont une lettre et un chiffre.">
              <Input type="password" autoComplete="new-password" {...form.register('password')} data-testid="set-password" />
            </FormField>
            <FormField label="Confirmer le mot de passe" required error={e.confirm?.message}>
              <Input type="password" autoComplete="new-password" {...form.register('confirm')} data-testid="set-password-confirm" />
            </FormField>
            {error && <Alert tone="error">{error}</Alert>}
            <Button type="submit" loading={mutation.isPending} data-testid="set-password-button">
              Enregistrer et me connecter
            </Button>
          </form>
        )}
      </Card>
    </div>
  );
}
