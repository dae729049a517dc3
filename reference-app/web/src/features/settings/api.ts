// The network's settings (ADMIN_TENANT): read them, change the sections' fields, set or remove
// the client portal's logo (the image itself is the body).
import { queryOptions } from '@tanstack/react-query';
import { api } from '@/api/client';
import { keys } from '@/api/keys';
import type { SettingsUpdate, TenantSettings, TestEmailSent } from '@/api/types';
import type { LogoFormat } from './image';
import { addStaffMessages } from '@/api/staffMessages';

addStaffMessages();

const PATH = '/admin/tenant/settings';

/** The network's settings. */
export const getSettings = () => api<TenantSettings>(PATH);

/** The query of the network's settings. */
export const settingsQuery = () => queryOptions({ queryKey: keys.settings(), queryFn: getSettings });

/** Changes the fields of `body`'s sections; resolves with the new settings. */
export const updateSettings = (body: SettingsUpdate) => api<TenantSettings>(PATH, { method: 'PUT', body });

/** Sets the portal's logo to `image` (of `format`, known by its bytes); resolves with the new settings. */
export const putLogo = (image: Blob, format: LogoFormat) =>
  api<TenantSettings>(`${PATH}/logo`, { method: 'PUT', raw: image, headers: { 'Content-Type': format } });

/** Removes the portal's logo; resolves with the new settings. */
export const deleteLogo = () => api<TenantSettings>(`${PATH}/logo`, { method: 'DELETE' });

/** Sends a test e-mail to the signed-in admin through the network's e-mail channel; resolves with the channel used. */
export const sendTestEmail = () => api<TestEmailSent>(`${PATH}/notification/test`, { method: 'POST' });
