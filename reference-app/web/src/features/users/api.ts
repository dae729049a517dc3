// The network's staff accounts: list (search, filters, order, pages by cursor), export as a
// spreadsheet, create (an invitation e-mail is sent), change, deactivate or reactivate, delete.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, download } from '@/api/client';
import { keys } from '@/api/keys';
import type { CursorPage, StaffUser, StaffUserInput, StaffUserQuery, StaffUserUpdate } from '@/api/types';
import { addStaffMessages } from '@/api/staffMessages';

addStaffMessages();

/** `query` as a query string ('' when empty), leaving out what is not set. */
function search(query: StaffUserQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** One page of the staff accounts the signed-in user may see. */
export const listUsers = (query: StaffUserQuery) => api<CursorPage<StaffUser>>(`/users${search(query)}`);

/** A spreadsheet format of the exports. */
export type ExportFormat = 'csv' | 'xlsx';

/** Every account of `query`'s filters and order (not only its page), as a CSV or XLSX file. */
export function exportUsers(query: StaffUserQuery, format: ExportFormat) {
  const filters: Record<string, unknown> = { format, ...query };
  delete filters.cursor;
  delete filters.limit;
  return download(`/users/export${search(filters as StaffUserQuery)}`, `utilisateurs.${format}`);
}

/** The query of one page of staff accounts; the previous page stays shown while the next loads. */
export const usersQuery = (query: StaffUserQuery) =>
  queryOptions({ queryKey: keys.users.list(query), queryFn: () => listUsers(query), placeholderData: keepPreviousData });

/** Creates an account (invited by e-mail); `idempotencyKey` names the form's submission. */
export const createUser = (body: StaffUserInput, idempotencyKey: string) => api<StaffUser>('/users', { method: 'POST', body, idempotencyKey });

/** Changes an account; deactivating it (`status: "disabled"`) ends its sessions at once. */
export const updateUser = (id: string, body: StaffUserUpdate) => api<StaffUser>(`/users/${encodeURIComponent(id)}`, { method: 'PUT', body });

/** Sends an invited account a new invitation e-mail; the earlier links stop working. */
export const resendInvitation = (id: string) => api<StaffUser>(`/users/${encodeURIComponent(id)}/invitation`, { method: 'POST' });

/** Deletes an account. */
export const deleteUser = (id: string) => api<void>(`/users/${encodeURIComponent(id)}`, { method: 'DELETE' });
