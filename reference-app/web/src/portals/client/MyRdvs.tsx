// My bookings: upcoming and past, a status filter, details, modify and cancel.
// Signed-in users see their account's bookings and those they booked as guests on this device;
// guests those made on this device.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, downloadUrl, guestTokens } from '@/api/client';
import { keys } from '@/api/keys';
import { errorMessage } from '@/api/messages';
import type { Rdv, Slot } from '@/api/types';
import { euros, when } from '@/domain/format';
import { BOOKING_STATUS, type BookingStatus } from '@/domain/vocabulary';
import { useSignedIn } from '@/features/auth/session';
import { cancelRdv, moveRdv, myRdvsQuery, rdvQuery } from '@/features/booking/api';
import { SlotPicker } from '@/features/search/SlotPicker';
import { Alert, Button, Drawer, Empty, Failure, FormField, Loading, Modal, PageTitle, Select, StatusBadge, Tabs, useToast } from '@/ui';

type Scope = 'upcoming' | 'past';

const FILTERED: BookingStatus[] = ['pending_payment', 'confirmed', 'completed', 'cancelled', 'no_show'];
const STATUSES = [{ value: '', label: 'Tous les statuts' }, ...FILTERED.map((s) => ({ value: s, label: BOOKING_STATUS[s].plural }))];

/** The statuses in which a booking can still be moved online (the deadline permitting). */
const MOVABLE: BookingStatus[] = ['pending_payment', 'confirmed'];

/** Why a booking cannot be moved, in French. */
export function whyNotModifiable(rdv: Rdv): string {
  if (!MOVABLE.includes(rdv.status)) return `Ce rendez-vous est ${BOOKING_STATUS[rdv.status].attribute} : il ne peut plus être modifié.`;
  if (rdv.modify_refusal && rdv.modify_refusal !== 'DEADLINE_PASSED') {
    return `${errorMessage(new ApiError(422, rdv.modify_refusal, ''), 'Modification impossible en ligne.')} Contactez le centre.`;
  }
  if (new Date(rdv.deadline).getTime() <= Date.now())
    return `La modification était possible jusqu’au ${when(rdv.deadline)}. Passé ce délai, contactez le centre.`;
  return 'Ce rendez-vous ne peut pas être modifié en ligne. Contactez le centre.';
}

const ACTIVE = ['pending_payment', 'confirmed', 'in_progress'];

/** A signed-in user's account bookings plus those booked as a guest on this device; a guest's
 *  bookings on this device. Upcoming: not ended and still active (as the server counts them). */
function useBookings(scope: Scope, status: string, signedIn: boolean) {
  const [now] = useState(() => Date.now());
  const mine = useQuery({ ...myRdvsQuery(scope, status), enabled: signedIn });
  const ids = Object.keys(guestTokens.all());
  const guest = useQueries({ queries: ids.map((id) => rdvQuery(id)) });
  const upcoming = (r: Rdv) => new Date(r.end).getTime() >= now && ACTIVE.includes(r.status);
  const own = signedIn ? (mine.data?.items ?? []) : [];
  const seen = new Set(own.map((r) => r.id));
  const items = [
    ...own,
    ...guest
      .flatMap((q) => (q.data ? [q.data] : []))
      .filter((r) => !seen.has(r.id))
      .filter((r) => (scope === 'upcoming' ? upcoming(r) : !upcoming(r)))
      .filter((r) => !status || r.status === status),
  ].sort((a, b) => (scope === 'upcoming' ? a.start.localeCompare(b.start) : b.start.localeCompare(a.start)));
  const failed = guest.find((q) => q.isError);
  if (signedIn) {
    return {
      items,
      isPending: mine.isPending,
      error: mine.error,
      refetch: () => {
        void mine.refetch();
        guest.forEach((q) => void q.refetch());
      },
    };
  }
  return {
    items,
    isPending: guest.some((q) => q.isPending),
    error: items.length === 0 && failed ? failed.error : null,
    refetch: () => guest.forEach((q) => void q.refetch()),
  };
}

function RdvCard({ rdv }: { rdv: Rdv }) {
  const client = useQueryClient();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [cancelOpen, setCancelOpen] = useState(false);
  const [moveOpen, setMoveOpen] = useState(false);
  const [slot, setSlot] = useState<Slot | null>(null);
  const refresh = (next: Rdv) => {
    client.setQueryData(keys.rdv(next.id), next);
    client.invalidateQueries({ queryKey: keys.myRdvs.all() });
  };
  const cancel = useMutation({
    mutationFn: () => cancelRdv(rdv.id),
    onSuccess: (res) => {
      refresh(res.rdv);
      setCancelOpen(false);
      toast('success', res.refund_cents > 0 ? `Rendez-vous annulé. ${euros(res.refund_cents)} vous seront remboursés.` : 'Rendez-vous annulé.');
    },
  });
  const move = useMutation({
    mutationFn: (id: string) => moveRdv(rdv.id, id),
    onSuccess: (next) => {
      refresh(next);
      setMoveOpen(false);
      setSlot(null);
      toast('success', `Rendez-vous déplacé au ${when(next.start)}.`);
    },
  });
  const active = rdv.status === 'confirmed' || rdv.status === 'pending_payment';
  return (
    <li data-testid="rdv-card" className="rounded-lg bg-white p-4 shadow-card">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="font-semibold text-ink-strong first-letter:uppercase" data-testid="rdv-when">
            {when(rdv.start)}
          </p>
          <p className="text-sm">{rdv.centre.name}</p>
          <p className="text-sm">
            {rdv.immatriculation} · {rdv.marque} {rdv.modele} · {euros(rdv.price_cents)} TTC
          </p>
        </div>
        <div className="flex flex-col items-end gap-1">
          <StatusBadge status={rdv.status} />
          <span className="text-xs">{rdv.reference}</span>
        </div>
      </div>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button size="sm" variant="secondary" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          {open ? 'Masquer' : 'Détails'}
        </Button>
        {rdv.status === 'pending_payment' && (
          <Link to={`/paiement/${rdv.id}`} className="inline-flex h-8 items-center rounded-md bg-brand-500 px-3 text-sm font-semibold text-on-brand">
            Payer
          </Link>
        )}
        {rdv.can_modify && (
          <Button size="sm" variant="secondary" onClick={() => setMoveOpen(true)} data-testid="modify-button">
            Modifier
          </Button>
        )}
        {rdv.can_cancel && (
          <Button size="sm" variant="danger" onClick={() => setCancelOpen(true)} data-testid="cancel-button">
            Annuler
          </Button>
        )}
      </div>
      {!rdv.can_modify && active && (
        <p className="mt-2 text-xs" data-testid="cannot-modify">
          {whyNotModifiable(rdv)}
        </p>
      )}
      {open && (
        <div className="mt-3 border-t border-gray-200 pt-3 text-sm" data-testid="rdv-details">
          <p>
            {rdv.centre.address}, {rdv.centre.postcode} {rdv.centre.city}
            {rdv.centre.phone && ` · ${rdv.centre.phone}`}
          </p>
          <p>
            {rdv.first_name} {rdv.last_name} · {rdv.email} · {rdv.phone}
          </p>
          {rdv.can_modify && <p>Modification et annulation gratuites jusqu’au {when(rdv.deadline)}.</p>}
          {rdv.status !== 'pending_payment' && rdv.status !== 'cancelled' && (
            <p className="mt-2 flex flex-wrap gap-3">
              <a className="underline" href={downloadUrl(`/rdv/${rdv.id}/pdf`, rdv.id)} download>
                Confirmation / reçu (PDF)
              </a>
              <a className="underline" href={downloadUrl(`/rdv/${rdv.id}/ics`, rdv.id)} download>
                Ajouter au calendrier
              </a>
            </p>
          )}
        </div>
      )}
      <Modal
        open={cancelOpen}
        onClose={() => setCancelOpen(false)}
        title="Annuler le rendez-vous ?"
        footer={
          <>
            <Button variant="secondary" onClick={() => setCancelOpen(false)}>
              Garder
            </Button>
            <Button variant="danger" loading={cancel.isPending} onClick={() => cancel.mutate()} data-testid="confirm-cancel">
              Annuler le rendez-vous
            </Button>
          </>
        }
      >
        <p>
          Rendez-vous du <strong>{when(rdv.start)}</strong> chez {rdv.centre.name}.
        </p>
        <p className="mt-2" data-testid="refund-amount">
          {rdv.refund_if_cancelled_cents > 0 ? (
            <>
              Remboursement : <strong>{euros(rdv.refund_if_cancelled_cents)}</strong> sur votre carte sous quelques jours.
            </>
          ) : rdv.payment_status === 'paid' ? (
            <>Le délai d’annulation gratuite est dépassé : aucun remboursement.</>
          ) : (
            <>Aucun paiement n’a été encaissé.</>
          )}
        </p>
        {cancel.isError && (
          <div className="mt-3">
            <Alert tone="error">{errorMessage(cancel.error)}</Alert>
          </div>
        )}
      </Modal>
      <Drawer
        open={moveOpen}
        onClose={() => setMoveOpen(false)}
        title="Choisir un nouveau créneau"
        footer={
          <Button disabled={!slot} loading={move.isPending} onClick={() => slot && move.mutate(slot.disponibilite_id)} data-testid="confirm-move">
            Déplacer le rendez-vous
          </Button>
        }
      >
        <p className="mb-3 text-sm">
          Actuellement : <strong>{when(rdv.start)}</strong>.
        </p>
        {moveOpen && (
          <SlotPicker
            centreId={rdv.centre.id}
            vehicleType={rdv.vehicle_type}
            controlType={rdv.control_type}
            initialDate={rdv.start.slice(0, 10)}
            currentStart={rdv.start}
            selected={slot?.disponibilite_id}
            onPick={(s) => setSlot(s)}
          />
        )}
        {slot && <p className="mt-3 text-sm font-semibold text-ink-strong">Nouveau créneau : {when(slot.start)}</p>}
        {move.isError && (
          <div className="mt-3">
            <Alert tone="error">{errorMessage(move.error)}</Alert>
          </div>
        )}
      </Drawer>
    </li>
  );
}

function List({ scope, signedIn }: { scope: Scope; signedIn: boolean }) {
  const [status, setStatus] = useState('');
  const { items, isPending, error, refetch } = useBookings(scope, status, signedIn);
  return (
    <div className="flex flex-col gap-3">
      <div className="max-w-xs">
        <FormField label="Statut">
          <Select options={STATUSES} value={status} onChange={(e) => setStatus(e.target.value)} data-testid={`status-filter-${scope}`} />
        </FormField>
      </div>
      {isPending ? (
        <Loading />
      ) : error ? (
        <Failure message={errorMessage(error)} retry={refetch} />
      ) : items.length === 0 ? (
        <Empty title={scope === 'upcoming' ? 'Aucun rendez-vous à venir' : 'Aucun rendez-vous passé'}>
          <Link to="/" className="underline">
            Réserver un contrôle technique
          </Link>
        </Empty>
      ) : (
        <ul className="flex flex-col gap-3">
          {items.map((r) => (
            <RdvCard key={r.id} rdv={r} />
          ))}
        </ul>
      )}
    </div>
  );
}

/** The user's bookings, upcoming and past. */
export default function MyRdvs() {
  const signedIn = useSignedIn();
  return (
    <div className="mx-auto max-w-3xl">
      <PageTitle>Mes rendez-vous</PageTitle>
      {!signedIn && (
        <div className="mb-4">
          <Alert tone="info">
            Vous voyez les rendez-vous pris sans compte sur cet appareil.{' '}
            <Link to="/connexion?next=/mes-rdv" className="underline">
              Connectez-vous
            </Link>{' '}
            pour retrouver tous vos rendez-vous.
          </Alert>
        </div>
      )}
      <Tabs
        key={String(signedIn)}
        tabs={[
          { id: 'upcoming', label: 'À venir', content: <List scope="upcoming" signedIn={signedIn} /> },
          { id: 'past', label: 'Passés', content: <List scope="past" signedIn={signedIn} /> },
        ]}
      />
    </div>
  );
}
