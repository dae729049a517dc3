// /tenant/reservations: the bookings of the network (an agency admin's: of its agency), the
// latest start first. The period (presets or days), the agency and the centre, the status, the
// payment, the control type, the search (reference, plate, e-mail, phone or name), the order and
// the page size live in the address (filters.ts); the pages come by cursor, never counted (a
// national network holds millions of bookings). Every booking of the same filters and order
// exports as CSV or Excel.
import { useEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import type { BookingExportFormat, StaffBooking, StaffBookingQuery } from '@/api/types';
import { euros, numericDate, time, today } from '@/domain/format';
import { PAYMENT_STATUS, PAYMENT_STATUSES } from '@/domain/staffVocabulary';
import { BOOKING_STATUS, BOOKING_STATUSES, CONTROL_TYPE_OPTIONS } from '@/domain/vocabulary';
import { useMe } from '@/features/auth/session';
import { bookingsQuery, exportBookings } from '@/features/bookings/api';
import { controlLabel, paymentLabel, paymentTone, sourceLabel } from '@/features/bookings/format';
import { bookingsRefusal } from '@/features/bookings/refusal';
import { wallClock } from '@/features/dashboard/figures';
import { agenciesQuery, centresQuery } from '@/features/network/api';
import { Badge, Button, PageTitle, Select, StatusBadge, saveFile, useToast } from '@/ui';
import { DataTable, useTableController, type DataColumn, type TableListing } from '@/ui/staff';
import { vehicleCategoryName } from '@/portals/tenant/statistics/figures';
import { BookingFilters } from './BookingFilters';
import { PAGE_SIZES, SEARCH_MAX, bookingQuery, periodProblem, readListing, writeListing } from './filters';

/** A change of the listing, as a function of the listing it changes. */
type ListingChange = (listing: TableListing) => TableListing;

/** The listing the address keeps, and the way to change it there. */
function useListingInAddress(): [TableListing, (change: ListingChange) => void] {
  const [params, setParams] = useSearchParams();
  // The address as last written: a change that waited (the search, until the typing pauses) or
  // the second change of one event builds on it, not on the address of its render.
  const latest = useRef(params);
  useEffect(() => {
    latest.current = params;
  }, [params]);
  const update = (change: ListingChange) => {
    const next = writeListing(change(readListing(latest.current)));
    latest.current = next;
    setParams(next);
  };
  return [readListing(params), update];
}

/** The orders offered: the inspection's start or the booking's creation, either way. */
const ORDERS = [
  { value: 'start:desc', label: 'Début : récents d’abord' },
  { value: 'start:asc', label: 'Début : anciens d’abord' },
  { value: 'created_at:desc', label: 'Création : récentes d’abord' },
  { value: 'created_at:asc', label: 'Création : anciennes d’abord' },
];

const EXPORTS: ReadonlyArray<{ format: BookingExportFormat; label: string }> = [
  { format: 'csv', label: 'Exporter CSV' },
  { format: 'xlsx', label: 'Exporter Excel' },
];

/** The export buttons of `query`'s bookings; `disabled` while the period cannot be asked for. */
function Exports({ query, disabled }: { query: StaffBookingQuery; disabled: boolean }) {
  const toast = useToast();
  const [busy, setBusy] = useState<BookingExportFormat | null>(null);
  async function run(format: BookingExportFormat) {
    setBusy(format);
    try {
      const file = await exportBookings(query, format);
      saveFile(file.blob, file.filename);
    } catch (e) {
      toast('error', `L’export a échoué. ${bookingsRefusal(e).message}`);
    } finally {
      setBusy(null);
    }
  }
  return (
    <>
      {EXPORTS.map(({ format, label }) => (
        <Button key={format} variant="secondary" loading={busy === format} disabled={disabled || (busy !== null && busy !== format)} onClick={() => void run(format)}>
          {label}
        </Button>
      ))}
    </>
  );
}

const COLUMNS: ReadonlyArray<DataColumn<StaffBooking>> = [
  { key: 'reference', header: 'Référence', fixed: true, cell: (b) => <span className="font-mono font-semibold whitespace-nowrap text-ink-strong dark:text-gray-100">{b.reference}</span> },
  { key: 'start', header: 'Début', sort: 'start', cell: (b) => <span className="whitespace-nowrap">{wallClock(b.start)}</span> },
  { key: 'centre', header: 'Centre', cell: (b) => <span className="whitespace-nowrap">{b.centre_name}</span> },
  { key: 'agency', header: 'Agence', optional: true, cell: (b) => b.agency_name },
  {
    key: 'status',
    header: 'Statut',
    cell: (b) => (
      <span className="whitespace-nowrap">
        <StatusBadge status={b.status} />
      </span>
    ),
  },
  {
    key: 'payment',
    header: 'Paiement',
    cell: (b) => (
      <span className="whitespace-nowrap">
        <Badge tone={paymentTone(b.payment_status)}>{paymentLabel(b.payment_status)}</Badge>
      </span>
    ),
  },
  { key: 'control', header: 'Contrôle', cell: (b) => controlLabel(b.control_type) },
  { key: 'category', header: 'Catégorie', optional: true, cell: (b) => vehicleCategoryName(b.vehicle_category) },
  { key: 'plate', header: 'Immatriculation', cell: (b) => <span className="font-mono whitespace-nowrap">{b.plate}</span> },
  { key: 'customer', header: 'Client', cell: (b) => <span className="whitespace-nowrap">{b.customer_name}</span> },
  { key: 'email', header: 'E-mail', optional: true, cell: (b) => b.customer_email ?? '—' },
  { key: 'phone', header: 'Téléphone', optional: true, cell: (b) => <span className="whitespace-nowrap">{b.customer_phone ?? '—'}</span> },
  { key: 'price', header: 'Prix TTC', align: 'right', cell: (b) => <span className="whitespace-nowrap">{euros(b.price_cents)}</span> },
  { key: 'source', header: 'Origine', cell: (b) => sourceLabel(b.source) },
  { key: 'created_at', header: 'Créée le', sort: 'created_at', optional: true, cell: (b) => <span className="whitespace-nowrap">{`${numericDate(b.created_at)} ${time(b.created_at)}`}</span> },
];

const FILTERS = [
  { key: 'status', label: 'Statut', all: 'Tous les statuts', options: BOOKING_STATUSES.map((s) => ({ value: s, label: BOOKING_STATUS[s].plural })) },
  { key: 'payment_status', label: 'Paiement', all: 'Tous les paiements', options: PAYMENT_STATUSES.map((s) => ({ value: s, label: PAYMENT_STATUS[s].label })) },
  { key: 'control_type', label: 'Contrôle', all: 'Tous les contrôles', options: CONTROL_TYPE_OPTIONS },
];

/** The bookings page. */
export default function Bookings() {
  const me = useMe();
  const [listing, update] = useListingInAddress();
  const table = useTableController(listing, update);
  const f = listing.filters;
  const period = { from: f.from ?? '', to: f.to ?? '' };
  const problem = periodProblem(period);
  const query = bookingQuery(table.query);
  const bookings = useQuery({ ...bookingsQuery(query), enabled: problem === null });
  const network = me.data?.role === 'ADMIN_TENANT';
  const ownAgency = me.data?.role === 'ADMIN_AGENCE' ? (me.data.agency_id ?? null) : null;
  const agencies = useQuery(agenciesQuery());
  const centres = useQuery({ ...centresQuery(network ? f.agency_id || null : ownAgency), enabled: network || ownAgency !== null });
  const refusal = bookings.isError ? bookingsRefusal(bookings.error) : null;
  const setFilters = (patch: Record<string, string>) => update((l) => ({ ...l, filters: { ...l.filters, ...patch } }));

  return (
    <div className="flex flex-col gap-4">
      <PageTitle sub={`Les rendez-vous ${ownAgency ? 'de votre agence' : 'du réseau'} : recherche, filtres et export.`}>Réservations</PageTitle>
      {me.data && (
        <BookingFilters
          period={period}
          today={today()}
          refusal={refusal}
          scope={{ agency: f.agency_id || null, centre: f.centre_id || null }}
          agencies={network ? (agencies.data ?? []) : null}
          fixedAgency={network ? undefined : agencies.data?.find((a) => a.id === ownAgency)?.name}
          centres={centres.data ?? []}
          onPeriod={(next) => setFilters({ from: next.from, to: next.to })}
          onScope={(scope) => setFilters({ agency_id: scope.agency ?? '', centre_id: scope.centre ?? '' })}
        />
      )}
      <DataTable
        id="tenant-bookings"
        caption="Réservations"
        columns={COLUMNS}
        rowKey={(b) => b.id}
        rowLabel={(b) => b.reference}
        controller={table}
        page={problem ? undefined : bookings.data}
        refreshing={bookings.isPlaceholderData}
        error={problem ? 'Corrigez la période pour afficher les réservations.' : (refusal?.message ?? null)}
        onRetry={problem || refusal?.field ? undefined : () => void bookings.refetch()}
        searchLabel="Rechercher"
        searchPlaceholder="Référence, immatriculation, e-mail ou téléphone"
        searchMaxLength={SEARCH_MAX}
        filters={FILTERS}
        pageSizes={PAGE_SIZES}
        empty={{ title: 'Aucune réservation ne correspond.', hint: 'Modifiez la recherche, la période ou les filtres.' }}
        actions={
          <>
            <label className="flex flex-col gap-1 text-sm font-medium text-ink-strong dark:text-gray-100">
              Trier par
              <Select
                options={ORDERS}
                value={`${listing.sort?.key ?? 'start'}:${listing.sort?.dir ?? 'desc'}`}
                onChange={(e) => {
                  const [key = 'start', dir] = e.target.value.split(':');
                  update((l) => ({ ...l, sort: { key, dir: dir === 'asc' ? 'asc' : 'desc' } }));
                }}
                className="font-normal"
                data-testid="bookings-order"
              />
            </label>
            <Exports query={query} disabled={problem !== null} />
          </>
        }
      />
    </div>
  );
}
