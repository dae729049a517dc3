// Loading, empty and error states shared by every screen.
import type { ReactNode } from 'react';
import { Alert, Button, Spinner } from '../ui';
import { errorMessage } from '../api/messages';

export function Loading({ label = 'Chargement…' }: { label?: string }) {
  return (
    <div className="flex justify-center py-12" data-testid="loading">
      <Spinner label={label} />
    </div>
  );
}

export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-gray-300 px-4 py-10 text-center" data-testid="empty-state">
      <p className="font-semibold text-ink-strong">{title}</p>
      {children && <div className="mt-2 text-sm">{children}</div>}
    </div>
  );
}

export function Failure({ error, retry }: { error: unknown; retry?: () => void }) {
  return (
    <div data-testid="error-state" className="flex flex-col items-start gap-3">
      <Alert tone="error" title="Une erreur est survenue">
        {errorMessage(error)}
      </Alert>
      {retry && (
        <Button variant="secondary" onClick={retry}>
          Réessayer
        </Button>
      )}
    </div>
  );
}

export function PageTitle({ children, sub }: { children: ReactNode; sub?: ReactNode }) {
  return (
    <div className="mb-4">
      <h1 className="text-2xl font-bold text-ink-strong">{children}</h1>
      {sub && <p className="mt-1 text-sm">{sub}</p>}
    </div>
  );
}
