import { useId, type ReactElement, type ReactNode, cloneElement } from 'react';

/** Props of {@link FormField}. */
export interface FormFieldProps {
  label: string;
  /** The control; it receives `id`, `aria-invalid` and `aria-describedby`. */
  children: ReactElement<Record<string, unknown>>;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
}

/** A labelled form control with its hint and its error, wired for assistive technologies. */
export function FormField({ label, children, hint, error, required }: FormFieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-ink-strong dark:text-gray-100">
        {label}
        {required && (
          <span aria-hidden="true" className="ml-0.5 text-status-absent">
            *
          </span>
        )}
      </label>
      {cloneElement(children, {
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy,
        'aria-required': required || undefined,
      })}
      {hint && (
        <p id={hintId} className="text-xs text-ink dark:text-gray-300">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} role="alert" className="text-xs font-medium text-status-absent">
          {error}
        </p>
      )}
    </div>
  );
}
