// /tenant/parametres (ADMIN_TENANT): the network's settings in five pages, Général, Règles de
// réservation, Image de marque, Paiement and Notifications, each a form that saves only its
// changed fields.
import { useQuery } from '@tanstack/react-query';
import { NavLink, Navigate, Route, Routes } from 'react-router-dom';
import { errorMessage } from '@/api/messages';
import { settingsQuery } from '@/features/settings/api';
import { Failure, Loading, PageTitle, cx } from '@/ui';
import { BrandingForm } from './BrandingForm';
import { GeneralForm } from './GeneralForm';
import { NotificationForm } from './NotificationForm';
import { PaymentForm } from './PaymentForm';
import { PolicyForm } from './PolicyForm';

/** The settings' pages, in their secondary navigation. */
const PAGES = [
  { path: 'general', label: 'Général' },
  { path: 'regles', label: 'Règles de réservation' },
  { path: 'image', label: 'Image de marque' },
  { path: 'paiement', label: 'Paiement' },
  { path: 'notifications', label: 'Notifications' },
] as const;

const tab = ({ isActive }: { isActive: boolean }) =>
  cx('-mb-px whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium', isActive ? 'border-brand-500 text-ink-strong dark:text-gray-100' : 'border-transparent text-ink hover:text-ink-strong dark:text-gray-300');

/** The settings page. */
export default function Settings() {
  const settings = useQuery(settingsQuery());
  return (
    <div>
      <PageTitle sub="L’identité du réseau, les règles de réservation de ses centres, l’image de son portail client, ses paiements et ses notifications.">Paramètres</PageTitle>
      <nav aria-label="Sections des paramètres" className="mb-4 flex gap-1 overflow-x-auto border-b border-gray-200 dark:border-gray-700">
        {PAGES.map((p) => (
          <NavLink key={p.path} to={p.path} className={tab}>
            {p.label}
          </NavLink>
        ))}
      </nav>
      {settings.isPending ? (
        <Loading />
      ) : settings.isError ? (
        <Failure message={errorMessage(settings.error)} retry={() => settings.refetch()} />
      ) : (
        <Routes>
          <Route index element={<Navigate to="general" replace />} />
          <Route path="general" element={<GeneralForm general={settings.data.general} />} />
          <Route path="regles" element={<PolicyForm policy={settings.data.booking_policy} />} />
          <Route path="image" element={<BrandingForm branding={settings.data.branding} />} />
          <Route path="paiement" element={<PaymentForm payment={settings.data.payment} />} />
          <Route path="notifications" element={<NotificationForm notification={settings.data.notification} />} />
          <Route path="*" element={<Navigate to="general" replace />} />
        </Routes>
      )}
    </div>
  );
}
