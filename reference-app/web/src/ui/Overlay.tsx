import { useEffect, useId, useRef, type ReactNode, type KeyboardEvent } from 'react';
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

function Overlay({ open, onClose, title, children, footer, side }: OverlayProps & { side: 'center' | 'right' }) {
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
    <div className={cx('fixed inset-0 z-40 flex bg-black/40', side === 'center' ? 'items-center justify-center p-4' : 'justify-end')} onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={panel}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        onKeyDown={trap}
        className={cx(
          'flex flex-col bg-white shadow-overlay dark:bg-gray-800',
          side === 'center' ? 'max-h-full w-full max-w-lg rounded-lg' : 'h-full w-full max-w-md',
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

/** A panel sliding in from the right, with the same behaviour as {@link Modal}. */
export function Drawer(props: OverlayProps) {
  return <Overlay {...props} side="right" />;
}
