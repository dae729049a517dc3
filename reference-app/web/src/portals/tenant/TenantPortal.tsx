// The tenant admin portal (/tenant): a network's admin, or an agency's, runs its part of the
// network. The app's router lets in ADMIN_TENANT and ADMIN_AGENCE only (features/auth). Each
// screen is loaded on demand: the dashboard (the portal's home), the bookings, the users, the
// agencies, the centres, the planning and the statistics; the settings are the network admin's
// only.
import { lazy, Suspense } from 'react';
import { Link, Outlet, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { roleLabel } from '@/domain/vocabulary';
import { tenantQuery } from '@/features/auth/api';
import { RequireRole } from '@/features/auth/RequireRole';
import { useMe, useSignOut } from '@/features/auth/session';
import { Loading } from '@/ui';
import { StaffShell, type NavItem } from '@/ui/staff';
import { networkCrumbs } from './network/crumbs';

const Dashboard = lazy(() => import('./dashboard/Dashboard'));
const Bookings = lazy(() => import('./bookings/Bookings'));
const Users = lazy(() => import('./Users'));
const Settings = lazy(() => import('./settings/Settings'));
const Agencies = lazy(() => import('./network/Agencies'));
const AgencyPage = lazy(() => import('./network/AgencyPage'));
const NewAgency = lazy(() => import('./network/AgencyForm').then((m) => ({ default: m.NewAgency })));
const EditAgency = lazy(() => import('./network/AgencyForm').then((m) => ({ default: m.EditAgency })));
const Centres = lazy(() => import('./network/Centres'));
const CentrePage = lazy(() => import('./network/CentrePage'));
const NewCentre = lazy(() => import('./network/NewCentre'));
const Planning = lazy(() => import('./planning/Planning'));
const Statistics = lazy(() => import('./statistics/Statistics'));

const HOME = '/tenant';

/** The portal's sections, in its sidebar. */
const NAV: readonly NavItem[] = [
  { to: HOME, label: 'Tableau de bord', icon: 'chart', end: true },
  { to: `${HOME}/reservations`, label: 'Réservations', icon: 'ticket' },
  { to: `${HOME}/utilisateurs`, label: 'Utilisateurs', icon: 'users' },
  { to: `${HOME}/agences`, label: 'Agences', icon: 'building' },
  { to: `${HOME}/centres`, label: 'Centres', icon: 'pin' },
  { to: `${HOME}/planning`, label: 'Planning', icon: 'calendar' },
  { to: `${HOME}/statistiques`, label: 'Statistiques', icon: 'trend' },
];
/** The sections only a network admin (ADMIN_TENANT) sees, after {@link NAV}. */
const NETWORK_NAV: readonly NavItem[] = [{ to: `${HOME}/parametres`, label: 'Paramètres', icon: 'settings' }];

function Layout() {
  const me = useMe();
  const tenant = useQuery(tenantQuery());
  const { signOut, leaving } = useSignOut();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const agency = me.data?.role === 'ADMIN_AGENCE';
  const portal = agency ? 'Espace agence' : 'Espace réseau';
  const nav = me.data?.role === 'ADMIN_TENANT' ? [...NAV, ...NETWORK_NAV] : NAV;
  const section = [...NAV, ...NETWORK_NAV].find((item) => (item.end ? pathname.replace(/\/$/, '') === item.to : pathname.startsWith(item.to)));
  const deeper = networkCrumbs(pathname);
  const person = me.data ? { name: `${me.data.first_name} ${me.data.last_name}`, role: roleLabel(me.data.role), network: tenant.data?.name } : null;
  return (
    <StaffShell
      portal={portal}
      home={HOME}
      nav={nav}
      person={person}
      onSignOut={async () => {
        await signOut();
        navigate('/connexion', { replace: true });
      }}
      signingOut={leaving}
      breadcrumbs={[{ label: portal, href: HOME }, { label: section?.label ?? 'Page introuvable', href: deeper.length > 0 ? section?.to : undefined }, ...deeper]}
    >
      <Suspense fallback={<Loading />}>
        <Outlet />
      </Suspense>
    </StaffShell>
  );
}

function NotFound() {
  return (
    <div className="py-10">
      <h1 className="text-2xl font-bold text-ink-strong dark:text-gray-100">Page introuvable</h1>
      <p className="mt-2">
        <Link to={HOME} className="underline">
          Retour à l’accueil de l’espace
        </Link>
      </p>
    </div>
  );
}

/** The tenant portal's routes, under the app's `/tenant/*`. */
export default function TenantPortal() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<Dashboard />} />
        <Route path="reservations" element={<Bookings />} />
        <Route path="utilisateurs" element={<Users />} />
        <Route path="agences" element={<Agencies />} />
        <Route path="agences/nouvelle" element={<NewAgency />} />
        <Route path="agences/:id" element={<AgencyPage />} />
        <Route path="agences/:id/modifier" element={<EditAgency />} />
        <Route path="centres" element={<Centres />} />
        <Route path="centres/nouveau" element={<NewCentre />} />
        <Route path="centres/:id" element={<CentrePage />} />
        <Route path="planning" element={<Planning />} />
        <Route path="statistiques" element={<Statistics />} />
        <Route
          path="parametres/*"
          element={
            <RequireRole roles={['ADMIN_TENANT']} otherRoles="forbidden">
              <Settings />
            </RequireRole>
          }
        />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
