import { useId, useState, type ReactNode, type KeyboardEvent } from 'react';
import { Link } from 'react-router-dom';
import { cx } from './cx';

/** A surface that groups related content. */
export function Card({ title, children, className }: { title?: ReactNode; children: ReactNode; className?: string }) {
  return (
    <section className={cx('rounded-lg bg-white p-4 shadow-card dark:bg-gray-800', className)}>
      {title && <h3 className="mb-3 text-base font-semibold text-ink-strong dark:text-gray-100">{title}</h3>}
      {children}
    </section>
  );
}

/** One tab of {@link Tabs}. */
export interface Tab {
  id: string;
  label: string;
  content: ReactNode;
}

/** Tabs with the ARIA tabs pattern: arrow keys, Home and End move between tabs. */
export function Tabs({ tabs, initial }: { tabs: Tab[]; initial?: string }) {
  const base = useId();
  const [active, setActive] = useState(initial ?? tabs[0]?.id);
  const index = Math.max(0, tabs.findIndex((t) => t.id === active));
  const move = (e: KeyboardEvent) => {
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    const tab = tabs[(next + tabs.length) % tabs.length];
    if (tab) {
      setActive(tab.id);
      document.getElementById(`${base}-tab-${tab.id}`)?.focus();
    }
  };
  return (
    <div>
      <div role="tablist" onKeyDown={move} className="flex gap-1 border-b border-gray-200">
        {tabs.map((t) => (
          <button
            key={t.id}
            id={`${base}-tab-${t.id}`}
            type="button"
            role="tab"
            aria-selected={t.id === active}
            aria-controls={`${base}-panel-${t.id}`}
            tabIndex={t.id === active ? 0 : -1}
            onClick={() => setActive(t.id)}
            className={cx(
              '-mb-px border-b-2 px-4 py-2 text-sm font-medium',
              t.id === active ? 'border-brand-500 text-ink-strong' : 'border-transparent text-ink hover:text-ink-strong',
            )}
          >
            {t.label}
          </button>
        ))}
      </div>
      {tabs.map((t) => (
        <div
          key={t.id}
          id={`${base}-panel-${t.id}`}
          role="tabpanel"
          aria-labelledby={`${base}-tab-${t.id}`}
          hidden={t.id !== active}
          className="pt-4"
        >
          {t.content}
        </div>
      ))}
    </div>
  );
}

/** A section that opens and closes (disclosure pattern). */
export function Accordion({ items }: { items: Array<{ title: string; content: ReactNode }> }) {
  const base = useId();
  const [open, setOpen] = useState<number | null>(null);
  return (
    <div className="divide-y divide-gray-200 rounded-md border border-gray-200">
      {items.map((item, i) => (
        <div key={item.title}>
          <h4>
            <button
              type="button"
              aria-expanded={open === i}
              aria-controls={`${base}-${i}`}
              onClick={() => setOpen(open === i ? null : i)}
              className="flex w-full items-center justify-between px-4 py-3 text-left text-sm font-medium text-ink-strong"
            >
              {item.title}
              <span aria-hidden="true">{open === i ? '−' : '+'}</span>
            </button>
          </h4>
          <div id={`${base}-${i}`} hidden={open !== i} className="px-4 pb-3 text-sm">
            {item.content}
          </div>
        </div>
      ))}
    </div>
  );
}

/** Where the page sits; the last item is the current page. Links stay in the app (router links). */
export function Breadcrumb({ items }: { items: Array<{ label: string; href?: string }> }) {
  return (
    <nav aria-label="Fil d'Ariane">
      <ol className="flex flex-wrap items-center gap-1 text-sm">
        {items.map((item, i) => {
          const last = i === items.length - 1;
          return (
            <li key={item.label} className="flex items-center gap-1">
              {last || !item.href ? (
                <span aria-current={last ? 'page' : undefined} className="font-medium text-ink-strong dark:text-gray-100">
                  {item.label}
                </span>
              ) : (
                <Link to={item.href} className="text-ink underline hover:text-ink-strong dark:text-gray-300">
                  {item.label}
                </Link>
              )}
              {!last && <span aria-hidden="true">/</span>}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

/** The pages to show around the current one: first, last, neighbours, and gaps as null. */
export function pageWindow(page: number, pages: number): Array<number | null> {
  const wanted = new Set([1, pages, page - 1, page, page + 1].filter((p) => p >= 1 && p <= pages));
  const sorted = [...wanted].sort((a, b) => a - b);
  const out: Array<number | null> = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (typeof last === 'number' && p - last > 1) out.push(null);
    out.push(p);
  }
  return out;
}

/** Page navigation. */
export function Pagination({ page, pages, onPage }: { page: number; pages: number; onPage: (page: number) => void }) {
  if (pages <= 1) return null;
  return (
    <nav aria-label="Pagination" className="flex items-center gap-1">
      <button
        type="button"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
        className="rounded px-3 py-1 text-sm disabled:opacity-40"
      >
        Précédent
      </button>
      {pageWindow(page, pages).map((p, i) =>
        p === null ? (
          <span key={`gap-${i}`} aria-hidden="true" className="px-2">
            …
          </span>
        ) : (
          <button
            key={p}
            type="button"
            aria-current={p === page ? 'page' : undefined}
            aria-label={`Page ${p}`}
            onClick={() => onPage(p)}
            className={cx('h-8 min-w-8 rounded px-2 text-sm', p === page ? 'bg-brand-500 font-semibold text-on-brand' : 'hover:bg-brand-50')}
          >
            {p}
          </button>
        ),
      )}
      <button
        type="button"
        disabled={page >= pages}
        onClick={() => onPage(page + 1)}
        className="rounded px-3 py-1 text-sm disabled:opacity-40"
      >
        Suivant
      </button>
    </nav>
  );
}
