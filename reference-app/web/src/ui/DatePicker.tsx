import { useEffect, useId, useRef, useState } from 'react';
import { Calendar, type CalendarProps } from './Calendar';
import { formatLong } from './dates';

/** Props of {@link DatePicker}. */
export interface DatePickerProps extends Omit<CalendarProps, 'onChange'> {
  label: string;
  onChange: (date: string) => void;
  /** `data-testid` of the field's button. */
  testId?: string;
  /** Today's date: adds an "Aujourd'hui" shortcut (data-testid="date-today"). */
  today?: string;
}

/** A date field that opens a {@link Calendar}; Escape or a pick closes it. */
export function DatePicker({ label, value, onChange, testId, today, ...calendar }: DatePickerProps) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => !box.current?.contains(e.target as Node) && setOpen(false);
    document.addEventListener('mousedown', close);
    requestAnimationFrame(() => box.current?.querySelector<HTMLElement>('[role="gridcell"][tabindex="0"]')?.focus());
    return () => document.removeEventListener('mousedown', close);
  }, [open]);
  return (
    <div className="relative" ref={box}>
      <span id={`${id}-label`} className="mb-1 block text-sm font-medium text-ink-strong dark:text-gray-100">
        {label}
      </span>
      <button
        ref={button}
        type="button"
        data-testid={testId}
        aria-labelledby={`${id}-label ${id}-value`}
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        className="flex h-10 w-full items-center justify-between rounded-md border border-ink/30 bg-white px-3 text-left text-sm text-ink-strong dark:bg-gray-900 dark:text-gray-100"
      >
        <span id={`${id}-value`}>{value ? formatLong(value) : 'Choisir une date'}</span>
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round"><rect x="3" y="4" width="18" height="18" rx="2" /><path d="M16 2v4M8 2v4M3 10h18" /></svg>
      </button>
      {open && (
        <div
          role="dialog"
          aria-label={label}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              setOpen(false);
              button.current?.focus();
            }
          }}
          className="absolute z-30 mt-1 rounded-lg bg-white p-3 shadow-overlay dark:bg-gray-800"
        >
          <Calendar
            {...calendar}
            value={value}
            onChange={(d) => {
              onChange(d);
              setOpen(false);
              button.current?.focus();
            }}
          />
          {today && (
            <button
              type="button"
              data-testid="date-today"
              onClick={() => {
                onChange(today);
                setOpen(false);
                button.current?.focus();
              }}
              className="mt-2 w-full rounded-md border border-ink/30 py-2 text-sm font-medium text-ink-strong hover:bg-brand-50 dark:text-gray-100"
            >
              Aujourd’hui
            </button>
          )}
        </div>
      )}
    </div>
  );
}
