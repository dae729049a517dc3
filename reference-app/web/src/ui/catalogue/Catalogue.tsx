import { useState, type ReactNode } from 'react';
import {
  Accordion,
  Alert,
  Avatar,
  Badge,
  Breadcrumb,
  Button,
  Calendar,
  Card,
  Checkbox,
  Drawer,
  FormField,
  Input,
  Modal,
  Pagination,
  ProgressBar,
  Radio,
  Select,
  Spinner,
  StatusBadge,
  Switch,
  Tabs,
  Tooltip,
  useToast,
  DatePicker,
  DropdownMenu,
  SearchBar,
  Table,
  sortRows,
  useInstallPrompt,
  type Column,
} from '@/ui';
import { euros } from '@/domain/format';
import { DataTable, useTableQuery, type DataColumn } from '@/ui/staff';
import { parsePlate } from '@/domain/plate';
import { BOOKING_STATUS, BOOKING_STATUSES, FUEL, VEHICLE_CATEGORY_OPTIONS, type BookingStatus } from '@/domain/vocabulary';

interface DemoBooking {
  id: string;
  client: string;
  plate: string;
  start: string;
  price: number;
  status: BookingStatus;
}

const BOOKINGS: DemoBooking[] = [
  { id: 'b1', client: 'Marie Dupont', plate: 'AB-123-CD', start: '2026-12-03 08:00', price: 7500, status: 'confirmed' },
  { id: 'b2', client: 'Jean Martin', plate: 'EF-456-GH', start: '2026-12-03 08:45', price: 7500, status: 'pending_payment' },
  { id: 'b3', client: 'Léa Bernard', plate: '123 ABC 45', start: '2026-12-02 14:00', price: 3500, status: 'completed' },
  { id: 'b4', client: 'Hugo Petit', plate: 'JK-789-LM', start: '2026-12-01 10:15', price: 4500, status: 'no_show' },
  { id: 'b5', client: 'Chloé Robert', plate: 'NP-321-QR', start: '2026-12-04 16:30', price: 7000, status: 'cancelled' },
];

const COLUMNS: Array<Column<DemoBooking>> = [
  { key: 'start', header: 'Date', cell: (b) => b.start, value: (b) => b.start },
  { key: 'client', header: 'Client', cell: (b) => b.client, value: (b) => b.client },
  { key: 'plate', header: 'Immatriculation', cell: (b) => b.plate, value: (b) => b.plate },
  { key: 'price', header: 'Prix TTC', cell: (b) => euros(b.price), value: (b) => b.price, align: 'right' },
  { key: 'status', header: 'Statut', cell: (b) => <StatusBadge status={b.status} /> },
];

/** The back-office table over the demo bookings, paged by cursor as a server would. */
function DemoDataTable() {
  const toast = useToast();
  const table = useTableQuery({ sort: { key: 'start', dir: 'asc' }, limit: 10 });
  const { search, filters, sort, cursor, limit } = table.query;
  const found = BOOKINGS.filter((b) => b.client.toLowerCase().includes(search.toLowerCase()) && (!filters.status || b.status === filters.status));
  const ordered = sort ? sortRows(found, (b) => (sort.key === 'price' ? b.price : b.start), sort.dir) : found;
  const from = Number(cursor ?? 0);
  const page = { items: ordered.slice(from, from + limit), next_cursor: from + limit < ordered.length ? String(from + limit) : null, total: ordered.length };
  const columns: Array<DataColumn<DemoBooking>> = [
    { key: 'start', header: 'Date', sort: 'start', cell: (b) => b.start },
    { key: 'client', header: 'Client', fixed: true, cell: (b) => b.client },
    { key: 'plate', header: 'Immatriculation', optional: true, cell: (b) => b.plate },
    { key: 'price', header: 'Prix TTC', sort: 'price', align: 'right', cell: (b) => euros(b.price) },
    { key: 'status', header: 'Statut', cell: (b) => <StatusBadge status={b.status} /> },
  ];
  return (
    <DataTable
      id="catalogue-bookings"
      caption="Rendez-vous du réseau"
      columns={columns}
      rowKey={(b) => b.id}
      rowLabel={(b) => b.client}
      controller={table}
      page={page}
      searchLabel="Rechercher un client"
      filters={[{ key: 'status', label: 'Statut', all: 'Tous les statuts', options: BOOKING_STATUSES.map((st) => ({ value: st, label: BOOKING_STATUS[st].plural })) }]}
      bulkActions={[{ label: 'Exporter', onRun: (rows, done) => { toast('info', `${rows.length} rendez-vous exportés`); done(); } }]}
      empty={{ title: 'Aucun rendez-vous ne correspond.' }}
    />
  );
}

const PLACES = ['Paris', 'Lyon', 'Marseille', 'Lille', 'Toulouse', 'Nantes', 'Nice', 'Strasbourg', 'Bordeaux', 'Rennes'];

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`cat-${title}`} className="space-y-3">
      <h2 id={`cat-${title}`} className="text-lg font-semibold text-ink-strong dark:text-gray-100">
        {title}
      </h2>
      <div className="flex flex-wrap items-start gap-3">{children}</div>
    </section>
  );
}

/** The living catalogue of the design system, at /ui: every component in its states. */
/** The living catalogue of the design system, at /catalogue. */
export default function Catalogue() {
  const [dark, setDark] = useState(false);
  const [notify, setNotify] = useState(true);
  const [plate, setPlate] = useState('ab 123 cd');
  const [page, setPage] = useState(3);
  const [day, setDay] = useState<string | undefined>('2026-12-03');
  const [modal, setModal] = useState(false);
  const [drawer, setDrawer] = useState(false);
  const toast = useToast();
  const installable = useInstallPrompt();
  const [place, setPlace] = useState('');
  const [when, setWhen] = useState<string | undefined>();
  const matches = PLACES.filter((p) => p.toLowerCase().startsWith(place.trim().toLowerCase())).map((p) => ({ id: p, label: p }));
  const checked = parsePlate(plate);
  const counts = { '2026-12-01': 12, '2026-12-02': 4, '2026-12-03': 9, '2026-12-04': 1, '2026-12-05': 6 };
  return (
    <main className={dark ? 'dark' : undefined}>
      <div className="min-h-screen bg-gray-50 px-4 py-6 dark:bg-gray-900 sm:px-8">
        <div className="mx-auto max-w-5xl space-y-8">
          <header className="flex flex-wrap items-center justify-between gap-4">
            <div>
              <Breadcrumb items={[{ label: 'PTI Calendar', href: '/' }, { label: 'Système de design' }]} />
              <h1 className="mt-2 text-2xl font-bold text-ink-strong dark:text-gray-100">Système de design</h1>
            </div>
            <div className="flex items-center gap-4">
              {installable && (
                <Button variant="secondary" onClick={() => installable.install()}>
                  Installer l'application
                </Button>
              )}
              <Switch label="Thème sombre" checked={dark} onChange={setDark} />
            </div>
          </header>

          <Section title="Boutons">
            <Button>Réserver</Button>
            <Button variant="secondary">Modifier</Button>
            <Button variant="ghost">Annuler</Button>
            <Button variant="danger">Supprimer</Button>
            <Button loading>Paiement…</Button>
            <Button disabled>Indisponible</Button>
            <Button size="sm">Petit</Button>
            <Button size="lg">Grand</Button>
          </Section>

          <Section title="Formulaires">
            <div className="grid w-full gap-4 sm:grid-cols-2">
              <FormField label="Immatriculation" required hint="AB-123-CD ou 123 ABC 45" error={checked.ok ? undefined : checked.reason}>
                <Input data-testid="plate-input" value={plate} onChange={(e) => setPlate(e.target.value)} />
              </FormField>
              <FormField label="Type de véhicule">
                <Select
                  placeholder="Choisir…"
                  options={VEHICLE_CATEGORY_OPTIONS}
                />
              </FormField>
              <fieldset className="space-y-2">
                <legend className="text-sm font-medium text-ink-strong dark:text-gray-100">Carburant</legend>
                <Radio name="fuel" label={FUEL.PETROL.label} defaultChecked />
                <Radio name="fuel" label={FUEL.DIESEL.label} />
                <Radio name="fuel" label={FUEL.GAS.label} />
              </fieldset>
              <div className="space-y-2">
                <Checkbox label="J'accepte les conditions générales" />
                <Switch label="Rappel par SMS la veille" checked={notify} onChange={setNotify} />
              </div>
            </div>
            {checked.ok && (
              <span data-testid="plate-canonical">
                <Badge tone="success">{checked.canonical}</Badge>
              </span>
            )}
          </Section>

          <Section title="Statuts et badges">
            {BOOKING_STATUSES.map((s) => (
              <StatusBadge key={s} status={s} />
            ))}
            <Badge tone="brand">Nouveau</Badge>
            <Badge tone="info">75,00 € TTC</Badge>
            <Avatar name="Marie Dupont" />
            <Avatar name="Jean" size={32} />
          </Section>

          <Section title="Messages">
            <div className="w-full space-y-3">
              <Alert tone="success" title="Votre rendez-vous est confirmé">Un e-mail de confirmation vous a été envoyé.</Alert>
              <Alert tone="error" title="Paiement refusé">Votre carte a été refusée. Essayez une autre carte.</Alert>
              <Alert tone="warning">Le créneau est réservé pour 10 minutes.</Alert>
              <Alert tone="info">Les prix affichés sont TTC.</Alert>
              <ProgressBar label="Remplissage du centre" value={72} />
              <div className="flex items-center gap-3">
                <Spinner />
                <Button variant="secondary" onClick={() => toast('success', 'Rendez-vous enregistré')}>
                  Afficher un toast
                </Button>
                <Tooltip text="Prix TTC, TVA 20 % incluse">
                  <Button variant="ghost">Prix ?</Button>
                </Tooltip>
              </div>
            </div>
          </Section>

          <Section title="Navigation">
            <div className="w-full space-y-4">
              <Tabs
                tabs={[
                  { id: 'upcoming', label: 'À venir', content: <p>Vos prochains rendez-vous.</p> },
                  { id: 'past', label: 'Passés', content: <p>Vos rendez-vous passés.</p> },
                ]}
              />
              <Pagination page={page} pages={12} onPage={setPage} />
              <Accordion
                items={[
                  { title: 'Que faut-il apporter ?', content: 'La carte grise et le dernier procès-verbal.' },
                  { title: 'Combien de temps dure le contrôle ?', content: 'Entre 30 et 50 minutes selon le véhicule.' },
                ]}
              />
            </div>
          </Section>

          <Section title="Recherche et menus">
            <div className="grid w-full gap-4 sm:grid-cols-2">
              <SearchBar
                label="Ville ou code postal"
                value={place}
                onChange={setPlace}
                suggestions={matches}
                onSelect={(s) => setPlace(s.label)}
                placeholder="Ex. Lyon, 69003"
                noMatch="Aucune commune trouvée"
              />
              <DatePicker label="À partir du" value={when} onChange={setWhen} min="2026-12-01" month="2026-12-01" />
            </div>
            <DropdownMenu
              label="Actions"
              items={[
                { label: 'Voir le détail', onSelect: () => toast('info', 'Détail') },
                { label: 'Modifier', onSelect: () => toast('info', 'Modifier') },
                { label: 'Annuler', onSelect: () => toast('warning', 'Annulation demandée'), danger: true },
              ]}
            />
          </Section>

          <Section title="Tableau">
            <div className="w-full">
              <Table caption="Rendez-vous du centre" columns={COLUMNS} rows={BOOKINGS} rowKey={(b) => b.id} pageSize={4} filterable />
            </div>
          </Section>

          <Section title="Liste du back-office">
            <div className="w-full">
              <DemoDataTable />
            </div>
          </Section>

          <Section title="Calendrier">
            <Card title="Choisissez une date">
              <Calendar value={day} onChange={setDay} min="2026-12-01" month="2026-12-01" counts={counts} />
              <p className="mt-2 text-sm" data-testid="picked-day">
                {day ? `Date choisie : ${day}` : 'Aucune date'}
              </p>
            </Card>
          </Section>

          <Section title="Fenêtres">
            <Button variant="secondary" onClick={() => setModal(true)}>
              Ouvrir une fenêtre
            </Button>
            <Button variant="secondary" onClick={() => setDrawer(true)}>
              Ouvrir un panneau
            </Button>
            <Modal
              open={modal}
              onClose={() => setModal(false)}
              title="Annuler le rendez-vous ?"
              footer={
                <>
                  <Button variant="ghost" onClick={() => setModal(false)}>
                    Retour
                  </Button>
                  <Button variant="danger" onClick={() => setModal(false)}>
                    Confirmer l'annulation
                  </Button>
                </>
              }
            >
              <p>Vous serez remboursé de 75,00 €.</p>
            </Modal>
            <Drawer open={drawer} onClose={() => setDrawer(false)} title="Filtres">
              <Checkbox label="Ouvert le samedi" />
            </Drawer>
          </Section>
        </div>
      </div>
    </main>
  );
}
