// Loading, empty and error states, and the page title, shared by every screen.
import type { ReactNode } from 'react';
import { Button } from './Button';
import { Alert } from './Feedback';
import { Spinner } from './Spinner';

/** A centred spinner while a screen loads. */
export function Loading({ label = 'Chargement…' }: { label?: string }) {
  return (
    <div className="flex justify-center py-12" data-testid="loading">
      <Spinner label={label} />
    </div>
  );
}

/** Nothing to show, and what to do about it. */
export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-gray-300 px-4 py-10 text-center dark:border-gray-600" data-testid="empty-state">
      <p className="font-semibold text-ink-strong dark:text-gray-100">{title}</p>
      {children && <div className="mt-2 text-sm">{children}</div>}
    </div>
  );
}

/** A failed load, explained in `message`, with a retry button when `retry` is given. */
export function Failure({ message, retry }: { message: string; retry?: () => void }) {
  return (
    <div data-testid="error-state" className="flex flex-col items-start gap-3">
      <Alert tone="error" title="Une erreur est survenue">
        {message}
      </Alert>
      {retry && (
        <Button variant="secondary" onClick={retry}>
          Réessayer
        </Button>
      )}
    </div>
  );
}

/** A screen's heading, with an optional line below it. */
export function PageTitle({ children, sub }: { children: ReactNode; sub?: ReactNode }) {
  return (
    <div className="mb-4">
      <h1 className="text-2xl font-bold text-ink-strong dark:text-gray-100">{children}</h1>
      {sub && <p className="mt-1 text-sm">{sub}</p>}
    </div>
  );
}
