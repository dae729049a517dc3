// /tenant/utilisateurs: the network's accounts (an agency admin sees its agency's staff): search,
// filters by role, status, agency and centre, sort, pages; for the accounts of a role the admin
// may give: create (the person is invited by e-mail), edit, deactivate or reactivate, delete,
// and deactivate many at once.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '@/api/messages';
import { keys } from '@/api/keys';
import type { StaffUser, StaffUserQuery, StaffUserSort, StaffUserStatus } from '@/api/types';
import { NETWORK_ROLES, ROLE, USER_STATUS, USER_STATUSES, roleLabel, type Role } from '@/domain/vocabulary';
import { numericDate, time } from '@/domain/format';
import { useMe } from '@/features/auth/session';
import { agenciesQuery, centresQuery } from '@/features/network/api';
import { deleteUser, exportUsers, resendInvitation, updateUser, usersQuery, type ExportFormat } from '@/features/users/api';
import { grantableBy } from '@/features/users/grants';
import { UserForm } from '@/features/users/UserForm';
import { Badge, Button, ConfirmDialog, Drawer, DropdownMenu, PageTitle, saveFile, useToast, type BadgeTone } from '@/ui';
import { DataTable, useTableQuery, type BulkAction, type DataColumn, type TableQuery } from '@/ui/staff';

const STATUS_TONE: Record<StaffUserStatus, BadgeTone> = { active: 'success', invited: 'info', disabled: 'neutral' };

const fullName = (u: StaffUser) => `${u.first_name} ${u.last_name}`;

/** The table's query as `GET /users` reads it. */
function toUserQuery(q: TableQuery): StaffUserQuery {
  const f = q.filters;
  return {
    q: q.search || undefined,
    role: (f.role || undefined) as Role | undefined,
    status: (f.status || undefined) as StaffUserStatus | undefined,
    agency_id: f.agency_id || undefined,
    centre_id: f.centre_id || undefined,
    sort: q.sort?.key as StaffUserSort | undefined,
    order: q.sort?.dir,
    cursor: q.cursor ?? undefined,
    limit: q.limit,
  };
}

/** What the confirm dialog asks about. */
type Pending = { kind: 'disable' | 'enable' | 'delete'; user: StaffUser } | { kind: 'bulk-disable'; users: StaffUser[]; done: () => void };

/** The users page. */
export default function Users() {
  const me = useMe();
  const toast = useToast();
  const client = useQueryClient();
  const table = useTableQuery({ sort: { key: 'name', dir: 'asc' } });
  const users = useQuery(usersQuery(toUserQuery(table.query)));
  const allAgencies = useQuery(agenciesQuery());
  const centres = useQuery(centresQuery(null));
  // An agency admin reads every agency of the network but manages its own only.
  const ownAgency = me.data?.role === 'ADMIN_AGENCE' ? me.data.agency_id : null;
  const agencies = (ownAgency ? allAgencies.data?.filter((a) => a.id === ownAgency) : allAgencies.data) ?? [];
  const [editing, setEditing] = useState<StaffUser | 'new' | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [exporting, setExporting] = useState(false);

  /** Sends `u` a new invitation e-mail. */
  async function resend(u: StaffUser) {
    try {
      await resendInvitation(u.id);
      toast('success', `Nouvelle invitation envoyée à ${u.email}.`);
    } catch (e) {
      toast('error', errorMessage(e));
    }
  }

  /** Downloads every account of the current filters and order as `format`. */
  async function download(format: ExportFormat) {
    setExporting(true);
    try {
      const file = await exportUsers(toUserQuery(table.query), format);
      saveFile(file.blob, file.filename);
    } catch (e) {
      toast('error', errorMessage(e));
    } finally {
      setExporting(false);
    }
  }

  const agencyName = (id: string | null) => allAgencies.data?.find((a) => a.id === id)?.name;
  const centreName = (id: string | null) => centres.data?.find((c) => c.id === id)?.name;
  const grantable = grantableBy(me.data?.role ?? '');
  const myId = me.data?.id;
  // The accounts this admin manages: those of a role it may give (never a client's: clients
  // manage their own). Its own account is one of them for its names, not for its access.
  const manages = (u: StaffUser) => grantable.includes(u.role);

  const refresh = () => client.invalidateQueries({ queryKey: keys.users.all() });
  const change = useMutation({
    // Resolves with the refusals of a bulk change (some accounts may be refused, not all).
    mutationFn: async (p: Pending): Promise<unknown[]> => {
      if (p.kind === 'delete') {
        await deleteUser(p.user.id);
        return [];
      }
      if (p.kind === 'bulk-disable') {
        const results = await Promise.allSettled(p.users.map((u) => updateUser(u.id, { status: 'disabled' })));
        const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
        if (refused.length === results.length) throw refused[0];
        return refused;
      }
      await updateUser(p.user.id, { status: p.kind === 'disable' ? 'disabled' : 'active' });
      return [];
    },
    onSuccess: (refused, p) => {
      if (p.kind === 'bulk-disable') {
        const done = p.users.length - refused.length;
        if (refused.length > 0) toast('warning', `${done} compte(s) désactivé(s) ; ${refused.length} refusé(s) : ${errorMessage(refused[0])}`);
        else toast('success', done === 1 ? '1 compte désactivé.' : `${done} comptes désactivés.`);
        p.done();
      } else if (p.kind === 'delete') toast('success', `Le compte de ${fullName(p.user)} est supprimé.`);
      else if (p.kind === 'disable') toast('success', `${fullName(p.user)} est désactivé : ses sessions sont fermées.`);
      else toast('success', `${fullName(p.user)} est réactivé.`);
      setPending(null);
    },
    onError: (e) => {
      toast('error', errorMessage(e));
      setPending(null);
    },
    onSettled: refresh,
  });

  const columns: ReadonlyArray<DataColumn<StaffUser>> = [
    {
      key: 'name',
      header: 'Nom',
      sort: 'name',
      fixed: true,
      cell: (u) => <span className="font-medium text-ink-strong dark:text-gray-100">{fullName(u)}</span>,
    },
    { key: 'email', header: 'E-mail', sort: 'email', cell: (u) => u.email },
    { key: 'role', header: 'Rôle', sort: 'role', cell: (u) => roleLabel(u.role) },
    {
      key: 'scope',
      header: 'Agence / centre',
      cell: (u) => centreName(u.centre_id) ?? agencyName(u.agency_id) ?? (u.centre_id || u.agency_id ? '…' : 'Tout le réseau'),
    },
    { key: 'status', header: 'Statut', cell: (u) => <Badge tone={STATUS_TONE[u.status]}>{USER_STATUS[u.status]?.label ?? u.status}</Badge> },
    { key: 'last_login_at', header: 'Dernière connexion', sort: 'last_login_at', cell: (u) => (u.last_login_at ? `${numericDate(u.last_login_at)} ${time(u.last_login_at)}` : 'Jamais') },
    { key: 'created_at', header: 'Créé le', sort: 'created_at', optional: true, cell: (u) => numericDate(u.created_at) },
    { key: 'phone', header: 'Téléphone', optional: true, cell: (u) => u.phone ?? '—' },
  ];

  const agencyFilter = table.query.filters.agency_id ?? '';
  const filters = [
    { key: 'role', label: 'Rôle', all: 'Tous les rôles', options: NETWORK_ROLES.map((r) => ({ value: r, label: ROLE[r].label })) },
    { key: 'status', label: 'Statut', all: 'Tous les statuts', options: USER_STATUSES.map((s) => ({ value: s, label: USER_STATUS[s].plural })) },
    { key: 'agency_id', label: 'Agence', all: 'Toutes les agences', options: agencies.map((a) => ({ value: a.id, label: a.name })) },
    {
      key: 'centre_id',
      label: 'Centre',
      all: 'Tous les centres',
      options: (centres.data ?? []).filter((c) => !agencyFilter || c.agency_id === agencyFilter).map((c) => ({ value: c.id, label: c.name })),
    },
  ];

  const bulk: ReadonlyArray<BulkAction<StaffUser>> = [
    {
      label: 'Désactiver',
      danger: true,
      onRun: (rows, done) => {
        const users = rows.filter((u) => u.status !== 'disabled' && u.id !== myId && manages(u));
        if (users.length === 0) toast('info', 'Aucun des comptes choisis ne peut être désactivé par vous (déjà désactivés, le vôtre, ou des clients).');
        else setPending({ kind: 'bulk-disable', users, done });
      },
    },
  ];

  const rowActions = (u: StaffUser) =>
    manages(u) && (
      <DropdownMenu
        label="Actions"
        accessibleLabel={`Actions pour ${fullName(u)}`}
        items={[
          { label: 'Modifier', onSelect: () => setEditing(u) },
          ...(u.status === 'invited' ? [{ label: 'Renvoyer l’invitation', onSelect: () => void resend(u) }] : []),
          u.status === 'disabled'
            ? { label: 'Réactiver', onSelect: () => setPending({ kind: 'enable', user: u }) }
            : { label: 'Désactiver', onSelect: () => setPending({ kind: 'disable', user: u }), disabled: u.id === myId },
          { label: 'Supprimer', danger: true, onSelect: () => setPending({ kind: 'delete', user: u }), disabled: u.id === myId },
        ]}
      />
    );

  return (
    <div>
      <PageTitle sub="Les comptes du réseau, personnel et clients : rôles, périmètres et accès.">Utilisateurs</PageTitle>
      <DataTable
        id="tenant-users"
        caption="Utilisateurs"
        columns={columns}
        rowKey={(u) => u.id}
        rowLabel={fullName}
        controller={{
          ...table,
          // Another agency's centres are no longer a choice.
          setFilter: (key, value) => {
            table.setFilter(key, value);
            if (key === 'agency_id') table.setFilter('centre_id', '');
          },
        }}
        page={users.data}
        refreshing={users.isPlaceholderData}
        error={users.isError ? errorMessage(users.error) : null}
        onRetry={() => users.refetch()}
        searchLabel="Rechercher"
        searchPlaceholder="Nom ou e-mail"
        filters={filters}
        bulkActions={bulk}
        rowActions={rowActions}
        empty={{ title: 'Aucun utilisateur ne correspond.', hint: 'Modifiez la recherche ou les filtres.' }}
        actions={
          <>
            <DropdownMenu
              label={exporting ? 'Export en cours…' : 'Exporter'}
              accessibleLabel="Exporter la liste filtrée"
              items={[
                { label: 'Tableur CSV', onSelect: () => void download('csv'), disabled: exporting },
                { label: 'Classeur Excel (XLSX)', onSelect: () => void download('xlsx'), disabled: exporting },
              ]}
            />
            {grantable.length > 0 && (
              <Button onClick={() => setEditing('new')} data-testid="user-new">
                Nouvel utilisateur
              </Button>
            )}
          </>
        }
      />

      <Drawer open={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? 'Nouvel utilisateur' : editing ? `Modifier ${fullName(editing)}` : ''}>
        {editing !== null && (
          <UserForm
            key={editing === 'new' ? 'new' : editing.id}
            user={editing === 'new' ? undefined : editing}
            grantable={grantable}
            agencies={agencies}
            centres={centres.data ?? []}
            ownAccount={editing !== 'new' && editing.id === myId}
            onSaved={(saved) => {
              toast('success', editing === 'new' ? `Invitation envoyée à ${saved.email}.` : 'Modifications enregistrées.');
              setEditing(null);
            }}
            onCancel={() => setEditing(null)}
          />
        )}
      </Drawer>

      <ConfirmDialog
        open={pending !== null}
        onClose={() => !change.isPending && setPending(null)}
        onConfirm={() => pending && change.mutate(pending)}
        pending={change.isPending}
        danger={pending?.kind !== 'enable'}
        title={
          !pending
            ? ''
            : pending.kind === 'bulk-disable'
              ? `Désactiver ${pending.users.length} compte(s) ?`
              : pending.kind === 'delete'
                ? `Supprimer le compte de ${fullName(pending.user)} ?`
                : pending.kind === 'disable'
                  ? `Désactiver ${fullName(pending.user)} ?`
                  : `Réactiver ${fullName(pending.user)} ?`
        }
        confirmLabel={!pending ? '' : pending.kind === 'delete' ? 'Supprimer' : pending.kind === 'enable' ? 'Réactiver' : 'Désactiver'}
      >
        {pending?.kind === 'delete' && <p>Le compte est supprimé définitivement ; cette action ne peut pas être annulée. Pour suspendre un accès, désactivez plutôt le compte.</p>}
        {(pending?.kind === 'disable' || pending?.kind === 'bulk-disable') && <p>Les sessions ouvertes sont fermées immédiatement et la connexion est refusée jusqu’à la réactivation.</p>}
        {pending?.kind === 'enable' && <p>La personne pourra de nouveau se connecter.</p>}
      </ConfirmDialog>
    </div>
  );
}
