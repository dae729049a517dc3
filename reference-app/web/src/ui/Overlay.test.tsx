import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ConfirmDialog, DropdownMenu } from '.';

describe('ConfirmDialog', () => {
  it('asks before a destructive action: "Annuler" or the action, in red', async () => {
    const confirm = vi.fn();
    const close = vi.fn();
    render(
      <ConfirmDialog open title="Supprimer le compte ?" confirmLabel="Supprimer" danger onConfirm={confirm} onClose={close}>
        Cette action ne peut pas être annulée.
      </ConfirmDialog>,
    );
    const dialog = screen.getByRole('dialog', { name: 'Supprimer le compte ?' });
    expect(dialog).toHaveTextContent('Cette action ne peut pas être annulée.');
    expect(within(dialog).getByRole('button', { name: 'Supprimer' })).toHaveClass('bg-status-absent');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Annuler' }));
    expect(close).toHaveBeenCalledOnce();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Supprimer' }));
    expect(confirm).toHaveBeenCalledOnce();
  });

  it('cannot be pressed twice while the action runs', () => {
    render(
      <ConfirmDialog open pending title="Désactiver ?" confirmLabel="Désactiver" onConfirm={vi.fn()} onClose={vi.fn()}>
        …
      </ConfirmDialog>,
    );
    expect(screen.getByRole('button', { name: 'Désactiver' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Annuler' })).toBeDisabled();
  });
});

describe('DropdownMenu in a row', () => {
  it('is named after its row for assistive technologies', async () => {
    const edit = vi.fn();
    render(<DropdownMenu label="Actions" accessibleLabel="Actions pour Jean Dupont" items={[{ label: 'Modifier', onSelect: edit }]} />);
    await userEvent.click(screen.getByRole('button', { name: 'Actions pour Jean Dupont' }));
    await userEvent.click(screen.getByRole('menuitem', { name: 'Modifier' }));
    expect(edit).toHaveBeenCalledOnce();
  });
});
