// Payment: the booking's summary, the hold's countdown and the sandbox card form
// (POST /payment/tokenize, then /payment/process with an idempotency key).
import { useEffect, useState } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router-dom';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, idempotencyKey } from '@/api/client';
import { applyServerError } from '@/api/fieldErrors';
import { keys } from '@/api/keys';
import { errorMessage } from '@/api/messages';
import type { Rdv } from '@/api/types';
import { euros } from '@/domain/format';
import { processPayment, rdvQuery, tokenizeCard } from '@/features/booking/api';
import { RdvSummary } from '@/features/booking/RdvSummary';
import { cardSchema, type CardForm } from '@/features/booking/schemas';
import { Alert, Button, Card, Failure, FormField, Input, Loading, PageTitle } from '@/ui';

const TEST_CARDS = [
  { number: '4242 4242 4242 4242', label: 'paiement accepté' },
  { number: '4000 0000 0000 0002', label: 'carte refusée' },
  { number: '4000 0000 0000 9995', label: 'fonds insuffisants' },
];

function useCountdown(until: string | null): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!until) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [until]);
  return until ? Math.max(0, Math.floor((new Date(until).getTime() - now) / 1000)) : null;
}

function CardPayment({ rdv, expired }: { rdv: Rdv; expired: boolean }) {
  const navigate = useNavigate();
  const client = useQueryClient();
  const [failure, setFailure] = useState<{ code: string; message: string } | null>(null);
  const { register, handleSubmit, formState, setError, setValue } = useForm<CardForm, unknown, { card_number: string; exp_month: number; exp_year: number; cvc: string }>({
    resolver: zodResolver(cardSchema),
    defaultValues: { card_number: '', expiry: '', cvc: '' },
  });
  const pay = useMutation({
    mutationFn: async (card: { card_number: string; exp_month: number; exp_year: number; cvc: string }) => {
      const token = await tokenizeCard(card);
      return processPayment(rdv.id, token.token, idempotencyKey());
    },
    onSuccess: (result) => {
      client.setQueryData(keys.rdv(rdv.id), result.rdv);
      navigate(`/rdv/${rdv.id}/confirmation`);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'ALREADY_PAID') {
        navigate(`/rdv/${rdv.id}/confirmation`);
        return;
      }
      const rest = applyServerError(error, setError, ['card_number', 'expiry', 'cvc'], { exp_month: 'expiry', exp_year: 'expiry' });
      setFailure(rest ? { code: error instanceof ApiError ? error.code : 'UNKNOWN', message: rest } : null);
      if (error instanceof ApiError && error.code === 'HOLD_EXPIRED') client.invalidateQueries({ queryKey: keys.rdv(rdv.id) });
    },
  });
  const e = formState.errors;
  return (
    <form onSubmit={handleSubmit((v) => { setFailure(null); pay.mutate(v); })} noValidate data-testid="payment-form" className="flex flex-col gap-3">
      <FormField label="Numéro de carte" required error={e.card_number?.message}>
        <Input inputMode="numeric" autoComplete="cc-number" placeholder="1234 5678 9012 3456" {...register('card_number')} data-testid="card-number" />
      </FormField>
      <div className="grid grid-cols-2 gap-3">
        <FormField label="Expiration (MM/AA)" required error={e.expiry?.message}>
          <Input inputMode="numeric" autoComplete="cc-exp" placeholder="12/30" {...register('expiry')} data-testid="card-expiry" />
        </FormField>
        <FormField label="Cryptogramme" required error={e.cvc?.message}>
          <Input inputMode="numeric" autoComplete="cc-csc" placeholder="123" {...register('cvc')} data-testid="card-cvc" />
        </FormField>
      </div>
      {failure && (
        <div data-testid="payment-error">
          <Alert tone="error" title={failure.code === 'CARD_DECLINED' ? 'Carte refusée' : failure.code === 'INSUFFICIENT_FUNDS' ? 'Fonds insuffisants' : 'Paiement impossible'}>
            {failure.message}
          </Alert>
        </div>
      )}
      <Button type="submit" size="lg" loading={pay.isPending} disabled={expired} data-testid="pay-button">
        Payer {euros(rdv.price_cents)}
      </Button>
      <p className="flex gap-1.5 text-xs">
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-4 w-4 shrink-0" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round"><rect x="4" y="11" width="16" height="10" rx="2" /><path d="M8 11V7a4 4 0 0 1 8 0v4" /></svg>
        Paiement chiffré (HTTPS). Le numéro de carte n’est transmis qu’au prestataire de paiement (PCI-DSS) et n’est jamais conservé.
      </p>
      <details className="rounded-md bg-blue-50 p-3 text-sm text-blue-950" open>
        <summary className="cursor-pointer font-semibold">Cartes de test (environnement de démonstration)</summary>
        <ul className="mt-2 flex flex-col gap-1" data-testid="test-cards">
          {TEST_CARDS.map((c) => (
            <li key={c.number} className="flex flex-wrap items-baseline gap-x-2">
              <code className="font-mono whitespace-nowrap">{c.number}</code>
              <span className="whitespace-nowrap">
                {c.label} ·{' '}
                <button type="button" className="underline" onClick={() => setValue('card_number', c.number)}>
                  Utiliser
                </button>
              </span>
            </li>
          ))}
          <li>Expiration : toute date future (ex. 12/30) ; cryptogramme : 3 chiffres.</li>
        </ul>
      </details>
    </form>
  );
}

/** The payment of a held booking. */
export default function Payment() {
  const { rdvId = '' } = useParams();
  const query = useQuery(rdvQuery(rdvId));
  const left = useCountdown(query.data?.hold_expires_at ?? null);
  if (query.isPending) return <Loading />;
  if (query.isError) return <Failure message={errorMessage(query.error)} retry={() => query.refetch()} />;
  const rdv = query.data;
  if (rdv.status === 'confirmed' || rdv.payment_status === 'paid') return <Navigate to={`/rdv/${rdv.id}/confirmation`} replace />;
  const expired = left === 0 || (rdv.status !== 'pending_payment');
  return (
    <div className="mx-auto grid max-w-4xl gap-4 md:grid-cols-2">
      <div className="md:col-span-2">
        <PageTitle>Paiement</PageTitle>
        {left !== null && !expired && (
          <div data-testid="hold-countdown">
            <Alert tone={left < 120 ? 'warning' : 'info'}>
              Créneau réservé pour vous encore{' '}
              <strong>
                {Math.floor(left / 60)} min {String(left % 60).padStart(2, '0')} s
              </strong>
              .
            </Alert>
          </div>
        )}
        {expired && (
          <Alert tone="error" title="Délai de paiement dépassé">
            {rdv.status === 'cancelled' ? 'Ce rendez-vous est annulé.' : errorMessage(new ApiError(409, 'HOLD_EXPIRED', ''))}{' '}
            <Link to="/" className="underline">
              Faire une nouvelle recherche
            </Link>
          </Alert>
        )}
      </div>
      <Card title="Récapitulatif">
        <RdvSummary rdv={rdv} />
      </Card>
      <Card title="Carte bancaire">
        <CardPayment rdv={rdv} expired={expired} />
      </Card>
    </div>
  );
}
