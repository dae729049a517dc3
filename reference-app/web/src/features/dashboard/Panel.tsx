// A panel of the dashboard: a titled region of the page.
import { useId, type ReactNode } from 'react';
import { cx } from '@/ui';

/** A titled section of the dashboard, a landmark named by its title. */
export function Panel({ title, children, className }: { title: string; children: ReactNode; className?: string }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className={cx('min-w-0 rounded-lg bg-white p-4 shadow-card dark:bg-gray-800', className)}>
      <h2 id={id} className="mb-3 text-base font-semibold text-ink-strong dark:text-gray-100">
        {title}
      </h2>
      {children}
    </section>
  );
}
