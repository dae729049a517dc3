// The 403 page: a signed-in user opened a portal of another role.
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { roleLabel } from '@/domain/vocabulary';
import { Button } from '@/ui';
import { useHomes } from './landing';
import { signInPath } from './roles';
import { useSignOut } from './session';

/** "Accès refusé", who is signed in, the way back to their own home and a switch of account. */
export function Forbidden({ role }: { role: string }) {
  const { home } = useHomes();
  const location = useLocation();
  const navigate = useNavigate();
  const { signOut, leaving } = useSignOut();
  const switchAccount = async () => {
    const here = location.pathname + location.search;
    await signOut();
    navigate(signInPath(here), { replace: true });
  };
  return (
    <main className="mx-auto flex min-h-dvh max-w-lg flex-col justify-center gap-4 px-4 py-10" data-testid="forbidden">
      <p className="text-sm font-semibold text-brand-700">Erreur 403</p>
      <h1 className="text-2xl font-bold text-ink-strong">Accès refusé</h1>
      <p>
        Cet espace est réservé à d’autres rôles. Vous êtes connecté en tant que <strong>{roleLabel(role)}</strong>.
      </p>
      <div className="flex flex-wrap gap-2">
        <Link
          to={home(role)}
          className="inline-flex h-10 items-center rounded-md bg-brand-500 px-4 text-sm font-semibold text-ink-strong hover:bg-brand-600"
          data-testid="forbidden-home"
        >
          Retour à mon espace
        </Link>
        <Button variant="secondary" onClick={switchAccount} loading={leaving}>
          Changer de compte
        </Button>
      </div>
    </main>
  );
}
