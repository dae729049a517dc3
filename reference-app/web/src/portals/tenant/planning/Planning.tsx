// /tenant/planning: the global planning (journey 12). Every centre the admin may read × each
// day of a period, coloured by fill rate, or × local hour over the period; the centres at the
// network's fill warning flagged and shown first; a day cell opens the centre's day. Every
// filter, the page and the day opened live in the URL.
import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { errorMessage } from '@/api/messages';
import { today } from '@/domain/format';
import { agenciesQuery, centresQuery } from '@/features/network/api';
import { globalPlanningQuery } from '@/features/planning/api';
import { periodProblem, planningQuery, readFilters, writeFilters, type PlanningFilters } from '@/features/planning/filters';
import { activeHours, formatPercent, warningsFirst } from '@/features/planning/heat';
import { Alert, Card, Empty, Failure, FormField, Input, Loading, PageTitle, Pagination, Select, cx } from '@/ui';
import { CentreDayPanel } from './CentreDayPanel';
import { DayHeatmap, HeatLegend, HourHeatmap } from './Heatmap';

/** Centres per page of the heatmaps. */
export const PAGE_SIZE = 25;

function Figure({ label, value, tone }: { label: string; value: string; tone?: 'warning' }) {
  return (
    <Card className={cx(tone === 'warning' && 'ring-2 ring-red-600')}>
      <p className="text-sm text-ink dark:text-gray-300">{label}</p>
      <p className="mt-1 text-2xl font-bold text-ink-strong tabular-nums dark:text-gray-100">{value}</p>
    </Card>
  );
}

/** The period's dates: typed freely, sent once the server would take them. */
function PeriodFields({ filters, onChange }: { filters: PlanningFilters; onChange: (from: string, to: string) => void }) {
  const [draft, setDraft] = useState({ from: filters.from, to: filters.to });
  // A period changed elsewhere (the browser's history) replaces the one typed.
  const [shown, setShown] = useState(filters);
  if (shown.from !== filters.from || shown.to !== filters.to) {
    setShown(filters);
    setDraft({ from: filters.from, to: filters.to });
  }
  const problem = periodProblem(draft.from, draft.to);
  const change = (next: { from: string; to: string }) => {
    setDraft(next);
    if (!periodProblem(next.from, next.to)) onChange(next.from, next.to);
  };
  return (
    <>
      <FormField label="Du" error={problem?.field === 'from' ? problem.message : undefined}>
        <Input type="date" value={draft.from} onChange={(e) => change({ ...draft, from: e.target.value })} />
      </FormField>
      <FormField label="Au" hint="31 jours au plus" error={problem?.field === 'to' ? problem.message : undefined}>
        <Input type="date" value={draft.to} onChange={(e) => change({ ...draft, to: e.target.value })} />
      </FormField>
    </>
  );
}

/** The planning page. */
export default function Planning() {
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params, today());
  const valid = periodProblem(filters.from, filters.to) === null;
  const set = (change: Partial<PlanningFilters>) => setParams(writeFilters({ ...filters, page: 1, ...change }));
  const agencies = useQuery(agenciesQuery());
  const centres = useQuery(centresQuery(filters.agencyId || null));
  const planning = useQuery({ ...globalPlanningQuery(planningQuery(filters)), enabled: valid, placeholderData: keepPreviousData });

  const ordered = planning.data ? warningsFirst(planning.data.centres) : [];
  const pages = Math.max(1, Math.ceil(ordered.length / PAGE_SIZE));
  const page = Math.min(filters.page, pages);
  const shown = ordered.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const detailName = filters.detail && (planning.data?.centres.find((c) => c.id === filters.detail?.centreId)?.name ?? 'Centre');
  const warning = planning.data?.fill_warning_percent ?? 90;

  return (
    <div className="space-y-4">
      <PageTitle sub="Le remplissage de chaque centre, jour par jour et heure par heure.">Planning</PageTitle>

      <form aria-label="Filtres du planning" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" onSubmit={(e) => e.preventDefault()}>
        <FormField label="Agence">
          <Select
            value={filters.agencyId}
            placeholder="Toutes les agences"
            options={(agencies.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
            onChange={(e) => set({ agencyId: e.target.value, centreId: '' })}
          />
        </FormField>
        <FormField label="Centre">
          <Select
            value={filters.centreId}
            placeholder="Tous les centres"
            options={(centres.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            onChange={(e) => set({ centreId: e.target.value })}
          />
        </FormField>
        <PeriodFields filters={filters} onChange={(from, to) => set({ from, to })} />
      </form>

      {!valid ? (
        <Alert tone="warning" title="Période invalide">
          {periodProblem(filters.from, filters.to)?.message}
        </Alert>
      ) : planning.isPending ? (
        <Loading />
      ) : planning.isError ? (
        <Failure message={errorMessage(planning.error)} retry={() => planning.refetch()} />
      ) : (
        <>
          <div className="grid grid-cols-2 gap-3 lg:grid-cols-4" data-testid="planning-figures">
            <Figure label="Réservations" value={planning.data.booked.toLocaleString('fr-FR')} />
            <Figure label="Capacité" value={planning.data.capacity.toLocaleString('fr-FR')} />
            <Figure label="Taux de remplissage" value={formatPercent(planning.data.fill_rate_percent)} />
            <Figure
              label={`Centres en alerte (≥ ${warning} %)`}
              value={planning.data.warning_centres.toLocaleString('fr-FR')}
              tone={planning.data.warning_centres > 0 ? 'warning' : undefined}
            />
          </div>

          <Card>
            <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
              <div role="group" aria-label="Vue" className="inline-flex rounded-md border border-gray-300 dark:border-gray-600">
                {(
                  [
                    ['jours', 'Par jour'],
                    ['heures', 'Par heure'],
                  ] as const
                ).map(([view, label]) => (
                  <button
                    key={view}
                    type="button"
                    aria-pressed={filters.view === view}
                    onClick={() => set({ view, page })}
                    className={cx(
                      'px-3 py-1.5 text-sm font-medium first:rounded-l-md last:rounded-r-md',
                      filters.view === view ? 'bg-brand-500 text-on-brand' : 'text-ink-strong hover:bg-brand-50 dark:text-gray-100 dark:hover:bg-gray-700',
                    )}
                  >
                    {label}
                  </button>
                ))}
              </div>
              <HeatLegend warning={warning} />
            </div>
            {ordered.length === 0 ? (
              <Empty title="Aucun centre actif dans ce périmètre." />
            ) : filters.view === 'jours' ? (
              <>
                <p className="mb-2 text-sm text-ink dark:text-gray-300">Chaque case donne le taux de remplissage du jour ; cliquez-la pour voir les rendez-vous du centre.</p>
                <DayHeatmap days={planning.data.days} centres={shown} warning={warning} onOpen={(centreId, date) => set({ detail: { centreId, date }, page })} />
              </>
            ) : (
              <>
                <p className="mb-2 text-sm text-ink dark:text-gray-300">Heure locale de chaque centre, sur toute la période.</p>
                <HourHeatmap hours={activeHours(shown)} centres={shown} warning={warning} />
              </>
            )}
            <div className="mt-3 flex flex-wrap items-center justify-between gap-2 text-sm">
              <p className="text-ink dark:text-gray-300">
                {ordered.length.toLocaleString('fr-FR')} centre{ordered.length > 1 ? 's' : ''}, ceux en alerte d’abord
              </p>
              <Pagination page={page} pages={pages} onPage={(p) => set({ page: p })} />
            </div>
          </Card>
        </>
      )}

      {filters.detail && detailName && (
        <CentreDayPanel centreId={filters.detail.centreId} date={filters.detail.date} centreName={detailName} onClose={() => set({ detail: null, page })} />
      )}
    </div>
  );
}
