import { describe, expect, it } from 'vitest';
import { PRESETS, bookingQuery, periodProblem, presetPeriod, readListing, writeListing } from './filters';

const read = (search: string) => readListing(new URLSearchParams(search));
const NO_FILTER = { from: '', to: '', agency_id: '', centre_id: '', status: '', payment_status: '', control_type: '' };

describe('the bookings’ address', () => {
  it('reads every booking, the latest start first, 25 a page, when it names nothing', () => {
    expect(read('')).toEqual({ search: '', filters: NO_FILTER, sort: { key: 'start', dir: 'desc' }, limit: 25 });
    expect(writeListing(read('')).toString()).toBe('');
  });

  it('reads and writes every filter, the search, the order and the page size', () => {
    const address = 'du=2027-01-01&au=2027-01-31&agence=a1&centre=c2&statut=confirmed&paiement=on_site&controle=CTC&q=AB-123-CD&tri=creation&ordre=croissant&lignes=100';
    const listing = read(address);
    expect(listing).toEqual({
      search: 'AB-123-CD',
      filters: { from: '2027-01-01', to: '2027-01-31', agency_id: 'a1', centre_id: 'c2', status: 'confirmed', payment_status: 'on_site', control_type: 'CTC' },
      sort: { key: 'created_at', dir: 'asc' },
      limit: 100,
    });
    expect(writeListing(listing).toString()).toBe(address);
  });

  it('leaves out a code, an order or a page size it does not know', () => {
    expect(read('statut=paid&paiement=confirmed&controle=ct&tri=prix&ordre=haut&lignes=30')).toEqual(read(''));
    expect(read('lignes=50').limit).toBe(50);
  });

  it('keeps a period as typed, for its fields to say what is wrong with it', () => {
    expect(read('du=2027-13-01&au=hier').filters).toMatchObject({ from: '2027-13-01', to: 'hier' });
  });
});

describe('the bookings’ query', () => {
  it('asks the server for the filters set, the order always, and the page', () => {
    const listing = read('centre=c1&statut=cancelled&q=martin');
    expect(bookingQuery({ ...listing, cursor: null })).toEqual({
      from: undefined,
      to: undefined,
      agency_id: undefined,
      centre_id: 'c1',
      status: 'cancelled',
      payment_status: undefined,
      control_type: undefined,
      q: 'martin',
      sort: 'start',
      order: 'desc',
      limit: 25,
      cursor: undefined,
    });
    expect(bookingQuery({ ...read('tri=creation&ordre=croissant&lignes=50'), cursor: 'k25' })).toMatchObject({ sort: 'created_at', order: 'asc', limit: 50, cursor: 'k25' });
  });
});

describe('the bookings’ period', () => {
  it('names its presets in French, in the picker’s order', () => {
    expect(PRESETS.map((p) => p.label)).toEqual(['Toutes les dates', 'Aujourd’hui', '7 prochains jours', '30 derniers jours']);
  });

  it.each([
    ['all', { from: '', to: '' }],
    ['today', { from: '2027-02-27', to: '2027-02-27' }],
    ['next-7', { from: '2027-02-27', to: '2027-03-05' }],
    ['last-30', { from: '2027-01-29', to: '2027-02-27' }],
  ] as const)('preset %s on 27 February 2027', (id, period) => {
    expect(presetPeriod(id, '2027-02-27')).toEqual(period);
  });

  it('takes a day on either side, both or none', () => {
    for (const period of [{ from: '', to: '' }, { from: '2027-01-04', to: '' }, { from: '', to: '2027-01-04' }, { from: '2027-01-04', to: '2027-01-04' }]) expect(periodProblem(period)).toBeNull();
  });

  it('says in French what is wrong, on the field it is about', () => {
    expect(periodProblem({ from: '2027-02-30', to: '' })).toEqual({ field: 'from', message: 'Date de début invalide.' });
    expect(periodProblem({ from: '', to: '04/01/2027' })).toEqual({ field: 'to', message: 'Date de fin invalide.' });
    expect(periodProblem({ from: '2027-01-05', to: '2027-01-04' })).toEqual({ field: 'to', message: 'La fin précède le début.' });
  });
});
