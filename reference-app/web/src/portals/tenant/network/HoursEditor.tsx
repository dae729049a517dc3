// The centre's "Horaires" tab: a week grid, Monday to Sunday, each day with zero or more time
// ranges (a morning and an afternoon around lunch, say). Checked before sending (end after start,
// no overlap), saved as weekly windows that group the days with the same ranges.
import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '@/api/client';
import { keys } from '@/api/keys';
import { errorMessage, fieldMessage } from '@/api/messages';
import type { NetworkCentre } from '@/api/types';
import { updateCentre } from '@/features/network/api';
import { DAY_LABEL, WEEK_DAYS, copyToWorkingDays, hoursProblems, weekToWindows, windowsToWeek, type WeekDay, type WeekHours } from '@/features/network/openingHours';
import { Alert, Button, Input, useToast } from '@/ui';

const NEW_RANGE = { start: '08:00', end: '12:00' };

/** The opening-hours editor of `centre`. */
export function HoursEditor({ centre }: { centre: NetworkCentre }) {
  const client = useQueryClient();
  const toast = useToast();
  const [week, setWeek] = useState<WeekHours>(() => windowsToWeek(centre.opening_hours));
  const [checked, setChecked] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const problems = checked ? hoursProblems(week) : [];
  const save = useMutation({
    mutationFn: () => updateCentre(centre.id, { opening_hours: weekToWindows(week) }),
    onSuccess: (saved) => {
      client.setQueryData(keys.centre(saved.id), saved);
      client.invalidateQueries({ queryKey: keys.allCentres() });
      setWeek(windowsToWeek(saved.opening_hours));
      toast('success', 'Horaires enregistrés.');
    },
    onError: (e) => setError(e instanceof ApiError && e.field?.startsWith('opening_hours') ? fieldMessage('opening_hours') : errorMessage(e)),
  });
  const edit = (day: WeekDay, ranges: WeekHours[WeekDay]) => setWeek((w) => ({ ...w, [day]: ranges }));
  const problemOf = (day: WeekDay, index: number) => problems.find((p) => p.day === day && p.index === index)?.message;
  const general = problems.find((p) => p.day === undefined)?.message;
  return (
    <div className="flex max-w-3xl flex-col gap-3" data-testid="hours-editor">
      <p className="text-sm">Heures locales du centre ({centre.time_zone}). Un jour sans plage est fermé.</p>
      {WEEK_DAYS.map((day) => (
        <fieldset key={day} className="rounded-lg border border-gray-200 p-3 dark:border-gray-600" data-testid={`hours-${day}`}>
          <legend className="px-1 text-sm font-semibold text-ink-strong dark:text-gray-100">{DAY_LABEL[day]}</legend>
          {week[day].length === 0 && <p className="text-sm">Fermé</p>}
          <ul className="flex flex-col gap-2">
            {week[day].map((range, index) => {
              const problem = problemOf(day, index);
              const set = (patch: Partial<typeof range>) => edit(day, week[day].map((r, j) => (j === index ? { ...r, ...patch } : r)));
              return (
                <li key={index} className="flex flex-wrap items-center gap-2">
                  <Input type="time" className="w-32" aria-label={`${DAY_LABEL[day]}, plage ${index + 1} : début`} value={range.start} aria-invalid={problem ? true : undefined} onChange={(e) => set({ start: e.target.value })} />
                  <span aria-hidden="true">–</span>
                  <Input type="time" className="w-32" aria-label={`${DAY_LABEL[day]}, plage ${index + 1} : fin`} value={range.end} aria-invalid={problem ? true : undefined} onChange={(e) => set({ end: e.target.value })} />
                  <Button variant="ghost" size="sm" aria-label={`Retirer la plage ${index + 1} du ${DAY_LABEL[day].toLowerCase()}`} onClick={() => edit(day, week[day].filter((_, j) => j !== index))}>
                    Retirer
                  </Button>
                  {problem && (
                    <p role="alert" className="w-full text-xs font-medium text-status-absent">
                      {problem}
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
          <div className="mt-2 flex flex-wrap gap-2">
            <Button
              variant="secondary"
              size="sm"
              aria-label={`Ajouter une plage le ${DAY_LABEL[day].toLowerCase()}`}
              onClick={() => {
                const last = week[day].at(-1);
                edit(day, [...week[day], last ? { start: last.end < '14:00' ? '14:00' : last.end, end: '18:00' } : NEW_RANGE]);
              }}
            >
              Ajouter une plage
            </Button>
            <Button variant="ghost" size="sm" aria-label={`Copier le ${DAY_LABEL[day].toLowerCase()} sur tous les jours ouvrés`} onClick={() => setWeek((w) => copyToWorkingDays(w, day))}>
              Copier sur tous les jours ouvrés
            </Button>
          </div>
        </fieldset>
      ))}
      {general && <Alert tone="error">{general}</Alert>}
      {error && <Alert tone="error">{error}</Alert>}
      <div className="flex justify-end">
        <Button
          loading={save.isPending}
          data-testid="hours-save"
          onClick={() => {
            setChecked(true);
            setError(null);
            if (hoursProblems(week).length === 0) save.mutate();
          }}
        >
          Enregistrer les horaires
        </Button>
      </div>
    </div>
  );
}
