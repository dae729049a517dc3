// Confirmation: the booking, its PDF and ICS, and the notice of the e-mail and SMS sent.
import { Link, useParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { downloadUrl } from '@/api/client';
import { errorMessage } from '@/api/messages';
import { rdvQuery } from '@/features/booking/api';
import { RdvSummary } from '@/features/booking/RdvSummary';
import { Alert, Card, Failure, Loading, StatusBadge } from '@/ui';

const linkButton = 'inline-flex h-10 items-center justify-center gap-2 rounded-md px-4 text-sm font-semibold';

/** A paid booking's confirmation, with its PDF and ICS. */
export default function Confirmation() {
  const { id = '' } = useParams();
  const query = useQuery(rdvQuery(id));
  if (query.isPending) return <Loading />;
  if (query.isError) return <Failure message={errorMessage(query.error)} retry={() => query.refetch()} />;
  const rdv = query.data;
  if (rdv.status !== 'confirmed') {
    return (
      <Alert tone="warning" title="Ce rendez-vous n’est pas confirmé">
        Statut : <StatusBadge status={rdv.status} />{' '}
        {rdv.status === 'pending_payment' && (
          <Link to={`/paiement/${rdv.id}`} className="underline">
            Payer maintenant
          </Link>
        )}
      </Alert>
    );
  }
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-4">
      <div className="rounded-lg bg-green-50 p-5 text-center" data-testid="confirmation-message" role="status">
        <svg aria-hidden="true" viewBox="0 0 24 24" className="mx-auto h-12 w-12 text-status-confirmed" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round"><circle cx="12" cy="12" r="10" /><path d="m8 12 3 3 5-6" /></svg>
        <h1 className="mt-2 text-2xl font-bold text-status-confirmed">Votre rendez-vous est confirmé</h1>
        <p className="mt-1 text-sm text-ink-strong">Référence {rdv.reference}</p>
      </div>
      <Card title="Détails du rendez-vous">
        <RdvSummary rdv={rdv} />
      </Card>
      <div className="flex flex-wrap gap-2">
        <a href={downloadUrl(`/rdv/${rdv.id}/pdf`, rdv.id)} className={`${linkButton} bg-brand-500 text-on-brand hover:bg-brand-600`} download data-testid="download-pdf">
          Télécharger la confirmation (PDF)
        </a>
        <a href={downloadUrl(`/rdv/${rdv.id}/ics`, rdv.id)} className={`${linkButton} border border-ink/30 bg-white text-ink-strong hover:bg-brand-50`} download data-testid="download-ics">
          Ajouter au calendrier (ICS)
        </a>
      </div>
      <Alert tone="success" title="Confirmation envoyée">
        Un e-mail de confirmation a été envoyé{rdv.email && <> à <strong>{rdv.email}</strong></>} et un SMS{rdv.phone && <> au <strong>{rdv.phone}</strong></>}. Vous
        recevrez aussi un rappel la veille.
      </Alert>
      <p className="text-sm">
        <Link to="/mes-rdv" className="underline">
          Voir mes rendez-vous
        </Link>
      </p>
    </div>
  );
}
