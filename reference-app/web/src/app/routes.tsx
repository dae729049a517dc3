// The portals' roots, each a lazily loaded chunk: a first visit loads only the portal it opens.
// A new portal is one line of PORTALS (its root module default-exports its routes), listed
// before the client portal, which takes every path left. A staff portal lets in the roles whose
// home it is (features/auth/roles.ts) and shows any other signed-in user the 403 page; a role
// whose portal is not listed yet lands on the client portal (features/auth/landing.tsx).
import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { Route, Routes, useLocation } from 'react-router-dom';
import { ServedPortals } from '@/features/auth/landing';
import { RequireRole } from '@/features/auth/RequireRole';
import { rolesHomedAt } from '@/features/auth/roles';
import { ErrorBoundary, Loading } from '@/ui';

interface Portal {
  /** The portal's home, e.g. `/tenant`; its paths are the home and everything below it. */
  home: string;
  root: LazyExoticComponent<ComponentType>;
}

/** The portals the app serves, the client portal last. */
const PORTALS: readonly Portal[] = [
  { home: '/tenant', root: lazy(() => import('@/portals/tenant/TenantPortal')) },
  { home: '/', root: lazy(() => import('@/portals/client/ClientPortal')) },
];

const HOMES = PORTALS.map((p) => p.home);

const Catalogue = lazy(() => import('@/ui/catalogue/Catalogue'));

/** Every route of the app: the design system's catalogue, then the portals; a screen that fails
 * to render shows a French error in place, cleared by going to another path. */
export function AppRoutes() {
  const { pathname } = useLocation();
  return (
    <ServedPortals homes={HOMES}>
      <ErrorBoundary resetKey={pathname}>
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route path="/catalogue" element={<Catalogue />} />
            {PORTALS.map(({ home, root: Root }) =>
              home === '/' ? (
                <Route key={home} path="/*" element={<Root />} />
              ) : (
                <Route
                  key={home}
                  path={`${home}/*`}
                  element={
                    <RequireRole roles={rolesHomedAt(home)} otherRoles="forbidden">
                      <Root />
                    </RequireRole>
                  }
                />
              ),
            )}
          </Routes>
        </Suspense>
      </ErrorBoundary>
    </ServedPortals>
  );
}
