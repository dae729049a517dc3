// The frame of every back-office portal: a header with the person, their role, the network and
// logout; a sidebar of the portal's sections (folded to icons on demand, a drawer under 768 px);
// the breadcrumbs and the page (a page that fails to render shows an error, the frame stays).
// Landmarks: banner, navigation, main; a skip link comes first.
import { useId, useState, type ReactNode } from 'react';
import { Link, NavLink, useLocation } from 'react-router-dom';
import { Button } from './Button';
import { cx } from './cx';
import { Icon, type IconName } from './icons';
import { Breadcrumb } from './Layout';
import { ErrorBoundary } from './ErrorBoundary';
import { Drawer } from './Overlay';
import { useTheme } from './theme';

/** A section of a portal, in its sidebar. */
export interface NavItem {
  to: string;
  label: string;
  icon: IconName;
  /** Current on `to` itself only, not below it (a portal's home). */
  end?: boolean;
}

/** Who is signed in, as the header shows it. */
export interface ShellPerson {
  name: string;
  /** The role's French name. */
  role: string;
  /** The network's name, when the person works for one. */
  network?: string;
}

/** Props of {@link StaffShell}. */
export interface StaffShellProps {
  /** The portal's name ("Espace réseau"). */
  portal: string;
  /** Where the portal's name leads: its home. */
  home: string;
  nav: readonly NavItem[];
  person: ShellPerson | null;
  onSignOut: () => void;
  signingOut?: boolean;
  /** Where the page sits; the last item is the current page. */
  breadcrumbs: Array<{ label: string; href?: string }>;
  children: ReactNode;
}

const FOLDED_KEY = 'pti.shell.folded';

/** Folded on a narrow screen until the person chooses, then as they chose on this device. */
function initiallyFolded(): boolean {
  const stored = localStorage.getItem(FOLDED_KEY);
  if (stored !== null) return stored === 'true';
  return !(window.matchMedia?.('(min-width: 1024px)').matches ?? true);
}

function NavList({ nav, folded, onPick }: { nav: readonly NavItem[]; folded: boolean; onPick?: () => void }) {
  return (
    <ul className="flex flex-col gap-1">
      {nav.map((item) => (
        <li key={item.to}>
          <NavLink
            to={item.to}
            end={item.end}
            onClick={onPick}
            title={folded ? item.label : undefined}
            className={({ isActive }) =>
              cx(
                'flex h-10 items-center gap-3 rounded-md px-3 text-sm font-medium',
                isActive ? 'bg-brand-100 text-ink-strong dark:bg-brand-700 dark:text-white' : 'text-ink-strong hover:bg-brand-50 dark:text-gray-100 dark:hover:bg-gray-700',
                folded && 'justify-center px-0',
              )
            }
          >
            <Icon name={item.icon} />
            <span className={folded ? 'sr-only' : undefined}>{item.label}</span>
          </NavLink>
        </li>
      ))}
    </ul>
  );
}

function Person({ person }: { person: ShellPerson }) {
  return (
    <div className="min-w-0 text-sm leading-tight" data-testid="shell-person">
      <p className="truncate font-semibold text-ink-strong dark:text-gray-100">{person.name}</p>
      <p className="truncate text-xs">
        {person.role}
        {person.network && <> · {person.network}</>}
      </p>
    </div>
  );
}

/** The back-office frame around a portal's page. */
export function StaffShell({ portal, home, nav, person, onSignOut, signingOut, breadcrumbs, children }: StaffShellProps) {
  const { pathname } = useLocation();
  const sidebarId = useId();
  const [folded, setFolded] = useState(initiallyFolded);
  const [drawer, setDrawer] = useState(false);
  const [theme, setTheme] = useTheme();
  const dark = theme === 'dark';
  const fold = () => {
    localStorage.setItem(FOLDED_KEY, String(!folded));
    setFolded(!folded);
  };
  // Without its display, which each button sets (hidden on some widths).
  const iconButton = 'h-10 w-10 shrink-0 items-center justify-center rounded-md text-ink-strong hover:bg-brand-50 dark:text-gray-100 dark:hover:bg-gray-700';
  return (
    <div className={cx(dark && 'dark')} data-testid="staff-shell">
      <div className="min-h-dvh bg-gray-50 text-ink dark:bg-gray-900 dark:text-gray-300">
        <a
          href="#contenu"
          onClick={(e) => {
            // Into the page for the keyboard too: the next Tab goes on from there.
            e.preventDefault();
            document.getElementById('contenu')?.focus();
          }}
          className="sr-only z-50 rounded-md bg-white px-4 py-2 font-semibold text-ink-strong focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
        >
          Aller au contenu
        </a>
        <header className="sticky top-0 z-30 flex h-14 items-center gap-2 border-b border-gray-200 bg-white px-2 sm:px-3 dark:border-gray-700 dark:bg-gray-800">
          <button type="button" className={cx(iconButton, 'inline-flex md:hidden')} aria-label="Ouvrir le menu" aria-expanded={drawer} onClick={() => setDrawer(true)} data-testid="shell-menu">
            <Icon name="menu" />
          </button>
          <button
            type="button"
            className={cx(iconButton, 'hidden md:inline-flex')}
            aria-label={folded ? 'Déplier le menu' : 'Replier le menu'}
            aria-expanded={!folded}
            aria-controls={sidebarId}
            onClick={fold}
            data-testid="shell-fold"
          >
            <Icon name={folded ? 'expand' : 'collapse'} />
          </button>
          <Link to={home} className="flex min-w-0 items-center gap-2 font-bold text-ink-strong dark:text-gray-100">
            <img src="/icons/icon.svg" alt="" width={28} height={28} />
            <span className="hidden whitespace-nowrap lg:inline">PTI Calendar</span>
            <span className="truncate font-medium text-ink dark:text-gray-300">{portal}</span>
          </Link>
          <div className="ml-auto flex items-center gap-1 sm:gap-3">
            {person && (
              <div className="hidden max-w-64 md:block">
                <Person person={person} />
              </div>
            )}
            <button
              type="button"
              className={cx(iconButton, 'inline-flex')}
              aria-label="Thème sombre"
              aria-pressed={dark}
              onClick={() => setTheme(dark ? 'light' : 'dark')}
              data-testid="shell-theme"
            >
              <Icon name={dark ? 'sun' : 'moon'} />
            </button>
            <Button variant="ghost" size="sm" onClick={onSignOut} loading={signingOut} data-testid="logout-button" aria-label="Déconnexion">
              <Icon name="logout" size={18} />
              <span className="hidden sm:inline">Déconnexion</span>
            </Button>
          </div>
        </header>
        <div className="flex">
          <aside
            id={sidebarId}
            className={cx(
              'sticky top-14 hidden h-[calc(100dvh-3.5rem)] shrink-0 overflow-y-auto border-r border-gray-200 bg-white p-2 md:block dark:border-gray-700 dark:bg-gray-800',
              folded ? 'w-16' : 'w-60',
            )}
            data-testid="shell-sidebar"
          >
            <nav aria-label={`Navigation : ${portal}`}>
              <NavList nav={nav} folded={folded} />
            </nav>
          </aside>
          <main id="contenu" tabIndex={-1} className="min-w-0 flex-1 px-3 py-4 outline-none sm:px-4 md:px-6">
            <div className="mb-3">
              <Breadcrumb items={breadcrumbs} />
            </div>
            <ErrorBoundary resetKey={pathname}>{children}</ErrorBoundary>
          </main>
        </div>
        <Drawer side="left" open={drawer} onClose={() => setDrawer(false)} title="Menu">
          <div className="flex flex-col gap-4">
            {person && <Person person={person} />}
            <nav aria-label={`Navigation : ${portal}`}>
              <NavList nav={nav} folded={false} onPick={() => setDrawer(false)} />
            </nav>
          </div>
        </Drawer>
      </div>
    </div>
  );
}
