import { useEffect, useId, useRef, type ReactNode, type KeyboardEvent } from 'react';
import { Button } from './Button';
import { cx } from './cx';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Props of {@link Modal} and {@link Drawer}. */
export interface OverlayProps {
  open: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
  footer?: ReactNode;
}

function Overlay({ open, onClose, title, children, footer, side, testId }: OverlayProps & { side: 'center' | 'left' | 'right'; testId?: string }) {
  const titleId = useId();
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const before = document.activeElement as HTMLElement | null;
    const first = panel.current?.querySelector<HTMLElement>(FOCUSABLE);
    (first ?? panel.current)?.focus();
    return () => before?.focus();
  }, [open]);
  if (!open) return null;
  const trap = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
      return;
    }
    if (e.key !== 'Tab' || !panel.current) return;
    const items = [...panel.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const [first, last] = [items[0], items[items.length - 1]];
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };
  return (
    <div
      className={cx('fixed inset-0 z-40 flex bg-black/40', side === 'center' ? 'items-center justify-center p-4' : side === 'right' ? 'justify-end' : 'justify-start')}
      onMouseDown={(e) => e.target === e.currentTarget && onClose()}
    >
      <div
        ref={panel}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        onKeyDown={trap}
        data-testid={testId}
        className={cx(
          'flex flex-col bg-white shadow-overlay dark:bg-gray-800',
          side === 'center' ? 'max-h-full w-full max-w-lg rounded-lg' : side === 'right' ? 'h-full w-full max-w-md' : 'h-full w-72 max-w-[85vw]',
        )}
      >
        <div className="flex items-center justify-between border-b border-gray-200 px-5 py-4">
          <h2 id={titleId} className="text-lg font-semibold text-ink-strong dark:text-gray-100">
            {title}
          </h2>
          <button type="button" aria-label="Fermer" onClick={onClose} className="rounded p-1 text-xl leading-none">
            ×
          </button>
        </div>
        <div className="overflow-y-auto px-5 py-4">{children}</div>
        {footer && <div className="flex justify-end gap-2 border-t border-gray-200 px-5 py-3">{footer}</div>}
      </div>
    </div>
  );
}

/** A dialog over the page: focus moves in, Tab stays in, Escape or the backdrop closes it, and
 * focus returns where it was. */
export function Modal(props: OverlayProps) {
  return <Overlay {...props} side="center" />;
}

/** A panel sliding in from the right (or the left, for navigation), with the same behaviour as
 * {@link Modal}. */
export function Drawer({ side = 'right', ...props }: OverlayProps & { side?: 'left' | 'right' }) {
  return <Overlay {...props} side={side} />;
}

/** Props of {@link ConfirmDialog}. */
export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  /** What will happen, and what cannot be undone. */
  children: ReactNode;
  /** The confirming button's words ("Supprimer"). */
  confirmLabel: string;
  /** A destructive action: the confirming button is red. */
  danger?: boolean;
  /** The action runs: the confirming button spins and neither button can be pressed twice. */
  pending?: boolean;
  onConfirm: () => void;
  onClose: () => void;
}

/** A question before an action, destructive ones above all: "Annuler" or the action. */
export function ConfirmDialog({ open, title, children, confirmLabel, danger, pending, onConfirm, onClose }: ConfirmDialogProps) {
  return (
    <Overlay
      open={open}
      onClose={onClose}
      title={title}
      side="center"
      testId="confirm-dialog"
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={pending}>
            Annuler
          </Button>
          <Button variant={danger ? 'danger' : 'primary'} onClick={onConfirm} loading={pending} data-testid="confirm-action">
            {confirmLabel}
          </Button>
        </>
      }
    >
      <div className="text-sm">{children}</div>
    </Overlay>
  );
}
