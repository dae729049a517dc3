// Profile: personal data (GET/PUT /users/me), vehicles and notification preferences.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { applyServerError } from '@/api/fieldErrors';
import { keys } from '@/api/keys';
import { errorMessage } from '@/api/messages';
import type { NotificationPrefs, User, Vehicle } from '@/api/types';
import { FUEL_OPTIONS, VEHICLE_CATEGORY, VEHICLE_CATEGORY_OPTIONS } from '@/domain/vocabulary';
import { updateMe } from '@/features/auth/api';
import { profileSchema, type ProfileForm } from '@/features/auth/schemas';
import { useMe } from '@/features/auth/session';
import { vehicleSchema, type VehicleForm } from '@/features/booking/schemas';
import { Alert, Button, Card, Empty, Failure, FormField, Input, Loading, Modal, PageTitle, Select, Switch, useToast } from '@/ui';
import { addVehicle, deleteVehicle, notificationPrefsQuery, putNotificationPrefs, updateVehicle, vehiclesQuery } from './api';

function PersonalData({ user }: { user: User }) {
  const client = useQueryClient();
  const toast = useToast();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<ProfileForm>({
    resolver: zodResolver(profileSchema),
    defaultValues: { first_name: user.first_name, last_name: user.last_name, phone: user.phone ?? '' },
  });
  const save = useMutation({
    mutationFn: (v: ProfileForm) => updateMe({ first_name: v.first_name.trim(), last_name: v.last_name.trim(), ...(v.phone ? { phone: v.phone.trim() } : {}) }),
    onSuccess: (u) => {
      client.setQueryData(keys.me(), u);
      toast('success', 'Profil enregistré.');
    },
    onError: (e) => setError(applyServerError(e, form.setError, ['first_name', 'last_name', 'phone'])),
  });
  const e = form.formState.errors;
  return (
    <form onSubmit={form.handleSubmit((v) => { setError(null); save.mutate(v); })} noValidate className="flex flex-col gap-3" data-testid="profile-form">
      <div className="grid gap-3 sm:grid-cols-2">
        <FormField label="Prénom" required error={e.first_name?.message}>
          <Input {...form.register('first_name')} data-testid="profile-first-name" />
        </FormField>
        <FormField label="Nom" required error={e.last_name?.message}>
          <Input {...form.register('last_name')} data-testid="profile-last-name" />
        </FormField>
        <FormField label="E-mail" hint="L’adresse de connexion ne peut pas être modifiée ici.">
          <Input value={user.email} readOnly disabled data-testid="profile-email" />
        </FormField>
        <FormField label="Téléphone" error={e.phone?.message}>
          <Input type="tel" {...form.register('phone')} data-testid="profile-phone" />
        </FormField>
      </div>
      {error && <Alert tone="error">{error}</Alert>}
      <div>
        <Button type="submit" loading={save.isPending} data-testid="profile-save">
          Enregistrer
        </Button>
      </div>
    </form>
  );
}

const emptyVehicle: VehicleForm = { immatriculation: '', vehicle_type: 'VP', fuel: 'PETROL', marque: '', modele: '', annee: '' };

function VehicleEditor({ vehicle, onDone }: { vehicle: Vehicle | null; onDone: () => void }) {
  const client = useQueryClient();
  const toast = useToast();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<VehicleForm, unknown, import('zod').output<typeof vehicleSchema>>({
    resolver: zodResolver(vehicleSchema),
    defaultValues: vehicle ? { ...vehicle, annee: vehicle.annee ? String(vehicle.annee) : '' } : emptyVehicle,
  });
  const save = useMutation({
    mutationFn: (v: import('zod').output<typeof vehicleSchema>) => (vehicle ? updateVehicle(vehicle.id, v) : addVehicle(v)),
    onSuccess: () => {
      client.invalidateQueries({ queryKey: keys.vehicles() });
      toast('success', vehicle ? 'Véhicule modifié.' : 'Véhicule ajouté.');
      onDone();
    },
    onError: (e) => setError(applyServerError(e, form.setError, ['immatriculation', 'vehicle_type', 'fuel', 'marque', 'modele', 'annee'])),
  });
  const e = form.formState.errors;
  return (
    <form onSubmit={form.handleSubmit((v) => { setError(null); save.mutate(v); })} noValidate className="flex flex-col gap-3" data-testid="vehicle-form">
      <FormField label="Immatriculation" required error={e.immatriculation?.message} hint="AB-123-CD ou 123 ABC 45">
        <Input autoCapitalize="characters" {...form.register('immatriculation')} data-testid="vehicle-immatriculation" />
      </FormField>
      <div className="grid grid-cols-2 gap-3">
        <FormField label="Catégorie" required>
          <Select options={VEHICLE_CATEGORY_OPTIONS} {...form.register('vehicle_type')} data-testid="vehicle-category" />
        </FormField>
        <FormField label="Énergie">
          <Select options={FUEL_OPTIONS} {...form.register('fuel')} data-testid="vehicle-fuel" />
        </FormField>
        <FormField label="Marque" required error={e.marque?.message}>
          <Input {...form.register('marque')} data-testid="vehicle-marque" />
        </FormField>
        <FormField label="Modèle" required error={e.modele?.message}>
          <Input {...form.register('modele')} data-testid="vehicle-modele" />
        </FormField>
        <FormField label="Année" error={e.annee?.message}>
          <Input inputMode="numeric" {...form.register('annee')} data-testid="vehicle-annee" />
        </FormField>
      </div>
      {error && <Alert tone="error">{error}</Alert>}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onDone}>
          Annuler
        </Button>
        <Button type="submit" loading={save.isPending} data-testid="vehicle-save">
          Enregistrer
        </Button>
      </div>
    </form>
  );
}

function Vehicles() {
  const client = useQueryClient();
  const toast = useToast();
  const query = useQuery(vehiclesQuery());
  const [editing, setEditing] = useState<Vehicle | 'new' | null>(null);
  const [removing, setRemoving] = useState<Vehicle | null>(null);
  const remove = useMutation({
    mutationFn: (id: string) => deleteVehicle(id),
    onSuccess: () => {
      client.invalidateQueries({ queryKey: keys.vehicles() });
      setRemoving(null);
      toast('success', 'Véhicule supprimé.');
    },
  });
  return (
    <div className="flex flex-col gap-3">
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <Failure message={errorMessage(query.error)} retry={() => query.refetch()} />
      ) : query.data.length === 0 ? (
        <Empty title="Aucun véhicule enregistré">Ajoutez vos véhicules pour réserver plus vite.</Empty>
      ) : (
        <ul className="divide-y divide-gray-200">
          {query.data.map((v) => (
            <li key={v.id} className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid="vehicle-row">
              <div>
                <p className="font-semibold text-ink-strong">{v.immatriculation}</p>
                <p className="text-sm">
                  {v.marque} {v.modele}
                  {v.annee ? ` (${v.annee})` : ''} · {VEHICLE_CATEGORY[v.vehicle_type]?.label ?? v.vehicle_type}
                </p>
              </div>
              <div className="flex gap-2">
                <Button size="sm" variant="secondary" onClick={() => setEditing(v)} data-testid="vehicle-edit">
                  Modifier
                </Button>
                <Button size="sm" variant="ghost" onClick={() => setRemoving(v)} data-testid="vehicle-delete">
                  Supprimer
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <div>
        <Button variant="secondary" onClick={() => setEditing('new')} data-testid="vehicle-add">
          Ajouter un véhicule
        </Button>
      </div>
      <Modal open={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? 'Ajouter un véhicule' : 'Modifier le véhicule'}>
        {editing !== null && <VehicleEditor vehicle={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />}
      </Modal>
      <Modal
        open={removing !== null}
        onClose={() => setRemoving(null)}
        title="Supprimer ce véhicule ?"
        footer={
          <>
            <Button variant="secondary" onClick={() => setRemoving(null)}>
              Garder
            </Button>
            <Button variant="danger" loading={remove.isPending} onClick={() => removing && remove.mutate(removing.id)} data-testid="vehicle-delete-confirm">
              Supprimer
            </Button>
          </>
        }
      >
        <p>{removing?.immatriculation} sera retiré de vos véhicules. Vos rendez-vous ne changent pas.</p>
        {remove.isError && <Alert tone="error">{errorMessage(remove.error)}</Alert>}
      </Modal>
    </div>
  );
}

const PREFS: Array<{ key: keyof NotificationPrefs; label: string }> = [
  { key: 'email', label: 'Confirmations par e-mail' },
  { key: 'sms', label: 'Confirmations par SMS' },
  { key: 'reminder_j1', label: 'Rappel la veille (J-1)' },
  { key: 'reminder_h2', label: 'Rappel 2 heures avant' },
];

function Notifications() {
  const client = useQueryClient();
  const toast = useToast();
  const query = useQuery(notificationPrefsQuery());
  const [prefs, setPrefs] = useState<NotificationPrefs | null>(null);
  const save = useMutation({
    mutationFn: putNotificationPrefs,
    onSuccess: (p) => {
      client.setQueryData(keys.notificationPrefs(), p);
      setPrefs(null);
      toast('success', 'Préférences enregistrées.');
    },
    onError: (e) => {
      setPrefs(null);
      toast('error', errorMessage(e));
    },
  });
  if (query.isPending) return <Loading />;
  if (query.isError) return <Failure message={errorMessage(query.error)} retry={() => query.refetch()} />;
  const current = prefs ?? query.data;
  return (
    <div className="flex flex-col gap-3" data-testid="notification-prefs">
      {PREFS.map((p) => (
        <Switch
          key={p.key}
          label={p.label}
          checked={!!current[p.key]}
          disabled={save.isPending}
          onChange={(checked) => {
            const next = { ...current, [p.key]: checked };
            setPrefs(next);
            save.mutate(next);
          }}
        />
      ))}
    </div>
  );
}

/** The signed-in user's profile (the route requires a session). */
export default function Profile() {
  const me = useMe();
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-4">
      <PageTitle sub={<Link to="/mes-rdv" className="underline">Historique de mes rendez-vous</Link>}>Mon profil</PageTitle>
      <Card title="Informations personnelles">
        {me.isPending ? <Loading /> : me.isError ? <Failure message={errorMessage(me.error)} retry={() => me.refetch()} /> : <PersonalData key={me.data.id} user={me.data} />}
      </Card>
      <Card title="Mes véhicules">
        <Vehicles />
      </Card>
      <Card title="Notifications">
        <Notifications />
      </Card>
    </div>
  );
}
