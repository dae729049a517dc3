// The usual periods of a filter bar as toggle buttons ("12 derniers mois", "Aujourd’hui"): the
// one the period shown matches is pressed. The statistics and the bookings share them.
import { cx } from '@/ui';

/** Props of {@link PresetButtons}. */
export interface PresetButtonsProps<Id extends string> {
  presets: ReadonlyArray<{ id: Id; label: string }>;
  /** Whether the period shown is preset `id`'s. */
  active: (id: Id) => boolean;
  onPick: (id: Id) => void;
}

/** The presets, in a group named "Périodes usuelles". */
export function PresetButtons<Id extends string>({ presets, active, onPick }: PresetButtonsProps<Id>) {
  return (
    <div role="group" aria-label="Périodes usuelles" className="flex flex-wrap gap-2">
      {presets.map(({ id, label }) => {
        const pressed = active(id);
        return (
          <button
            key={id}
            type="button"
            aria-pressed={pressed}
            onClick={() => onPick(id)}
            className={cx(
              'h-8 rounded-full border px-3 text-sm font-medium',
              pressed
                ? 'border-brand-500 bg-brand-500 text-on-brand'
                : 'border-ink/30 bg-white text-ink-strong hover:bg-brand-50 dark:border-gray-600 dark:bg-gray-900 dark:text-gray-100 dark:hover:bg-gray-700',
            )}
          >
            {label}
          </button>
        );
      })}
    </div>
  );
}
