// Login and sign-up, in the portal's network (see features/auth/api.ts).
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { ApiError } from '@/api/client';
import { applyServerError } from '@/api/fieldErrors';
import { login, register as signUp } from '@/features/auth/api';
import { useLandAfterSignIn } from '@/features/auth/landing';
import { loginSchema, signupSchema, type LoginForm, type SignupForm } from '@/features/auth/schemas';
import { Alert, Button, Card, FormField, Input, PageTitle } from '@/ui';

/** The login page. */
export function Login() {
  const done = useLandAfterSignIn();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<LoginForm>({ resolver: zodResolver(loginSchema), defaultValues: { email: '', password: '' } });
  const mutation = useMutation({
    mutationFn: login,
    onSuccess: done,
    onError: (e) => setError(e instanceof ApiError && e.status === 401 ? 'Adresse e-mail ou mot de passe incorrect.' : applyServerError(e, form.setError, ['email', 'password'])),
  });
  const e = form.formState.errors;
  return (
    <div className="mx-auto max-w-md">
      <PageTitle>Connexion</PageTitle>
      <Card>
        <form onSubmit={form.handleSubmit((v) => { setError(null); mutation.mutate(v); })} noValidate className="flex flex-col gap-3" data-testid="login-form">
          <FormField label="E-mail" required error={e.email?.message}>
            <Input type="email" autoComplete="email" {...form.register('email')} data-testid="login-email" />
          </FormField>
          <FormField label="Mot de passe" required error={e.password?.message}>
            <Input type="password" autoComplete="current-password" {...form.register('password')} data-testid="login-password" />
          </FormField>
          {error && <Alert tone="error">{error}</Alert>}
          <Button type="submit" loading={mutation.isPending} data-testid="login-button">
            Se connecter
          </Button>
        </form>
      </Card>
      <p className="mt-4 text-center text-sm">
        Pas encore de compte ?{' '}
        <Link to={`/inscription${params.get('next') ? `?next=${encodeURIComponent(params.get('next')!)}` : ''}`} className="font-semibold underline" data-testid="goto-signup">
          Créer un compte
        </Link>
      </p>
    </div>
  );
}

/** The sign-up page. */
export function Signup() {
  const done = useLandAfterSignIn();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<SignupForm>({
    resolver: zodResolver(signupSchema),
    defaultValues: { first_name: '', last_name: '', email: '', phone: '', password: '', confirm: '' },
  });
  const mutation = useMutation({
    mutationFn: (v: SignupForm) =>
      signUp({ email: v.email.trim(), password: v.password, first_name: v.first_name.trim(), last_name: v.last_name.trim(), phone: v.phone ? v.phone.trim() : undefined }),
    onSuccess: done,
    onError: (e) => setError(applyServerError(e, form.setError, ['first_name', 'last_name', 'email', 'phone', 'password'])),
  });
  const e = form.formState.errors;
  return (
    <div className="mx-auto max-w-md">
      <PageTitle sub="Retrouvez vos rendez-vous et vos véhicules, et réservez plus vite.">Créer un compte</PageTitle>
      <Card>
        <form onSubmit={form.handleSubmit((v) => { setError(null); mutation.mutate(v); })} noValidate className="flex flex-col gap-3" data-testid="signup-form">
          <div className="grid gap-3 sm:grid-cols-2">
            <FormField label="Prénom" required error={e.first_name?.message}>
              <Input autoComplete="given-name" {...form.register('first_name')} data-testid="signup-first-name" />
            </FormField>
            <FormField label="Nom" required error={e.last_name?.message}>
              <Input autoComplete="family-name" {...form.register('last_name')} data-testid="signup-last-name" />
            </FormField>
          </div>
          <FormField label="E-mail" required error={e.email?.message}>
            <Input type="email" autoComplete="email" {...form.register('email')} data-testid="signup-email" />
          </FormField>
          <FormField label="Téléphone" error={e.phone?.message} hint="Facultatif, pour les rappels par SMS.">
            <Input type="tel" autoComplete="tel" {...form.register('phone')} data-testid="signup-phone" />
          </FormField>
          <FormField label="Mot de passe" required error={e.password?.message} hint="8 caractères minimum, dont une lettre et un chiffre.">
            <Input type="password" autoComplete="new-password" {...form.register('password')} data-testid="signup-password" />
          </FormField>
          <FormField label="Confirmer le mot de passe" required error={e.confirm?.message}>
            <Input type="password" autoComplete="new-password" {...form.register('confirm')} data-testid="signup-confirm" />
          </FormField>
          {error && <Alert tone="error">{error}</Alert>}
          <Button type="submit" loading={mutation.isPending} data-testid="signup-button">
            Créer mon compte
          </Button>
        </form>
      </Card>
      <p className="mt-4 text-center text-sm">
        Déjà un compte ?{' '}
        <Link to="/connexion" className="font-semibold underline">
          Se connecter
        </Link>
      </p>
    </div>
  );
}
