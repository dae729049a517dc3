// The client portal (the public PWA at /): its routes, header and footer. Only the home page
// comes with the portal's chunk; every other screen (and the map) loads on demand. The network's
// branding (GET /tenant) gives the header its logo and title, and the portal its primary colour.
import { lazy, Suspense } from 'react';
import { Link, NavLink, Outlet, Route, Routes, useNavigate } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import type { PortalBranding } from '@/api/types';
import { tenantQuery } from '@/features/auth/api';
import { LandOnOwnPortal } from '@/features/auth/landing';
import { brandStyle } from '@/features/branding/brandStyle';
import { RequireRole } from '@/features/auth/RequireRole';
import { useMe, useSignOut, useSignedIn } from '@/features/auth/session';
import { Button, Loading, cx, useInstallPrompt } from '@/ui';
import { Home } from './Home';

const Results = lazy(() => import('./Results'));
const CentrePage = lazy(() => import('./CentrePage'));
const Booking = lazy(() => import('./Booking'));
const Payment = lazy(() => import('./Payment'));
const Confirmation = lazy(() => import('./Confirmation'));
const MyRdvs = lazy(() => import('./MyRdvs'));
const Profile = lazy(() => import('./Profile'));
const Login = lazy(() => import('./Auth').then((m) => ({ default: m.Login })));
const Signup = lazy(() => import('./Auth').then((m) => ({ default: m.Signup })));
const SetPassword = lazy(() => import('./SetPassword'));

const navLink = ({ isActive }: { isActive: boolean }) =>
  cx('rounded-md px-2 py-1.5 text-sm font-medium sm:px-3', isActive ? 'bg-brand-100 text-ink-strong' : 'text-ink hover:bg-brand-50');

function Header({ branding }: { branding: PortalBranding | undefined }) {
  const signedIn = useSignedIn();
  const me = useMe();
  const install = useInstallPrompt();
  const navigate = useNavigate();
  const { signOut: leave, leaving } = useSignOut();
  const signOut = async () => {
    await leave();
    navigate('/');
  };
  return (
    <header className="sticky top-0 z-20 border-b border-gray-200 bg-white/95 backdrop-blur">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-2 px-3 py-2 sm:px-4">
        <Link to="/" className="mr-auto flex items-center gap-2 font-bold text-ink-strong">
          <img src={branding?.logo_url || '/icons/icon.svg'} alt="" height={28} className="h-7 w-auto max-w-32 object-contain" data-testid="portal-logo" />
          <span data-testid="portal-title">{branding?.portal_title || 'PTI Calendar'}</span>
        </Link>
        <nav aria-label="Navigation principale" className="flex flex-wrap items-center gap-1">
          <NavLink to="/" end className={navLink}>
            Rechercher
          </NavLink>
          <NavLink to="/mes-rdv" className={navLink} data-testid="nav-mes-rdv">
            Mes RDV
          </NavLink>
          {signedIn ? (
            <>
              <NavLink to="/profil" className={navLink} data-testid="nav-profil">
                {me.data ? me.data.first_name : 'Profil'}
              </NavLink>
              <Button variant="ghost" size="sm" onClick={signOut} loading={leaving} data-testid="logout-button">
                Déconnexion
              </Button>
            </>
          ) : (
            <NavLink to="/connexion" className={navLink} data-testid="nav-connexion">
              Connexion
            </NavLink>
          )}
          {install && (
            <Button size="sm" variant="secondary" onClick={install.install}>
              Installer
            </Button>
          )}
        </nav>
      </div>
    </header>
  );
}

function Layout() {
  const branding = useQuery(tenantQuery()).data?.branding;
  return (
    <div className="flex min-h-dvh flex-col bg-gray-50" style={brandStyle(branding)} data-testid="client-portal">
      <Header branding={branding} />
      <main className="mx-auto w-full max-w-6xl flex-1 px-3 py-4 sm:px-4 sm:py-6">
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="border-t border-gray-200 px-4 py-4 text-center text-xs">
        PTI Calendar — réservation de contrôle technique · <Link to="/catalogue" className="underline">Système de design</Link>
      </footer>
    </div>
  );
}

function NotFound() {
  return (
    <div className="py-10 text-center">
      <h1 className="text-2xl font-bold text-ink-strong">Page introuvable</h1>
      <p className="mt-2">
        <Link to="/" className="underline">
          Retour à la recherche
        </Link>
      </p>
    </div>
  );
}

/** The client portal's routes, under the app's `/*`. */
export default function ClientPortal() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route
          index
          element={
            <LandOnOwnPortal>
              <Home />
            </LandOnOwnPortal>
          }
        />
        <Route path="recherche" element={<Results />} />
        <Route path="centres/:id" element={<CentrePage />} />
        <Route path="reservation/:disponibiliteId" element={<Booking />} />
        <Route path="paiement/:rdvId" element={<Payment />} />
        <Route path="rdv/:id/confirmation" element={<Confirmation />} />
        <Route path="mes-rdv" element={<MyRdvs />} />
        <Route
          path="profil"
          element={
            <RequireRole>
              <Profile />
            </RequireRole>
          }
        />
        <Route path="connexion" element={<Login />} />
        <Route path="inscription" element={<Signup />} />
        <Route path="definir-mot-de-passe" element={<SetPassword />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
