import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { StaffShell, type NavItem } from './StaffShell';

const NAV: NavItem[] = [
  { to: '/tenant', label: 'Tableau de bord', icon: 'chart', end: true },
  { to: '/tenant/utilisateurs', label: 'Utilisateurs', icon: 'users' },
  { to: '/tenant/agences', label: 'Agences', icon: 'users' },
];

function open(path = '/tenant/utilisateurs', onSignOut = vi.fn()) {
  render(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route
          path="*"
          element={
            <StaffShell
              portal="Espace réseau"
              home="/tenant"
              nav={NAV}
              person={{ name: 'Alice Martin', role: 'Administrateur du réseau', network: 'Contrôle Auto France' }}
              onSignOut={onSignOut}
              breadcrumbs={[{ label: 'Espace réseau', href: '/tenant' }, { label: 'Utilisateurs' }]}
            >
              <h1>Utilisateurs</h1>
            </StaffShell>
          }
        />
      </Routes>
    </MemoryRouter>,
  );
  return onSignOut;
}

beforeEach(() => localStorage.clear());

describe('StaffShell', () => {
  it('has a banner, the portal’s navigation and the main area, with a skip link first', async () => {
    open();
    expect(screen.getByRole('banner')).toBeInTheDocument();
    expect(screen.getByRole('main')).toContainElement(screen.getByRole('heading', { name: 'Utilisateurs' }));
    const nav = screen.getByRole('navigation', { name: 'Navigation : Espace réseau' });
    expect(within(nav).getByRole('link', { name: 'Utilisateurs' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'Agences' })).not.toHaveAttribute('aria-current');
    // The home is current on itself only, not on every page below it.
    expect(within(nav).getByRole('link', { name: 'Tableau de bord' })).not.toHaveAttribute('aria-current');
    await userEvent.tab();
    expect(screen.getByRole('link', { name: 'Aller au contenu' })).toHaveFocus();
    expect(screen.getByRole('link', { name: 'Aller au contenu' })).toHaveAttribute('href', '#contenu');
    expect(screen.getByRole('main')).toHaveAttribute('id', 'contenu');
  });

  it('marks the portal’s home as current on the home itself', () => {
    open('/tenant');
    const nav = screen.getByRole('navigation', { name: 'Navigation : Espace réseau' });
    expect(within(nav).getByRole('link', { name: 'Tableau de bord' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'Utilisateurs' })).not.toHaveAttribute('aria-current');
  });

  it('shows who is signed in, their role and network, and signs out', async () => {
    const signOut = open();
    expect(screen.getByRole('banner')).toHaveTextContent('Alice Martin');
    expect(screen.getByRole('banner')).toHaveTextContent('Administrateur du réseau · Contrôle Auto France');
    await userEvent.click(screen.getByRole('button', { name: 'Déconnexion' }));
    expect(signOut).toHaveBeenCalledOnce();
  });

  it('shows where the page sits', () => {
    open();
    const crumbs = screen.getByRole('navigation', { name: "Fil d'Ariane" });
    expect(within(crumbs).getByRole('link', { name: 'Espace réseau' })).toHaveAttribute('href', '/tenant');
    expect(within(crumbs).getByText('Utilisateurs')).toHaveAttribute('aria-current', 'page');
  });

  it('folds the sidebar to icons, and remembers it on this device', async () => {
    open();
    const fold = screen.getByRole('button', { name: 'Replier le menu' });
    expect(fold).toHaveAttribute('aria-expanded', 'true');
    await userEvent.click(fold);
    expect(screen.getByRole('button', { name: 'Déplier le menu' })).toHaveAttribute('aria-expanded', 'false');
    // Folded, the links keep their names for assistive technologies.
    expect(within(screen.getByTestId('shell-sidebar')).getByRole('link', { name: 'Utilisateurs' })).toBeInTheDocument();
    expect(localStorage.getItem('pti.shell.folded')).toBe('true');
  });

  it('switches to the dark theme, and remembers it on this device', async () => {
    open();
    const theme = screen.getByRole('button', { name: 'Thème sombre' });
    expect(theme).toHaveAttribute('aria-pressed', 'false');
    await userEvent.click(theme);
    expect(theme).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByTestId('staff-shell')).toHaveClass('dark');
    expect(localStorage.getItem('pti.theme')).toBe('dark');
  });

  it('opens the navigation in a drawer on a narrow screen, closed by a choice', async () => {
    open();
    await userEvent.click(screen.getByRole('button', { name: 'Ouvrir le menu' }));
    const drawer = screen.getByRole('dialog', { name: 'Menu' });
    expect(drawer).toHaveTextContent('Alice Martin');
    await userEvent.click(within(drawer).getByRole('link', { name: 'Agences' }));
    expect(screen.queryByRole('dialog', { name: 'Menu' })).not.toBeInTheDocument();
    expect(within(screen.getByTestId('shell-sidebar')).getByRole('link', { name: 'Agences' })).toHaveAttribute('aria-current', 'page');
  });
});
