import { cx } from './cx';

/** Props of {@link Spinner}. */
export interface SpinnerProps {
  size?: 'sm' | 'md' | 'lg';
  /** Text for screen readers; empty to hide the spinner from them (e.g. inside a busy button). */
  label?: string;
}

const sizes = { sm: 'h-4 w-4 border-2', md: 'h-6 w-6 border-2', lg: 'h-10 w-10 border-4' };

/** A loading indicator. */
export function Spinner({ size = 'md', label = 'Chargement…' }: SpinnerProps) {
  return (
    <span role={label ? 'status' : undefined} aria-hidden={label ? undefined : true} className="inline-flex items-center">
      <span className={cx('animate-spin rounded-full border-current border-t-transparent', sizes[size])} />
      {label && <span className="sr-only">{label}</span>}
    </span>
  );
}
