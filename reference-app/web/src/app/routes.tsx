// The portals' roots, each a lazily loaded chunk: a first visit loads only the portal it opens.
// A new portal is one line of PORTALS (its root module default-exports its routes), listed
// before the client portal, which takes every path left.
import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { Route, Routes } from 'react-router-dom';
import { Loading } from '@/ui';

interface Portal {
  /** The portal's paths, e.g. `/pro/*`. */
  path: string;
  root: LazyExoticComponent<ComponentType>;
}

const PORTALS: Portal[] = [{ path: '/*', root: lazy(() => import('@/portals/client/ClientPortal')) }];

const Catalogue = lazy(() => import('@/ui/catalogue/Catalogue'));

/** Every route of the app: the design system's catalogue, then the portals. */
export function AppRoutes() {
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route path="/catalogue" element={<Catalogue />} />
        {PORTALS.map(({ path, root: Root }) => (
          <Route key={path} path={path} element={<Root />} />
        ))}
      </Routes>
    </Suspense>
  );
}
