import { describe, expect, it } from 'vitest';
import { listPage, type ListRules } from './listPage';

interface Row {
  name: string;
  code: string;
  status: string;
  count: number;
}
const rows: Row[] = [
  { name: 'Agence Évry', code: 'EVR', status: 'active', count: 3 },
  { name: 'Agence Lyon', code: 'LYO', status: 'inactive', count: 10 },
  { name: 'Agence Paris', code: 'PAR', status: 'active', count: 2 },
];
const rules: ListRules<Row> = { text: (r) => `${r.name} ${r.code}`, field: (r, key) => String(r[key as keyof Row]), sortBy: { name: (r) => r.name, count: (r) => r.count } };
const query = { search: '', filters: {}, sort: null, cursor: null, limit: 25 };

describe('a whole list as table pages', () => {
  it('searches without case or accents', () => {
    expect(listPage(rows, { ...query, search: 'evry' }, rules).items.map((r) => r.code)).toEqual(['EVR']);
  });

  it('filters, an empty choice meaning all', () => {
    expect(listPage(rows, { ...query, filters: { status: 'active', code: '' } }, rules).total).toBe(2);
  });

  it('sorts numbers as numbers, either way', () => {
    expect(listPage(rows, { ...query, sort: { key: 'count', dir: 'desc' } }, rules).items.map((r) => r.count)).toEqual([10, 3, 2]);
    expect(listPage(rows, { ...query, sort: { key: 'name', dir: 'asc' } }, rules).items[0]?.code).toBe('EVR');
  });

  it('pages by offset', () => {
    const first = listPage(rows, { ...query, limit: 2 }, rules);
    expect(first).toMatchObject({ next_cursor: '2', total: 3 });
    expect(listPage(rows, { ...query, limit: 2, cursor: first.next_cursor }, rules)).toMatchObject({ items: [rows[2]], next_cursor: null });
  });
});
