import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from '.';

let broken = true;

/** Throws while `broken` is set, as a library refusing its input would. */
function Fragile() {
  if (broken) throw new Error('Map has no maxZoom specified');
  return <p>La carte</p>;
}

describe('ErrorBoundary', () => {
  beforeEach(() => {
    broken = true;
    vi.spyOn(console, 'error').mockImplementation(() => {});
  });
  afterEach(() => vi.restoreAllMocks());

  it('shows its French message in place of the part that failed, never the error itself', () => {
    render(
      <div>
        <p>La liste</p>
        <ErrorBoundary message="La carte n’a pas pu s’afficher.">
          <Fragile />
        </ErrorBoundary>
      </div>,
    );
    expect(screen.getByText('La liste')).toBeInTheDocument();
    expect(screen.getByTestId('error-state')).toHaveTextContent('La carte n’a pas pu s’afficher.');
    expect(screen.queryByText(/maxZoom/)).not.toBeInTheDocument();
  });

  it('renders the part again on "Réessayer" and when its reset key changes', async () => {
    const { rerender } = render(
      <ErrorBoundary resetKey="/tenant/agences">
        <Fragile />
      </ErrorBoundary>,
    );
    expect(screen.getByTestId('error-state')).toHaveTextContent('Cette page n’a pas pu s’afficher.');
    broken = false;
    await userEvent.click(screen.getByRole('button', { name: 'Réessayer' }));
    expect(screen.getByText('La carte')).toBeInTheDocument();

    broken = true;
    rerender(
      <ErrorBoundary resetKey="/tenant/agences">
        <Fragile key="again" />
      </ErrorBoundary>,
    );
    expect(screen.getByTestId('error-state')).toBeInTheDocument();
    broken = false;
    rerender(
      <ErrorBoundary resetKey="/tenant/centres">
        <Fragile key="again" />
      </ErrorBoundary>,
    );
    expect(screen.getByText('La carte')).toBeInTheDocument();
  });
});
