// The breadcrumbs below a network section: a new agency or centre, one's page, its edit page.

/** A breadcrumb: its words, and where it leads unless it is the page shown. */
export interface Crumb {
  label: string;
  href?: string;
}

/** The crumbs after the section's for `pathname` (none on the section's list itself). */
export function networkCrumbs(pathname: string): Crumb[] {
  const [, , section, id, action] = pathname.split('/');
  if (!id || (section !== 'agences' && section !== 'centres')) return [];
  const agency = section === 'agences';
  if (id === (agency ? 'nouvelle' : 'nouveau')) return [{ label: agency ? 'Nouvelle agence' : 'Nouveau centre' }];
  const page = agency ? 'Fiche de l’agence' : 'Fiche du centre';
  if (action === 'modifier') return [{ label: page, href: `/tenant/${section}/${id}` }, { label: 'Modifier' }];
  return [{ label: page }];
}
