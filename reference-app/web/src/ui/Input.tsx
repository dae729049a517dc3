import { forwardRef, type InputHTMLAttributes, type SelectHTMLAttributes } from 'react';
import { cx } from './cx';

const field =
  'h-10 w-full rounded-md border border-ink/30 bg-white px-3 text-sm text-ink-strong placeholder:text-ink/60 ' +
  'aria-invalid:border-status-absent disabled:bg-gray-100 dark:border-gray-600 dark:bg-gray-900 dark:text-gray-100';

/** A text input; use it inside a {@link FormField} for its label and error. */
export const Input = forwardRef<HTMLInputElement, InputHTMLAttributes<HTMLInputElement>>(function Input(
  { className, ...rest },
  ref,
) {
  return <input ref={ref} className={cx(field, className)} {...rest} />;
});

/** One option of a {@link Select}. */
export interface SelectOption {
  value: string;
  label: string;
}

/** Props of {@link Select}. */
export interface SelectProps extends SelectHTMLAttributes<HTMLSelectElement> {
  options: readonly SelectOption[];
  /** A first, empty option such as "Choisir…". */
  placeholder?: string;
}

/** A native select, styled like {@link Input}. */
export const Select = forwardRef<HTMLSelectElement, SelectProps>(function Select(
  { options, placeholder, className, ...rest },
  ref,
) {
  return (
    <select ref={ref} className={cx(field, 'pr-8', className)} {...rest}>
      {placeholder && <option value="">{placeholder}</option>}
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
});
