import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import {
  Accordion,
  Button,
  Calendar,
  DatePicker,
  DropdownMenu,
  SearchBar,
  Table,
  FormField,
  Input,
  Modal,
  Pagination,
  StatusBadge,
  Switch,
  Tabs,
  ToastProvider,
  initials,
  pageWindow,
  useToast,
} from '.';
import { addDays, addMonths, formatLong, monthGrid, weekday } from './dates';

describe('Button', () => {
  it('does not submit forms unless asked and is busy while loading', async () => {
    const submit = vi.fn((e: Event) => e.preventDefault());
    render(
      <form onSubmit={(e) => submit(e.nativeEvent)}>
        <Button>Plain</Button>
        <Button loading>Saving</Button>
      </form>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Plain' }));
    expect(submit).not.toHaveBeenCalled();
    const saving = screen.getByRole('button', { name: 'Saving' });
    expect(saving).toBeDisabled();
    expect(saving).toHaveAttribute('aria-busy', 'true');
  });
});

describe('FormField', () => {
  it('labels its control and describes it with the hint and the error', () => {
    render(
      <FormField label="Immatriculation" hint="AB-123-CD" error="Immatriculation invalide" required>
        <Input />
      </FormField>,
    );
    const input = screen.getByLabelText(/Immatriculation/);
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription('AB-123-CD Immatriculation invalide');
    expect(screen.getByRole('alert')).toHaveTextContent('Immatriculation invalide');
  });
});

describe('Switch', () => {
  it('toggles with the keyboard and reports its state', async () => {
    function Harness() {
      const [on, setOn] = useState(false);
      return <Switch label="Rappel SMS" checked={on} onChange={setOn} />;
    }
    render(<Harness />);
    const sw = screen.getByRole('switch', { name: 'Rappel SMS' });
    expect(sw).toHaveAttribute('aria-checked', 'false');
    sw.focus();
    await userEvent.keyboard(' ');
    expect(sw).toHaveAttribute('aria-checked', 'true');
  });
});

describe('Tabs', () => {
  it('moves between tabs with the arrow keys', async () => {
    render(
      <Tabs
        tabs={[
          { id: 'a', label: 'À venir', content: 'upcoming' },
          { id: 'b', label: 'Passés', content: 'past' },
        ]}
      />,
    );
    screen.getByRole('tab', { name: 'À venir' }).focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Passés' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel')).toHaveTextContent('past');
    await userEvent.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'À venir' })).toHaveFocus();
  });
});

describe('Accordion', () => {
  it('opens one section at a time', async () => {
    render(<Accordion items={[{ title: 'Q1', content: 'A1' }, { title: 'Q2', content: 'A2' }]} />);
    await userEvent.click(screen.getByRole('button', { name: 'Q1' }));
    expect(screen.getByText('A1')).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Q2' }));
    expect(screen.getByText('A1')).not.toBeVisible();
    expect(screen.getByRole('button', { name: 'Q2' })).toHaveAttribute('aria-expanded', 'true');
  });
});

describe('Modal', () => {
  it('takes focus, keeps Tab inside, closes on Escape and gives focus back', async () => {
    function Harness() {
      const [open, setOpen] = useState(false);
      return (
        <>
          <button onClick={() => setOpen(true)}>Ouvrir</button>
          <Modal open={open} onClose={() => setOpen(false)} title="Annuler ?" footer={<button>Confirmer</button>}>
            <p>Texte</p>
          </Modal>
        </>
      );
    }
    render(<Harness />);
    const opener = screen.getByRole('button', { name: 'Ouvrir' });
    await userEvent.click(opener);
    const dialog = screen.getByRole('dialog', { name: 'Annuler ?' });
    expect(within(dialog).getByRole('button', { name: 'Fermer' })).toHaveFocus();
    await userEvent.tab();
    expect(within(dialog).getByRole('button', { name: 'Confirmer' })).toHaveFocus();
    await userEvent.tab();
    expect(within(dialog).getByRole('button', { name: 'Fermer' })).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(opener).toHaveFocus();
  });
});

describe('Pagination', () => {
  it('shows the first, last and neighbouring pages with gaps', () => {
    expect(pageWindow(6, 12)).toEqual([1, null, 5, 6, 7, null, 12]);
    expect(pageWindow(1, 3)).toEqual([1, 2, 3]);
    render(<Pagination page={6} pages={12} onPage={() => {}} />);
    expect(screen.getByRole('button', { name: 'Page 6' })).toHaveAttribute('aria-current', 'page');
  });
});

describe('Calendar', () => {
  it('lays out Monday-first weeks and picks with the keyboard, skipping nothing', async () => {
    const grid = monthGrid('2026-12-15');
    expect(grid[0]).toBe('2026-11-30');
    expect(grid).toHaveLength(42);
    const pick = vi.fn();
    render(<Calendar value="2026-12-03" onChange={pick} min="2026-12-01" month="2026-12-01" />);
    const day = screen.getByRole('gridcell', { name: /jeudi 3 décembre 2026/ });
    day.focus();
    await userEvent.keyboard('{ArrowDown}');
    await new Promise((r) => requestAnimationFrame(r));
    expect(screen.getByRole('gridcell', { name: /jeudi 10 décembre 2026/ })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(pick).toHaveBeenCalledWith('2026-12-10');
  });

  it('disables days before the minimum and days without free slots', async () => {
    const pick = vi.fn();
    render(<Calendar onChange={pick} min="2026-12-02" month="2026-12-01" counts={{ '2026-12-02': 0, '2026-12-03': 5 }} />);
    await userEvent.click(screen.getByRole('gridcell', { name: /mardi 1 décembre/ }));
    await userEvent.click(screen.getByRole('gridcell', { name: /mercredi 2 décembre/ }));
    await userEvent.click(screen.getByRole('gridcell', { name: /3 décembre 2026, 5 créneaux/ }));
    expect(pick).toHaveBeenCalledTimes(1);
    expect(pick).toHaveBeenCalledWith('2026-12-03');
  });
});

describe('dates', () => {
  it('does calendar arithmetic on local dates', () => {
    expect(addDays('2027-03-27', 2)).toBe('2027-03-29');
    expect(addMonths('2026-12-31', 2)).toBe('2027-02-28');
    expect(weekday('2026-11-30')).toBe(0);
    expect(formatLong('2027-03-28')).toBe('dimanche 28 mars 2027');
  });
});

describe('StatusBadge and initials', () => {
  it('labels statuses in French', () => {
    render(<StatusBadge status="no_show" />);
    expect(screen.getByTestId('status-badge')).toHaveTextContent('Absent');
    expect(initials(' Marie  Dupont ')).toBe('MD');
  });
});

describe('Toast', () => {
  it('announces messages politely and can be dismissed', async () => {
    function Harness() {
      const toast = useToast();
      return <button onClick={() => toast('success', 'Enregistré')}>Go</button>;
    }
    render(
      <ToastProvider>
        <Harness />
      </ToastProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Go' }));
    expect(screen.getByText('Enregistré')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Fermer' }));
    expect(screen.queryByText('Enregistré')).toBeNull();
  });
});

describe('Table', () => {
  const rows = [
    { id: '1', name: 'Émile', price: 7500 },
    { id: '2', name: 'alice', price: 3500 },
    { id: '3', name: 'Bruno', price: 4500 },
  ];
  const columns = [
    { key: 'name', header: 'Nom', cell: (r: (typeof rows)[number]) => r.name, value: (r: (typeof rows)[number]) => r.name },
    { key: 'price', header: 'Prix', cell: (r: (typeof rows)[number]) => String(r.price), value: (r: (typeof rows)[number]) => r.price },
  ];

  it('sorts with French collation and reports aria-sort', async () => {
    render(<Table caption="Clients" columns={columns} rows={rows} rowKey={(r) => r.id} />);
    await userEvent.click(screen.getByRole('button', { name: /Nom/ }));
    const cells = () => screen.getAllByRole('row').slice(1).map((r) => r.textContent);
    expect(cells()).toEqual(['alice3500', 'Bruno4500', 'Émile7500']);
    expect(screen.getByRole('columnheader', { name: /Nom/ })).toHaveAttribute('aria-sort', 'ascending');
    await userEvent.click(screen.getByRole('button', { name: /Prix/ }));
    await userEvent.click(screen.getByRole('button', { name: /Prix/ }));
    expect(cells()[0]).toBe('Émile7500');
  });

  it('filters and paginates', async () => {
    render(<Table caption="Clients" columns={columns} rows={rows} rowKey={(r) => r.id} pageSize={2} filterable />);
    expect(screen.getAllByRole('row')).toHaveLength(3);
    await userEvent.type(screen.getByRole('searchbox', { name: 'Filtrer : Clients' }), 'bru');
    expect(screen.getAllByRole('row')).toHaveLength(2);
    await userEvent.clear(screen.getByRole('searchbox'));
    await userEvent.type(screen.getByRole('searchbox'), 'zzz');
    expect(screen.getByText('Aucun résultat')).toBeInTheDocument();
  });
});

describe('DropdownMenu', () => {
  it('opens with the arrow key, moves and picks with Enter', async () => {
    const picked = vi.fn();
    render(
      <DropdownMenu
        label="Actions"
        items={[
          { label: 'Voir', onSelect: () => picked('voir') },
          { label: 'Bloqué', onSelect: () => picked('bloque'), disabled: true },
          { label: 'Annuler', onSelect: () => picked('annuler') },
        ]}
      />,
    );
    screen.getByRole('button', { name: /Actions/ }).focus();
    await userEvent.keyboard('{ArrowDown}');
    expect(screen.getByRole('menuitem', { name: 'Voir' })).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}');
    expect(screen.getByRole('menuitem', { name: 'Annuler' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(picked).toHaveBeenCalledWith('annuler');
    expect(screen.queryByRole('menu')).toBeNull();
  });
});

describe('SearchBar', () => {
  it('offers suggestions as a listbox and picks with the keyboard', async () => {
    const pick = vi.fn();
    function Harness() {
      const [text, setText] = useState('');
      const all = [{ id: '1', label: 'Lyon' }, { id: '2', label: 'Lille' }];
      return (
        <SearchBar
          label="Ville"
          value={text}
          onChange={setText}
          suggestions={all.filter((s) => s.label.toLowerCase().startsWith(text.toLowerCase()))}
          onSelect={pick}
          noMatch="Aucune commune"
        />
      );
    }
    render(<Harness />);
    const box = screen.getByRole('combobox', { name: 'Ville' });
    await userEvent.type(box, 'l');
    expect(screen.getAllByRole('option')).toHaveLength(2);
    await userEvent.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    expect(pick).toHaveBeenCalledWith({ id: '2', label: 'Lille' });
    await userEvent.type(box, 'zz');
    expect(screen.getByText('Aucune commune')).toBeInTheDocument();
  });
});

describe('DatePicker', () => {
  it('opens a calendar, picks a day and shows it in French', async () => {
    function Harness() {
      const [d, setD] = useState<string | undefined>();
      return <DatePicker label="À partir du" value={d} onChange={setD} month="2026-12-01" />;
    }
    render(<Harness />);
    await userEvent.click(screen.getByRole('button', { name: /À partir du/ }));
    await userEvent.click(screen.getByRole('gridcell', { name: /vendredi 4 décembre 2026/ }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('button', { name: /À partir du vendredi 4 décembre 2026/ })).toBeInTheDocument();
  });
});
