import { forwardRef, useId, type InputHTMLAttributes } from 'react';
import { cx } from './cx';

/** Props of {@link Checkbox} and {@link Radio}. */
export interface ChoiceProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> {
  label: string;
}

function choice(type: 'checkbox' | 'radio') {
  return forwardRef<HTMLInputElement, ChoiceProps>(function Choice({ label, className, id, ...rest }, ref) {
    const generated = useId();
    const inputId = id ?? generated;
    return (
      <div className={cx('flex items-center gap-2', className)}>
        <input
          ref={ref}
          id={inputId}
          type={type}
          className="h-4 w-4 accent-brand-600"
          {...rest}
        />
        <label htmlFor={inputId} className="text-sm text-ink-strong dark:text-gray-100">
          {label}
        </label>
      </div>
    );
  });
}

/** A labelled checkbox. */
export const Checkbox = choice('checkbox');
/** A labelled radio button; group them with the same `name` inside a fieldset. */
export const Radio = choice('radio');

/** Props of {@link Switch}. */
export interface SwitchProps {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
}

/** An on/off switch (ARIA `switch` role), toggled by click, Space or Enter. */
export function Switch({ label, checked, onChange, disabled }: SwitchProps) {
  const id = useId();
  return (
    <div className="flex items-center gap-3">
      <button
        id={id}
        type="button"
        role="switch"
        aria-checked={checked}
        disabled={disabled}
        onClick={() => onChange(!checked)}
        className={cx(
          'relative h-6 w-11 rounded-full transition-colors disabled:opacity-50',
          checked ? 'bg-brand-600' : 'bg-gray-300 dark:bg-gray-600',
        )}
      >
        <span
          className={cx(
            'absolute top-0.5 left-0.5 h-5 w-5 rounded-full bg-white shadow transition-transform',
            checked && 'translate-x-5',
          )}
        />
      </button>
      <label htmlFor={id} className="text-sm text-ink-strong dark:text-gray-100">
        {label}
      </label>
    </div>
  );
}
