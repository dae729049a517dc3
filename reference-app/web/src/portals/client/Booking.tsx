// The booking form: driver, vehicle (or a saved one), control type and notes → POST /rdv.
import { useEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery } from '@tanstack/react-query';
import { ApiError, idempotencyKey } from '@/api/client';
import { applyServerError } from '@/api/fieldErrors';
import { euros, when } from '@/domain/format';
import { CONTROL_TYPE_OPTIONS, FUEL_OPTIONS, VEHICLE_CATEGORY_OPTIONS, type ControlType, type VehicleCategory } from '@/domain/vocabulary';
import { useMe } from '@/features/auth/session';
import { createRdv } from '@/features/booking/api';
import { recallPick } from '@/features/booking/pick';
import { bookingSchema, type BookingForm, type BookingValues } from '@/features/booking/schemas';
import { Alert, Button, Card, FormField, Input, PageTitle, Select } from '@/ui';
import { vehiclesQuery } from './api';

const FIELDS = ['first_name', 'last_name', 'email', 'phone', 'immatriculation', 'vehicle_type', 'fuel', 'marque', 'modele', 'annee', 'control_type', 'notes', 'failed_inspection_date'] as const;

/** The booking form of a picked slot. */
export default function Booking() {
  const { disponibiliteId = '' } = useParams();
  const navigate = useNavigate();
  const pick = recallPick(disponibiliteId);
  const me = useMe();
  const vehicles = useQuery({ ...vehiclesQuery(), enabled: !!me.data });
  const key = useRef(idempotencyKey());
  const [formError, setFormError] = useState<string | null>(null);
  const [slotGone, setSlotGone] = useState(false);
  const form = useForm<BookingForm, unknown, BookingValues>({
    resolver: zodResolver(bookingSchema),
    defaultValues: {
      first_name: '',
      last_name: '',
      email: '',
      phone: '',
      immatriculation: '',
      vehicle_type: (pick?.vehicle_type ?? 'VP') as VehicleCategory,
      fuel: 'PETROL',
      marque: '',
      modele: '',
      annee: '',
      control_type: (pick?.control_type ?? 'CT') as ControlType,
      notes: '',
      vehicle_id: '',
      failed_inspection_date: '',
    },
  });
  const { register, handleSubmit, formState, setValue, setError, getValues } = form;
  const errors = formState.errors;
  const vehicleId = useWatch({ control: form.control, name: 'vehicle_id' });
  const controlType = useWatch({ control: form.control, name: 'control_type' });

  // Signed-in users start from their profile.
  const user = me.data;
  useEffect(() => {
    if (!user) return;
    if (!getValues('first_name')) setValue('first_name', user.first_name);
    if (!getValues('last_name')) setValue('last_name', user.last_name);
    if (!getValues('email')) setValue('email', user.email);
    if (!getValues('phone') && user.phone) setValue('phone', user.phone);
  }, [user, getValues, setValue]);

  const pickVehicle = (id: string) => {
    setValue('vehicle_id', id);
    const v = vehicles.data?.find((x) => x.id === id);
    if (!v) return;
    setValue('immatriculation', v.immatriculation, { shouldValidate: true });
    setValue('vehicle_type', v.vehicle_type);
    setValue('fuel', v.fuel);
    setValue('marque', v.marque);
    setValue('modele', v.modele);
    setValue('annee', v.annee ? String(v.annee) : '');
  };

  const book = useMutation({
    mutationFn: (v: BookingValues) =>
      createRdv(
        {
          disponibilite_id: disponibiliteId,
          first_name: v.first_name,
          last_name: v.last_name,
          email: v.email,
          phone: v.phone,
          immatriculation: v.immatriculation,
          vehicle_type: v.vehicle_type,
          fuel: v.fuel,
          marque: v.marque,
          modele: v.modele,
          annee: v.annee,
          control_type: v.control_type,
          notes: v.notes,
          vehicle_id: v.vehicle_id || null,
          ...(v.control_type === 'CT_CONTRE_VISITE' && v.failed_inspection_date ? { failed_inspection_date: v.failed_inspection_date } : {}),
        },
        key.current,
      ),
    onSuccess: (rdv) => navigate(`/paiement/${rdv.id}`),
    onError: (error) => {
      // A refusal is final for this key; a network failure may be retried with the same one.
      if (!(error instanceof ApiError && error.code === 'NETWORK')) key.current = idempotencyKey();
      if (error instanceof ApiError && ['SLOT_TAKEN', 'NOTICE_TOO_SHORT', 'BEYOND_HORIZON', 'OVERBOOKING_LIMIT_REACHED', 'NO_QUALIFIED_INSPECTOR', 'OUTSIDE_OPENING_HOURS'].includes(error.code)) setSlotGone(true);
      setFormError(applyServerError(error, setError, FIELDS));
    },
  });

  return (
    <div className="mx-auto max-w-3xl">
      <PageTitle>Votre réservation</PageTitle>
      {pick ? (
        <Card className="mb-4" title="Créneau choisi">
          <p className="font-semibold text-ink-strong first-letter:uppercase" data-testid="booking-slot">
            {when(pick.start)}
          </p>
          <p className="text-sm">
            {pick.centre.name} — {pick.centre.address}, {pick.centre.postcode} {pick.centre.city}
          </p>
          <p className="mt-1 text-sm">
            Prix : <strong className="text-ink-strong">{euros(pick.price_cents)} TTC</strong>
          </p>
        </Card>
      ) : (
        <Alert tone="info">Le créneau choisi sera confirmé à l’étape suivante.</Alert>
      )}
      <form onSubmit={handleSubmit((v) => book.mutate(v))} noValidate data-testid="reservation-form" className="mt-4 flex flex-col gap-4">
        <Card title="Conducteur">
          <div className="grid gap-3 sm:grid-cols-2">
            <FormField label="Prénom" required error={errors.first_name?.message}>
              <Input autoComplete="given-name" {...register('first_name')} data-testid="first-name" />
            </FormField>
            <FormField label="Nom" required error={errors.last_name?.message}>
              <Input autoComplete="family-name" {...register('last_name')} data-testid="last-name" />
            </FormField>
            <FormField label="E-mail" required error={errors.email?.message} hint="Votre confirmation y sera envoyée.">
              <Input type="email" autoComplete="email" {...register('email')} data-testid="email" />
            </FormField>
            <FormField label="Téléphone" required error={errors.phone?.message} hint="Pour le rappel par SMS.">
              <Input type="tel" autoComplete="tel" {...register('phone')} data-testid="phone" />
            </FormField>
          </div>
        </Card>
        <Card title="Véhicule">
          {vehicles.data && vehicles.data.length > 0 && (
            <div className="mb-3">
              <FormField label="Mes véhicules">
                <Select
                  placeholder="Saisir un autre véhicule"
                  options={vehicles.data.map((v) => ({ value: v.id, label: `${v.immatriculation} — ${v.marque} ${v.modele}` }))}
                  value={vehicleId}
                  onChange={(e) => pickVehicle(e.target.value)}
                  data-testid="saved-vehicle"
                />
              </FormField>
            </div>
          )}
          <div className="grid gap-3 sm:grid-cols-2">
            <FormField label="Immatriculation" required error={errors.immatriculation?.message} hint="AB-123-CD ou 123 ABC 45">
              <Input autoCapitalize="characters" {...register('immatriculation')} data-testid="immatriculation" />
            </FormField>
            <FormField label="Catégorie" required error={errors.vehicle_type?.message}>
              <Select options={VEHICLE_CATEGORY_OPTIONS} {...register('vehicle_type')} data-testid="vehicle-type" />
            </FormField>
            <FormField label="Marque" required error={errors.marque?.message}>
              <Input {...register('marque')} data-testid="marque" />
            </FormField>
            <FormField label="Modèle" required error={errors.modele?.message}>
              <Input {...register('modele')} data-testid="modele" />
            </FormField>
            <FormField label="Énergie" error={errors.fuel?.message}>
              <Select options={FUEL_OPTIONS} {...register('fuel')} data-testid="fuel" />
            </FormField>
            <FormField label="Année" error={errors.annee?.message}>
              <Input inputMode="numeric" {...register('annee')} data-testid="annee" />
            </FormField>
          </div>
        </Card>
        <Card title="Contrôle">
          <div className="grid gap-3 sm:grid-cols-2">
            <FormField label="Type de contrôle" required error={errors.control_type?.message}>
              <Select options={CONTROL_TYPE_OPTIONS} {...register('control_type')} data-testid="control-type" />
            </FormField>
            <FormField label="Notes pour le centre" error={errors.notes?.message}>
              <Input {...register('notes')} data-testid="notes" placeholder="Facultatif" />
            </FormField>
            {controlType === 'CT_CONTRE_VISITE' && (
              <FormField label="Date du contrôle initial" error={errors.failed_inspection_date?.message} hint="La contre-visite doit avoir lieu dans les 2 mois.">
                <Input type="date" {...register('failed_inspection_date')} data-testid="failed-inspection-date" />
              </FormField>
            )}
          </div>
        </Card>
        {formError && (
          <Alert tone="error" title="Réservation impossible">
            {formError}{' '}
            {slotGone && (
              <button type="button" className="underline" onClick={() => navigate(-1)}>
                Choisir un autre créneau
              </button>
            )}
          </Alert>
        )}
        <Button type="submit" size="lg" loading={book.isPending} data-testid="confirm-button">
          Confirmer et payer
        </Button>
        <p className="text-xs">Le créneau vous est réservé 10 minutes pendant le paiement.</p>
      </form>
    </div>
  );
}
