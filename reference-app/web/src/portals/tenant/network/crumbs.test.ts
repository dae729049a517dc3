import { describe, expect, it } from 'vitest';
import { networkCrumbs } from './crumbs';

describe('the network breadcrumbs', () => {
  it('adds nothing on the lists or another section', () => {
    expect(networkCrumbs('/tenant/agences')).toEqual([]);
    expect(networkCrumbs('/tenant/utilisateurs/x')).toEqual([]);
  });

  it('names the new, the page and the edit page', () => {
    expect(networkCrumbs('/tenant/agences/nouvelle')).toEqual([{ label: 'Nouvelle agence' }]);
    expect(networkCrumbs('/tenant/centres/nouveau')).toEqual([{ label: 'Nouveau centre' }]);
    expect(networkCrumbs('/tenant/centres/c1')).toEqual([{ label: 'Fiche du centre' }]);
    expect(networkCrumbs('/tenant/agences/a1/modifier')).toEqual([{ label: 'Fiche de l’agence', href: '/tenant/agences/a1' }, { label: 'Modifier' }]);
  });
});
